/**
 * Conversions between Python int/float and text: int(str, base), float(str),
 * str(int) with the int max-str-digits limit.
 */
import { NumberError } from './errors.js';
import type { NumberProfile } from './profile.js';
import { strRepr } from '../text/repr.js';

/**
 * Python's whitespace (str.isspace()): Objects/unicodetype_db.h
 * _PyUnicode_IsWhitespace(), stable across 3.6–3.13.
 */
const PY_WHITESPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** True when `cp` is whitespace for Python's `str.isspace()`. */
export function isPyWhitespace(cp: number): boolean {
  return PY_WHITESPACE.has(cp);
}

const ND = /^\p{Nd}$/u;

/**
 * Mirrors Objects/unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII():
 * Unicode whitespace → ' ', Unicode decimal digits → '0'…'9'; other non-ASCII
 * characters become '?' (so they make the literal invalid).
 * NON-SPEC: a digit's value is found from the JS engine's \p{Nd} runs.
 */
function transformDecimalAndSpace(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out += ch;
    else if (PY_WHITESPACE.has(cp)) out += ' ';
    else if (ND.test(ch)) {
      let k = 0;
      while (ND.test(String.fromCodePoint(cp - k - 1))) k++;
      out += String(k % 10);
    } else out += '?';
  }
  return out;
}

function stripAsciiSpace(s: string): string {
  return s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
}

/** `%.200R` of a str: the repr truncated to 200 characters (code points). */
function repr200(s: string): string {
  const r = [...strRepr(s)];
  return r.length > 200 ? r.slice(0, 200).join('') : r.join('');
}

function invalidLiteral(base: number, s: string): NumberError {
  return new NumberError('ValueError', `invalid literal for int() with base ${base}: ${repr200(s)}`);
}

function limitMessage(profile: NumberProfile, digits?: number): string {
  const lim = profile.intMaxStrDigitsSaysDigits
    ? `(${profile.intMaxStrDigits} digits)`
    : `(${profile.intMaxStrDigits})`;
  const has = digits === undefined ? '' : `: value has ${digits} digits`;
  return `Exceeds the limit ${lim} for integer string conversion${has}; use sys.set_int_max_str_digits() to increase the limit`;
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41 + 10;
  return 99;
}

/**
 * `int(s, base)`. Mirrors Objects/longobject.c PyLong_FromString() (3.6–3.13):
 * surrounding whitespace, a sign, a base prefix (0x/0o/0b; required to pick
 * the base when base is 0, where a decimal may not have leading zeros),
 * single underscores between digits (and after a prefix), the int max str
 * digits limit for non-power-of-two bases, and CPython's error messages.
 */
export function parseInt(s: string, base: number, profile: NumberProfile): bigint {
  if ((base !== 0 && base < 2) || base > 36) {
    throw new NumberError('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  }
  const t = stripAsciiSpace(transformDecimalAndSpace(s));
  let i = 0;
  let negative = false;
  if (t[i] === '+' || t[i] === '-') {
    negative = t[i] === '-';
    i++;
  }
  let b = base;
  const p0 = t[i];
  const p1 = t[i + 1]?.toLowerCase();
  let prefixed = false;
  if (p0 === '0' && (p1 === 'x' || p1 === 'o' || p1 === 'b')) {
    const pb = p1 === 'x' ? 16 : p1 === 'o' ? 8 : 2;
    if (b === 0 || b === pb) {
      b = pb;
      i += 2;
      prefixed = true;
    }
  }
  if (b === 0) b = 10;
  const start = i;
  // digits with single underscores between them (or right after a prefix)
  let lastWasUnderscore = false;
  let digits = 0;
  let value = 0n;
  let chunk = 0;
  let chunkMul = 1;
  const bigB = b;
  for (; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x5f) {
      if (lastWasUnderscore || (i === start && !prefixed)) break;
      lastWasUnderscore = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= b) break;
    lastWasUnderscore = false;
    digits++;
    chunk = chunk * bigB + d;
    chunkMul *= bigB;
    if (chunkMul > 2 ** 40) {
      value = value * BigInt(chunkMul) + BigInt(chunk);
      chunk = 0;
      chunkMul = 1;
    }
  }
  value = value * BigInt(chunkMul) + BigInt(chunk);
  const isPow2 = (b & (b - 1)) === 0;
  const limit = profile.intMaxStrDigits;
  const overLimit = !isPow2 && limit > 0 && digits > limit;
  const valid = digits > 0 && !lastWasUnderscore && i === t.length;
  if (overLimit && !profile.intParseValidatesBeforeLimit) {
    throw new NumberError('ValueError', limitMessage(profile, digits));
  }
  if (!valid) throw invalidLiteral(base, s);
  // base 0: a non-zero decimal may not start with '0'
  if (base === 0 && !prefixed && t[start] === '0' && value !== 0n) throw invalidLiteral(base, s);
  if (overLimit) throw new NumberError('ValueError', limitMessage(profile, digits));
  return negative ? -value : value;
}

/**
 * `str(a)` / `repr(a)` for an int, with the int max str digits limit.
 * Mirrors Objects/longobject.c long_to_decimal_string_internal() (3.11+ and
 * the 3.7.14+/… backports): more than the limit of decimal digits raises.
 */
export function intToStr(a: bigint, profile: NumberProfile): string {
  const s = a.toString();
  const nd = a < 0n ? s.length - 1 : s.length;
  if (profile.intMaxStrDigits > 0 && nd > profile.intMaxStrDigits) {
    throw new NumberError('ValueError', limitMessage(profile));
  }
  return s;
}

const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * `float(s)`. Mirrors Objects/floatobject.c PyFloat_FromString() and
 * Python/pystrtod.c _Py_string_to_number_with_underscores() (3.6–3.13):
 * whitespace, sign, 'inf'/'infinity'/'nan' in any case, PEP 515 underscores
 * between digits; correctly rounded; error "could not convert string to float: 'x'".
 */
export function parseFloat(s: string, profile: NumberProfile): number {
  const t = stripAsciiSpace(transformDecimalAndSpace(s));
  const sp = SPECIAL_RE.exec(t);
  if (sp) {
    const neg = sp[1] === '-';
    if ((sp[2] as string).toLowerCase() === 'nan') return NaN;
    return neg ? -Infinity : Infinity;
  }
  if (FLOAT_RE.test(t)) return Number(t.replace(/_/g, ''));
  const shown = s.length === 0 && !profile.floatEmptyStringRepr ? '' : strRepr(s);
  throw new NumberError('ValueError', `could not convert string to float: ${shown}`);
}
