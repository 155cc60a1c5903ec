/**
 * The checks CPython makes after parsing, in `Python/symtable.c` and
 * `Python/compile.c` (3.12): `return`/`yield` outside a function, `break`/
 * `continue` outside a loop, `global`/`nonlocal` misuse, duplicate parameters,
 * `import *` in a function. Reports the first one, in source order.
 */

import type * as A from './ast';

/** A check failure: message and the node it is reported at. */
export interface ScopeError {
  msg: string;
  node: A.Located;
}

interface Scope {
  kind: 'module' | 'function' | 'class';
  params: Set<string>;
  assigned: Set<string>;
  used: Set<string>;
  globals: Set<string>;
  nonlocals: { name: string; node: A.Located }[];
  parent: Scope | null;
  /** Names bound in this scope, filled by a first pass. */
  bound: Set<string>;
}

class Found extends Error {
  constructor(readonly err: ScopeError) {
    super(err.msg);
  }
}

/** Runs the symtable/compiler checks over a module; returns the first error or null. */
export function checkScopes(mod: A.Module): ScopeError | null {
  try {
    const top = newScope('module', null);
    collectBindings(mod.body, top.bound);
    visitBody(mod.body, top, 0);
    return null;
  } catch (e) {
    if (e instanceof Found) return e.err;
    throw e;
  }
}

function newScope(kind: Scope['kind'], parent: Scope | null): Scope {
  return { kind, params: new Set(), assigned: new Set(), used: new Set(), globals: new Set(), nonlocals: [], parent, bound: new Set() };
}

const fail = (msg: string, node: A.Located): never => {
  throw new Found({ msg, node });
};

/** Names a block binds (not descending into nested scopes). */
function collectBindings(body: A.stmt[], out: Set<string>): void {
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) { for (const x of n) walk(x); return; }
    if (!n || typeof n !== 'object' || !('type' in n)) return;
    const node = n as A.AST;
    switch (node.type) {
      case 'FunctionDef': case 'ClassDef': out.add(node.name); walk(node.decorator_list); return;
      case 'Lambda': case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp': return;
      case 'Name': if (node.ctx !== 'Load') out.add(node.id); return;
      case 'ExceptHandler': if (node.name) out.add(node.name); walk(node.body); return;
      case 'alias': if (node.name !== '*') out.add(node.asname ?? node.name.split('.')[0]!); return;
      case 'NamedExpr': out.add(node.target.id); walk(node.value); return;
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'type' && typeof v === 'object') walk(v);
  };
  walk(body);
}

function declare(scope: Scope, name: string, node: A.Located, kind: 'global' | 'nonlocal'): void {
  if (scope.params.has(name)) fail(`name '${name}' is parameter and ${kind}`, node);
  if (kind === 'global' && scope.nonlocals.some((x) => x.name === name)) fail(`name '${name}' is nonlocal and global`, node);
  if (kind === 'nonlocal' && scope.globals.has(name)) fail(`name '${name}' is nonlocal and global`, node);
  if (scope.assigned.has(name)) fail(`name '${name}' is assigned to before ${kind} declaration`, node);
  if (scope.used.has(name)) fail(`name '${name}' is used prior to ${kind} declaration`, node);
}

function visitBody(body: A.stmt[], scope: Scope, loop: number): void {
  for (const s of body) visitStmt(s, scope, loop);
}

function visitStmt(s: A.stmt, scope: Scope, loop: number): void {
  switch (s.type) {
    case 'FunctionDef':
      visitExprs(s.decorator_list, scope);
      visitArgs(s.args, scope);
      if (s.returns) visitExpr(s.returns, scope);
      bind(scope, s.name);
      visitFunction(s.args, s.body, scope, s);
      return;
    case 'ClassDef': {
      visitExprs(s.decorator_list, scope);
      visitExprs(s.bases, scope);
      for (const k of s.keywords) visitExpr(k.value, scope);
      bind(scope, s.name);
      const inner = newScope('class', scope);
      collectBindings(s.body, inner.bound);
      visitBody(s.body, inner, 0);
      return;
    }
    case 'Return':
      if (scope.kind !== 'function') fail("'return' outside function", s);
      if (s.value) visitExpr(s.value, scope);
      return;
    case 'Break':
      if (!loop) fail("'break' outside loop", s);
      return;
    case 'Continue':
      if (!loop) fail("'continue' not properly in loop", s);
      return;
    case 'For':
      visitExpr(s.iter, scope);
      visitExpr(s.target, scope);
      visitBody(s.body, scope, loop + 1);
      visitBody(s.orelse, scope, loop);
      return;
    case 'While':
      visitExpr(s.test, scope);
      visitBody(s.body, scope, loop + 1);
      visitBody(s.orelse, scope, loop);
      return;
    case 'If':
      visitExpr(s.test, scope);
      visitBody(s.body, scope, loop);
      visitBody(s.orelse, scope, loop);
      return;
    case 'Try':
      visitBody(s.body, scope, loop);
      for (const h of s.handlers) {
        if (h.exc_type) visitExpr(h.exc_type, scope);
        if (h.name) bind(scope, h.name);
        visitBody(h.body, scope, loop);
      }
      visitBody(s.orelse, scope, loop);
      visitBody(s.finalbody, scope, loop);
      return;
    case 'With':
      for (const it of s.items) {
        visitExpr(it.context_expr, scope);
        if (it.optional_vars) visitExpr(it.optional_vars, scope);
      }
      visitBody(s.body, scope, loop);
      return;
    case 'Global':
      for (const name of s.names) {
        declare(scope, name, s, 'global');
        scope.globals.add(name);
      }
      return;
    case 'Nonlocal':
      if (scope.kind === 'module') fail('nonlocal declaration not allowed at module level', s);
      for (const name of s.names) {
        declare(scope, name, s, 'nonlocal');
        scope.nonlocals.push({ name, node: s });
        let p = scope.parent;
        let found = false;
        while (p && p.kind !== 'module') {
          if (p.kind === 'function' && (p.bound.has(name) || p.params.has(name) || p.nonlocals.some((x) => x.name === name)) && !p.globals.has(name)) {
            found = true;
            break;
          }
          p = p.parent;
        }
        if (!found) fail(`no binding for nonlocal '${name}' found`, s);
      }
      return;
    case 'Import':
      for (const a of s.names) bind(scope, a.asname ?? a.name.split('.')[0]!);
      return;
    case 'ImportFrom':
      for (const a of s.names) {
        if (a.name === '*') {
          if (scope.kind !== 'module') fail('import * only allowed at module level', a);
        } else bind(scope, a.asname ?? a.name);
      }
      return;
    case 'Assign':
      visitExpr(s.value, scope);
      visitExprs(s.targets, scope);
      return;
    case 'AugAssign':
      visitExpr(s.value, scope);
      visitExpr(s.target, scope);
      return;
    case 'AnnAssign':
      visitExpr(s.annotation, scope);
      if (s.value) visitExpr(s.value, scope);
      visitExpr(s.target, scope);
      return;
    case 'Delete':
      visitExprs(s.targets, scope);
      return;
    case 'Raise':
      if (s.exc) visitExpr(s.exc, scope);
      if (s.cause) visitExpr(s.cause, scope);
      return;
    case 'Assert':
      visitExpr(s.test, scope);
      if (s.msg) visitExpr(s.msg, scope);
      return;
    case 'Expr':
      visitExpr(s.value, scope);
      return;
    case 'Pass':
      return;
  }
}

function bind(scope: Scope, name: string): void {
  scope.assigned.add(name);
}

function visitArgs(a: A.arguments, scope: Scope): void {
  visitExprs(a.defaults, scope);
  for (const d of a.kw_defaults) if (d) visitExpr(d, scope);
  for (const p of allArgs(a)) if (p.annotation) visitExpr(p.annotation, scope);
}

function allArgs(a: A.arguments): A.arg[] {
  return [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
}

function visitFunction(args: A.arguments, body: A.stmt[] | A.expr, parent: Scope, _at: A.Located): void {
  const inner = newScope('function', parent);
  for (const p of allArgs(args)) {
    if (inner.params.has(p.arg)) fail(`duplicate argument '${p.arg}' in function definition`, p);
    inner.params.add(p.arg);
  }
  if (Array.isArray(body)) {
    collectBindings(body, inner.bound);
    visitBody(body, inner, 0);
  } else {
    visitExpr(body, inner);
  }
}

function visitExprs(es: A.expr[], scope: Scope): void {
  for (const e of es) visitExpr(e, scope);
}

function visitExpr(e: A.expr, scope: Scope): void {
  switch (e.type) {
    case 'Name':
      if (e.ctx === 'Load') scope.used.add(e.id);
      else bind(scope, e.id);
      return;
    case 'Lambda':
      visitArgs(e.args, scope);
      visitFunction(e.args, e.body, scope, e);
      return;
    case 'Yield':
    case 'YieldFrom':
      if (scope.kind !== 'function') fail("'yield' outside function", e);
      if (e.value) visitExpr(e.value, scope);
      return;
    case 'Constant':
      return;
  }
  for (const [k, v] of Object.entries(e)) {
    if (k === 'type' || !v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === 'object') visitAny(x as A.AST, scope);
    } else visitAny(v as A.AST, scope);
  }
}

function visitAny(n: A.AST, scope: Scope): void {
  if (n.type === 'comprehension') {
    visitExpr(n.iter, scope);
    visitExpr(n.target, scope);
    visitExprs(n.ifs, scope);
  } else if (n.type === 'keyword') visitExpr(n.value, scope);
  else if ('ctx' in n || 'lineno' in n) visitExpr(n as A.expr, scope);
}
