/**
 * Assignment and deletion targets: sets `ctx` and rejects what CPython rejects,
 * mirroring `_PyPegen_get_invalid_target()` / `_PyPegen_get_expr_name()`
 * (Parser/pegen.c, 3.12) and the compiler's starred-target checks.
 */

import type * as A from './ast';
import type { PySyntaxError } from './errors';
import type { Messages } from './messages';

/** What the target checks need from the converter. */
export interface TargetHost {
  errorAt(msg: string, node: A.Located): PySyntaxError;
  readonly messages: Messages;
}

/** CPython's name for an expression kind, as used in error messages. */
export function exprName(e: A.expr): string {
  switch (e.type) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v.kind === 'None') return 'None';
      if (v.kind === 'bool') return v.value ? 'True' : 'False';
      if (v.kind === 'Ellipsis') return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    case 'Slice': return 'slice';
  }
}

/** Options of {@link toTarget}. */
export interface TargetOptions {
  /** The single target of `target = value` (3.10+ adds "here. Maybe you meant '=='..."). */
  hereHint?: boolean;
  parenthesizedGroup?: boolean;
}

/** Marks `e` as a Store/Del target, or throws CPython's SyntaxError for it. */
export function toTarget<T extends A.expr>(e: T, ctx: 'Store' | 'Del', host: TargetHost, opts: TargetOptions = {}): T {
  const m = host.messages;
  const verb = ctx === 'Del' ? 'delete' : 'assign to';
  const fail = (bad: A.expr, top: boolean): never => {
    const name = exprName(bad);
    const isKw = bad.type === 'Constant' && (bad.value.kind === 'None' || bad.value.kind === 'bool');
    if (ctx === 'Store' && isKw && m.keywordConstant) throw host.errorAt(`${m.cannot} assign to keyword`, bad);
    const hintable =
      top && opts.hereHint && m.hereHint && ctx === 'Store' &&
      !isKw && !['IfExp', 'Lambda', 'BoolOp', 'Compare', 'NamedExpr', 'GeneratorExp'].includes(bad.type) &&
      !(bad.type === 'UnaryOp' && bad.op === 'Not');
    throw host.errorAt(`${m.cannot} ${verb} ${name}${hintable ? " here. Maybe you meant '==' instead of '='?" : ''}`, bad);
  };
  const visit = (x: A.expr, top: boolean): void => {
    switch (x.type) {
      case 'Name':
        if (x.id === '__debug__') throw host.errorAt(`cannot ${verb} __debug__`, x);
        x.ctx = ctx;
        return;
      case 'Attribute':
      case 'Subscript':
        x.ctx = ctx;
        return;
      case 'Starred':
        if (ctx === 'Del') throw host.errorAt('cannot delete starred', x);
        if (top) throw host.errorAt('starred assignment target must be in a list or tuple', x);
        x.ctx = ctx;
        visit(x.value, false);
        return;
      case 'Tuple':
      case 'List': {
        x.ctx = ctx;
        for (const el of x.elts) visit(el, false);
        if (ctx === 'Store' && x.elts.filter((el) => el.type === 'Starred').length > 1) {
          throw host.errorAt('multiple starred expressions in assignment', x);
        }
        return;
      }
      default:
        fail(x, top);
    }
  };
  visit(e, true);
  return e;
}
