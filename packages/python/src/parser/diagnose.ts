/**
 * Syntax errors Lezer does not report the way CPython does. Two parts:
 *
 * - {@link scanTokens} mirrors what CPython 3.12's tokenizer (`Parser/tokenizer.c`)
 *   rejects — unterminated strings, unbalanced or too deeply nested brackets
 *   (`MAXLEVEL` 200), bad indentation (`MAXINDENT` 100, TabError), stray
 *   characters — plus the two indentation errors of the parser ("unexpected
 *   indent", "expected an indented block"). It also records token starts so an
 *   error node of Lezer's can be placed on the token CPython would name.
 * - {@link explainErrorNode} turns Lezer's first error node into CPython's message
 *   for the common cases (`expected ':'`, `Perhaps you forgot a comma?`), or
 *   `invalid syntax` at that token.
 *
 * Everything here is a loop with explicit stacks: no recursion on input depth.
 */

import type { Messages } from './messages';
import type { Source } from './source';
import type { SyntaxErrorKind } from './errors';

/** A located error found before or beside the parse. */
export interface Diagnostic {
  msg: string;
  kind: SyntaxErrorKind;
  from: number;
  to: number;
  /** Explicit 1-based offset/end_offset where CPython's differ from the span. */
  offset?: number;
  endOffset?: number;
  /** True for tokenizer errors (they override a generic `invalid syntax`). */
  tokenizer: boolean;
  /** Where the tokenizer notices it (EOF for an unclosed bracket). */
  detectedAt: number;
}

/** Token kinds recorded by the scan. */
export const enum Tok {
  Name = 1,
  Number = 2,
  String = 3,
  Op = 4,
  Open = 5,
  Close = 6,
  Newline = 7,
}

/** The scan's result: the first tokenizer-level error, and token boundaries. */
export interface ScanResult {
  error: Diagnostic | null;
  /** Token starts, ends and kinds, in order. */
  starts: number[];
  ends: number[];
  kinds: Tok[];
}

const COMPOUND: Record<string, string> = {
  if: "'if' statement", elif: "'elif' statement", else: "'else' statement", while: "'while' statement",
  for: "'for' statement", try: "'try' statement", except: "'except' statement", finally: "'finally' statement",
  with: "'with' statement", def: 'function definition', class: 'class definition',
};

const ID_START = /[\p{L}\p{Nl}_]/u;
const ID_CONT = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;
const MAX_LEVEL = 200;
const MAX_INDENT = 100;
const MAX_FSTRING_NESTING = 150;

const OPEN: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Mirrors the checks of CPython 3.12's tokenizer over the whole source. */
export function scanTokens(src: Source, m: Messages): ScanResult {
  const t = src.text;
  const n = t.length;
  const starts: number[] = [];
  const ends: number[] = [];
  const kinds: Tok[] = [];
  const push = (s: number, e: number, k: Tok): void => {
    starts.push(s);
    ends.push(e);
    kinds.push(k);
  };
  const brackets: { ch: string; pos: number }[] = [];
  const indents = [0];
  const altIndents = [0];
  let lineFirstWord = '';
  let lineFirstLine = 1;
  let lastSignificant = '';
  let lastTokEnd = 0;
  let pendingHeader: { what: string; line: number; colonEnd: number } | null = null;
  let atLineStart = true;
  let err: Diagnostic | null = null;
  const tokErr = (msg: string, from: number, to = from, kind: SyntaxErrorKind = 'SyntaxError', detectedAt = from): Diagnostic =>
    ({ msg, kind, from, to, tokenizer: true, detectedAt });
  const parseErr = (msg: string, from: number, to: number, kind: SyntaxErrorKind = 'SyntaxError'): Diagnostic =>
    ({ msg, kind, from, to, tokenizer: false, detectedAt: from });

  /** Scans a string starting at its quote `q`; returns the index after it, or a Diagnostic. */
  const scanString = (start: number, q: number, raw: boolean, fmt: boolean): number | Diagnostic => {
    // Explicit stack of open f-string contexts: [quote, triple, raw, fmt, braceDepth, inExpr]
    interface Frame { start: number; quoteCh: string; triple: boolean; raw: boolean; fmt: boolean; depth: number; expr: boolean; bracketDepth: number }
    const mk = (st: number, qi: number, r: boolean, f: boolean): Frame => {
      const qc = t[qi]!;
      const triple = t[qi + 1] === qc && t[qi + 2] === qc;
      return { start: st, quoteCh: qc, triple, raw: r, fmt: f, depth: 0, expr: false, bracketDepth: 0 };
    };
    const stack: Frame[] = [mk(start, q, raw, fmt)];
    let i = q + (stack[0]!.triple ? 3 : 1);
    while (stack.length) {
      const f = stack[stack.length - 1]!;
      if (i >= n) {
        const line = src.line(n);
        const fs = f.fmt && m.pegHints ? 'f-string' : 'string';
        const msg = f.triple
          ? m.pegHints ? `unterminated triple-quoted ${fs} literal (detected at line ${line})` : m.unterminatedTriple(line)
          : m.pegHints ? `unterminated ${fs} literal (detected at line ${line})` : m.unterminatedString(line);
        return tokErr(msg, f.start);
      }
      const c = t[i]!;
      if (!f.expr) {
        if (c === '\\') { i += 2; continue; }
        if (c === '\n' && !f.triple) {
          const line = src.line(i);
          const fs = f.fmt && m.pegHints ? 'f-string' : 'string';
          return tokErr(m.pegHints ? `unterminated ${fs} literal (detected at line ${line})` : m.unterminatedString(line), f.start);
        }
        if (c === f.quoteCh && (!f.triple || (t[i + 1] === c && t[i + 2] === c))) {
          i += f.triple ? 3 : 1;
          stack.pop();
          if (stack.length) continue;
          return i;
        }
        if (f.fmt && c === '{') {
          if (t[i + 1] === '{' && f.depth === 0) { i += 2; continue; }
          f.expr = true;
          f.depth++;
          i++;
          continue;
        }
        if (f.fmt && c === '}' && f.depth > 0) {
          // end of a format spec
          f.depth--;
          f.expr = f.depth > 0;
          i++;
          continue;
        }
        i++;
        continue;
      }
      // inside a replacement field's expression
      if (c === '"' || c === "'") {
        let p = i;
        while (p > 0 && /[a-zA-Z]/.test(t[p - 1]!)) p--;
        const pre = t.slice(p, i).toLowerCase();
        if (stack.length > MAX_FSTRING_NESTING) return tokErr('f-string: expressions nested too deeply', i);
        const nf = mk(p, i, pre.includes('r'), pre.includes('f'));
        stack.push(nf);
        i += nf.triple ? 3 : 1;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') { f.bracketDepth++; i++; continue; }
      if (f.bracketDepth > 0 && (c === ')' || c === ']' || c === '}')) { f.bracketDepth--; i++; continue; }
      if (c === '}') {
        f.depth--;
        f.expr = false;
        i++;
        continue;
      }
      if (c === ':' && f.bracketDepth === 0) { f.expr = false; i++; continue; }
      if (c === '\n' && !f.triple && stack.every((s) => !s.triple)) {
        const line = src.line(i);
        return tokErr(m.pegHints ? `unterminated f-string literal (detected at line ${line})` : m.unterminatedString(line), stack[0]!.start);
      }
      i++;
    }
    return i;
  };

  let i = 0;
  while (i < n && !err) {
    const c = t[i]!;
    if (atLineStart && brackets.length === 0) {
      // measure indentation of a new logical line
      let col = 0;
      let alt = 0;
      let j = i;
      while (j < n && (t[j] === ' ' || t[j] === '\t' || t[j] === '\f')) {
        if (t[j] === ' ') { col++; alt++; } else if (t[j] === '\t') { col = (Math.floor(col / 8) + 1) * 8; alt++; } else { col = 0; alt = 0; }
        j++;
      }
      if (j >= n || t[j] === '\n' || t[j] === '#' || (t[j] === '\\' && t[j + 1] === '\n')) {
        // blank line: no indentation change
        if (j >= n) { i = j; break; }
        if (t[j] === '\\') { i = j + 2; continue; }
        i = j;
        atLineStart = false;
        lastSignificant = 'blank';
        continue;
      }
      atLineStart = false;
      const line = src.line(j);
      const top = indents[indents.length - 1]!;
      const altTop = altIndents[altIndents.length - 1]!;
      const lineText = src.lineText(line).replace(/\n$/, '');
      const lineEnd = src.lineStarts[line - 1]! + lineText.length;
      if (col === top) {
        if (alt !== altTop) { err = tokErr('inconsistent use of tabs and spaces in indentation', j, j, 'TabError'); break; }
      } else if (col > top) {
        if (indents.length >= MAX_INDENT) { err = tokErr('too many levels of indentation', j, j, 'IndentationError'); break; }
        if (alt <= altTop) { err = tokErr('inconsistent use of tabs and spaces in indentation', j, j, 'TabError'); break; }
        if (!pendingHeader) {
          err = parseErr('unexpected indent', j, j, 'IndentationError');
          err.offset = src.charCol(j);
          err.endOffset = -1;
          break;
        }
        indents.push(col);
        altIndents.push(alt);
      } else {
        while (indents.length > 1 && col < indents[indents.length - 1]!) { indents.pop(); altIndents.pop(); }
        if (col !== indents[indents.length - 1]) {
          err = tokErr('unindent does not match any outer indentation level', j, j, 'IndentationError');
          err.offset = src.charCol(lineEnd) + 1;
          err.endOffset = -1;
          break;
        }
        if (alt !== altIndents[altIndents.length - 1]) { err = tokErr('inconsistent use of tabs and spaces in indentation', j, j, 'TabError'); break; }
      }
      if (pendingHeader && col <= top) {
        let e = j;
        while (e < n && ID_CONT.test(t[e]!)) e++;
        err = parseErr(m.expectedIndent(pendingHeader.what, pendingHeader.line), j, Math.max(e, j + 1), 'IndentationError');
        break;
      }
      pendingHeader = null;
      lineFirstWord = '';
      lineFirstLine = line;
      const wm = /^[A-Za-z_]+/.exec(t.slice(j, j + 10));
      lineFirstWord = wm ? wm[0] : '';
      if (lineFirstWord === 'async') lineFirstWord = /^async\s+(\w+)/.exec(t.slice(j, j + 40))?.[1] ?? '';
      i = j;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f') { i++; continue; }
    if (c === '#') {
      while (i < n && t[i] !== '\n') i++;
      continue;
    }
    if (c === '\\') {
      if (t[i + 1] === '\n') { i += 2; continue; }
      if (i + 1 >= n) { err = tokErr('unexpected EOF while parsing', i); break; }
      err = tokErr('unexpected character after line continuation character', i + 1, i + 1);
      err.endOffset = 0;
      break;
    }
    if (c === '\n') {
      if (brackets.length === 0) {
        if (lastSignificant !== 'blank') push(i, i + 1, Tok.Newline);
        if (lastSignificant === ':' && COMPOUND[lineFirstWord]) {
          pendingHeader = { what: COMPOUND[lineFirstWord]!, line: lineFirstLine, colonEnd: lastTokEnd };
        }
        atLineStart = true;
        lastSignificant = '';
      }
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const r = scanString(i, i, false, false);
      if (typeof r !== 'number') { err = r; break; }
      push(i, r, Tok.String);
      lastSignificant = 'str';
      lastTokEnd = r;
      i = r;
      continue;
    }
    if (ID_START.test(c) || (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff && ID_START.test(t.slice(i, i + 2)))) {
      let j = i;
      while (j < n) {
        const cp = t.codePointAt(j)!;
        const ch = String.fromCodePoint(cp);
        if (!ID_CONT.test(ch)) break;
        j += ch.length;
      }
      const word = t.slice(i, j);
      if ((t[j] === '"' || t[j] === "'") && /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(word)) {
        const w = word.toLowerCase();
        const r = scanString(i, j, w.includes('r'), w.includes('f'));
        if (typeof r !== 'number') { err = r; break; }
        push(i, r, Tok.String);
        lastSignificant = 'str';
        lastTokEnd = r;
        i = r;
        continue;
      }
      push(i, j, Tok.Name);
      lastSignificant = word;
      lastTokEnd = j;
      i = j;
      continue;
    }
    if ((c >= '0' && c <= '9') || (c === '.' && t[i + 1]! >= '0' && t[i + 1]! <= '9')) {
      let j = i + 1;
      while (j < n && /[0-9a-zA-Z_.]/.test(t[j]!)) {
        if ((t[j] === 'e' || t[j] === 'E') && (t[j + 1] === '+' || t[j + 1] === '-') && !/^0[xX]/.test(t.slice(i, i + 2))) j++;
        j++;
      }
      push(i, j, Tok.Number);
      lastSignificant = 'num';
      lastTokEnd = j;
      i = j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      if (brackets.length >= MAX_LEVEL) { err = tokErr('too many nested parentheses', i, i); break; }
      brackets.push({ ch: c, pos: i });
      push(i, i + 1, Tok.Open);
      lastSignificant = c;
      lastTokEnd = i + 1;
      i++;
      continue;
    }
    if (c === ')' || c === ']' || c === '}') {
      const open = brackets.pop();
      if (!open) {
        err = m.unmatchedClose ? tokErr(`unmatched '${c}'`, i, i) : tokErr('invalid syntax', i, i + 1);
        break;
      }
      if (open.ch !== OPEN[c]) {
        const ol = src.line(open.pos);
        const cl = src.line(i);
        err = tokErr(
          `closing parenthesis '${c}' does not match opening parenthesis '${open.ch}'${ol !== cl ? ` on line ${ol}` : ''}`,
          i, i,
        );
        break;
      }
      push(i, i + 1, Tok.Close);
      lastSignificant = c;
      lastTokEnd = i + 1;
      i++;
      continue;
    }
    const cp = t.codePointAt(i)!;
    if (cp > 127) {
      const ch = String.fromCodePoint(cp);
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      err = /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch)
        ? tokErr(`invalid character '${ch}' (U+${hex})`, i, i)
        : tokErr(`invalid non-printable character U+${hex}`, i, i);
      break;
    }
    // operators: take the longest of the known multi-char ones
    const three = t.slice(i, i + 3);
    const two = t.slice(i, i + 2);
    const len = ['**=', '//=', '>>=', '<<=', '...', '!=='].includes(three) ? 3
      : ['**', '//', '>>', '<<', '<=', '>=', '==', '!=', '->', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', ':='].includes(two) ? 2 : 1;
    push(i, i + len, Tok.Op);
    lastSignificant = t.slice(i, i + len);
    lastTokEnd = i + len;
    i += len;
  }
  if (!err) {
    if (brackets.length) {
      const open = brackets[brackets.length - 1]!;
      err = m.pegHints
        ? tokErr(`'${open.ch}' was never closed`, open.pos, open.pos, 'SyntaxError', n)
        : tokErr('unexpected EOF while parsing', n, n, 'SyntaxError', n);
      if (m.pegHints) err.endOffset = 0;
    } else if (pendingHeader || (lastSignificant === ':' && COMPOUND[lineFirstWord])) {
      const h = pendingHeader ?? { what: COMPOUND[lineFirstWord]!, line: lineFirstLine, colonEnd: lastTokEnd };
      err = parseErr(m.expectedIndent(h.what, h.line), h.colonEnd, h.colonEnd, 'IndentationError');
      err.offset = src.charCol(h.colonEnd) + 2;
      err.endOffset = -1;
    }
  }
  return { error: err, starts, ends, kinds };
}

/** Index of the first token starting at or after `pos` (binary search). */
export function tokenAt(scan: ScanResult, pos: number): number {
  let lo = 0;
  let hi = scan.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scan.ends[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ATOM_END = new Set([Tok.Name, Tok.Number, Tok.String, Tok.Close]);
const ATOM_START = new Set([Tok.Name, Tok.Number, Tok.String, Tok.Open]);
const KEYWORDS = new Set([
  'and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'lambda', 'yield', 'await', 'async', 'from', 'as',
  'import', 'return', 'del', 'pass', 'break', 'continue', 'raise', 'global', 'nonlocal', 'assert',
  'while', 'with', 'try', 'except', 'finally', 'def', 'class', 'elif',
]);

/** CPython's message and span for Lezer's first error node at `pos`. */
export function explainErrorNode(src: Source, scan: ScanResult, pos: number, m: Messages): Diagnostic {
  const t = src.text;
  let k = tokenAt(scan, pos);
  if (k >= scan.starts.length) {
    // at end of input
    const p = t.length;
    return { msg: 'invalid syntax', kind: 'SyntaxError', from: p, to: p + 1, tokenizer: false, detectedAt: p };
  }
  const word = (i: number): string => t.slice(scan.starts[i]!, scan.ends[i]!);
  const isKw = (i: number): boolean => scan.kinds[i] === Tok.Name && KEYWORDS.has(word(i));
  if (m.pegHints) {
    // `expected ':'`: a compound header whose line ends without its colon.
    const line = src.line(scan.starts[k]!);
    const lineStart = src.lineStarts[line - 1]!;
    const first = tokenAt(scan, lineStart);
    const firstWord = word(first);
    if (COMPOUND[firstWord] && scan.kinds[k] === Tok.Newline && k > 0 && word(k - 1) !== ':') {
      return { msg: "expected ':'", kind: 'SyntaxError', from: scan.starts[k]!, to: scan.ends[k]!, tokenizer: false, detectedAt: pos };
    }
    if (COMPOUND[firstWord] && scan.kinds[k] !== Tok.Newline && word(k) !== ':' && scan.kinds[k + 1] === Tok.Newline && src.line(scan.starts[k + 1]!) === line && firstWord !== 'else' && firstWord !== 'try' && firstWord !== 'finally') {
      // e.g. `if x y` → still invalid syntax at y; fall through
    }
    // `Perhaps you forgot a comma?`: two atoms side by side inside brackets.
    if (k > 0 && ATOM_END.has(scan.kinds[k - 1]!) && ATOM_START.has(scan.kinds[k]!) && !isKw(k) && !isKw(k - 1) && insideBrackets(scan, k)) {
      // span: from the start of the previous primary to the end of this one
      let s = k - 1;
      if (scan.kinds[s] === Tok.Close) s = matchingOpen(scan, s);
      while (s > 0 && (scan.kinds[s - 1] === Tok.Name && !isKw(s - 1)) && word(s) === '(') s--;
      let e = k;
      if (scan.kinds[e] === Tok.Open) e = matchingClose(scan, e);
      return { msg: 'invalid syntax. Perhaps you forgot a comma?', kind: 'SyntaxError', from: scan.starts[s]!, to: scan.ends[e]!, tokenizer: false, detectedAt: pos };
    }
  }
  return { msg: 'invalid syntax', kind: 'SyntaxError', from: scan.starts[k]!, to: scan.ends[k]!, tokenizer: false, detectedAt: pos };
}

function insideBrackets(scan: ScanResult, k: number): boolean {
  let depth = 0;
  for (let i = k - 1; i >= 0; i--) {
    const kind = scan.kinds[i];
    if (kind === Tok.Close) depth++;
    else if (kind === Tok.Open) {
      if (depth === 0) return true;
      depth--;
    } else if (kind === Tok.Newline) return false;
  }
  return false;
}

function matchingOpen(scan: ScanResult, k: number): number {
  let depth = 0;
  for (let i = k; i >= 0; i--) {
    if (scan.kinds[i] === Tok.Close) depth++;
    else if (scan.kinds[i] === Tok.Open && --depth === 0) return i;
  }
  return k;
}

function matchingClose(scan: ScanResult, k: number): number {
  let depth = 0;
  for (let i = k; i < scan.kinds.length; i++) {
    if (scan.kinds[i] === Tok.Open) depth++;
    else if (scan.kinds[i] === Tok.Close && --depth === 0) return i;
  }
  return k;
}
