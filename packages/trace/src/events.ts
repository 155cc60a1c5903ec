/**
 * The pymem trace event schema: one discriminated union, versioned.
 *
 * Every change of simulated memory state is one event. A reader that has only
 * these events (no engine) can rebuild, at any step, the heap and the frames.
 * Object identities are the simulated addresses (`id()` values), which the
 * allocator may reuse after a deallocation; an `alloc` event always starts a
 * new life of an address.
 */

/** Bumped whenever an event's shape changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** An object was allocated and initialised (refcount 1 unless immortal). */
export interface AllocEvent {
  readonly kind: 'alloc';
  readonly id: number;
  readonly type: string;
  readonly size: number;
  /** A short, bounded summary of the value (`repr` for atoms, `list[3]` for containers). */
  readonly summary: string;
}

/** A reference was taken or released; `refcnt` is the count after the change. */
export interface RefEvent {
  readonly kind: 'incref' | 'decref';
  readonly id: number;
  readonly refcnt: number;
}

/** The object's memory was returned to the allocator. */
export interface DeallocEvent {
  readonly kind: 'dealloc';
  readonly id: number;
}

/** `tp_finalize` (`__del__`) is about to run for the object. */
export interface FinalizeEvent {
  readonly kind: 'finalize';
  readonly id: number;
}

/** A weak reference to `target` was cleared; `callback` says whether a callback will run. */
export interface WeakrefClearedEvent {
  readonly kind: 'weakref-cleared';
  readonly weakref: number;
  readonly target: number;
  readonly callback: boolean;
}

/** The collector started or stopped tracking the object. */
export interface TrackEvent {
  readonly kind: 'track' | 'untrack';
  readonly id: number;
  readonly generation: number;
}

/** A collection began, ran one phase, or ended. */
export interface CollectEvent {
  readonly kind: 'gc-start' | 'gc-phase' | 'gc-end';
  readonly generation: number;
  readonly phase?: string;
  /** Objects the phase concerns, with their `gc_refs` where the phase computes them. */
  readonly objects?: readonly { readonly id: number; readonly gc_refs?: number }[];
  readonly collected?: number;
  readonly uncollectable?: number;
}

/** A frame was pushed (a call began) or popped (it returned or unwound). */
export interface FrameEvent {
  readonly kind: 'frame-push' | 'frame-pop';
  readonly depth: number;
  readonly name: string;
}

/** A name in a namespace (a frame's locals or a module's globals) was bound or unbound. */
export interface BindEvent {
  readonly kind: 'bind' | 'unbind';
  readonly scope: 'local' | 'global';
  readonly depth: number;
  readonly name: string;
  readonly id?: number;
}

/** Execution reached a new source line. */
export interface LineEvent {
  readonly kind: 'line';
  readonly line: number;
}

/** The program wrote to stdout or stderr. */
export interface OutputEvent {
  readonly kind: 'output';
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** Every event of the trace. Switches over it must be exhaustive. */
export type TraceEvent =
  | AllocEvent
  | RefEvent
  | DeallocEvent
  | FinalizeEvent
  | WeakrefClearedEvent
  | TrackEvent
  | CollectEvent
  | FrameEvent
  | BindEvent
  | LineEvent
  | OutputEvent;

/** The header that opens every trace. */
export interface TraceHeader {
  readonly schemaVersion: number;
  /** The CPython version profile the run modelled, e.g. `"3.12"`. */
  readonly profile: string;
  readonly path: string;
  readonly source: string;
}

/** Where an engine sends its events. */
export interface TraceSink {
  event(e: TraceEvent): void;
}

/** A sink that keeps every event in memory; for tests and short runs. */
export class MemorySink implements TraceSink {
  readonly events: TraceEvent[] = [];
  event(e: TraceEvent): void {
    this.events.push(e);
  }
}
