/**
 * The abstract syntax tree, mirroring CPython 3.12's `ast` module
 * (`Parser/Python.asdl`). Node and field names are Python's; every node carries a
 * `type` discriminator holding the Python class name.
 *
 * Positions follow CPython: `lineno`/`end_lineno` are 1-based, `col_offset`/
 * `end_col_offset` are 0-based **UTF-8 byte offsets** into the line (as CPython
 * counts them), not UTF-16 code units. Nodes that have no position in Python
 * (`Module`, `arguments`, `comprehension`, `withitem`) have none here either.
 *
 * Fields Python has but pymem never fills are left out: `type_comment`,
 * `Module.type_ignores`.
 */

/** Source span, as CPython's `_attributes` (lineno, col_offset, end_lineno, end_col_offset). */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** Expression context. */
export type ExprContext = 'Load' | 'Store' | 'Del';

/** `BoolOp.op`. */
export type BoolOperator = 'And' | 'Or';
/** `BinOp.op` / `AugAssign.op`. */
export type Operator =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow'
  | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
/** `UnaryOp.op`. */
export type UnaryOperator = 'Invert' | 'Not' | 'UAdd' | 'USub';
/** `Compare.ops` entries. */
export type CmpOperator = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

/** The value of a `Constant` node. */
export type ConstantValue =
  | { kind: 'None' }
  | { kind: 'Ellipsis' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'bytes'; value: Uint8Array };

// ---------------------------------------------------------------------------
// Module

/** `Module(body)`; the root of every parse. */
export interface Module {
  type: 'Module';
  body: stmt[];
}

// ---------------------------------------------------------------------------
// Statements

/** Any statement node. */
export type stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign
  | For | While | If | With | Raise | Try | Assert | Import | ImportFrom
  | Global | Nonlocal | Expr | Pass | Break | Continue;

/** `def name(args) -> returns: body`. `type_params` is always empty (PEP 695 is unsupported). */
export interface FunctionDef extends Located {
  type: 'FunctionDef';
  name: string;
  args: arguments;
  body: stmt[];
  decorator_list: expr[];
  returns: expr | null;
  type_params: never[];
}
/** `class name(bases, keywords): body`. */
export interface ClassDef extends Located {
  type: 'ClassDef';
  name: string;
  bases: expr[];
  keywords: keyword[];
  body: stmt[];
  decorator_list: expr[];
  type_params: never[];
}
export interface Return extends Located { type: 'Return'; value: expr | null }
export interface Delete extends Located { type: 'Delete'; targets: expr[] }
export interface Assign extends Located { type: 'Assign'; targets: expr[]; value: expr }
export interface AugAssign extends Located { type: 'AugAssign'; target: Name | Attribute | Subscript; op: Operator; value: expr }
/** `target: annotation = value`; `simple` is 1 for a bare unparenthesized name. */
export interface AnnAssign extends Located {
  type: 'AnnAssign';
  target: Name | Attribute | Subscript;
  annotation: expr;
  value: expr | null;
  simple: 0 | 1;
}
export interface For extends Located { type: 'For'; target: expr; iter: expr; body: stmt[]; orelse: stmt[] }
export interface While extends Located { type: 'While'; test: expr; body: stmt[]; orelse: stmt[] }
export interface If extends Located { type: 'If'; test: expr; body: stmt[]; orelse: stmt[] }
export interface With extends Located { type: 'With'; items: withitem[]; body: stmt[] }
export interface Raise extends Located { type: 'Raise'; exc: expr | null; cause: expr | null }
export interface Try extends Located {
  type: 'Try';
  body: stmt[];
  handlers: ExceptHandler[];
  orelse: stmt[];
  finalbody: stmt[];
}
export interface Assert extends Located { type: 'Assert'; test: expr; msg: expr | null }
export interface Import extends Located { type: 'Import'; names: alias[] }
export interface ImportFrom extends Located { type: 'ImportFrom'; module: string | null; names: alias[]; level: number }
export interface Global extends Located { type: 'Global'; names: string[] }
export interface Nonlocal extends Located { type: 'Nonlocal'; names: string[] }
export interface Expr extends Located { type: 'Expr'; value: expr }
export interface Pass extends Located { type: 'Pass' }
export interface Break extends Located { type: 'Break' }
export interface Continue extends Located { type: 'Continue' }

// ---------------------------------------------------------------------------
// Expressions

/** Any expression node. */
export type expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | Set
  | ListComp | SetComp | DictComp | GeneratorExp | Await | Yield | YieldFrom
  | Compare | Call | FormattedValue | JoinedStr | Constant | Attribute
  | Subscript | Starred | Name | List | Tuple | Slice;

export interface BoolOp extends Located { type: 'BoolOp'; op: BoolOperator; values: expr[] }
export interface NamedExpr extends Located { type: 'NamedExpr'; target: Name; value: expr }
export interface BinOp extends Located { type: 'BinOp'; left: expr; op: Operator; right: expr }
export interface UnaryOp extends Located { type: 'UnaryOp'; op: UnaryOperator; operand: expr }
export interface Lambda extends Located { type: 'Lambda'; args: arguments; body: expr }
export interface IfExp extends Located { type: 'IfExp'; test: expr; body: expr; orelse: expr }
/** `{k: v, **d}`: a `**d` entry has a `null` key. */
export interface Dict extends Located { type: 'Dict'; keys: (expr | null)[]; values: expr[] }
export interface Set extends Located { type: 'Set'; elts: expr[] }
export interface ListComp extends Located { type: 'ListComp'; elt: expr; generators: comprehension[] }
export interface SetComp extends Located { type: 'SetComp'; elt: expr; generators: comprehension[] }
export interface DictComp extends Located { type: 'DictComp'; key: expr; value: expr; generators: comprehension[] }
export interface GeneratorExp extends Located { type: 'GeneratorExp'; elt: expr; generators: comprehension[] }
/** Never produced (pymem rejects `await`); present so the union mirrors Python's. */
export interface Await extends Located { type: 'Await'; value: expr }
export interface Yield extends Located { type: 'Yield'; value: expr | null }
export interface YieldFrom extends Located { type: 'YieldFrom'; value: expr }
export interface Compare extends Located { type: 'Compare'; left: expr; ops: CmpOperator[]; comparators: expr[] }
export interface Call extends Located { type: 'Call'; func: expr; args: expr[]; keywords: keyword[] }
/**
 * One `{...}` field of an f-string. `conversion` is -1 (none) or the code point of
 * `'s'` (115), `'r'` (114) or `'a'` (97), as in Python.
 */
export interface FormattedValue extends Located {
  type: 'FormattedValue';
  value: expr;
  conversion: number;
  format_spec: JoinedStr | null;
}
export interface JoinedStr extends Located { type: 'JoinedStr'; values: (Constant | FormattedValue)[] }
/** A literal. `kind` is `'u'` for a `u'...'` string, otherwise `null` (as Python's). */
/**
 * `pieces`: for adjacent literals joined into one (`b"ab" b"cd"`, `"ab" "cd"`) and
 * for every bytes literal, each literal as the tokenizer read it: from 3.12 the
 * parser keeps an object per piece in the AST arena (`_PyPegen_concatenate_strings`).
 */
export interface Constant extends Located { type: 'Constant'; value: ConstantValue; kind: 'u' | null; pieces?: ConstantValue[] }
export interface Attribute extends Located { type: 'Attribute'; value: expr; attr: string; ctx: ExprContext }
export interface Subscript extends Located { type: 'Subscript'; value: expr; slice: expr; ctx: ExprContext }
export interface Starred extends Located { type: 'Starred'; value: expr; ctx: ExprContext }
export interface Name extends Located { type: 'Name'; id: string; ctx: ExprContext }
export interface List extends Located { type: 'List'; elts: expr[]; ctx: ExprContext }
export interface Tuple extends Located { type: 'Tuple'; elts: expr[]; ctx: ExprContext }
export interface Slice extends Located { type: 'Slice'; lower: expr | null; upper: expr | null; step: expr | null }

// ---------------------------------------------------------------------------
// Other nodes

/** One `for ... in ... if ...` clause of a comprehension. `is_async` is always 0. */
export interface comprehension {
  type: 'comprehension';
  target: expr;
  iter: expr;
  ifs: expr[];
  is_async: 0 | 1;
}
/** `except type as name: body`. */
export interface ExceptHandler extends Located {
  type: 'ExceptHandler';
  /**
   * Python's field `type` (the exception class expression), renamed since `type`
   * is the discriminator here.
   */
  exc_type: expr | null;
  name: string | null;
  body: stmt[];
}
/** A parameter list, of a `def` or a `lambda`. */
export interface arguments {
  type: 'arguments';
  posonlyargs: arg[];
  args: arg[];
  vararg: arg | null;
  kwonlyargs: arg[];
  /** One per `kwonlyargs` entry; `null` where that parameter has no default. */
  kw_defaults: (expr | null)[];
  kwarg: arg | null;
  /** Defaults of the last `defaults.length` positional parameters. */
  defaults: expr[];
}
export interface arg extends Located { type: 'arg'; arg: string; annotation: expr | null }
/** `arg=value` in a call or class header; `arg` is `null` for `**value`. */
export interface keyword extends Located { type: 'keyword'; arg: string | null; value: expr }
/** `name as asname` in an import. */
export interface alias extends Located { type: 'alias'; name: string; asname: string | null }
export interface withitem { type: 'withitem'; context_expr: expr; optional_vars: expr | null }

/** Every node type. */
export type AST = Module | stmt | expr | comprehension | ExceptHandler | arguments | arg | keyword | alias | withitem;
