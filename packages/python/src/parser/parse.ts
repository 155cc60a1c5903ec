/**
 * The parse pipeline: scan (tokenizer-level checks) → Lezer parse → error
 * diagnosis → conversion to the AST → symtable checks. Read {@link parseModule}
 * first.
 */

import { parser } from '@lezer/python';
import type { Tree } from '@lezer/common';
import type * as A from './ast';
import { Converter } from './convert';
import { Tok, explainErrorNode, scanTokens, type Diagnostic, type ScanResult } from './diagnose';
import { PySyntaxError } from './errors';
import { messagesFor } from './messages';
import { Source } from './source';
import { checkScopes } from './symtable';

/** Options of {@link parseModule}. */
export interface ParseOptions {
  /**
   * The CPython version whose error messages to use, e.g. `[3, 9]` (default
   * `[3, 12]`). Only messages checked against that interpreter differ; positions
   * are always CPython 3.12's.
   */
  version?: readonly [number, number];
}

/** Tree depth at which we report an error node as "too complex" rather than a syntax error. */
const DEEP = 1000;

/**
 * Parses a Python module, as `ast.parse(source, filename)` would in CPython.
 *
 * @throws {@link PySyntaxError} where CPython raises `SyntaxError`
 *   (`IndentationError`, `TabError`), with its message and position.
 * @throws {@link UnsupportedSyntax} for valid Python pymem does not model yet.
 */
export function parseModule(source: string, filename: string, options: ParseOptions = {}): A.Module {
  const src = new Source(source, filename);
  const msgs = messagesFor(options.version);
  const raise = (d: Diagnostic): never => {
    const line = src.line(d.from);
    const eline = src.line(d.to);
    throw new PySyntaxError(
      d.msg, filename, line, d.offset ?? src.charCol(d.from, line) + 1, src.lineText(line),
      eline, d.endOffset ?? src.charCol(d.to, eline) + 1, d.kind,
    );
  };

  // 1. What CPython's tokenizer rejects (and its two indentation errors).
  const scan = scanTokens(src, msgs);

  // 2. Lezer's parse. It recurses while building deep trees; a stack overflow
  //    there means input nested far beyond what CPython accepts.
  let tree: Tree;
  try {
    tree = parser.parse(lezerText(src.text, scan));
  } catch (e) {
    if (e instanceof RangeError) {
      if (scan.error) raise(scan.error);
      throw new PySyntaxError('too many nested expressions (source too complex to parse)', filename, 1, 1, src.lineText(1));
    }
    throw e;
  }

  // 3. The first error node, if any, decides together with the scan's error.
  const errPos = firstError(tree);
  const se = scan.error;
  if (se && (errPos === null || se.detectedAt <= errPos.pos || (!se.tokenizer && se.from <= errPos.pos))) raise(se);
  if (errPos !== null) {
    if (errPos.depth > DEEP) {
      const line = src.line(errPos.pos);
      throw new PySyntaxError('too many nested expressions (source too complex to parse)', filename, line, src.charCol(errPos.pos, line) + 1, src.lineText(line));
    }
    const d = explainErrorNode(src, scan, errPos.pos, msgs);
    if (d.msg === 'invalid syntax' && se && se.tokenizer) raise(se);
    raise(d);
  }

  // 4. Conversion, with the grammar checks Lezer does not make.
  const conv = new Converter(src, msgs);
  const mod = conv.module(tree.topNode);

  // 5. Symbol-table and compiler checks.
  const scopeErr = checkScopes(mod);
  if (scopeErr) throw conv.errorAt(scopeErr.msg, scopeErr.node);
  return mod;
}

/**
 * The text Lezer parses: its Number token has no form for a float that ends in
 * its dot (`1.`, `1.e5`, `1..real`), so that dot is given to Lezer as a `0`.
 * Positions do not move, and the converter reads each literal from the real text.
 */
function lezerText(text: string, scan: ScanResult): string {
  let out = text;
  for (let k = 0; k < scan.kinds.length; k++) {
    if (scan.kinds[k] === Tok.String) {
      for (const at of formatSpecEquals(text, scan.starts[k]!, scan.ends[k]!)) out = out.slice(0, at) + ' ' + out.slice(at + 1);
      continue;
    }
    if (scan.kinds[k] !== Tok.Number) continue;
    const m = /^[0-9][0-9_]*\.(?![0-9])/.exec(text.slice(scan.starts[k], scan.ends[k]));
    if (!m) continue;
    const dot = scan.starts[k]! + m[0].length - 1;
    out = out.slice(0, dot) + '0' + out.slice(dot + 1);
  }
  return out;
}

/**
 * In an f-string, a replacement field's format spec that starts with `=`
 * (`f"{x:=^10}"`, fill `=`) reads to Lezer as the walrus `:=`; CPython ends the
 * expression at the first `:` outside brackets. Returns the positions of such
 * `=` signs in the string token `text[from, to)`, which Lezer is given as spaces
 * (the converter reads the spec from the real text).
 */
function formatSpecEquals(text: string, from: number, to: number): number[] {
  const prefix = /^[A-Za-z]*/.exec(text.slice(from, to))![0];
  if (!/[fF]/.test(prefix)) return [];
  const found: number[] = [];
  let i = from + prefix.length;
  const quote = text.startsWith(text[i]!.repeat(3), i) ? text[i]!.repeat(3) : text[i]!;
  i += quote.length;
  const end = to - quote.length;
  /** Skips a replacement field from its `{`; returns the position after its `}`. */
  const field = (at: number): number => {
    let depth = 0;
    let j = at + 1;
    while (j < end) {
      const c = text[j]!;
      if (c === '"' || c === "'") {
        // A string in the expression; a nested f-string has fields of its own.
        const q = text.startsWith(c.repeat(3), j) ? c.repeat(3) : c;
        const close = text.indexOf(q, j + q.length);
        const after = close < 0 ? end : close + q.length;
        let start = j;
        while (start > at && /[A-Za-z]/.test(text[start - 1]!)) start--;
        found.push(...formatSpecEquals(text, start, after));
        j = after;
        continue;
      }
      if ('([{'.includes(c)) depth++;
      else if (')]'.includes(c)) depth--;
      else if (c === '}') {
        if (depth === 0) return j + 1;
        depth--;
      } else if (c === ':' && depth === 0) {
        if (text[j + 1] === '=') found.push(j + 1);
        // The spec: text and nested fields up to the field's `}`.
        j++;
        while (j < end && text[j] !== '}') j = text[j] === '{' ? field(j) : j + 1;
        return j + 1;
      }
      j++;
    }
    return j;
  };
  while (i < end) {
    if (text[i] === '{') {
      if (text[i + 1] === '{') i += 2;
      else i = field(i);
    } else i++;
  }
  return found;
}

/** Position and tree depth of the first error node, ignoring the one after a bare `yield`. */
function firstError(tree: Tree): { pos: number; depth: number } | null {
  const c = tree.cursor();
  let depth = 0;
  for (;;) {
    if (c.type.isError) {
      const bareYield = c.from === c.to && c.node.prevSibling?.name === 'yield';
      if (!bareYield) return { pos: c.from, depth };
    }
    if (c.firstChild()) {
      depth++;
      continue;
    }
    for (;;) {
      if (c.nextSibling()) break;
      if (!c.parent()) return null;
      depth--;
    }
  }
}
