/**
 * Python int (bigint) and float (number) arithmetic with CPython's semantics:
 * floor division and modulo with the sign of the divisor, correctly rounded
 * true division and int→float conversion, pow, shifts and round().
 */
import { NumberError } from './errors.js';
import type { NumberProfile } from './profile.js';
import { decomposeDouble, bitLength } from './float-bits.js';
import { divRoundHalfEven, floorDiv, pow10, ratioToDouble } from './exact.js';

// ---------------------------------------------------------------- int

/** 2**53: every integer of at most this magnitude is exactly a double. */
const EXACT_DOUBLE = 2n ** 53n;

/** `a // b` for ints. Mirrors Objects/longobject.c long_div() / l_divmod(). */
export function intFloorDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new NumberError('ZeroDivisionError', 'integer division or modulo by zero');
  return floorDiv(a, b);
}

/** `a % b` for ints (result has the sign of b). Mirrors long_mod() (message per profile). */
export function intMod(a: bigint, b: bigint, profile: NumberProfile): bigint {
  if (b === 0n) throw new NumberError('ZeroDivisionError', profile.intModByZero);
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** `divmod(a, b)` for ints. Mirrors long_divmod(). */
export function intDivmod(a: bigint, b: bigint): [bigint, bigint] {
  if (b === 0n) throw new NumberError('ZeroDivisionError', 'integer division or modulo by zero');
  const q = floorDiv(a, b);
  return [q, a - q * b];
}

/**
 * `a / b` for ints: the correctly rounded float of the exact quotient.
 * Mirrors Objects/longobject.c long_true_divide() (3.6–3.13), including
 * the sign of a zero result (`0 / -5` is `-0.0`).
 */
export function intTrueDiv(a: bigint, b: bigint): number {
  if (b === 0n) throw new NumberError('ZeroDivisionError', 'division by zero');
  // Operands of at most 53 bits are exact doubles: IEEE division rounds their quotient correctly.
  if (a >= -EXACT_DOUBLE && a <= EXACT_DOUBLE && b >= -EXACT_DOUBLE && b <= EXACT_DOUBLE) return Number(a) / Number(b);
  const negate = (a < 0n) !== (b < 0n);
  const x = ratioToDouble(a < 0n ? -a : a, b < 0n ? -b : b);
  if (x === Infinity) {
    throw new NumberError('OverflowError', 'integer division result too large for a float');
  }
  return negate ? -x : x;
}

/** `float(a)`: correctly rounded (ties to even). Mirrors PyLong_AsDouble(). */
export function intToFloat(a: bigint): number {
  if (a >= -EXACT_DOUBLE && a <= EXACT_DOUBLE) return Number(a);
  const x = ratioToDouble(a < 0n ? -a : a, 1n);
  if (x === Infinity) throw new NumberError('OverflowError', 'int too large to convert to float');
  return a < 0n ? -x : x;
}

/** `a << n`. Mirrors long_lshift(): a negative count is a ValueError. */
export function intLshift(a: bigint, n: bigint): bigint {
  if (n < 0n) throw new NumberError('ValueError', 'negative shift count');
  return a << n;
}

/** `a >> n` (floor). Mirrors long_rshift(). */
export function intRshift(a: bigint, n: bigint): bigint {
  if (n < 0n) throw new NumberError('ValueError', 'negative shift count');
  return a >> n;
}

/**
 * `a ** b` for ints. A negative exponent converts both to float and returns
 * a float (Objects/longobject.c long_pow() → float_pow()).
 */
export function intPow(a: bigint, b: bigint): bigint | number {
  if (b < 0n) {
    const r = floatPow(intToFloat(a), intToFloat(b));
    if (typeof r !== 'number') throw new Error('unreachable: int base with integer exponent');
    return r;
  }
  return a ** b;
}

function modInverse(a: bigint, m: bigint): bigint | undefined {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) return undefined;
  return ((oldS % m) + m) % m;
}

/** `pow(a, b, m)` for ints. Mirrors long_pow() with a modulus (3.8+: modular inverse). */
export function intPowMod(a: bigint, b: bigint, m: bigint, profile: NumberProfile): bigint {
  if (m === 0n) throw new NumberError('ValueError', 'pow() 3rd argument cannot be 0');
  if (b < 0n) {
    if (!profile.powModNegativeExponent) {
      throw new NumberError('ValueError', 'pow() 2nd argument cannot be negative when 3rd argument specified');
    }
  }
  const neg = m < 0n;
  const mod = neg ? -m : m;
  if (mod === 1n) return 0n;
  let base = ((a % mod) + mod) % mod;
  let e = b;
  if (e < 0n) {
    const inv = modInverse(base, mod);
    if (inv === undefined) throw new NumberError('ValueError', 'base is not invertible for the given modulus');
    base = inv;
    e = -e;
  }
  let result = 1n;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    e >>= 1n;
  }
  if (neg && result !== 0n) result -= mod;
  return result;
}

// ---------------------------------------------------------------- float

/**
 * `divmod(a, b)` for floats → `[floordiv, mod]`. Mirrors
 * Objects/floatobject.c _float_div_mod() (3.12) / float_divmod().
 */
export function floatDivmod(vx: number, wx: number): [number, number] {
  if (wx === 0) throw new NumberError('ZeroDivisionError', 'float divmod()');
  return floatDivModUnchecked(vx, wx);
}

function floatDivModUnchecked(vx: number, wx: number): [number, number] {
  let mod = vx % wx; // fmod()
  let div = (vx - mod) / wx;
  if (mod !== 0) { // C truth: NaN is true
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0.0 : 0.0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    const t = vx / wx;
    floordiv = t < 0 || Object.is(t, -0) ? -0.0 : 0.0;
  }
  return [floordiv, mod];
}

/** `a // b` for floats. Mirrors float_floor_div() (message per profile). */
export function floatFloorDiv(vx: number, wx: number, profile: NumberProfile): number {
  if (wx === 0) throw new NumberError('ZeroDivisionError', profile.floatFloorDivByZero);
  return floatDivModUnchecked(vx, wx)[0];
}

/** `a % b` for floats (sign of b). Mirrors float_rem() (message per profile). */
export function floatMod(vx: number, wx: number, profile: NumberProfile): number {
  if (wx === 0) throw new NumberError('ZeroDivisionError', profile.floatModByZero);
  let mod = vx % wx;
  if (mod !== 0) { // C truth: NaN is true
    if (wx < 0 !== mod < 0) mod += wx;
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0.0 : 0.0;
  }
  return mod;
}

/** `a / b` for floats. Mirrors float_div(). */
export function floatTrueDiv(a: number, b: number): number {
  if (b === 0) throw new NumberError('ZeroDivisionError', 'float division by zero');
  return a / b;
}

/**
 * `int(x)` for a float: truncation toward zero. Mirrors
 * Objects/floatobject.c float___trunc___impl() / PyLong_FromDouble().
 */
export function floatToInt(x: number): bigint {
  if (Number.isNaN(x)) throw new NumberError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new NumberError('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** Marker returned by {@link floatPow} when Python would return a complex number. */
export const COMPLEX_RESULT = 'complex' as const;

const EXACT_POW_MAX_BITS = 20000;

/**
 * |x| ** n for an integer n, correctly rounded from the exact value when the
 * exact value is small enough to compute; otherwise Math.pow.
 */
function powInteger(x: number, n: number): number {
  const { mantissa, exponent } = decomposeDouble(x);
  const an = Math.abs(n);
  if (bitLength(mantissa) * an > EXACT_POW_MAX_BITS) return Math.pow(x, n);
  const m = mantissa ** BigInt(an);
  const e = exponent * an;
  // value = m * 2**e, or its reciprocal for negative n
  let num: bigint;
  let den: bigint;
  if (n >= 0) {
    num = e >= 0 ? m << BigInt(e) : m;
    den = e >= 0 ? 1n : 1n << BigInt(-e);
  } else {
    num = e >= 0 ? 1n : 1n << BigInt(-e);
    den = e >= 0 ? m << BigInt(e) : m;
  }
  return ratioToDouble(num, den);
}

/**
 * `x ** y` for floats. Mirrors Objects/floatobject.c float_pow() (3.6–3.13):
 * its special cases for nan/inf/zero/negative bases, ZeroDivisionError
 * '0.0 cannot be raised to a negative power', OverflowError
 * "(34, 'Numerical result out of range')", and {@link COMPLEX_RESULT} for a
 * negative base with a non-integer exponent.
 *
 * NON-SPEC: C's pow() (glibc, < 0.52 ulp) is replaced by the correctly rounded
 * exact value for integer exponents, and by Math.pow otherwise; they can differ
 * in the last bit in rare cases.
 */
export function floatPow(iv: number, iw: number): number | typeof COMPLEX_RESULT {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1.0) return 1.0;
    if (iw > 0.0 === av > 1.0) return Math.abs(iw);
    return 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0.0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0.0 : 0.0) : 0.0;
  }
  if (iv === 0.0) {
    const odd = isOddInteger(iw);
    if (iw < 0.0) throw new NumberError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return odd ? iv : 0.0;
  }
  let negate = false;
  if (iv < 0.0) {
    if (iw !== Math.floor(iw)) return COMPLEX_RESULT;
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  const ix = Number.isInteger(iw) && Math.abs(iw) <= 1e6 ? powInteger(iv, iw) : Math.pow(iv, iw);
  if (!Number.isFinite(ix)) {
    throw new NumberError('OverflowError', "(34, 'Numerical result out of range')");
  }
  return negate ? -ix : ix;
}

// ---------------------------------------------------------------- round

/** `round(x)` for a float → int, ties to even. Mirrors float___round___impl() without ndigits. */
export function floatRoundToInt(x: number): bigint {
  if (Number.isNaN(x)) throw new NumberError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new NumberError('OverflowError', 'cannot convert float infinity to integer');
  let rounded = cRound(x);
  if (Math.abs(x - rounded) === 0.5) rounded = 2.0 * cRound(x / 2.0);
  return BigInt(rounded);
}

/** C's round(): half away from zero. */
function cRound(x: number): number {
  const t = Math.trunc(x);
  const f = x - t; // exact
  if (f >= 0.5) return t + 1;
  if (f <= -0.5) return t - 1;
  return t;
}

/** Largest and smallest `ndigits` double_round() rounds (Objects/floatobject.c NDIGITS_MAX/MIN). */
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/**
 * `round(x, ndigits)` for a float. Mirrors Objects/floatobject.c double_round()
 * (3.6–3.13, the "correctly rounded" version using _Py_dg_dtoa mode 3): the
 * exact binary value rounded half-even to `ndigits` decimals, then converted
 * back correctly rounded. OverflowError 'rounded value too large to represent'.
 */
export function floatRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > NDIGITS_MAX) return x;
  const negative = x < 0;
  if (ndigits < NDIGITS_MIN) return negative ? -0.0 : 0.0;
  const { mantissa, exponent } = decomposeDouble(x);
  // |x| * 10**ndigits = mantissa * 2**exponent * 10**ndigits, as num/den
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (ndigits >= 0) num *= pow10(ndigits);
  else den *= pow10(-ndigits);
  const k = divRoundHalfEven(num, den);
  const r = ndigits >= 0 ? ratioToDouble(k, pow10(ndigits)) : ratioToDouble(k * pow10(-ndigits), 1n);
  if (r === Infinity) throw new NumberError('OverflowError', 'rounded value too large to represent');
  return negative ? -r : r;
}

/**
 * `round(a, ndigits)` for an int: unchanged when ndigits >= 0, else rounded
 * half-even to a multiple of 10**-ndigits. Mirrors long_round() (3.6–3.13).
 */
export function intRound(a: bigint, ndigits: bigint): bigint {
  if (ndigits >= 0n) return a;
  const p = 10n ** -ndigits;
  return divRoundHalfEven(a, p) * p;
}
