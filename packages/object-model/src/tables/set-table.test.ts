import { describe, expect, it } from 'vitest';
import { SetTable, setTableProfile } from './index.js';
import { SUPPORTED_VERSIONS } from '../sizes/version.js';
import { hashInt } from '../hash/index.js';

// Int keys: hash(i) == i for small ints (hashInt covers the rest).
function mk(v: readonly [number, number], keys: bigint[] = []): SetTable<bigint> {
  const s = new SetTable<bigint>(setTableProfile(v));
  for (const k of keys) s.add(k, hashInt(k));
  return s;
}
const B = (xs: number[]) => xs.map(BigInt);

/* Expected values recorded from CPython 3.6.15 … 3.13.0 (see /tmp/gt/s.py in the
   commit message's recorder): orders are identical in every version; sizes are
   200 + GC header (32 in 3.6/3.7, 16 after) + 16 * slots when off the small table. */
describe('SetTable matches CPython', () => {
  SUPPORTED_VERSIONS.forEach((v) => {
    const header = v[1] <= 7 ? 232 : 216;
    const size = (s: SetTable<bigint>) => header + s.tableBytes;
    const dump = (s: SetTable<bigint>) => [size(s), [...s.keys()].map(Number)];
    it(`${v.join('.')}`, () => {
      const s = mk(v);
      const sz: number[] = [];
      for (let i = 0; i < 40; i++) { s.add(BigInt(i * 7), BigInt(i * 7)); sz.push(size(s)); }
      const grow = v[1] === 6 ? 20 : 18; // 3.6 resizes at 2/3 full, 3.7+ at 3/5
      expect(sz).toEqual([...Array(4).fill(header), ...Array(grow - 4).fill(header + 512), ...Array(40 - grow).fill(header + 2048)]);
      const small = header, s32 = header + 512;
      expect(dump(mk(v, B([8, 16, 24, 0, 32, 1, 9, 17])))).toEqual([s32, [32, 0, 1, 8, 9, 16, 17, 24]]);
      const t = mk(v, B([5, 13, 21, 29, 37]));
      t.discard(13n, 13n); t.add(45n, 45n);
      expect(dump(t)).toEqual([s32, [37, 5, 45, 21, 29]]);
      t.discard(5n, 5n); t.discard(21n, 21n); t.add(61n, 61n); t.add(5n, 5n);
      expect(dump(t)).toEqual([s32, [37, 5, 45, 61, 29]]);
      const r = mk(v, B([...Array(30).keys()].map((i) => 100 + i)));
      for (let k = 100; k < 125; k++) r.discard(BigInt(k), BigInt(k));
      expect(dump(r)).toEqual([header + 2048, [128, 129, 125, 126, 127]]);
      r.add(7n, 7n);
      expect(dump(r)).toEqual([header + 2048, [128, 129, 7, 125, 126, 127]]);
      const p = mk(v, B([3, 11, 19, 4, 12]));
      const popped = [p.pop(), p.pop(), p.pop()].map(Number);
      p.add(27n, 27n); p.add(35n, 35n);
      expect([popped, dump(p), Number(p.pop())]).toEqual([[3, 4, 11], [s32, [35, 12, 19, 27]], 12]);
      // set(set(range(5))): set_merge presizes to (0 + 5) * 2 -> 16 slots
      const m = mk(v); m.merge(mk(v, B([0, 1, 2, 3, 4])));
      expect(dump(m)).toEqual([header + 256, [0, 1, 2, 3, 4]]);
      const c = mk(v, B([...Array(20).keys()])); c.clear();
      expect(dump(c)).toEqual([small, []]);
      expect(size(mk(v, B([...Array(1000).keys()])))).toBe(header + 32768);
      const big = [2n ** 61n, 2n ** 62n, 2n ** 64n + 3n, -2n, -(2n ** 63n), -1n];
      const h = mk(v, [-1n, -2n, 2n ** 61n, 2n ** 62n, -(2n ** 63n), 2n ** 64n + 3n]);
      expect([...h.keys()]).toEqual(big);
    });
  });
});
