/**
 * Lezer tree → CPython AST. Walks the concrete tree that `@lezer/python` builds
 * and produces the nodes of `./ast`, as CPython 3.12's `Parser/action_helpers.c`
 * would for the same source. The tree is assumed free of error nodes (see
 * `./diagnose` for those); what Lezer accepts but CPython's grammar does not is
 * reported here as a {@link PySyntaxError}.
 */

import type { SyntaxNode } from '@lezer/common';
import type * as A from './ast';
import { PySyntaxError, UnsupportedSyntax } from './errors';
import { decodeNumber, decodeStringBody, LiteralError, stringPrefix, toBytes } from './literals';
import type { Source } from './source';
import { toTarget, exprName } from './targets';
import type { Messages } from './messages';

/** Expression nesting (in tree levels) beyond which we stop, as CPython's parser does. */
export const MAX_NESTING = 3000;

type Pos = A.Located;

const BINOPS: Record<string, A.Operator> = {
  '+': 'Add', '-': 'Sub', '*': 'Mult', '@': 'MatMult', '/': 'Div', '%': 'Mod', '**': 'Pow',
  '<<': 'LShift', '>>': 'RShift', '|': 'BitOr', '^': 'BitXor', '&': 'BitAnd', '//': 'FloorDiv',
};
const CMPOPS: Record<string, A.CmpOperator> = {
  '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE',
  is: 'Is', 'is not': 'IsNot', in: 'In', 'not in': 'NotIn',
};
const EXPR_TOKENS = new Set([',', '(', ')', '[', ']', '{', '}', ':', '*', '**', 'for', 'async', 'in', 'if', 'AssignOp']);

/** Converts one parse; holds the source for positions and error messages. */
export class Converter {
  private depth = 0;

  constructor(
    private readonly src: Source,
    /** The version's message table. */
    readonly messages: Messages,
  ) {}

  // -- positions and errors ---------------------------------------------------

  /** The Located span of UTF-16 range [from, to). */
  loc(from: number, to: number): Pos {
    const l1 = this.src.line(from);
    const l2 = to === from ? l1 : this.src.line(to);
    return { lineno: l1, col_offset: this.src.byteCol(from, l1), end_lineno: l2, end_col_offset: this.src.byteCol(to, l2) };
  }

  private span(a: Pos, b: Pos): Pos {
    return { lineno: a.lineno, col_offset: a.col_offset, end_lineno: b.end_lineno, end_col_offset: b.end_col_offset };
  }

  /** A SyntaxError over UTF-16 range [from, to). */
  error(msg: string, from: number, to = from): PySyntaxError {
    const line = this.src.line(from);
    const eline = this.src.line(to);
    return new PySyntaxError(
      msg, this.src.filename, line, this.src.charCol(from, line) + 1, this.src.lineText(line),
      eline, this.src.charCol(to, eline) + 1,
    );
  }

  private unsupported(construct: string, at: number): UnsupportedSyntax {
    return new UnsupportedSyntax(construct, this.src.line(at));
  }

  private text(n: SyntaxNode): string {
    return this.src.text.slice(n.from, n.to);
  }

  /** Children of `n`, without comments. */
  kids(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
    return out;
  }

  // -- module and statements ---------------------------------------------------

  /** Converts the `Script` node. */
  module(top: SyntaxNode): A.Module {
    return { type: 'Module', body: this.statements(this.kids(top)) };
  }

  private statements(nodes: SyntaxNode[]): A.stmt[] {
    const out: A.stmt[] = [];
    for (const n of nodes) {
      if (n.name === ':') continue;
      if (n.name === 'StatementGroup') {
        for (const c of this.kids(n)) if (c.name !== ';') out.push(this.statement(c));
      } else out.push(this.statement(n));
    }
    return out;
  }

  private body(n: SyntaxNode): A.stmt[] {
    return this.statements(this.kids(n));
  }

  private endOf(start: number, body: A.stmt[]): Pos {
    const last = body[body.length - 1]!;
    const s = this.loc(start, start);
    return { lineno: s.lineno, col_offset: s.col_offset, end_lineno: last.end_lineno, end_col_offset: last.end_col_offset };
  }

  private statement(n: SyntaxNode): A.stmt {
    const k = this.kids(n);
    const pos = (): Pos => this.loc(n.from, k.length ? k[k.length - 1]!.to : n.to);
    switch (n.name) {
      case 'ExpressionStatement': {
        const value = this.exprList(k, 'Load');
        return { type: 'Expr', value, ...pos() };
      }
      case 'AssignStatement':
        return this.assign(n, k);
      case 'UpdateStatement': {
        const opIdx = k.findIndex((c) => c.name === 'UpdateOp');
        const target = this.exprList(k.slice(0, opIdx), 'Load');
        const opText = this.text(k[opIdx]!).slice(0, -1);
        const rhs = k.slice(opIdx + 1);
        const value = rhs.length === 1 && rhs[0]!.name === 'YieldExpression' ? this.expr(rhs[0]!) : this.exprList(rhs, 'Load');
        if (target.type !== 'Name' && target.type !== 'Attribute' && target.type !== 'Subscript') {
          if (!this.messages.augAssignIllegal) toTarget(target, 'Store', this);
          throw this.errorAt(`'${exprName(target)}' is an illegal expression for augmented assignment`, target);
        }
        toTarget(target, 'Store', this);
        return { type: 'AugAssign', target, op: BINOPS[opText]!, value, ...pos() };
      }
      case 'DeleteStatement': {
        const targets = this.items(k.slice(1)).items.map((e) => toTarget(e, 'Del', this));
        return { type: 'Delete', targets, ...pos() };
      }
      case 'PassStatement':
        return { type: 'Pass', ...pos() };
      case 'BreakStatement':
        return { type: 'Break', ...pos() };
      case 'ContinueStatement':
        return { type: 'Continue', ...pos() };
      case 'ReturnStatement':
        return { type: 'Return', value: k.length > 1 ? this.exprList(k.slice(1), 'Load') : null, ...pos() };
      case 'YieldStatement':
        return { type: 'Expr', value: this.yieldExpr(n), ...pos() };
      case 'PrintStatement':
        throw this.error("Missing parentheses in call to 'print'. Did you mean print(...)?", n.from, k[k.length - 1]!.to);
      case 'RaiseStatement': {
        if (k.some((c) => c.name === ',')) throw this.error('invalid syntax', k.find((c) => c.name === ',')!.from, k.find((c) => c.name === ',')!.to);
        const fromIdx = k.findIndex((c) => c.name === 'from');
        return {
          type: 'Raise',
          exc: k.length > 1 ? this.expr(k[1]!) : null,
          cause: fromIdx >= 0 ? this.expr(k[fromIdx + 1]!) : null,
          ...pos(),
        };
      }
      case 'ImportStatement':
        return this.importStmt(n, k);
      case 'ScopeStatement': {
        const names = k.filter((c) => c.name === 'VariableName').map((c) => this.text(c));
        return k[0]!.name === 'global' ? { type: 'Global', names, ...pos() } : { type: 'Nonlocal', names, ...pos() };
      }
      case 'AssertStatement': {
        const { items } = this.items(k.slice(1));
        if (items.length > 2) throw this.error('invalid syntax', k[4]!.from, k[4]!.to);
        return { type: 'Assert', test: items[0]!, msg: items[1] ?? null, ...pos() };
      }
      case 'TypeDefinition':
        throw this.unsupported("the 'type' alias statement", n.from);
      case 'MatchStatement':
        throw this.unsupported("the 'match' statement", n.from);
      case 'IfStatement':
        return this.ifStmt(k);
      case 'WhileStatement': {
        const body = this.body(k[2]!);
        const orelse = k[4] ? this.body(k[4]) : [];
        return { type: 'While', test: this.expr(k[1]!), body, orelse, ...this.endOf(n.from, orelse.length ? orelse : body) };
      }
      case 'ForStatement':
        return this.forStmt(n, k);
      case 'TryStatement':
        return this.tryStmt(n, k);
      case 'WithStatement':
        return this.withStmt(n, k);
      case 'FunctionDefinition':
        return this.funcDef(n, k, []);
      case 'ClassDefinition':
        return this.classDef(n, k, []);
      case 'DecoratedStatement': {
        const decorators = k.filter((c) => c.name === 'Decorator').map((d) => this.decorator(d));
        const def = k[k.length - 1]!;
        return def.name === 'ClassDefinition'
          ? this.classDef(def, this.kids(def), decorators)
          : this.funcDef(def, this.kids(def), decorators);
      }
      default:
        throw this.error('invalid syntax', n.from, n.to);
    }
  }

  /** A SyntaxError located at an AST node. */
  errorAt(msg: string, node: Pos): PySyntaxError {
    const text = this.src.lineText(node.lineno);
    return new PySyntaxError(
      msg, this.src.filename, node.lineno, this.charColOfByte(node.lineno, node.col_offset) + 1, text,
      node.end_lineno, this.charColOfByte(node.end_lineno, node.end_col_offset) + 1,
    );
  }

  private charColOfByte(line: number, byteCol: number): number {
    const t = this.src.lineText(line);
    let bytes = 0;
    let chars = 0;
    for (const ch of t) {
      if (bytes >= byteCol) break;
      const cp = ch.codePointAt(0)!;
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      chars++;
    }
    return chars;
  }

  private assign(n: SyntaxNode, k: SyntaxNode[]): A.stmt {
    const end = k[k.length - 1]!.to;
    const groups: SyntaxNode[][] = [[]];
    let ann: SyntaxNode | null = null;
    for (const c of k) {
      if (c.name === 'AssignOp') groups.push([]);
      else if (c.name === 'TypeDef') ann = c;
      else groups[groups.length - 1]!.push(c);
    }
    const conv = (g: SyntaxNode[]): A.expr =>
      g.length === 1 && g[0]!.name === 'YieldExpression' ? this.expr(g[0]!) : this.exprList(g, 'Load');
    if (ann) {
      const annK = this.kids(ann);
      const annotation = this.expr(annK[annK.length - 1]!);
      const tg = groups[0]!;
      if (tg.some((c) => c.name === ',')) throw this.error('only single target (not tuple) can be annotated', tg[0]!.from, tg[tg.length - 1]!.to);
      if (groups.length > 2) throw this.error('invalid syntax', k.filter((c) => c.name === 'AssignOp')[1]!.from);
      const target = this.expr(tg[0]!);
      if (target.type === 'Tuple' || target.type === 'List') {
        throw this.errorAt(`only single target (not ${target.type.toLowerCase()}) can be annotated`, target);
      }
      if (target.type !== 'Name' && target.type !== 'Attribute' && target.type !== 'Subscript') {
        throw this.errorAt('illegal target for annotation', target);
      }
      toTarget(target, 'Store', this);
      return {
        type: 'AnnAssign', target, annotation, value: groups[1] ? conv(groups[1]) : null,
        simple: target.type === 'Name' && tg[0]!.name === 'VariableName' ? 1 : 0, ...this.loc(n.from, end),
      };
    }
    const value = conv(groups[groups.length - 1]!);
    const targets = groups.slice(0, -1).map((g, i) => {
      const t = conv(g);
      const isSingle = i === groups.length - 2 && groups.length === 2;
      return toTarget(t, 'Store', this, { parenthesizedGroup: g.length === 1 && g[0]!.name !== 'VariableName' && g[0]!.name !== 'MemberExpression', hereHint: isSingle });
    });
    return { type: 'Assign', targets, value, ...this.loc(n.from, end) };
  }

  private importStmt(n: SyntaxNode, k: SyntaxNode[]): A.stmt {
    const end = k[k.length - 1]!.to;
    const aliases = (nodes: SyntaxNode[]): A.alias[] => {
      const out: A.alias[] = [];
      let i = 0;
      while (i < nodes.length) {
        const c = nodes[i]!;
        if (c.name === ',' || c.name === '(' || c.name === ')') { i++; continue; }
        if (c.name === '*') { out.push({ type: 'alias', name: '*', asname: null, ...this.loc(c.from, c.to) }); i++; continue; }
        const start = c.from;
        let name = this.text(c);
        let last = c;
        i++;
        while (nodes[i]?.name === '.') { last = nodes[i + 1]!; name += '.' + this.text(last); i += 2; }
        let asname: string | null = null;
        if (nodes[i]?.name === 'as') { last = nodes[i + 1]!; asname = this.text(last); i += 2; }
        out.push({ type: 'alias', name, asname, ...this.loc(start, last.to) });
      }
      return out;
    };
    if (k[0]!.name === 'import') return { type: 'Import', names: aliases(k.slice(1)), ...this.loc(n.from, end) };
    const impIdx = k.findIndex((c) => c.name === 'import');
    let level = 0;
    const mod: string[] = [];
    for (const c of k.slice(1, impIdx)) {
      if (c.name === '.') level += mod.length ? 0 : 1;
      else if (c.name === 'Ellipsis') level += 3;
      else mod.push(this.text(c));
    }
    const names = aliases(k.slice(impIdx + 1));
    return { type: 'ImportFrom', module: mod.length ? mod.join('.') : null, names, level, ...this.loc(n.from, end) };
  }

  private ifStmt(k: SyntaxNode[]): A.If {
    // k: if test Body (elif test Body)* (else Body)?
    const clauses: { start: number; test: SyntaxNode; body: SyntaxNode }[] = [];
    let orelse: A.stmt[] = [];
    for (let i = 0; i < k.length; ) {
      const kw = k[i]!.name;
      if (kw === 'if' || kw === 'elif') {
        clauses.push({ start: k[i]!.from, test: k[i + 1]!, body: k[i + 2]! });
        i += 3;
      } else {
        orelse = this.body(k[i + 1]!);
        i += 2;
      }
    }
    let result: A.If | null = null;
    for (let j = clauses.length - 1; j >= 0; j--) {
      const c = clauses[j]!;
      const body = this.body(c.body);
      const tail: A.stmt[] = result ? [result] : orelse;
      result = { type: 'If', test: this.expr(c.test), body, orelse: tail, ...this.endOf(c.start, tail.length ? tail : body) };
    }
    return result!;
  }

  private forStmt(n: SyntaxNode, k: SyntaxNode[]): A.For {
    if (k[0]!.name === 'async') throw this.unsupported("'async for'", n.from);
    const inIdx = k.findIndex((c) => c.name === 'in');
    const bodyIdx = k.findIndex((c) => c.name === 'Body');
    const target = toTarget(this.exprList(k.slice(1, inIdx), 'Load'), 'Store', this);
    const iter = this.exprList(k.slice(inIdx + 1, bodyIdx), 'Load');
    const body = this.body(k[bodyIdx]!);
    const orelse = k[bodyIdx + 2] ? this.body(k[bodyIdx + 2]!) : [];
    return { type: 'For', target, iter, body, orelse, ...this.endOf(n.from, orelse.length ? orelse : body) };
  }

  private tryStmt(n: SyntaxNode, k: SyntaxNode[]): A.Try {
    const body = this.body(k[1]!);
    const handlers: A.ExceptHandler[] = [];
    let orelse: A.stmt[] = [];
    let finalbody: A.stmt[] = [];
    let i = 2;
    while (i < k.length) {
      const kw = k[i]!;
      if (kw.name === 'except') {
        let j = i + 1;
        if (k[j]!.name === '*') throw this.unsupported("'except*'", kw.from);
        let excType: A.expr | null = null;
        let name: string | null = null;
        if (k[j]!.name !== 'Body') {
          excType = this.expr(k[j]!);
          j++;
          if (k[j]!.name === ',') throw this.error('multiple exception types must be parenthesized', k[i + 1]!.from, k[j + 1]!.to);
          if (k[j]!.name === 'as') { name = this.text(k[j + 1]!); j += 2; }
        }
        if (handlers.length && handlers[handlers.length - 1]!.exc_type === null) {
          throw this.error("default 'except:' must be last", k.find((c) => c.name === 'except')!.from);
        }
        const hbody = this.body(k[j]!);
        handlers.push({ type: 'ExceptHandler', exc_type: excType, name, body: hbody, ...this.endOf(kw.from, hbody) });
        i = j + 1;
      } else if (kw.name === 'else') {
        orelse = this.body(k[i + 1]!);
        i += 2;
      } else {
        finalbody = this.body(k[i + 1]!);
        i += 2;
      }
    }
    if (!handlers.length && !finalbody.length) {
      throw this.error("expected 'except' or 'finally' block", k[k.length - 1]!.to);
    }
    const last = finalbody.length ? finalbody : orelse.length ? orelse : handlers.length ? handlers[handlers.length - 1]!.body : body;
    return { type: 'Try', body, handlers, orelse, finalbody, ...this.endOf(n.from, last) };
  }

  private withStmt(n: SyntaxNode, k: SyntaxNode[]): A.With {
    if (k[0]!.name === 'async') throw this.unsupported("'async with'", n.from);
    const items: A.withitem[] = [];
    let i = 1;
    while (k[i]!.name !== 'Body') {
      if (k[i]!.name === ',') { i++; continue; }
      const context_expr = this.expr(k[i]!);
      let optional_vars: A.expr | null = null;
      i++;
      if (k[i]!.name === 'as') {
        optional_vars = toTarget(this.expr(k[i + 1]!), 'Store', this);
        i += 2;
      }
      items.push({ type: 'withitem', context_expr, optional_vars });
    }
    const body = this.body(k[i]!);
    return { type: 'With', items, body, ...this.endOf(n.from, body) };
  }

  private decorator(d: SyntaxNode): A.expr {
    const k = this.kids(d);
    let e: A.expr | null = null;
    let start = k[1]!.from;
    for (let i = 1; i < k.length; i++) {
      const c = k[i]!;
      if (c.name === 'VariableName') {
        e = e === null
          ? { type: 'Name', id: this.text(c), ctx: 'Load', ...this.loc(c.from, c.to) }
          : { type: 'Attribute', value: e, attr: this.text(c), ctx: 'Load', ...this.loc(start, c.to) };
      } else if (c.name === 'ArgList') {
        e = this.call(e!, c, start);
      }
    }
    return e!;
  }

  private funcDef(n: SyntaxNode, k: SyntaxNode[], decorator_list: A.expr[]): A.FunctionDef {
    if (k[0]!.name === 'async') throw this.unsupported("'async def'", n.from);
    if (k.some((c) => c.name === 'TypeParamList')) throw this.unsupported('type parameter lists', n.from);
    const name = this.text(k[1]!);
    const params = k.find((c) => c.name === 'ParamList')!;
    const ret = k.find((c) => c.name === 'TypeDef');
    const args = this.params(this.kids(params));
    const body = this.body(k[k.length - 1]!);
    let returns: A.expr | null = null;
    if (ret) {
      const rk = this.kids(ret);
      returns = this.expr(rk[rk.length - 1]!);
    }
    return { type: 'FunctionDef', name, args, body, decorator_list, returns, type_params: [], ...this.endOf(n.from, body) };
  }

  private classDef(n: SyntaxNode, k: SyntaxNode[], decorator_list: A.expr[]): A.ClassDef {
    if (k.some((c) => c.name === 'TypeParamList')) throw this.unsupported('type parameter lists', n.from);
    const argList = k.find((c) => c.name === 'ArgList');
    let bases: A.expr[] = [];
    let keywords: A.keyword[] = [];
    if (argList) {
      const call = this.call({ type: 'Name', id: '', ctx: 'Load', ...this.loc(n.from, n.from) }, argList, n.from, true);
      bases = call.args;
      keywords = call.keywords;
    }
    const body = this.body(k[k.length - 1]!);
    return { type: 'ClassDef', name: this.text(k[1]!), bases, keywords, body, decorator_list, type_params: [], ...this.endOf(n.from, body) };
  }

  /** A `def` or `lambda` parameter list. Mirrors the checks of CPython's `parameters` rule. */
  private params(kids: SyntaxNode[]): A.arguments {
    let k = kids;
    const a: A.arguments = { type: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
    let afterStar = false;
    let sawDefault = false;
    let bareStar: SyntaxNode | null = null;
    let kwargNode: SyntaxNode | null = null;
    const mkArg = (nameNode: SyntaxNode, i: number): { arg: A.arg; next: number } => {
      let annotation: A.expr | null = null;
      let end = nameNode.to;
      if (k[i]?.name === 'TypeDef') {
        const tk = this.kids(k[i]!);
        annotation = this.expr(tk[tk.length - 1]!);
        end = k[i]!.to;
        i++;
      }
      return { arg: { type: 'arg', arg: this.text(nameNode), annotation, ...this.loc(nameNode.from, end) }, next: i };
    };
    // Lezer's `/` is anonymous: put a marker where the source has one between children.
    const marks: (SyntaxNode | { name: '/'; from: number; to: number })[] = [];
    for (let j = 0; j < k.length; j++) {
      const gapFrom = j === 0 ? -1 : k[j - 1]!.to;
      if (gapFrom >= 0) {
        const gap = this.src.text.slice(gapFrom, k[j]!.from);
        const at = gap.indexOf('/');
        if (at >= 0 && !gap.slice(0, at).includes('#')) marks.push({ name: '/', from: gapFrom + at, to: gapFrom + at + 1 });
      }
      marks.push(k[j]!);
    }
    k = marks as SyntaxNode[];
    let i = 0;
    while (i < k.length) {
      const c = k[i]!;
      if (c.name === '(' || c.name === ')' || c.name === ',') { i++; continue; }
      if (kwargNode) throw this.error('arguments cannot follow var-keyword argument', c.from, c.to);
      if (c.name === '/') {
        if (afterStar) throw this.error("/ must be ahead of *", c.from, c.to);
        if (a.posonlyargs.length || a.args.length === 0) {
          throw this.error(a.args.length === 0 && a.posonlyargs.length === 0 ? 'at least one argument must precede /' : '/ may appear only once', c.from, c.to);
        }
        a.posonlyargs = a.args;
        a.args = [];
        i++;
        continue;
      }
      if (c.name === '*') {
        if (afterStar) throw this.error('* argument may appear only once', c.from, c.to);
        afterStar = true;
        if (k[i + 1]?.name === 'VariableName') {
          const r = mkArg(k[i + 1]!, i + 2);
          a.vararg = r.arg;
          i = r.next;
        } else {
          bareStar = c;
          i++;
        }
        continue;
      }
      if (c.name === '**') {
        const r = mkArg(k[i + 1]!, i + 2);
        a.kwarg = r.arg;
        kwargNode = k[i + 1]!;
        i = r.next;
        continue;
      }
      // VariableName TypeDef? (= default)?
      const r = mkArg(c, i + 1);
      i = r.next;
      let dflt: A.expr | null = null;
      if (k[i]?.name === 'AssignOp') {
        dflt = this.expr(k[i + 1]!);
        i += 2;
      }
      if (afterStar) {
        a.kwonlyargs.push(r.arg);
        a.kw_defaults.push(dflt);
      } else {
        a.args.push(r.arg);
        if (dflt) {
          a.defaults.push(dflt);
          sawDefault = true;
        } else if (sawDefault) {
          throw this.error(this.messages.nonDefaultAfterDefault, c.from, c.to);
        }
      }
    }
    if (bareStar && a.kwonlyargs.length === 0) {
      throw this.error('named arguments must follow bare *', bareStar.from, bareStar.to);
    }
    return a;
  }

  // -- expressions ---------------------------------------------------------------

  /** Splits comma-separated items (with `*x` → Starred); reports a trailing comma. */
  items(nodes: SyntaxNode[]): { items: A.expr[]; comma: boolean } {
    const items: A.expr[] = [];
    let comma = false;
    for (let i = 0; i < nodes.length; i++) {
      const c = nodes[i]!;
      if (c.name === ',') { comma = true; continue; }
      comma = false;
      if (c.name === '*') {
        const v = this.expr(nodes[i + 1]!);
        items.push({ type: 'Starred', value: v, ctx: 'Load', ...this.loc(c.from, nodes[i + 1]!.to) });
        i++;
      } else items.push(this.expr(c));
    }
    return { items, comma: comma || items.length > 1 };
  }

  /** A comma-separated expression list: one expression, or a Tuple without parentheses. */
  exprList(nodes: SyntaxNode[], ctx: A.ExprContext): A.expr {
    const { items, comma } = this.items(nodes);
    if (!comma) {
      const only = items[0]!;
      if (only.type === 'Starred' && nodes.length === 2) {
        // A lone `*x` outside a tuple (`x = *a`).
        throw this.errorAt("can't use starred expression here", only);
      }
      return only;
    }
    return { type: 'Tuple', elts: items, ctx, ...this.loc(nodes[0]!.from, nodes[nodes.length - 1]!.to) };
  }

  /** Converts one expression node. */
  expr(n: SyntaxNode): A.expr {
    if (++this.depth > MAX_NESTING) {
      throw this.error('too many nested expressions (pymem stops at ' + MAX_NESTING + ' levels)', n.from, n.to);
    }
    try {
      return this.expr1(n);
    } finally {
      this.depth--;
    }
  }

  private expr1(n: SyntaxNode): A.expr {
    const pos = (): Pos => this.loc(n.from, n.to);
    switch (n.name) {
      case 'VariableName':
        return { type: 'Name', id: this.text(n), ctx: 'Load', ...pos() };
      case 'Number': {
        const v = decodeNumber(this.text(n));
        if (v instanceof LiteralError) {
          if (v.unsupported) throw this.unsupported(v.msg, n.from);
          const t = this.text(n);
          const at = v.msg.startsWith('leading') ? n.from : n.from + Math.max(1, t.search(/_(?:_|$)|[^0-9a-fA-F_.xXoObBeE+-]/) >= 0 ? t.search(/_(?:_|$)/) + 1 : t.length - 1);
          throw v.msg.startsWith('leading') ? this.error(v.msg, n.from, n.from + 1) : this.error(v.msg, at, at);
        }
        return { type: 'Constant', value: v, kind: null, ...pos() };
      }
      case 'Boolean':
        return { type: 'Constant', value: { kind: 'bool', value: this.text(n) === 'True' }, kind: null, ...pos() };
      case 'None':
        return { type: 'Constant', value: { kind: 'None' }, kind: null, ...pos() };
      case 'Ellipsis':
        return { type: 'Constant', value: { kind: 'Ellipsis' }, kind: null, ...pos() };
      case 'String':
      case 'FormatString':
        return this.strings([n], n);
      case 'ContinuedString':
        return this.strings(this.kids(n), n);
      case 'ParenthesizedExpression': {
        const k = this.kids(n);
        const inner = k[1]!;
        if (inner.name === '*') throw this.error('cannot use starred expression here', inner.from, k[2]!.to);
        return this.expr(inner);
      }
      case 'TupleExpression': {
        const k = this.kids(n);
        return { type: 'Tuple', elts: this.items(k.slice(1, -1)).items, ctx: 'Load', ...pos() };
      }
      case 'ArrayExpression': {
        const k = this.kids(n);
        return { type: 'List', elts: this.items(k.slice(1, -1)).items, ctx: 'Load', ...pos() };
      }
      case 'SetExpression': {
        const k = this.kids(n);
        return { type: 'Set', elts: this.items(k.slice(1, -1)).items, ...pos() };
      }
      case 'DictionaryExpression':
        return this.dict(n);
      case 'ComprehensionExpression':
      case 'ArrayComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'DictionaryComprehensionExpression':
        return this.comprehension(n);
      case 'CallExpression': {
        const k = this.kids(n);
        return this.call(this.expr(k[0]!), k[1]!, n.from);
      }
      case 'MemberExpression':
        return this.member(n);
      case 'UnaryExpression': {
        const k = this.kids(n);
        const t = this.text(k[0]!);
        const op: A.UnaryOperator = t === 'not' ? 'Not' : t === '-' ? 'USub' : t === '+' ? 'UAdd' : 'Invert';
        const operand = this.expr(k[1]!);
        if (op === 'Not' && operand.type === 'BoolOp' && k[1]!.name === 'BinaryExpression') return this.rotateNot(operand, n.from);
        return { type: 'UnaryOp', op, operand, ...pos() };
      }
      case 'BinaryExpression':
        return this.binary(n);
      case 'ConditionalExpression': {
        const k = this.kids(n);
        return { type: 'IfExp', test: this.expr(k[2]!), body: this.expr(k[0]!), orelse: this.expr(k[4]!), ...pos() };
      }
      case 'LambdaExpression': {
        const k = this.kids(n);
        const args = this.params(this.kids(k[1]!));
        return { type: 'Lambda', args, body: this.expr(k[k.length - 1]!), ...pos() };
      }
      case 'NamedExpression': {
        const k = this.kids(n);
        return this.named(this.expr(k[0]!), this.expr(k[2]!), n.from, n.to);
      }
      case 'YieldExpression':
        return this.yieldExpr(n);
      case 'AwaitExpression':
        throw this.unsupported("'await'", n.from);
      default:
        throw this.error('invalid syntax', n.from, n.to);
    }
  }

  /**
   * Lezer parses `not a and b` as `not (a and b)`; Python's grammar gives
   * `(not a) and b`. Move the `not` onto the leftmost operand of the
   * unparenthesized and/or chain, widening the chain's start to the `not`.
   */
  private rotateNot(op: A.BoolOp, notFrom: number): A.expr {
    const start = this.loc(notFrom, notFrom);
    const path: A.BoolOp[] = [op];
    let cur: A.BoolOp = op;
    for (;;) {
      const first = cur.values[0]!;
      if (first.type === 'BoolOp' && first.lineno === cur.lineno && first.col_offset === cur.col_offset) {
        path.push(first);
        cur = first;
      } else break;
    }
    const leaf = cur.values[0]!;
    cur.values[0] = { type: 'UnaryOp', op: 'Not', operand: leaf, lineno: start.lineno, col_offset: start.col_offset, end_lineno: leaf.end_lineno, end_col_offset: leaf.end_col_offset };
    for (const b of path) { b.lineno = start.lineno; b.col_offset = start.col_offset; }
    // A chain whose first operand now is `not x` may merge with its parent: `not a or b or c` is already flat.
    return op;
  }

  private named(target: A.expr, value: A.expr, from: number, to: number): A.NamedExpr {
    if (target.type !== 'Name') throw this.errorAt(`cannot use assignment expressions with ${exprName(target)}`, target);
    return { type: 'NamedExpr', target: { ...target, ctx: 'Store' }, value, ...this.loc(from, to) };
  }

  private yieldExpr(n: SyntaxNode): A.Yield | A.YieldFrom {
    const k = this.kids(n).filter((c) => !c.type.isError);
    if (k[1]?.name === 'from') return { type: 'YieldFrom', value: this.expr(k[2]!), ...this.loc(n.from, k[2]!.to) };
    const end = k.length > 1 ? k[k.length - 1]!.to : k[0]!.to;
    return { type: 'Yield', value: k.length > 1 ? this.exprList(k.slice(1), 'Load') : null, ...this.loc(n.from, end) };
  }

  private binary(n: SyntaxNode): A.expr {
    const k = this.kids(n);
    const left = k[0]!;
    const right = k[k.length - 1]!;
    const opText = k.slice(1, -1).map((c) => this.text(c)).join(' ');
    if (opText === 'and' || opText === 'or') {
      const op: A.BoolOperator = opText === 'and' ? 'And' : 'Or';
      // Flatten `a or b or c` into one BoolOp, as CPython does; iterate down the left spine.
      const rights: SyntaxNode[] = [right];
      let l = left;
      for (;;) {
        if (l.name !== 'BinaryExpression') break;
        const lk = this.kids(l);
        if (lk.length !== 3 || this.text(lk[1]!) !== opText) break;
        rights.push(lk[2]!);
        l = lk[0]!;
      }
      const values = [this.expr(l)];
      for (let i = rights.length - 1; i >= 0; i--) values.push(this.expr(rights[i]!));
      return { type: 'BoolOp', op, values, ...this.loc(n.from, n.to) };
    }
    const cmp = CMPOPS[opText === '<>' ? '!=' : opText];
    if (cmp) {
      if (opText === '<>') throw this.error('invalid syntax', k[1]!.from, k[1]!.to);
      const ops: A.CmpOperator[] = [cmp];
      const rights: SyntaxNode[] = [right];
      let l = left;
      for (;;) {
        if (l.name !== 'BinaryExpression') break;
        const lk = this.kids(l);
        const t = lk.slice(1, -1).map((c) => this.text(c)).join(' ');
        const c2 = CMPOPS[t];
        if (!c2) break;
        ops.push(c2);
        rights.push(lk[lk.length - 1]!);
        l = lk[0]!;
      }
      ops.reverse();
      rights.reverse();
      return { type: 'Compare', left: this.expr(l), ops, comparators: rights.map((r) => this.expr(r)), ...this.loc(n.from, n.to) };
    }
    // Arithmetic: iterate down the left spine so long chains (`1+1+...`) don't recurse.
    const chain: { op: A.Operator; right: SyntaxNode; end: number }[] = [{ op: BINOPS[opText]!, right, end: n.to }];
    let l = left;
    while (l.name === 'BinaryExpression') {
      const lk = this.kids(l);
      const t = this.text(lk[1]!);
      const op = lk.length === 3 ? BINOPS[t] : undefined;
      if (!op) break;
      chain.push({ op, right: lk[2]!, end: l.to });
      l = lk[0]!;
    }
    let acc = this.expr(l);
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i]!;
      acc = { type: 'BinOp', left: acc, op: c.op, right: this.expr(c.right), ...this.loc(n.from, c.end) };
    }
    return acc;
  }

  private member(n: SyntaxNode): A.expr {
    const k = this.kids(n);
    const value = this.expr(k[0]!);
    if (k[1]!.name === '.') {
      return { type: 'Attribute', value, attr: this.text(k[2]!), ctx: 'Load', ...this.loc(n.from, n.to) };
    }
    // [ items ]
    const inner = k.slice(2, -1);
    const parts: SyntaxNode[][] = [[]];
    for (const c of inner) {
      if (c.name === ',') parts.push([]);
      else parts[parts.length - 1]!.push(c);
    }
    const trailing = parts.length > 1 && parts[parts.length - 1]!.length === 0;
    if (trailing) parts.pop();
    const elts = parts.map((p) => this.sliceItem(p));
    let slice: A.expr;
    if (elts.length === 1 && !trailing) slice = elts[0]!;
    else slice = { type: 'Tuple', elts, ctx: 'Load', ...this.loc(inner[0]!.from, inner[inner.length - 1]!.to) };
    return { type: 'Subscript', value, slice, ctx: 'Load', ...this.loc(n.from, n.to) };
  }

  private sliceItem(p: SyntaxNode[]): A.expr {
    if (!p.some((c) => c.name === ':')) {
      if (p[0]!.name === '*') return { type: 'Starred', value: this.expr(p[1]!), ctx: 'Load', ...this.loc(p[0]!.from, p[1]!.to) };
      return this.expr(p[0]!);
    }
    const slots: (A.expr | null)[] = [null, null, null];
    let s = 0;
    for (const c of p) {
      if (c.name === ':') s++;
      else slots[s] = this.expr(c);
    }
    return { type: 'Slice', lower: slots[0]!, upper: slots[1]!, step: slots[2]!, ...this.loc(p[0]!.from, p[p.length - 1]!.to) };
  }

  /** `func(args)`; mirrors CPython's argument-order checks (`invalid_arguments`). */
  call(func: A.expr, argList: SyntaxNode, from: number, isClass = false): A.Call {
    const k = this.kids(argList);
    const args: A.expr[] = [];
    const keywords: A.keyword[] = [];
    const seen = new Set<string>();
    let sawKeyword = false;
    let sawDoubleStar = false;
    const parts: SyntaxNode[][] = [[]];
    for (const c of k.slice(1, -1)) {
      if (c.name === ',') parts.push([]);
      else parts[parts.length - 1]!.push(c);
    }
    if (parts[parts.length - 1]!.length === 0) parts.pop();
    for (const p of parts) {
      const first = p[0]!;
      const last = p[p.length - 1]!;
      if (p.length > 1 && p[1]!.name === 'for' || p[1]?.name === 'async') {
        if (isClass) throw this.error('invalid syntax', p[1]!.from, p[1]!.to);
        if (parts.length > 1) {
          const g = this.loc(first.from, last.to);
          throw this.errorAt('Generator expression must be parenthesized', g);
        }
        const gen = this.genexp(p, 0, argList.from, argList.to);
        args.push(gen);
      } else if (first.name === '*') {
        if (sawDoubleStar) throw this.error('iterable argument unpacking follows keyword argument unpacking', first.from, last.to);
        args.push({ type: 'Starred', value: this.expr(p[1]!), ctx: 'Load', ...this.loc(first.from, last.to) });
      } else if (first.name === '**') {
        sawDoubleStar = true;
        keywords.push({ type: 'keyword', arg: null, value: this.expr(p[1]!), ...this.loc(first.from, last.to) });
      } else if (p.length >= 3 && p[1]!.name === 'AssignOp') {
        if (p.length > 3) {
          throw this.error('invalid syntax', p[3]!.from, p[3]!.to);
        }
        if (this.text(p[1]!) === ':=') {
          if (sawKeyword || sawDoubleStar) {
            throw this.error(sawDoubleStar ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument', first.from, last.to);
          }
          args.push(this.named(this.expr(first), this.expr(p[2]!), first.from, last.to));
          continue;
        }
        if (first.name !== 'VariableName') throw this.error('expression cannot contain assignment, perhaps you meant "=="?', first.from, p[2]!.to);
        const name = this.text(first);
        if (seen.has(name)) throw this.error(this.messages.keywordRepeated(name), first.from, last.to);
        seen.add(name);
        sawKeyword = true;
        keywords.push({ type: 'keyword', arg: name, value: this.expr(p[2]!), ...this.loc(first.from, last.to) });
      } else {
        if (p.length !== 1) throw this.error('invalid syntax', p[1]!.from, p[1]!.to);
        if (sawDoubleStar) throw this.error('positional argument follows keyword argument unpacking', first.from, last.to);
        if (sawKeyword) throw this.error('positional argument follows keyword argument', first.from, last.to);
        args.push(this.expr(first));
      }
    }
    const start = this.loc(from, from);
    const end = this.loc(argList.to, argList.to);
    return {
      type: 'Call', func, args, keywords,
      lineno: func.type === 'Name' && func.id === '' ? start.lineno : func.lineno,
      col_offset: func.type === 'Name' && func.id === '' ? start.col_offset : func.col_offset,
      end_lineno: end.end_lineno, end_col_offset: end.end_col_offset,
    };
  }

  private dict(n: SyntaxNode): A.Dict {
    const k = this.kids(n).slice(1, -1);
    const keys: (A.expr | null)[] = [];
    const values: A.expr[] = [];
    for (let i = 0; i < k.length; i++) {
      const c = k[i]!;
      if (c.name === ',') continue;
      if (c.name === '**') {
        keys.push(null);
        values.push(this.expr(k[i + 1]!));
        i++;
      } else {
        keys.push(this.expr(c));
        values.push(this.expr(k[i + 2]!));
        i += 2;
      }
    }
    return { type: 'Dict', keys, values, ...this.loc(n.from, n.to) };
  }

  private comprehension(n: SyntaxNode): A.expr {
    const k = this.kids(n).slice(1, -1);
    const pos = this.loc(n.from, n.to);
    const forIdx = k.findIndex((c) => c.name === 'for' || c.name === 'async');
    const head = k.slice(0, forIdx);
    const generators = this.generators(k, forIdx);
    if (n.name === 'DictionaryComprehensionExpression') {
      if (head[0]!.name === '**') throw this.error('dict unpacking cannot be used in dict comprehension', head[0]!.from, head[1]!.to);
      return { type: 'DictComp', key: this.expr(head[0]!), value: this.expr(head[2]!), generators, ...pos };
    }
    if (head[0]!.name === '*') {
      throw this.error(n.name === 'ComprehensionExpression' ? 'cannot use starred expression here' : 'iterable unpacking cannot be used in comprehension', head[0]!.from, head[1]!.to);
    }
    const elt = this.expr(head[0]!);
    if (n.name === 'ArrayComprehensionExpression') return { type: 'ListComp', elt, generators, ...pos };
    if (n.name === 'SetComprehensionExpression') return { type: 'SetComp', elt, generators, ...pos };
    return { type: 'GeneratorExp', elt, generators, ...pos };
  }

  private genexp(p: SyntaxNode[], _i: number, from: number, to: number): A.GeneratorExp {
    const elt = this.expr(p[0]!);
    return { type: 'GeneratorExp', elt, generators: this.generators(p, 1), ...this.loc(from, to) };
  }

  /** The `for ... in ... if ...` clauses starting at `k[i]`. */
  private generators(k: SyntaxNode[], i: number): A.comprehension[] {
    const gens: A.comprehension[] = [];
    while (i < k.length) {
      const c = k[i]!;
      if (c.name === 'async') throw this.unsupported("'async for' in comprehensions", c.from);
      if (c.name === 'for') {
        const inIdx = k.findIndex((x, j) => j > i && x.name === 'in');
        const target = toTarget(this.exprList(k.slice(i + 1, inIdx), 'Load'), 'Store', this);
        const iter = this.expr(k[inIdx + 1]!);
        gens.push({ type: 'comprehension', target, iter, ifs: [], is_async: 0 });
        i = inIdx + 2;
      } else if (c.name === 'if') {
        gens[gens.length - 1]!.ifs.push(this.expr(k[i + 1]!));
        i += 2;
      } else {
        throw this.error('invalid syntax', c.from, c.to);
      }
    }
    return gens;
  }

  // -- strings ---------------------------------------------------------------------

  /** Adjacent string literals (plain and f-strings) → one Constant or JoinedStr. */
  private strings(parts: SyntaxNode[], whole: SyntaxNode): A.Constant | A.JoinedStr {
    const pos = this.loc(whole.from, whole.to);
    const prefixes = parts.map((p) => stringPrefix(this.text(p)));
    const anyBytes = prefixes.some((p) => p.bytes);
    if (anyBytes && prefixes.some((p) => !p.bytes)) throw this.error('cannot mix bytes and nonbytes literals', whole.from, whole.to);
    const kind = prefixes[0]!.unicode ? 'u' : null;
    if (!prefixes.some((p) => p.fmt)) {
      if (anyBytes) {
        const chunks: Uint8Array[] = [];
        parts.forEach((p, i) => chunks.push(this.bytesPart(p, prefixes[i]!)));
        const total = chunks.reduce((s, c) => s + c.length, 0);
        const value = new Uint8Array(total);
        let o = 0;
        for (const c of chunks) { value.set(c, o); o += c.length; }
        const pieces = chunks.map((c): A.ConstantValue => ({ kind: 'bytes', value: c }));
        return { type: 'Constant', value: { kind: 'bytes', value }, kind: null, pieces, ...pos };
      }
      const strs = parts.map((p, i) => this.strPart(p, prefixes[i]!));
      const value = strs.join('');
      if (strs.length === 1) return { type: 'Constant', value: { kind: 'str', value }, kind, ...pos };
      const pieces = strs.map((s): A.ConstantValue => ({ kind: 'str', value: s }));
      return { type: 'Constant', value: { kind: 'str', value }, kind, pieces, ...pos };
    }
    const values: (A.Constant | A.FormattedValue)[] = [];
    const pushLit = (s: string, from: number, to: number): void => {
      if (s === '') return;
      const last = values[values.length - 1];
      const l = this.loc(from, to);
      if (last && last.type === 'Constant' && last.value.kind === 'str') {
        values[values.length - 1] = { ...last, value: { kind: 'str', value: last.value.value + s }, ...this.span(last, l) };
      } else values.push({ type: 'Constant', value: { kind: 'str', value: s }, kind: null, ...l });
    };
    parts.forEach((p, i) => {
      const pre = prefixes[i]!;
      if (!pre.fmt) {
        pushLit(this.strPart(p, pre), p.from, p.to);
        return;
      }
      const bodyStart = p.from + pre.prefixLen + pre.quoteLen;
      const bodyEnd = p.to - pre.quoteLen;
      this.fstringBody(p, bodyStart, bodyEnd, pre.raw, values, pushLit);
    });
    return { type: 'JoinedStr', values, ...pos };
  }

  private fstringBody(
    node: SyntaxNode, from: number, to: number, raw: boolean,
    values: (A.Constant | A.FormattedValue)[],
    pushLit: (s: string, from: number, to: number) => void,
  ): void {
    let at = from;
    for (const c of this.kids(node)) {
      if (c.name !== 'FormatReplacement') continue;
      if (c.from > at) pushLit(this.decodeLit(this.src.text.slice(at, c.from), raw, at), at, c.from);
      this.replacement(c, raw, values, pushLit);
      at = c.to;
    }
    if (to > at) pushLit(this.decodeLit(this.src.text.slice(at, to), raw, at), at, to);
  }

  private decodeLit(body: string, raw: boolean, at: number): string {
    const v = decodeStringBody(body, raw, false, true);
    if (v instanceof LiteralError) {
      if (v.unsupported) throw this.unsupported(v.msg, at);
      throw this.error(v.msg, at);
    }
    return v;
  }

  private replacement(
    r: SyntaxNode, raw: boolean,
    values: (A.Constant | A.FormattedValue)[],
    pushLit: (s: string, from: number, to: number) => void,
  ): void {
    const k = this.kids(r);
    let i = 1;
    const exprNodes: SyntaxNode[] = [];
    while (i < k.length && !['FormatSelfDoc', 'FormatConversion', 'FormatSpec', '}'].includes(k[i]!.name)) exprNodes.push(k[i++]!);
    if (exprNodes.length === 0) throw this.error("f-string: valid expression required before '}'", r.from + 1);
    const value = exprNodes.length === 1 && exprNodes[0]!.name === 'YieldExpression' ? this.expr(exprNodes[0]!) : this.exprList(exprNodes, 'Load');
    let conversion = -1;
    let selfDoc = false;
    let format_spec: A.JoinedStr | null = null;
    for (; i < k.length; i++) {
      const c = k[i]!;
      if (c.name === 'FormatSelfDoc') {
        selfDoc = true;
        const next = k[i + 1] ?? c;
        const docEnd = next === c ? c.to : next.from;
        pushLit(this.src.text.slice(r.from + 1, docEnd), r.from + 1, docEnd);
      } else if (c.name === 'FormatConversion') conversion = this.text(c).charCodeAt(1);
      else if (c.name === 'FormatSpec') {
        const specValues: (A.Constant | A.FormattedValue)[] = [];
        const specPush = (s: string, from: number, to: number): void => {
          if (s === '') return;
          specValues.push({ type: 'Constant', value: { kind: 'str', value: s }, kind: null, ...this.loc(from, to) });
        };
        this.fstringBody(c, c.from + 1, c.to, raw, specValues, specPush);
        if (specValues.length && specValues[specValues.length - 1]!.type === 'FormattedValue') {
          // CPython 3.12 ends such a spec with an empty Constant.
          specValues.push({ type: 'Constant', value: { kind: 'str', value: '' }, kind: null, ...this.loc(c.to, c.to) });
        }
        format_spec = { type: 'JoinedStr', values: specValues, ...this.loc(c.from, c.to) };
      }
    }
    if (selfDoc && conversion === -1 && format_spec === null) conversion = 'r'.charCodeAt(0);
    values.push({ type: 'FormattedValue', value, conversion, format_spec, ...this.loc(r.from, r.to) });
  }

  private strPart(p: SyntaxNode, pre: ReturnType<typeof stringPrefix>): string {
    const t = this.text(p);
    const body = t.slice(pre.prefixLen + pre.quoteLen, t.length - pre.quoteLen);
    const v = decodeStringBody(body, pre.raw, false, false);
    if (v instanceof LiteralError) {
      if (v.unsupported) throw this.unsupported(v.msg, p.from);
      throw this.error(v.msg, p.from, p.to);
    }
    return v;
  }

  private bytesPart(p: SyntaxNode, pre: ReturnType<typeof stringPrefix>): Uint8Array {
    const t = this.text(p);
    const body = t.slice(pre.prefixLen + pre.quoteLen, t.length - pre.quoteLen);
    const v = decodeStringBody(body, pre.raw, true, false);
    const b = v instanceof LiteralError ? v : toBytes(v, body);
    if (b instanceof LiteralError) throw this.error(b.msg, p.from, p.to);
    return b;
  }
}

void EXPR_TOKENS;
