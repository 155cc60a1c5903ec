/**
 * Shared by the trace.replay-*.test.ts files. The trace describes the engine exactly: for conformance programs, the
 * state replayed from the events equals the engine's own state (objects,
 * counts, tracking, generations, edges, frames and their bindings, globals)
 * at every `line` event (up to MAX_CHECKS a case), and seeking with keyframes gives the same state as
 * replaying from the start.
 */
import { expect } from 'vitest';
import { SCHEMA_VERSION, TraceState, encodeBinary, openTrace, type TraceEvent, type TraceSink } from '@pymem/trace';
import type { Heap, PyDict, PyObject } from '@pymem/object-model';
import { PyStr } from '@pymem/object-model';
import { runProgram } from '../run';
import { observeEmitters, type TraceEmitter } from './trace';

declare global {
  interface ImportMeta {
    /** Vite's static import of many files (here as raw text). */
    glob(pattern: string, options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>;
  }
}

/** The conformance programs, by file name. */
const SOURCES: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob('../../../../conformance/cases/*.py', { query: '?raw', import: 'default', eager: true })).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
);

interface Snapshot {
  objects: Map<number, { type: string; size: number; refcnt: number; tracked: boolean; generation: number }>;
  edges: Map<number, number[]>;
  frames: { depth: number; bindings: Map<string, number> }[];
  globals: Map<string, number>;
}

/** `main` is the main module's namespace: the outermost running frame's at the first check (at exit, finalizers run with no main frame). */
function engineState(heap: Heap, emitter: TraceEmitter, main: { globals: PyDict | null }): Snapshot {
  const objects: Snapshot['objects'] = new Map();
  const edges = new Map<number, number[]>();
  for (const o of heap.live!) {
    objects.set(o.addr, { type: o.ob_type.tp_name, size: o.allocSize, refcnt: o.ob_refcnt, tracked: o.gc_tracked, generation: o.gc_tracked ? o.gc_generation : -1 });
    const ts: number[] = [];
    o.tp_traverse((r: PyObject) => {
      ts.push(r.addr);
    });
    if (ts.length) edges.set(o.addr, ts.sort((a, b) => a - b));
  }
  const running = emitter.runningFrames();
  const frames = running.map(({ frame, depth }) => ({ depth, bindings: new Map([...emitter.frameBindings(frame)].map(([k, v]) => [k, v.addr])) }));
  const globals = new Map<string, number>();
  main.globals ??= running[0]?.frame.globals ?? null;
  if (main.globals) for (const e of main.globals.entries) if (e.key instanceof PyStr && e.value) globals.set(e.key.value, e.value.addr);
  return { objects, edges, frames, globals };
}

/** The first few differences between a replayed and an engine snapshot, readable. */
function differences(got: Snapshot, want: Snapshot): string[] {
  const out: string[] = [];
  const hex = (n: number) => `0x${n.toString(16)}`;
  for (const [id, w] of want.objects) {
    const g = got.objects.get(id);
    if (!g) out.push(`missing ${w.type} ${hex(id)}`);
    else if (g.type !== w.type || g.size !== w.size || g.refcnt !== w.refcnt || g.tracked !== w.tracked || g.generation !== w.generation) out.push(`${w.type} ${hex(id)}: replay ${JSON.stringify(g)} engine ${JSON.stringify(w)}`);
  }
  for (const [id, g] of got.objects) if (!want.objects.has(id)) out.push(`extra ${g.type} ${hex(id)}`);
  for (const id of new Set([...want.edges.keys(), ...got.edges.keys()])) {
    const ga = got.edges.get(id) ?? [];
    const wa = want.edges.get(id) ?? [];
    if (ga.length === wa.length && ga.every((x, i) => x === wa[i])) continue;
    const a = JSON.stringify(ga);
    const b = JSON.stringify(wa);
    out.push(`edges of ${want.objects.get(id)?.type} ${hex(id)}: replay ${a} engine ${b}`);
  }
  const fr = (f: Snapshot['frames']) => JSON.stringify(f.map((x) => [x.depth, [...x.bindings].sort()]));
  if (fr(got.frames) !== fr(want.frames)) out.push(`frames: replay ${fr(got.frames)} engine ${fr(want.frames)}`);
  const gl = (m: Map<string, number>) => JSON.stringify([...m].sort());
  if (gl(got.globals) !== gl(want.globals)) out.push(`globals: replay ${gl(got.globals)} engine ${gl(want.globals)}`);
  return out.slice(0, 8);
}

function replayState(st: TraceState): Snapshot {
  const objects: Snapshot['objects'] = new Map();
  for (const o of st.objects.values()) objects.set(o.id, { type: o.type, size: o.size, refcnt: o.refcnt, tracked: o.tracked, generation: o.tracked ? o.generation : -1 });
  const edges = new Map<number, number[]>();
  for (const [k, v] of st.edges) edges.set(k, [...v].sort((a, b) => a - b));
  const frames = st.frames.map((f) => ({ depth: f.depth, bindings: new Map(f.locals) }));
  // A module frame's bindings are the globals.
  return { objects, edges, frames, globals: new Map(st.globals) };
}

/** Thrown from the sink to stop a run once it has been checked enough. */
class Enough extends Error {}

/** Runs `source` with tracing, comparing replay and engine at up to `maxChecks` line events. */
function check(source: string, version: string, maxChecks: number): { events: TraceEvent[]; checks: number } {
  let heap: Heap | null = null;
  let emitter: TraceEmitter | null = null;
  observeEmitters((e, h) => {
    emitter = e;
    heap = h;
    h.live = new Set();
  });
  const state = new TraceState();
  const events: TraceEvent[] = [];
  let checks = 0;
  const main: { globals: PyDict | null } = { globals: null };
  const sink: TraceSink = {
    event(e) {
      events.push(e);
      state.apply(e);
      if (e.kind !== 'line') return;
      if (checks >= maxChecks) {
        if (maxChecks > 0) throw new Enough();
        return;
      }
      checks++;
      const want = engineState(heap!, emitter!, main);
      const got = replayState(state);
      // Module frames: the engine's bindings for them are the globals.
      want.frames = want.frames.map((f, i) => (i === 0 ? { ...f, bindings: new Map() } : f));
      got.frames = got.frames.map((f, i) => (i === 0 ? { ...f, bindings: new Map() } : f));
      const diffs = differences(got, want);
      expect(diffs, `step ${state.step}`).toEqual([]);
    },
  };
  try {
    runProgram({ source, path: 'case.py', version, write: () => {}, trace: sink, maxSteps: 2_000_000 });
  } catch (e) {
    if (!(e instanceof Enough)) throw e;
  } finally {
    observeEmitters(null);
  }
  return { events, checks };
}

function failsUntraced(source: string, version: string): boolean {
  try {
    runProgram({ source, path: 'case.py', version, write: () => {}, maxSteps: 2_000_000 });
    return false;
  } catch {
    return true;
  }
}

const cases = Object.keys(SOURCES).sort();

const ALL = ['3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];

/**
 * Cases whose replay differs from the engine at some line, the versions where
 * it does, and the reason. The emitter finds changed edges through the
 * objects an event touched; an object that native code changes while Python
 * code runs inside it, without a reference to it being taken, shows its new
 * edges only once it is touched. A listed case that replays exactly fails the
 * test, so the list stays true.
 */
const EXPECTED_MISMATCHES: Record<string, { versions: readonly string[]; reason: string }> = {
  'errors_builtin_argument_types_4.py': {
    versions: ['3.12'],
    reason: "list.pop()/list.insert() called through a bound method that alone holds a new list ([1, 2].pop passed to a function): the trace does not show the list's changed items on 3.12 (not investigated; `l.pop(i)` on a named list replays)",
  },
  'lang_classes_dunder.py': {
    versions: ALL.slice(0, ALL.indexOf('3.12')),
    reason: 'a list iterator held by zip() lets go of its list when exhausted; nothing touches the iterator, so its edge lingers',
  },
  'refcount_sort_key.py': {
    versions: ALL.slice(0, ALL.indexOf('3.12')),
    reason: 'a list iterator held by sorted() lets go of its list when exhausted; nothing touches the iterator, so its edge lingers',
  },
  'objects_generator_close_releases_frame.py': {
    versions: ALL.slice(0, ALL.indexOf('3.11')),
    reason: "up to 3.10 a generator's frame object lets go of its caller's frame (f_back) when it suspends; nothing touches the generator, so its edge lingers",
  },
  'objects_generators.py': {
    versions: ALL.slice(0, ALL.indexOf('3.11')),
    reason:
      "up to 3.10 an exhausted generator drops its frame object, whose locals' __del__ runs Python lines while the frame is deallocated; nothing touches the generator, so its edge to the frame lingers",
  },
  'fuzz_d5bcebb8f2.py': {
    versions: ALL.slice(0, ALL.indexOf('3.11')),
    reason:
      "up to 3.10 a dying generator drops its frame object, whose locals' __del__ runs Python lines while the frame is deallocated; nothing touches the generator, so its edge to the frame lingers",
  },
  'gc_garbage_saveall.py': { versions: ALL, reason: 'the collector appends to gc.garbage (DEBUG_SAVEALL) from native code without touching the list' },
  'refcount_name_rebinding.py': {
    versions: ALL,
    reason:
      'a finalizer deletes a global through `globals()` (a dict subscript, not a name store): the emitter updates the dict\'s edges but reports bindings only at name stores, so the replay keeps the name bound',
  },
  'refcount_list_subclass.py': {
    versions: ALL,
    reason:
      'a list subclass in its tp_dealloc lets go of its __dict__ and items after a weakref callback ran (a sync point); nothing touches the list again, so its edges linger while the __del__ of what it held runs',
  },
};

/**
 * Line events checked per case: every one, up to this many (the longest cases
 * run loops of thousands of lines; each check walks the whole heap).
 */
const MAX_CHECKS = 400;

/** A quarter of the cases at every line takes 15–35 s on a busy 2-core machine: more than the default 30 s. */
export const CHECK_TIMEOUT_MS = 120_000;

/** Checks the cases `index % shards === shard` on `version`; returns the failures and the number of checks. */
export function checkShard(version: string, shard: number, shards: number): { failures: string[]; total: number } {
  let total = 0;
  const failures: string[] = [];
  cases.forEach((name, index) => {
    if (index % shards !== shard) return;
    const source = SOURCES[name]!;
    const expected = EXPECTED_MISMATCHES[name]?.versions.includes(version) ?? false;
    try {
      total += check(source, version, MAX_CHECKS).checks;
      if (expected) failures.push(`${name}: replays exactly on ${version} now; take the version out of EXPECTED_MISMATCHES`);
    } catch (e) {
      // NOTE: an engine error that a run without tracing raises too is not the trace's to report.
      if (!(e instanceof Error && e.name === 'AssertionError') && failsUntraced(source, version)) return;
      if (expected) return;
      failures.push(`${name}: ${(e as Error).message}\n${JSON.stringify((e as { actual?: unknown }).actual, null, 1)?.slice(0, 2000)}`);
    }
  });
  return { failures, total };
}

export function seekTest(): void {
    const source = SOURCES[cases.find((c) => c.startsWith('article_cycle'))!]!;
    const { events } = check(source, '3.12', 0);
    const bytes = encodeBinary({ schemaVersion: SCHEMA_VERSION, profile: '3.12', path: 'case.py', source }, events, 64);
    const t = openTrace(bytes);
    expect(t.summary.keyframes).toBeGreaterThanOrEqual(2);
    const st = new TraceState();
    const probes = new Set([0, 1, ...Array.from({ length: 40 }, (_, i) => Math.floor((i * events.length) / 40) + (i % 3)), Math.floor(events.length / 2), events.length - 1, events.length]);
    for (let i = 0; i <= events.length; i++) {
      if (probes.has(i)) {
        const s = t.stateAt(i);
        expect(replayState(s as unknown as TraceState)).toEqual(replayState(st));
        expect(s.collecting).toEqual(st.collecting);
      }
      if (i < events.length) st.apply(events[i]!);
    }
  }
