/**
 * The symbol table: which names of each scope are local, global, free (from
 * an enclosing function) or cells (local and captured by an inner function).
 * Mirrors Python/symtable.c: two passes, one collecting what each block binds
 * and uses, one resolving free names against the enclosing blocks
 * (`analyze_block`, `analyze_name`).
 */
import type * as ast from '../parser/ast';
import { PySyntaxError } from '../parser/errors';

export type ScopeKind = 'module' | 'class' | 'function';

/** How a name is resolved in one scope (`_PyST_GetScope`). */
export type NameScope = 'local' | 'cell' | 'free' | 'global_explicit' | 'global_implicit';

/** One block: a module, a class body or a function (also lambdas and comprehensions). */
export class Scope {
  readonly children: Scope[] = [];
  readonly bound = new Set<string>();
  readonly used = new Set<string>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  readonly params: string[] = [];
  /** Resolved scopes of every name this block mentions. */
  readonly symbols = new Map<string, NameScope>();
  /** Names (in order of first need) that are cells: locals captured by inner functions. */
  readonly cellvars: string[] = [];
  /** Free variables, in order of first need. */
  readonly freevars: string[] = [];
  isGenerator = false;
  /** The class body needs a `__class__` cell (a method uses `super()` or `__class__`). */
  needsClassCell = false;
  /** A function of a class body that uses `super()`/`__class__`. */
  usesClassCell = false;
  /** A list, set or dict comprehension compiled into the code that uses it (3.12+, PEP 709). */
  inlined = false;
  /** The free names of this block's children that its enclosing functions must keep in cells (see `resolve`). */
  childCellDemand: ReadonlySet<string> = new Set();
  constructor(
    readonly kind: ScopeKind,
    readonly name: string,
    readonly node: ast.AST | ast.Module,
    readonly parent: Scope | null,
  ) {}

  /** Resolution of `name` in this scope. */
  lookup(name: string): NameScope {
    return this.symbols.get(name) ?? (this.kind === 'function' ? 'global_implicit' : 'local');
  }
}

type Node = ast.stmt | ast.expr;

/** Builds and resolves the symbol table of a module. */
export function buildSymtable(module: ast.Module, filename: string, sourceLines: string[], inlineComprehensions = false): { top: Scope; scopeOf: Map<object, Scope> } {
  const scopeOf = new Map<object, Scope>();
  const top = new Scope('module', 'top', module, null);
  scopeOf.set(module, top);

  const error = (msg: string, node: ast.Located): never => {
    throw new PySyntaxError(msg, filename, node.lineno, node.col_offset + 1, sourceLines[node.lineno - 1] ?? '');
  };

  const visitArgs = (a: ast.arguments, scope: Scope, outer: Scope) => {
    for (const d of a.defaults) visitExpr(d, outer);
    for (const d of a.kw_defaults) if (d) visitExpr(d, outer);
    // symtable_visit_arguments(): the parameters in co_varnames order — positional,
    // keyword-only, then `*args` and `**kwargs` (the frame's layout, makeFrame()).
    const all = [...a.posonlyargs, ...a.args, ...a.kwonlyargs, ...(a.vararg ? [a.vararg] : []), ...(a.kwarg ? [a.kwarg] : [])];
    for (const p of all) {
      if (scope.params.includes(p.arg)) error(`duplicate argument '${p.arg}' in function definition`, p);
      scope.params.push(p.arg);
      scope.bound.add(p.arg);
      if (p.annotation) visitExpr(p.annotation, outer);
    }
  };

  const bind = (name: string, scope: Scope) => scope.bound.add(name);

  const visitTarget = (t: ast.expr, scope: Scope) => {
    switch (t.type) {
      case 'Name':
        bind(t.id, scope);
        break;
      case 'Tuple':
      case 'List':
        for (const e of t.elts) visitTarget(e, scope);
        break;
      case 'Starred':
        visitTarget(t.value, scope);
        break;
      default:
        visitExpr(t, scope);
    }
  };

  const newScope = (kind: ScopeKind, name: string, node: ast.AST, parent: Scope) => {
    const s = new Scope(kind, name, node, parent);
    parent.children.push(s);
    scopeOf.set(node, s);
    return s;
  };

  const visitComprehension = (node: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp, scope: Scope, name: string) => {
    // The first iterable is evaluated in the enclosing scope (`.0`).
    visitExpr(node.generators[0]!.iter, scope);
    const s = newScope('function', name, node, scope);
    s.params.push('.0');
    s.bound.add('.0');
    node.generators.forEach((g, i) => {
      if (i > 0) visitExpr(g.iter, s);
      visitTarget(g.target, s);
      for (const c of g.ifs) visitExpr(c, s);
    });
    if (node.type === 'DictComp') {
      visitExpr(node.key, s);
      visitExpr(node.value, s);
    } else visitExpr(node.elt, s);
    if (node.type === 'GeneratorExp') s.isGenerator = true;
  };

  function visitExpr(e: ast.expr, scope: Scope): void {
    switch (e.type) {
      case 'Name':
        if (e.ctx === 'Load') {
          scope.used.add(e.id);
          if (e.id === 'super' && scope.kind === 'function') scope.usesClassCell = true;
        } else bind(e.id, scope);
        if (e.id === '__class__' && scope.kind === 'function') scope.usesClassCell = true;
        return;
      case 'Lambda': {
        const s = newScope('function', 'lambda', e, scope);
        visitArgs(e.args, s, scope);
        visitExpr(e.body, s);
        return;
      }
      case 'ListComp':
        return visitComprehension(e, scope, 'listcomp');
      case 'SetComp':
        return visitComprehension(e, scope, 'setcomp');
      case 'DictComp':
        return visitComprehension(e, scope, 'dictcomp');
      case 'GeneratorExp':
        return visitComprehension(e, scope, 'genexpr');
      case 'Yield':
      case 'YieldFrom':
        if (scope.kind !== 'function') error("'yield' outside function", e);
        scope.isGenerator = true;
        if (e.value) visitExpr(e.value, scope);
        return;
      case 'NamedExpr': {
        // The target binds in the nearest enclosing non-comprehension function (PEP 572).
        let s = scope;
        while (s.kind === 'function' && ['listcomp', 'setcomp', 'dictcomp', 'genexpr'].includes(s.name) && s.parent) s = s.parent;
        bind(e.target.id, s);
        if (s !== scope) scope.nonlocals.add(e.target.id);
        visitExpr(e.value, scope);
        return;
      }
      default:
        forEachChild(e, (c) => visitExpr(c as ast.expr, scope), (st) => visitStmt(st, scope));
    }
  }

  function visitStmt(st: ast.stmt, scope: Scope): void {
    switch (st.type) {
      case 'FunctionDef': {
        for (const d of st.decorator_list) visitExpr(d, scope);
        if (st.returns) visitExpr(st.returns, scope);
        bind(st.name, scope);
        const s = newScope('function', st.name, st, scope);
        visitArgs(st.args, s, scope);
        for (const b of st.body) visitStmt(b, s);
        return;
      }
      case 'ClassDef': {
        for (const d of st.decorator_list) visitExpr(d, scope);
        for (const b of st.bases) visitExpr(b, scope);
        for (const k of st.keywords) visitExpr(k.value, scope);
        bind(st.name, scope);
        const s = newScope('class', st.name, st, scope);
        for (const b of st.body) visitStmt(b, s);
        return;
      }
      case 'Global':
        for (const n of st.names) {
          if (scope.used.has(n) || scope.bound.has(n)) {
            if (scope.params.includes(n)) error(`name '${n}' is parameter and global`, st);
            error(`name '${n}' is ${scope.bound.has(n) ? 'assigned to' : 'used'} before global declaration`, st);
          }
          scope.globals.add(n);
        }
        return;
      case 'Nonlocal':
        if (scope.kind === 'module') error('nonlocal declaration not allowed at module level', st);
        for (const n of st.names) {
          if (scope.used.has(n) || scope.bound.has(n)) {
            if (scope.params.includes(n)) error(`name '${n}' is parameter and nonlocal`, st);
            error(`name '${n}' is ${scope.bound.has(n) ? 'assigned to' : 'used'} before nonlocal declaration`, st);
          }
          scope.nonlocals.add(n);
        }
        return;
      case 'Import':
      case 'ImportFrom':
        for (const a of st.names) {
          const name = a.asname ?? (st.type === 'Import' ? a.name.split('.')[0]! : a.name);
          if (name !== '*') bind(name, scope);
        }
        return;
      case 'Assign':
        for (const t of st.targets) visitTarget(t, scope);
        visitExpr(st.value, scope);
        return;
      case 'AugAssign':
        if (st.target.type === 'Name') {
          bind(st.target.id, scope);
          scope.used.add(st.target.id);
        } else visitExpr(st.target, scope);
        visitExpr(st.value, scope);
        return;
      case 'AnnAssign':
        visitTarget(st.target, scope);
        if (st.value) visitExpr(st.value, scope);
        visitExpr(st.annotation, scope);
        return;
      case 'For':
        visitTarget(st.target, scope);
        visitExpr(st.iter, scope);
        for (const b of st.body) visitStmt(b, scope);
        for (const b of st.orelse) visitStmt(b, scope);
        return;
      case 'Delete':
        for (const t of st.targets) visitTarget(t, scope);
        return;
      case 'With':
        for (const it of st.items) {
          visitExpr(it.context_expr, scope);
          if (it.optional_vars) visitTarget(it.optional_vars, scope);
        }
        for (const b of st.body) visitStmt(b, scope);
        return;
      case 'Try':
        for (const b of st.body) visitStmt(b, scope);
        for (const h of st.handlers) {
          if (h.exc_type) visitExpr(h.exc_type, scope);
          if (h.name) bind(h.name, scope);
          for (const b of h.body) visitStmt(b, scope);
        }
        for (const b of st.orelse) visitStmt(b, scope);
        for (const b of st.finalbody) visitStmt(b, scope);
        return;
      case 'Return':
        if (scope.kind !== 'function') error("'return' outside function", st);
        if (st.value) visitExpr(st.value, scope);
        return;
      default:
        forEachChild(st, (c) => visitExpr(c as ast.expr, scope), (s) => visitStmt(s, scope));
    }
  }

  for (const st of module.body) visitStmt(st, top);
  resolve(top, new Set(), error, inlineComprehensions);
  return { top, scopeOf };
}

/**
 * Mirrors analyze_block(): resolves each name of `scope`, given the names
 * bound by enclosing function scopes (`bound`), and returns the free names
 * the block needs from outside.
 */
function resolve(scope: Scope, enclosing: Set<string>, error: (msg: string, node: ast.Located) => never, inlineComprehensions: boolean): Set<string> {
  const isFunc = scope.kind === 'function';
  for (const n of scope.nonlocals) {
    if (!enclosing.has(n) && !scope.bound.has(n)) {
      // A walrus in a comprehension rebinding in its function is recorded as nonlocal too.
      error(`no binding for nonlocal '${n}' found`, scope.node as ast.Located);
    }
  }
  const locals = new Set<string>();
  for (const n of scope.bound) if (!scope.globals.has(n) && !scope.nonlocals.has(n)) locals.add(n);

  // Names visible to child function scopes: our locals (if we are a function) plus what we see.
  const childEnclosing = new Set(enclosing);
  if (isFunc) for (const n of locals) childEnclosing.add(n);
  if (isFunc) for (const n of scope.nonlocals) childEnclosing.add(n);
  if (scope.kind === 'class') childEnclosing.add('__class__');

  const freeFromChildren = new Set<string>();
  const cellDemand = new Set<string>();
  for (const child of scope.children) {
    const childFree = resolve(child, childEnclosing, error, inlineComprehensions);
    for (const f of childFree) freeFromChildren.add(f);
    if (child.usesClassCell && scope.kind === 'class') scope.needsClassCell = true;
    // A child function needs a cell for each of its free names; an inlined
    // comprehension only for those its own nested functions need, as what it
    // uses itself it reads from our frame.
    child.inlined = inlineComprehensions && canInline(child, scope);
    for (const f of child.inlined ? child.childCellDemand : childFree) if (childFree.has(f)) cellDemand.add(f);
  }
  scope.childCellDemand = cellDemand;

  const free = new Set<string>();
  const setSym = (n: string, s: NameScope) => scope.symbols.set(n, s);
  for (const n of scope.globals) setSym(n, 'global_explicit');
  for (const n of scope.nonlocals) {
    setSym(n, 'free');
    free.add(n);
  }
  for (const n of locals) setSym(n, 'local');
  if (isFunc) {
    for (const n of scope.used) {
      if (scope.symbols.has(n)) continue;
      if (enclosing.has(n)) {
        setSym(n, 'free');
        free.add(n);
      } else setSym(n, 'global_implicit');
    }
    if (scope.usesClassCell && enclosing.has('__class__')) {
      setSym('__class__', 'free');
      free.add('__class__');
    }
  } else if (scope.kind === 'class') {
    for (const n of scope.used) {
      if (scope.symbols.has(n)) continue;
      if (enclosing.has(n)) {
        setSym(n, 'free');
        free.add(n);
      }
    }
  }
  // Free names of children that we bind become cells; others pass through as free.
  for (const n of freeFromChildren) {
    if (n === '__class__' && scope.kind === 'class') {
      if (!scope.cellvars.includes('__class__')) scope.cellvars.push('__class__');
      continue;
    }
    const s = scope.symbols.get(n);
    if (isFunc && s === 'local') {
      // An inlined comprehension reads our locals as they are (symtable.c inline_comprehension()).
      if (cellDemand.has(n)) setSym(n, 'cell');
      continue;
    }
    if (s === 'cell' || s === 'global_explicit') continue;
    if (isFunc && s === 'free') continue;
    if (scope.kind === 'class' && (s === 'local' || s === undefined || s === 'free')) {
      // A class body passes the free name through to its methods.
      if (s === undefined) setSym(n, 'global_implicit');
      free.add(n);
      if (!scope.freevars.includes(n)) scope.freevars.push(n);
      continue;
    }
    if (enclosing.has(n)) {
      if (!scope.symbols.has(n) || s === 'global_implicit') setSym(n, 'free');
      free.add(n);
    }
  }
  // Cells in CPython order: sorted by name (dictbytype sorts keys).
  const cells = [...scope.symbols].filter(([, s]) => s === 'cell').map(([n]) => n).sort();
  for (const c of cells) if (!scope.cellvars.includes(c)) scope.cellvars.push(c);
  if (scope.kind === 'class') scope.cellvars.sort();
  const frees = [...free].filter((n) => scope.symbols.get(n) === 'free' || scope.kind === 'class').sort();
  for (const f of frees) if (!scope.freevars.includes(f)) scope.freevars.push(f);
  scope.freevars.sort();
  return free;
}

const COMPREHENSIONS = ['listcomp', 'setcomp', 'dictcomp'];

/** Whether `scope` is a list, set or dict comprehension (not a generator expression). */
function canInlineKind(scope: Scope): boolean {
  return scope.kind === 'function' && COMPREHENSIONS.includes(scope.name) && scope.params[0] === '.0';
}

/**
 * Mirrors the choice of Python/symtable.c analyze_child_block() (3.12+): every
 * list, set and dict comprehension is inlined (PEP 709). NON-SPEC: pymem
 * keeps the function when the comprehension has a cell (a variable of its own
 * captured by a nested function), or sits in a class body and uses a free
 * variable of an enclosing function; CPython inlines those too, with
 * MAKE_CELL and LOAD_FROM_DICT_OR_DEREF.
 */
function canInline(child: Scope, parent: Scope): boolean {
  if (!canInlineKind(child) || child.cellvars.length) return false;
  if (parent.kind === 'class' && [...child.symbols.values()].includes('free')) return false;
  return true;
}

/** Calls `onExpr`/`onStmt` for the direct children of a node (generic traversal). */
export function forEachChild(node: Node | ast.AST, onExpr: (e: ast.expr) => void, onStmt: (s: ast.stmt) => void): void {
  for (const key of Object.keys(node)) {
    if (key === 'type') continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const item of v) visitChild(item, onExpr, onStmt);
    } else visitChild(v, onExpr, onStmt);
  }
}

const STMT_TYPES = new Set([
  'FunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'AugAssign', 'AnnAssign', 'For', 'While', 'If', 'With',
  'Raise', 'Try', 'Assert', 'Import', 'ImportFrom', 'Global', 'Nonlocal', 'Expr', 'Pass', 'Break', 'Continue',
]);

function visitChild(v: unknown, onExpr: (e: ast.expr) => void, onStmt: (s: ast.stmt) => void): void {
  if (!v || typeof v !== 'object' || !('type' in v)) return;
  const t = (v as { type: string }).type;
  if (STMT_TYPES.has(t)) onStmt(v as ast.stmt);
  else if (t === 'keyword') onExpr((v as ast.keyword).value);
  else if (t === 'comprehension' || t === 'arguments' || t === 'withitem' || t === 'ExceptHandler' || t === 'arg' || t === 'alias') {
    forEachChild(v as ast.AST, onExpr, onStmt);
  } else onExpr(v as ast.expr);
}
