import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BinaryTraceWriter,
  JsonlTraceWriter,
  SCHEMA_VERSION,
  TraceFormatError,
  TraceState,
  concat,
  encodeBinary,
  openTrace,
  readTrace,
  type TraceEvent,
  type TraceHeader,
} from './index';
import { arbEvent, arbHistory } from './arbitrary.test-util';

const header: TraceHeader = { schemaVersion: SCHEMA_VERSION, profile: '3.12', path: 'prog.py', source: 'x = []\n' };

function jsonl(events: readonly TraceEvent[], h = header): Uint8Array {
  const chunks: Uint8Array[] = [];
  const w = new JsonlTraceWriter(h, (c) => chunks.push(c));
  for (const e of events) w.event(e);
  w.close();
  return concat(chunks);
}

const sample: TraceEvent[] = [
  { kind: 'frame-push', depth: 1, name: '<module>', line: 1 },
  { kind: 'line', line: 1 },
  { kind: 'alloc', id: 0x7f3a00000040, type: 'list', size: 56, summary: 'list len 0' },
  { kind: 'track', id: 0x7f3a00000040, generation: 0 },
  { kind: 'bind', scope: 'global', depth: 1, name: 'x', id: 0x7f3a00000040 },
  { kind: 'incref', id: 0x7f3a00000040, refcnt: 2 },
  { kind: 'edge-add', owner: 0x7f3a00000040, target: 0x7f3a00000040 },
  { kind: 'decref', id: 0x7f3a00000040, refcnt: 1, owner: 0x7f3a00000100, slot: 'x' },
  { kind: 'gc-start', generation: 2 },
  { kind: 'gc-phase', generation: 2, phase: 'update_refs', objects: [{ id: 0x7f3a00000040, gc_refs: 1 }] },
  { kind: 'gc-end', generation: 2, collected: 0, uncollectable: 0 },
  { kind: 'output', stream: 'stdout', text: 'héllo\n' },
  { kind: 'unbind', scope: 'global', depth: 1, name: 'x' },
  { kind: 'decref', id: 0x7f3a00000040, refcnt: 0 },
  { kind: 'dealloc', id: 0x7f3a00000040 },
  { kind: 'frame-pop', depth: 1, name: '<module>' },
];

describe('binary encoding', () => {
  it('round-trips events and the header', () => {
    const bytes = encodeBinary(header, sample);
    const r = readTrace(bytes);
    expect(r.format).toBe('pymemtrace');
    expect(r.header).toEqual(header);
    expect([...r.events]).toEqual(sample);
  });

  it('writes an ordinary incref of a recently seen object in one byte', () => {
    const one = encodeBinary(header, sample.slice(0, 5));
    const two = encodeBinary(header, sample.slice(0, 6));
    expect(two.length - one.length).toBe(1);
  });

  it('streams: chunks of at most about 64 KiB, never the whole trace', () => {
    const sizes: number[] = [];
    const w = new BinaryTraceWriter(header, (c) => sizes.push(c.length));
    for (let i = 0; i < 200_000; i++) w.event({ kind: 'line', line: i % 100 });
    w.close();
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.max(...sizes)).toBeLessThan(70_000);
  });

  it('is lossless to and from JSON lines (property)', () => {
    fc.assert(
      fc.property(arbHistory, (events) => {
        const bin = encodeBinary(header, events, 7);
        const fromBin = [...readTrace(bin).events];
        expect(fromBin).toEqual(events);
        const lines = jsonl(fromBin);
        const fromJsonl = readTrace(lines);
        expect(fromJsonl.format).toBe('jsonl');
        const again = [...fromJsonl.events];
        expect(again).toEqual(events);
        expect(encodeBinary(header, again, 7)).toEqual(bin);
      }),
      { numRuns: 200, seed: 0x5eed },
    );
  });

  it('writes the same bytes through the shortcut methods (ref, edge, stack, line, alloc, dealloc, track, frame, bind) as through event (property)', () => {
    const write = (events: readonly TraceEvent[], shortcuts: boolean): Uint8Array => {
      const chunks: Uint8Array[] = [];
      const w = new BinaryTraceWriter(header, (c) => chunks.push(c), { keyframeInterval: 7 });
      for (const e of events) {
        if (!shortcuts) w.event(e);
        else if ((e.kind === 'incref' || e.kind === 'decref') && e.owner === undefined && e.slot === undefined) w.ref(e.kind, e.id, e.refcnt);
        else if (e.kind === 'edge-add' || e.kind === 'edge-remove') w.edge(e.kind, e.owner, e.target);
        else if (e.kind === 'stack-take' || e.kind === 'stack-release') w.stack(e.kind, e.depth, e.id);
        else if (e.kind === 'line') w.line(e.line);
        else if (e.kind === 'alloc') w.alloc(e.id, e.type, e.size, e.summary);
        else if (e.kind === 'dealloc') w.dealloc(e.id);
        else if (e.kind === 'track' || e.kind === 'untrack') w.track(e.kind, e.id, e.generation);
        else if (e.kind === 'frame-push' || e.kind === 'frame-pop') w.frame(e.kind, e.depth, e.name, e.line);
        else if (e.kind === 'bind' || e.kind === 'unbind') w.bind(e.kind, e.scope, e.depth, e.name, e.id);
        else w.event(e);
      }
      w.close();
      return concat(chunks);
    };
    fc.assert(
      fc.property(arbHistory, (events) => {
        expect(write(events, true)).toEqual(write(events, false));
      }),
      { numRuns: 200, seed: 0x5eed },
    );
  });
});

describe('seeking', () => {
  it('rebuilds any step of a long trace as replaying from the start does, through the keyframes openTrace keeps', () => {
    // About 60,000 events with no keyframe in the file: openTrace makes its own.
    const events = fc.sample(arbHistory, { numRuns: 1500, seed: 7 }).flat();
    const trace = openTrace(encodeBinary(header, events, 1e9));
    expect(trace.summary.keyframes).toBe(0);
    const probes = new Set([0, 1, events.length, ...Array.from({ length: 60 }, (_, i) => Math.floor((i * events.length) / 60) + (i % 5) - 2)]);
    for (const k of [16384, 32768, 49152]) for (const d of [-1, 0, 1, 2]) probes.add(k + d);
    const st = new TraceState();
    const view = (x: { objects: ReadonlyMap<number, unknown>; edges: ReadonlyMap<number, readonly number[]>; frames: readonly unknown[]; globals: ReadonlyMap<string, number>; collecting: unknown }) =>
      JSON.stringify([[...x.objects], [...x.edges], x.frames, [...x.globals], x.collecting], (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    for (let i = 0; i <= events.length; i++) {
      if (probes.has(i)) {
        const got = trace.stateAt(i);
        expect(view(got), `step ${i}`).toBe(view(st));
        expect(got.lastEvent).toEqual(i === 0 ? null : events[i - 1]);
      }
      if (i < events.length) st.apply(events[i]!);
    }
  });
});

describe('bad input', () => {
  const good = encodeBinary(header, sample, 3);

  it('names a truncated file and the offset', () => {
    for (const cut of [0, 3, 9, 20, good.length - 1, good.length - 5]) {
      const f = () => openTrace(good.subarray(0, cut));
      expect(f).toThrow(TraceFormatError);
    }
    expect(() => openTrace(good.subarray(0, good.length - 1))).toThrow(/truncated|ends/);
    try {
      openTrace(good.subarray(0, 30));
    } catch (e) {
      expect((e as TraceFormatError).offset).toBeGreaterThan(8);
      expect((e as Error).message).toMatch(/byte offset \d+/);
    }
  });

  it('names a file that is not a trace', () => {
    expect(() => openTrace(new TextEncoder().encode('print("hi")\n'))).toThrow(/not a pymem trace.*byte offset 0/);
    expect(() => openTrace(new Uint8Array(0))).toThrow(/empty/);
    expect(() => openTrace(new TextEncoder().encode('{"a":1}\n'))).toThrow(/not a pymem trace/);
  });

  it('names a wrong schema version', () => {
    const other = encodeBinary({ ...header, schemaVersion: 99 }, []);
    expect(() => openTrace(other)).toThrow(new RegExp(`schema version 99; this reader reads version ${SCHEMA_VERSION} \\(at byte offset 8\\)`));
    const lines = jsonl([], { ...header, schemaVersion: SCHEMA_VERSION + 1 });
    expect(() => openTrace(lines)).toThrow(new RegExp(`schema version ${SCHEMA_VERSION + 1}`));
  });

  it('names a keyframe that disagrees with the events before it, and its offset', () => {
    const events: TraceEvent[] = [
      { kind: 'alloc', id: 0x1000, type: 'int', size: 28, summary: 'int 5' },
      { kind: 'refcnt-set', id: 0x1000, refcnt: 99 },
      { kind: 'line', line: 1 },
    ];
    const bytes = encodeBinary(header, events, 2).slice();
    expect(openTrace(bytes).summary.keyframes).toBe(1);
    // The keyframe's copy of the count (99, one byte) is the second 99 in the file; the first is the refcnt-set's.
    const at = bytes.indexOf(99, bytes.indexOf(99) + 1);
    expect(at).toBeGreaterThan(0);
    bytes[at] = 98;
    expect(() => openTrace(bytes)).toThrow(/the keyframe at step 2 disagrees with the events before it about object 0x1000 \(corrupt data\) \(at byte offset \d+\)/);
  });

  it('rejects a hostile length field without allocating it', () => {
    const bytes = Uint8Array.from([...good.subarray(0, 8), SCHEMA_VERSION, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x0f]);
    expect(() => openTrace(bytes)).toThrow(/string claims \d+ bytes/);
  });

  it('never hangs or crashes on corrupt bytes: only TraceFormatError (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (events, flips, asJsonl) => {
          const bytes = (asJsonl ? jsonl(events) : encodeBinary(header, events, 5)).slice();
          for (const [at, b] of flips) bytes[at % bytes.length] = b;
          try {
            const t = openTrace(bytes);
            // A readable result must replay.
            t.stateAt(t.eventCount);
            t.stateAt(Math.floor(t.eventCount / 2));
          } catch (e) {
            if (!(e instanceof TraceFormatError)) throw e;
          }
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it('random bytes: only TraceFormatError (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (tail, magic) => {
        const bytes = magic ? concat([good.subarray(0, 8), tail]) : tail;
        try {
          openTrace(bytes);
        } catch (e) {
          if (!(e instanceof TraceFormatError)) throw e;
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
