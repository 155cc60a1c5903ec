import { describe, expect, it } from 'vitest';
import {
  dictKeysProfile, dictObjectSizeof, estimateLog2Keysize, growthRate, log2Keysize, usableFraction,
} from './index.js';
import { SUPPORTED_VERSIONS } from '../sizes/version.js';

/*
 * Recorded with sys.getsizeof on CPython 3.6.15 … 3.13.0 (PYTHONHASHSEED=0):
 * d = {}; d[i] = i for i in range(45), printing (len, size) at every change;
 * the same with str keys; and {...} displays of n constant int keys.
 */
const GROW_INT: Record<string, [number, number][]> = {
  '3.6': [[6, 376], [11, 656], [22, 1192], [43, 2288]],
  '3.8': [[1, 232], [6, 360], [11, 640], [22, 1176], [43, 2272]],
  '3.11': [[1, 224], [6, 352], [11, 632], [22, 1168], [43, 2264]],
};
const GROW_STR_311 = [[1, 184], [6, 272], [11, 464], [22, 832], [43, 1584]];
const DISPLAY_INT_311 = [64, 224, 224, 224, 224, 224, 352, 352, 352, 352, 352, 632];

function profileCol(v: readonly [number, number]): string {
  return v[1] <= 7 ? '3.6' : v[1] <= 10 ? '3.8' : '3.11';
}

/** Replays insertdict()'s growth: first table on the first insertion, then insertion_resize at dk_usable == 0. */
function grow(v: readonly [number, number], unicode: boolean, n: number): [number, number][] {
  const p = dictKeysProfile(v);
  const gc = v[1] <= 7 ? 32 : 16;
  let log2 = v[1] <= 7 ? 3 : 0;
  let usable = log2 ? usableFraction(8) : 0;
  const size = () => gc + dictObjectSizeof(p, { log2Size: log2, unicode }, null);
  const out: [number, number][] = [];
  let last = size();
  for (let used = 0; used < n; used++) {
    if (log2 === 0) { log2 = 3; usable = 5; }
    else if (usable <= 0) {
      log2 = log2Keysize(p, growthRate(p, used, log2));
      usable = usableFraction(1 << log2) - used;
    }
    usable--;
    if (size() !== last) out.push([used + 1, (last = size())]);
  }
  return out;
}

describe('dict keys tables match sys.getsizeof in 3.6–3.13', () => {
  SUPPORTED_VERSIONS.forEach((v) => {
    it(`${v.join('.')}: growth by insertion`, () => {
      expect(grow(v, false, 45)).toEqual(GROW_INT[profileCol(v)]);
      if (v[1] >= 11) expect(grow(v, true, 45)).toEqual(GROW_STR_311);
    });
  });
  it('3.11+: presized displays (n ≤ 5 share the empty keys)', () => {
    const p = dictKeysProfile([3, 12]);
    const sizes = DISPLAY_INT_311.map((_, n) => {
      if (n === 0) return 16 + dictObjectSizeof(p, { log2Size: 0, unicode: true }, null);
      const log2 = n <= 5 ? 3 : estimateLog2Keysize(p, n);
      return 16 + dictObjectSizeof(p, { log2Size: log2, unicode: false }, null);
    });
    expect(sizes).toEqual(DISPLAY_INT_311);
  });
  it('3.10+ calculate_log2_keysize rounds 1…7 up to 16 slots', () => {
    const p = dictKeysProfile([3, 11]);
    expect([0, 1, 3, 7, 8, 9, 15, 17, 63].map((m) => log2Keysize(p, m))).toEqual([3, 4, 4, 4, 3, 4, 4, 5, 6]);
    const old = dictKeysProfile([3, 9]);
    expect([0, 1, 3, 7, 8, 9, 15, 17, 63].map((m) => log2Keysize(old, m))).toEqual([3, 3, 3, 3, 3, 4, 4, 5, 6]);
  });
  it('split tables count one value pointer per usable shared slot', () => {
    // a.__dict__ of a 3-attribute class with two instances: 3.6 120, 3.8 104, 3.11+ 288 (28 slots).
    expect(32 + dictObjectSizeof(dictKeysProfile([3, 6]), { log2Size: 3, unicode: true }, { usableSlots: 5 })).toBe(120);
    expect(16 + dictObjectSizeof(dictKeysProfile([3, 8]), { log2Size: 3, unicode: true }, { usableSlots: 5 })).toBe(104);
    expect(16 + dictObjectSizeof(dictKeysProfile([3, 12]), { log2Size: 6, unicode: true }, { usableSlots: 28 })).toBe(288);
  });
});
