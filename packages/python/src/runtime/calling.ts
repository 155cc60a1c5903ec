/**
 * The calling convention of built-in functions and methods (`PyMethodDef.ml_flags`):
 * what a call allocates before the C function runs. Only METH_VARARGS allocates —
 * the positional arguments packed into a tuple and, with METH_KEYWORDS, the keywords
 * into a dict — while METH_O, METH_NOARGS and METH_FASTCALL take the caller's stack.
 * The tuple is counted by the collector unless the tuple free list has one of its
 * size, and it fills that free list when it is released, so which built-ins pack
 * decides `gc.get_count()` and when an automatic collection runs.
 */
import { PyTypeObject, type PyDict, type PyObject } from '@pymem/object-model';
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
export function withCallingConvention(rt: Runtime, p: ObjectProtocol, qualname: string, fn: NativeFn, hasSelf: boolean, classMethod = false): NativeFn {
  const until = METH_VARARGS_UNTIL.get(qualname);
  const minor = rt.profile.version[1];
  const packs = until !== undefined && minor <= until && NOT_METH_VARARGS_IN.get(qualname) !== minor;
  const parsed = withArgParser(rt, qualname, withArgumentCheck(rt, qualname, fn, hasSelf, packs, false, classMethod));
  const heap = rt.heap;
  const packKeywords = (kwargs: Map<string, PyObject> | null): PyDict | null => {
    if (!kwargs || !kwargs.size || keywordsInADict.has(kwargs)) return null;
    const kwDict = rt.newDict();
    for (const [k, v] of kwargs) p.dictSetStr(kwDict, k, v);
    return kwDict;
  };
  if (!packs) {
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

/**
 * How each built-in declares its parameters, which decides the TypeError a call with
 * the wrong arguments raises before the C function runs. One entry per qualname,
 * `|`-separated from the minor version (`8:`) a declaration starts in:
 * - `O` METH_O, `N` METH_NOARGS: Objects/methodobject.c cfunction_vectorcall_O() /
 *   _NOARGS() (3.6–3.8 _PyMethodDef_RawFastCallKeywords()).
 * - `P min max`: Argument Clinic's positional-only unpacking, Python/getargs.c
 *   _PyArg_CheckPositional() (3.6/3.7 PyArg_UnpackTuple()); `P*` also takes keywords,
 *   which the function checks itself (`dict(a=1)`); `P+` a METH_FASTCALL clinic
 *   function that packs `*args` itself (3.13 `set.update`), refusing keywords by its qualname.
 * - `T min max`: PyArg_ParseTuple() formats, getargs.c vgetargs1_impl();
 *   `T min max function` for a format without a `:name`.
 * - `K min max names`: parameters that can be keywords, getargs.c
 *   _PyArg_UnpackKeywords() / vgetargskeywords(); `_` names a positional-only one,
 *   `*name` a keyword-only one, `...` any number of positional ones (`zip(*iterables, strict)`). `V` the same, checked by a hand-written vectorcall
 *   that names a missing argument without its position (3.11+ enum_vectorcall());
 *   `K!` a vectorcall that first checks the positional count of a call without
 *   keywords as _PyArg_CheckPositional() (3.13 long_vectorcall(), unicode_vectorcall()).
 * - `W n n`: a slot wrapper (`object.__eq__`), typeobject.c check_num_args(); `W 2 2 unpack`
 *   unpacks with PyArg_UnpackTuple(args, "", ...) (wrap_setattr()).
 * - `U`: the function checks its arguments itself (print, max, map, type, ...).
 * Measured with all eight interpreters (each built-in called with 0–4 arguments and an
 * unknown keyword); a built-in not listed is `U`.
 */
const SIGNATURES: Readonly<Record<string, string>> = {
  abs: 'O', all: 'O', any: 'O', ascii: 'O', bin: 'O', callable: 'O', chr: 'O', hash: 'O', hex: 'O', id: 'O', len: 'O', oct: 'O', ord: 'O', repr: 'O',
  globals: 'N', locals: 'N',
  delattr: 'P 2 2', divmod: 'P 2 2', hasattr: 'P 2 2', isinstance: 'P 2 2', issubclass: 'P 2 2', setattr: 'P 3 3',
  dir: 'P 0 1', vars: 'P 0 1', getattr: 'P 2 3', iter: 'P 1 2', next: 'P 1 2',
  format: 'T 1 2 | 8:P 1 2',
  pow: 'P 2 3 | 8:K 2 3 base exp mod',
  round: 'K 1 2 number ndigits',
  sum: 'P 1 2 | 8:K 1 2 _ start',
  int: 'K 0 2 x base | 7:K 0 2 _ base | 13:K! 0 2 _ base',
  float: 'K 0 1 x | 7:P 0 1',
  bool: 'K 0 1 x | 7:P 0 1',
  tuple: 'K 0 1 sequence | 7:P 0 1',
  list: 'K 0 1 sequence | 7:P 0 1',
  str: 'K 0 3 object encoding errors | 13:K! 0 3 object encoding errors',
  bytes: 'K 0 3 source encoding errors',
  dict: 'P* 0 1',
  set: 'P 0 1', frozenset: 'P 0 1', range: 'P 0 3 | 9:P 1 3', slice: 'P 1 3', filter: 'P 2 2', reversed: 'P 1 1',
  classmethod: 'P 1 1', staticmethod: 'P 1 1',
  enumerate: 'K 1 2 iterable start | 11:V 1 2 iterable start',
  sorted: 'U | 7:P* 1 1',
  map: 'P 0 inf', zip: 'P 0 inf | 10:K 0 inf ... *strict', property: 'K 0 4 fget fset fdel doc',
  'list.sort': 'K 0 2 key reverse | 7:K 0 2 *key *reverse',
  'str.__format__': 'T 1 1 | 7:O',
  'str.capitalize': 'N', 'str.casefold': 'N', 'str.isalnum': 'N', 'str.isalpha': 'N', 'str.isascii': 'N', 'str.isdecimal': 'N', 'str.isdigit': 'N',
  'str.isidentifier': 'N', 'str.islower': 'N', 'str.isnumeric': 'N', 'str.isprintable': 'N', 'str.isspace': 'N', 'str.istitle': 'N',
  'str.isupper': 'N', 'str.lower': 'N', 'str.swapcase': 'N', 'str.title': 'N', 'str.upper': 'N',
  'str.center': 'T 1 2 | 8:P 1 2', 'str.ljust': 'T 1 2 | 8:P 1 2', 'str.rjust': 'T 1 2 | 8:P 1 2',
  'str.count': 'T 1 3 | 13:P 1 3', 'str.find': 'T 1 3 | 13:P 1 3', 'str.rfind': 'T 1 3 | 13:P 1 3', 'str.index': 'T 1 3 | 13:P 1 3',
  'str.rindex': 'T 1 3 | 13:P 1 3', 'str.startswith': 'T 1 3 | 13:P 1 3', 'str.endswith': 'T 1 3 | 13:P 1 3',
  'str.encode': 'K 0 2 encoding errors',
  'str.split': 'K 0 2 sep maxsplit', 'str.rsplit': 'K 0 2 sep maxsplit',
  'str.splitlines': 'K 0 1 keepends', 'str.expandtabs': 'K 0 1 tabsize',
  'str.format_map': 'O', 'str.join': 'O', 'str.partition': 'O', 'str.rpartition': 'O', 'str.translate': 'O',
  'str.removeprefix': 'O', 'str.removesuffix': 'O',
  'str.strip': 'T 0 1 | 7:P 0 1', 'str.lstrip': 'T 0 1 | 7:P 0 1', 'str.rstrip': 'T 0 1 | 7:P 0 1',
  'str.replace': 'T 2 3 | 8:P 2 3 | 13:K 2 3 _ _ count',
  'str.zfill': 'T 1 1 | 7:O',
  'str.maketrans': 'T 1 3 | 8:P 1 3',
  'list.append': 'O', 'list.count': 'O', 'list.extend': 'O', 'list.remove': 'O',
  'list.clear': 'N', 'list.copy': 'N', 'list.reverse': 'N', 'list.__sizeof__': 'N',
  'list.index': 'T 1 3 | 8:P 1 3', 'list.insert': 'T 2 2 | 8:P 2 2', 'list.pop': 'T 0 1 | 8:P 0 1',
  'dict.clear': 'N', 'dict.copy': 'N', 'dict.items': 'N', 'dict.keys': 'N', 'dict.values': 'N', 'dict.popitem': 'N',
  'dict.get': 'P 1 2', 'dict.pop': 'P 1 2', 'dict.setdefault': 'P 1 2', 'dict.fromkeys': 'P 1 2',
  'dict.update': 'P* 0 1', 'set.update': 'P 0 inf | 13:P+ 0 inf',
  'set.add': 'O', 'set.discard': 'O', 'set.remove': 'O', 'set.clear': 'N', 'set.pop': 'N',
  'tuple.count': 'O', 'tuple.index': 'T 1 3 | 8:P 1 3',
  'int.__round__': 'T 0 1 function | 10:P 0 1', 'int.bit_length': 'N',
  'float.__round__': 'T 0 1 function | 7:P 0 1', 'float.is_integer': 'N',
  'bytes.count': 'T 1 3 | 13:P 1 3', 'bytes.find': 'T 1 3 | 13:P 1 3', 'bytes.rfind': 'T 1 3 | 13:P 1 3',
  'bytes.startswith': 'T 1 3 | 13:P 1 3', 'bytes.endswith': 'T 1 3 | 13:P 1 3', 'bytes.decode': 'K 0 2 encoding errors',
  'bytes.hex': 'N | 8:K 0 2 sep bytes_per_sep', 'bytes.join': 'O', 'bytes.lower': 'N', 'bytes.upper': 'N',
  'bytes.replace': 'T 2 3 | 8:P 2 3',
  'object.__delattr__': 'W 1 1', 'object.__eq__': 'W 1 1', 'object.__ne__': 'W 1 1', 'object.__getattribute__': 'W 1 1',
  'object.__hash__': 'W 0 0', 'object.__repr__': 'W 0 0', 'object.__setattr__': 'W 2 2 unpack',
  'int.__format__': 'T 1 1 | 7:O', 'float.__format__': 'T 1 1 | 7:O',
  'object.__dir__': 'N', 'object.__sizeof__': 'N', 'object.__format__': 'T 1 1 | 7:O',
  'list.__len__': 'W 0 0', 'dict.__len__': 'W 0 0', 'set.__len__': 'W 0 0', 'list.__iter__': 'W 0 0', 'dict.__iter__': 'W 0 0', 'set.__iter__': 'W 0 0',
  'list.__contains__': 'W 1 1', 'dict.__contains__': 'O', 'set.__contains__': 'O', 'list.__getitem__': 'O', 'dict.__getitem__': 'O',
  'list.__delitem__': 'W 1 1', 'dict.__delitem__': 'W 1 1', 'list.__setitem__': 'W 2 2 unpack', 'dict.__setitem__': 'W 2 2 unpack',
  'set.copy': 'N', 'set.isdisjoint': 'O', 'set.issubset': 'O', 'set.issuperset': 'O', 'set.symmetric_difference': 'O',
  'set.difference': 'P 0 inf | 13:P+ 0 inf', 'set.intersection': 'P 0 inf | 13:P+ 0 inf', 'set.union': 'P 0 inf | 13:P+ 0 inf',
  'frozenset.copy': 'N', 'frozenset.isdisjoint': 'O', 'frozenset.issubset': 'O', 'frozenset.issuperset': 'O', 'frozenset.symmetric_difference': 'O',
  'frozenset.difference': 'P 0 inf | 13:P+ 0 inf', 'frozenset.intersection': 'P 0 inf | 13:P+ 0 inf', 'frozenset.union': 'P 0 inf | 13:P+ 0 inf',
  'type.__subclasses__': 'N', 'type.mro': 'N', 'object.__init_subclass__': 'N',
  'generator.send': 'O', 'generator.close': 'N', 'generator.throw': 'P 1 3', 'bytes.split': 'K 0 2 sep maxsplit', 'bytes.strip': 'P 0 1', 'bytes.fromhex': 'O',
};

/** A built-in's declaration in one version (SIGNATURES). */
interface Signature {
  readonly conv: 'O' | 'N' | 'P' | 'T' | 'K' | 'V' | 'W';
  readonly min: number;
  readonly max: number;
  /** `P*`: keywords are passed on to the function. */
  readonly keywordsToBody: boolean;
  /** `P+`: METH_FASTCALL although the calling convention packs its arguments. */
  readonly fastcall: boolean;
  /** `K!`: a call without keywords is counted as `P`'s. */
  readonly positionalVectorcall: boolean;
  /** `K`: the parameter names, `_` for positional-only ones, `*name` for keyword-only ones. */
  readonly names: readonly string[];
}

/** `qualname`'s declaration in minor version `minor`, or null when the function checks its own arguments. */
function signatureOf(qualname: string, minor: number): Signature | null {
  const decl = SIGNATURES[qualname];
  if (decl === undefined) return null;
  let chosen = '';
  for (const segment of decl.split('|')) {
    const m = /^\s*(?:(\d+):)?(.*?)\s*$/.exec(segment)!;
    if (m[1] === undefined || Number(m[1]) <= minor) chosen = m[2]!;
  }
  const [conv, min, max, ...names] = chosen.split(' ');
  if (conv === 'U') return null;
  if (conv === 'O') return { conv, min: 1, max: 1, keywordsToBody: false, fastcall: false, positionalVectorcall: false, names };
  if (conv === 'N') return { conv, min: 0, max: 0, keywordsToBody: false, fastcall: false, positionalVectorcall: false, names };
  const kind = conv![0] as Signature['conv'];
  return { conv: kind, min: Number(min), max: max === 'inf' ? Infinity : Number(max), keywordsToBody: conv === 'P*', fastcall: conv === 'P+', positionalVectorcall: conv === 'K!', names };
}

/**
 * The error for the first keyword that names no parameter, or one already given by
 * position (_PyArg_UnpackKeywords(); 3.13 says "got an unexpected keyword argument").
 */
function unexpectedKeyword(minor: number, name: string, names: readonly string[], posOnly: number, nargs: number, kwargs: Map<string, PyObject> | null): string | null {
  if (!kwargs) return null;
  for (const k of kwargs.keys()) {
    const at = names.indexOf(k);
    if (at >= 0 && at >= posOnly) {
      if (at < nargs) return `argument for ${name}() given by name ('${k}') and position (${at + 1})`;
      continue;
    }
    if (minor === 6) return `'${k}' is an invalid keyword argument for this function`;
    return minor >= 13 ? `${name}() got an unexpected keyword argument '${k}'` : `'${k}' is an invalid keyword argument for ${name}()`;
  }
  return null;
}

/**
 * The TypeError of a call whose arguments do not fit `sig`, or null when they fit.
 * `name` is the PyMethodDef's `ml_name` (`center`); `funcStr` what 3.9+'s
 * _PyObject_FunctionStr() prints (`str.center`); `packed` whether the function is
 * METH_VARARGS here, whose keyword refusal names `ml_name` in every version
 * (Objects/methodobject.c cfunction_call()).
 */
function argumentError(rt: Runtime, sig: Signature, name: string, funcStr: string, packed: boolean, isType: boolean, nargs: number, kwargs: Map<string, PyObject> | null): string | null {
  const minor = rt.profile.version[1];
  const nkw = kwargs ? kwargs.size : 0;
  const fs = minor >= 9 ? funcStr : name;
  const s = (n: number) => (n === 1 ? '' : 's');
  if ((sig.conv === 'K' || sig.conv === 'V') && !(sig.positionalVectorcall && !nkw)) {
    // _PyArg_UnpackKeywords() (3.7 vgetargskeywordsfast_impl(), 3.6 vgetargskeywords()).
    const names = sig.names.map((n) => n.replace('*', ''));
    if (nargs + nkw > sig.max) return `${name}() takes at most ${sig.max} argument${s(sig.max)} (${nargs + nkw} given)`;
    const positional = names.includes('...') ? Infinity : sig.names.filter((n) => !n.startsWith('*')).length;
    if (nargs > positional) return positional ? `${name}() takes at most ${positional} positional argument${s(positional)} (${nargs} given)` : `${name}() takes no positional arguments`;
    const posOnly = names.filter((n) => n === '_').length;
    if (nargs < posOnly && nargs < sig.min) return `${name}() takes at least ${posOnly} positional argument${s(posOnly)} (${nargs} given)`;
    // enum_vectorcall() looks at the keywords' names before it finds the iterable missing.
    // Its check_keyword() says "invalid keyword argument" in every version.
    const badKeyword = sig.conv === 'V' ? unexpectedKeyword(Math.min(minor, 12), name, names, posOnly, nargs, kwargs) : null;
    if (badKeyword !== null) return badKeyword;
    for (let i = nargs; i < sig.min; i++) {
      if (kwargs && kwargs.has(names[i]!)) continue;
      if (sig.conv === 'V') return `${name}() missing required argument '${names[i]}'`;
      return minor === 6 ? `Required argument '${names[i]}' (pos ${i + 1}) not found` : `${name}() missing required argument '${names[i]}' (pos ${i + 1})`;
    }
    return unexpectedKeyword(minor, name, names, posOnly, nargs, kwargs);
  }
  if (sig.conv === 'W') {
    // wrapperdescr_call()/wrapper_call() refuse keywords; 3.6 said "doesn't take".
    if (nkw) return minor === 6 ? `wrapper ${name} doesn't take keyword arguments` : `wrapper ${name}() takes no keyword arguments`;
    const plural = sig.min === 1 && rt.profile.argCountSingular ? '' : 's';
    return `${sig.names[0] === 'unpack' ? ' ' : ''}expected ${sig.min} argument${plural}, got ${nargs}`;
  }
  // The call refuses keywords before the function counts its positional arguments.
  if (nkw && !sig.keywordsToBody) {
    // 3.6's _PyArg_NoKeywords(), which the constructors call, said "does not take".
    if (isType && minor === 6) return `${name}() does not take keyword arguments`;
    // A PyArg_ParseTuple() function is METH_VARARGS, refused by cfunction_call() by its ml_name.
    return `${(packed && !sig.fastcall) || sig.conv === 'T' ? name : fs}() takes no keyword arguments`;
  }
  if (nargs < sig.min || nargs > sig.max) {
    const k = nargs < sig.min ? sig.min : sig.max;
    const bound = sig.min === sig.max ? '' : nargs < sig.min ? 'at least ' : 'at most ';
    switch (sig.conv) {
      case 'O':
        return `${fs}() takes exactly one argument (${nargs} given)`;
      case 'N':
        return `${fs}() takes no arguments (${nargs} given)`;
      case 'P':
      case 'K':
        // _PyArg_CheckPositional(); 3.6/3.7's PyArg_UnpackTuple() always says "arguments".
        return `${name} expected ${bound}${k} argument${k === 1 && rt.profile.argCountSingular ? '' : 's'}, got ${nargs}`;
      case 'T':
        return `${sig.names[0] === 'function' ? 'function' : `${name}()`} takes ${bound || 'exactly '}${k} argument${s(k)} (${nargs} given)`;
    }
  }
  return null;
}

/**
 * `fn` behind the argument check of its declaration (SIGNATURES): a call whose
 * arguments do not fit raises CPython's TypeError before the function body runs, so
 * no body sees too few or too many arguments or a keyword it does not take. The
 * successful call costs two comparisons and, with keywords, a walk over them.
 */
export function withArgumentCheck(rt: Runtime, qualname: string, fn: NativeFn, hasSelf: boolean, packed: boolean, isType = false, classMethod = false): NativeFn {
  const sig = signatureOf(qualname, rt.profile.version[1]);
  if (!sig) return fn;
  const name = qualname.slice(qualname.lastIndexOf('.') + 1);
  const self = hasSelf ? 1 : 0;
  const { min } = sig;
  // The most positional arguments: `max` less any keyword-only parameters.
  const max = sig.conv === 'K' && !sig.names.includes('...') ? Math.min(sig.max, sig.names.filter((n) => !n.startsWith('*')).length) : sig.max;
  const checkKeywords = !sig.keywordsToBody;
  return (rt, args, kwargs, tuple) => {
    const nargs = args.length - self;
    if (nargs < min || nargs > max || (checkKeywords && kwargs !== null && kwargs.size !== 0)) {
      // A METH_CLASS method is a built-in method bound to the class it was looked up on:
      // _PyObject_FunctionStr() names that class (meth_get__qualname__()).
      const cls = classMethod ? args[0] : null;
      const funcStr = cls instanceof PyTypeObject ? `${cls.qualname}.${name}` : qualname;
      const message = argumentError(rt, sig, name, funcStr, packed, isType, nargs, kwargs);
      if (message !== null) throw rt.error('TypeError', message);
    }
    return fn(rt, args, kwargs, tuple);
  };
}

/**
 * Whether `qualname` is an Argument Clinic function in minor version `minor` (its
 * declaration there is `P` or `K`): its converters then report a wrong argument
 * type by name and position (_PyArg_BadArgument()), where the hand-written parsing
 * it replaced had messages of its own.
 */
export function isArgumentClinic(qualname: string, minor: number): boolean {
  const sig = signatureOf(qualname, minor);
  return sig !== null && (sig.conv === 'P' || sig.conv === 'K');
}
