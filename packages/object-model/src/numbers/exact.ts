/**
 * Exact rational helpers on bigint: correctly rounded conversion of a ratio to
 * a double (round-half-even, subnormals included) and integer division with
 * round-half-even. These stand in for CPython's careful C code (long_true_divide,
 * _PyLong_Frexp, _Py_dg_strtod) by computing on exact values.
 */
import { bitLength } from './float-bits.js';

/**
 * The double nearest to `num / den` (num >= 0, den > 0), ties to even;
 * `Infinity` when the rounded value is >= 2**1024.
 */
export function ratioToDouble(num: bigint, den: bigint): number {
  if (den <= 0n || num < 0n) throw new RangeError('ratioToDouble expects num >= 0, den > 0');
  if (num === 0n) return 0;
  // floor(log2(num/den))
  let lead = bitLength(num) - bitLength(den);
  if (lead >= 0 ? num < den << BigInt(lead) : num << BigInt(-lead) < den) lead -= 1;
  if (lead >= 1024) return Infinity;
  const qe = Math.max(lead - 52, -1074);
  let n = num;
  let d = den;
  if (qe < 0) n <<= BigInt(-qe);
  else d <<= BigInt(qe);
  let q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) q += 1n;
  // qe >= -1074 and q <= 2**53, so both 2**qe and the product are exact
  // (or the product overflows to Infinity when q*2**qe >= 2**1024).
  return Number(q) * 2 ** qe;
}

/** `round(a / b)` with ties to even, for b > 0. */
export function divRoundHalfEven(a: bigint, b: bigint): bigint {
  let q = a / b;
  let r = a % b;
  if (r < 0n) { q -= 1n; r += b; }
  const r2 = 2n * r;
  if (r2 > b || (r2 === b && (q & 1n) === 1n)) q += 1n;
  return q;
}

/** Floor division for bigint (Python's `//`). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** 10**n as bigint, cached for small n. */
const POW10: bigint[] = [];
export function pow10(n: number): bigint {
  if (n < 64) {
    let v = POW10[n];
    if (v === undefined) { v = 10n ** BigInt(n); POW10[n] = v; }
    return v;
  }
  return 10n ** BigInt(n);
}
