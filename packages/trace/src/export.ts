/**
 * Exports to the formats of tools people already use:
 *
 * - Chrome's trace event format (the JSON that Perfetto and chrome://tracing
 *   load): the call stack as nested slices, each collection as a slice with
 *   its phases as instant events, finalizers and weakref callbacks as
 *   instant events, and the live heap (objects, bytes) as a counter.
 *   One step of the trace is one microsecond of the timeline.
 * - V8's `.heapsnapshot` (Chrome DevTools' Memory panel): the heap at one
 *   step as nodes and edges, under synthetic roots for the frames, the
 *   globals, and the objects held by references the trace does not name, so
 *   the Summary, Containment, Retainers and Dominators views work.
 */
import type { Trace } from './replay';
import { AddressMap } from './tables';

/** Options of `toChromeTrace`. */
export interface ChromeTraceOptions {
  /** At most this many counter samples of the live heap (default 10 000). */
  maxCounterSamples?: number;
  /** Allocation instant events are written only when the trace has at most this many (default 50 000). */
  maxAllocationEvents?: number;
}

const PID = 1;
const TID_FRAMES = 1;
const TID_GC = 2;
const TID_FINALIZERS = 3;
const TID_ALLOCATIONS = 4;

/**
 * The trace as Chrome trace event JSON. Each event's keys come in the order
 * pid, tid, ts, ph, cat, name, then id/dur, with `args` last.
 */
export function toChromeTrace(trace: Trace, options: ChromeTraceOptions = {}): string {
  const maxSamples = options.maxCounterSamples ?? 10_000;
  const allocEvents = trace.summary.objects <= (options.maxAllocationEvents ?? 50_000);
  const sampleEvery = Math.max(1, Math.ceil(trace.eventCount / maxSamples));
  const out: string[] = [];
  const ev = (tid: number, ts: number, ph: string, cat: string, name: string, args: Record<string, unknown>, extra = ''): void => {
    out.push(`{"pid":${PID},"tid":${tid},"ts":${ts},"ph":"${ph}","cat":"${cat}","name":${JSON.stringify(name)}${extra},"args":${JSON.stringify(args)}}`);
  };
  const h = trace.header;
  ev(0, 0, 'M', '__metadata', 'process_name', { name: `pymem ${h.path} (CPython ${h.profile})` });
  ev(TID_FRAMES, 0, 'M', '__metadata', 'thread_name', { name: 'frames' });
  ev(TID_GC, 0, 'M', '__metadata', 'thread_name', { name: 'garbage collector' });
  ev(TID_FINALIZERS, 0, 'M', '__metadata', 'thread_name', { name: 'finalizers and weakref callbacks' });
  ev(TID_ALLOCATIONS, 0, 'M', '__metadata', 'thread_name', { name: 'allocations' });

  const frames: string[] = [];
  let gcOpen = false;
  let liveObjects = 0;
  let liveBytes = 0;
  const sizes = new AddressMap<number>();
  let step = 0;
  let lastSample = -1;
  for (const e of trace.events()) {
    step++;
    const ts = step;
    switch (e.kind) {
      case 'frame-push':
        frames.push(e.name);
        ev(TID_FRAMES, ts, 'B', 'frame', e.name, { depth: e.depth, line: e.line ?? null });
        break;
      case 'frame-pop':
        if (frames.length) ev(TID_FRAMES, ts, 'E', 'frame', frames.pop()!, { depth: e.depth });
        break;
      case 'gc-start':
        gcOpen = true;
        ev(TID_GC, ts, 'B', 'gc', `collect generation ${e.generation}`, { generation: e.generation });
        break;
      case 'gc-phase':
        ev(TID_GC, ts, 'i', 'gc', e.phase ?? 'phase', { generation: e.generation, objects: e.objects?.length ?? 0 }, ',"s":"t"');
        break;
      case 'gc-end':
        if (gcOpen) ev(TID_GC, ts, 'E', 'gc', `collect generation ${e.generation}`, { collected: e.collected ?? 0, uncollectable: e.uncollectable ?? 0 });
        gcOpen = false;
        break;
      case 'finalize':
        ev(TID_FINALIZERS, ts, 'i', 'finalizer', '__del__', { id: `0x${e.id.toString(16)}` }, ',"s":"t"');
        break;
      case 'weakref-callback':
        ev(TID_FINALIZERS, ts, 'i', 'weakref', 'weakref callback', { weakref: `0x${e.weakref.toString(16)}` }, ',"s":"t"');
        break;
      case 'alloc':
        liveObjects++;
        liveBytes += e.size;
        sizes.set(e.id, e.size);
        if (allocEvents) ev(TID_ALLOCATIONS, ts, 'i', 'alloc', e.type, { id: `0x${e.id.toString(16)}`, size: e.size, summary: e.summary }, ',"s":"t"');
        break;
      case 'dealloc': {
        const size = sizes.get(e.id);
        if (size !== undefined) {
          liveObjects--;
          liveBytes -= size;
          sizes.delete(e.id);
        }
        break;
      }
      default:
        break;
    }
    if ((e.kind === 'alloc' || e.kind === 'dealloc') && (step - lastSample >= sampleEvery || step === trace.eventCount)) {
      lastSample = step;
      ev(0, ts, 'C', 'heap', 'live heap', { objects: liveObjects, bytes: liveBytes });
    }
  }
  const end = step + 1;
  if (gcOpen) ev(TID_GC, end, 'E', 'gc', 'collect', {});
  while (frames.length) ev(TID_FRAMES, end, 'E', 'frame', frames.pop()!, {});
  return `{"traceEvents":[\n${out.join(',\n')}\n]}\n`;
}

/** The node types and edge types of V8's heap snapshot format. */
const NODE_TYPES = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape'];
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak'];
const NODE_FIELDS = 7;

/**
 * The heap at `step` (default: the last) as a V8 `.heapsnapshot` (JSON).
 * Python objects are nodes named by their type (str, int, float and bool by
 * their value, as V8 names its strings and numbers), with their size as
 * `self_size`; each reference is an `element` edge. Synthetic nodes hold the
 * roots: one per frame, whose `property` edges are its local names, one for
 * the module globals, and one for the objects no traced reference reaches
 * (held by the value stack or the interpreter). Node ids are small odd
 * numbers (V8 keeps them in 32 bits), not the simulated addresses.
 */
export function toHeapSnapshot(trace: Trace, step: number = trace.eventCount): string {
  const st = trace.stateAt(step);
  const strings: string[] = [''];
  const stringIndex = new Map<string, number>([['', 0]]);
  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };

  interface Node {
    type: string;
    name: string;
    id: number;
    size: number;
    edges: [type: string, name: string | number, to: number][];
  }
  const nodes: Node[] = [];
  const index = new Map<number, number>();
  let nextId = 1;
  const add = (type: string, name: string, size: number): number => {
    nodes.push({ type, name, id: nextId, size, edges: [] });
    nextId += 2;
    return nodes.length - 1;
  };
  const root = add('synthetic', '(Python roots)', 0);
  for (const o of st.objects.values()) {
    const type = o.type === 'str' ? 'string' : o.type === 'int' || o.type === 'float' || o.type === 'bool' ? 'number' : o.type === 'function' ? 'closure' : o.type === 'code' ? 'code' : 'object';
    const name = type === 'string' || type === 'number' ? o.summary : o.type;
    index.set(o.id, add(type, name, o.size));
  }
  // Frames (innermost first) and globals.
  for (let i = st.frames.length - 1; i >= 0; i--) {
    const f = st.frames[i]!;
    const n = add('synthetic', `(frame ${f.name}, depth ${f.depth}, line ${f.line})`, 0);
    nodes[root]!.edges.push(['element', nodes[root]!.edges.length, n]);
    for (const [name, v] of f.locals) {
      const t = index.get(v);
      if (t !== undefined) nodes[n]!.edges.push(['property', name, t]);
    }
  }
  const g = add('synthetic', '(module globals)', 0);
  nodes[root]!.edges.push(['element', nodes[root]!.edges.length, g]);
  for (const [name, v] of st.globals) {
    const t = index.get(v);
    if (t !== undefined) nodes[g]!.edges.push(['property', name, t]);
  }
  // Reference edges.
  const referenced = new Set<number>();
  for (const [owner, targets] of st.edges) {
    const from = index.get(owner);
    if (from === undefined) continue;
    targets.forEach((t, i) => {
      const to = index.get(t);
      if (to === undefined) return;
      nodes[from]!.edges.push(['element', i, to]);
      referenced.add(t);
    });
  }
  // Objects that nothing in the trace refers to are held by references it does not name.
  const other = add('synthetic', '(held by unnamed references)', 0);
  nodes[root]!.edges.push(['element', nodes[root]!.edges.length, other]);
  for (const o of st.objects.values()) {
    if (!referenced.has(o.id)) nodes[other]!.edges.push(['element', nodes[other]!.edges.length, index.get(o.id)!]);
  }

  const nodeArr: number[] = [];
  const edgeArr: number[] = [];
  for (const n of nodes) {
    nodeArr.push(NODE_TYPES.indexOf(n.type), str(n.name), n.id, n.size, n.edges.length, 0, 0);
    for (const [type, name, to] of n.edges) {
      edgeArr.push(EDGE_TYPES.indexOf(type), typeof name === 'number' ? name : str(name), to * NODE_FIELDS);
    }
  }
  const snapshot = {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id', 'detachedness'],
        node_types: [NODE_TYPES, 'string', 'number', 'number', 'number', 'number', 'number'],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [EDGE_TYPES, 'string_or_number', 'node'],
        trace_function_info_fields: ['function_id', 'name', 'script_name', 'script_id', 'line', 'column'],
        trace_node_fields: ['id', 'function_info_index', 'count', 'size', 'children'],
        sample_fields: ['timestamp_us', 'last_assigned_id'],
        location_fields: ['object_index', 'script_id', 'line', 'column'],
      },
      node_count: nodes.length,
      edge_count: edgeArr.length / 3,
      trace_function_count: 0,
    },
    nodes: nodeArr,
    edges: edgeArr,
    trace_function_infos: [],
    trace_tree: [],
    samples: [],
    locations: [],
    strings,
  };
  return JSON.stringify(snapshot);
}
