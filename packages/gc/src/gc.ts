/**
 * The collector of one heap (`struct _gc_runtime_state`, Modules/gcmodule.c;
 * `GCState`, Python/gc.c in 3.13) and the gc module's functions on it.
 *
 * `installGC(heap, hooks)` creates it and installs it as `heap.gc`, so the
 * object model reports allocations, frees, tracking and untracking to it.
 * The VM exposes the `gc` module by calling the methods of `GCState`.
 */
import type { GCHooks, Heap, PyObject } from '@pymem/object-model';
import type { FinalizerHooks } from '@pymem/refcount';
import type { CollectEvent } from '@pymem/trace';
import { collect, isGCObject, type GCReason } from './collect';
import { GCInvariantError, GCValueError } from './errors';
import { gcProfileFor, type GCProfile } from './profile';
import {
  GC_REACHABLE,
  GC_TENTATIVELY_UNREACHABLE,
  Generation,
  NUM_GENERATIONS,
  PERMANENT_GENERATION,
  gcListAppend,
  gcListItems,
  gcListMerge,
  gcListMove,
  gcListRemove,
  gcListSize,
  validateList,
  type GenerationStats,
} from './state';

/** The info dict `gc.callbacks` receive (`{"generation", "collected", "uncollectable"}`). */
export interface GCCallbackInfo {
  readonly generation: number;
  readonly collected: number;
  readonly uncollectable: number;
}

/** What the runtime provides to the collector: the parts that run Python code or write output. */
export interface GCRuntimeHooks extends FinalizerHooks {
  /** Calls each of `gc.callbacks` with `(phase, info)` (`invoke_gc_callback`). */
  invokeCallbacks(phase: 'start' | 'stop', info: GCCallbackInfo): void;
  /** Writes to `sys.stderr` (DEBUG_* output, `PySys_WriteStderr`). */
  writeStderr(text: string): void;
  /** `<A 0x7f...>` as `debug_cycle` prints an object; default `<tp_name 0xaddr>`. */
  describe?(o: PyObject): string;
  /** 3.12+: sets the eval breaker's "GC scheduled" bit; the VM then calls `runScheduled()`. */
  schedule?(): void;
  /** Whether a Python exception is pending (an automatic collection waits until none is). */
  errorOccurred?(): boolean;
  /** Appends to the VM's `gc.garbage` list, taking a new reference; default: `GCState.garbage`. */
  appendGarbage?(o: PyObject): void;
  /** Whether the object's type has a legacy `tp_del`; none do unless the runtime says so. */
  hasLegacyFinalizer?(o: PyObject): boolean;
  /** Clears the type free lists (full collections; `clear_freelists`/`_PyGC_ClearAllFreeLists`). */
  clearFreeLists?(): void;
  /** A monotonic clock in seconds, for DEBUG_STATS' elapsed time; default `Date.now() / 1000`. */
  clock?(): number;
}

/** The collector's state and the gc module's functions. */
export class GCState implements GCHooks {
  /** What this version of the collector does differently. */
  readonly profile: GCProfile;
  /** `generations[0..2]`: young to old. */
  readonly generations: readonly Generation[];
  /** `permanent_generation` (3.7+ `gc.freeze()`). */
  readonly permanent: Generation;
  /** `enabled`: automatic collection on (`gc.enable()`/`gc.disable()`). */
  enabled = true;
  /** `debug`: the DEBUG_* flags. */
  debug = 0;
  /** `collecting`: a collection is running (collections do not nest). */
  collecting = false;
  /** 3.12+: a collection was scheduled and waits for the eval breaker. */
  scheduled = false;
  /** `long_lived_total`: survivors of the last full collection. */
  long_lived_total = 0;
  /** NON-SPEC: whether `gc.freeze()` moved CPython's start-up objects (unmodelled) out of the oldest generation. */
  startupObjectsFrozen = false;
  /** `long_lived_pending`: objects promoted into generation 2 since the last full collection. */
  long_lived_pending = 0;
  /** `generation_stats`, what `gc.get_stats()` reports. */
  readonly stats: GenerationStats[];
  /** `gc.garbage` when the runtime gave no `appendGarbage` hook (each entry holds a reference). */
  readonly garbage: PyObject[] = [];

  /** @internal visit_decref. */
  readonly visitDecref: (o: PyObject) => void;
  /** @internal visit_reachable: moves tentatively unreachable objects back to `reachableTarget`. */
  readonly visitReachable: (o: PyObject) => void;
  /** @internal visit_move: moves tentatively unreachable objects to `reachableTarget`. */
  readonly visitMove: (o: PyObject) => void;
  /** @internal the list visit_reachable/visit_move append to. */
  reachableTarget: PyObject | null = null;
  /** @internal */
  readonly clock: () => number;

  constructor(
    /** The heap collected. */
    readonly heap: Heap,
    /** The runtime's side. */
    readonly hooks: GCRuntimeHooks,
  ) {
    this.profile = gcProfileFor(heap.profile);
    const t = this.profile.thresholds;
    this.generations = [new Generation(0, t[0]), new Generation(1, t[1]), new Generation(2, t[2])];
    this.permanent = new Generation(PERMANENT_GENERATION, 0);
    this.stats = [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 }));
    this.clock = hooks.clock ?? (() => Date.now() / 1000);
    this.visitDecref = (op) => {
      // Only objects being collected have gc_refs > 0.
      if (op.gc_refs > 0) op.gc_refs--;
    };
    this.visitReachable = (op) => {
      if (!op.gc_tracked) return;
      const refs = op.gc_refs;
      if (refs === 0) {
        // In young, not yet reached by move_unreachable's scan: tell it it's reachable.
        op.gc_refs = 1;
      } else if (refs === GC_TENTATIVELY_UNREACHABLE) {
        // Had gc_refs 0 when the scan got to it, but is reachable after all.
        gcListMove(op, this.reachableTarget!);
        op.gc_refs = 1;
      }
    };
    this.visitMove = (op) => {
      if (op.gc_tracked && op.gc_refs === GC_TENTATIVELY_UNREACHABLE) {
        gcListMove(op, this.reachableTarget!);
        op.gc_refs = GC_REACHABLE;
      }
    };
  }

  // ---- GCHooks: the GC header's life cycle --------------------------------

  /**
   * A GC object was allocated: generation 0 counts up, and past its threshold
   * a collection runs now (up to 3.11) or is scheduled (3.12+).
   * Mirrors Modules/gcmodule.c _PyObject_GC_Alloc() (3.6–3.8), gc_alloc() (3.9–3.11),
   * _PyObject_GC_Link() (3.12) and Python/gc.c _PyObject_GC_Link() (3.13).
   */
  onAlloc(_o: PyObject): void {
    const g0 = this.generations[0]!;
    g0.count++;
    if (g0.count > g0.threshold && this.enabled && g0.threshold !== 0 && !this.collecting && !this.hooks.errorOccurred?.()) {
      if (this.profile.runsAtEvalBreaker) {
        // _Py_ScheduleGC(): sets the eval breaker bit once.
        if (!this.scheduled) {
          this.scheduled = true;
          this.hooks.schedule?.();
        }
      } else {
        this.collecting = true;
        try {
          this.collect_generations();
        } finally {
          this.collecting = false;
        }
      }
    }
  }

  /** Mirrors PyObject_GC_Del() (3.6–3.13): unlink if still tracked; generation 0 counts down. */
  onFree(o: PyObject): void {
    if (o.gc_tracked) this.untrack(o);
    const g0 = this.generations[0]!;
    if (g0.count > 0) g0.count--;
  }

  /** Mirrors _PyObject_GC_TRACK() (3.6–3.13): link at the end of generation 0. */
  track(o: PyObject): void {
    if (o.gc_tracked) {
      throw new GCInvariantError(`object already tracked by the garbage collector: <${o.ob_type.tp_name} 0x${o.addr.toString(16)}>`);
    }
    gcListAppend(o, this.generations[0]!.head);
    o.gc_tracked = true;
    o.gc_refs = GC_REACHABLE;
    if (this.heap.trace) this.heap.trace.trackChanged('track', o, 0);
  }

  /** Mirrors _PyObject_GC_UNTRACK() (3.6–3.13): unlink from its list; a no-op for an untracked object. */
  untrack(o: PyObject): void {
    if (!o.gc_tracked) return;
    const generation = o.gc_generation;
    gcListRemove(o);
    o.gc_tracked = false;
    o.gc_refs = 0;
    if (this.heap.trace) this.heap.trace.trackChanged('untrack', o, generation);
  }

  // ---- automatic collection ------------------------------------------------

  /**
   * Collects the oldest generation whose count exceeds its threshold; the
   * full collection also needs `long_lived_pending > long_lived_total / 4`.
   * Mirrors collect_generations() (3.6–3.12) and gc_select_generation() (3.13).
   */
  collect_generations(): number {
    for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
      const g = this.generations[i]!;
      if (g.count > g.threshold) {
        // Avoid quadratic behaviour in the number of tracked objects (bpo-4074).
        if (i === NUM_GENERATIONS - 1 && this.long_lived_pending < Math.trunc(this.long_lived_total / 4)) continue;
        return this.collect_with_callback(i, 'heap');
      }
    }
    return 0;
  }

  /**
   * 3.12+: the eval breaker found the "GC scheduled" bit; run the automatic
   * collection. Returns the number of unreachable objects found.
   * Mirrors _Py_RunGC() (3.12, 3.13; 3.13 returns early when disabled).
   */
  runScheduled(): number {
    if (!this.scheduled) return 0;
    this.scheduled = false;
    if (this.profile.runGCChecksEnabled && !this.enabled) return 0;
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      return this.collect_generations();
    } finally {
      this.collecting = false;
    }
  }

  /** Mirrors collect_with_callback() (3.6–3.12; 3.13 invokes the callbacks inside gc_collect_main()). */
  collect_with_callback(generation: number, reason: GCReason): number {
    this.hooks.invokeCallbacks('start', { generation, collected: 0, uncollectable: 0 });
    const r = collect(this, generation, reason);
    this.hooks.invokeCallbacks('stop', { generation, collected: r.collected, uncollectable: r.uncollectable });
    return r.collected + r.uncollectable;
  }

  /**
   * Mirrors _PyGC_CollectNoFail(), finalize_modules()'s collection once the modules
   * are gone from sys.modules: a full collection whether or not gc is enabled, that
   * invokes no `gc.callbacks` (3.6–3.12 call collect() directly; 3.13 skips them for
   * the reason "shutdown").
   */
  collectNoFail(): number {
    if (this.collecting) return 0;
    this.collecting = true;
    try {
      const r = collect(this, NUM_GENERATIONS - 1, 'shutdown');
      return r.collected + r.uncollectable;
    } finally {
      this.collecting = false;
    }
  }

  // ---- the gc module -------------------------------------------------------

  /**
   * `gc.collect(generation=2)`: runs a collection and returns the number of
   * unreachable objects found (0 if a collection is already running).
   * Throws `GCValueError("invalid generation")` as CPython raises ValueError.
   * Mirrors gc_collect_impl() (3.6–3.13).
   */
  collect(generation = NUM_GENERATIONS - 1, reason: GCReason = 'manual'): number {
    if (!Number.isInteger(generation) || generation < 0 || generation >= NUM_GENERATIONS) throw new GCValueError('invalid generation');
    if (this.collecting) return 0; // already collecting, don't do anything
    this.collecting = true;
    try {
      return this.collect_with_callback(generation, reason);
    } finally {
      this.collecting = false;
    }
  }

  /** `gc.enable()`. */
  enable(): void {
    this.enabled = true;
  }

  /** `gc.disable()`. */
  disable(): void {
    this.enabled = false;
  }

  /** `gc.isenabled()`. */
  isenabled(): boolean {
    return this.enabled;
  }

  /** `gc.get_count()`: the three generation counts. */
  get_count(): [number, number, number] {
    const g = this.generations;
    return [g[0]!.count, g[1]!.count, g[2]!.count];
  }

  /** `gc.get_threshold()`. */
  get_threshold(): [number, number, number] {
    const g = this.generations;
    return [g[0]!.threshold, g[1]!.threshold, g[2]!.threshold];
  }

  /** `gc.set_threshold(threshold0[, threshold1[, threshold2]])`; 0 for threshold0 disables automatic collection. */
  set_threshold(threshold0: number, threshold1?: number, threshold2?: number): void {
    this.generations[0]!.threshold = threshold0;
    if (threshold1 !== undefined) this.generations[1]!.threshold = threshold1;
    if (threshold2 !== undefined) this.generations[2]!.threshold = threshold2;
  }

  /** `gc.set_debug(flags)`. */
  set_debug(flags: number): void {
    this.debug = flags;
  }

  /** `gc.get_debug()`. */
  get_debug(): number {
    return this.debug;
  }

  /**
   * `gc.get_objects(generation=None)`: tracked objects, generation 0 first,
   * each generation in list order (oldest tracked first); the permanent
   * generation is not included. The VM leaves out the result list itself.
   * Mirrors gc_get_objects_impl() (3.8+ takes `generation`).
   */
  get_objects(generation: number | null = null): PyObject[] {
    if (generation === null) {
      const out: PyObject[] = [];
      for (const g of this.generations) for (let o = g.head.gc_next!; o !== g.head; o = o.gc_next!) out.push(o);
      return out;
    }
    if (generation >= NUM_GENERATIONS) {
      throw new GCValueError(`generation parameter must be less than the number of available generations (${NUM_GENERATIONS})`);
    }
    if (generation < 0) throw new GCValueError('generation parameter cannot be negative');
    return gcListItems(this.generations[generation]!.head);
  }

  /** `gc.get_stats()`: per generation, collections, collected and uncollectable. */
  get_stats(): GenerationStats[] {
    return this.stats.map((s) => ({ ...s }));
  }

  /**
   * `gc.get_referrers(*objs)`: the tracked objects (generations 0–2, in
   * `get_objects` order) whose `tp_traverse` visits any of `objs`. `exclude`
   * are objects to skip (CPython skips the argument tuple and the result list).
   * Mirrors gc_get_referrers()/gc_referrers_for().
   */
  get_referrers(objs: readonly PyObject[], exclude: readonly PyObject[] = []): PyObject[] {
    const targets = new Set(objs);
    const skip = new Set(exclude);
    const out: PyObject[] = [];
    let found = false;
    const visit = (o: PyObject) => {
      if (targets.has(o)) found = true;
    };
    for (const g of this.generations) {
      for (let o = g.head.gc_next!; o !== g.head; o = o.gc_next!) {
        if (skip.has(o)) continue;
        found = false;
        o.tp_traverse(visit);
        if (found) out.push(o);
      }
    }
    return out;
  }

  /** `gc.get_referents(*objs)`: what each GC object of `objs` visits, in order. Mirrors gc_get_referents(). */
  get_referents(objs: readonly PyObject[]): PyObject[] {
    const out: PyObject[] = [];
    const visit = (o: PyObject) => {
      out.push(o);
    };
    for (const o of objs) if (isGCObject(o)) o.tp_traverse(visit);
    return out;
  }

  /** `gc.is_tracked(obj)`. */
  is_tracked(o: PyObject): boolean {
    return isGCObject(o) && o.gc_tracked;
  }

  /** `gc.is_finalized(obj)` (3.9+): whether the collector already ran its finalizer. */
  is_finalized(o: PyObject): boolean {
    return isGCObject(o) && o.gc_finalized;
  }

  /** `gc.freeze()` (3.7+): moves every tracked object into the permanent generation; counts become 0. */
  freeze(): void {
    for (const g of this.generations) {
      gcListMerge(g.head, this.permanent.head);
      g.count = 0;
    }
    this.startupObjectsFrozen = true;
  }

  /** `gc.unfreeze()` (3.7+): moves the permanent generation into the oldest one. */
  unfreeze(): void {
    gcListMerge(this.permanent.head, this.generations[NUM_GENERATIONS - 1]!.head);
    this.startupObjectsFrozen = false;
  }

  /** `gc.get_freeze_count()` (3.7+). */
  get_freeze_count(): number {
    return gcListSize(this.permanent.head);
  }

  /** Number of objects in generation `i` (0–2, or 3 for the permanent generation). */
  generationSize(i: number): number {
    return gcListSize(i === PERMANENT_GENERATION ? this.permanent.head : this.generations[i]!.head);
  }

  /**
   * Checks the collector's invariants (NON-SPEC): each list's links are
   * consistent; every tracked object is in exactly one generation list and
   * carries its number; with `heap.live` on, every live tracked object is
   * in a list. Call it between collections (during one, objects sit in the
   * collection's temporary lists). Throws a `GCInvariantError` naming what is wrong.
   */
  validate(): void {
    const seen = new Set<PyObject>();
    for (const g of this.generations) validateList(g.head, seen);
    validateList(this.permanent.head, seen);
    const live = this.heap.live;
    if (live) {
      for (const o of live) {
        if (o.gc_tracked && !seen.has(o)) {
          throw new GCInvariantError(`<${o.ob_type.tp_name} 0x${o.addr.toString(16)}> is marked tracked but is in no generation list`);
        }
      }
    }
  }

  // ---- used by the phases --------------------------------------------------

  /** @internal `PyList_Append(gc.garbage, op)`. */
  appendGarbage(o: PyObject): void {
    if (this.hooks.appendGarbage) this.hooks.appendGarbage(o);
    else {
      this.heap.incref(o);
      this.garbage.push(o);
    }
  }

  /** @internal */
  describe(o: PyObject): string {
    return this.hooks.describe ? this.hooks.describe(o) : `<${o.ob_type.tp_name} 0x${o.addr.toString(16)}>`;
  }

  /** @internal NON-SPEC: trace events of a collection. */
  traceCollect(kind: 'gc-start' | 'gc-end', generation: number, _reason: GCReason, collected?: number, uncollectable?: number): void {
    const trace = this.heap.trace;
    if (!trace) return;
    const e: CollectEvent = kind === 'gc-start' ? { kind, generation } : { kind, generation, collected: collected!, uncollectable: uncollectable! };
    trace.event(e);
  }

  /** @internal NON-SPEC: one `gc-phase` event listing a list's objects (with `gc_refs` when asked). */
  tracePhase(generation: number, phase: string, head: PyObject, withRefs: boolean): void {
    const trace = this.heap.trace;
    if (!trace) return;
    const objects: { id: number; gc_refs?: number }[] = [];
    for (let o = head.gc_next!; o !== head; o = o.gc_next!) objects.push(withRefs ? { id: o.addr, gc_refs: o.gc_refs } : { id: o.addr });
    trace.event({ kind: 'gc-phase', generation, phase, objects });
  }

  /** @internal NON-SPEC: one `gc-phase` event listing objects. */
  tracePhaseList(generation: number, phase: string, objs: readonly PyObject[]): void {
    const trace = this.heap.trace;
    if (!trace) return;
    trace.event({ kind: 'gc-phase', generation, phase, objects: objs.map((o) => ({ id: o.addr })) });
  }

  /** @internal NON-SPEC: an object untracked by untrack_tuples/untrack_dicts. */
  traceUntracked(phase: string, o: PyObject): void {
    const trace = this.heap.trace;
    if (!trace) return;
    trace.event({ kind: 'gc-phase', generation: -1, phase, objects: [{ id: o.addr }] });
  }
}

/**
 * Creates the collector of `heap` and installs it as `heap.gc`, so that
 * allocations, frees and (un)tracking reach it. Call after
 * `installRefcounting(heap, hooks)`.
 */
export function installGC(heap: Heap, hooks: GCRuntimeHooks): GCState {
  const st = new GCState(heap, hooks);
  heap.gc = st;
  return st;
}

