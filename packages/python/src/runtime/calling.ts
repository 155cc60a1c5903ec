/**
 * The calling convention of built-in functions and methods (`PyMethodDef.ml_flags`):
 * what a call allocates before the C function runs. Only METH_VARARGS allocates —
 * the positional arguments packed into a tuple and, with METH_KEYWORDS, the keywords
 * into a dict — while METH_O, METH_NOARGS and METH_FASTCALL take the caller's stack.
 * The tuple is counted by the collector unless the tuple free list has one of its
 * size, and it fills that free list when it is released, so which built-ins pack
 * decides `gc.get_count()` and when an automatic collection runs.
 */
import type { PyDict, PyObject } from '@pymem/object-model';
import type { Runtime, NativeFn } from './runtime';
import type { ObjectProtocol } from './objects';

/**
 * Built-ins that are METH_VARARGS, by the last 3.x minor version in which they are
 * (`Infinity`: every version). 3.6's Argument Clinic unpacked several positional
 * parameters from a tuple (PyArg_UnpackTuple), so most clinic functions of two or
 * more parameters pack up to 3.6 and take METH_FASTCALL from 3.7. Measured with the
 * interpreters: the `gc.get_count()` difference of one call, after a full collection
 * emptied the free lists, against the same call in pymem.
 */
const METH_VARARGS_UNTIL: ReadonlyMap<string, number> = new Map([
  // tp_new_wrapper() (typeobject.c), a type's `__new__`: METH_VARARGS | METH_KEYWORDS in every version.
  ['object.__new__', Infinity],
  ['__build_class__', 6],
  ['isinstance', 6],
  ['issubclass', 6],
  ['getattr', 6],
  ['setattr', 6],
  ['hasattr', 6],
  ['delattr', 6],
  ['divmod', 6],
  ['pow', 6],
  ['sum', 6],
  ['next', 6],
  ['format', 6],
  ['round', 6],
  ['vars', Infinity],
  ['dir', Infinity],
  ['sorted', 6],
  ['iter', 7],
  ['min', 12],
  ['max', 12],
  ['gc.collect', 6],
  ['gc.set_debug', 6],
  ['gc.set_threshold', Infinity],
  ['gc.get_referents', Infinity],
  ['gc.get_referrers', Infinity],
  ['sys.intern', 7],
  ['sys.getsizeof', Infinity],
  ['list.pop', 6],
  ['list.insert', 6],
  ['list.index', 6],
  ['tuple.index', 6],
  ['dict.get', 6],
  ['dict.setdefault', 6],
  ['dict.fromkeys', 6],
  ['dict.pop', 7],
  ['dict.update', Infinity],
  ['set.update', Infinity],
  ['str.strip', 6],
  ['str.lstrip', 6],
  ['str.rstrip', 6],
  ['str.replace', 6],
  ['str.split', 6],
  ['str.rsplit', 6],
  ['str.center', 6],
  ['str.ljust', 6],
  ['str.rjust', 6],
  ['str.zfill', 6],
  ['str.expandtabs', 6],
  ['str.splitlines', 6],
  ['str.encode', 6],
  ['list.sort', 6],
  ['print', 6],
  ['str.startswith', 12],
  ['str.endswith', 12],
  ['str.find', 12],
  ['str.rfind', 12],
  ['str.index', 12],
  ['str.rindex', 12],
  ['str.count', 12],
  ['str.format', Infinity],
  ['int.__round__', 9],
  ['float.__round__', 6],
  ['int.__format__', 6],
  ['float.__format__', 6],
  ['str.__format__', 6],
  ['object.__format__', 6],
]);

/**
 * The minor versions in which a built-in of METH_VARARGS_UNTIL is not METH_VARARGS
 * after all: 3.12 converted `vars()` and `dir()` to Argument Clinic (METH_FASTCALL,
 * they have a `__text_signature__` there), 3.13 reverted it.
 */
const NOT_METH_VARARGS_IN: ReadonlyMap<string, number> = new Map([
  ['vars', 12],
  ['dir', 12],
]);

const UP_TO_3_11 = [8, 9, 10, 11];

/**
 * Built-ins that parse their arguments with a static `_PyArg_Parser` (Argument
 * Clinic's, and 3.13's min()/max()), whose parser_init() makes the parser's `kwtuple`
 * (the keyword names) the first time it runs and keeps it for good — one counted
 * allocation. When it runs is `VersionProfile.argParserInitOnEveryCall`: at every
 * call up to 3.7, only for calls with keywords from 3.8. 3.12 made Clinic's
 * kwtuples static objects, so from then only a hand-written parser (min, max)
 * allocates one. Listed by the minor versions in which the parser exists and
 * CPython's start-up has not run it already (3.7's start-up calls `str.split`,
 * `str.encode` and `list.sort`), found by counting a first call against a second
 * in each interpreter; `sorted()` passes its keywords on to `list.sort`.
 */
const ARG_PARSERS: ReadonlyMap<string, { minors: readonly number[]; keywords: readonly string[] }> = new Map([
  ['round', { minors: [7, ...UP_TO_3_11], keywords: ['number', 'ndigits'] }],
  ['sum', { minors: UP_TO_3_11, keywords: ['start'] }],
  ['min', { minors: [13], keywords: ['key', 'default'] }],
  ['max', { minors: [13], keywords: ['key', 'default'] }],
  ['int', { minors: UP_TO_3_11, keywords: ['base'] }],
  ['enumerate', { minors: [8, 9, 10], keywords: ['iterable', 'start'] }],
  ['list.sort', { minors: UP_TO_3_11, keywords: ['key', 'reverse'] }],
  ['str.split', { minors: UP_TO_3_11, keywords: ['sep', 'maxsplit'] }],
  ['str.rsplit', { minors: [7, ...UP_TO_3_11], keywords: ['sep', 'maxsplit'] }],
  ['str.splitlines', { minors: [7, ...UP_TO_3_11], keywords: ['keepends'] }],
  ['str.expandtabs', { minors: [7, ...UP_TO_3_11], keywords: ['tabsize'] }],
  ['str.encode', { minors: UP_TO_3_11, keywords: ['encoding', 'errors'] }],
  ['bytes.decode', { minors: [6, 7, ...UP_TO_3_11], keywords: ['encoding', 'errors'] }],
]);

/**
 * `fn` with the built-in `qualname`'s static argument parser, when it has one in
 * this version (ARG_PARSERS): the call that first runs parser_init() makes the
 * parser's `kwtuple` (Python/getargs.c parser_init(), 3.8–3.11 reached through
 * _PyArg_UnpackKeywords()).
 */
export function withArgParser(rt: Runtime, qualname: string, fn: NativeFn): NativeFn {
  const parser = ARG_PARSERS.get(qualname);
  if (!parser || !parser.minors.includes(rt.profile.version[1])) return fn;
  let kwtuple: PyObject | null = null;
  return (rt, args, kwargs) => {
    if (!kwtuple && (rt.profile.argParserInitOnEveryCall || (kwargs && kwargs.size))) {
      kwtuple = rt.newTuple(parser.keywords.map((k) => rt.internString(k)));
    }
    return fn(rt, args, kwargs);
  };
}

/**
 * Keywords that already exist as a dict object while a METH_VARARGS built-in runs
 * (it packed them): a built-in that calls another with the same keywords passes
 * that dict on (3.6's sorted() to `list.sort`, _PyObject_FastCallDict()), so the
 * inner call makes no second one.
 */
const keywordsInADict = new WeakSet<Map<string, PyObject>>();

/**
 * `fn` as the built-in `qualname` (`isinstance`, `sys.getsizeof`, `dict.get`) is
 * called in this version: when it is METH_VARARGS, the call first packs its
 * arguments — after `self` when `hasSelf` — into a tuple and its keywords into a
 * dict, and releases them after the function returns (Objects/call.c
 * _PyMethodDef_RawFastCallKeywords(), 3.6 _PyCFunction_FastCallKeywords()).
 * Otherwise, in 3.6 only, a call with keywords still makes their dict
 * (_PyCFunction_FastCallKeywords()), which _PyCFunction_FastCallDict() unpacks
 * for a METH_FASTCALL function into a new tuple of the keyword names
 * (_PyStack_UnpackDict()).
 */
export function withCallingConvention(rt: Runtime, p: ObjectProtocol, qualname: string, fn: NativeFn, hasSelf: boolean): NativeFn {
  const parsed = withArgParser(rt, qualname, fn);
  const until = METH_VARARGS_UNTIL.get(qualname);
  const minor = rt.profile.version[1];
  const heap = rt.heap;
  const packKeywords = (kwargs: Map<string, PyObject> | null): PyDict | null => {
    if (!kwargs || !kwargs.size || keywordsInADict.has(kwargs)) return null;
    const kwDict = rt.newDict();
    for (const [k, v] of kwargs) p.dictSetStr(kwDict, k, v);
    return kwDict;
  };
  if (until === undefined || minor > until || NOT_METH_VARARGS_IN.get(qualname) === minor) {
    if (!rt.profile.cFunctionKeywordsAsDict) return parsed;
    return (rt, args, kwargs) => {
      if (!kwargs || !kwargs.size) return parsed(rt, args, kwargs);
      const kwDict = packKeywords(kwargs);
      const kwnames = rt.newTuple([...kwargs.keys()].map((k) => rt.internString(k)));
      try {
        return parsed(rt, args, kwargs);
      } finally {
        heap.decref(kwnames);
        if (kwDict) heap.decref(kwDict);
      }
    };
  }
  return (rt, args, kwargs) => {
    const positional = hasSelf ? args.slice(1) : args;
    const argTuple = rt.newTuple(positional.map((a: PyObject) => heap.newref(a)));
    const kwDict = packKeywords(kwargs);
    if (kwDict) keywordsInADict.add(kwargs!);
    try {
      return parsed(rt, args, kwargs, argTuple);
    } finally {
      if (kwDict) keywordsInADict.delete(kwargs!);
      heap.decref(argTuple);
      if (kwDict) heap.decref(kwDict);
    }
  };
}
