import { describe, expect, it } from 'vitest';
import { ListAllocation, listAllocProfile, listAssSlice } from './index.js';
import { SUPPORTED_VERSIONS } from '../sizes/version.js';
import { LIST_SIZES } from './list-alloc.fixture.js';

/* The recorder script (see list-alloc.fixture.ts) printed, per version:
   append: sizes after each of 40 appends; listrange: list(range(n)) n<20; listlist: list([0]*n);
   listtuple: list((0,)*n); listgen: list(genexpr of n); comp: [i for i in range(n)];
   mul: [0]*n, [1,2]*5; slice: l20[2:9], l20[:], l20[::2];
   disp: [], [1], [1,2], [1,2,3], [1..5], [a], [a,b], [a,b,c], [a,b,c,a,b], ['x','y','z'], [[],[],[]];
   extend: [0]*3 + extend(range(10)); extend2: [].extend([1..5]); iadd: [1,2] += [3];
   pop: list(range(20)) popped 15 times; clear; delslice: del l10[2:8]; insert: [].insert(0,1);
   sorted: sorted(range(10)), sorted([3,1,2]); add: [1,2]+[3], l5+l7; copy: l8.copy(), list(l8), l8[:] */

describe('list allocation matches sys.getsizeof in 3.6–3.13', () => {
  SUPPORTED_VERSIONS.forEach((v, vi) => {
    const p = listAllocProfile(v);
    const header = v[1] <= 7 ? 72 : 56; // 40-byte PyListObject + GC header (32 in 3.6/3.7, 16 after)
    const sz = (l: ListAllocation) => header + 8 * l.allocated;
    const rec = (name: string) => LIST_SIZES[name]![vi]!;
    it(`${v.join('.')}`, () => {
      const app = new ListAllocation(p);
      const got: number[] = [];
      for (let i = 0; i < 40; i++) { app.append(); got.push(sz(app)); }
      expect(got).toEqual(rec('append'));
      const n20 = [...Array(20).keys()];
      const n12 = n20.slice(0, 12);
      expect(n20.map((n) => sz(ListAllocation.fromIterable(p, n, 'iterator', n)))).toEqual(rec('listrange'));
      expect(n12.map((n) => sz(ListAllocation.fromIterable(p, n, 'sequence')))).toEqual(rec('listlist'));
      expect(n12.map((n) => sz(ListAllocation.fromIterable(p, n, 'sequence')))).toEqual(rec('listtuple'));
      expect(n20.map((n) => sz(ListAllocation.fromIterable(p, n, 'iterator')))).toEqual(rec('listgen'));
      expect(n20.map((n) => { const l = new ListAllocation(p); for (let i = 0; i < n; i++) l.append(); return sz(l); })).toEqual(rec('comp'));
      expect([...n12.map((n) => sz(ListAllocation.exact(p, n))), sz(ListAllocation.exact(p, 10))]).toEqual(rec('mul'));
      expect([7, 20, 10].map((n) => sz(ListAllocation.exact(p, n)))).toEqual(rec('slice'));
      const d = (n: number, c: boolean) => sz(ListAllocation.display(p, n, c));
      expect([d(0, true), d(1, true), d(2, true), d(3, true), d(5, true), d(1, false), d(2, false), d(3, false), d(5, false), d(3, true), d(3, false)]).toEqual(rec('disp'));
      const e = ListAllocation.exact(p, 3); e.extendIterator(10, 10);
      expect([sz(e)]).toEqual(rec('extend'));
      const e2 = new ListAllocation(p); e2.extendSequence(5);
      expect([sz(e2)]).toEqual(rec('extend2'));
      const ia = ListAllocation.exact(p, 2); ia.extendSequence(1);
      expect([sz(ia)]).toEqual(rec('iadd'));
      const pop = ListAllocation.fromIterable(p, 20, 'iterator', 20);
      for (let i = 0; i < 15; i++) pop.pop();
      expect([sz(pop)]).toEqual(rec('pop'));
      const cl = ListAllocation.fromIterable(p, 20, 'iterator', 20); cl.clear();
      expect([sz(cl)]).toEqual(rec('clear'));
      const ds = ListAllocation.fromIterable(p, 10, 'iterator', 10); ds.deleteItems(6);
      expect([sz(ds)]).toEqual(rec('delslice'));
      const ins = new ListAllocation(p); ins.insert();
      expect([sz(ins)]).toEqual(rec('insert'));
      expect([sz(ListAllocation.sorted(p, 10, 'iterator', 10)), sz(ListAllocation.sorted(p, 3, 'sequence'))]).toEqual(rec('sorted'));
      expect([sz(ListAllocation.exact(p, 3)), sz(ListAllocation.exact(p, 12))]).toEqual(rec('add'));
      expect([sz(ListAllocation.exact(p, 8)), sz(ListAllocation.fromIterable(p, 8, 'sequence')), sz(ListAllocation.exact(p, 8))]).toEqual(rec('copy'));
    });
  });
});

// Recorded with sys.getsizeof on 3.6.15, 3.12.1 and 3.13.0, from a list of 10 items
// (allocated 10): `l[:] = []`, `del l[0:8]`, `l[2:3] = [1, 2, 3, 4]`, `l[2:4] = [5, 6]`.
describe('list_ass_slice() allocation', () => {
  it('clears a list left empty, else resizes when the size changes', () => {
    const ass = (v: [number, number], newsize: number) => listAssSlice(10, 10, newsize, listAllocProfile(v));
    expect([0, 2, 13, 10].map((n) => ass([3, 6], n))).toEqual([0, 5, 20, 10]);
    expect([0, 2, 13, 10].map((n) => ass([3, 12], n))).toEqual([0, 8, 20, 10]);
    expect(listAllocProfile([3, 12]).delItemResizes).toBe(true);
    expect(listAllocProfile([3, 13]).delItemResizes).toBe(false);
  });
});
