/**
 * Automatic collection, the trace, and speed. The trigger logic mirrors
 * gc_alloc()/_PyObject_GC_Link()/collect_generations() as read in the
 * CPython sources (3.6–3.13); default thresholds and the run-at-allocation
 * versus run-at-eval-breaker split are the facts in DESIGN.md.
 */
import { describe, expect, it } from 'vitest';
import { MemorySink, type CollectEvent, type TraceEvent } from '@pymem/trace';
import { heapTrace, type VersionName } from '@pymem/object-model';
import { NUM_GENERATIONS } from './index';
import { makeFixture } from './heap.fixture';

describe('automatic collection', () => {
  it.each(['3.6', '3.9', '3.11'] as VersionName[])('%s: runs inside the allocation that crosses threshold 700', (v) => {
    const f = makeFixture(v);
    expect(f.gc.get_threshold()).toEqual([700, 10, 10]);
    const keep = [];
    for (let i = 0; i < 700; i++) keep.push(f.list());
    expect(f.log).toEqual([]);
    expect(f.gc.get_count()).toEqual([700, 0, 0]);
    keep.push(f.list());
    expect(f.log).toEqual(['start generation=0 collected=0 uncollectable=0', 'stop generation=0 collected=0 uncollectable=0']);
    // The new object was counted, then the collection reset the count; it is tracked after.
    expect(f.gc.get_count()).toEqual([0, 1, 0]);
    expect(f.gc.generationSize(0)).toBe(1);
    expect(f.gc.generationSize(1)).toBe(700);
  });

  it.each([
    ['3.12', 700],
    ['3.13', 2000],
  ] as [VersionName, number][])('%s: the allocation only schedules; the eval breaker runs it', (v, t0) => {
    const f = makeFixture(v);
    let scheduled = 0;
    (f.gc.hooks as { schedule?: () => void }).schedule = () => scheduled++;
    expect(f.gc.get_threshold()).toEqual([t0, 10, 10]);
    for (let i = 0; i <= t0 + 5; i++) f.list();
    expect(scheduled).toBe(1);
    expect(f.log).toEqual([]);
    expect(f.gc.runScheduled()).toBe(0);
    expect(f.log[0]).toBe('start generation=0 collected=0 uncollectable=0');
    expect(f.gc.get_count()).toEqual([0, 1, 0]);
    expect(f.gc.runScheduled()).toBe(0); // nothing scheduled any more
    expect(f.log.length).toBe(2);
  });

  it('3.13 skips a scheduled collection when disabled meanwhile; 3.12 runs it (probes/gc_run_when_disabled.py)', () => {
    for (const [v, runs] of [
      ['3.12', true],
      ['3.13', false],
    ] as [VersionName, boolean][]) {
      const f = makeFixture(v);
      f.gc.set_threshold(3);
      for (let i = 0; i < 4; i++) f.list();
      expect(f.gc.scheduled).toBe(true);
      f.gc.disable();
      f.gc.runScheduled();
      expect(f.log.length > 0).toBe(runs);
    }
  });

  it('does not run when disabled, when threshold0 is 0, or while an exception is pending', () => {
    const f = makeFixture('3.8');
    f.gc.disable();
    for (let i = 0; i < 800; i++) f.list();
    expect(f.log).toEqual([]);
    f.gc.enable();
    f.gc.set_threshold(0);
    for (let i = 0; i < 800; i++) f.list();
    expect(f.log).toEqual([]);
    f.gc.set_threshold(700);
    let pending = true;
    (f.gc.hooks as { errorOccurred?: () => boolean }).errorOccurred = () => pending;
    f.list();
    expect(f.log).toEqual([]);
    pending = false;
    f.list();
    expect(f.log[0]).toBe('start generation=0 collected=0 uncollectable=0');
  });

  it('collects the oldest generation over its threshold, with the long-lived heuristic for generation 2', () => {
    const f = makeFixture('3.10');
    f.gc.set_threshold(1, 1, 1);
    const g = f.gc.generations;
    g[1]!.count = 2;
    g[2]!.count = 2;
    f.gc.long_lived_total = 100;
    f.gc.long_lived_pending = 24; // < 100 / 4: skip the full collection
    f.list();
    f.list();
    expect(f.log[0]).toBe('start generation=1 collected=0 uncollectable=0');
    f.log.length = 0;
    g[1]!.count = 0;
    g[2]!.count = 2;
    f.gc.long_lived_pending = 25;
    f.list();
    f.list();
    expect(f.log[0]).toBe('start generation=2 collected=0 uncollectable=0');
    expect(f.gc.long_lived_pending).toBe(0);
    // CPython's start-up objects, not modelled, survive it too.
    expect(f.gc.long_lived_total).toBe(f.gc.generationSize(2) + f.gc.profile.unmodelledStartupObjects);
    f.gc.freeze();
    f.gc.collect(2);
    expect(f.gc.long_lived_total).toBe(f.gc.generationSize(2));
  });

  it('a generation-1 collection adds its survivors to long_lived_pending', () => {
    const f = makeFixture('3.12');
    for (let i = 0; i < 5; i++) f.list();
    f.gc.collect(1);
    expect(f.gc.long_lived_pending).toBe(5);
    expect(NUM_GENERATIONS).toBe(3);
  });
});

describe('trace', () => {
  it('records track, the phases with gc_refs, and the end counts', () => {
    const f = makeFixture('3.12');
    const sink = new MemorySink();
    f.heap.trace = heapTrace(sink);
    const a = f.list([]);
    const b = f.list([a]);
    f.append(a, b);
    const keep = f.list([a]);
    f.del(a);
    f.del(b);
    f.gc.collect(0);
    const ev = sink.events.filter((e) => e.kind.startsWith('gc-') || e.kind === 'track') as TraceEvent[];
    expect(ev.filter((e) => e.kind === 'track').length).toBe(3);
    const phases = ev.filter((e): e is CollectEvent => e.kind === 'gc-phase');
    const byName = Object.fromEntries(phases.map((p) => [p.phase, p.objects]));
    expect(byName['update_refs']).toEqual([
      { id: a.addr, gc_refs: 2 },
      { id: b.addr, gc_refs: 1 },
      { id: keep.addr, gc_refs: 1 },
    ]);
    expect(byName['subtract_refs']).toEqual([
      { id: a.addr, gc_refs: 0 },
      { id: b.addr, gc_refs: 0 },
      { id: keep.addr, gc_refs: 1 },
    ]);
    expect(byName['move_unreachable']).toEqual([]);
    expect(byName['promote']!.map((o: { id: number }) => o.id)).toEqual([keep.addr, a.addr, b.addr]);
    const end = ev[ev.length - 1]!;
    expect(end).toEqual({ kind: 'gc-end', generation: 0, collected: 0, uncollectable: 0 });
  });
});

describe('scale', () => {
  // The time it takes is measured by bench/ (gc_collect), side by side with CPython.
  it('a full collection of 10^6 tracked objects frees exactly the garbage half', () => {
    const f = makeFixture('3.12');
    f.gc.disable();
    const N = 1_000_000;
    const keep = [];
    for (let i = 0; i < N / 2; i++) {
      const a = f.list([]);
      const b = f.list([a]);
      f.append(a, b);
      f.del(b);
      if (i % 2 === 0) keep.push(a);
      else f.del(a);
    }
    f.heap.live = null;
    const n = f.gc.collect();
    expect(n).toBe(N / 2);
    expect(f.gc.generationSize(2)).toBe(N / 2);
    // A million simulated objects take 5–30 s with the machine's other work: not a timing test.
  }, 120_000);
});
