/**
 * The state a trace describes at one step, and how each event changes it.
 * Both the binary writer (for its keyframes) and the replay use this one
 * `apply`, so a keyframe always equals the events it stands for.
 *
 * `apply` is lenient: an event about an object it does not know is applied
 * as far as it makes sense and never throws, so a hand-made or fuzzed trace
 * still replays.
 */
import type { TraceEvent } from './events';
import { AddressTable } from './tables';

/** One live object at a step. */
export interface ObjectState {
  /** The address (`id()`). */
  readonly id: number;
  type: string;
  size: number;
  summary: string;
  refcnt: number;
  /** Tracked by the cyclic collector (`gc.is_tracked`). */
  tracked: boolean;
  /** The generation it lives in while tracked; -1 when it never was. */
  generation: number;
  /** Its `__del__` ran (PEP 442: at most once). */
  finalized: boolean;
  /** The step of its `alloc` event. */
  allocStep: number;
}

/** One frame of the call stack at a step. */
export interface FrameState {
  readonly depth: number;
  readonly name: string;
  line: number;
  /** Local name → object address (for a module frame, use the globals). */
  readonly locals: Map<string, number>;
  /** The references its value stack holds for a call in progress (the callable, then the arguments). */
  readonly stack: number[];
}

/** The collection in progress at a step. */
export interface CollectionState {
  readonly generation: number;
  phase: string | null;
}

const copyObject = (o: ObjectState): ObjectState => ({
  id: o.id,
  type: o.type,
  size: o.size,
  summary: o.summary,
  refcnt: o.refcnt,
  tracked: o.tracked,
  generation: o.generation,
  finalized: o.finalized,
  allocStep: o.allocStep,
});
const copyEdges = (l: number[]): number[] => l.slice();

/**
 * The whole state at a step. Mutable: `apply` changes it in place. `fork`
 * copies it in time proportional to its pages, not its objects (see
 * AddressTable), so the replay can keep many.
 */
export class TraceState {
  /** The number of events applied. */
  step = 0;
  objects = new AddressTable<ObjectState>(copyObject);
  /** Owner address → the addresses it refers to (a multiset, in the order they appeared). */
  edges = new AddressTable<number[]>(copyEdges);
  /** Outermost first. */
  frames: FrameState[] = [];
  /** The main module's globals: name → object address. */
  readonly globals = new Map<string, number>();
  collecting: CollectionState | null = null;
  /** How many edges `edges` holds. */
  edgeCount = 0;

  /** Applies one event. */
  apply(e: TraceEvent): void {
    this.step++;
    switch (e.kind) {
      case 'alloc':
        this.addObject(e.id, e.type, e.size, e.summary);
        return;
      case 'incref':
      case 'decref':
      case 'refcnt-set':
        this.setRefcnt(e.id, e.refcnt);
        return;
      case 'edge-add':
        this.addEdge(e.owner, e.target);
        return;
      case 'edge-remove':
        this.removeEdge(e.owner, e.target);
        return;
      case 'dealloc':
        this.drop(e.id);
        return;
      case 'finalize': {
        const o = this.objects.mutable(e.id);
        if (o) o.finalized = true;
        return;
      }
      case 'weakref-cleared':
      case 'weakref-callback':
        return;
      case 'track':
      case 'generation':
      case 'untrack':
        this.setTracked(e.kind, e.id, e.generation);
        return;
      case 'gc-start':
        this.collecting = { generation: e.generation, phase: null };
        return;
      case 'gc-phase':
        if (this.collecting && e.phase !== undefined) this.collecting.phase = e.phase;
        return;
      case 'gc-end':
        this.collecting = null;
        return;
      case 'frame-push':
      case 'frame-pop':
        this.changeFrames(e.kind, e.depth, e.name, e.line);
        return;
      case 'bind':
      case 'unbind':
        this.changeBinding(e.kind, e.scope, e.depth, e.name, e.id);
        return;
      case 'stack-take':
      case 'stack-release':
        this.changeStack(e.kind, e.depth, e.id);
        return;
      case 'line':
        this.setLine(e.line);
        return;
      case 'output':
        return;
    }
  }

  /** Applies an incref, decref or refcnt-set (`apply` without the event object); returns the count before, if the object is live. */
  applyRefcnt(id: number, refcnt: number): number | undefined {
    this.step++;
    const o = this.objects.mutable(id);
    if (!o) return undefined;
    const before = o.refcnt;
    o.refcnt = refcnt;
    return before;
  }

  /** Applies an edge-add or edge-remove (`apply` without the event object). */
  applyEdge(kind: 'edge-add' | 'edge-remove', owner: number, target: number): void {
    this.step++;
    if (kind === 'edge-add') this.addEdge(owner, target);
    else this.removeEdge(owner, target);
  }

  /** Applies a stack-take or stack-release (`apply` without the event object). */
  applyStack(kind: 'stack-take' | 'stack-release', depth: number, id: number): void {
    this.step++;
    this.changeStack(kind, depth, id);
  }

  /** Applies an alloc event (`apply` without the event object). */
  applyAlloc(id: number, type: string, size: number, summary: string): void {
    this.step++;
    this.addObject(id, type, size, summary);
  }

  /** Applies a dealloc event (`apply` without the event object). */
  applyDealloc(id: number): void {
    this.step++;
    this.drop(id);
  }

  /** Applies a track or untrack event (`apply` without the event object). */
  applyTrack(kind: 'track' | 'untrack', id: number, generation: number): void {
    this.step++;
    this.setTracked(kind, id, generation);
  }

  /** Applies a frame-push or frame-pop (`apply` without the event object). */
  applyFrame(kind: 'frame-push' | 'frame-pop', depth: number, name: string, line: number | undefined): void {
    this.step++;
    this.changeFrames(kind, depth, name, line);
  }

  /** Applies a bind or unbind (`apply` without the event object). */
  applyBind(kind: 'bind' | 'unbind', scope: 'local' | 'global', depth: number, name: string, id: number | undefined): void {
    this.step++;
    this.changeBinding(kind, scope, depth, name, id);
  }

  /** Applies a line event (`apply` without the event object). */
  applyLine(line: number): void {
    this.step++;
    this.setLine(line);
  }

  private addObject(id: number, type: string, size: number, summary: string): void {
    if (this.objects.get(id)) this.drop(id);
    this.objects.set(id, { id, type, size, summary, refcnt: 1, tracked: false, generation: -1, finalized: false, allocStep: this.step - 1 });
  }

  /** A track or generation event sets the generation; an untrack keeps the last one. */
  private setTracked(kind: 'track' | 'untrack' | 'generation', id: number, generation: number): void {
    const o = this.objects.mutable(id);
    if (!o) return;
    if (kind === 'untrack') o.tracked = false;
    else {
      o.tracked = true;
      o.generation = generation;
    }
  }

  private changeFrames(kind: 'frame-push' | 'frame-pop', depth: number, name: string, line: number | undefined): void {
    if (kind === 'frame-pop') {
      this.frames.length = Math.max(0, Math.min(this.frames.length, depth - 1));
      return;
    }
    if (this.frames.length >= depth) this.frames.length = Math.max(0, depth - 1);
    this.frames.push({ depth, name, line: line ?? 0, locals: new Map(), stack: [] });
  }

  private changeBinding(kind: 'bind' | 'unbind', scope: 'local' | 'global', depth: number, name: string, id: number | undefined): void {
    const ns = scope === 'global' ? this.globals : this.frames[depth - 1]?.locals;
    if (!ns) return;
    if (kind === 'bind' && id !== undefined) ns.set(name, id);
    else ns.delete(name);
  }

  private changeStack(kind: 'stack-take' | 'stack-release', depth: number, id: number): void {
    const stack = this.frames[depth - 1]?.stack;
    if (!stack) return;
    if (kind === 'stack-take') stack.push(id);
    else {
      const i = stack.lastIndexOf(id);
      if (i >= 0) stack.splice(i, 1);
    }
  }

  private setLine(line: number): void {
    const f = this.frames[this.frames.length - 1];
    if (f) f.line = line;
  }

  private setRefcnt(id: number, refcnt: number): void {
    const o = this.objects.mutable(id);
    if (o) o.refcnt = refcnt;
  }

  private addEdge(owner: number, target: number): void {
    const list = this.edges.mutable(owner);
    if (list) list.push(target);
    else this.edges.set(owner, [target]);
    this.edgeCount++;
  }

  private removeEdge(owner: number, target: number): void {
    const list = this.edges.get(owner);
    if (!list) return;
    const i = list.lastIndexOf(target);
    if (i < 0) return;
    this.edges.mutable(owner)!.splice(i, 1);
    this.edgeCount--;
    if (list.length === 0) this.edges.delete(owner);
  }

  /** An object's memory went back to the allocator: it and its own edges are gone. */
  private drop(id: number): void {
    this.objects.delete(id);
    const list = this.edges.get(id);
    if (list) {
      this.edgeCount -= list.length;
      this.edges.delete(id);
    }
  }

  /** Entries copied so far because a fork shared them (see AddressTable.copies). */
  copies(): number {
    return this.objects.copies + this.edges.copies;
  }

  /** What a fork would keep alive beyond what it shares: its chunks' index, and what was copied since the last fork. */
  forkCost(): number {
    return this.objects.chunkCount + this.edges.chunkCount + this.copies();
  }

  /**
   * A copy that shares the objects and edges with this state (each copies
   * what it changes later) and copies the frames and globals.
   */
  fork(): TraceState {
    const s = new TraceState();
    s.step = this.step;
    s.objects = this.objects.fork();
    s.edges = this.edges.fork();
    s.frames = this.frames.map((f) => ({ depth: f.depth, name: f.name, line: f.line, locals: new Map(f.locals), stack: f.stack.slice() }));
    for (const [k, v] of this.globals) s.globals.set(k, v);
    s.collecting = this.collecting ? { ...this.collecting } : null;
    s.edgeCount = this.edgeCount;
    return s;
  }
}
