/**
 * The argument converters of built-in functions: what turns a wrong argument TYPE
 * into CPython's exception before (or as) the C function runs. Argument Clinic's
 * converters (Tools/clinic, their C in Python/getargs.c and the generated
 * `Objects/clinic/*.c.h`) and the hand-written checks of functions that parse with
 * PyArg_ParseTuple("O|OO") and convert afterwards. Whether a built-in is an
 * Argument Clinic function in a version is read from its declaration (calling.ts
 * SIGNATURES), so the message follows the parser CPython used in that version.
 */
import { PyInt, PyStr, type PyObject } from '@pymem/object-model';
import type { Runtime } from './runtime';
import type { ObjectProtocol } from './objects';
import { PyErr } from './errors';

/** PY_SSIZE_T_MAX / MIN, which PyNumber_AsSsize_t() clips to when it is given no exception type. */
const SSIZE_MAX = 2n ** 63n - 1n;
const SSIZE_MIN = -(2n ** 63n);

/**
 * How _PyArg_BadArgument() and getargs.c converterr() name the wrong argument:
 * `None` for None, else its type's name.
 */
export function badArgumentName(rt: Runtime, o: PyObject): string {
  return o === rt.None ? 'None' : o.ob_type.tp_name;
}

/**
 * Mirrors Python/getargs.c _PyArg_BadArgument(): the TypeError of Argument Clinic's
 * converters, `find() argument 1 must be str, not None`. `arg` is `argument` for a
 * function of one parameter, `argument N` otherwise (`argument 'name'` for a keyword).
 */
export function badArgument(rt: Runtime, fname: string, arg: string, expected: string, o: PyObject): PyErr {
  return rt.error('TypeError', `${fname}() ${arg} must be ${expected}, not ${badArgumentName(rt, o)}`);
}

/**
 * How Argument Clinic names parameter `position` (from 1), called `name`, that can
 * be given by keyword: by name from 3.8 (VersionProfile.clinicNamesKeywordArguments),
 * by position before.
 */
export function keywordArgumentName(rt: Runtime, position: number, name: string): string {
  return rt.profile.clinicNamesKeywordArguments ? `argument '${name}'` : `argument ${position}`;
}

/**
 * Mirrors Objects/abstract.c PyNumber_Index(): an int, or what the object's
 * `__index__` returns (which must be an int), else null so the caller raises its
 * own TypeError.
 */
export function numberIndex(rt: Runtime, p: ObjectProtocol, o: PyObject): bigint | null {
  if (o instanceof PyInt) return o.value;
  const f = p.special(o, '__index__');
  if (!f) return null;
  const r = p.callSpecial(f, o, []);
  try {
    if (!(r instanceof PyInt)) throw rt.error('TypeError', `__index__ returned non-int (type ${r.ob_type.tp_name})`);
    return r.value;
  } finally {
    rt.heap.decref(r);
  }
}

/**
 * Mirrors Python/ceval.c _PyEval_SliceIndex() (Argument Clinic's `slice_index`
 * converter): None keeps the default; an int or an object with `__index__` gives its
 * value clipped to Py_ssize_t (PyNumber_AsSsize_t(v, NULL)); anything else is a
 * TypeError.
 */
export function sliceIndex(rt: Runtime, p: ObjectProtocol, o: PyObject | undefined, dflt: number): number {
  if (o === undefined || o === rt.None) return dflt;
  const v = numberIndex(rt, p, o);
  if (v === null) throw rt.error('TypeError', 'slice indices must be integers or None or have an __index__ method');
  return Number(v > SSIZE_MAX ? SSIZE_MAX : v < SSIZE_MIN ? SSIZE_MIN : v);
}

/**
 * Mirrors Python/ceval.c _PyEval_SliceIndexNotNone(), the start and stop of
 * list.index() and tuple.index(): like _PyEval_SliceIndex() but None is refused.
 */
export function sliceIndexNotNone(rt: Runtime, p: ObjectProtocol, o: PyObject | undefined, dflt: number): number {
  if (o === undefined) return dflt;
  const v = numberIndex(rt, p, o);
  if (v === null) throw rt.error('TypeError', 'slice indices must be integers or have an __index__ method');
  return Number(v > SSIZE_MAX ? SSIZE_MAX : v < SSIZE_MIN ? SSIZE_MIN : v);
}

/**
 * Mirrors Objects/abstract.c PyNumber_AsSsize_t(o, NULL) for C code that converts an
 * integer itself (int()'s base): PyNumber_Index(), the value clipped to Py_ssize_t.
 */
export function numberAsSsize(rt: Runtime, p: ObjectProtocol, o: PyObject): number {
  const v = numberIndex(rt, p, o);
  if (v === null) throw rt.error('TypeError', `'${o.ob_type.tp_name}' object cannot be interpreted as an integer`);
  return Number(v > SSIZE_MAX ? SSIZE_MAX : v < SSIZE_MIN ? SSIZE_MIN : v);
}

/**
 * Argument Clinic's integer converters: `Py_ssize_t` (`n`, _PyNumber_Index() then
 * PyLong_AsSsize_t()) and `int` (`i`, _PyLong_AsInt()). Up to 3.9 both refuse a
 * float by name first and `int` reports other types in PyLong_AsLong()'s words
 * (VersionProfile.clinicIntegerConvertersIndexOnly).
 */
export function integerArgument(rt: Runtime, p: ObjectProtocol, o: PyObject, converter: 'ssize_t' | 'int'): bigint {
  const indexOnly = rt.profile.clinicIntegerConvertersIndexOnly;
  if (!indexOnly && o.ob_type.isSubtype(rt.t.float!)) throw rt.error('TypeError', 'integer argument expected, got float');
  if (indexOnly || converter === 'ssize_t') {
    const v = numberIndex(rt, p, o);
    if (v !== null) return v;
    throw rt.error('TypeError', `'${o.ob_type.tp_name}' object cannot be interpreted as an integer`);
  }
  // PyLong_AsLong(): an int, `__index__` from 3.8 (VersionProfile.asLongTakesIndex), else `__int__`.
  if (o instanceof PyInt || (rt.profile.asLongTakesIndex && p.special(o, '__index__'))) return numberIndex(rt, p, o)!;
  const nbInt = p.special(o, '__int__');
  if (!nbInt) throw rt.error('TypeError', `an integer is required (got type ${o.ob_type.tp_name})`);
  const r = p.callSpecial(nbInt, o, []);
  try {
    if (!(r instanceof PyInt)) throw rt.error('TypeError', `__int__ returned non-int (type ${r.ob_type.tp_name})`);
    return r.value;
  } finally {
    rt.heap.decref(r);
  }
}

/**
 * A `str` argument of a find()-like method (`sub` of count, find, index, rfind,
 * rindex): Objects/unicodeobject.c ensure_unicode() after PyArg_ParseTuple("O|OO")
 * up to 3.12 (`must be str, not NoneType`), Argument Clinic's `unicode` converter
 * from 3.13 (`find() argument 1 must be str, not None`).
 */
export function strArgument(rt: Runtime, o: PyObject, fname: string, arg: string, clinic: boolean): string {
  if (o instanceof PyStr) return o.value;
  if (clinic) throw badArgument(rt, fname, arg, 'str', o);
  throw rt.error('TypeError', `must be str, not ${o.ob_type.tp_name}`);
}
