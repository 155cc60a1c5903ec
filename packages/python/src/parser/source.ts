/**
 * Source text and position arithmetic. Lezer reports UTF-16 offsets; CPython's
 * AST reports 1-based lines and 0-based UTF-8 byte columns, and its SyntaxError
 * reports 1-based code-point columns. This file converts between them.
 */

/** The source of one parse, with a line table. */
export class Source {
  /** The text, with `\r\n` and `\r` turned into `\n` (as CPython's reader does). */
  readonly text: string;
  /** UTF-16 offset of the start of each line (index 0 is line 1). */
  readonly lineStarts: number[];
  /** Per line: true when the line is pure ASCII, so columns are plain offsets. */
  private readonly ascii: boolean[];

  constructor(
    raw: string,
    readonly filename: string,
  ) {
    const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    this.text = text;
    const starts = [0];
    const ascii: boolean[] = [];
    let isAscii = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        starts.push(i + 1);
        ascii.push(isAscii);
        isAscii = true;
      } else if (c > 127) isAscii = false;
    }
    ascii.push(isAscii);
    this.lineStarts = starts;
    this.ascii = ascii;
  }

  /** 1-based line holding UTF-16 offset `pos`. */
  line(pos: number): number {
    const s = this.lineStarts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 0-based UTF-8 byte column of `pos` (CPython's `col_offset`). */
  byteCol(pos: number, line = this.line(pos)): number {
    const start = this.lineStarts[line - 1]!;
    if (this.ascii[line - 1]) return pos - start;
    let n = 0;
    for (let i = start; i < pos; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  /** 0-based code-point column of `pos` (CPython's SyntaxError offset, minus 1). */
  charCol(pos: number, line = this.line(pos)): number {
    const start = this.lineStarts[line - 1]!;
    if (this.ascii[line - 1]) return pos - start;
    let n = 0;
    for (let i = start; i < pos; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) i++;
      n++;
    }
    return n;
  }

  /** The text of 1-based line `line`, with its newline if it has one. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    const next = this.lineStarts[line];
    return next === undefined ? this.text.slice(start) : this.text.slice(start, next);
  }

  /** Number of lines (a final line without newline counts). */
  get lineCount(): number {
    return this.lineStarts.length;
  }
}
