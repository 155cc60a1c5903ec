/**
 * The Python front end: source text → an AST mirroring CPython 3.12's `ast`
 * module. Parsing uses `@lezer/python`; what Lezer accepts but CPython rejects is
 * reported as CPython would (message, line, column), and valid Python that pymem
 * does not model yet raises {@link UnsupportedSyntax}.
 *
 * @example
 * ```ts
 * const mod = parseModule('x = [1, 2]\n', 'prog.py');
 * mod.body[0]; // { type: 'Assign', targets: [...], value: { type: 'List', ... }, lineno: 1, ... }
 * ```
 */

export { parseModule } from './parse';
export type { ParseOptions } from './parse';
export { PySyntaxError, UnsupportedSyntax } from './errors';
export type { SyntaxErrorKind } from './errors';
export type {
  AST, Located, ExprContext, BoolOperator, Operator, UnaryOperator, CmpOperator, ConstantValue,
  Module, stmt, expr,
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With, Raise, Try,
  Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue,
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp, GeneratorExp,
  Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant, Attribute, Subscript,
  Starred, Name, List, Tuple, Slice,
  comprehension, ExceptHandler, arguments, arg, keyword, alias, withitem,
} from './ast';
