import { describe, expect, it } from 'vitest';
import {
  SUPPORTED_VERSIONS, sizeProfile, sizeofBytes, sizeofBytearray, sizeofInt, sizeofList, sizeofSet,
  sizeofInstance, sizeofStr, sizeofTuple,
} from './index.js';

// Recorded with sys.getsizeof on CPython 3.6.15 … 3.13.0 (one column per version).
const col = <T>(xs: T[]) => xs;
const INTS = [0n, 1n, -1n, 2n ** 30n - 1n, 2n ** 30n, 2n ** 60n, 2n ** 90n, 10n ** 100n];
const INT_SIZES = [...Array(5).fill([24, 28, 28, 28, 32, 36, 40, 72]), ...Array(3).fill([28, 28, 28, 28, 32, 36, 40, 72])];
const STRS = ['', 'a', 'abc', 'é', 'éé', 'Ω', 'ΩΩ', '😀', '😀😀', 'a'.repeat(100)];
const STR_SIZES = [...Array(6).fill([49, 50, 52, 74, 75, 76, 78, 80, 84, 149]), ...Array(2).fill([41, 42, 44, 61, 59, 60, 62, 64, 68, 141])];

// Instances of classes defined in Python, recorded on 3.6.15 … 3.13.0:
// [slots, __dict__, __weakref__] → a column per version.
const INSTANCES: [number, boolean, boolean, number[]][] = [
  [0, true, true, [64, 64, 48, 48, 48, 56, 48, 48]], //   class Plain: pass
  [2, false, true, [72, 72, 56, 56, 56, 56, 64, 64]], //  __slots__ = ('a', 'b', '__weakref__')
  [2, false, false, [64, 64, 48, 48, 48, 48, 48, 48]], // __slots__ = ('a', 'b')
  [1, true, false, [64, 64, 48, 48, 48, 56, 56, 56]], //  __slots__ = ('a', '__dict__')
  [1, true, true, [72, 72, 56, 56, 56, 64, 56, 56]], //   __slots__ = ('a', '__dict__', '__weakref__')
  [1, false, true, [64, 64, 48, 48, 48, 48, 56, 56]], //  __slots__ = ('a', '__weakref__')
  [2, true, true, [80, 80, 64, 64, 64, 72, 64, 64]], //   class P(S): pass, S with ('a', 'b', '__weakref__')
];

describe('sys.getsizeof', () => {
  SUPPORTED_VERSIONS.forEach((v, i) => {
    const p = sizeProfile(v);
    it(`${v.join('.')}`, () => {
      expect(INTS.map((x) => sizeofInt(p, x))).toEqual(INT_SIZES[i]);
      // 'é' is the latin-1 singleton; from 3.12 its UTF-8 form (2 bytes) is cached and counted
      const utf8 = (s: string) => (s === 'é' && v[1] >= 12 ? 2 : undefined);
      expect(STRS.map((s) => sizeofStr(p, s, utf8(s)))).toEqual(STR_SIZES[i]);
      expect([0, 1, 3].map((n) => sizeofBytes(p, n))).toEqual([33, 34, 36]);
      expect([sizeofBytearray(p, 0), sizeofBytearray(p, 4)]).toEqual([56, 60]);
      expect([0, 1, 3].map((n) => sizeofTuple(p, n))).toEqual(col([[56, 64, 80], [56, 64, 80]])[i] ?? [40, 48, 64]);
      expect(sizeofList(p, 0)).toBe(v[1] <= 7 ? 72 : 56);
      expect([sizeofSet(p, 8), sizeofSet(p, 32)]).toEqual(v[1] <= 7 ? [232, 744] : [216, 728]);
      expect(p.fixed.False).toBe(v[1] <= 10 ? 24 : 28);
      expect(p.fixed.None).toBe(16);
      for (const [n, dict, weak, sizes] of INSTANCES) expect(sizeofInstance(p, n, dict, weak)).toBe(sizes[i]);
    });
  });
  it('rejects unknown versions', () => expect(() => sizeProfile([3, 14])).toThrow(/3\.6–3\.13/));
});
