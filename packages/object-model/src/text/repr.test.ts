import { describe, expect, it } from 'vitest';
import { bytesRepr, floatRepr, strRepr } from './index.js';

// Recorded from CPython 3.6.15 … 3.13.0 (identical in all eight).
const FLOATS = [0.0, -0.0, 1.0, -1.5, 0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e22, 1e-4, 1e-5, 1.5e-5, 0.00012345, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 12345.678, 100.0, 1e100, -1e-100, Infinity, -Infinity, NaN, 9007199254740993.0, 0.30000000000000004, 1234567890123456.7, 9999999999999998.0, 4.35, 2.675];
const STRS = ['', 'a', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', '\r', '\\', '\x00\x01\x1f\x7f', '\x80\x9f\xa0\xad\xe9', 'é', '\u200b', '\u2028', '\u00a0', '\u3000', '\ud800', '\u{1f600}', '\u{e0001}', '\u{10ffff}', '\ue000', 'Ωψ', '\u0378', '\ufeff', 'a\'b"c'];
const BYTES = [[], [0x61, 0x62, 0x63], [...'it\'s'].map((c) => c.charCodeAt(0)), [0x78, 0x22, 0x79], [0x27, 0x22], [0, 0x7f, 0x80, 0xff, 9, 10, 13, 0x5c]];
const FLOAT_REPRS = ["0.0", "-0.0", "1.0", "-1.5", "0.1", "0.30000000000000004", "0.3333333333333333", "0.6666666666666666", "1e+16", "1000000000000000.0", "1.2345678901234568e+17", "1e+22", "0.0001", "1e-05", "1.5e-05", "0.00012345", "5e-324", "1.7976931348623157e+308", "2.2250738585072014e-308", "12345.678", "100.0", "1e+100", "-1e-100", "inf", "-inf", "nan", "9007199254740992.0", "0.30000000000000004", "1234567890123456.8", "9999999999999998.0", "4.35", "2.675"];
const STR_REPRS = ["''", "'a'", "\"it's\"", "'say \"hi\"'", "'both \\' and \"'", "'tab\\there'", "'nl\\n'", "'\\r'", "'\\\\'", "'\\x00\\x01\\x1f\\x7f'", "'\\x80\\x9f\\xa0\\xad\u00e9'", "'\u00e9'", "'\\u200b'", "'\\u2028'", "'\\xa0'", "'\\u3000'", "'\\ud800'", "'\ud83d\ude00'", "'\\U000e0001'", "'\\U0010ffff'", "'\\ue000'", "'\u03a9\u03c8'", "'\\u0378'", "'\\ufeff'", "'a\\'b\"c'"];
const BYTES_REPRS = ["b''", "b'abc'", "b\"it's\"", "b'x\"y'", "b'\\'\"'", "b'\\x00\\x7f\\x80\\xff\\t\\n\\r\\\\'"];

describe('repr', () => {
  it('floatRepr', () => expect(FLOATS.map(floatRepr)).toEqual(FLOAT_REPRS));
  it('strRepr', () => expect(STRS.map(strRepr)).toEqual(STR_REPRS));
  it('bytesRepr', () => expect(BYTES.map((b) => bytesRepr(Uint8Array.from(b)))).toEqual(BYTES_REPRS));
});
