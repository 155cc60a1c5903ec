/**
 * Exact views of an IEEE-754 double, used wherever CPython works on the exact
 * binary value (hashing, correctly rounded formatting, comparisons with ints).
 */

/** A finite double as `(-1)**negative * mantissa * 2**exponent`, exactly. */
export interface ExactDouble {
  readonly negative: boolean;
  /** Non-negative integer mantissa (0 for ±0.0). */
  readonly mantissa: bigint;
  readonly exponent: number;
}

const buf = new DataView(new ArrayBuffer(8));

/** Decompose a finite double exactly. Throws RangeError for inf/nan. */
export function decomposeDouble(x: number): ExactDouble {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite double: ${x}`);
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const negative = (hi >>> 31) === 1;
  const bexp = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (bexp === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = bexp - 1075;
  }
  if (mantissa === 0n) return { negative, mantissa, exponent: 0 };
  while ((mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exponent++;
  }
  return { negative, mantissa, exponent };
}

/** Bit length of a non-negative bigint (0 for 0). */
export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n === 0n) return 0;
  // toString(16) is fast for big values
  const hex = n.toString(16);
  const first = parseInt(hex[0] as string, 16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(first));
}

/** True when `x` is negative zero or negative (copysign semantics). */
export function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}
