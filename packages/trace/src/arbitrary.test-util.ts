/** fast-check arbitraries of trace events, shared by the property tests. */
import fc from 'fast-check';
import type { TraceEvent } from './events';

const POOL = [0x7f0000000010, 0x7f0000000030, 0x7f0000000050, 0x7f00000100a0, 16, 0];
const id = fc.oneof(fc.constantFrom(...POOL), fc.integer({ min: 0, max: 2 ** 48 }));
const nat = fc.integer({ min: 0, max: 2 ** 31 });
const gen = fc.integer({ min: -1, max: 2 });
const name = fc.oneof(fc.constantFrom('x', 'y', '__name__', 'f', 'list', 'int', '<module>'), fc.string({ maxLength: 80 }));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Drops the keys whose value is undefined, as JSON does. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Any well-formed event (not necessarily a consistent history). */
export const arbEvent: fc.Arbitrary<TraceEvent> = fc
  .oneof(
    fc.record({ kind: fc.constant('alloc' as const), id, type: name, size: nat, summary: name }),
    fc.record({ kind: fc.constantFrom('incref' as const, 'decref' as const), id, refcnt: nat, owner: opt(id), slot: opt(name) }),
    fc.record({ kind: fc.constant('refcnt-set' as const), id, refcnt: fc.integer({ min: 0, max: 2 ** 32 }) }),
    fc.record({ kind: fc.constantFrom('edge-add' as const, 'edge-remove' as const), owner: id, target: id }),
    fc.record({ kind: fc.constantFrom('dealloc' as const, 'finalize' as const), id }),
    fc.record({ kind: fc.constant('weakref-cleared' as const), weakref: id, target: id, callback: fc.boolean() }),
    fc.record({ kind: fc.constant('weakref-callback' as const), weakref: id }),
    fc.record({ kind: fc.constantFrom('track' as const, 'untrack' as const, 'generation' as const), id, generation: gen }),
    fc.record({
      kind: fc.constantFrom('gc-start' as const, 'gc-phase' as const, 'gc-end' as const),
      generation: gen,
      phase: opt(name),
      objects: opt(fc.array(fc.record({ id, gc_refs: opt(fc.integer({ min: -5, max: 1000 })) }).map(clean), { maxLength: 5 })),
      collected: opt(nat),
      uncollectable: opt(nat),
    }),
    fc.record({ kind: fc.constantFrom('frame-push' as const, 'frame-pop' as const), depth: fc.integer({ min: 0, max: 50 }), name, line: opt(nat) }),
    fc.record({ kind: fc.constantFrom('bind' as const, 'unbind' as const), scope: fc.constantFrom('local' as const, 'global' as const), depth: fc.integer({ min: 0, max: 50 }), name, id: opt(id) }),
    fc.record({ kind: fc.constantFrom('stack-take' as const, 'stack-release' as const), depth: fc.integer({ min: 0, max: 50 }), id }),
    fc.record({ kind: fc.constant('line' as const), line: nat }),
    fc.record({ kind: fc.constant('output' as const), stream: fc.constantFrom('stdout' as const, 'stderr' as const), text: fc.string({ maxLength: 100 }) }),
  )
  .map((e) => clean(e) as TraceEvent);

/** A plausible history: allocations, then references to what was allocated. */
export const arbHistory: fc.Arbitrary<TraceEvent[]> = fc.array(arbEvent, { maxLength: 60 }).map((events) => {
  const out: TraceEvent[] = [];
  const live = new Map<number, number>();
  for (const e of events) {
    out.push(e);
    if (e.kind === 'alloc') live.set(e.id, 1);
    if (e.kind === 'dealloc') live.delete(e.id);
    if ((e.kind === 'incref' || e.kind === 'decref' || e.kind === 'refcnt-set') && live.has(e.id)) live.set(e.id, e.refcnt);
    // Follow every allocation with a few ordinary increfs, the common case.
    if (e.kind === 'alloc') {
      out.push({ kind: 'incref', id: e.id, refcnt: 2 });
      out.push({ kind: 'decref', id: e.id, refcnt: 1 });
    }
  }
  return out;
});
