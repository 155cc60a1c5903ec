/**
 * One collection of CPython's cyclic garbage collector: the phases of
 * Modules/gcmodule.c (3.6–3.12) and Python/gc.c (3.13), with their names.
 *
 * Read `collect()` first: its body is the list of phases. Each phase says
 * what it leaves behind. The encoding of `gc_refs` is 3.6–3.7's (a count
 * >= 0 while an object is being collected, `GC_REACHABLE` or
 * `GC_TENTATIVELY_UNREACHABLE` otherwise); 3.8+ keep the same states in
 * flag bits of `_gc_prev`/`_gc_next`, with the same outcomes and the same
 * list order.
 */
import { PyDict, PyTuple, PyTypeObject, PyWeakref, type PyObject } from '@pymem/object-model';
import { GCInvariantError } from './errors';
import {
  GCListHead,
  GC_REACHABLE,
  GC_TENTATIVELY_UNREACHABLE,
  NUM_GENERATIONS,
  gcListIsEmpty,
  gcListMerge,
  gcListMove,
  gcListSize,
  gcListItems,
} from './state';
import type { GCState } from './gc';

/** `DEBUG_STATS`: print statistics during collection. */
export const DEBUG_STATS = 1 << 0;
/** `DEBUG_COLLECTABLE`: print collectable objects found. */
export const DEBUG_COLLECTABLE = 1 << 1;
/** `DEBUG_UNCOLLECTABLE`: print unreachable but uncollectable objects found. */
export const DEBUG_UNCOLLECTABLE = 1 << 2;
/** `DEBUG_SAVEALL`: save all garbage in `gc.garbage` instead of freeing it. */
export const DEBUG_SAVEALL = 1 << 5;
/** `DEBUG_LEAK`: `DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL` (38). */
export const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

/** Why a collection runs (`_PyGC_Reason`, 3.13; older versions do not distinguish). */
export type GCReason = 'heap' | 'manual' | 'shutdown';

/** What one collection found: `m` and `n` of `collect()`. */
export interface CollectResult {
  /** Objects collected (`m`): what `gc.callbacks` see as `collected`. */
  readonly collected: number;
  /** Uncollectable objects (`n`, legacy `tp_del` cycles). */
  readonly uncollectable: number;
}

/** Mirrors `PyObject_IS_GC()`: the type is a GC type and, for type objects, a heap type (`type_is_gc`). */
export function isGCObject(o: PyObject): boolean {
  if (!o.ob_type.isGC) return false;
  if (o instanceof PyTypeObject) return o.isHeapType;
  return true;
}

/** Mirrors `_PyObject_GC_MAY_BE_TRACKED()`: a GC object, except an untracked tuple. */
function mayBeTracked(o: PyObject): boolean {
  if (!isGCObject(o)) return false;
  if (isExactTuple(o)) return o.gc_tracked;
  return true;
}

function isExactTuple(o: PyObject): o is PyTuple {
  return o instanceof PyTuple && o.ob_type.tp_name === 'tuple' && !o.ob_type.isHeapType;
}

function isExactDict(o: PyObject): o is PyDict {
  return o instanceof PyDict && o.ob_type.tp_name === 'dict' && !o.ob_type.isHeapType;
}

/**
 * Read this first. One collection of `generation`; returns what was found.
 * Mirrors Modules/gcmodule.c collect() (3.6–3.11), gc_collect_main() (3.12)
 * and Python/gc.c gc_collect_main() (3.13).
 */
export function collect(st: GCState, generation: number, reason: GCReason): CollectResult {
  const profile = st.profile;
  let m = 0; // # objects collected
  let n = 0; // # unreachable objects that couldn't be collected
  const t1 = st.debug & DEBUG_STATS ? print_collecting(st, generation) : 0;
  st.traceCollect('gc-start', generation, reason);

  // Update collection and allocation counters.
  if (generation + 1 < NUM_GENERATIONS) st.generations[generation + 1]!.count += 1;
  for (let i = 0; i <= generation; i++) st.generations[i]!.count = 0;

  // Merge younger generations with the one we are collecting.
  for (let i = 0; i < generation; i++) gcListMerge(st.generations[i]!.head, st.generations[generation]!.head);
  const young = st.generations[generation]!.head;
  const old = generation < NUM_GENERATIONS - 1 ? st.generations[generation + 1]!.head : young;

  // deduce_unreachable(): what is not reachable from outside `young`.
  const unreachable = new GCListHead(-1, 'unreachable');
  update_refs(st, young);
  st.tracePhase(generation, 'update_refs', young, true);
  subtract_refs(st, young);
  st.tracePhase(generation, 'subtract_refs', young, true);
  move_unreachable(st, young, unreachable);
  st.tracePhase(generation, 'move_unreachable', unreachable, false);

  // NON-SPEC: the objects left in `young`, when a pass over it counted them (saves gc_list_size's walk).
  let left = -1;
  if (!profile.untrackTuplesInMoveUnreachable) left = untrack_tuples(st, young);
  // Move reachable objects to the next generation.
  if (young !== old) {
    if (generation === NUM_GENERATIONS - 2) st.long_lived_pending += left >= 0 ? left : gcListSize(young);
    st.tracePhase(generation, 'promote', young, false);
    gcListMerge(young, old);
  } else {
    // Dicts are untracked only in full collections (bpo-14775).
    if (profile.untracksDicts) left = untrack_dicts(st, young);
    st.long_lived_pending = 0;
    // CPython's start-up objects survive every full collection too (NON-SPEC: counted, not modelled).
    st.long_lived_total = (left >= 0 ? left : gcListSize(young)) + (st.startupObjectsFrozen ? 0 : profile.unmodelledStartupObjects);
  }

  // Objects reachable from legacy finalizers (tp_del) can't be deleted safely.
  const finalizers = new GCListHead(-1, 'finalizers');
  move_legacy_finalizers(st, unreachable, finalizers);
  move_legacy_finalizer_reachable(st, finalizers);

  if (profile.collectedAccounting === 'all-unreachable') m += gcListSize(unreachable);
  if (st.debug & DEBUG_COLLECTABLE) {
    for (let gc = unreachable.gc_next!; gc !== unreachable; gc = gc.gc_next!) debug_cycle(st, 'collectable', gc);
  }

  // Clear weakrefs and invoke callbacks as necessary.
  m += handle_weakrefs(st, unreachable, old);
  // Call tp_finalize on objects which have one.
  finalize_garbage(st, unreachable, generation);

  if (profile.partialResurrection) {
    // Continue with the objects no finalizer resurrected.
    const final_unreachable = new GCListHead(-1, 'final_unreachable');
    handle_resurrected_objects(st, unreachable, final_unreachable, old);
    st.tracePhase(generation, 'handle_resurrected_objects', final_unreachable, false);
    m += gcListSize(final_unreachable);
    delete_garbage(st, final_unreachable, old, generation);
  } else if (check_garbage(st, unreachable)) {
    // A finalizer resurrected something: everything survives this time.
    revive_garbage(unreachable);
    st.tracePhase(generation, 'revive_garbage', unreachable, false);
    gcListMerge(unreachable, old);
  } else {
    if (profile.collectedAccounting === 'deleted-unless-resurrected') m += gcListSize(unreachable);
    delete_garbage(st, unreachable, old, generation);
  }

  // Uncollectable objects: statistics and debugging output.
  for (let gc = finalizers.gc_next!; gc !== finalizers; gc = gc.gc_next!) {
    n++;
    if (st.debug & DEBUG_UNCOLLECTABLE) debug_cycle(st, 'uncollectable', gc);
  }
  if (st.debug & DEBUG_STATS) print_done(st, m, n, st.clock() - t1);

  handle_legacy_finalizers(st, finalizers, old);
  // Free lists are cleared only by a full collection.
  if (generation === NUM_GENERATIONS - 1) st.hooks.clearFreeLists?.();

  const stats = st.stats[generation]!;
  stats.collections++;
  stats.collected += m;
  stats.uncollectable += n;
  st.traceCollect('gc-end', generation, reason, m, n);
  return { collected: m, uncollectable: n };
}

/**
 * Mirrors update_refs() (3.6–3.13): `gc_refs = ob_refcnt` for each object
 * in `containers`. From 3.12 an immortal object moves to the permanent
 * generation instead. Leaves every object with `gc_refs > 0`.
 */
export function update_refs(st: GCState, containers: PyObject): void {
  const moveImmortal = st.profile.movesImmortalToPermanent;
  let gc = containers.gc_next!;
  while (gc !== containers) {
    const next = gc.gc_next!;
    if (moveImmortal && gc.immortal) {
      gcListMove(gc, st.permanent.head);
      gc = next;
      continue;
    }
    gc.gc_refs = gc.ob_refcnt;
    if (gc.gc_refs <= 0) {
      throw new GCInvariantError(
        `update_refs: tracked <${gc.ob_type.tp_name} 0x${gc.addr.toString(16)}> has refcount ${gc.ob_refcnt}; ` +
          'a deallocated object was left tracked (untrack it in its dealloc)',
      );
    }
    gc = next;
  }
}

/**
 * Mirrors subtract_refs() with visit_decref() (3.6–3.13): subtracts the
 * references held inside `containers`. Leaves `gc_refs` = the number of
 * references from outside; > 0 means directly reachable.
 */
export function subtract_refs(st: GCState, containers: PyObject): void {
  const visit = st.visitDecref;
  for (let gc = containers.gc_next!; gc !== containers; gc = gc.gc_next!) gc.tp_traverse(visit);
}

/**
 * Mirrors move_unreachable() with visit_reachable() (3.6–3.13): moves the
 * objects of `young` not reachable from outside into `unreachable`, in
 * CPython's order (this order is the order of finalizers). Leaves `young`
 * all `GC_REACHABLE` and `unreachable` all `GC_TENTATIVELY_UNREACHABLE`.
 * Up to 3.7 a reachable exact tuple is offered to `_PyTuple_MaybeUntrack`
 * right after its traversal.
 */
export function move_unreachable(st: GCState, young: PyObject, unreachable: PyObject): void {
  const visit = st.visitReachable;
  const untrackTuples = st.profile.untrackTuplesInMoveUnreachable;
  const savedTarget = st.reachableTarget;
  st.reachableTarget = young;
  let gc = young.gc_next!;
  while (gc !== young) {
    let next: PyObject;
    if (gc.gc_refs !== 0) {
      // Reachable from outside: traverse it; this may append objects to young.
      gc.gc_refs = GC_REACHABLE;
      gc.tp_traverse(visit);
      next = gc.gc_next!;
      if (untrackTuples && isExactTuple(gc)) _PyTuple_MaybeUntrack(st, gc);
    } else {
      // May be unreachable; visit_reachable moves it back if not.
      next = gc.gc_next!;
      gcListMove(gc, unreachable);
      gc.gc_refs = GC_TENTATIVELY_UNREACHABLE;
    }
    gc = next;
  }
  st.reachableTarget = savedTarget;
}

/**
 * Mirrors untrack_tuples() (3.8–3.13): offers each exact tuple of `head` to
 * `_PyTuple_MaybeUntrack`. Returns how many objects stay in `head` (NON-SPEC).
 */
export function untrack_tuples(st: GCState, head: PyObject): number {
  let left = 0;
  let gc = head.gc_next!;
  while (gc !== head) {
    const next = gc.gc_next!;
    if (isExactTuple(gc)) _PyTuple_MaybeUntrack(st, gc);
    if (gc.gc_tracked) left++;
    gc = next;
  }
  return left;
}

/** Mirrors Objects/tupleobject.c _PyTuple_MaybeUntrack(): untracks a tuple none of whose items may be tracked. */
export function _PyTuple_MaybeUntrack(st: GCState, t: PyTuple): void {
  if (!t.gc_tracked) return;
  for (const elt of t.items) if (mayBeTracked(elt)) return;
  st.untrack(t);
  st.traceUntracked('untrack_tuples', t);
}

/**
 * Mirrors untrack_dicts() (3.6–3.13): offers each exact dict of `head` to
 * `_PyDict_MaybeUntrack`. Returns how many objects stay in `head` (NON-SPEC).
 */
export function untrack_dicts(st: GCState, head: PyObject): number {
  let left = 0;
  let gc = head.gc_next!;
  while (gc !== head) {
    const next = gc.gc_next!;
    if (isExactDict(gc)) _PyDict_MaybeUntrack(st, gc);
    if (gc.gc_tracked) left++;
    gc = next;
  }
  return left;
}

/** Mirrors Objects/dictobject.c _PyDict_MaybeUntrack(): untracks a dict with no key or value that may be tracked. */
export function _PyDict_MaybeUntrack(st: GCState, d: PyDict): void {
  if (!d.gc_tracked) return;
  for (const e of d.entries) {
    if (e.key === null || e.value === null) continue;
    if (mayBeTracked(e.value) || mayBeTracked(e.key)) return;
  }
  st.untrack(d);
  st.traceUntracked('untrack_dicts', d);
}

/**
 * Mirrors move_legacy_finalizers() (3.6–3.13): moves the unreachable objects
 * with a legacy `tp_del` into `finalizers`. Python classes have none in
 * Python 3; the runtime may say a built-in kind has one.
 */
export function move_legacy_finalizers(st: GCState, unreachable: PyObject, finalizers: PyObject): void {
  const has = st.hooks.hasLegacyFinalizer;
  if (!has) return;
  let gc = unreachable.gc_next!;
  while (gc !== unreachable) {
    const next = gc.gc_next!;
    if (has(gc)) {
      gcListMove(gc, finalizers);
      gc.gc_refs = GC_REACHABLE;
    }
    gc = next;
  }
}

/** Mirrors move_legacy_finalizer_reachable() with visit_move(): what legacy finalizers reach is uncollectable too. */
export function move_legacy_finalizer_reachable(st: GCState, finalizers: PyObject): void {
  const saved = st.reachableTarget;
  st.reachableTarget = finalizers;
  // The list may grow during this.
  for (let gc = finalizers.gc_next!; gc !== finalizers; gc = gc.gc_next!) gc.tp_traverse(st.visitMove);
  st.reachableTarget = saved;
}

/** `_PyWeakref_ClearRef`: unlinks `wr` from its referent's list; the callback stays. */
function clearRef(st: GCState, wr: PyWeakref, willCall: boolean): void {
  const target = wr.target;
  if (target && target.weakrefs) {
    const i = target.weakrefs.indexOf(wr);
    if (i >= 0) target.weakrefs.splice(i, 1);
    if (target.weakrefs.length === 0) target.weakrefs = null;
  }
  wr.target = null;
  const trace = st.heap.trace;
  if (trace && target) trace.event({ kind: 'weakref-cleared', weakref: wr.addr, target: target.addr, callback: willCall });
}

/**
 * Mirrors handle_weakrefs() (3.6–3.13): clears every weakref to an
 * unreachable object (from 3.8 also the weakrefs that are themselves
 * unreachable, bpo-38006), then calls the callbacks of the cleared weakrefs
 * that are reachable, in the order they were found. A weakref freed by its
 * callback counts as collected; one still alive moves to `old`. Returns the
 * number freed. Leaves no object in `unreachable` weakly referenced.
 */
export function handle_weakrefs(st: GCState, unreachable: PyObject, old: PyObject): number {
  const heap = st.heap;
  const clearOwn = st.profile.clearsUnreachableWeakrefs;
  const wrcb_to_call = new GCListHead(-1, 'wrcb_to_call');
  // NON-SPEC: the same weakrefs in the same order, also covering a weakref the runtime left untracked.
  const toCall: PyWeakref[] = [];
  for (let gc = unreachable.gc_next!; gc !== unreachable; ) {
    const next = gc.gc_next!;
    if (clearOwn && gc instanceof PyWeakref && gc.target) clearRef(st, gc, false);
    while (gc.weakrefs && gc.weakrefs.length > 0) {
      const wr = gc.weakrefs[0]!;
      // Is the callback to be called? Not when the weakref is trash too.
      const call = wr.callback !== null && !(wr.gc_tracked && wr.gc_refs === GC_TENTATIVELY_UNREACHABLE);
      clearRef(st, wr, call);
      if (!call) continue;
      heap.incref(wr);
      if (wr.gc_tracked) gcListMove(wr, wrcb_to_call);
      toCall.push(wr);
    }
    gc = next;
  }
  if (toCall.length > 0) st.tracePhaseList(-1, 'handle_weakrefs', toCall);
  let num_freed = 0;
  for (const wr of toCall) {
    const callback = wr.callback;
    if (callback) st.hooks.callWeakrefCallback(wr, callback);
    const tracked = wr.gc_tracked;
    heap.decref(wr);
    if (tracked) {
      if (wr.gc_tracked && !wr.freed) {
        gcListMove(wr, old); // still alive: move it
        wr.gc_refs = GC_REACHABLE;
      } else {
        num_freed++;
      }
    } else if (wr.freed) {
      num_freed++;
    }
  }
  if (!gcListIsEmpty(wrcb_to_call)) throw new GCInvariantError('handle_weakrefs: wrcb_to_call not drained');
  return num_freed;
}

/**
 * Mirrors finalize_garbage() (3.6–3.13): calls `tp_finalize` (`__del__`,
 * PEP 442) once per object, in list order, marking it finalized first.
 * Finalizers may free objects of the list or resurrect them.
 */
export function finalize_garbage(st: GCState, collectable: PyObject, generation: number): void {
  const heap = st.heap;
  const seen = new GCListHead(-1, 'seen');
  const finalized: PyObject[] | null = heap.trace ? [] : null;
  while (!gcListIsEmpty(collectable)) {
    const gc = collectable.gc_next!;
    gcListMove(gc, seen);
    if (!gc.gc_finalized && gc.ob_type.hasFinalizer) {
      gc.gc_finalized = true;
      finalized?.push(gc);
      heap.incref(gc);
      st.hooks.callFinalizer(gc);
      heap.decref(gc);
    }
  }
  gcListMerge(seen, collectable);
  if (finalized && finalized.length > 0) st.tracePhaseList(generation, 'finalize_garbage', finalized);
}

/**
 * Mirrors check_garbage() (3.6–3.8): recomputes the references from outside
 * the unreachable set; true if a finalizer resurrected any object.
 */
export function check_garbage(st: GCState, collectable: PyObject): boolean {
  for (let gc = collectable.gc_next!; gc !== collectable; gc = gc.gc_next!) gc.gc_refs = gc.ob_refcnt;
  subtract_refs(st, collectable);
  for (let gc = collectable.gc_next!; gc !== collectable; gc = gc.gc_next!) if (gc.gc_refs !== 0) return true;
  return false;
}

/** Mirrors revive_garbage() (3.6–3.8): everything in the list is reachable again. */
export function revive_garbage(collectable: PyObject): void {
  for (let gc = collectable.gc_next!; gc !== collectable; gc = gc.gc_next!) gc.gc_refs = GC_REACHABLE;
}

/**
 * Mirrors handle_resurrected_objects() (3.9–3.13): runs deduce_unreachable()
 * again on `unreachable`; what is still unreachable goes to
 * `still_unreachable`, what a finalizer resurrected (and what it reaches)
 * moves to the old generation.
 */
export function handle_resurrected_objects(st: GCState, unreachable: PyObject, still_unreachable: PyObject, old_generation: PyObject): void {
  update_refs(st, unreachable);
  subtract_refs(st, unreachable);
  move_unreachable(st, unreachable, still_unreachable);
  gcListMerge(unreachable, old_generation);
}

/**
 * Mirrors delete_garbage() (3.6–3.13): `tp_clear` on each object, dropping
 * the references it detaches (or, with DEBUG_SAVEALL, appends the object to
 * `gc.garbage`). An object that survives moves to `old`.
 * NON-SPEC detail: CPython's `tp_clear` drops each reference as it detaches
 * it; pymem's detaches all of an object's references, then drops them in order.
 */
export function delete_garbage(st: GCState, collectable: PyObject, old: PyObject, generation: number): void {
  const heap = st.heap;
  const cleared: PyObject[] | null = heap.trace ? gcListItems(collectable) : null;
  if (cleared && cleared.length > 0) st.tracePhaseList(generation, 'delete_garbage', cleared);
  while (!gcListIsEmpty(collectable)) {
    const gc = collectable.gc_next!;
    if (st.debug & DEBUG_SAVEALL) {
      st.appendGarbage(gc);
    } else {
      heap.incref(gc);
      const refs: PyObject[] = [];
      gc.tp_clear(refs);
      // NON-SPEC: the trace learns the cleared references before finalizers of what they held run;
      // and of the namespaces tp_clear emptied in place (type_clear, subtype_clear: the dict stays).
      const trace = heap.trace;
      if (trace) {
        trace.changed(gc);
        gc.tp_traverse((x) => trace.changed(x));
      }
      for (const r of refs) heap.decref(r);
      heap.decref(gc);
    }
    if (collectable.gc_next === gc) {
      // Still alive: move it; it may die later.
      gcListMove(gc, old);
      gc.gc_refs = GC_REACHABLE;
    }
  }
}

/**
 * Mirrors handle_legacy_finalizers() (3.6–3.13): the uncollectable objects
 * with a legacy finalizer (all of them with DEBUG_SAVEALL) go to
 * `gc.garbage`; the whole list moves to `old`.
 */
export function handle_legacy_finalizers(st: GCState, finalizers: PyObject, old: PyObject): void {
  const has = st.hooks.hasLegacyFinalizer;
  for (let gc = finalizers.gc_next!; gc !== finalizers; gc = gc.gc_next!) {
    if (st.debug & DEBUG_SAVEALL || (has && has(gc))) st.appendGarbage(gc);
  }
  gcListMerge(finalizers, old);
}

/** Mirrors debug_cycle(): `gc: collectable <list 0x7f...>`. */
export function debug_cycle(st: GCState, msg: string, op: PyObject): void {
  st.hooks.writeStderr(`gc: ${msg} ${st.describe(op)}\n`);
}

/** The DEBUG_STATS lines at the start of collect(); returns the start time. */
function print_collecting(st: GCState, generation: number): number {
  let text = `gc: collecting generation ${generation}...\n`;
  text += 'gc: objects in each generation:';
  for (let i = 0; i < NUM_GENERATIONS; i++) text += ` ${gcListSize(st.generations[i]!.head)}`;
  text += '\n';
  // show_stats_each_generations() (3.8+); the same text in 3.7.
  if (st.profile.hasPermanentGeneration) text += `gc: objects in permanent generation: ${gcListSize(st.permanent.head)}\n`;
  st.hooks.writeStderr(text);
  return st.clock();
}

/** The DEBUG_STATS line at the end of collect(): elapsed time as `%.4fs`. */
function print_done(st: GCState, m: number, n: number, elapsed: number): void {
  const t = `${Math.max(0, elapsed).toFixed(4)}s elapsed`;
  if (st.profile.shortDoneLine && m === 0 && n === 0) st.hooks.writeStderr(`gc: done, ${t}\n`);
  else st.hooks.writeStderr(`gc: done, ${n + m} unreachable, ${n} uncollectable, ${t}\n`);
}
