import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddressMap, AddressTable } from './tables';

type Op = { readonly kind: 'set'; readonly id: number; readonly v: number } | { readonly kind: 'bump'; readonly id: number } | { readonly kind: 'delete'; readonly id: number };

/** Addresses from a few pages, many of them reused: what a traced heap does. */
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), id: fc.integer({ min: 0, max: 40 }).map((i) => 0x7f0000000000 + i * 1024), v: fc.nat(100) }),
  fc.record({ kind: fc.constant('bump' as const), id: fc.integer({ min: 0, max: 40 }).map((i) => 0x7f0000000000 + i * 1024) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 40 }).map((i) => 0x7f0000000000 + i * 1024) }),
);

function run(t: AddressTable<{ n: number }>, m: Map<number, number>, ops: readonly Op[]): void {
  for (const op of ops) {
    if (op.kind === 'set') {
      t.set(op.id, { n: op.v });
      m.set(op.id, op.v);
    } else if (op.kind === 'bump') {
      const x = t.mutable(op.id);
      if (x) x.n++;
      if (m.has(op.id)) m.set(op.id, m.get(op.id)! + 1);
    } else {
      t.delete(op.id);
      m.delete(op.id);
    }
  }
}

const contents = (t: ReadonlyMap<number, { n: number }>): [number, number][] => [...t].map(([k, v]) => [k, v.n]);
const sorted = (xs: [number, number][]): [number, number][] => xs.sort((a, b) => a[0] - b[0]);

describe('AddressTable', () => {
  it('holds what a Map would, and a fork keeps its contents whatever the original and the other forks do next (property)', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 60 }), fc.array(arbOp, { maxLength: 60 }), fc.array(arbOp, { maxLength: 60 }), (before, after, other) => {
        const t = new AddressTable<{ n: number }>((v) => ({ n: v.n }));
        const m = new Map<number, number>();
        run(t, m, before);
        expect(sorted(contents(t))).toEqual(sorted([...m]));
        const snapshot = sorted([...m]);
        const fork = t.fork();
        const forkOrder = contents(fork);
        run(t, new Map(m), after);
        const second = fork.fork();
        run(second, new Map(m), other);
        expect(sorted(contents(fork))).toEqual(snapshot);
        expect(fork.size).toBe(snapshot.length);
        // The same changes to a fork and to its original leave them iterating alike.
        const again = fork.fork();
        run(again, new Map(m), after);
        expect(contents(again)).toEqual(contents(t));
        expect(contents(fork)).toEqual(forkOrder);
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});

describe('AddressMap', () => {
  it('forgets freed keys and keeps the order keys were first added in', () => {
    const m = new AddressMap<string>();
    m.set(3, 'a').set(1, 'b').set(2, 'c');
    m.delete(1);
    expect(m.has(1)).toBe(false);
    expect(m.size).toBe(2);
    m.set(1, 'd');
    expect([...m]).toEqual([
      [3, 'a'],
      [1, 'd'],
      [2, 'c'],
    ]);
    for (let i = 0; i < 5000; i++) m.set(100 + i, 'x');
    for (let i = 0; i < 5000; i++) m.delete(100 + i);
    expect([...m.keys()]).toEqual([3, 1, 2]);
    expect(m.size).toBe(3);
  });
});
