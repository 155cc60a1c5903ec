/**
 * CALL's adaptive specialization (3.12+), as far as a program can observe it:
 * four specialized forms of CALL end without CHECK_EVAL_BREAKER(), so a
 * collection the allocator scheduled before them waits for the next check —
 * `l.append(x)` as a statement, `len(x)`, `isinstance(x, T)` and `type(x)`
 * at a call site that has run before (probes: conformance case
 * gc_eval_breaker_specialized_calls). Every other form of CALL checks it.
 * And `str(x)` specialized calls PyObject_Str() without packing its argument
 * in a tuple (3.12's `str` has no vectorcall; 3.13's has).
 *
 * Mirrors Python/specialize.c _Py_Specialize_Call() (which form a call site
 * becomes), Python/bytecodes.c CALL (3.12: CALL_NO_KW_LIST_APPEND,
 * CALL_NO_KW_LEN, CALL_NO_KW_ISINSTANCE, CALL_NO_KW_TYPE_1, CALL_NO_KW_STR_1; 3.13:
 * CALL_LIST_APPEND, CALL_LEN, CALL_ISINSTANCE, CALL_TYPE_1, CALL_STR_1 and their
 * DEOPT_IF guards) and the
 * adaptive counter of Include/internal/pycore_code.h (warmup, cooldown, backoff).
 */
import { PyFunction, PyMethod, PyNative, PyTypeObject, type PyObject } from '@pymem/object-model';
import type { NativeFunctionState } from '../runtime/runtime';

/** What a CALL site has become. */
export const enum CallForm {
  /** The adaptive CALL. */
  Generic,
  ListAppend,
  Len,
  IsInstance,
  Type1,
  Str1,
  /** Any other specialization. */
  Other,
}

/** Whether a CALL in `form` checks the eval breaker after the call. */
export function checksEvalBreaker(form: CallForm): boolean {
  return form === CallForm.Generic || form === CallForm.Str1 || form === CallForm.Other;
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
   * NON-SPEC: what an `Other` form's guard compares — the callable (a bound
   * method's function). CPython's guards are per form (a function's version,
   * a builtin's calling convention); pymem models only the four forms above
   * exactly, and a call site whose callable changes re-specializes after
   * `COOLDOWN` misses as CPython's does.
   */
  guard: PyObject | null = null;
}

/** The callables the four forms compare with (`interp->callable_cache`, set up with the builtins). */
export interface CallableCache {
  len: PyObject | null;
  isinstance: PyObject | null;
  type: PyTypeObject;
  str: PyTypeObject;
  list: PyTypeObject;
  methodDescriptor: PyTypeObject;
  builtinFunction: PyTypeObject;
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
      site.guard = form === CallForm.Other ? guardOf(callable) : null;
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
    if (self === null && totalArgs === 1) {
      if (c === cache.type) return CallForm.Type1;
      if (c === cache.str) return CallForm.Str1;
    }
    return CallForm.Other;
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
