/**
 * Tests of the Python front end against what CPython 3.12 produced. The fixtures
 * in `testdata/` were recorded from the real interpreter with
 * `testdata/genast.py` (ASTs) and `testdata/errs.py` (SyntaxErrors); they are not
 * written by hand. Re-record with e.g.
 * `python3.12 testdata/genast.py cases.json > testdata/ast-3.12.json`.
 */
import { describe, expect, test } from 'vitest';
import { parseModule, PySyntaxError, UnsupportedSyntax } from './index';
import astCases from './testdata/ast-3.12.json';
import errCases from './testdata/errors-3.12.json';

/** Our AST in the JSON shape genast.py writes (bigint → string, bytes → number[]). */
export function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (o['kind'] === 'int' && typeof o['value'] === 'bigint') return { kind: 'int', value: o['value'].toString() };
    if (o['kind'] === 'bytes' && o['value'] instanceof Uint8Array) return { kind: 'bytes', value: [...o['value']] };
    if (o['kind'] === 'float' && typeof o['value'] === 'number' && !Number.isFinite(o['value'])) return { kind: 'float', value: 'inf' };
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) if (!(o['type'] === 'Module' && k === 'type_ignores')) out[k] = normalize(x);
    if (o['type'] === 'FunctionDef' || o['type'] === 'ClassDef') out['type_params'] = [];
    return out;
  }
  return v;
}

function err(src: string, version?: readonly [number, number]): PySyntaxError {
  try {
    parseModule(src, '<s>', version ? { version } : {});
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error(`expected a SyntaxError for ${JSON.stringify(src)}`);
}

describe('AST matches CPython 3.12', () => {
  for (const c of astCases as { src: string; ast: unknown }[]) {
    test(JSON.stringify(c.src).slice(0, 60), () => {
      expect(normalize(parseModule(c.src, '<s>'))).toEqual(c.ast);
    });
  }
});

interface ErrCase {
  src: string;
  ok?: boolean;
  kind?: string;
  msg?: string;
  lineno?: number;
  offset?: number;
  end_lineno?: number;
  end_offset?: number;
  other?: string;
}

describe('SyntaxErrors match CPython 3.12', () => {
  for (const c of errCases as ErrCase[]) {
    if (c.other) continue;
    test(JSON.stringify(c.src).slice(0, 60), () => {
      if (c.ok) {
        try {
          parseModule(c.src, '<s>');
        } catch (e) {
          if (e instanceof UnsupportedSyntax) return;
          throw e;
        }
        return;
      }
      const e = err(c.src);
      expect({ kind: e.kind, msg: e.msg, lineno: e.lineno, offset: e.offset }).toEqual({
        kind: c.kind, msg: c.msg, lineno: c.lineno, offset: c.offset,
      });
    });
  }
});
