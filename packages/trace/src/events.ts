/**
 * The pymem trace event schema: one discriminated union, versioned.
 *
 * Every change of simulated memory state is one event. A reader that has only
 * these events (no engine) can rebuild, at any step, the heap and the frames.
 * Object identities are the simulated addresses (`id()` values), which the
 * allocator may reuse after a deallocation; an `alloc` event always starts a
 * new life of an address. Step N of a trace is the state after its first N
 * events. Every field is documented in apps/docs/trace-schema.md.
 */

/** Bumped whenever an event's shape changes incompatibly. */
export const SCHEMA_VERSION = 2;

/** An object was allocated and initialised (refcount 1; `refcnt-set` follows for a start-up object). */
export interface AllocEvent {
  readonly kind: 'alloc';
  /** The object's address, which is its `id()`. */
  readonly id: number;
  /** `ob_type->tp_name`. */
  readonly type: string;
  /** Bytes, GC header included (what `sys.getsizeof` reports). */
  readonly size: number;
  /** A short, bounded summary of the value at allocation (`int 1000`, `str 'abc'`, `list len 3`, `function f`). */
  readonly summary: string;
}

/**
 * A reference was taken (`Py_INCREF`) or released (`Py_DECREF`); `refcnt` is
 * the count after the change. `owner` and `slot` name who holds the reference
 * where the engine knows it.
 */
export interface RefEvent {
  readonly kind: 'incref' | 'decref';
  readonly id: number;
  readonly refcnt: number;
  /** The object (address) that stores or stored the reference, where known. */
  readonly owner?: number;
  /** Where in the owner: an attribute, key, index or local name, where known. */
  readonly slot?: string;
}

/** The count was set outright: start-up objects, immortal objects (3.12+, PEP 683). */
export interface RefcntSetEvent {
  readonly kind: 'refcnt-set';
  readonly id: number;
  readonly refcnt: number;
}

/** A reference edge appeared (`owner` now refers to `target` once more) or went away. */
export interface EdgeEvent {
  readonly kind: 'edge-add' | 'edge-remove';
  readonly owner: number;
  readonly target: number;
}

/** The object's memory was returned to the allocator. Its own edges go with it. */
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

/** A cleared weak reference's callback is about to be called. */
export interface WeakrefCallbackEvent {
  readonly kind: 'weakref-callback';
  readonly weakref: number;
}

/** The collector started or stopped tracking the object. */
export interface TrackEvent {
  readonly kind: 'track' | 'untrack';
  readonly id: number;
  readonly generation: number;
}

/** A tracked object moved to another generation (survivors are promoted). */
export interface GenerationEvent {
  readonly kind: 'generation';
  readonly id: number;
  readonly generation: number;
}

/** An object of a `gc-phase` event, with its `gc_refs` where the phase computes them. */
export interface PhaseObject {
  readonly id: number;
  readonly gc_refs?: number;
}

/** A collection began, ran one phase, or ended. */
export interface CollectEvent {
  readonly kind: 'gc-start' | 'gc-phase' | 'gc-end';
  /** The generation collected; -1 for a phase event outside a collection's own lists. */
  readonly generation: number;
  readonly phase?: string;
  /** Objects the phase concerns, with their `gc_refs` where the phase computes them. */
  readonly objects?: readonly PhaseObject[];
  readonly collected?: number;
  readonly uncollectable?: number;
}

/** A frame was pushed (a call began or a generator resumed) or popped (it returned, yielded or unwound). */
export interface FrameEvent {
  readonly kind: 'frame-push' | 'frame-pop';
  /** 1 for the main module's frame, one more per call. */
  readonly depth: number;
  /** The code's name (`<module>`, a function's qualified name). */
  readonly name: string;
  /** The line the frame starts at (push) or was at (pop), where known. */
  readonly line?: number;
}

/** A name in a namespace (a frame's locals or a module's globals) was bound or unbound. */
export interface BindEvent {
  readonly kind: 'bind' | 'unbind';
  readonly scope: 'local' | 'global';
  readonly depth: number;
  readonly name: string;
  /** The object bound (bind only). */
  readonly id?: number;
}

/**
 * A reference on a frame's value stack was taken (pushed) or released
 * (popped): the temporaries of an evaluation, such as the argument that makes
 * `sys.getrefcount` read one more. pymem reports those of a call: the
 * callable and the arguments, from the call's start until the callee's frame
 * takes them over (3.11+) or the call returns. The count changes themselves
 * are the `incref`/`decref` events around them.
 */
export interface StackEvent {
  readonly kind: 'stack-take' | 'stack-release';
  readonly depth: number;
  readonly id: number;
}

/** Execution reached a new source line (of the innermost frame). */
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
  | RefcntSetEvent
  | EdgeEvent
  | DeallocEvent
  | FinalizeEvent
  | WeakrefClearedEvent
  | WeakrefCallbackEvent
  | TrackEvent
  | GenerationEvent
  | CollectEvent
  | FrameEvent
  | BindEvent
  | StackEvent
  | LineEvent
  | OutputEvent;

/** Every `kind` of event, in the order of the binary encoding's tags. */
export const EVENT_KINDS = [
  'alloc',
  'incref',
  'decref',
  'refcnt-set',
  'edge-add',
  'edge-remove',
  'dealloc',
  'finalize',
  'weakref-cleared',
  'weakref-callback',
  'track',
  'untrack',
  'generation',
  'gc-start',
  'gc-phase',
  'gc-end',
  'frame-push',
  'frame-pop',
  'bind',
  'unbind',
  'stack-take',
  'stack-release',
  'line',
  'output',
] as const satisfies readonly TraceEvent['kind'][];

/** The header that opens every trace. */
export interface TraceHeader {
  readonly schemaVersion: number;
  /** The CPython version profile the run modelled, e.g. `"3.12"`. */
  readonly profile: string;
  readonly path: string;
  readonly source: string;
}

/**
 * Where an engine sends its events. The optional methods are shortcuts for
 * the most frequent events, which a sink may offer so that a traced run does
 * not build an event object for each: a sender calls one if the sink has it
 * and `event` otherwise, with the same effect.
 */
export interface TraceSink {
  event(e: TraceEvent): void;
  /** The same as `event({ kind, id, refcnt })`: an incref or decref with no owner or slot. */
  ref?(kind: 'incref' | 'decref', id: number, refcnt: number): void;
  /** The same as `event({ kind, owner, target })`. */
  edge?(kind: 'edge-add' | 'edge-remove', owner: number, target: number): void;
  /** The same as `event({ kind, depth, id })`. */
  stack?(kind: 'stack-take' | 'stack-release', depth: number, id: number): void;
  /** The same as `event({ kind: 'line', line })`. */
  line?(line: number): void;
  /** The same as `event({ kind: 'alloc', id, type, size, summary })`. */
  alloc?(id: number, type: string, size: number, summary: string): void;
  /** The same as `event({ kind: 'dealloc', id })`. */
  dealloc?(id: number): void;
  /** The same as `event({ kind, id, generation })`. */
  track?(kind: 'track' | 'untrack', id: number, generation: number): void;
  /** The same as `event({ kind, depth, name, line })` (no line when undefined). */
  frame?(kind: 'frame-push' | 'frame-pop', depth: number, name: string, line: number | undefined): void;
  /** The same as `event({ kind, scope, depth, name, id })` (no id when undefined). */
  bind?(kind: 'bind' | 'unbind', scope: 'local' | 'global', depth: number, name: string, id: number | undefined): void;
}

/** A sink that keeps every event in memory; for tests and short runs. */
export class MemorySink implements TraceSink {
  readonly events: TraceEvent[] = [];
  event(e: TraceEvent): void {
    this.events.push(e);
  }
}

/** NON-SPEC: a compile-time check that EVENT_KINDS lists every kind of TraceEvent. */
type MissingKind = Exclude<TraceEvent['kind'], (typeof EVENT_KINDS)[number]>;
const everyKindListed: [MissingKind] extends [never] ? true : MissingKind = true;
void everyKindListed;
