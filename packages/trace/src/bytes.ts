/**
 * Varint byte buffers for the binary encoding. Unsigned integers are LEB128
 * (7 bits a byte, at most 8 bytes, so any safe integer up to 2^53 fits);
 * signed ones are zigzag-mapped first. Reading checks every length against
 * the bytes that remain, so a hostile length field cannot make the reader
 * allocate more than the input's size.
 */
import { TraceFormatError } from './errors';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Zigzag: 0, -1, 1, -2 … → 0, 1, 2, 3 … (arithmetic, so it works past 32 bits). */
export function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

/** The inverse of `zigzag`. */
export function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}

/** A growable output buffer. */
export class ByteWriter {
  buf: Uint8Array;
  pos = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** An unsigned integer (a non-negative safe integer). */
  u(n: number): void {
    if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER && Number.isInteger(n))) {
      throw new RangeError(`cannot encode ${n}: trace integers are non-negative safe integers`);
    }
    this.ensure(8);
    const buf = this.buf;
    if (n < 0x80) {
      buf[this.pos++] = n;
      return;
    }
    while (n >= 0x80) {
      buf[this.pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    buf[this.pos++] = n;
  }

  /** A signed integer. */
  s(n: number): void {
    this.u(zigzag(n));
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** A length-prefixed UTF-8 string. */
  str(text: string): void {
    // Most strings of a trace (names, summaries) are short ASCII: those are
    // copied a character a byte, without the encoder's new array per string.
    const n = text.length;
    if (n < 0x80) {
      this.ensure(n + 1);
      const buf = this.buf;
      const at = this.pos;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) break;
        buf[at + 1 + i] = c;
      }
      if (i === n) {
        buf[at] = n;
        this.pos = at + 1 + n;
        return;
      }
    }
    const b = encoder.encode(text);
    this.u(b.length);
    this.bytes(b);
  }

  /** The bytes written so far (a view). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  reset(): void {
    this.pos = 0;
  }
}

/** A bounds-checked reader; every problem is a TraceFormatError with its offset. */
export class ByteReader {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    pos = 0,
    /** Reading stops here (exclusive). */
    readonly end = buf.length,
  ) {
    this.pos = pos;
  }

  fail(reason: string, at = this.pos): never {
    throw new TraceFormatError(reason, at);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  byte(): number {
    if (this.pos >= this.end) this.fail('the trace ends in the middle of a record (truncated file)');
    return this.buf[this.pos++]!;
  }

  u(): number {
    const start = this.pos;
    let b = this.byte();
    if (b < 0x80) return b;
    let n = b & 0x7f;
    let scale = 0x80;
    for (let i = 1; i < 8; i++) {
      b = this.byte();
      n += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (n > Number.MAX_SAFE_INTEGER) this.fail('an integer field is too large', start);
        return n;
      }
      scale *= 0x80;
    }
    return this.fail('an integer field is longer than 8 bytes (corrupt data)', start);
  }

  s(): number {
    return unzigzag(this.u());
  }

  /** A count of items, each at least one byte, so it cannot exceed what remains. */
  count(what: string): number {
    const at = this.pos;
    const n = this.u();
    if (n > this.remaining) this.fail(`${what} claims ${n} entries but only ${this.remaining} bytes remain (corrupt or truncated)`, at);
    return n;
  }

  str(): string {
    const at = this.pos;
    const n = this.u();
    if (n > this.remaining) this.fail(`a string claims ${n} bytes but only ${this.remaining} remain (corrupt or truncated)`, at);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    try {
      return decoder.decode(b);
    } catch {
      return this.fail('a string is not valid UTF-8 (corrupt data)', at);
    }
  }
}
