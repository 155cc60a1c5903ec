/**
 * repr() of float, str and bytes, exactly as CPython prints them.
 */

/**
 * Shortest round-trip decimal digits of a finite, non-zero |x|, and the
 * position of the decimal point: |x| ≈ 0.d1d2d3… × 10**decpt.
 * Mirrors what Python/dtoa.c _Py_dg_dtoa(mode 0) returns; JavaScript's
 * Number→String conversion yields the same shortest, closest digits.
 */
export function shortestDigits(x: number): { digits: string; decpt: number } {
  const s = Math.abs(x).toExponential();
  const [mant, exp] = s.split('e') as [string, string];
  const digits = mant.replace('.', '');
  return { digits, decpt: Number(exp) + 1 };
}

function expSuffix(e: number): string {
  const a = Math.abs(e);
  return (e < 0 ? '-' : '+') + (a < 10 ? '0' : '') + String(a);
}

/**
 * repr(float) (and str(float), identical in Python 3). Mirrors
 * Python/pystrtod.c PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0) and
 * format_float_short() (3.6–3.13): shortest round-trip digits; exponent
 * notation when decpt <= -4 or decpt > 16; 'inf', '-inf', 'nan', '-0.0'.
 */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0.0';
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e16) {
    // Python's fixed notation (-4 < decpt <= 16) lies inside JavaScript's (1e-7 <= |x| < 1e21),
    // with the same shortest digits: only the '.0' of an integral value differs.
    const s = String(x);
    return s.includes('.') ? s : s + '.0';
  }
  const { digits, decpt } = shortestDigits(x);
  if (decpt <= -4 || decpt > 16) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return sign + m + 'e' + expSuffix(decpt - 1);
  }
  if (decpt <= 0) return sign + '0.' + '0'.repeat(-decpt) + digits;
  if (decpt < digits.length) return sign + digits.slice(0, decpt) + '.' + digits.slice(decpt);
  return sign + digits + '0'.repeat(decpt - digits.length) + '.0';
}

const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/**
 * Python's `str.isprintable()` for one code point. Mirrors
 * Objects/unicodectype.c _PyUnicode_IsPrintable(): every character except
 * those in categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs — but space (U+0020)
 * is printable.
 *
 * NON-SPEC: uses the JavaScript engine's Unicode database, whose version
 * differs from each CPython's (3.6: Unicode 9.0 … 3.13: 15.1). Code points
 * assigned between those versions may be classified differently.
 */
export function isPrintableCodePoint(cp: number): boolean {
  if (cp === 0x20) return true;
  if (cp < 0x7f) return cp > 0x20;
  return !NOT_PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * repr(str). Mirrors Objects/unicodeobject.c unicode_repr() (3.6–3.13):
 * single quotes unless the text holds `'` and no `"`; escapes `\\`, the quote,
 * `\t`, `\n`, `\r`; other non-printables as `\xhh`, `\uxxxx` or `\Uxxxxxxxx`.
 * Lone surrogates in `s` are treated as the code points they are.
 */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (isPrintableCodePoint(cp)) out += ch;
    else if (cp <= 0xff) out += '\\x' + hex(cp, 2);
    else if (cp <= 0xffff) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + quote;
}

/**
 * repr(bytes) (and bytearray's inner part). Mirrors Objects/bytesobject.c
 * PyBytes_Repr() (3.6–3.13): `b'…'`, double quotes only when the data holds
 * `'` and no `"`; `\t \n \r`, `\\`, the quote; bytes < 0x20 or >= 0x7f as `\xhh`.
 */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  const q = quote.charCodeAt(0);
  let out = 'b' + quote;
  for (const c of b) {
    if (c === q || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + quote;
}
