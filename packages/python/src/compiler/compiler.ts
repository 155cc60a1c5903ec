/**
 * The compiler: AST to code units. Mirrors Python/compile.c in what is
 * observable in memory — which constants a code object holds (`co_consts`,
 * deduplicated per code object as `compiler_add_o` does), which names it
 * records, and which instructions run (so the VM takes and drops the
 * references CPython's eval loop does).
 */
import type * as ast from '../parser/ast';
import { PySyntaxError, UnsupportedSyntax } from '../parser/errors';
import {
  Op,
  AnchorKind,
  type Instr,
  BINARY_OPERATORS,
  COMPARE_OPERATORS,
  UNARY_OPERATORS,
  MAKE_FUNCTION_DEFAULTS,
  MAKE_FUNCTION_KWDEFAULTS,
  MAKE_FUNCTION_ANNOTATIONS,
  MAKE_FUNCTION_CLOSURE,
  CO_OPTIMIZED,
  CO_NEWLOCALS,
  CO_VARARGS,
  CO_VARKEYWORDS,
  CO_NESTED,
  CO_GENERATOR,
} from './opcodes';
import { stackDepth } from './stackdepth';
import { buildSymtable, type Scope } from './symtable';

/** A constant of a code unit, before the runtime makes it an object. */
export type ConstDesc =
  /** A literal of the source: the parser's object for this node, held by the AST arena. */
  | { kind: 'ast'; node: ast.Constant; /** 3.6's peephole appends every folded constant: no sharing. */ unique?: boolean }
  /** A value the compiler made itself (the implicit `None`, names of keyword arguments), or 3.6's peephole folded. */
  | { kind: 'value'; value: ast.ConstantValue; unique?: boolean; operands?: ConstDesc[] }
  /**
   * A folded operation whose result is its operand itself (float_pos() and long_pos()
   * return an exact float or int unchanged, PyUnicode_Concat() with '' (bytes_concat() with b'') and
   * unicode_repeat() by 1 return the str, tuple concatenation with () and repetition
   * by 1 the tuple): one object, held once more by the AST arena (make_const()), or
   * by co_consts once more in 3.6 (the peephole appends it).
   */
  | { kind: 'same'; of: ConstDesc; unique?: boolean; operands?: ConstDesc[] }
  /** A tuple folded from constants (keyword names, constant tuples). */
  | {
      kind: 'tuple';
      items: ConstDesc[];
      folded: boolean;
      /** 3.6's peephole appends every folded tuple: no sharing. */
      unique?: boolean;
      /** Folded by the bytecode optimizer (fold_tuple_on_constants()), not the AST optimizer: the AST arena does not hold it. */
      bytecodeFolded?: boolean;
      operands?: ConstDesc[];
    }
  /**
   * A frozenset of constants: the one a constant set display is built from
   * (3.9+, `BUILD_SET 0; LOAD_CONST; SET_UPDATE`), or a set display only
   * iterated or tested with `in` (fold_iter(): `optimizerFolded`, held by the
   * AST arena; 3.6's peephole: `unique`, from co_consts items).
   */
  | { kind: 'frozenset'; items: ConstDesc[]; optimizerFolded?: boolean; unique?: boolean; bytecodeFolded?: boolean }
  | { kind: 'code'; unit: CodeUnit };

/**
 * 3.6: the constants a peephole-folded one was folded from (they stay in
 * co_consts, before it).
 */
function operandsOf(d: ConstDesc): ConstDesc[] {
  return (d.kind === 'value' || d.kind === 'same' || d.kind === 'tuple') && d.operands ? d.operands : [];
}

/** A constant 3.6's peephole appended to co_consts: never shared with an equal one. */
export function isUnique(d: ConstDesc): boolean {
  return d.kind !== 'code' && d.unique === true;
}

/** A compiled code object, before the runtime makes it a `PyCode`. */
export interface CodeUnit {
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  names: string[];
  consts: ConstDesc[];
  instrs: Instr[];
  /** `co_stacksize` (see stackdepth.ts). */
  stacksize: number;
  /** Whether this is a class body (names resolve through the class namespace). */
  isClassBody: boolean;
}

/** Options of one compilation. */
export interface CompileOptions {
  /** `(3, minor)` of the profile: a few code shapes differ per version. */
  readonly version: readonly [number, number];
  /** Locate a failed `assert` at its test (see `VersionProfile.assertLocatedAtTest`); default true. */
  readonly assertLocatedAtTest?: boolean;
  /**
   * The int/str conversion limit (`sys.int_info.default_max_str_digits`, 0 for
   * none) that a decimal literal must respect, and whether the message says
   * "(4300 digits)" (3.11+) or "(4300)".
   */
  readonly intMaxStrDigits?: number;
  readonly intMaxStrDigitsSaysDigits?: boolean;
  /** Equal code objects among one code's constants are one (see `VersionProfile.equalCodeConstantsMerged`). */
  readonly equalCodeConstantsMerged?: boolean;
  /** The compile-time warning of `is` with a literal (see `VersionProfile.isLiteralWarning`). */
  readonly isLiteralWarning?: 'none' | 'plain' | 'typed';
  /** 3.12+: constants no instruction loads any more are removed from co_consts (`VersionProfile.unusedConstsRemoved`). */
  readonly unusedConstsRemoved?: boolean;
  /** A class body stores `__firstlineno__` and `__static_attributes__` (see `VersionProfile.classBodyStoresMetadata`). */
  readonly classBodyStoresMetadata?: boolean;
  /** Receives each SyntaxWarning the compiler emits (`compiler_warn`), in compile order. */
  readonly onSyntaxWarning?: (lineno: number, message: string) => void;
}

class Label {
  pos = -1;
  readonly refs: number[] = [];
}

type FBlock =
  | { kind: 'loop'; cont: Label; brk: Label; isFor: boolean }
  | { kind: 'try' }
  | { kind: 'finally'; body: ast.stmt[] }
  | { kind: 'handler'; name: string | null }
  | { kind: 'with' };

/**
 * 3.6: the peephole optimizer runs after the compiler and appends each constant
 * it folds to co_consts (PyList_Append() in fold_*_on_constants()), so they come
 * after every constant the compiler added, in the order it folded them.
 * Reorders `consts` so, and renumbers the LOAD_CONSTs of `instrs`.
 */
function peepholeOrder(consts: ConstDesc[], instrs: Instr[]): ConstDesc[] {
  const order = [...consts.keys()].sort((a, b) => Number(isUnique(consts[a]!)) - Number(isUnique(consts[b]!)) || a - b);
  const at = new Map(order.map((from, to) => [from, to]));
  for (const i of instrs) if (i.op === Op.LOAD_CONST) i.arg = at.get(i.arg)!;
  return order.map((from) => consts[from]!);
}

/** Key under which `compiler_add_o` deduplicates a constant (type and value). */
export function constKey(v: ast.ConstantValue): string {
  switch (v.kind) {
    case 'None':
    case 'Ellipsis':
      return v.kind;
    case 'bool':
      return `bool:${v.value}`;
    case 'int':
      return `int:${v.value}`;
    case 'float':
      return `float:${Object.is(v.value, -0) ? '-0' : String(v.value)}`;
    case 'str':
      return `str:${v.value}`;
    case 'bytes':
      return `bytes:${Array.from(v.value).join(',')}`;
  }
}

function descKey(d: ConstDesc, mergeCode = false): string | null {
  if (isUnique(d)) return null;
  switch (d.kind) {
    case 'ast':
      return constKey(d.node.value);
    case 'value':
      return constKey(d.value);
    case 'same':
      return descKey(d.of, mergeCode);
    case 'tuple': {
      const parts = d.items.map((c) => descKey(c, mergeCode));
      return parts.some((p) => p === null) ? null : `tuple:(${parts.join('|')})`;
    }
    case 'frozenset':
      return frozensetKey(d.items.map((c) => descKey(c, mergeCode)));
    case 'code':
      return mergeCode ? codeKey(d.unit) : null;
  }
}

/**
 * What `code_richcompare` compares (Objects/codeobject.c): two code objects with
 * the same key are equal, so `compiler_add_o` keeps the first — two identical
 * lambdas on one line share their code object (and its zombie frame).
 */
function codeKey(u: CodeUnit): string | null {
  const consts = u.consts.map((c) => descKey(c, true));
  if (consts.some((c) => c === null)) return null;
  const code = u.instrs.map((i) => `${i.op},${i.arg}`).join(';');
  return `code:${u.name}|${u.argcount}|${u.posonlyargcount}|${u.kwonlyargcount}|${u.flags}|${u.firstlineno}|${u.varnames}|${u.freevars}|${u.cellvars}|${u.names}|${code}|(${consts.join('|')})`;
}

/**
 * A call's keywords as compiler_call_helper groups them: each run of named
 * keywords (one dict, `compiler_subkwargs`) and each `**` value, in order.
 */
function keywordGroups(keywords: ast.keyword[]): (ast.keyword[] | ast.expr)[] {
  const groups: (ast.keyword[] | ast.expr)[] = [];
  let named: ast.keyword[] = [];
  for (const k of keywords) {
    if (k.arg !== null) {
      named.push(k);
      continue;
    }
    if (named.length) groups.push(named);
    named = [];
    groups.push(k.value);
  }
  if (named.length) groups.push(named);
  return groups;
}

/** `_PyCode_ConstantKey` of a frozenset: its items, in any order. */
export function frozensetKey(parts: (string | null)[]): string | null {
  return parts.some((p) => p === null) ? null : `frozenset:(${[...new Set(parts)].sort().join('|')})`;
}

/** Compiles a module to its top-level code unit. */
export function compileModule(module: ast.Module, filename: string, source: string, options: CompileOptions): CodeUnit {
  const lines = source.split('\n');
  const { top, scopeOf } = buildSymtable(module, filename, lines, options.version[1] >= 12);
  const c = new Compiler(filename, lines, scopeOf, options);
  return c.compileModule(module, top);
}

class Unit {
  readonly instrs: Instr[] = [];
  readonly consts: ConstDesc[] = [];
  readonly constIndex = new Map<string, number>();
  readonly names: string[] = [];
  readonly varnames: string[] = [];
  readonly fblocks: FBlock[] = [];
  /**
   * 3.11+ pushes a NULL for a plain call (3.11/3.12 before evaluating the callee,
   * 3.13 after it): how many NULLs go on before each instruction, and the calls that
   * pop one. A count, not a flag: in `f(x)()` both calls push theirs before `f`.
   */
  readonly nullStarts = new Map<number, number>();
  readonly nullCalls = new Set<number>();
  /** The comprehensions being compiled inline in this unit, innermost last (3.12+). */
  readonly inlined: Scope[] = [];
  /** A class body's `self.<name>` assignments in its methods (3.13 `u_static_attributes`). */
  readonly staticAttributes = new Set<string>();
  lineno = 1;
  col = 0;
  endLineno = 1;
  endCol = 0;
  constructor(readonly scope: Scope, readonly qualname: string) {}
}

class Compiler {
  private u!: Unit;
  private readonly stack: Unit[] = [];
  private readonly methodCalls: boolean;
  /** The call that is the whole value of the current `return`/assignment statement, if it calls a plain name. */
  private plainCallStatement: ast.Call | null = null;
  constructor(
    private readonly filename: string,
    private readonly lines: string[],
    private readonly scopeOf: Map<object, Scope>,
    private readonly options: CompileOptions,
  ) {
    this.methodCalls = options.version[1] >= 7;
  }

  private error(msg: string, node: ast.Located): never {
    throw new PySyntaxError(msg, this.filename, node.lineno, node.col_offset + 1, this.lines[node.lineno - 1] ?? '');
  }

  private unsupported(what: string, node: ast.Located): never {
    throw new UnsupportedSyntax(what, node.lineno);
  }

  // ---- emission ----

  private setLoc(n: ast.Located): void {
    this.u.lineno = n.lineno;
    this.u.col = n.col_offset;
    this.u.endLineno = n.end_lineno;
    this.u.endCol = n.end_col_offset;
  }

  private emit(op: Op, arg = 0, anchorKind = AnchorKind.None, anchor = -1): number {
    const u = this.u;
    u.instrs.push({ op, arg, lineno: u.lineno, col: u.col, endLineno: u.endLineno, endCol: u.endCol, anchor, anchorKind });
    return u.instrs.length - 1;
  }

  private emitJump(op: Op, label: Label): void {
    const i = this.emit(op, label.pos);
    if (label.pos < 0) label.refs.push(i);
  }

  private bind(label: Label): void {
    label.pos = this.u.instrs.length;
    for (const i of label.refs) this.u.instrs[i]!.arg = label.pos;
  }

  private addConst(d: ConstDesc): number {
    const key = descKey(d, this.options.equalCodeConstantsMerged);
    if (key !== null) {
      const existing = this.u.constIndex.get(key);
      if (existing !== undefined) return existing;
      this.u.constIndex.set(key, this.u.consts.length);
    }
    this.u.consts.push(d);
    return this.u.consts.length - 1;
  }

  private loadConstValue(v: ast.ConstantValue): void {
    this.emit(Op.LOAD_CONST, this.addConst({ kind: 'value', value: v }));
  }

  private addName(name: string): number {
    let i = this.u.names.indexOf(name);
    if (i < 0) {
      i = this.u.names.length;
      this.u.names.push(name);
    }
    return i;
  }

  private varIndex(name: string): number {
    let i = this.u.varnames.indexOf(name);
    if (i < 0) {
      i = this.u.varnames.length;
      this.u.varnames.push(name);
    }
    return i;
  }

  /** Index into `cellvars ++ freevars` (the `LOAD_DEREF` argument). */
  private derefIndex(name: string): number {
    const s = this.u.scope;
    const ci = s.cellvars.indexOf(name);
    if (ci >= 0) return ci;
    const fi = s.freevars.indexOf(name);
    if (fi >= 0) return s.cellvars.length + fi;
    throw new Error(`internal: ${name} is not a cell or free variable`);
  }

  // ---- units ----

  private enter(scope: Scope, qualname: string): void {
    if (this.u) this.stack.push(this.u);
    this.u = new Unit(scope, qualname);
  }

  private leave(node: { lineno?: number } | null, name: string, args?: ast.arguments): CodeUnit {
    const u = this.u;
    const s = u.scope;
    let flags = 0;
    let argcount = 0;
    let posonly = 0;
    let kwonly = 0;
    if (s.kind === 'function') {
      flags |= CO_OPTIMIZED | CO_NEWLOCALS;
      if (s.parent && s.parent.kind !== 'module') flags |= CO_NESTED;
      if (s.isGenerator) flags |= CO_GENERATOR;
      if (args) {
        posonly = args.posonlyargs.length;
        argcount = posonly + args.args.length;
        kwonly = args.kwonlyargs.length;
        if (args.vararg) flags |= CO_VARARGS;
        if (args.kwarg) flags |= CO_VARKEYWORDS;
      } else if (s.params[0] === '.0') argcount = 1;
    }
    const unit: CodeUnit = {
      name,
      qualname: u.qualname,
      filename: this.filename,
      firstlineno: node?.lineno ?? 1,
      argcount,
      posonlyargcount: posonly,
      kwonlyargcount: kwonly,
      flags,
      varnames: u.varnames,
      cellvars: s.cellvars,
      freevars: s.freevars,
      names: u.names,
      consts: this.options.version[1] < 7 ? peepholeOrder(u.consts, u.instrs) : u.consts,
      instrs: u.instrs,
      stacksize: stackDepth(u.instrs, this.options.version[1], (flags & CO_GENERATOR) !== 0, u.nullStarts, u.nullCalls),
      isClassBody: s.kind === 'class',
    };
    this.u = this.stack.pop()!;
    return unit;
  }

  compileModule(module: ast.Module, top: Scope): CodeUnit {
    this.enter(top, '<module>');
    for (const st of module.body) this.stmt(st);
    this.loadConstValue({ kind: 'None' });
    this.emit(Op.RETURN_VALUE);
    const u = this.u;
    return {
      name: '<module>',
      qualname: '<module>',
      filename: this.filename,
      firstlineno: 1,
      argcount: 0,
      posonlyargcount: 0,
      kwonlyargcount: 0,
      flags: 0,
      varnames: u.varnames,
      cellvars: [],
      freevars: [],
      names: u.names,
      consts: this.options.version[1] < 7 ? peepholeOrder(u.consts, u.instrs) : u.consts,
      instrs: u.instrs,
      stacksize: stackDepth(u.instrs, this.options.version[1], false, u.nullStarts, u.nullCalls),
      isClassBody: false,
    };
  }

  private childQualname(name: string): string {
    const u = this.u;
    const s = u.scope;
    if (s.kind === 'module') return name;
    if (s.kind === 'function') return `${u.qualname}.<locals>.${name}`;
    return `${u.qualname}.${name}`;
  }

  // ---- names ----

  private nameOp(name: string, ctx: ast.ExprContext): void {
    if (this.u.inlined.length && this.inlinedNameOp(name, ctx)) return;
    const s = this.u.scope;
    const sc = s.lookup(name);
    const mangled = name;
    if (s.kind === 'function') {
      switch (sc) {
        case 'local':
          this.emit(ctx === 'Load' ? Op.LOAD_FAST : ctx === 'Store' ? Op.STORE_FAST : Op.DELETE_FAST, this.varIndex(mangled));
          return;
        case 'cell':
        case 'free':
          this.emit(ctx === 'Load' ? Op.LOAD_DEREF : ctx === 'Store' ? Op.STORE_DEREF : Op.DELETE_DEREF, this.derefIndex(mangled));
          return;
        default:
          this.emit(ctx === 'Load' ? Op.LOAD_GLOBAL : ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, this.addName(mangled));
          return;
      }
    }
    if (sc === 'global_explicit') {
      this.emit(ctx === 'Load' ? Op.LOAD_GLOBAL : ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, this.addName(mangled));
      return;
    }
    if (s.kind === 'class' && sc === 'free' && ctx === 'Load') {
      this.emit(Op.LOAD_CLASSDEREF, this.derefIndex(mangled));
      return;
    }
    if (s.kind === 'class' && (sc === 'free' || sc === 'cell') && ctx !== 'Load') {
      this.emit(ctx === 'Store' ? Op.STORE_DEREF : Op.DELETE_DEREF, this.derefIndex(mangled));
      return;
    }
    this.emit(ctx === 'Load' ? Op.LOAD_NAME : ctx === 'Store' ? Op.STORE_NAME : Op.DELETE_NAME, this.addName(mangled));
  }

  /**
   * A name inside an inlined comprehension (compiler_nameop() with the
   * comprehension's symbols laid over ours, push_inlined_comprehension_state()):
   * its own variables are fast locals of this code, also at module and class
   * level; a global is LOAD_NAME at module level and LOAD_GLOBAL elsewhere
   * (class names are not visible). A free name is ours to resolve: false.
   */
  private inlinedNameOp(name: string, ctx: ast.ExprContext): boolean {
    const inl = this.u.inlined;
    for (let i = inl.length - 1; i >= 0; i--) {
      const sc = inl[i]!.symbols.get(name);
      if (sc === 'free') continue;
      if (sc === 'local') {
        this.emit(ctx === 'Load' ? Op.LOAD_FAST : ctx === 'Store' ? Op.STORE_FAST : Op.DELETE_FAST, this.varIndex(name));
        return true;
      }
      if (this.u.scope.kind === 'module' && sc !== 'global_explicit') {
        this.emit(ctx === 'Load' ? Op.LOAD_NAME : ctx === 'Store' ? Op.STORE_NAME : Op.DELETE_NAME, this.addName(name));
      } else this.emit(ctx === 'Load' ? Op.LOAD_GLOBAL : ctx === 'Store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, this.addName(name));
      return true;
    }
    return false;
  }

  // ---- statements ----

  private body(stmts: ast.stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }

  private stmt(s: ast.stmt): void {
    this.setLoc(s);
    this.plainCallStatement =
      (s.type === 'Return' || s.type === 'Assign') && s.value && s.value.type === 'Call' && s.value.func.type === 'Name' ? s.value : null;
    switch (s.type) {
      case 'Expr':
        this.expr(s.value);
        this.emit(Op.POP_TOP);
        return;
      case 'Pass':
        this.emit(Op.NOP);
        return;
      case 'Assign': {
        this.expr(s.value);
        s.targets.forEach((t, i) => {
          if (i < s.targets.length - 1) this.emit(Op.DUP_TOP);
          this.assignTarget(t);
        });
        return;
      }
      case 'AugAssign':
        return this.augAssign(s);
      case 'AnnAssign':
        if (s.value) {
          this.expr(s.value);
          this.assignTarget(s.target);
        }
        return;
      case 'Delete':
        for (const t of s.targets) this.deleteTarget(t);
        return;
      case 'If': {
        const end = new Label();
        const orelse = new Label();
        this.jumpIf(s.test, false, s.orelse.length ? orelse : end);
        this.body(s.body);
        if (s.orelse.length) {
          this.emitJump(Op.JUMP, end);
          this.bind(orelse);
          this.body(s.orelse);
        }
        this.bind(end);
        return;
      }
      case 'While': {
        const top = new Label();
        const orelse = new Label();
        const brk = new Label();
        this.bind(top);
        this.jumpIf(s.test, false, orelse);
        this.u.fblocks.push({ kind: 'loop', cont: top, brk, isFor: false });
        this.body(s.body);
        this.u.fblocks.pop();
        this.emitJump(Op.JUMP, top);
        this.bind(orelse);
        this.body(s.orelse);
        this.bind(brk);
        return;
      }
      case 'For': {
        const top = new Label();
        const end = new Label();
        const brk = new Label();
        this.iterable(s.iter);
        this.setLoc(s);
        this.emit(Op.GET_ITER);
        this.bind(top);
        this.emitJump(Op.FOR_ITER, end);
        this.assignTarget(s.target);
        this.u.fblocks.push({ kind: 'loop', cont: top, brk, isFor: true });
        this.body(s.body);
        this.u.fblocks.pop();
        this.emitJump(Op.JUMP, top);
        this.bind(end);
        this.body(s.orelse);
        this.bind(brk);
        return;
      }
      case 'Break':
      case 'Continue': {
        const fb = this.u.fblocks;
        let i = fb.length - 1;
        while (i >= 0 && fb[i]!.kind !== 'loop') i--;
        if (i < 0) this.error(s.type === 'Break' ? "'break' outside loop" : "'continue' not properly in loop", s);
        const loop = fb[i] as Extract<FBlock, { kind: 'loop' }>;
        this.unwindTo(i + 1, false);
        if (s.type === 'Break') {
          if (loop.isFor) this.emit(Op.POP_TOP);
          this.emitJump(Op.JUMP, loop.brk);
        } else this.emitJump(Op.JUMP, loop.cont);
        return;
      }
      case 'Return': {
        if (this.u.scope.kind !== 'function') this.error("'return' outside function", s);
        if (s.value) this.expr(s.value);
        else this.loadConstValue({ kind: 'None' });
        this.unwindTo(0, true);
        this.setLoc(s);
        this.emit(Op.RETURN_VALUE);
        return;
      }
      case 'FunctionDef':
        return this.functionDef(s);
      case 'ClassDef':
        return this.classDef(s);
      case 'Global':
      case 'Nonlocal':
        return;
      case 'Import':
        for (const a of s.names) {
          this.loadConstValue({ kind: 'int', value: 0n });
          this.loadConstValue({ kind: 'None' });
          this.emit(Op.IMPORT_NAME, this.addName(a.name));
          if (a.asname) {
            for (const part of a.name.split('.').slice(1)) this.emit(Op.IMPORT_FROM, this.addName(part)), this.emit(Op.ROT_TWO), this.emit(Op.POP_TOP);
            this.nameOp(a.asname, 'Store');
          } else this.nameOp(a.name.split('.')[0]!, 'Store');
        }
        return;
      case 'ImportFrom': {
        if (s.level > 0) this.unsupported('relative imports', s);
        this.loadConstValue({ kind: 'int', value: 0n });
        const names = s.names.map((a) => ({ kind: 'value', value: { kind: 'str', value: a.name } }) as ConstDesc);
        this.emit(Op.LOAD_CONST, this.addConst({ kind: 'tuple', items: names, folded: true }));
        this.emit(Op.IMPORT_NAME, this.addName(s.module ?? ''));
        for (const a of s.names) {
          if (a.name === '*') this.unsupported("'import *'", s);
          this.emit(Op.IMPORT_FROM, this.addName(a.name));
          this.nameOp(a.asname ?? a.name, 'Store');
        }
        this.emit(Op.POP_TOP);
        return;
      }
      case 'Try':
        return this.tryStmt(s);
      case 'Raise':
        if (s.exc) {
          this.expr(s.exc);
          if (s.cause) {
            this.expr(s.cause);
            this.setLoc(s);
            this.emit(Op.RAISE_VARARGS, 2);
          } else {
            this.setLoc(s);
            this.emit(Op.RAISE_VARARGS, 1);
          }
        } else this.emit(Op.RAISE_VARARGS, 0);
        return;
      case 'Assert': {
        const end = new Label();
        this.jumpIf(s.test, true, end);
        const where: ast.Located = this.options.assertLocatedAtTest !== false ? s.test : s;
        this.setLoc(where);
        this.emit(Op.LOAD_ASSERTION_ERROR);
        if (s.msg) {
          this.expr(s.msg);
          this.setLoc(where);
          this.emit(Op.CALL, 1);
        }
        this.emit(Op.RAISE_VARARGS, 1);
        this.bind(end);
        return;
      }
      case 'With':
        return this.withStmt(s, 0);
    }
  }

  /**
   * Emits what leaving the blocks above `depth` needs (for `return`,
   * `break`, `continue`): `POP_BLOCK`s, inlined `finally` bodies, `POP_EXCEPT`,
   * `__exit__` calls. With `preserveTop`, a return value stays on top.
   */
  private unwindTo(depth: number, preserveTop: boolean): void {
    const fb = this.u.fblocks;
    const saved = fb.slice();
    for (let i = fb.length - 1; i >= depth; i--) {
      const b = fb[i]!;
      switch (b.kind) {
        case 'loop':
          if (b.isFor && preserveTop) {
            this.emit(Op.ROT_TWO);
            this.emit(Op.POP_TOP);
          } else if (b.isFor && i !== depth - 1) this.emit(Op.POP_TOP);
          break;
        case 'try':
          this.emit(Op.POP_BLOCK);
          break;
        case 'finally':
          this.emit(Op.POP_BLOCK);
          // The finally body runs with only the blocks outside it.
          fb.length = i;
          this.body(b.body);
          fb.length = saved.length;
          for (let k = 0; k < saved.length; k++) fb[k] = saved[k]!;
          break;
        case 'handler':
          if (b.name) this.emit(Op.POP_BLOCK);
          if (preserveTop) {
            this.emit(Op.POP_EXCEPT);
          } else this.emit(Op.POP_EXCEPT);
          if (b.name) {
            this.loadConstValue({ kind: 'None' });
            this.nameOp(b.name, 'Store');
            this.nameOp(b.name, 'Del');
          }
          break;
        case 'with':
          this.emit(Op.POP_BLOCK);
          if (preserveTop) this.emit(Op.ROT_TWO);
          this.loadConstValue({ kind: 'None' });
          this.emit(Op.DUP_TOP);
          this.emit(Op.DUP_TOP);
          this.emit(Op.CALL, 3);
          this.emit(Op.POP_TOP);
          break;
      }
    }
  }

  private tryStmt(s: ast.Try): void {
    const fb = this.u.fblocks;
    const finallyLabel = new Label();
    const after = new Label();
    if (s.finalbody.length) {
      this.emitJump(Op.SETUP_FINALLY, finallyLabel);
      fb.push({ kind: 'finally', body: s.finalbody });
    }
    if (s.handlers.length) this.tryExcept(s);
    else this.body(s.body);
    if (s.finalbody.length) {
      fb.pop();
      this.emit(Op.POP_BLOCK);
      this.body(s.finalbody);
      this.emitJump(Op.JUMP, after);
      this.bind(finallyLabel);
      this.body(s.finalbody);
      this.emit(Op.RERAISE);
      this.bind(after);
    }
  }

  private tryExcept(s: ast.Try): void {
    const fb = this.u.fblocks;
    const handlers = new Label();
    const end = new Label();
    this.emitJump(Op.SETUP_FINALLY, handlers);
    fb.push({ kind: 'try' });
    this.body(s.body);
    fb.pop();
    this.emit(Op.POP_BLOCK);
    this.body(s.orelse);
    this.emitJump(Op.JUMP, end);
    this.bind(handlers);
    for (const h of s.handlers) {
      this.setLoc(h);
      const next = new Label();
      if (h.exc_type) {
        this.expr(h.exc_type);
        this.emitJump(Op.JUMP_IF_NOT_EXC_MATCH, next);
      }
      if (h.name) {
        this.nameOp(h.name, 'Store');
        const cleanup = new Label();
        this.emitJump(Op.SETUP_FINALLY, cleanup);
        fb.push({ kind: 'handler', name: h.name });
        this.body(h.body);
        fb.pop();
        this.emit(Op.POP_BLOCK);
        this.emit(Op.POP_EXCEPT);
        this.loadConstValue({ kind: 'None' });
        this.nameOp(h.name, 'Store');
        this.nameOp(h.name, 'Del');
        this.emitJump(Op.JUMP, end);
        // An exception inside the handler: unbind the name, then re-raise.
        this.bind(cleanup);
        this.loadConstValue({ kind: 'None' });
        this.nameOp(h.name, 'Store');
        this.nameOp(h.name, 'Del');
        this.emit(Op.RERAISE);
      } else {
        this.emit(Op.POP_TOP);
        fb.push({ kind: 'handler', name: null });
        this.body(h.body);
        fb.pop();
        this.emit(Op.POP_EXCEPT);
        this.emitJump(Op.JUMP, end);
      }
      this.bind(next);
    }
    this.emit(Op.RERAISE);
    this.bind(end);
  }

  private withStmt(s: ast.With, i: number): void {
    const item = s.items[i]!;
    const handler = new Label();
    const after = new Label();
    this.expr(item.context_expr);
    this.setLoc(s);
    this.emitJump(Op.SETUP_WITH, handler);
    if (item.optional_vars) this.assignTarget(item.optional_vars);
    else this.emit(Op.POP_TOP);
    this.u.fblocks.push({ kind: 'with' });
    if (i + 1 < s.items.length) this.withStmt(s, i + 1);
    else this.body(s.body);
    this.u.fblocks.pop();
    this.setLoc(s);
    this.emit(Op.POP_BLOCK);
    this.loadConstValue({ kind: 'None' });
    this.emit(Op.DUP_TOP);
    this.emit(Op.DUP_TOP);
    this.emit(Op.CALL, 3);
    this.emit(Op.POP_TOP);
    this.emitJump(Op.JUMP, after);
    this.bind(handler);
    this.emit(Op.WITH_EXCEPT_START);
    const suppress = new Label();
    this.emitJump(Op.POP_JUMP_IF_TRUE, suppress);
    this.emit(Op.RERAISE);
    this.bind(suppress);
    this.emit(Op.POP_TOP);
    this.emit(Op.POP_EXCEPT);
    this.emit(Op.POP_TOP);
    this.bind(after);
  }

  private augAssign(s: ast.AugAssign): void {
    const op = BINARY_OPERATORS.indexOf(s.op);
    const t = s.target;
    switch (t.type) {
      case 'Name':
        this.nameOp(t.id, 'Load');
        this.expr(s.value);
        this.setLoc(s);
        this.emit(Op.INPLACE_OP, op);
        this.nameOp(t.id, 'Store');
        return;
      case 'Attribute':
        this.expr(t.value);
        this.emit(Op.DUP_TOP);
        this.emit(Op.LOAD_ATTR, this.addName(t.attr));
        this.expr(s.value);
        this.setLoc(s);
        this.emit(Op.INPLACE_OP, op);
        this.emit(Op.ROT_TWO);
        this.emit(Op.STORE_ATTR, this.addName(t.attr));
        return;
      case 'Subscript':
        // compiler_augassign(): the subscript's load and store are at the target (a
        // traceback underlines `d[k]` with its subscript anchored), the operation at the statement.
        this.expr(t.value);
        this.expr(t.slice);
        this.setLoc(t);
        this.emit(Op.DUP_TOP_TWO);
        this.emit(Op.BINARY_SUBSCR, 0, AnchorKind.Subscript, t.value.end_col_offset);
        this.expr(s.value);
        this.setLoc(s);
        this.emit(Op.INPLACE_OP, op);
        this.emit(Op.ROT_THREE);
        this.setLoc(t);
        this.emit(Op.STORE_SUBSCR, 0, AnchorKind.Subscript, t.value.end_col_offset);
        return;
    }
  }

  private assignTarget(t: ast.expr): void {
    this.setLoc(t);
    switch (t.type) {
      case 'Name':
        return this.nameOp(t.id, 'Store');
      case 'Attribute':
        this.expr(t.value);
        this.setLoc(t);
        this.addStaticAttribute(t);
        this.emit(Op.STORE_ATTR, this.addName(t.attr));
        return;
      case 'Subscript':
        this.expr(t.value);
        this.expr(t.slice);
        this.setLoc(t);
        this.emit(Op.STORE_SUBSCR, 0, AnchorKind.Subscript, t.value.end_col_offset);
        return;
      case 'Tuple':
      case 'List': {
        const star = t.elts.findIndex((e) => e.type === 'Starred');
        if (star >= 0) {
          if (t.elts.slice(star + 1).some((e) => e.type === 'Starred')) this.error('multiple starred expressions in assignment', t);
          this.emit(Op.UNPACK_EX, star | ((t.elts.length - star - 1) << 8));
        } else this.emit(Op.UNPACK_SEQUENCE, t.elts.length);
        for (const e of t.elts) this.assignTarget(e.type === 'Starred' ? e.value : e);
        return;
      }
      case 'Starred':
        this.error('starred assignment target must be in a list or tuple', t);
        return;
      default:
        this.error(`cannot assign to ${describeExpr(t)}`, t);
    }
  }

  private deleteTarget(t: ast.expr): void {
    this.setLoc(t);
    switch (t.type) {
      case 'Name':
        return this.nameOp(t.id, 'Del');
      case 'Attribute':
        this.expr(t.value);
        this.setLoc(t);
        this.emit(Op.DELETE_ATTR, this.addName(t.attr));
        return;
      case 'Subscript':
        this.expr(t.value);
        this.expr(t.slice);
        this.setLoc(t);
        this.emit(Op.DELETE_SUBSCR, 0, AnchorKind.Subscript, t.value.end_col_offset);
        return;
      case 'Tuple':
      case 'List':
        for (const e of t.elts) this.deleteTarget(e);
        return;
      default:
        this.error(`cannot delete ${describeExpr(t)}`, t);
    }
  }

  // ---- functions and classes ----

  private makeClosure(unit: CodeUnit, flags: number, node: ast.Located): void {
    if (unit.freevars.length) {
      for (const name of unit.freevars) {
        // A free variable of the child is a cell or free variable here.
        const s = this.u.scope;
        let idx: number;
        if (s.cellvars.includes(name)) idx = s.cellvars.indexOf(name);
        else if (s.freevars.includes(name)) idx = s.cellvars.length + s.freevars.indexOf(name);
        else throw new Error(`internal: ${name} is not available for the closure of ${unit.qualname}`);
        this.emit(Op.LOAD_CLOSURE, idx);
      }
      this.emit(Op.BUILD_TUPLE, unit.freevars.length);
      flags |= MAKE_FUNCTION_CLOSURE;
    }
    this.setLoc(node);
    this.emit(Op.LOAD_CONST, this.addConst({ kind: 'code', unit }));
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  private defaults(args: ast.arguments): number {
    let flags = 0;
    if (args.defaults.length) {
      // compiler_visit_defaults(): LOAD_CONST each default and BUILD_TUPLE, which the
      // bytecode optimizer folds into one tuple constant when every default is a
      // constant (fold_tuple_on_constants()); the defaults' own constants stay in
      // co_consts until 3.12 removes unused ones (remove_unused_consts()).
      const folded = this.constTuple(args.defaults);
      if (folded) {
        this.emit(Op.LOAD_CONST, this.addBytecodeFolded(folded));
      } else {
        for (const d of args.defaults) this.expr(d);
        this.emit(Op.BUILD_TUPLE, args.defaults.length);
      }
      flags |= MAKE_FUNCTION_DEFAULTS;
    }
    const kw = args.kwonlyargs.map((a, i) => [a, args.kw_defaults[i]] as const).filter(([, d]) => d);
    if (kw.length) {
      for (const [a, d] of kw) {
        this.loadConstValue({ kind: 'str', value: a.arg });
        this.expr(d!);
      }
      this.emit(Op.BUILD_MAP, kw.length);
      flags |= MAKE_FUNCTION_KWDEFAULTS;
    }
    return flags;
  }

  private annotations(args: ast.arguments, returns: ast.expr | null): number {
    const all = [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : [])];
    const ann = all.filter((a) => a.annotation);
    if (!ann.length && !returns) return 0;
    for (const a of ann) {
      this.loadConstValue({ kind: 'str', value: a.arg });
      this.expr(a.annotation!);
    }
    if (returns) {
      this.loadConstValue({ kind: 'str', value: 'return' });
      this.expr(returns);
    }
    this.emit(Op.BUILD_MAP, ann.length + (returns ? 1 : 0));
    return MAKE_FUNCTION_ANNOTATIONS;
  }

  private functionBody(node: ast.FunctionDef | ast.Lambda, name: string, qualname: string): CodeUnit {
    const scope = this.scopeOf.get(node)!;
    this.enter(scope, qualname);
    for (const p of scope.params) this.varIndex(p);
    if (node.type === 'Lambda') {
      // compiler_lambda(): None is the first constant, so a lambda can't have a docstring.
      this.addConst({ kind: 'value', value: { kind: 'None' } });
      this.expr(node.body);
      this.emit(Op.RETURN_VALUE);
    } else {
      const first = node.body[0];
      if (first && first.type === 'Expr' && first.value.type === 'Constant' && first.value.value.kind === 'str') {
        this.addConst({ kind: 'ast', node: first.value });
      } else {
        // compiler_function() (3.6–3.13): the first constant is the docstring, or None without one.
        this.addConst({ kind: 'value', value: { kind: 'None' } });
      }
      const bodyStmts = first && first.type === 'Expr' && first.value.type === 'Constant' && first.value.value.kind === 'str' ? node.body.slice(1) : node.body;
      this.body(bodyStmts);
      const last = this.u.instrs[this.u.instrs.length - 1];
      if (!last || last.op !== Op.RETURN_VALUE || bodyStmts.length === 0 || bodyStmts[bodyStmts.length - 1]!.type !== 'Return') {
        this.loadConstValue({ kind: 'None' });
        this.emit(Op.RETURN_VALUE);
      }
    }
    return this.leave(node, name, node.args);
  }

  private functionDef(s: ast.FunctionDef): void {
    for (const d of s.decorator_list) this.expr(d);
    this.setLoc(s);
    let flags = this.defaults(s.args);
    flags |= this.annotations(s.args, s.returns);
    const unit = this.functionBody(s, s.name, this.childQualname(s.name));
    this.makeClosure(unit, flags, s);
    for (let i = 0; i < s.decorator_list.length; i++) this.emit(Op.CALL, 1);
    this.nameOp(s.name, 'Store');
  }

  /**
   * Mirrors _PyCompile_MaybeAddStaticAttributeToClass() (3.13): a store to
   * `self.<name>` anywhere inside a class body's functions records the name in
   * the innermost enclosing class.
   */
  private addStaticAttribute(t: ast.Attribute): void {
    if (!this.options.classBodyStoresMetadata || t.value.type !== 'Name' || t.value.id !== 'self') return;
    const units = [...this.stack, this.u];
    for (let i = units.length - 1; i >= 0; i--) {
      if (units[i]!.scope.kind === 'class') {
        units[i]!.staticAttributes.add(t.attr);
        return;
      }
    }
  }

  private classDef(s: ast.ClassDef): void {
    for (const d of s.decorator_list) this.expr(d);
    this.setLoc(s);
    const scope = this.scopeOf.get(s)!;
    const qualname = this.childQualname(s.name);
    this.enter(scope, qualname);
    this.nameOp('__name__', 'Load');
    this.nameOp('__module__', 'Store');
    this.emit(Op.LOAD_CONST, this.addConst({ kind: 'value', value: { kind: 'str', value: qualname } }));
    this.nameOp('__qualname__', 'Store');
    if (this.options.classBodyStoresMetadata) {
      // compiler_class_body() (3.13): the first line, a decorator's when there is one.
      const firstlineno = s.decorator_list[0]?.lineno ?? s.lineno;
      this.emit(Op.LOAD_CONST, this.addConst({ kind: 'value', value: { kind: 'int', value: BigInt(firstlineno) } }));
      this.nameOp('__firstlineno__', 'Store');
    }
    const first = s.body[0];
    let body = s.body;
    if (first && first.type === 'Expr' && first.value.type === 'Constant' && first.value.value.kind === 'str') {
      this.emit(Op.LOAD_CONST, this.addConst({ kind: 'ast', node: first.value }));
      this.nameOp('__doc__', 'Store');
      body = s.body.slice(1);
    }
    this.body(body);
    if (this.options.classBodyStoresMetadata) {
      // _PyCompile_StaticAttributesAsTuple(): the names, sorted.
      const names = [...this.u.staticAttributes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const items: ConstDesc[] = names.map((n) => ({ kind: 'value', value: { kind: 'str', value: n } }));
      this.emit(Op.LOAD_CONST, this.addConst({ kind: 'tuple', items, folded: true }));
      this.nameOp('__static_attributes__', 'Store');
    }
    if (scope.cellvars.includes('__class__')) {
      this.emit(Op.LOAD_CLOSURE, scope.cellvars.indexOf('__class__'));
      this.emit(Op.DUP_TOP);
      this.emit(Op.STORE_NAME, this.addName('__classcell__'));
    } else this.loadConstValue({ kind: 'None' });
    this.emit(Op.RETURN_VALUE);
    const unit = this.leave(s, s.name);
    this.setLoc(s);
    this.emit(Op.LOAD_BUILD_CLASS);
    this.makeClosure(unit, 0, s);
    this.loadConstValue({ kind: 'str', value: s.name });
    this.callArgs(s.bases, s.keywords, 2, s);
    for (let i = 0; i < s.decorator_list.length; i++) this.emit(Op.CALL, 1);
    this.nameOp(s.name, 'Store');
  }

  // ---- expressions ----

  /** Emits a conditional jump to `target` when `e` is truthy (`cond`) or falsy. */
  private jumpIf(e: ast.expr, cond: boolean, target: Label): void {
    if (e.type === 'UnaryOp' && e.op === 'Not') return this.jumpIf(e.operand, !cond, target);
    if (e.type === 'BoolOp') {
      const isOr = e.op === 'Or';
      if (isOr === cond) {
        for (const v of e.values) this.jumpIf(v, cond, target);
      } else {
        const skip = new Label();
        e.values.forEach((v, i) => {
          if (i < e.values.length - 1) this.jumpIf(v, !cond, skip);
          else this.jumpIf(v, cond, target);
        });
        this.bind(skip);
      }
      return;
    }
    this.expr(e);
    this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target);
  }

  private expr(e: ast.expr): void {
    this.setLoc(e);
    switch (e.type) {
      case 'Constant':
        if (e.value.kind === 'int') this.checkIntLiteralDigits(e);
        this.emit(Op.LOAD_CONST, this.addConst({ kind: 'ast', node: e }));
        return;
      case 'Name':
        return this.nameOp(e.id, e.ctx);
      case 'BinOp': {
        if (this.loadFolded(e)) return;
        this.expr(e.left);
        this.expr(e.right);
        this.setLoc(e);
        this.emit(Op.BINARY_OP, BINARY_OPERATORS.indexOf(e.op), AnchorKind.BinaryOperator, e.left.end_col_offset);
        return;
      }
      case 'UnaryOp': {
        if (this.loadFolded(e)) return;
        this.expr(e.operand);
        this.setLoc(e);
        this.emit(Op.UNARY_OP, UNARY_OPERATORS.indexOf(e.op));
        return;
      }
      case 'BoolOp': {
        const end = new Label();
        e.values.forEach((v, i) => {
          this.expr(v);
          if (i < e.values.length - 1) this.emitJump(e.op === 'And' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP, end);
        });
        this.bind(end);
        return;
      }
      case 'Compare':
        return this.compare(e);
      case 'IfExp': {
        const orelse = new Label();
        const end = new Label();
        this.jumpIf(e.test, false, orelse);
        this.expr(e.body);
        this.emitJump(Op.JUMP, end);
        this.bind(orelse);
        this.expr(e.orelse);
        this.bind(end);
        return;
      }
      case 'Attribute':
        this.expr(e.value);
        this.setLoc(e);
        this.emit(Op.LOAD_ATTR, this.addName(e.attr));
        return;
      case 'Subscript':
        if (e.ctx === 'Load' && this.loadFolded(e)) return;
        this.expr(e.value);
        this.expr(e.slice);
        this.setLoc(e);
        this.emit(Op.BINARY_SUBSCR, 0, AnchorKind.Subscript, e.value.end_col_offset);
        return;
      case 'Slice':
        if (e.lower) this.expr(e.lower);
        else this.loadConstValue({ kind: 'None' });
        if (e.upper) this.expr(e.upper);
        else this.loadConstValue({ kind: 'None' });
        if (e.step) {
          this.expr(e.step);
          this.emit(Op.BUILD_SLICE, 3);
        } else this.emit(Op.BUILD_SLICE, 2);
        return;
      case 'Call':
        return this.call(e);
      case 'Tuple':
        return this.sequence(e.elts, 'tuple', e);
      case 'List':
        return this.sequence(e.elts, 'list', e);
      case 'Set':
        return this.sequence(e.elts, 'set', e);
      case 'Dict':
        return this.dict(e);
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return this.comprehension(e);
      case 'Lambda': {
        const flags = this.defaults(e.args);
        const unit = this.functionBody(e, '<lambda>', this.childQualname('<lambda>'));
        this.makeClosure(unit, flags, e);
        return;
      }
      case 'JoinedStr':
        for (const v of e.values) {
          if (v.type === 'Constant') this.emit(Op.LOAD_CONST, this.addConst({ kind: 'ast', node: v }));
          else this.expr(v);
        }
        if (e.values.length !== 1) this.emit(Op.BUILD_STRING, e.values.length);
        return;
      case 'FormattedValue': {
        this.expr(e.value);
        let flags = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
        if (e.format_spec) {
          this.expr(e.format_spec);
          flags |= 4;
        }
        this.setLoc(e);
        this.emit(Op.FORMAT_VALUE, flags);
        return;
      }
      case 'Yield':
        if (this.u.scope.kind !== 'function') this.error("'yield' outside function", e);
        if (e.value) this.expr(e.value);
        else this.loadConstValue({ kind: 'None' });
        this.setLoc(e);
        this.emit(Op.YIELD_VALUE);
        return;
      case 'YieldFrom':
        this.expr(e.value);
        this.setLoc(e);
        this.emit(Op.GET_YIELD_FROM_ITER);
        this.loadConstValue({ kind: 'None' });
        this.emit(Op.YIELD_FROM);
        return;
      case 'NamedExpr':
        this.expr(e.value);
        this.emit(Op.DUP_TOP);
        this.nameOp(e.target.id, 'Store');
        return;
      case 'Starred':
        this.error("can't use starred expression here", e);
        return;
      case 'Await':
        this.unsupported("'await'", e);
    }
  }

  /**
   * Mirrors the tokenizer's `_PyLong_FromString` check: a decimal literal
   * longer than the int max str digits limit is a SyntaxError.
   */
  private checkIntLiteralDigits(e: ast.Constant): void {
    const limit = this.options.intMaxStrDigits ?? 0;
    if (!limit || e.value.kind !== 'int') return;
    const v = e.value.value;
    const digits = (v < 0n ? -v : v).toString().length;
    if (digits <= limit) return;
    const text = (this.lines[e.lineno - 1] ?? '').slice(e.col_offset, e.col_offset + 2).toLowerCase();
    if (/^0[xob]/.test(text)) return;
    const unit = this.options.intMaxStrDigitsSaysDigits ? `${limit} digits` : `${limit}`;
    this.error(
      `Exceeds the limit (${unit}) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.`,
      e,
    );
  }

  /**
   * An operation on constants is one constant (ast_opt.c from 3.7, peephole.c in
   * 3.6): loads it and returns true, or returns false when `e` does not fold.
   */
  private loadFolded(e: ast.BinOp | ast.UnaryOp | ast.Subscript): boolean {
    const d = this.foldedOperation(e);
    if (!d) return false;
    this.emit(Op.LOAD_CONST, this.addFolded(d));
    return true;
  }

  /**
   * The constant an operation on constants folds to, or null. From 3.7 the AST
   * optimizer folds it (its result is held by the AST arena); 3.6's peephole
   * folds it from the LOAD_CONSTs of its operands, which stay in co_consts, and
   * appends the result. When CPython's operation returns an operand unchanged,
   * the constant is that operand's object.
   */
  private foldedOperation(e: ast.BinOp | ast.UnaryOp | ast.Subscript): ConstDesc | null {
    const node = foldConstant(e, this.options.version[1]);
    if (!node) return e.type === 'BinOp' ? this.tupleOperation(e) : null;
    const same = sameOperand(e, this.options.version[1]);
    if (this.options.version[1] >= 7) return same ? { kind: 'same', of: this.foldedItem(same)! } : { kind: 'ast', node };
    const sides = e.type === 'UnaryOp' ? [e.operand] : e.type === 'BinOp' ? [e.left, e.right] : [e.value, e.slice];
    const operands = sides.map((x) => this.foldedItem(x)!);
    return same ? { kind: 'same', of: operands[sides.indexOf(same)]!, unique: true, operands } : { kind: 'value', value: node.value, unique: true, operands };
  }

  /**
   * Adds a folded constant to co_consts. 3.6's peephole folds from the
   * constants the compiler loaded: they are in co_consts before it
   * (fold_binops_on_constants(), fold_unaryops_on_constants(),
   * fold_tuple_on_constants()).
   */
  private addFolded(d: ConstDesc): number {
    if (this.options.version[1] >= 7) return this.addConst(d);
    const operands = operandsOf(d);
    for (const x of operands) this.addFolded(x);
    if ((d.kind === 'tuple' || d.kind === 'frozenset') && operands.length === 0) return this.addBytecodeFolded(d);
    return this.addConst(d);
  }
  /**
   * An iterable that is only iterated (a `for` loop's, a comprehension's) or the
   * right operand of a comparison's last `in`/`not in`: a list display of
   * constants becomes a constant tuple and a set display of constants a
   * constant frozenset (ast_opt.c fold_iter(), 3.7+; 3.6's peephole folds a
   * BUILD_LIST/BUILD_SET of constants followed by GET_ITER or COMPARE_OP `in`).
   * From 3.8 a list display of other items is built as a tuple.
   */
  private iterable(e: ast.expr): void {
    const minor = this.options.version[1];
    if ((e.type === 'List' || e.type === 'Set') && !e.elts.some((x) => x.type === 'Starred')) {
      const consts = this.constTuple(e.elts);
      if (consts) {
        const d: ConstDesc = e.type === 'List' ? consts : { kind: 'frozenset', items: consts.items, optimizerFolded: minor >= 7, unique: minor < 7 };
        this.setLoc(e);
        this.emit(Op.LOAD_CONST, this.addFolded(d));
        return;
      }
      if (e.type === 'List' && minor >= 8) return this.sequence(e.elts, 'tuple', e);
    }
    this.expr(e);
  }

  /**
   * check_compare() (Python/compile.c, 3.8+): an `is`/`is not` whose operand is
   * a constant after folding, other than None, True, False and Ellipsis, warns.
   */
  private checkIsLiteral(e: ast.Compare): void {
    const style = this.options.isLiteralWarning ?? 'none';
    if (style === 'none' || !this.options.onSyntaxWarning) return;
    const minor = this.options.version[1];
    let leftType = literalType(e.left, minor);
    for (let i = 0; i < e.ops.length; i++) {
      const op = e.ops[i]!;
      const rightType = literalType(e.comparators[i]!, minor);
      if ((op === 'Is' || op === 'IsNot') && (leftType || rightType)) {
        const [word, instead] = op === 'Is' ? ['"is"', '"=="'] : ['"is not"', '"!="'];
        const literal = style === 'typed' ? `'${leftType ?? rightType}' literal` : 'a literal';
        // One warning per comparison: check_compare() returns after the first.
        this.options.onSyntaxWarning!(e.lineno, `${word} with ${literal}. Did you mean ${instead}?`);
        return;
      }
      leftType = rightType;
    }
  }

  private compare(e: ast.Compare): void {
    this.checkIsLiteral(e);
    this.expr(e.left);
    const n = e.ops.length;
    // fold_compare(): only the last comparator of an `in`/`not in` is an iterable to fold.
    const comparator = (i: number) => (i === n - 1 && (e.ops[i] === 'In' || e.ops[i] === 'NotIn') ? this.iterable(e.comparators[i]!) : this.expr(e.comparators[i]!));
    if (n === 1) {
      comparator(0);
      this.setLoc(e);
      this.compareOp(e.ops[0]!);
      return;
    }
    const cleanup = new Label();
    const end = new Label();
    for (let i = 0; i < n; i++) {
      comparator(i);
      this.setLoc(e);
      if (i < n - 1) {
        this.emit(Op.DUP_TOP);
        this.emit(Op.ROT_THREE);
        this.compareOp(e.ops[i]!);
        this.emitJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
      } else this.compareOp(e.ops[i]!);
    }
    this.emitJump(Op.JUMP, end);
    this.bind(cleanup);
    this.emit(Op.ROT_TWO);
    this.emit(Op.POP_TOP);
    this.bind(end);
  }

  private compareOp(op: ast.CmpOperator): void {
    switch (op) {
      case 'Is':
        this.emit(Op.IS_OP, 0);
        return;
      case 'IsNot':
        this.emit(Op.IS_OP, 1);
        return;
      case 'In':
        this.emit(Op.CONTAINS_OP, 0);
        return;
      case 'NotIn':
        this.emit(Op.CONTAINS_OP, 1);
        return;
      default:
        this.emit(Op.COMPARE_OP, COMPARE_OPERATORS.indexOf(op));
    }
  }

  /**
   * A constant folded from a display of constants, as the optimizer does
   * (ast_opt.c fold_tuple() 3.7+, peephole.c 3.6), after folding its items:
   * `(1, -5)`, `(2**8, "a" * 3)` and `((1, 2), 3)` are constants too. 3.6's
   * peephole folds only a BUILD_TUPLE with items: `()` is not a constant.
   */
  private constTuple(elts: ast.expr[]): (ConstDesc & { kind: 'tuple' }) | null {
    if (elts.length === 0 && this.options.version[1] < 7) return null;
    const items: ConstDesc[] = [];
    for (const x of elts) {
      const item = this.foldedItem(x);
      if (!item) return null;
      items.push(item);
    }
    return { kind: 'tuple', items, folded: true, unique: this.options.version[1] < 7 };
  }

  /**
   * The constant of a tuple (3.6: or frozenset) the bytecode optimizer folded
   * from LOAD_CONSTs (fold_tuple_on_constants()): the constants it was folded
   * from stay in co_consts until 3.12 removes unused ones, and 3.6's peephole
   * folded nested displays and operations the same way, one after the other.
   */
  private addBytecodeFolded(d: ConstDesc & { kind: 'tuple' | 'frozenset' }): number {
    if (!this.options.unusedConstsRemoved) {
      for (const item of d.items) {
        if (this.options.version[1] < 7) this.addFolded(item);
        else this.addConst(item);
      }
    }
    d.bytecodeFolded = true;
    return this.addConst(d);
  }

  /** An item of a constant tuple once folded, or null when it is not constant. */
  private foldedItem(e: ast.expr): ConstDesc | null {
    if (e.type === 'Constant') return { kind: 'ast', node: e };
    if (e.type === 'Tuple') return this.constTuple(e.elts);
    if (e.type !== 'BinOp' && e.type !== 'UnaryOp' && e.type !== 'Subscript') return null;
    return this.foldedOperation(e);
  }

  /**
   * `+` of two constant tuples and `*` of one by an int constant fold too
   * (ast_opt.c fold_binop() with safe_multiply()'s limit of 256 items; 3.6's
   * peephole keeps results of at most 20). An empty result is left to run.
   * tupleconcat() returns an operand when the other is empty (3.7+), and
   * tuplerepeat() the tuple repeated once.
   */
  private tupleOperation(e: ast.BinOp): ConstDesc | null {
    const minor = this.options.version[1];
    const tupleOf = (x: ast.expr) => (x.type === 'Tuple' ? this.constTuple(x.elts) : x.type === 'BinOp' ? this.tupleOperation(x) : null);
    const itemsOf = (d: ConstDesc): ConstDesc[] => (d.kind === 'same' ? itemsOf(d.of) : d.kind === 'tuple' ? d.items : []);
    let items: ConstDesc[] | null = null;
    let operands: ConstDesc[] = [];
    let same: ConstDesc | null = null;
    if (e.op === 'Add') {
      const l = tupleOf(e.left);
      const r = l && tupleOf(e.right);
      if (l && r) {
        items = [...itemsOf(l), ...itemsOf(r)];
        operands = [l, r];
        if (minor >= 7 && itemsOf(r).length === 0) same = l;
        else if (minor >= 7 && itemsOf(l).length === 0) same = r;
      }
    } else if (e.op === 'Mult') {
      const tupleLeft = e.left.type === 'Tuple' || e.left.type === 'BinOp';
      const t = tupleOf(tupleLeft ? e.left : e.right);
      const nExpr = tupleLeft ? e.right : e.left;
      const n = constantOf(nExpr, minor);
      const tItems = t ? itemsOf(t) : [];
      if (t && n?.kind === 'int' && n.value >= 0n && (tItems.length === 0 || n.value <= BigInt(Math.floor(MAX_FOLDED_TUPLE / tItems.length)))) {
        items = Array.from({ length: Number(n.value) }, () => tItems).flat();
        operands = tupleLeft ? [t, this.foldedItem(nExpr)!] : [this.foldedItem(nExpr)!, t];
        if (n.value === 1n) same = t;
      }
    }
    if (!items || items.length === 0 || (minor < 7 && items.length > PEEPHOLE_MAX_SEQUENCE)) return null;
    if (minor >= 7) return same ? { kind: 'same', of: same } : { kind: 'tuple', items, folded: true };
    return same ? { kind: 'same', of: same, unique: true, operands } : { kind: 'tuple', items, folded: true, unique: true, operands };
  }

  private sequence(elts: ast.expr[], kind: 'tuple' | 'list' | 'set', node: ast.Located): void {
    const hasStar = elts.some((x) => x.type === 'Starred');
    const ctx = (node as ast.Tuple).ctx;
    if (ctx && ctx !== 'Load') this.error('internal: store context in expression', node);
    if (!hasStar) {
      const consts = elts.length > 0 ? this.constTuple(elts) : null;
      if (kind === 'tuple' && consts) {
        this.emit(Op.LOAD_CONST, this.addFolded(consts));
        return;
      }
      if (kind !== 'tuple' && consts && elts.length >= 3 && this.options.version[1] >= 9) {
        // 3.9+: BUILD_LIST 0; LOAD_CONST (tuple); LIST_EXTEND 1 (and the set equivalent).
        this.emit(kind === 'list' ? Op.BUILD_LIST : Op.BUILD_SET, 0);
        this.emit(Op.LOAD_CONST, this.addConst(kind === 'set' && consts.kind === 'tuple' ? { kind: 'frozenset', items: consts.items } : consts));
        this.emit(kind === 'list' ? Op.LIST_EXTEND : Op.SET_UPDATE, 1);
        return;
      }
      for (const x of elts) this.expr(x);
      this.setLoc(node);
      this.emit(kind === 'tuple' ? Op.BUILD_TUPLE : kind === 'list' ? Op.BUILD_LIST : Op.BUILD_SET, elts.length);
      return;
    }
    if (this.unpackOpcodes) {
      // 3.6–3.8: runs of plain items become tuples (sets), one BUILD_*_UNPACK joins them.
      const runs = this.starredRuns(elts, 0, kind === 'set' ? Op.BUILD_SET : Op.BUILD_TUPLE);
      this.setLoc(node);
      this.emit(kind === 'tuple' ? Op.BUILD_TUPLE_UNPACK : kind === 'list' ? Op.BUILD_LIST_UNPACK : Op.BUILD_SET_UNPACK, runs);
      return;
    }
    this.starUnpack(elts, 0, kind === 'set' ? 'set' : 'list');
    this.setLoc(node);
    if (kind === 'tuple') this.emit(Op.LIST_TO_TUPLE);
  }

  /** Up to 3.8 starred displays and calls compile to `BUILD_*_UNPACK` instructions. */
  private get unpackOpcodes(): boolean {
    return this.options.version[1] < 9;
  }

  /**
   * `starunpack_helper` of 3.9+, for items of which one is starred: the plain
   * items before the first star and `pushed` values already on the stack are
   * built into one list (set), the rest appended or extended one by one.
   */
  private starUnpack(elts: ast.expr[], pushed: number, kind: 'list' | 'set'): void {
    const build = kind === 'set' ? Op.BUILD_SET : Op.BUILD_LIST;
    let built = false;
    elts.forEach((x, i) => {
      if (x.type === 'Starred') {
        if (!built) this.emit(build, i + pushed);
        built = true;
        this.expr(x.value);
        this.emit(kind === 'set' ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
      } else {
        this.expr(x);
        if (built) this.emit(kind === 'set' ? Op.SET_ADD : Op.LIST_APPEND, 1);
      }
    });
  }

  /**
   * `starunpack_helper` and `compiler_call_helper` of 3.6–3.8: each run of
   * plain items (with `pushed` values already on the stack in the first run)
   * becomes one `inner` sequence — a constant tuple when the peephole
   * optimizer folds it — and each starred value is pushed as it is. Returns
   * how many sequences are on the stack.
   */
  private starredRuns(elts: ast.expr[], pushed: number, inner: Op.BUILD_TUPLE | Op.BUILD_SET): number {
    let sequences = 0;
    let run: ast.expr[] = [];
    let seen = pushed;
    const flush = () => {
      if (seen === 0) return;
      const consts = inner === Op.BUILD_TUPLE && seen === run.length ? this.constTuple(run) : null;
      if (consts) {
        this.emit(Op.LOAD_CONST, this.addFolded(consts));
      } else {
        for (const x of run) this.expr(x);
        this.emit(inner, seen);
      }
      sequences++;
      run = [];
      seen = 0;
    };
    for (const x of elts) {
      if (x.type === 'Starred') {
        flush();
        this.expr(x.value);
        sequences++;
      } else {
        run.push(x);
        seen++;
      }
    }
    flush();
    return sequences;
  }

  /** `compiler_subkwargs`: named keyword arguments as one dict (`BUILD_CONST_KEY_MAP` for two or more). */
  private subKwargs(kws: ast.keyword[]): void {
    if (kws.length > 1) {
      for (const k of kws) this.expr(k.value);
      const keys: ConstDesc = { kind: 'tuple', items: kws.map((k) => ({ kind: 'value', value: { kind: 'str', value: k.arg! } })), folded: true };
      this.emit(Op.LOAD_CONST, this.addConst(keys));
      this.emit(Op.BUILD_CONST_KEY_MAP, kws.length);
      return;
    }
    this.loadConstValue({ kind: 'str', value: kws[0]!.arg! });
    this.expr(kws[0]!.value);
    this.emit(Op.BUILD_MAP, 1);
  }

  private dict(e: ast.Dict): void {
    const n = e.keys.length;
    if (!e.keys.some((k) => k === null)) {
      if (n > 0 && e.keys.every((k) => k!.type === 'Constant') && n > 1) {
        for (const v of e.values) this.expr(v);
        this.emit(Op.LOAD_CONST, this.addConst(this.constTuple(e.keys as ast.expr[])!));
        this.setLoc(e);
        this.emit(Op.BUILD_CONST_KEY_MAP, n);
        return;
      }
      for (let i = 0; i < n; i++) {
        this.expr(e.keys[i]!);
        this.expr(e.values[i]!);
      }
      this.setLoc(e);
      this.emit(Op.BUILD_MAP, n);
      return;
    }
    this.emit(Op.BUILD_MAP, 0);
    for (let i = 0; i < n; i++) {
      const k = e.keys[i];
      if (k === null) {
        this.expr(e.values[i]!);
        this.emit(Op.DICT_UPDATE, 1);
      } else {
        this.expr(k!);
        this.expr(e.values[i]!);
        this.emit(Op.BUILD_MAP, 1);
        this.emit(Op.DICT_UPDATE, 1);
      }
    }
  }

  private comprehension(e: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp): void {
    const scope = this.scopeOf.get(e)!;
    if (scope.inlined) return this.inlineComprehension(e as ast.ListComp | ast.SetComp | ast.DictComp, scope);
    const name = e.type === 'ListComp' ? '<listcomp>' : e.type === 'SetComp' ? '<setcomp>' : e.type === 'DictComp' ? '<dictcomp>' : '<genexpr>';
    const qualname = this.childQualname(name);
    this.enter(scope, qualname);
    this.varIndex('.0');
    if (e.type !== 'GeneratorExp') this.emit(e.type === 'ListComp' ? Op.BUILD_LIST : e.type === 'SetComp' ? Op.BUILD_SET : Op.BUILD_MAP, 0);
    this.comprehensionLoop(e, 0);
    if (e.type === 'GeneratorExp') this.loadConstValue({ kind: 'None' });
    this.emit(Op.RETURN_VALUE);
    const unit = this.leave(e, name);
    this.makeClosure(unit, 0, e);
    this.iterable(e.generators[0]!.iter);
    this.setLoc(e);
    this.emit(Op.GET_ITER);
    this.emit(Op.CALL, 1);
  }

  /**
   * A list, set or dict comprehension in the code that uses it (3.12+, PEP
   * 709; Python/compile.c compiler_comprehension() with
   * push_inlined_comprehension_state() and pop_inlined_comprehension_state()):
   * no function and no frame; the outermost iterator stays on the stack, and
   * the comprehension's variables, fast locals of this code, have their
   * values saved on the stack before (LOAD_FAST_AND_CLEAR) and put back
   * after, also when an exception leaves the comprehension.
   */
  private inlineComprehension(e: ast.ListComp | ast.SetComp | ast.DictComp, scope: Scope): void {
    this.iterable(e.generators[0]!.iter);
    this.setLoc(e);
    this.emit(Op.GET_ITER);
    // In a class body every name of the comprehension is isolated; elsewhere its own variables.
    const inClass = this.u.scope.kind === 'class' && this.u.inlined.length === 0;
    const pushed = inClass ? [...scope.params, ...[...scope.symbols.keys()].filter((n) => !scope.params.includes(n))] : [...scope.symbols].filter(([n, sc]) => sc === 'local' && !scope.params.includes(n)).map(([n]) => n);
    this.u.inlined.push(scope);
    for (const n of pushed) this.emit(Op.LOAD_FAST_AND_CLEAR, this.varIndex(n));
    const cleanup = new Label();
    if (pushed.length) {
      this.emit(Op.SWAP, pushed.length + 1);
      // The handler keeps the stack below the iterator: the saved values, and the collection where the iterator is now.
      this.emitJump(Op.SETUP_CLEANUP, cleanup);
    }
    this.emit(e.type === 'ListComp' ? Op.BUILD_LIST : e.type === 'SetComp' ? Op.BUILD_SET : Op.BUILD_MAP, 0);
    this.emit(Op.SWAP, 2);
    this.comprehensionLoop(e, 0);
    this.u.inlined.pop();
    if (!pushed.length) return;
    this.emit(Op.POP_BLOCK);
    const restore = () => {
      this.emit(Op.SWAP, pushed.length + 1);
      for (let i = pushed.length - 1; i >= 0; i--) this.emit(Op.STORE_FAST_MAYBE_NULL, this.varIndex(pushed[i]!));
    };
    restore();
    const end = new Label();
    this.emitJump(Op.JUMP, end);
    this.bind(cleanup);
    // The exception on top of the collection: drop the collection, put the saved values back, re-raise.
    this.emit(Op.SWAP, 2);
    this.emit(Op.POP_TOP);
    restore();
    this.emit(Op.RERAISE);
    this.bind(end);
  }

  private comprehensionLoop(e: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp, i: number): void {
    const g = e.generators[i]!;
    const top = new Label();
    const end = new Label();
    // The outermost iterator: the `.0` argument, or (inlined) already on the stack.
    if (i === 0) {
      if (!this.scopeOf.get(e)!.inlined) this.emit(Op.LOAD_FAST, 0);
    } else {
      this.iterable(g.iter);
      this.emit(Op.GET_ITER);
    }
    this.bind(top);
    this.emitJump(Op.FOR_ITER, end);
    this.assignTarget(g.target);
    for (const cond of g.ifs) this.jumpIf(cond, false, top);
    if (i + 1 < e.generators.length) this.comprehensionLoop(e, i + 1);
    else {
      // The collection sits below the iterators of every loop level.
      const depth = e.generators.length + 1;
      switch (e.type) {
        case 'ListComp':
          this.expr(e.elt);
          this.emit(Op.LIST_APPEND, depth);
          break;
        case 'SetComp':
          this.expr(e.elt);
          this.emit(Op.SET_ADD, depth);
          break;
        case 'DictComp':
          this.expr(e.key);
          this.expr(e.value);
          this.emit(Op.MAP_ADD, depth);
          break;
        case 'GeneratorExp':
          this.expr(e.elt);
          this.emit(Op.YIELD_VALUE);
          this.emit(Op.POP_TOP);
          break;
      }
    }
    this.emitJump(Op.JUMP, top);
    this.bind(end);
  }

  /** Positional and keyword arguments after the callable (and `extra` already pushed). */
  private callArgs(args: ast.expr[], keywords: ast.keyword[], extra: number, node: ast.Located, method = false, callee = -1, plainStatement = false): void {
    const anchorKind = plainStatement ? AnchorKind.PlainCallStatement : callee >= 0 ? AnchorKind.Call : AnchorKind.None;
    const starred = args.some((a) => a.type === 'Starred') || keywords.some((k) => k.arg === null);
    if (!starred) {
      for (const a of args) this.expr(a);
      for (const k of keywords) this.expr(k.value);
      this.setLoc(node);
      const n = extra + args.length + keywords.length;
      if (keywords.length) {
        const names: ConstDesc = { kind: 'tuple', items: keywords.map((k) => ({ kind: 'value', value: { kind: 'str', value: k.arg! } })), folded: true };
        this.emit(Op.LOAD_CONST, this.addConst(names));
        this.emit(method ? Op.CALL_METHOD_KW : Op.CALL_KW, n, anchorKind, callee);
      } else this.emit(method ? Op.CALL_METHOD : Op.CALL, n, anchorKind, callee);
      return;
    }
    if (method) throw new Error('internal: starred method call');
    // compiler_call_helper: the positional arguments as one sequence, the keywords as one dict.
    if (this.unpackOpcodes) {
      const runs = this.starredRuns(args, extra, Op.BUILD_TUPLE);
      if (runs > 1) this.emit(Op.BUILD_TUPLE_UNPACK_WITH_CALL, runs);
      else if (runs === 0) this.emit(Op.BUILD_TUPLE, 0);
      // Each group is one mapping on the stack; BUILD_MAP_UNPACK_WITH_CALL joins several.
      const groups = keywordGroups(keywords);
      for (const g of groups) {
        if (Array.isArray(g)) this.subKwargs(g);
        else this.expr(g);
      }
      if (groups.length > 1) this.emit(Op.BUILD_MAP_UNPACK_WITH_CALL, groups.length);
    } else {
      if (extra === 0 && args.length === 1 && args[0]!.type === 'Starred') this.expr(args[0]!.value);
      else if (args.some((a) => a.type === 'Starred')) {
        this.starUnpack(args, extra, 'list');
        this.emit(Op.LIST_TO_TUPLE);
      } else {
        const consts = extra === 0 && args.length > 0 ? this.constTuple(args) : null;
        if (consts) {
          this.emit(Op.LOAD_CONST, this.addFolded(consts));
        } else {
          for (const a of args) this.expr(a);
          this.emit(Op.BUILD_TUPLE, extra + args.length);
        }
      }
      // The first group makes the dict (a `**` group starts from an empty one), the others merge into it.
      let haveDict = false;
      for (const g of keywordGroups(keywords)) {
        if (Array.isArray(g)) {
          this.subKwargs(g);
          if (haveDict) this.emit(Op.DICT_MERGE, 1);
        } else {
          if (!haveDict) this.emit(Op.BUILD_MAP, 0);
          this.expr(g);
          this.emit(Op.DICT_MERGE, 1);
        }
        haveDict = true;
      }
    }
    this.setLoc(node);
    this.emit(Op.CALL_FUNCTION_EX, keywords.length ? 1 : 0, anchorKind, callee);
  }

  private call(e: ast.Call): void {
    const f = e.func;
    const simple = !e.args.some((a) => a.type === 'Starred') && !e.keywords.some((k) => k.arg === null);
    // maybe_optimize_method_call(): up to 3.10 a call with keyword arguments loads a bound method (LOAD_ATTR); 3.11 added KW_NAMES.
    if (this.methodCalls && f.type === 'Attribute' && simple && (e.keywords.length === 0 || this.options.version[1] >= 11)) {
      this.expr(f.value);
      this.setLoc(f);
      this.emit(Op.LOAD_METHOD, this.addName(f.attr));
      this.callArgs(e.args, e.keywords, 0, e, true, f.end_col_offset);
      return;
    }
    const nullFirst = this.options.version[1] < 13;
    if (nullFirst) this.pushNull();
    this.expr(f);
    if (!nullFirst) this.pushNull();
    this.callArgs(e.args, e.keywords, 0, e, false, f.end_col_offset, e === this.plainCallStatement);
    this.u.nullCalls.add(this.u.instrs.length - 1);
  }

  /** Where CPython 3.11+ emits `PUSH_NULL` for a plain call (compiler_call()); pymem has no such instruction. */
  private pushNull(): void {
    const pc = this.u.instrs.length;
    this.u.nullStarts.set(pc, (this.u.nullStarts.get(pc) ?? 0) + 1);
  }
}

/** `MAX_INT_SIZE`, `MAX_STR_SIZE` of Python/ast_opt.c (3.7+). */
const MAX_INT_BITS = 128;
const MAX_STR_SIZE = 4096;
/** `MAX_COLLECTION_SIZE` of Python/ast_opt.c (3.7+): the longest tuple `*` folds to. */
const MAX_FOLDED_TUPLE = 256;
/** Peephole.c (3.6) does not keep folded sequences longer than this. */
const PEEPHOLE_MAX_SEQUENCE = 20;

function bitLength(v: bigint): number {
  return (v < 0n ? -v : v).toString(2).replace(/^0$/, '').length;
}

/** The type name of what `e` folds to when that is a constant other than the named singletons (compile.c check_is_arg). */
function literalType(e: ast.expr, minor: number): string | null {
  if (e.type === 'Tuple') return e.elts.every((x) => x.type !== 'Starred' && (constantOf(x, minor) || x.type === 'Tuple' && literalType(x, minor))) ? 'tuple' : null;
  const v = constantOf(e, minor);
  if (!v || v.kind === 'None' || v.kind === 'Ellipsis' || v.kind === 'bool') return null;
  return v.kind;
}

/** The constant value of a (possibly folded) operand. */
function constantOf(e: ast.expr, minor: number): ast.ConstantValue | null {
  if (e.type === 'Constant') return e.value;
  if (e.type === 'BinOp' || e.type === 'UnaryOp' || e.type === 'Subscript') return foldConstant(e, minor)?.value ?? null;
  return null;
}

/**
 * `e` as one constant when its operands are constants: ast_opt.c's fold_binop(),
 * fold_unaryop() (`-`, `+`, `~` on numbers) and fold_subscr() (a str or bytes
 * constant indexed by an int constant), bottom-up, so `-(-5)` and `"abc"[1]`
 * fold; 3.6's peephole folds the same operations.
 */
function foldConstant(e: ast.BinOp | ast.UnaryOp | ast.Subscript, minor: number): ast.Constant | null {
  if (e.type === 'BinOp') return foldBinOp(e, minor);
  let value: ast.ConstantValue | null = null;
  if (e.type === 'UnaryOp') {
    const v = constantOf(e.operand, minor);
    const n = v?.kind === 'bool' ? BigInt(v.value) : v?.kind === 'int' ? v.value : null;
    if (e.op === 'USub' || e.op === 'UAdd') {
      if (n !== null) value = { kind: 'int', value: e.op === 'USub' ? -n : n };
      else if (v?.kind === 'float') value = { kind: 'float', value: e.op === 'USub' ? -v.value : v.value };
    } else if (e.op === 'Invert' && v?.kind === 'int') value = { kind: 'int', value: ~v.value };
  } else {
    const v = constantOf(e.value, minor);
    const i = constantOf(e.slice, minor);
    if (v && i?.kind === 'int' && (v.kind === 'str' || v.kind === 'bytes')) {
      const items = v.kind === 'str' ? Array.from(v.value) : v.value;
      const n = BigInt(items.length);
      const at = i.value < 0n ? i.value + n : i.value;
      if (at >= 0n && at < n) value = v.kind === 'str' ? { kind: 'str', value: items[Number(at)] as string } : { kind: 'int', value: BigInt(items[Number(at)] as number) };
    }
  }
  return value && { type: 'Constant', value, kind: null, lineno: e.lineno, col_offset: e.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}

/**
 * The operand a folded operation returns unchanged, or null when its result is
 * a new object: float_pos() and long_pos() return an exact float or int (not a
 * bool) itself; PyUnicode_Concat() returns one side when the other is the empty
 * string (bytes_concat() with b''), and unicode_repeat() (bytes_repeat()) the
 * string repeated once. `e` must fold.
 */
function sameOperand(e: ast.BinOp | ast.UnaryOp | ast.Subscript, minor: number): ast.expr | null {
  if (e.type === 'UnaryOp') {
    const v = constantOf(e.operand, minor);
    return e.op === 'UAdd' && (v?.kind === 'int' || v?.kind === 'float') ? e.operand : null;
  }
  if (e.type !== 'BinOp') return null;
  const l = constantOf(e.left, minor);
  const r = constantOf(e.right, minor);
  if (!l || !r) return null;
  if (isSeq(l) && isSeq(r) && l.kind === r.kind && e.op === 'Add') return l.value.length === 0 ? e.right : r.value.length === 0 ? e.left : null;
  if (e.op === 'Mult' && isSeq(l) && intOf(r) === 1n) return e.left;
  if (e.op === 'Mult' && isSeq(r) && intOf(l) === 1n) return e.right;
  return null;
}

/** A str or bytes constant: a sequence the folding operations concatenate and repeat. */
function isSeq(v: ast.ConstantValue): v is ast.ConstantValue & { kind: 'str' | 'bytes' } {
  return v.kind === 'str' || v.kind === 'bytes';
}

/** The integer value of an int or bool constant (bool is an int subclass: PyLong_Check()), or null. */
function intOf(v: ast.ConstantValue): bigint | null {
  return v.kind === 'int' ? v.value : v.kind === 'bool' ? BigInt(v.value) : null;
}

/**
 * Mirrors Python/ast_opt.c fold_binop() (3.7+) and peephole.c
 * fold_binops_on_constants() (3.6) for ints, floats, strings and bytes: a binary
 * operation on constants becomes one constant, unless the result would be
 * too large or the operation raises.
 */
function foldBinOp(e: ast.BinOp, minor: number): ast.Constant | null {
  const l = constantOf(e.left, minor);
  const r = constantOf(e.right, minor);
  if (!l || !r) return null;
  let value: ast.ConstantValue | null = null;
  const num = (v: ast.ConstantValue) => (v.kind === 'int' ? v.value : v.kind === 'float' ? v.value : v.kind === 'bool' ? BigInt(v.value) : null);
  const li = intOf(l);
  const ri = intOf(r);
  if (isSeq(l) && isSeq(r) && l.kind === r.kind && e.op === 'Add') {
    value = l.kind === 'str' ? { kind: 'str', value: l.value + (r.value as string) } : { kind: 'bytes', value: new Uint8Array([...l.value, ...(r.value as Uint8Array)]) };
  } else if ((isSeq(l) && ri !== null) || (li !== null && isSeq(r))) {
    if (e.op !== 'Mult') return null;
    const [seq, n] = isSeq(l) ? [l, ri!] : [r as ast.ConstantValue & { kind: 'str' | 'bytes' }, li!];
    // safe_multiply(): a negative count is not folded (3.6's peephole leaves it too).
    if (n < 0n || (seq.value.length > 0 && n > BigInt(Math.floor(MAX_STR_SIZE / seq.value.length)))) return null;
    const count = Number(n);
    value = seq.kind === 'str' ? { kind: 'str', value: seq.value.repeat(count) } : { kind: 'bytes', value: new Uint8Array(Array.from({ length: count }, () => [...seq.value]).flat()) };
  } else if (l.kind === 'bool' && r.kind === 'bool' && (e.op === 'BitAnd' || e.op === 'BitOr' || e.op === 'BitXor')) {
    // bool_and(), bool_or(), bool_xor(): two bools give a bool.
    value = { kind: 'bool', value: e.op === 'BitAnd' ? l.value && r.value : e.op === 'BitOr' ? l.value || r.value : l.value !== r.value };
  } else if (li !== null && ri !== null) {
    const x = li;
    const y = ri;
    switch (e.op) {
      case 'Add': value = { kind: 'int', value: x + y }; break;
      case 'Sub': value = { kind: 'int', value: x - y }; break;
      case 'Mult':
        if (x !== 0n && y !== 0n && bitLength(x) + bitLength(y) > MAX_INT_BITS) return null;
        value = { kind: 'int', value: x * y };
        break;
      case 'FloorDiv':
        if (y === 0n) return null;
        value = { kind: 'int', value: x / y - ((x % y !== 0n && (x < 0n) !== (y < 0n)) ? 1n : 0n) };
        break;
      case 'Mod':
        if (y === 0n) return null;
        value = { kind: 'int', value: ((x % y) + y) % y };
        break;
      case 'Pow':
        if (y < 0n) return null;
        if (x !== 0n && y > 0n && bitLength(x) * Number(y) > MAX_INT_BITS) return null;
        value = { kind: 'int', value: x ** y };
        break;
      case 'LShift':
        if (y < 0n || (x !== 0n && bitLength(x) + Number(y) > MAX_INT_BITS)) return null;
        value = { kind: 'int', value: x << y };
        break;
      case 'RShift':
        if (y < 0n) return null;
        value = { kind: 'int', value: x >> y };
        break;
      case 'BitAnd': value = { kind: 'int', value: x & y }; break;
      case 'BitOr': value = { kind: 'int', value: x | y }; break;
      case 'BitXor': value = { kind: 'int', value: x ^ y }; break;
      default: return null;
    }
  } else if ((l.kind === 'float' || r.kind === 'float') && num(l) !== null && num(r) !== null) {
    const x = Number(num(l));
    const y = Number(num(r));
    switch (e.op) {
      case 'Add': value = { kind: 'float', value: x + y }; break;
      case 'Sub': value = { kind: 'float', value: x - y }; break;
      case 'Mult': value = { kind: 'float', value: x * y }; break;
      default: return null;
    }
  } else return null;
  if (minor < 7 && (value.kind === 'str' || value.kind === 'bytes') && value.value.length > PEEPHOLE_MAX_SEQUENCE) return null;
  return { type: 'Constant', value, kind: null, lineno: e.lineno, col_offset: e.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
}

function describeExpr(e: ast.expr): string {
  switch (e.type) {
    case 'Constant':
      return 'literal';
    case 'Call':
      return 'function call';
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'BoolOp':
      return 'expression';
    case 'Compare':
      return 'comparison';
    case 'Lambda':
      return 'lambda';
    case 'IfExp':
      return 'conditional expression';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'ListComp':
      return 'list comprehension';
    case 'GeneratorExp':
      return 'generator expression';
    case 'JoinedStr':
      return 'f-string expression';
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression';
    default:
      return 'expression';
  }
}
