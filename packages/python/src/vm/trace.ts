/**
 * NON-SPEC: the engine side of the trace (see @pymem/trace and DESIGN.md).
 * Nothing here models CPython; it watches the model and reports it.
 *
 * The heap, the refcount package and the collector already send their own
 * events (alloc, incref/decref, dealloc, weakref-cleared, track/untrack,
 * gc-start/phase/end) to `heap.trace`. The emitter sits there, forwards them,
 * and adds what only the interpreter knows: frames pushed and popped, names
 * bound, a call's references on the value stack, lines reached, output,
 * finalizer and weakref-callback calls.
 *
 * Reference edges are reported by difference: an object whose references
 * may have changed since the last line is "dirty"; at the next line the
 * emitter walks its references with `tp_traverse` and sends
 * `edge-add`/`edge-remove` for what changed. An object is dirty when it was
 * allocated, or when a store says so (`HeapTrace.changed`): the "exact"
 * kinds report every change of their references where it is made (dicts,
 * tuples, cells, instances of Python classes, built-in objects — `PyNative`:
 * iterators, descriptors, built-in functions —, functions, classes, code
 * objects, modules, bound methods, and atoms, which hold none). Any other
 * kind (lists, sets, frames, generators, exceptions…) is also dirty when it
 * took part in an event (a reference to it was taken or dropped: the
 * interpreter loads an object onto the value stack to change it), and floats
 * (see `floating`) while nothing traced refers to it. Counts and generations
 * set without an event (a finalizer's temporary resurrection, an immortal
 * object, a promotion at the end of a collection) are reconciled the same
 * way. So the state the trace describes equals the engine's at every `line`
 * event.
 */
import type { TraceEvent, TraceSink } from '@pymem/trace';
import { PyBytes, PyCell, PyCode, PyDict, PyFloat, PyFunction, PyInstance, PyInt, PyList, PyMethod, PyModule, PyNative, PySet, PySingleton, PyStr, PyTuple, PyTypeObject, text, type Heap, type HeapTrace, type PyObject } from '@pymem/object-model';
import type { GCState } from '@pymem/gc';
import type { Frame } from './frame';

const NO_EDGES: readonly PyObject[] = [];
/** A floating object with more references than this is no longer re-checked at every line. */
const MAX_FLOATING_REFERENTS = 256;
/**
 * Floating objects re-checked per line at most: past this many, they take
 * turns. They pile up when a big object that holds them is re-checked
 * rarely (the 100,000 lists of a comprehension in gc_collect), and checking
 * them all at every line made tracing quadratic again.
 */
const FLOATING_PER_LINE = 128;
/**
 * An object with more references than this is re-checked only every
 * BIG_OBJECT_PERIOD lines, or every (references / BIG_OBJECT_VISITS_PER_LINE)
 * lines if that is longer (and at the end): walking a list of 100,000 items
 * every 64 lines, as it is loaded at each line of a loop, was most of a
 * traced run of gc_collect and made tracing quadratic in the list's size.
 * Its edges can lag that long.
 */
const BIG_OBJECT_REFERENTS = 1024;
const BIG_OBJECT_PERIOD = 64;
const BIG_OBJECT_VISITS_PER_LINE = 16;
/** A difference of references at most this big (references gone × added) is matched in arrays, not a map (see diffSmall). */
const SMALL_DIFF = 256;

/** Never a generation: an object whose generation was never reported. */
const UNREPORTED = -2;

/** What the emitter last reported of one object, kept with it so a sync looks nothing up. */
class Reported {
  /** The count last reported (-1: none yet). */
  refcnt = -1;
  /** The generation last reported (-1 untracked). */
  generation = UNREPORTED;
  /** The references last reported (the objects, in traversal order). */
  known: readonly PyObject[] = NO_EDGES;
  /** The sync at which a big object is next re-checked. */
  bigDue = 0;
  /** The sync whose dirty list holds it (-1: none). */
  dirtyAt = -1;
  /** Traced references to it (edges reported and not removed). */
  inDegree = 0;
  /**
   * Its kind reports every change of its references with `changed` (see the
   * file comment), so an incref or decref of it need not re-walk it. A 3.13
   * dict whose values are still an instance's inline values is not: the
   * instance lets go of it (and its edges appear) in object-model code.
   */
  exact: boolean;

  constructor(readonly o: PyObject) {
    this.exact = isExact(o);
  }
}

/** For tests: called with each new emitter and its heap. */
let observer: ((emitter: TraceEmitter, heap: Heap) => void) | null = null;

/** For tests: watch the emitters runProgram makes (null to stop). */
export function observeEmitters(fn: ((emitter: TraceEmitter, heap: Heap) => void) | null): void {
  observer = fn;
}

/** Sends a run's events to a sink; see the file comment. */
export class TraceEmitter implements HeapTrace {
  /**
   * Live object → what was reported of it. Keyed by the object, never by
   * its address: V8 looks an object key up about three times as fast as an
   * address (a double), and addresses are freed and reused all the time.
   */
  private readonly reported = new Map<PyObject, Reported>();
  /**
   * The objects touched since the last sync, each once: an object is in the
   * list when its `dirtyAt` is the current sync's number.
   */
  private dirty: Reported[] = [];
  /**
   * Objects no traced reference reaches yet (held by a builtin while it
   * works, or by a fast local): they can change without being touched, so
   * they are checked at every line until something refers to them.
   */
  private readonly floating = new Set<Reported>();
  private readonly frameDepth = new Map<Frame, number>();
  /** The running frame at each depth. */
  private readonly atDepth: (Frame | undefined)[] = [];
  /**
   * Frames that ran since the last sync (pushed, or resumed when the frame
   * above them was popped): only their value stacks can have changed, since
   * a frame waiting for a call to return does not touch its own.
   */
  private readonly ran = new Set<Frame>();
  private depth = 0;
  /** The main module's namespace: the trace's globals. Other modules' names are their frames' locals. */
  private mainGlobals: PyDict | null = null;
  /** The collector, for the promotions at the end of a collection. */
  gc: GCState | null = null;

  constructor(
    private readonly sink: TraceSink,
    heap: Heap,
  ) {
    const allocateStatic = heap.allocateStatic.bind(heap);
    heap.allocateStatic = <T extends PyObject>(o: T, size: number): T => {
      allocateStatic(o, size);
      this.refcntSet(o);
      return o;
    };
    heap.trace = this;
    heap.summarize = summarize;
    observer?.(this, heap);
  }

  /** For tests: the running frames, outermost first, with the depth the trace gives them. */
  runningFrames(): { frame: Frame; depth: number }[] {
    return [...this.frameDepth].map(([frame, depth]) => ({ frame, depth })).sort((a, b) => a.depth - b.depth);
  }

  /** For tests: the names and values bound in a frame's locals (cells read through). */
  frameBindings(f: Frame): Map<string, PyObject> {
    const out = new Map<string, PyObject>();
    if (f.locals && f.locals !== this.mainGlobals) {
      for (const e of f.locals.entries) if (e.key instanceof PyStr && e.value) out.set(e.key.value, e.value);
    }
    const names = this.localNames(f);
    for (let i = 0; i < names.length; i++) {
      const v = this.localValue(f, i);
      if (v) out.set(names[i]!, v);
    }
    return out;
  }

  /** Events from the heap, the refcount package and the collector. */
  event(e: TraceEvent): void {
    // (Counts come through refChanged: an incref or decref event is only passed on.)
    switch (e.kind) {
      case 'gc-phase': {
        this.sink.event(e);
        // Both phases list the generation collected (`young`), whose list the emitter walks itself.
        const young = e.generation >= 0 ? this.gc?.generations[e.generation]?.head : undefined;
        // A collection first merges the younger generations into the one collected.
        if (e.phase === 'update_refs' && young) {
          for (let o = young.gc_next!; o !== young; o = o.gc_next!) {
            const r = this.reported.get(o);
            if (r) this.reconcileGeneration(r);
          }
        }
        // Survivors move on before finalizers run, and a finalizer runs Python
        // lines inside the collection: report the move now, not at gc-end.
        if (e.phase === 'promote' && young) {
          for (let o = young.gc_next!; o !== young; o = o.gc_next!) {
            const r = this.reported.get(o);
            if (r) this.reportGeneration(r, e.generation + 1);
          }
        }
        return;
      }
      case 'gc-end':
        this.sink.event(e);
        this.reportPromotions(e.generation);
        return;
      default:
        break;
    }
    this.sink.event(e);
  }

  /** An incref or decref from the heap or the deallocator (see HeapTrace): `o` is the object, no lookup needed. */
  refChanged(kind: 'incref' | 'decref', o: PyObject, refcnt: number): void {
    const r = this.reportedOf(o);
    if (!r.exact) this.markReported(r);
    r.refcnt = refcnt;
    const sink = this.sink;
    if (sink.ref) sink.ref(kind, o.addr, refcnt);
    else sink.event({ kind, id: o.addr, refcnt });
  }

  /** A store changed `o`'s references (see HeapTrace): it is re-checked at the next sync. */
  changed(o: PyObject): void {
    this.markReported(this.reportedOf(o));
  }

  /** An allocation from the heap (see HeapTrace): the object is new, and floats until a traced reference reaches it. */
  allocated(o: PyObject, size: number, summary: string): void {
    const r = new Reported(o);
    r.refcnt = 1;
    this.reported.set(o, r);
    this.markReported(r);
    // An exact kind reports its own changes (see Reported.exact): the sync it is dirty for is all it needs.
    if (!r.exact) this.floating.add(r);
    const sink = this.sink;
    if (sink.alloc) sink.alloc(o.addr, o.ob_type.tp_name, size, summary);
    else sink.event({ kind: 'alloc', id: o.addr, type: o.ob_type.tp_name, size, summary });
  }

  /** `o`'s memory went back to the allocator (see HeapTrace). */
  deallocated(o: PyObject): void {
    const id = o.addr;
    const r = this.reported.get(o);
    if (r) {
      // (A dirty list may still hold it: a sync skips freed objects.)
      this.reported.delete(o);
      this.floating.delete(r);
    }
    const sink = this.sink;
    if (sink.dealloc) sink.dealloc(id);
    else sink.event({ kind: 'dealloc', id });
  }

  /** The collector tracked or untracked `o` (see HeapTrace). */
  trackChanged(kind: 'track' | 'untrack', o: PyObject, generation: number): void {
    const r = this.reported.get(o);
    if (r) r.generation = kind === 'track' ? generation : -1;
    const sink = this.sink;
    if (sink.track) sink.track(kind, o.addr, generation);
    else sink.event({ kind, id: o.addr, generation });
  }

  /** A frame starts running (a call, or a generator resuming): its existing bindings come with it. */
  framePush(f: Frame): void {
    const depth = ++this.depth;
    this.frameDepth.set(f, depth);
    this.atDepth[depth] = f;
    this.ran.add(f);
    if (!this.mainGlobals) this.mainGlobals = f.globals;
    this.sendFrame('frame-push', depth, f.unit.qualname ?? f.unit.name, f.lineno || f.unit.firstlineno);
    if (f.locals) {
      const scope = f.locals === this.mainGlobals ? 'global' : 'local';
      for (const e of f.locals.entries) {
        if (e.key instanceof PyStr && e.value) this.sendBind(scope, depth, e.key.value, e.value);
      }
    }
    const names = this.localNames(f);
    for (let i = 0; i < names.length; i++) {
      const v = this.localValue(f, i);
      if (v) this.sendBind('local', depth, names[i]!, v);
    }
  }

  /** A frame stops running (returned, raised or yielded). */
  framePop(f: Frame): void {
    const depth = this.frameDepth.get(f) ?? this.depth;
    this.frameDepth.delete(f);
    if (this.atDepth[depth] === f) this.atDepth[depth] = undefined;
    const under = this.atDepth[depth - 1];
    if (under) this.ran.add(under);
    // Its frame object (a generator's, or any before 3.11) or, from 3.11, the generator that embeds it lets go of the locals next.
    if (f.frameObject) this.markDirty(f.frameObject);
    if (f.generator) this.markDirty(f.generator);
    this.sendFrame('frame-pop', depth, f.unit.qualname ?? f.unit.name, f.lineno);
    this.depth = depth - 1;
  }

  /** `STORE_NAME`/`DELETE_NAME`: `v` is the new value, null when deleted. */
  storeName(f: Frame, name: string, v: PyObject | null): void {
    if (f.locals) this.markDirty(f.locals);
    this.bindName(f.locals === this.mainGlobals ? 'global' : 'local', f, name, v);
  }

  /** `STORE_GLOBAL`/`DELETE_GLOBAL`. */
  storeGlobal(f: Frame, name: string, v: PyObject | null): void {
    this.markDirty(f.globals);
    if (f.globals === this.mainGlobals) this.bindName('global', f, name, v);
  }

  /** A global of `__main__` rebound outside any frame (interpreter finalization clears them). */
  clearMainGlobal(name: string, v: PyObject): void {
    if (this.mainGlobals) this.markDirty(this.mainGlobals);
    this.sendBind('global', 0, name, v);
  }

  /** `STORE_FAST`/`DELETE_FAST`/`STORE_DEREF`/`DELETE_DEREF`: index into the frame's locals, cells and free variables. */
  storeLocal(f: Frame, index: number): void {
    if (f.frameObject) this.markDirty(f.frameObject);
    if (f.generator) this.markDirty(f.generator);
    const slot = f.localsplus[index];
    if (slot instanceof PyCell && index >= f.unit.varnames.length) this.markDirty(slot);
    const name = this.localNames(f)[index];
    if (name !== undefined) this.bindName('local', f, name, this.localValue(f, index));
  }

  /**
   * A call begins: the callable and its arguments are references the
   * caller's value stack holds while it runs (why `sys.getrefcount(x)` reads
   * one more than the names that hold `x`).
   */
  stackTake(callable: PyObject, args: readonly PyObject[]): void {
    const depth = this.depth;
    this.sendStack('stack-take', depth, callable.addr);
    for (const a of args) this.sendStack('stack-take', depth, a.addr);
  }

  /** The stack lets go of the arguments (a 3.11+ frame took them over, or the call returned), then of the callable. */
  stackRelease(args: readonly PyObject[], callable: PyObject | null): void {
    const depth = this.depth;
    for (const a of args) this.sendStack('stack-release', depth, a.addr);
    if (callable) this.sendStack('stack-release', depth, callable.addr);
  }

  private sendStack(kind: 'stack-take' | 'stack-release', depth: number, id: number): void {
    const sink = this.sink;
    if (sink.stack) sink.stack(kind, depth, id);
    else sink.event({ kind, depth, id });
  }

  /** Output the program wrote. */
  output(stream: 'stdout' | 'stderr', text: string): void {
    this.sink.event({ kind: 'output', stream, text });
  }

  /** `tp_finalize` is about to run (its count may have been set to 1 for it without an event). */
  finalize(o: PyObject): void {
    this.refcntSet(o);
    this.sink.event({ kind: 'finalize', id: o.addr });
  }

  /** A weakref's callback is about to be called. */
  weakrefCallback(wr: PyObject): void {
    this.sink.event({ kind: 'weakref-callback', weakref: wr.addr });
  }

  /** Execution reached a new line: the edges catch up, then the line event. */
  line(line: number): void {
    this.sync();
    const sink = this.sink;
    if (sink.line) sink.line(line);
    else sink.event({ kind: 'line', line });
  }

  /** The run is over: report the last changes of edges. */
  finish(): void {
    this.sync(true);
  }

  /** Syncs so far: the number of the next. */
  private syncs = 0;

  /**
   * What was reported of `o`. An object the trace saw no allocation of (or
   * a freed one) gets a record that reports everything anew, as one the
   * emitter never saw; a freed one's is not kept.
   */
  private reportedOf(o: PyObject): Reported {
    const r = this.reported.get(o);
    if (r !== undefined) return r;
    const fresh = new Reported(o);
    if (!o.freed) {
      this.reported.set(o, fresh);
    }
    return fresh;
  }

  /** `o` takes part in an event: it is re-checked at the next sync. */
  private markDirty(o: PyObject): void {
    this.markReported(this.reportedOf(o));
  }

  /** `o` was touched (it is on a value stack): re-checked at the next sync unless its kind reports its own changes. */
  private touch(o: PyObject): void {
    const r = this.reportedOf(o);
    if (!r.exact) this.markReported(r);
  }

  private markReported(r: Reported): void {
    if (r.dirtyAt === this.syncs) return;
    r.dirtyAt = this.syncs;
    this.dirty.push(r);
  }

  private bindName(scope: 'local' | 'global', f: Frame, name: string, v: PyObject | null): void {
    const depth = this.frameDepth.get(f) ?? this.depth;
    this.sendBind(scope, depth, name, v);
  }

  /** A bind event, or an unbind when `v` is null. */
  private sendBind(scope: 'local' | 'global', depth: number, name: string, v: PyObject | null): void {
    const sink = this.sink;
    if (sink.bind) sink.bind(v ? 'bind' : 'unbind', scope, depth, name, v ? v.addr : undefined);
    else sink.event(v ? { kind: 'bind', scope, depth, name, id: v.addr } : { kind: 'unbind', scope, depth, name });
  }

  private sendFrame(kind: 'frame-push' | 'frame-pop', depth: number, name: string, line: number): void {
    const sink = this.sink;
    if (sink.frame) sink.frame(kind, depth, name, line);
    else sink.event({ kind, depth, name, line });
  }

  /** The names of `localsplus`: fast locals, then cells, then free variables. */
  private localNames(f: Frame): readonly string[] {
    const u = f.unit;
    return u.cellvars.length || u.freevars.length ? [...u.varnames, ...u.cellvars, ...u.freevars] : u.varnames;
  }

  /** The value a local name is bound to (a cell's content for cells and free variables). */
  private localValue(f: Frame, i: number): PyObject | null {
    const v = f.localsplus[i] ?? null;
    if (v instanceof PyCell && i >= f.unit.varnames.length) return v.ref;
    return v;
  }

  private refcntSet(o: PyObject): void {
    this.reportRefcnt(this.reportedOf(o));
  }

  private reportRefcnt(r: Reported): void {
    const o = r.o;
    if (r.refcnt === o.ob_refcnt) return;
    r.refcnt = o.ob_refcnt;
    this.sink.event({ kind: 'refcnt-set', id: o.addr, refcnt: o.ob_refcnt });
  }

  /** After a collection of `generation`, survivors moved on: report the objects whose generation changed. */
  private reportPromotions(generation: number): void {
    const gc = this.gc;
    if (!gc) return;
    const top = Math.min(generation + 1, gc.generations.length - 1);
    for (let g = 0; g <= top; g++) {
      const head = gc.generations[g]!.head;
      for (let o = head.gc_next!; o !== head; o = o.gc_next!) this.reconcileGeneration(this.reportedOf(o));
    }
  }

  /** The permanent generation's ends at the last sync: `gc.freeze()`/`unfreeze()` move whole lists without an event. */
  private permanentEnds: [PyObject | null, PyObject | null] = [null, null];

  private reportFreezes(): void {
    const gc = this.gc;
    if (!gc) return;
    const head = gc.permanent.head;
    const first = head.gc_next === head ? null : head.gc_next;
    const last = head.gc_prev === head ? null : head.gc_prev;
    if (first === this.permanentEnds[0] && last === this.permanentEnds[1]) return;
    this.permanentEnds = [first, last];
    for (const h of [head, gc.generations[gc.generations.length - 1]!.head]) {
      for (let o = h.gc_next!; o !== h; o = o.gc_next!) this.reconcileGeneration(this.reportedOf(o));
    }
  }

  private reconcileGeneration(r: Reported): void {
    const o = r.o;
    if (!o.gc_tracked) return;
    this.reportGeneration(r, o.gc_generation);
  }

  private reportGeneration(r: Reported, g: number): void {
    if (r.generation === g) return;
    r.generation = g;
    this.sink.event({ kind: 'generation', id: r.o.addr, generation: g });
  }

  /** Reports what changed on the dirty objects since the last sync; with `all`, big and floating objects take no turns. */
  private sync(all = false): void {
    // What is on a value stack can change without a reference to it being
    // taken (LIST_APPEND, MAP_ADD, SET_ADD append to the list being built).
    // A frame object refers to its value stack.
    for (const f of this.ran) {
      if (!this.frameDepth.has(f)) continue;
      // (The unbound marker of LOAD_FAST_AND_CLEAR is no heap object: no address.)
      for (const o of f.stack) if (o.addr) this.touch(o);
      if (f.frameObject) this.markDirty(f.frameObject);
      if (f.generator) this.markDirty(f.generator);
    }
    this.ran.clear();
    const top = this.atDepth[this.depth];
    if (top) this.ran.add(top);
    this.reportFreezes();
    if (this.dirty.length === 0) return;
    // The two lists swap roles, so a sync allocates none. An object is in
    // this sync's list when its dirtyAt is `turn`, in the next one's when
    // it is `turn + 1`.
    const dirty = this.dirty;
    this.dirty = this.spare;
    const turn = this.syncs++;
    for (let i = 0; i < dirty.length; i++) {
      const r = dirty[i]!;
      const o = r.o;
      if (o.freed) continue;
      const n = r.known.length;
      if (n > BIG_OBJECT_REFERENTS) {
        if (!all && turn < r.bigDue) {
          this.markReported(r);
          continue;
        }
        r.bigDue = turn + Math.max(BIG_OBJECT_PERIOD, Math.ceil(n / BIG_OBJECT_VISITS_PER_LINE));
      }
      // (An object's `__dict__` or cells need no walk from it: their stores report them.)
      this.syncOne(r);
    }
    const floating = this.floating;
    if (all || floating.size <= FLOATING_PER_LINE) {
      for (const r of floating) this.checkFloating(r, turn);
    } else {
      // A Set's iterator goes on past deletions and sees additions, so the turns go round all of them.
      for (let i = 0; i < FLOATING_PER_LINE; i++) {
        let r = this.floatingTurn.next();
        if (r.done) {
          this.floatingTurn = floating.values();
          r = this.floatingTurn.next();
          if (r.done) break;
        }
        this.checkFloating(r.value, turn);
      }
    }
    dirty.length = 0;
    this.spare = dirty;
  }

  /** Where the floating objects' turns are (see FLOATING_PER_LINE). */
  private floatingTurn: SetIterator<Reported> = this.floating.values();

  /** Re-checks a floating object unless sync `turn` did. */
  private checkFloating(r: Reported, turn: number): void {
    const o = r.o;
    if (r.dirtyAt < turn) this.syncOne(r);
    // An immortal object's count never moves: it cannot change untouched (atoms never float; see allocated).
    if (o.immortal || r.inDegree > 0 || r.known.length > MAX_FLOATING_REFERENTS) this.floating.delete(r);
  }

  /** The dirty list of the previous sync, emptied, for the next. */
  private spare: Reported[] = [];
  /**
   * The references a syncOne's walk found, from the first that differs
   * from what was reported (the ones before it copied from there); reused
   * by every syncOne.
   */
  private readonly scratch: PyObject[] = [];
  /** diffSmall's references gone (null once matched) and added (places in `scratch`), reused. */
  private readonly gone: (PyObject | null)[] = [];
  private readonly added: number[] = [];
  /** What the walk compares with (the references last reported), how many it visited, and where they first differed (-1: not yet). */
  private matching: readonly PyObject[] = NO_EDGES;
  private walked = 0;
  private diverged = -1;
  /**
   * Visits one reference of a syncOne's walk. Most objects re-checked have
   * the references they had: while they match, nothing is stored; from the
   * first difference on, they are collected for the diff.
   */
  private readonly walk = (x: PyObject): void => {
    const i = this.walked++;
    if (this.diverged < 0) {
      if (this.matching[i] === x) return;
      this.diverged = i;
      for (let k = 0; k < i; k++) this.scratch.push(this.matching[k]!);
    }
    this.scratch.push(x);
  };

  private syncOne(r: Reported): void {
    const o = r.o;
    this.reportRefcnt(r);
    this.reconcileGeneration(r);
    if (isAtom(o)) return;
    if (o instanceof PyDict) r.exact = !o.embedded;
    else if (o instanceof PyInstance) r.exact = !o.dict?.embedded;
    const before = r.known;
    const now = this.scratch;
    now.length = 0;
    this.matching = before;
    this.walked = 0;
    this.diverged = -1;
    o.tp_traverse(this.walk);
    if (this.diverged < 0) {
      const n = this.walked;
      if (n === before.length) return;
      // Fewer references, all as they were: the rest were dropped.
      for (let k = 0; k < n; k++) now.push(before[k]!);
    }
    // Trim what is unchanged at both ends (usually all but a slot or two):
    // those references cancel out of the difference.
    const nb = before.length;
    const nn = now.length;
    let lo = 0;
    while (lo < nb && lo < nn && before[lo] === now[lo]) lo++;
    if (lo === nb && lo === nn) return;
    let hb = nb;
    let hn = nn;
    while (hb > lo && hn > lo && before[hb - 1] === now[hn - 1]) hb--, hn--;
    if ((hb - lo) * (hn - lo) <= SMALL_DIFF) this.diffSmall(o.addr, before, lo, hb, now, hn);
    else this.diffLarge(o.addr, before, lo, hb, now, hn);
    if (nn === 0) r.known = NO_EDGES;
    else if (nb === nn) {
      // Same length: the array this object already has takes the new references.
      const keep = before as PyObject[];
      for (let i = lo; i < hn; i++) keep[i] = now[i]!;
    } else r.known = now.slice();
  }

  /**
   * Sends the edges of `before[lo..hb]` missing from `now[lo..hn]` (grouped
   * by target, targets in the order of their first place in `before`), then
   * those of `now` missing from `before`, in order, and counts them in the
   * targets' `inDegree`. For the usual change of a slot or two: arrays, no map.
   */
  private diffSmall(owner: number, before: readonly PyObject[], lo: number, hb: number, now: readonly PyObject[], hn: number): void {
    const gone = this.gone;
    gone.length = 0;
    for (let i = lo; i < hb; i++) gone.push(before[i]!);
    const added = this.added;
    added.length = 0;
    for (let i = lo; i < hn; i++) {
      // The last unmatched place: what is left of a target keeps its first place.
      const j = gone.lastIndexOf(now[i]!);
      if (j >= 0) gone[j] = null;
      else added.push(i);
    }
    for (let j = 0; j < gone.length; j++) {
      const t = gone[j];
      if (!t) continue;
      let c = 0;
      for (let k = j; k < gone.length; k++) {
        if (gone[k] !== t) continue;
        gone[k] = null;
        c++;
        this.sendEdge('edge-remove', owner, t.addr);
      }
      this.dropInDegree(t, c);
    }
    for (const i of added) this.addEdge(owner, now[i]!);
  }

  /** diffSmall for a change of many references: the same edges, counted in a map. */
  private diffLarge(owner: number, before: readonly PyObject[], lo: number, hb: number, now: readonly PyObject[], hn: number): void {
    const count = new Map<PyObject, number>();
    for (let i = lo; i < hb; i++) count.set(before[i]!, (count.get(before[i]!) ?? 0) + 1);
    const added: number[] = [];
    for (let i = lo; i < hn; i++) {
      const t = now[i]!;
      const c = count.get(t);
      if (c) count.set(t, c - 1);
      else added.push(i);
    }
    for (const [t, c] of count) {
      for (let i = 0; i < c; i++) this.sendEdge('edge-remove', owner, t.addr);
      if (c) this.dropInDegree(t, c);
    }
    for (const i of added) this.addEdge(owner, now[i]!);
  }

  /** `c` traced references to `t` are gone. */
  private dropInDegree(t: PyObject, c: number): void {
    const r = this.reported.get(t);
    if (r) r.inDegree -= c;
  }

  /** Reports an edge from `owner` to `target`. */
  private addEdge(owner: number, target: PyObject): void {
    this.sendEdge('edge-add', owner, target.addr);
    this.reportedOf(target).inDegree++;
  }

  private sendEdge(kind: 'edge-add' | 'edge-remove', owner: number, target: number): void {
    const sink = this.sink;
    if (sink.edge) sink.edge(kind, owner, target);
    else sink.event({ kind, owner, target });
  }
}

/** Characters of a value an allocation's summary keeps. */
const SUMMARY_CHARS = 40;

/**
 * The short value summary of an allocation event: the type, then the value
 * (`int 1000`, `str 'abc'`, `float 2.5`), the length of a container
 * (`list len 3`) or the name of a function, class or module. At allocation the
 * object is built but a container may still be filled later.
 */
function summarize(o: PyObject): string {
  const t = o.ob_type.tp_name;
  if (o instanceof PyInt) return `${t} ${clip(o.ob_type.tp_name === 'bool' ? (o.value ? 'True' : 'False') : o.value.toString())}`;
  if (o instanceof PyStr) return `${t} ${clip(text.strRepr(o.value))}`;
  if (o instanceof PyFloat) return `${t} ${text.floatRepr(o.value)}`;
  if (o instanceof PySingleton) return o.name;
  if (o instanceof PyBytes) return `${t} len ${o.value.length}`;
  if (o instanceof PyList || o instanceof PyTuple) return `${t} len ${o.items.length}`;
  if (o instanceof PyDict) return `${t} len ${o.used}`;
  if (o instanceof PySet) return `${t} len ${o.entries.length}`;
  if (o instanceof PyFunction) return `${t} ${clip(o.qualname.value)}`;
  if (o instanceof PyTypeObject) return `${t} ${clip(o.qualname)}`;
  if (o instanceof PyModule) return `${t} ${clip(o.name)}`;
  return t;
}

function clip(s: string): string {
  return s.length <= SUMMARY_CHARS ? s : `${s.slice(0, SUMMARY_CHARS - 1)}…`;
}

/** Objects whose references change only where a store reports it (`HeapTrace.changed`), or never. */
function isExact(o: PyObject): boolean {
  if (isAtom(o) || o instanceof PySingleton || o instanceof PyTuple || o instanceof PyCell || o instanceof PyNative) return true;
  if (o instanceof PyFunction || o instanceof PyTypeObject || o instanceof PyCode || o instanceof PyModule || o instanceof PyMethod) return true;
  // 3.13: a dict that embeds an instance's inline values has the instance's values for edges, and the instance the dict's.
  if (o instanceof PyDict) return !o.embedded;
  if (o instanceof PyInstance) return !o.dict?.embedded;
  return false;
}

/** Objects that can never refer to another object. */
function isAtom(o: PyObject): boolean {
  return o instanceof PyInt || o instanceof PyStr || o instanceof PyFloat || o instanceof PyBytes;
}
