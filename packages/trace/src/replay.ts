/**
 * Reading a trace back: `readTrace` streams its events, `openTrace` makes it
 * seekable. Opening reads the file once, start to end (so a damaged file is
 * reported at once, with its byte offset), noting the output and the
 * summary, and replaying it, keeping in memory a fork of the replayed state
 * (TraceState.fork: it shares every unchanged page of objects and edges with
 * the others) every CHECKPOINT_GAP events. `stateAt(step)` forks the nearest
 * one before the step and applies the events after it, so a seek costs the
 * state's number of pages plus at most CHECKPOINT_GAP events, whatever the
 * trace's length and the heap's size. (The file's own keyframes serve a
 * reader that cannot replay the whole file first; this one only checks that
 * each equals the state the events before it give.)
 */
import { BinaryCursor, BinaryTraceWriter, MAGIC, keyframeAt, readBinaryHeader, type CursorPosition } from './binary';
import { TraceFormatError, TraceQueryError } from './errors';
import type { TraceEvent, TraceHeader } from './events';
import { readJsonl } from './jsonl';
import { TraceState, type CollectionState, type FrameState, type ObjectState } from './state';
import { AddressMap } from './tables';

/** The two encodings. */
export type TraceFormat = 'pymemtrace' | 'jsonl';

/** Which encoding `bytes` are in; a TraceFormatError when they are neither. */
export function detectFormat(bytes: Uint8Array): TraceFormat {
  if (bytes.length === 0) throw new TraceFormatError('the file is empty: not a pymem trace', 0);
  if (bytes[0] === MAGIC[0]) return 'pymemtrace';
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b) return 'jsonl';
  throw new TraceFormatError('not a pymem trace: neither the pymemtrace signature nor a JSON-lines header', 0);
}

/** A trace read as a stream of events. */
export interface TraceReader {
  readonly header: TraceHeader;
  readonly format: TraceFormat;
  /** The events, in order; iterating decodes (and checks) them lazily. */
  readonly events: Iterable<TraceEvent>;
}

/** Reads either encoding as a stream of events. */
export function readTrace(bytes: Uint8Array): TraceReader {
  const format = detectFormat(bytes);
  if (format === 'jsonl') return { format, ...readJsonl(bytes) };
  const { header, start } = readBinaryHeader(bytes);
  return {
    header,
    format,
    events: {
      *[Symbol.iterator]() {
        const c = new BinaryCursor(bytes, start);
        for (let e = c.next(); e; e = c.next()) yield e;
      },
    },
  };
}

/** Writes events to a binary trace in memory; for conversions and tests. */
export function encodeBinary(header: TraceHeader, events: Iterable<TraceEvent>, keyframeInterval?: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const w = new BinaryTraceWriter(header, (c) => chunks.push(c), keyframeInterval === undefined ? {} : { keyframeInterval });
  for (const e of events) w.event(e);
  w.close();
  return concat(chunks);
}

/** Concatenates byte chunks. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** What `pymem trace inspect` prints. */
export interface TraceSummary {
  /** Steps one can seek to after the start: step N is the state after N events. */
  readonly steps: number;
  readonly events: number;
  /** Objects allocated (`alloc` events). */
  readonly objects: number;
  readonly deallocations: number;
  /** Collections run (`gc-start` events). */
  readonly collections: number;
  /** Collections by the generation collected (index 0, 1, 2). */
  readonly collectionsByGeneration: readonly number[];
  /** Objects freed by collections (the sum of `gc-end`'s `collected`). */
  readonly collected: number;
  readonly finalizers: number;
  readonly lines: number;
  readonly peakLiveObjects: number;
  readonly peakLiveStep: number;
  /** Objects still live at the end. */
  readonly liveAtEnd: number;
  /** The most allocated types, most first. */
  readonly topTypes: readonly { readonly type: string; readonly allocations: number }[];
  /** Events by kind. */
  readonly eventsByKind: Readonly<Record<string, number>>;
  readonly keyframes: number;
}

/** The state at one step, as `Trace.stateAt` returns it. */
export interface StepState {
  readonly step: number;
  /** Every live object by address. */
  readonly objects: ReadonlyMap<number, Readonly<ObjectState>>;
  /** Owner address → the addresses it refers to (a multiset). */
  readonly edges: ReadonlyMap<number, readonly number[]>;
  /** The call stack, outermost first, each with its local bindings. */
  readonly frames: readonly Readonly<FrameState>[];
  /** The main module's globals. */
  readonly globals: ReadonlyMap<string, number>;
  /** The collection in progress, if any. */
  readonly collecting: Readonly<CollectionState> | null;
  /** Everything written to stdout and stderr so far, interleaved. */
  readonly output: string;
  readonly stdout: string;
  readonly stderr: string;
  /** The event that led to this step (none at step 0). */
  readonly lastEvent: TraceEvent | null;
}

/** One life of an address: from its `alloc` to its `dealloc` (null while live). */
export interface ObjectLife {
  readonly id: number;
  readonly type: string;
  readonly size: number;
  readonly summary: string;
  readonly allocStep: number;
  readonly freeStep: number | null;
  /** [step, count after that step], from the allocation on. */
  readonly refcnts: readonly (readonly [number, number])[];
  readonly finalizedStep: number | null;
}

/** A path from a root to an object: the root's name, then the addresses along the way (the object last). */
export interface RootPath {
  /** `global x`, `local y in f (depth 2)`, or a module's summary (`module sys`). */
  readonly root: string;
  readonly ids: readonly number[];
}

/** A trace opened for seeking. */
export interface Trace {
  readonly header: TraceHeader;
  readonly format: TraceFormat;
  /** The number of events (the last step). */
  readonly eventCount: number;
  /** The size of the encoding read, in bytes. */
  readonly byteLength: number;
  readonly summary: TraceSummary;
  /** The state after the first `step` events (0 ≤ step ≤ eventCount). */
  stateAt(step: number): StepState;
  /** The events from step `from` (the event that leads to step from + 1) up to `to`. */
  events(from?: number, to?: number): Iterable<TraceEvent>;
  /** Every life of the address `id`, or the one live at `step` when it is given. */
  history(id: number, step?: number): ObjectLife[];
  /** The objects that refer to `id` at `step`, with how many references each holds. */
  referrers(id: number, step: number): { owner: number; count: number }[];
  /** The names that bind `id` at `step` (`global x`, `local y in f (depth 2)`). */
  bindings(id: number, step: number): string[];
  /** A shortest path from a root (a frame binding, a global, then a module) that keeps `id` alive at `step`; null if none. */
  pathFromRoot(id: number, step: number): RootPath | null;
}

/** The least number of events between two states `openTrace` keeps. */
const CHECKPOINT_GAP = 32768;
/**
 * A kept state costs the memory of its pages' index plus what the replay
 * copies, after the fork, of what it shares with it (at most the whole state,
 * when every page changes). The next is kept only once there have been at
 * least as many events as that, so the kept states take about as many
 * entries as the trace has events, whatever the heap does.
 */
const CHECKPOINT_ENTRIES_PER_EVENT = 1;

/** A place `stateAt` can start from: the state after `step` events (never changed: it is forked), and where the cursor stood then. */
interface Checkpoint {
  readonly step: number;
  readonly state: TraceState;
  readonly position: CursorPosition;
}

interface OutputChunk {
  readonly step: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** Opens a trace in either encoding for seeking. Throws TraceFormatError for a bad file. */
export function openTrace(input: Uint8Array): Trace {
  const format = detectFormat(input);
  const bytes = format === 'jsonl' ? jsonlToBinary(input) : input;
  const { header, start } = readBinaryHeader(bytes);
  let fileKeyframes = 0;
  const outputs: OutputChunk[] = [];
  const scan = new BinaryCursor(bytes, start);
  const replay = new TraceState();
  scan.onKeyframe = (k) => {
    fileKeyframes++;
    const differs = keyframeDifference(keyframeAt(bytes, k.offset), replay);
    if (differs !== null) throw new TraceFormatError(`the keyframe at step ${k.step} disagrees with the events before it about ${differs} (corrupt data)`, k.offset);
  };
  scan.replayInto(replay);
  const checkpoints: Checkpoint[] = [{ step: 0, state: replay.fork(), position: scan.position() }];
  let copiesAtCheckpoint = 0;

  // The summary, gathered on the same pass.
  const byKind: Record<string, number> = {};
  const byType = new Map<string, number>();
  const live = new AddressMap<true>();
  const byGen = [0, 0, 0];
  let objects = 0;
  let deallocations = 0;
  let collections = 0;
  let collected = 0;
  let finalizers = 0;
  let lines = 0;
  let peak = 0;
  let peakStep = 0;
  for (let e = scan.next(); e; e = scan.next()) {
    replay.apply(e);
    const since = scan.step - checkpoints[checkpoints.length - 1]!.step;
    // Just before a keyframe of the file, a kept state needs none of the string tables of the events before it.
    if (since >= (scan.atKeyframe() ? CHECKPOINT_GAP / 2 : CHECKPOINT_GAP) && since * CHECKPOINT_ENTRIES_PER_EVENT >= replay.forkCost() - copiesAtCheckpoint) {
      checkpoints.push({ step: scan.step, state: replay.fork(), position: scan.position() });
      copiesAtCheckpoint = replay.copies();
    }
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    switch (e.kind) {
      case 'alloc':
        objects++;
        byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
        live.set(e.id, true);
        if (live.size > peak) {
          peak = live.size;
          peakStep = scan.step;
        }
        break;
      case 'dealloc':
        deallocations++;
        live.delete(e.id);
        break;
      case 'gc-start':
        collections++;
        if (e.generation >= 0 && e.generation < 3) byGen[e.generation]!++;
        break;
      case 'gc-end':
        collected += e.collected ?? 0;
        break;
      case 'finalize':
        finalizers++;
        break;
      case 'line':
        lines++;
        break;
      case 'output':
        outputs.push({ step: scan.step, stream: e.stream, text: e.text });
        break;
      default:
        break;
    }
  }
  const eventCount = scan.step;
  const summary: TraceSummary = {
    steps: eventCount,
    events: eventCount,
    objects,
    deallocations,
    collections,
    collectionsByGeneration: byGen,
    collected,
    finalizers,
    lines,
    peakLiveObjects: peak,
    peakLiveStep: peakStep,
    liveAtEnd: live.size,
    topTypes: [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([type, allocations]) => ({ type, allocations })),
    eventsByKind: byKind,
    keyframes: fileKeyframes,
  };

  const checkStep = (step: number): void => {
    if (!Number.isInteger(step) || step < 0 || step > eventCount) throw new TraceQueryError(`step ${step} is out of range: the trace has steps 0 to ${eventCount}`);
  };

  /** The state at `step`, from the nearest checkpoint before it (so the last event applied is the step's). */
  const rebuild = (step: number): { state: TraceState; last: TraceEvent | null } => {
    const before = Math.max(0, step - 1);
    let lo = 0;
    let hi = checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (checkpoints[mid]!.step <= before) lo = mid;
      else hi = mid - 1;
    }
    const k = checkpoints[lo]!;
    const state = k.state.fork();
    const c = new BinaryCursor(bytes, start);
    c.resume(k.position, state);
    let last: TraceEvent | null = null;
    while (state.step < step) {
      const e = c.next();
      if (!e) break;
      state.apply(e);
      last = e;
    }
    return { state, last };
  };

  const outputUpTo = (step: number): { output: string; stdout: string; stderr: string } => {
    let output = '';
    let stdout = '';
    let stderr = '';
    for (const o of outputs) {
      if (o.step > step) break;
      output += o.text;
      if (o.stream === 'stdout') stdout += o.text;
      else stderr += o.text;
    }
    return { output, stdout, stderr };
  };

  const trace: Trace = {
    header,
    format,
    eventCount,
    byteLength: input.length,
    summary,
    stateAt(step) {
      checkStep(step);
      const { state, last } = rebuild(step);
      return {
        step,
        objects: state.objects,
        edges: state.edges,
        frames: state.frames,
        globals: state.globals,
        collecting: state.collecting,
        ...outputUpTo(step),
        lastEvent: last,
      };
    },
    *events(from = 0, to = eventCount) {
      checkStep(from);
      checkStep(to);
      const c = new BinaryCursor(bytes, start);
      for (let s = 0; s < to; s++) {
        const e = c.next();
        if (!e) return;
        if (s >= from) yield e;
      }
    },
    history(id, step) {
      const lives: ObjectLife[] = [];
      let cur: { id: number; type: string; size: number; summary: string; allocStep: number; freeStep: number | null; refcnts: [number, number][]; finalizedStep: number | null } | null = null;
      let s = 0;
      for (const e of trace.events()) {
        s++;
        switch (e.kind) {
          case 'alloc':
            if (e.id !== id) break;
            if (cur) lives.push({ ...cur, freeStep: s - 1 });
            cur = { id, type: e.type, size: e.size, summary: e.summary, allocStep: s - 1, freeStep: null, refcnts: [[s, 1]], finalizedStep: null };
            break;
          case 'incref':
          case 'decref':
          case 'refcnt-set':
            if (e.id === id && cur) cur.refcnts.push([s, e.refcnt]);
            break;
          case 'finalize':
            if (e.id === id && cur && cur.finalizedStep === null) cur.finalizedStep = s;
            break;
          case 'dealloc':
            if (e.id === id && cur) {
              lives.push({ ...cur, freeStep: s });
              cur = null;
            }
            break;
          default:
            break;
        }
      }
      if (cur) lives.push(cur);
      if (step === undefined) return lives;
      return lives.filter((l) => l.allocStep < step && (l.freeStep === null || l.freeStep >= step));
    },
    referrers(id, step) {
      const st = rebuild(step).state;
      const out: { owner: number; count: number }[] = [];
      for (const [owner, targets] of st.edges) {
        let n = 0;
        for (const t of targets) if (t === id) n++;
        if (n) out.push({ owner, count: n });
      }
      return out;
    },
    bindings(id, step) {
      const st = rebuild(step).state;
      return rootsOf(st).filter(([, v]) => v === id).map(([name]) => name);
    },
    pathFromRoot(id, step) {
      checkStep(step);
      const st = rebuild(step).state;
      return findPath(st, id);
    },
  };
  return trace;
}

/** What a keyframe's state says otherwise than the replayed state at its step; null when they agree. */
function keyframeDifference(kf: TraceState, st: TraceState): string | null {
  if (kf.objects.size !== st.objects.size) return 'the number of live objects';
  for (const o of kf.objects.values()) {
    const r = st.objects.get(o.id);
    if (!r || r.type !== o.type || r.size !== o.size || r.summary !== o.summary || r.refcnt !== o.refcnt || r.tracked !== o.tracked || r.generation !== o.generation || r.finalized !== o.finalized || r.allocStep !== o.allocStep) {
      return `object 0x${o.id.toString(16)}`;
    }
  }
  if (kf.edges.size !== st.edges.size || kf.edgeCount !== st.edgeCount) return 'the number of edges';
  for (const [owner, targets] of kf.edges) {
    const r = st.edges.get(owner);
    if (!r || !sameList(r, targets)) return `the edges of 0x${owner.toString(16)}`;
  }
  if (kf.frames.length !== st.frames.length) return 'the number of frames';
  for (let i = 0; i < kf.frames.length; i++) {
    const a = kf.frames[i]!;
    const b = st.frames[i]!;
    if (a.depth !== b.depth || a.name !== b.name || a.line !== b.line || !sameBindings(a.locals, b.locals) || !sameList(a.stack, b.stack)) return `frame ${i + 1}`;
  }
  if (!sameBindings(kf.globals, st.globals)) return 'the globals';
  if (kf.collecting?.generation !== st.collecting?.generation || kf.collecting?.phase !== st.collecting?.phase) return 'the collection in progress';
  return null;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameBindings(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** The named roots of a state: frame locals (innermost first), globals. */
function rootsOf(st: TraceState): [string, number][] {
  const roots: [string, number][] = [];
  for (let i = st.frames.length - 1; i >= 0; i--) {
    const f = st.frames[i]!;
    for (const [name, v] of f.locals) roots.push([`local ${name} in ${f.name} (depth ${f.depth})`, v]);
  }
  for (const [name, v] of st.globals) roots.push([`global ${name}`, v]);
  return roots;
}

/** Breadth-first from the roots, then from the module objects. */
function findPath(st: TraceState, id: number): RootPath | null {
  const starts: [string, number][] = rootsOf(st);
  for (const o of st.objects.values()) if (o.type === 'module') starts.push([o.summary, o.id]); // `module <name>`
  const parent = new Map<number, number>();
  const rootOf = new Map<number, string>();
  const queue: number[] = [];
  for (const [name, v] of starts) {
    if (rootOf.has(v) || !st.objects.has(v)) continue;
    rootOf.set(v, name);
    parent.set(v, -1);
    queue.push(v);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const cur = queue[qi]!;
    if (cur === id) {
      const ids: number[] = [];
      let root = cur;
      for (let x = cur; x !== -1; x = parent.get(x)!) {
        ids.push(x);
        root = x;
      }
      ids.reverse();
      return { root: rootOf.get(root)!, ids };
    }
    for (const t of st.edges.get(cur) ?? []) {
      if (parent.has(t)) continue;
      parent.set(t, cur);
      queue.push(t);
    }
  }
  return null;
}

/** A JSON-lines trace, re-encoded in the binary encoding (for seeking). */
function jsonlToBinary(bytes: Uint8Array): Uint8Array {
  const r = readTrace(bytes);
  return encodeBinary(r.header, r.events);
}
