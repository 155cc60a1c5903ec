/**
 * The exports load in independent, published readers of their formats:
 * `v8-heapsnapshot` for the heap snapshot and `@clinic/trace-events-parser`
 * for the Chrome trace event JSON.
 */
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from 'v8-heapsnapshot';
// @ts-expect-error the parser ships no types: a function returning a Transform stream of events
import traceEventsParser from '@clinic/trace-events-parser';
import { SCHEMA_VERSION, encodeBinary, openTrace, toChromeTrace, toHeapSnapshot, type TraceEvent } from './index';

const A = 0x7f0000001000;
const B = 0x7f0000001040;
const D = 0x7f0000001080;
const L = 0x7f00000010c0;

/** x = [a, b] where a and b refer to each other; then a collection frees the cycle. */
const events: TraceEvent[] = [
  { kind: 'frame-push', depth: 1, name: '<module>', line: 1 },
  { kind: 'line', line: 1 },
  { kind: 'alloc', id: A, type: 'Node', size: 48, summary: 'Node' },
  { kind: 'track', id: A, generation: 0 },
  { kind: 'alloc', id: B, type: 'Node', size: 48, summary: 'Node' },
  { kind: 'track', id: B, generation: 0 },
  { kind: 'alloc', id: D, type: 'str', size: 54, summary: "'hello'" },
  { kind: 'edge-add', owner: A, target: B },
  { kind: 'edge-add', owner: B, target: A },
  { kind: 'edge-add', owner: B, target: D },
  { kind: 'alloc', id: L, type: 'list', size: 72, summary: 'list len 2' },
  { kind: 'track', id: L, generation: 0 },
  { kind: 'edge-add', owner: L, target: A },
  { kind: 'edge-add', owner: L, target: B },
  { kind: 'bind', scope: 'global', depth: 1, name: 'x', id: L },
  { kind: 'frame-push', depth: 2, name: 'f', line: 5 },
  { kind: 'bind', scope: 'local', depth: 2, name: 's', id: D },
  { kind: 'line', line: 6 },
  { kind: 'output', stream: 'stdout', text: 'hi\n' },
  { kind: 'frame-pop', depth: 2, name: 'f' },
  { kind: 'unbind', scope: 'global', depth: 1, name: 'x' },
  { kind: 'edge-remove', owner: L, target: A },
  { kind: 'edge-remove', owner: L, target: B },
  { kind: 'dealloc', id: L },
  { kind: 'gc-start', generation: 2 },
  { kind: 'gc-phase', generation: 2, phase: 'update_refs', objects: [{ id: A, gc_refs: 1 }, { id: B, gc_refs: 1 }] },
  { kind: 'finalize', id: A },
  { kind: 'gc-phase', generation: 2, phase: 'delete_garbage', objects: [{ id: A }, { id: B }] },
  { kind: 'dealloc', id: A },
  { kind: 'dealloc', id: B },
  { kind: 'gc-end', generation: 2, collected: 2, uncollectable: 0 },
  { kind: 'frame-pop', depth: 1, name: '<module>' },
];
const trace = openTrace(encodeBinary({ schemaVersion: SCHEMA_VERSION, profile: '3.12', path: 'p.py', source: '' }, events));

describe('heap snapshot', () => {
  it('loads in v8-heapsnapshot with every object and edge', async () => {
    const step = 18; // inside f: x bound, s bound in f
    const st = trace.stateAt(step);
    expect(st.frames.map((f) => f.name)).toEqual(['<module>', 'f']);
    const snap = await parseSnapshot(toHeapSnapshot(trace, step));
    const py = snap.nodes.filter((n) => !n.name.startsWith('('));
    expect(py.map((n) => n.name).sort()).toEqual(["'hello'", 'Node', 'Node', 'list']);
    expect(py.reduce((s, n) => s + n.self_size, 0)).toBe(48 + 48 + 54 + 72);
    const pyEdges = snap.edges.filter((e) => !e.from.name.startsWith('('));
    expect(pyEdges.length).toBe(5);
    const list = py.find((n) => n.name === 'list')!;
    expect(list.out_edges.map((e) => e.to.name)).toEqual(['Node', 'Node']);
    // Retainers: the str is held by a Node and by the local s of f.
    const str = py.find((n) => n.name === "'hello'")!;
    expect(str.in_edges.map((e) => `${e.from.name}:${e.name}`).sort()).toEqual(['(frame f, depth 2, line 6):s', 'Node:1']);
    const globals = snap.nodes.find((n) => n.name === '(module globals)')!;
    expect(globals.out_edges.map((e) => e.name)).toEqual(['x']);
  });

  it('defaults to the last step', async () => {
    const snap = await parseSnapshot(toHeapSnapshot(trace));
    expect(snap.nodes.filter((n) => !n.name.startsWith('(')).map((n) => n.name)).toEqual(["'hello'"]);
  });
});

describe('chrome trace', () => {
  it('loads in @clinic/trace-events-parser with the frames, the collection and the finalizer', async () => {
    const json = toChromeTrace(trace);
    JSON.parse(json);
    const parsed: { ph: string; name: string; cat: string; args: Record<string, unknown> }[] = await new Promise((resolve, reject) => {
      const out: { ph: string; name: string; cat: string; args: Record<string, unknown> }[] = [];
      const p = traceEventsParser();
      p.on('data', (e: (typeof out)[number]) => out.push(e));
      p.on('end', () => resolve(out));
      p.on('error', reject);
      p.end(json);
    });
    const by = (ph: string, cat: string) => parsed.filter((e) => e.ph === ph && e.cat === cat);
    expect(by('B', 'frame').map((e) => e.name)).toEqual(['<module>', 'f']);
    expect(by('E', 'frame').length).toBe(2);
    expect(by('B', 'gc').map((e) => e.name)).toEqual(['collect generation 2']);
    expect(by('E', 'gc')[0]!.args['collected']).toBe(2);
    expect(by('i', 'gc').map((e) => e.name)).toEqual(['update_refs', 'delete_garbage']);
    expect(by('i', 'finalizer').length).toBe(1);
    expect(by('i', 'alloc').map((e) => e.name)).toEqual(['Node', 'Node', 'str', 'list']);
    const counters = by('C', 'heap');
    expect(counters[counters.length - 1]!.args).toEqual({ objects: 1, bytes: 54 });
  });
});

describe('replay queries', () => {
  it('answers history, referrers and a path from a root', () => {
    const [life] = trace.history(A);
    expect(life!.allocStep).toBe(2);
    expect(life!.freeStep).toBe(29);
    expect(life!.finalizedStep).toBe(27);
    expect(trace.referrers(A, 18).map((r) => r.owner).sort()).toEqual([B, L].sort());
    expect(trace.pathFromRoot(D, 18)).toEqual({ root: 'local s in f (depth 2)', ids: [D] });
    expect(trace.pathFromRoot(A, 16)).toEqual({ root: 'global x', ids: [L, A] });
    expect(trace.pathFromRoot(A, 25)).toBeNull();
    const st = trace.stateAt(26);
    expect(st.collecting).toEqual({ generation: 2, phase: 'update_refs' });
    expect(st.output).toBe('hi\n');
    expect(trace.summary.collectionsByGeneration).toEqual([0, 0, 1]);
    expect(trace.summary.peakLiveObjects).toBe(4);
  });
});
