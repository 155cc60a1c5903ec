/**
 * Decoding of number and string literals, mirroring CPython 3.12's
 * `Parser/string_parser.c` (escape handling, `_PyPegen_decode_string`) and
 * `Parser/tokenizer.c` / `Parser/pegen.c` `parsenumber()` (number syntax).
 */

import type { ConstantValue } from './ast';

/** A literal that CPython rejects; `at` is the UTF-16 offset within the token. */
export class LiteralError {
  constructor(
    readonly msg: string,
    readonly at: number,
    readonly unsupported = false,
  ) {}
}

const DEC_INT = /^(?:0(?:_?0)*|[1-9](?:_?[0-9])*)$/;
const HEX_INT = /^0[xX](?:_?[0-9a-fA-F])+$/;
const OCT_INT = /^0[oO](?:_?[0-7])+$/;
const BIN_INT = /^0[bB](?:_?[01])+$/;
const FLOAT =
  /^(?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.)(?:[eE][+-]?[0-9](?:_?[0-9])*)?$|^[0-9](?:_?[0-9])*[eE][+-]?[0-9](?:_?[0-9])*$/;

/** Decodes a Number token into an int or float constant, or a LiteralError. */
export function decodeNumber(text: string): ConstantValue | LiteralError {
  if (/[jJ]$/.test(text)) return new LiteralError('complex numbers', 0, true);
  const digits = text.replace(/_/g, '');
  if (DEC_INT.test(text)) return { kind: 'int', value: BigInt(digits) };
  if (HEX_INT.test(text) || OCT_INT.test(text) || BIN_INT.test(text)) {
    return { kind: 'int', value: BigInt(digits.toLowerCase()) };
  }
  if (FLOAT.test(text)) return { kind: 'float', value: Number(digits) };
  if (/^0[0-9_]+$/.test(text) && /^[0-9]+$/.test(digits)) {
    return new LiteralError(
      'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
      0,
    );
  }
  const radix = /^0[xX]/.test(text) ? 'hexadecimal' : /^0[oO]/.test(text) ? 'octal' : /^0[bB]/.test(text) ? 'binary' : 'decimal';
  return new LiteralError(`invalid ${radix} literal`, 0);
}

/** The prefix flags of a string token. */
export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  fmt: boolean;
  unicode: boolean;
  /** Length of the prefix letters. */
  prefixLen: number;
  /** Length of the quote (1 or 3). */
  quoteLen: number;
}

/** Reads the prefix and quote of a string token. */
export function stringPrefix(token: string): StringPrefix {
  let i = 0;
  while (i < token.length && token[i] !== '"' && token[i] !== "'") i++;
  const p = token.slice(0, i).toLowerCase();
  const q = token[i];
  const quoteLen = token.startsWith(q! + q! + q!, i) && token.length >= i + 6 ? 3 : 1;
  return {
    raw: p.includes('r'),
    bytes: p.includes('b'),
    fmt: p.includes('f'),
    unicode: token.slice(0, i) === 'u', // CPython sets Constant.kind only for a lowercase u
    prefixLen: i,
    quoteLen,
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/**
 * Decodes the body of a string (without prefix and quotes). `fmt` also turns `{{`
 * and `}}` into single braces. Mirrors `decode_unicode_with_escapes()` /
 * `PyBytes_DecodeEscape()`: unknown escapes keep their backslash.
 */
export function decodeStringBody(body: string, raw: boolean, bytes: boolean, fmt: boolean): string | LiteralError {
  if (raw && !fmt) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (fmt && (c === '{' || c === '}') && body[i + 1] === c) {
      out += c;
      i++;
      continue;
    }
    if (c !== '\\' || raw) {
      out += c;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) {
      out += '\\';
      continue;
    }
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (e >= '0' && e <= '7') {
      let j = i + 1;
      let v = 0;
      while (j < body.length && j < i + 4 && body[j]! >= '0' && body[j]! <= '7') v = v * 8 + (body.charCodeAt(j++) - 48);
      out += String.fromCharCode(bytes ? v & 0xff : v);
      i = j - 1;
    } else if (e === 'x' || (!bytes && (e === 'u' || e === 'U'))) {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + n);
      if (hex.length < n || ![...hex].every((h) => isHex(h))) {
        if (bytes) return new LiteralError(`(value error) invalid \\x escape at position ${i}`, i);
        return new LiteralError(
          `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 1 + [...hex].findIndex((h) => !isHex(h)) + (hex.length < n && [...hex].every((h) => isHex(h)) ? hex.length + 1 : 0)}: truncated \\${e === 'x' ? 'xXX' : e === 'u' ? 'uXXXX' : 'UXXXXXXXX'} escape`,
          i,
        );
      }
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) {
        return new LiteralError(
          `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 9}: illegal Unicode character`,
          i,
        );
      }
      out += String.fromCodePoint(cp);
      i += 1 + n;
    } else if (e === 'N' && !bytes) {
      return new LiteralError('\\N{...} escapes', i, true);
    } else {
      out += '\\';
    }
  }
  return out;
}

/** Turns a decoded bytes body (code units 0..255) into bytes, or an error for non-ASCII source. */
export function toBytes(decoded: string, sourceBody: string): Uint8Array | LiteralError {
  for (let i = 0; i < sourceBody.length; i++) {
    if (sourceBody.charCodeAt(i) > 127) return new LiteralError('bytes can only contain ASCII literal characters', i);
  }
  const b = new Uint8Array(decoded.length);
  for (let i = 0; i < decoded.length; i++) b[i] = decoded.charCodeAt(i) & 0xff;
  return b;
}
