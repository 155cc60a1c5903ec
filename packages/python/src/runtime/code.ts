/**
 * Code objects from the compiler's units (Python/compile.c `makecode`,
 * Objects/codeobject.c): each constant becomes the object CPython's compiler
 * would hold, shared where CPython shares it.
 */
import { PyObject, PyStr, PyCode, PyTuple } from '@pymem/object-model';
import type * as ast from '../parser/ast';
import { constKey, frozensetKey, isUnique, type CodeUnit, type ConstDesc } from '../compiler/compiler';
import type { Runtime } from './runtime';
import type { Operations } from './operations';

/**
 * Makes the code objects of a compilation: constants become objects (the
 * parser's objects for literals, held by the AST arena), deduplicated per
 * code object, or across the compilation from 3.8 (`merge_consts_recursive`),
 * with identifier-like strings interned (`intern_string_constants`).
 */
export function makeCode(rt: Runtime, ops: Operations, unit: CodeUnit, mergeAcross: boolean): { code: PyCode; arena: PyObject[] } {
  const heap = rt.heap;
  const arena: PyObject[] = [];
  const arenaObjects = new Map<ast.Constant, PyObject>();
  const merged = new Map<string, PyObject>();
  /** Constants without a merge key, by the compiler's description (borrowed: co_consts holds them). */
  const byDesc = new Map<ConstDesc, PyObject>();

  /** The parser's object for a literal (one per occurrence, in the arena). */
  const literal = (node: ast.Constant): PyObject => {
    let o = arenaObjects.get(node);
    if (!o) {
      o = node.pieces && rt.profile.parserArenaHoldsLiteralPieces ? joinedLiteral(node.pieces) : valueObject(rt, node.value, true);
      arenaObjects.set(node, o);
      arena.push(o);
    }
    return o;
  };

  /**
   * Mirrors Parser/action_helpers.c _PyPegen_concatenate_strings() (3.12+): each
   * piece is the parser's object in the arena; bytes are joined by PyBytes_Concat()
   * from b'' (so one piece is that piece again), strings of several pieces by a
   * writer into a new string. Returns the joined object, owned by the caller.
   */
  const joinedLiteral = (pieces: ast.ConstantValue[]): PyObject => {
    const objects = pieces.map((v) => valueObject(rt, v, true));
    arena.push(...objects);
    if (pieces[0]!.kind === 'str') {
      if (objects.length === 1) return heap.newref(objects[0]!);
      return rt.newStrObject(objects.map((x) => (x as PyStr).value).join(''));
    }
    let joined: PyObject = rt.newBytes(new Uint8Array(0));
    for (const piece of objects) {
      const next = ops.binaryOp(joined, piece, 'Add', false);
      heap.decref(joined);
      joined = next;
    }
    return joined;
  };

  /** The parser's object a literal, or an operation returning its literal operand, stands for (borrowed). */
  const parserObject = (d: ConstDesc): PyObject | null => (d.kind === 'ast' ? literal(d.node) : d.kind === 'same' ? parserObject(d.of) : null);

  const build = (u: CodeUnit): PyCode => {
    const perCode = new Map<string, PyObject>();
    const consts = u.consts.map((d) => constObject(d, perCode));
    const co_consts = mergeAcross ? mergeConstTuple(consts, coConstsKey(u.consts)) : rt.newTuple(consts);
    const nameObjs = [...u.names, ...u.varnames, ...u.cellvars, ...u.freevars].map((n) => rt.internString(n));
    const code = new PyCode(
      rt.t.code!,
      {
        co_name: u.name,
        co_qualname: u.qualname,
        co_filename: u.filename,
        co_firstlineno: u.firstlineno,
        co_argcount: u.argcount,
        co_posonlyargcount: u.posonlyargcount,
        co_kwonlyargcount: u.kwonlyargcount,
        co_flags: u.flags,
        co_nlocals: u.varnames.length,
        co_stacksize: u.stacksize,
        co_varnames: u.varnames,
        co_cellvars: u.cellvars,
        co_freevars: u.freevars,
        co_names: u.names,
        co_code: u,
      },
      co_consts,
      rt.newTuple(nameObjs),
    );
    heap.allocate(code, 200);
    return code;
  };

  /**
   * Mirrors Python/compile.c merge_const_tuple() (3.8+, from makecode()): a code
   * object's co_consts tuple is itself merged with an equal constant of the
   * compilation, so `(None,)` in the module is the co_consts of `def f(x): return [x]`.
   */
  const mergeConstTuple = (items: PyObject[], key: string | null): PyTuple => {
    const hit = key ? merged.get(key) : undefined;
    if (hit instanceof PyTuple) {
      for (const o of items) heap.decref(o);
      return heap.newref(hit);
    }
    const t = rt.newTuple(items);
    if (key) merged.set(key, t);
    return t;
  };

  const constObject = (d: ConstDesc, perCode: Map<string, PyObject>): PyObject => {
    if (d.kind === 'code') return build(d.unit);
    const cacheKey = isUnique(d) ? null : tupleKey(d);
    const cache = mergeAcross ? merged : perCode;
    if (cacheKey) {
      const hit = cache.get(cacheKey);
      if (hit) return heap.newref(hit);
    }
    // A constant kept apart is still one object where the optimizer reuses it: 3.6's
    // peephole folds a tuple from the co_consts items it folded before.
    const same = byDesc.get(d);
    if (same) return heap.newref(same);
    let o: PyObject;
    if (d.kind === 'ast') {
      o = heap.newref(literal(d.node));
    } else if (d.kind === 'value') {
      o = valueObject(rt, d.value, false);
    } else if (d.kind === 'same') {
      // The operand's object: the AST optimizer's make_const() puts the result in the
      // arena once more (3.6's peephole only appends it to co_consts).
      o = constObject(d.of, perCode);
      if (!d.unique) arena.push(heap.newref(parserObject(d.of) ?? o));
    } else if (d.kind === 'frozenset') {
      // PyFrozenSet_New over the folded tuple: the items go in in display order; fold_iter()
      // builds it from the parser's objects (make_const_tuple()).
      const descOf = new Map<PyObject, ConstDesc>();
      let s = rt.newSet(true);
      for (const x of d.items) {
        const item = d.optimizerFolded && x.kind === 'ast' ? heap.newref(literal(x.node)) : constObject(x, d.optimizerFolded ? new Map() : perCode);
        if (!ops.setHas(s, item)) descOf.set(item, x);
        ops.setAdd(s, item);
        heap.decref(item);
      }
      if (d.optimizerFolded) arena.push(heap.newref(s));
      if (mergeAcross) {
        // merge_consts_recursive() registers a new frozenset made from the first one's
        // merged items in its iteration order: where keys collided, the order changes.
        // The first one is freed, unless the AST arena holds it.
        const first = s;
        s = rt.newSet(true);
        for (const key of first.entries.map((e) => e.key)) {
          const item = constObject(descOf.get(key)!, perCode);
          ops.setAdd(s, item);
          heap.decref(item);
        }
        heap.decref(first);
      }
      o = s;
    } else {
      // 3.7's AST optimizer keeps its folded tuple's items as they are; 3.6's
      // peephole builds it from co_consts, and 3.8+ merges them (merge_consts_recursive).
      // A tuple the bytecode optimizer folded takes its items from co_consts (fold_tuple_on_constants()).
      const items = d.items.map((x) => (rt.profile.constTupleItemsShared || d.bytecodeFolded ? constObject(x, perCode) : constObject(x, new Map())));
      o = rt.newTuple(items);
      if (rt.profile.version[1] >= 7 && foldedByOptimizer(d)) {
        // The AST optimizer folded the display into a constant it keeps in the arena.
        arena.push(heap.newref(o));
      }
    }
    if (o instanceof PyStr && isIdentifierLike(o.value)) o = rt.intern(o, false);
    if (cacheKey) cache.set(cacheKey, o);
    else byDesc.set(d, o);
    return o;
  };

  const code = build(unit);
  return { code, arena };
}

/** The merge key of a co_consts tuple: none when it holds a code object or a constant kept apart (`unique`). */
function coConstsKey(consts: ConstDesc[]): string | null {
  if (consts.some(isUnique)) return null;
  const parts = consts.map(tupleKey);
  return parts.some((x) => x === null) ? null : `tuple:(${parts.join('|')})`;
}

function tupleKey(d: ConstDesc): string | null {
  if (d.kind === 'ast') return constKey(d.node.value);
  if (d.kind === 'value') return constKey(d.value);
  if (d.kind === 'same') return tupleKey(d.of);
  if (d.kind === 'tuple') {
    const parts = d.items.map(tupleKey);
    return parts.some((x) => x === null) ? null : `tuple:(${parts.join('|')})`;
  }
  if (d.kind === 'frozenset') return frozensetKey(d.items.map(tupleKey));
  return null;
}

/** `all_name_chars`: strings of identifier characters are interned by the compiler. */
function isIdentifierLike(s: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(s);
}

/** The object for a constant value: singletons and small ints are shared. */
function valueObject(rt: Runtime, v: ast.ConstantValue, fromParser: boolean): PyObject {
  switch (v.kind) {
    case 'None':
      return rt.heap.newref(rt.None);
    case 'Ellipsis':
      return rt.heap.newref(rt.Ellipsis);
    case 'bool':
      return rt.newBool(v.value);
    case 'int':
      return rt.newInt(v.value);
    case 'float':
      return rt.newFloat(v.value);
    case 'str':
      return fromParser && v.value.length > 1 ? rt.newStrObject(v.value) : rt.newStr(v.value);
    case 'bytes':
      return rt.newBytes(v.value);
  }
}

/** A constant the AST optimizer made (a folded tuple of literals, of tuples it folded): the arena holds it. */
function foldedByOptimizer(d: ConstDesc): boolean {
  if (d.kind === 'same') return foldedByOptimizer(d.of);
  return d.kind === 'ast' || (d.kind === 'tuple' && !d.bytecodeFolded && d.items.every(foldedByOptimizer));
}
