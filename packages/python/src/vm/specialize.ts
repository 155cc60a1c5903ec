/**
 * CALL's adaptive specialization (3.12+), as far as a program can observe it.
 * A call site becomes a specialized instruction on its second execution, and
 * some of those forms differ from the generic CALL in memory:
 * - `l.append(x)` as a statement, `len(x)`, `isinstance(x, T)` and `type(x)`
 *   end without CHECK_EVAL_BREAKER(), so a collection an allocation scheduled
 *   before them waits for the next check (conformance case
 *   gc_eval_breaker_specialized_calls); every other form checks it;
 * - `str(x)` calls PyObject_Str() without packing its argument in a tuple
 *   (3.12's `str` has no vectorcall; 3.13's has);
 * - 3.13: calling a class of plain instances whose `__init__` is a simple
 *   Python function packs no argument tuple, and `__init__` returns through a
 *   shim frame that checks no eval breaker (CALL_ALLOC_AND_ENTER_INIT).
 *
 * Mirrors Python/specialize.c _Py_Specialize_Call() (which form a call site
 * becomes), Python/bytecodes.c (3.12: CALL_NO_KW_LIST_APPEND, CALL_NO_KW_LEN,
 * CALL_NO_KW_ISINSTANCE, CALL_NO_KW_TYPE_1, CALL_NO_KW_STR_1; 3.13:
 * CALL_LIST_APPEND, CALL_LEN, CALL_ISINSTANCE, CALL_TYPE_1, CALL_STR_1,
 * CALL_ALLOC_AND_ENTER_INIT; their DEOPT_IF guards) and the adaptive counter
 * of Include/internal/pycore_code.h (warmup, cooldown, backoff).
 */
import { PyFunction, PyMethod, PyNative, PyTypeObject, typeDictsVersionNow, type PyObject } from '@pymem/object-model';
import type { NativeFunctionState } from '../runtime/runtime';
import { CO_VARARGS, CO_VARKEYWORDS } from '../compiler/opcodes';

/** What a CALL site has become. */
export const enum CallForm {
  /** The adaptive CALL. */
  Generic,
  ListAppend,
  Len,
  IsInstance,
  Type1,
  Str1,
  AllocAndEnterInit,
  /** Any other specialization. */
  Other,
}

/** Whether a CALL in `form` checks the eval breaker after the call. */
export function checksEvalBreaker(form: CallForm): boolean {
  return form === CallForm.Generic || form === CallForm.Str1 || form === CallForm.Other;
}

/** Whether a CALL in `form` calls a class without packing the arguments in a tuple. */
export function callsTypeUnpacked(form: CallForm): boolean {
  return form === CallForm.Str1 || form === CallForm.AllocAndEnterInit;
}

/** `adaptive_counter_cooldown()`: a specialized site re-specializes after this many misses. */
const COOLDOWN = 52;
/** `MAX_BACKOFF_VALUE`: the largest backoff exponent after failed specializations. */
const MAX_BACKOFF = 12;

/** The inline cache of one CALL instruction (`_PyCallCache`): its form and adaptive counter. */
export class CallSite {
  form = CallForm.Generic;
  /** `adaptive_counter_warmup()`: specialize on the second execution. */
  counter = 1;
  backoff = 1;
  /**
   * What an `Other` or `AllocAndEnterInit` form's guard compares: the
   * callable (a bound method's function; the class). NON-SPEC for `Other`:
   * CPython's guards are per form (a function's version, a builtin's calling
   * convention); pymem tells apart only the forms above, and a call site
   * whose callable changes re-specializes after `COOLDOWN` misses as
   * CPython's does.
   */
  guard: PyObject | null = null;
  /** `AllocAndEnterInit`: the type-dicts version at which the guard last held (`tp_version_tag`'s role). */
  checkedAt = -1;
}

/** What the specialized forms compare with (`interp->callable_cache`, set up with the builtins) and look up. */
export interface CallableCache {
  len: PyObject | null;
  isinstance: PyObject | null;
  type: PyTypeObject;
  str: PyTypeObject;
  list: PyTypeObject;
  methodDescriptor: PyTypeObject;
  builtinFunction: PyTypeObject;
  object: PyTypeObject;
  /** 3.13: whether classes of plain Python instances specialize (CALL_ALLOC_AND_ENTER_INIT). */
  classCallsEnterInit: boolean;
  /** `_PyType_Lookup`. */
  typeLookup(type: PyTypeObject, name: string): PyObject | null;
  /** An entry of a type's own dict. */
  ownAttribute(type: PyTypeObject, name: string): PyObject | null;
  /** The function of the `list.append` method descriptor. */
  listAppend: unknown;
}

/**
 * Runs the call site's adaptive step for one execution; returns the form this
 * execution runs as (`Generic` where a specialized form's guard fails). `callable` is the
 * method (descriptor or function) in the method form, `self` the method
 * form's self or null (`PUSH_NULL` below the callable), `totalArgs` counts
 * `self`, and `resultPopped` says the next instruction is POP_TOP (the call is
 * a statement). Mirrors the specializing CALL: a specialized form whose guard
 * fails falls back to the adaptive CALL (DEOPT_IF), which counts down and
 * re-specializes at zero (DISPATCH_SAME_OPARG then runs what the site became).
 */
export function specializeCall(
  cache: CallableCache,
  site: CallSite,
  callable: PyObject,
  self: PyObject | null,
  totalArgs: number,
  resultPopped: boolean,
): CallForm {
  if (site.form !== CallForm.Generic && guardHolds(cache, site, callable, self, totalArgs)) return site.form;
  if (site.counter === 0) {
    const form = specialize(cache, callable, self, totalArgs, resultPopped);
    if (form !== null) {
      site.form = form;
      site.guard = form === CallForm.Other || form === CallForm.AllocAndEnterInit ? guardOf(callable) : null;
      site.checkedAt = form === CallForm.AllocAndEnterInit ? typeDictsVersionNow() : -1;
      site.counter = COOLDOWN;
      site.backoff = 0;
      return form;
    }
    // SPECIALIZATION_FAIL: the adaptive CALL again, with `adaptive_counter_backoff()`.
    site.form = CallForm.Generic;
    site.guard = null;
    site.backoff = Math.min(site.backoff + 1, MAX_BACKOFF);
    site.counter = (1 << site.backoff) - 1;
  }
  site.counter--;
  return CallForm.Generic;
}

function guardOf(callable: PyObject): PyObject {
  return callable instanceof PyMethod && callable.func ? callable.func : callable;
}

/** The DEOPT_IF guards of each form. */
function guardHolds(cache: CallableCache, site: CallSite, callable: PyObject, self: PyObject | null, totalArgs: number): boolean {
  switch (site.form) {
    case CallForm.ListAppend:
      return self !== null && isListAppend(cache, callable) && self.ob_type.isSubtype(cache.list);
    case CallForm.Len:
      return callable === cache.len && totalArgs === 1;
    case CallForm.IsInstance:
      return callable === cache.isinstance && totalArgs === 2;
    case CallForm.Type1:
      return self === null && callable === cache.type;
    case CallForm.Str1:
      return self === null && callable === cache.str;
    case CallForm.AllocAndEnterInit: {
      // The type's version tag: while no type dict has changed since the site was
      // checked, the class and its `__init__` are as they were; after a change, check again.
      if (self !== null || callable !== site.guard) return false;
      const version = typeDictsVersionNow();
      if (site.checkedAt === version) return true;
      if (!initOfPlainClass(cache, callable as PyTypeObject, totalArgs)) return false;
      site.checkedAt = version;
      return true;
    }
    default:
      return guardOf(callable) === site.guard;
  }
}

/** What _Py_Specialize_Call() makes of the site, or null when it fails (kinds of callable it does not specialize). */
function specialize(cache: CallableCache, c: PyObject, self: PyObject | null, totalArgs: number, resultPopped: boolean): CallForm | null {
  if (c === cache.len) return totalArgs === 1 ? CallForm.Len : null;
  if (c === cache.isinstance) return totalArgs === 2 ? CallForm.IsInstance : CallForm.Other;
  if (c instanceof PyTypeObject) {
    // specialize_class_call(): one positional argument to `type` or `str`.
    if (!c.isHeapType) {
      if (self === null && totalArgs === 1) {
        if (c === cache.type) return CallForm.Type1;
        if (c === cache.str) return CallForm.Str1;
      }
      return CallForm.Other;
    }
    // A class: 3.13 specializes one of plain instances with a simple `__init__`; 3.12 none (SPEC_FAIL_CALL_CLASS_MUTABLE).
    return cache.classCallsEnterInit && self === null && initOfPlainClass(cache, c, totalArgs) ? CallForm.AllocAndEnterInit : null;
  }
  if (c instanceof PyNative && c.ob_type === cache.methodDescriptor) {
    // specialize_method_descriptor(): list.append with one argument whose result is dropped.
    return isListAppend(cache, c) && self !== null && totalArgs === 2 && resultPopped ? CallForm.ListAppend : CallForm.Other;
  }
  if (c instanceof PyFunction || c instanceof PyMethod || (c instanceof PyNative && c.ob_type === cache.builtinFunction)) return CallForm.Other;
  return null;
}

function isListAppend(cache: CallableCache, c: PyObject): boolean {
  return c instanceof PyNative && c.ob_type === cache.methodDescriptor && (c.state as NativeFunctionState).fn === cache.listAppend;
}

/**
 * The `__init__` CALL_ALLOC_AND_ENTER_INIT enters for `type` called with `nargs`
 * arguments, or null. Mirrors specialize_class_call() and
 * get_init_for_simple_managed_python_class() (3.13): `object.__new__` makes the
 * instance (no class of the MRO defines `__new__`), instances keep their
 * attributes inline (no `__slots__`, no built-in base but object), and
 * `__init__` is a Python function without `*args`, `**kwargs` or keyword-only
 * parameters taking exactly `self` and the arguments.
 */
function initOfPlainClass(cache: CallableCache, type: PyTypeObject, nargs: number): PyFunction | null {
  for (const t of type.mroCache) {
    if (t === cache.object) continue;
    if (!t.isHeapType || t.ht_slots !== null || !t.instancesHaveDict || cache.ownAttribute(t, '__new__')) return null;
  }
  const init = cache.typeLookup(type, '__init__');
  if (!(init instanceof PyFunction)) return null;
  const co = init.code.co;
  if (co.co_flags & (CO_VARARGS | CO_VARKEYWORDS) || co.co_kwonlyargcount !== 0 || co.co_argcount !== nargs + 1) return null;
  return init;
}
