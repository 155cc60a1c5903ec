/**
 * The eval loop. Mirrors Python/ceval.c (up to 3.10) and Python/bytecodes.c
 * (3.12+) in what each instruction increfs and decrefs: `LOAD_*` push a new
 * reference, `STORE_*` steal the top of the stack and drop the old value,
 * `POP_TOP` drops, calls borrow their arguments from the stack and drop them
 * after the call — so every temporary counts in `sys.getrefcount` exactly
 * as in CPython.
 */
import {
  PyObject,
  PyInt,
  PyFloat,
  PyStr,
  PyTuple,
  PyList,
  PyDict,
  PySet,
  PyCode,
  PyCell,
  PyFunction,
  PyException,
  PyTraceback,
  PyFrame,
  PyGenerator,
  PyTypeObject,
  PyNative,
  PyMethod,
  PyModule,
  HeapExhausted,
  type DictEntry,
} from '@pymem/object-model';
import { Op, BINARY_OPERATORS, COMPARE_OPERATORS, UNARY_OPERATORS, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS } from '../compiler/opcodes';
import type { CodeUnit } from '../compiler/compiler';
import type { Runtime, NativeFunctionState } from '../runtime/runtime';
import { PyErr, StepLimitExceeded } from '../runtime/errors';
import type { ObjectProtocol, CompareOp } from '../runtime/objects';
import { dictGetItem, dictItems, dictSetItem, dictReplaceCached, storeCacheOf, type StoreCache } from '../runtime/dict';
import { Frame } from './frame';
import { CallForm, CallSite, callsTypeUnpacked, checksEvalBreaker, specializeCall, type CallableCache } from './specialize';
import type { TraceEmitter } from './trace';
import type { Operations } from '../runtime/operations';

/** What a LOAD_GLOBAL found: `dict.entries[index]`, in the globals or (absent from them) the builtins. */
interface GlobalCache {
  readonly globals: PyDict;
  readonly builtins: PyDict;
  readonly globalsVersion: number;
  readonly dict: PyDict;
  readonly entries: DictEntry[];
  readonly index: number;
}

/**
 * Pops the top `n` items of the value stack, oldest first, into a new array.
 * NON-SPEC: what `stack.splice(-n)` does, without the builtin's cost on every call.
 */
function popN(stack: PyObject[], n: number): PyObject[] {
  const at = stack.length - n;
  // Array literals and `slice` allocate the exact length; pushing onto `[]` makes room for 17.
  let out: PyObject[];
  switch (n) {
    case 0:
      return [];
    case 1:
      out = [stack[at]!];
      break;
    case 2:
      out = [stack[at]!, stack[at + 1]!];
      break;
    case 3:
      out = [stack[at]!, stack[at + 1]!, stack[at + 2]!];
      break;
    default:
      out = stack.slice(at);
  }
  for (let i = 0; i < n; i++) stack.pop();
  return out;
}

/**
 * `n` empty fast-local slots: a packed array of exactly `n` (`new Array(n).fill(null)`
 * makes a slower, holey one; pushing onto `[]` makes room for 17).
 */
function nulls(n: number): (PyObject | null)[] {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [null];
    case 2:
      return [null, null];
    case 3:
      return [null, null, null];
    case 4:
      return [null, null, null, null];
    case 5:
      return [null, null, null, null, null];
    case 6:
      return [null, null, null, null, null, null];
  }
  const out: (PyObject | null)[] = [];
  for (let i = 0; i < n; i++) out.push(null);
  return out;
}

/** A code unit's per-instruction caches, by pc: LOAD_GLOBAL's `GlobalCache`, the name stores' `StoreCache`, CALL's `CallSite`. */
type InstructionCaches = (GlobalCache | StoreCache | CallSite | undefined)[];

/** Python/ceval.c missing_arguments(): `f() missing 2 required positional arguments: 'a' and 'b'`. */
function missingArguments(name: string, missing: string[], kind: 'positional' | 'keyword-only'): string {
  const list = missing.map((m) => `'${m}'`);
  const text = list.length === 1 ? list[0] : list.length === 2 ? `${list[0]} and ${list[1]}` : `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}`;
  return `${name}() missing ${missing.length} required ${kind} argument${missing.length > 1 ? 's' : ''}: ${text}`;
}

/** The machine of one run. */
export class VM {
  /** The innermost running frame (`tstate->frame`). */
  current: Frame | null = null;
  depth = 0;
  /**
   * Set when evalFrame returns because its generator frame suspended at a
   * `yield` (the value returned is the yielded one), rather than finished;
   * whoever resumed the frame reads and resets it at once (NON-SPEC: a flag
   * instead of an object per `yield`).
   */
  yielded = false;
  recursionLimit: number;
  steps = 0;
  maxSteps = Infinity;
  /** Called at every eval-breaker check (3.12+ runs scheduled collections there). */
  evalBreaker: (() => void) | null = null;
  /** Called when execution reaches a new line (tracing). */
  onLine: ((line: number) => void) | null = null;
  /** NON-SPEC: the trace emitter; null when tracing is off. */
  tracer: TraceEmitter | null = null;

  constructor(
    readonly rt: Runtime,
    readonly p: ObjectProtocol,
    readonly ops: Operations,
  ) {
    this.recursionLimit = rt.profile.recursionLimit;
  }

  /** Runs a code object in a new frame to completion; returns a new reference. */
  run(frame: Frame): PyObject {
    // The module's frame counts towards the recursion limit, as every frame does.
    this.depth++;
    try {
      return this.evalFrame(frame, null);
    } finally {
      this.depth--;
    }
  }

  /** Calls a Python function (`_PyFunction_Vectorcall`); borrowed arguments. */
  callFunction(func: PyFunction, args: PyObject[], kwargs: Map<string, PyObject> | null): PyObject {
    const frame = this.makeFrame(func, args, kwargs);
    if (func.code.co.co_flags & CO_GENERATOR) return this.ops.makeGenerator(func, frame);
    return this.runCall(frame);
  }

  /** Runs a class body with `ns` as its namespace (`__build_class__`); returns the `__classcell__` or None. */
  runClassBody(body: PyFunction, ns: PyDict): PyObject {
    const co = body.code.co;
    // Fast locals first: from 3.12 a class body has some, the variables of its inlined comprehensions.
    const nlocals = co.co_varnames.length;
    const localsplus = nulls(nlocals + co.co_cellvars.length + co.co_freevars.length);
    for (let i = 0; i < co.co_cellvars.length; i++) localsplus[nlocals + i] = this.ops.newCell(null);
    if (body.closure) body.closure.items.forEach((c, i) => (localsplus[nlocals + co.co_cellvars.length + i] = this.rt.heap.newref(c)));
    const frame = new Frame(body.code, co.co_code as CodeUnit, body.globals, this.ops.builtinsDict, ns, localsplus, body, this.current, this.depth + 1);
    this.rt.heap.incref(ns);
    // Up to 3.10 a class body runs in a frame object, as a function's does (PyEval_EvalCodeEx()).
    if (this.rt.profile.frameObjectPerCall) this.ops.materializeFrame(frame);
    try {
      return this.runCall(frame);
    } finally {
      this.rt.heap.decref(ns);
    }
  }

  /** Runs a function frame, with the recursion check and the frame's cleanup. */
  runCall(frame: Frame): PyObject {
    if (this.depth >= this.recursionLimit) {
      this.releaseFrame(frame);
      throw this.rt.error('RecursionError', 'maximum recursion depth exceeded');
    }
    this.depth++;
    try {
      return this.evalFrame(frame, null);
    } finally {
      this.depth--;
      this.releaseFrame(frame);
    }
  }

  /**
   * Binds arguments to a new frame's fast locals (`initialize_locals`).
   * `steal`: the first `min(args.length, co_argcount)` arguments are references
   * the caller hands over (its stack's, 3.11+), taken even when binding fails;
   * otherwise every argument is borrowed. `kwnames` (a CALL's keyword names):
   * the last `kwnames.items.length` of `args` are the values of those keywords,
   * bound as `kwargs`' are, in the same order (no `Map` per call).
   */
  makeFrame(func: PyFunction, args: PyObject[], kwargs: Map<string, PyObject> | null, steal = false, kwnames: PyTuple | null = null): Frame {
    const rt = this.rt;
    const heap = rt.heap;
    const code = func.code;
    const co = code.co;
    const unit = co.co_code as CodeUnit;
    const nlocals = co.co_varnames.length;
    const localsplus = nulls(nlocals + co.co_cellvars.length + co.co_freevars.length);
    const argcount = co.co_argcount;
    const kwonly = co.co_kwonlyargcount;
    const name = rt.profile.argumentErrorsUseQualname ? func.qualname.value : co.co_name;
    const nkw = kwnames ? kwnames.items.length : 0;
    const npos = args.length - nkw;
    const n = Math.min(npos, argcount);
    if (steal) for (let i = 0; i < n; i++) localsplus[i] = args[i]!;
    else for (let i = 0; i < n; i++) localsplus[i] = heap.newref(args[i]!);
    let next = argcount + kwonly;
    if (co.co_flags & CO_VARARGS) {
      const extra = args.slice(argcount, Math.max(argcount, npos));
      for (const a of extra) heap.incref(a);
      localsplus[next++] = rt.newTuple(extra);
    }
    let kwdict: PyDict | null = null;
    if (co.co_flags & CO_VARKEYWORDS) localsplus[next++] = kwdict = rt.newDict();
    if (kwargs) for (const [k, v] of kwargs) this.bindKeyword(co, localsplus, kwdict, name, k, v);
    for (let i = 0; i < nkw; i++) this.bindKeyword(co, localsplus, kwdict, name, (kwnames!.items[i] as PyStr).value, args[npos + i]!);
    // too_many_positional(), after the keywords (their errors come first): it counts the keyword-only ones given.
    if (npos > argcount && !(co.co_flags & CO_VARARGS)) {
      let kwonlyGiven = 0;
      for (let i = argcount; i < argcount + kwonly; i++) if (localsplus[i]) kwonlyGiven++;
      const defaults = func.defaults ? func.defaults.items.length : 0;
      const takes = defaults ? `from ${argcount - defaults} to ${argcount}` : `${argcount}`;
      const kwonlyText = kwonlyGiven ? ` positional argument${npos !== 1 ? 's' : ''} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? 's' : ''})` : '';
      throw this.bindingError(localsplus, `${name}() takes ${takes} positional argument${argcount === 1 && !defaults ? '' : 's'} but ${npos}${kwonlyText} ${npos === 1 && !kwonlyGiven ? 'was' : 'were'} given`);
    }
    // Defaults for missing positional arguments.
    if (n < argcount) {
      const defaults = func.defaults ? func.defaults.items : [];
      const first = argcount - defaults.length;
      // The lists of missing names are made only when a name is missing: no array per call.
      let missing: string[] | null = null;
      for (let i = n; i < argcount; i++) {
        if (localsplus[i]) continue;
        if (i >= first) localsplus[i] = heap.newref(defaults[i - first]!);
        else (missing ??= []).push(co.co_varnames[i]!);
      }
      if (missing) throw this.bindingError(localsplus, missingArguments(name, missing, 'positional'));
    }
    let missingKwonly: string[] | null = null;
    for (let i = argcount; i < argcount + kwonly; i++) {
      if (localsplus[i]) continue;
      const d = func.kwdefaults ? this.p.dictGetStr(func.kwdefaults, co.co_varnames[i]!) : null;
      if (d) localsplus[i] = heap.newref(d);
      else (missingKwonly ??= []).push(co.co_varnames[i]!);
    }
    if (missingKwonly) throw this.bindingError(localsplus, missingArguments(name, missingKwonly, 'keyword-only'));
    // Cells for the code's cell variables (a parameter that is a cell moves into it).
    for (let i = 0; i < co.co_cellvars.length; i++) {
      const argIdx = co.co_varnames.indexOf(co.co_cellvars[i]!);
      let init: PyObject | null = null;
      if (argIdx >= 0 && localsplus[argIdx]) {
        init = localsplus[argIdx]!;
        localsplus[argIdx] = null;
      }
      localsplus[nlocals + i] = this.ops.newCell(init);
    }
    if (func.closure) {
      const cells = func.closure.items;
      const first = nlocals + co.co_cellvars.length;
      for (let i = 0; i < cells.length; i++) localsplus[first + i] = heap.newref(cells[i]!);
    }
    const frame = new Frame(code, unit, func.globals, this.ops.builtinsDict, null, localsplus, func, this.current, this.depth + 1);
    if (rt.profile.frameObjectPerCall) this.ops.materializeFrame(frame);
    return frame;
  }

  /** Binds the keyword argument `k` (value borrowed) to its parameter, or into `**kwargs`' dict. */
  private bindKeyword(co: PyCode['co'], localsplus: (PyObject | null)[], kwdict: PyDict | null, name: string, k: string, v: PyObject): void {
    const argcount = co.co_argcount;
    const idx = co.co_varnames.indexOf(k);
    if (idx >= co.co_posonlyargcount && idx < argcount + co.co_kwonlyargcount && idx >= 0) {
      if (localsplus[idx]) throw this.bindingError(localsplus, `${name}() got multiple values for argument '${k}'`);
      localsplus[idx] = this.rt.heap.newref(v);
    } else if (kwdict) {
      this.p.dictSetStr(kwdict, k, v);
    } else throw this.bindingError(localsplus, `${name}() got an unexpected keyword argument '${k}'`);
  }

  /**
   * A TypeError of makeFrame(): first releases what was bound so far, as clearing
   * the new frame does (_PyEvalFrameClearAndPop(), frame_dealloc() up to 3.10).
   */
  private bindingError(localsplus: (PyObject | null)[], message: string): PyErr {
    for (const o of localsplus) this.rt.heap.xdecref(o);
    return this.rt.error('TypeError', message);
  }

  /**
   * Drops a finished frame's locals, or hands them to its frame object.
   * Up to 3.10 the frame object is the frame: dropping it frees the locals
   * unless something else holds it, and then it is tracked
   * (_PyEval_EvalCode, _PyEval_Vector). From 3.11 the frame is cleared
   * (_PyFrame_Clear, clear_thread_frame): a frame object held elsewhere
   * takes it over (take_ownership), with the caller's frame object as `f_back`.
   */
  releaseFrame(frame: Frame): void {
    const heap = this.rt.heap;
    const fo = frame.frameObject;
    if (fo) {
      fo.lineno = frame.lineno;
      fo.running = null;
      frame.frameObject = null;
      if (this.rt.profile.frameObjectPerCall) {
        fo.finished = true;
        heap.decref(fo);
        if (fo.ob_refcnt > 0 && !fo.gc_tracked) this.rt.track(fo);
        return;
      }
      if (fo.ob_refcnt > 1) {
        this.ops.takeOwnership(fo, frame, frame.back);
        heap.decref(fo);
        return;
      }
      heap.decref(fo);
    }
    for (let i = 0; i < frame.localsplus.length; i++) {
      const o = frame.localsplus[i];
      frame.localsplus[i] = null;
      if (o) heap.decref(o);
    }
    while (frame.stack.length) heap.decref(frame.stack.pop()!);
    const fastLocals = frame.fastLocals;
    frame.fastLocals = null;
    if (fastLocals) heap.decref(fastLocals);
  }

  /** The eval loop. `throwIn`: an exception to raise at the current instruction (generator.throw). */
  evalFrame(f: Frame, throwIn: PyErr | null): PyObject {
    const rt = this.rt;
    const heap = rt.heap;
    const p = this.p;
    const ops = this.ops;
    const code = f.code;
    const instrs = f.unit.instrs;
    const consts = code.co_consts.items;
    const names = f.unit.names;
    const stack = f.stack;
    const caches = this.cachesOf(code);
    const saved = this.current;
    this.current = f;
    if (this.tracer) this.tracer.framePush(f);
    let pendingErr: PyErr | null = throwIn;
    try {
      // RESUME (3.11+) checks the eval breaker where a frame starts and where a
      // generator resumes after `yield` (oparg < 2), not after `yield from` nor
      // when an exception is thrown in (the loop starts at exception_unwind).
      if (!throwIn && (f.pc === 0 || instrs[f.pc - 1]!.op === Op.YIELD_VALUE)) this.checkEvalBreaker();
      for (;;) {
        try {
          if (pendingErr) {
            const e = pendingErr;
            pendingErr = null;
            throw e;
          }
          for (;;) {
            const ins = instrs[f.pc++]!;
            if (ins.lineno !== f.lineno) {
              f.lineno = ins.lineno;
              if (this.onLine) this.onLine(ins.lineno);
            }
            if (++this.steps > this.maxSteps) throw new StepLimitExceeded(this.maxSteps);
            switch (ins.op) {
              case Op.NOP:
                break;
              case Op.POP_TOP:
                heap.decref(stack.pop()!);
                break;
              case Op.ROT_TWO: {
                const a = stack.pop()!;
                const b = stack.pop()!;
                stack.push(a, b);
                break;
              }
              case Op.ROT_THREE: {
                const a = stack.pop()!;
                const b = stack.pop()!;
                const c = stack.pop()!;
                stack.push(a, c, b);
                break;
              }
              case Op.ROT_FOUR: {
                const a = stack.pop()!;
                const b = stack.pop()!;
                const c = stack.pop()!;
                const d = stack.pop()!;
                stack.push(a, d, c, b);
                break;
              }
              case Op.DUP_TOP:
                stack.push(heap.newref(stack[stack.length - 1]!));
                break;
              case Op.DUP_TOP_TWO: {
                const a = stack[stack.length - 2]!;
                const b = stack[stack.length - 1]!;
                stack.push(heap.newref(a), heap.newref(b));
                break;
              }
              case Op.LOAD_CONST:
                stack.push(heap.newref(consts[ins.arg]!));
                break;
              case Op.LOAD_NAME: {
                const name = names[ins.arg]!;
                // A module's code has its globals as locals: then LOAD_NAME is LOAD_GLOBAL.
                const v = f.locals === f.globals ? this.loadGlobal(f, caches, f.pc - 1, name) : (f.locals && p.dictGetStr(f.locals, name)) || p.dictGetStr(f.globals, name) || p.dictGetStr(f.builtins, name);
                if (!v) throw this.nameError(name);
                stack.push(heap.newref(v));
                break;
              }
              case Op.STORE_NAME: {
                const v = stack.pop()!;
                if (this.tracer) this.tracer.storeName(f, names[ins.arg]!, v);
                this.storeName(f.locals!, caches, f.pc - 1, names[ins.arg]!, v);
                heap.decref(v);
                break;
              }
              case Op.DELETE_NAME: {
                const name = names[ins.arg]!;
                if (this.tracer) this.tracer.storeName(f, name, null);
                if (!ops.dictDelStr(f.locals!, name)) throw rt.error('NameError', `name '${name}' is not defined`);
                break;
              }
              case Op.LOAD_GLOBAL: {
                const name = names[ins.arg]!;
                const v = this.loadGlobal(f, caches, f.pc - 1, name);
                if (!v) throw this.nameError(name);
                stack.push(heap.newref(v));
                break;
              }
              case Op.STORE_GLOBAL: {
                const v = stack.pop()!;
                if (this.tracer) this.tracer.storeGlobal(f, names[ins.arg]!, v);
                this.storeName(f.globals, caches, f.pc - 1, names[ins.arg]!, v);
                heap.decref(v);
                break;
              }
              case Op.DELETE_GLOBAL: {
                const name = names[ins.arg]!;
                if (this.tracer) this.tracer.storeGlobal(f, name, null);
                if (!ops.dictDelStr(f.globals, name)) throw rt.error('NameError', `name '${name}' is not defined`);
                break;
              }
              case Op.LOAD_FAST: {
                const v = f.localsplus[ins.arg];
                if (!v) {
                  const name = f.unit.varnames[ins.arg]!;
                  throw rt.error('UnboundLocalError', rt.profile.version[1] >= 12 ? `cannot access local variable '${name}' where it is not associated with a value` : rt.profile.version[1] >= 11 ? `cannot access local variable '${name}' where it is not associated with a value` : `local variable '${name}' referenced before assignment`);
                }
                stack.push(heap.newref(v));
                break;
              }
              case Op.STORE_FAST: {
                const old = f.localsplus[ins.arg];
                f.localsplus[ins.arg] = stack.pop()!;
                if (this.tracer) this.tracer.storeLocal(f, ins.arg);
                if (old) heap.decref(old);
                break;
              }
              case Op.LOAD_FAST_AND_CLEAR: {
                // The local's reference moves to the stack.
                const v = f.localsplus[ins.arg];
                f.localsplus[ins.arg] = null;
                if (this.tracer && v) this.tracer.storeLocal(f, ins.arg);
                stack.push(v ?? ops.UNBOUND);
                break;
              }
              case Op.STORE_FAST_MAYBE_NULL: {
                const v = stack.pop()!;
                const old = f.localsplus[ins.arg];
                f.localsplus[ins.arg] = v === ops.UNBOUND ? null : v;
                if (this.tracer) this.tracer.storeLocal(f, ins.arg);
                if (old) heap.decref(old);
                break;
              }
              case Op.SWAP: {
                const top = stack.length - 1;
                const other = stack[top - ins.arg + 1]!;
                stack[top - ins.arg + 1] = stack[top]!;
                stack[top] = other;
                break;
              }
              case Op.DELETE_FAST: {
                const old = f.localsplus[ins.arg];
                if (!old) {
                  const name = f.unit.varnames[ins.arg]!;
                  throw rt.error('UnboundLocalError', rt.profile.version[1] >= 11 ? `cannot access local variable '${name}' where it is not associated with a value` : `local variable '${name}' referenced before assignment`);
                }
                f.localsplus[ins.arg] = null;
                if (this.tracer) this.tracer.storeLocal(f, ins.arg);
                heap.decref(old);
                break;
              }
              case Op.LOAD_DEREF:
              case Op.LOAD_CLASSDEREF: {
                const cell = f.localsplus[f.unit.varnames.length + ins.arg] as PyCell;
                let v: PyObject | null = null;
                if (ins.op === Op.LOAD_CLASSDEREF && f.locals) v = p.dictGetStr(f.locals, this.derefName(f, ins.arg));
                if (!v) v = cell.ref;
                if (!v) throw rt.error('NameError', `cannot access free variable '${this.derefName(f, ins.arg)}' where it is not associated with a value in enclosing scope`);
                stack.push(heap.newref(v));
                break;
              }
              case Op.STORE_DEREF: {
                const cell = f.localsplus[f.unit.varnames.length + ins.arg] as PyCell;
                const old = cell.ref;
                cell.ref = stack.pop()!;
                if (this.tracer) this.tracer.storeLocal(f, f.unit.varnames.length + ins.arg);
                if (old) heap.decref(old);
                break;
              }
              case Op.DELETE_DEREF: {
                const cell = f.localsplus[f.unit.varnames.length + ins.arg] as PyCell;
                const old = cell.ref;
                cell.ref = null;
                if (this.tracer) this.tracer.storeLocal(f, f.unit.varnames.length + ins.arg);
                if (old) heap.decref(old);
                break;
              }
              case Op.LOAD_CLOSURE:
                stack.push(heap.newref(f.localsplus[f.unit.varnames.length + ins.arg]!));
                break;
              case Op.LOAD_ATTR: {
                const o = stack.pop()!;
                try {
                  stack.push(ops.getAttr(o, names[ins.arg]!));
                } finally {
                  heap.decref(o);
                }
                break;
              }
              case Op.LOAD_METHOD: {
                // Pushes (method, self) when the attribute is a plain function of the type, else (NULL, bound).
                const o = stack.pop()!;
                const r = ops.loadMethod(o, names[ins.arg]!);
                if (r.unbound) {
                  stack.push(r.value, o);
                } else {
                  heap.decref(o);
                  stack.push(ops.NULL, r.value);
                }
                break;
              }
              case Op.STORE_ATTR: {
                const o = stack.pop()!;
                const v = stack.pop()!;
                try {
                  ops.setAttr(o, names[ins.arg]!, v);
                } finally {
                  heap.decref(v);
                  heap.decref(o);
                }
                break;
              }
              case Op.DELETE_ATTR: {
                const o = stack.pop()!;
                try {
                  ops.delAttr(o, names[ins.arg]!);
                } finally {
                  heap.decref(o);
                }
                break;
              }
              case Op.BINARY_OP:
              case Op.INPLACE_OP: {
                const b = stack.pop()!;
                const a = stack.pop()!;
                try {
                  stack.push(ops.binaryOp(a, b, BINARY_OPERATORS[ins.arg]!, ins.op === Op.INPLACE_OP));
                } finally {
                  heap.decref(a);
                  heap.decref(b);
                }
                break;
              }
              case Op.UNARY_OP: {
                const a = stack.pop()!;
                try {
                  stack.push(ops.unaryOp(a, UNARY_OPERATORS[ins.arg]!));
                } finally {
                  heap.decref(a);
                }
                break;
              }
              case Op.COMPARE_OP: {
                const b = stack.pop()!;
                const a = stack.pop()!;
                try {
                  stack.push(p.richCompare(a, b, COMPARE_OPERATORS[ins.arg]! as CompareOp));
                } finally {
                  heap.decref(a);
                  heap.decref(b);
                }
                break;
              }
              case Op.IS_OP: {
                const b = stack.pop()!;
                const a = stack.pop()!;
                const r = (a === b) !== (ins.arg === 1);
                heap.decref(a);
                heap.decref(b);
                stack.push(rt.newBool(r));
                break;
              }
              case Op.CONTAINS_OP: {
                const container = stack.pop()!;
                const item = stack.pop()!;
                try {
                  const r = ops.contains(container, item) !== (ins.arg === 1);
                  stack.push(rt.newBool(r));
                } finally {
                  heap.decref(container);
                  heap.decref(item);
                }
                break;
              }
              case Op.BINARY_SUBSCR: {
                const key = stack.pop()!;
                const o = stack.pop()!;
                try {
                  stack.push(ops.getItem(o, key));
                } finally {
                  heap.decref(o);
                  heap.decref(key);
                }
                break;
              }
              case Op.STORE_SUBSCR: {
                const key = stack.pop()!;
                const o = stack.pop()!;
                const v = stack.pop()!;
                try {
                  ops.setItem(o, key, v);
                } finally {
                  heap.decref(v);
                  heap.decref(o);
                  heap.decref(key);
                }
                break;
              }
              case Op.DELETE_SUBSCR: {
                const key = stack.pop()!;
                const o = stack.pop()!;
                try {
                  ops.delItem(o, key);
                } finally {
                  heap.decref(o);
                  heap.decref(key);
                }
                break;
              }
              case Op.BUILD_SLICE: {
                const step = ins.arg === 3 ? stack.pop()! : null;
                const stop = stack.pop()!;
                const start = stack.pop()!;
                stack.push(ops.newSlice(start, stop, step ?? heap.newref(rt.None)));
                break;
              }
              case Op.BUILD_TUPLE:
                stack.push(rt.newTuple(popN(stack, ins.arg)));
                break;
              case Op.BUILD_LIST:
                stack.push(rt.newList(popN(stack, ins.arg)));
                break;
              case Op.BUILD_SET: {
                const items = popN(stack, ins.arg);
                const s = rt.newSet();
                try {
                  for (const it of items) ops.setAdd(s, it);
                } finally {
                  for (const it of items) heap.decref(it);
                }
                stack.push(s);
                break;
              }
              case Op.BUILD_MAP: {
                const items = popN(stack, 2 * ins.arg);
                const d = ops.newDictPresized(ins.arg);
                try {
                  for (let i = 0; i < items.length; i += 2) dictSetItem(rt, p, d, items[i]!, items[i + 1]!);
                } finally {
                  for (const it of items) heap.decref(it);
                }
                stack.push(d);
                break;
              }
              case Op.BUILD_CONST_KEY_MAP: {
                const keys = stack.pop() as PyTuple;
                const values = popN(stack, ins.arg);
                const d = ops.newDictPresized(ins.arg);
                try {
                  keys.items.forEach((k, i) => dictSetItem(rt, p, d, k, values[i]!));
                } finally {
                  for (const v of values) heap.decref(v);
                  heap.decref(keys);
                }
                stack.push(d);
                break;
              }
              case Op.BUILD_STRING: {
                const parts = popN(stack, ins.arg);
                const s = parts.map((x) => (x as PyStr).value).join('');
                for (const x of parts) heap.decref(x);
                stack.push(rt.newStr(s));
                break;
              }
              case Op.FORMAT_VALUE: {
                const spec = ins.arg & 4 ? (stack.pop() as PyStr) : null;
                const v = stack.pop()!;
                try {
                  const conv = ins.arg & 3;
                  let target = v;
                  let converted: PyObject | null = null;
                  if (conv === 1) converted = rt.newStr(p.str(v));
                  else if (conv === 2) converted = rt.newStr(p.repr(v));
                  else if (conv === 3) converted = rt.newStr(ops.ascii(v));
                  if (converted) target = converted;
                  try {
                    stack.push(ops.format(target, spec ? spec.value : ''));
                  } finally {
                    if (converted) heap.decref(converted);
                  }
                } finally {
                  heap.decref(v);
                  if (spec) heap.decref(spec);
                }
                break;
              }
              case Op.LIST_APPEND: {
                const v = stack.pop()!;
                ops.listAppend(stack[stack.length - ins.arg] as PyList, v);
                heap.decref(v);
                break;
              }
              case Op.SET_ADD: {
                const v = stack.pop()!;
                try {
                  ops.setAdd(stack[stack.length - ins.arg] as PySet, v);
                } finally {
                  heap.decref(v);
                }
                break;
              }
              case Op.MAP_ADD: {
                const v = stack.pop()!;
                const k = stack.pop()!;
                try {
                  dictSetItem(rt, p, stack[stack.length - ins.arg] as PyDict, k, v);
                } finally {
                  heap.decref(k);
                  heap.decref(v);
                }
                break;
              }
              case Op.LIST_EXTEND: {
                const it = stack.pop()!;
                try {
                  if (!ops.isIterable(it)) throw rt.error('TypeError', `Value after * must be an iterable, not ${it.ob_type.tp_name}`);
                  ops.listExtend(stack[stack.length - ins.arg] as PyList, it);
                } finally {
                  heap.decref(it);
                }
                break;
              }
              case Op.SET_UPDATE: {
                const it = stack.pop()!;
                try {
                  ops.setUpdate(stack[stack.length - ins.arg] as PySet, it);
                } finally {
                  heap.decref(it);
                }
                break;
              }
              case Op.DICT_UPDATE: {
                const other = stack.pop()!;
                try {
                  ops.dictUpdate(stack[stack.length - ins.arg] as PyDict, other);
                } finally {
                  heap.decref(other);
                }
                break;
              }
              case Op.DICT_MERGE: {
                // A call's `**mapping` (3.9+); the function is below the positional tuple.
                const other = stack.pop()!;
                try {
                  this.mergeKeywords(stack[stack.length - ins.arg] as PyDict, other, stack[stack.length - ins.arg - 2]!);
                } finally {
                  heap.decref(other);
                }
                break;
              }
              case Op.LIST_TO_TUPLE: {
                const l = stack.pop() as PyList;
                const items = l.items.slice();
                for (const x of items) heap.incref(x);
                heap.decref(l);
                stack.push(rt.newTuple(items));
                break;
              }
              case Op.UNPACK_SEQUENCE: {
                const seq = stack.pop()!;
                try {
                  const items = ops.unpack(seq, ins.arg, -1);
                  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
                } finally {
                  heap.decref(seq);
                }
                break;
              }
              case Op.UNPACK_EX: {
                const seq = stack.pop()!;
                try {
                  const before = ins.arg & 0xff;
                  const after = ins.arg >> 8;
                  const items = ops.unpack(seq, before, after);
                  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
                } finally {
                  heap.decref(seq);
                }
                break;
              }
              case Op.JUMP:
                if (ins.arg < f.pc) this.checkEvalBreaker();
                f.pc = ins.arg;
                break;
              case Op.POP_JUMP_IF_FALSE:
              case Op.POP_JUMP_IF_TRUE: {
                const v = stack.pop()!;
                let t: boolean;
                try {
                  t = p.isTrue(v);
                } finally {
                  heap.decref(v);
                }
                if (t === (ins.op === Op.POP_JUMP_IF_TRUE)) f.pc = ins.arg;
                break;
              }
              case Op.JUMP_IF_FALSE_OR_POP:
              case Op.JUMP_IF_TRUE_OR_POP: {
                const v = stack[stack.length - 1]!;
                if (p.isTrue(v) === (ins.op === Op.JUMP_IF_TRUE_OR_POP)) f.pc = ins.arg;
                else heap.decref(stack.pop()!);
                break;
              }
              case Op.GET_ITER: {
                const o = stack.pop()!;
                try {
                  stack.push(ops.getIter(o));
                } finally {
                  heap.decref(o);
                }
                break;
              }
              case Op.FOR_ITER: {
                const it = stack[stack.length - 1]!;
                const v = ops.next(it);
                if (v) stack.push(v);
                else {
                  heap.decref(stack.pop()!);
                  f.pc = ins.arg;
                }
                break;
              }
              case Op.CALL:
              case Op.CALL_KW: {
                const kwnames = ins.op === Op.CALL_KW ? (stack.pop() as PyTuple) : null;
                const args = popN(stack, ins.arg);
                const callable = stack.pop()!;
                const form = kwnames ? CallForm.Generic : this.callForm(caches, f, callable, null, ins.arg);
                const checksBreaker = !this.callInlined(callable) && checksEvalBreaker(form);
                if (callable instanceof PyMethod && rt.profile.callUnpacksBoundMethod) stack.push(this.callUnpackedMethod(callable, args, kwnames, form));
                else stack.push(this.callWithStack(callable, args, kwnames, form));
                if (checksBreaker) this.checkEvalBreaker();
                break;
              }
              case Op.CALL_METHOD:
              case Op.CALL_METHOD_KW: {
                const kwnames = ins.op === Op.CALL_METHOD_KW ? (stack.pop() as PyTuple) : null;
                // Below the arguments: (method, self), or (NULL, callable).
                const meth = stack[stack.length - ins.arg - 2]!;
                let checksBreaker: boolean;
                if (meth === ops.NULL) {
                  const args = popN(stack, ins.arg);
                  const callable = stack.pop()!;
                  stack.pop();
                  const form = kwnames ? CallForm.Generic : this.callForm(caches, f, callable, null, ins.arg);
                  checksBreaker = !this.callInlined(callable) && checksEvalBreaker(form);
                  if (callable instanceof PyMethod && rt.profile.callUnpacksBoundMethod) stack.push(this.callUnpackedMethod(callable, args, kwnames, form));
                  else stack.push(this.callWithStack(callable, args, kwnames, form));
                } else {
                  const selfAndArgs = popN(stack, ins.arg + 1);
                  stack.pop();
                  const form = kwnames ? CallForm.Generic : this.callForm(caches, f, meth, selfAndArgs[0]!, ins.arg + 1);
                  checksBreaker = !this.callInlined(meth) && checksEvalBreaker(form);
                  stack.push(this.callWithStack(meth, selfAndArgs, kwnames, form));
                }
                if (checksBreaker) this.checkEvalBreaker();
                break;
              }
              case Op.CALL_FUNCTION_EX: {
                const kwargs = ins.arg & 1 ? stack.pop()! : null;
                const callargs = stack.pop()!;
                const callable = stack.pop()!;
                // 3.12+ pushes a Python function's frame inline here too (_PyEvalFramePushAndInit_Ex).
                const inlined = callable instanceof PyFunction && rt.profile.callExHolds === 'released';
                stack.push(this.callFunctionEx(callable, callargs, kwargs));
                if (!inlined) this.checkEvalBreaker();
                break;
              }
              case Op.BUILD_LIST_UNPACK:
              case Op.BUILD_TUPLE_UNPACK:
              case Op.BUILD_TUPLE_UNPACK_WITH_CALL:
              case Op.BUILD_SET_UNPACK:
              case Op.BUILD_MAP_UNPACK_WITH_CALL: {
                // 3.6–3.8: one new container from the top `arg` values, which are then popped.
                const parts = stack.slice(stack.length - ins.arg);
                let sum: PyObject;
                if (ins.op === Op.BUILD_SET_UNPACK) sum = rt.newSet();
                else if (ins.op === Op.BUILD_MAP_UNPACK_WITH_CALL) sum = rt.newDict();
                else sum = rt.newList([]);
                try {
                  for (const part of parts) {
                    if (sum instanceof PySet) ops.setUpdate(sum, part);
                    else if (sum instanceof PyDict) this.mergeKeywords(sum, part, stack[stack.length - ins.arg - 2]!);
                    else {
                      if (ins.op === Op.BUILD_TUPLE_UNPACK_WITH_CALL) this.checkArgsIterable(stack[stack.length - ins.arg - 1]!, part);
                      ops.listExtend(sum as PyList, part);
                    }
                  }
                } catch (e) {
                  heap.decref(sum);
                  throw e;
                }
                if (ins.op === Op.BUILD_TUPLE_UNPACK || ins.op === Op.BUILD_TUPLE_UNPACK_WITH_CALL) {
                  // PyList_AsTuple, then the list goes.
                  const list = sum as PyList;
                  sum = rt.newTuple(list.items.map((x) => heap.newref(x)));
                  heap.decref(list);
                }
                for (let i = 0; i < ins.arg; i++) heap.decref(stack.pop()!);
                stack.push(sum);
                break;
              }
              case Op.MAKE_FUNCTION: {
                const codeObj = stack.pop() as PyCode;
                const closure = ins.arg & 8 ? (stack.pop() as PyTuple) : null;
                const annotations = ins.arg & 4 ? stack.pop()! : null;
                const kwdefaults = ins.arg & 2 ? (stack.pop() as PyDict) : null;
                const defaults = ins.arg & 1 ? (stack.pop() as PyTuple) : null;
                stack.push(ops.newFunction(codeObj, f.globals, defaults, kwdefaults, closure, annotations));
                heap.decref(codeObj);
                break;
              }
              case Op.RETURN_VALUE: {
                const v = stack.pop()!;
                return v;
              }
              case Op.YIELD_VALUE: {
                this.yielded = true;
                return stack.pop()!;
              }
              case Op.GET_YIELD_FROM_ITER: {
                const o = stack.pop()!;
                try {
                  stack.push(o instanceof PyGenerator ? heap.newref(o) : ops.getIter(o));
                } finally {
                  heap.decref(o);
                }
                break;
              }
              case Op.YIELD_FROM: {
                const sent = stack.pop()!;
                const sub = stack[stack.length - 1]!;
                const r = ops.sendTo(sub, sent);
                const done = ops.sendDone;
                heap.decref(sent);
                if (done) {
                  heap.decref(stack.pop()!);
                  stack.push(r);
                } else {
                  f.pc--; // resume at YIELD_FROM with the next sent value
                  this.yielded = true;
                  return r;
                }
                break;
              }
              case Op.RAISE_VARARGS:
                throw ops.raise(f, ins.arg === 0 ? null : ins.arg === 2 ? popN(stack, 2) : [stack.pop()!]);
              case Op.SETUP_FINALLY:
              case Op.SETUP_CLEANUP:
                f.blocks.push({ kind: 'setup', handler: ins.arg, level: stack.length });
                break;
              case Op.SETUP_WITH: {
                const mgr = stack.pop()!;
                try {
                  const { exit, entered } = ops.enterWith(mgr);
                  stack.push(exit);
                  f.blocks.push({ kind: 'setup', handler: ins.arg, level: stack.length });
                  stack.push(entered);
                } finally {
                  heap.decref(mgr);
                }
                break;
              }
              case Op.POP_BLOCK:
                f.blocks.pop();
                break;
              case Op.POP_EXCEPT: {
                const b = f.blocks.pop()!;
                const cur = f.handling;
                f.handling = b.previousExc ?? null;
                if (cur) heap.decref(cur);
                break;
              }
              case Op.RERAISE: {
                const exc = stack.pop() as PyException;
                throw new PyErr(exc);
              }
              case Op.JUMP_IF_NOT_EXC_MATCH: {
                const type = stack.pop()!;
                const exc = stack[stack.length - 1]!;
                let match: boolean;
                try {
                  match = ops.exceptionMatches(exc, type);
                } finally {
                  heap.decref(type);
                }
                if (!match) f.pc = ins.arg;
                break;
              }
              case Op.WITH_EXCEPT_START: {
                const exc = stack[stack.length - 1] as PyException;
                const exit = stack[stack.length - 2]!;
                const tb = exc.traceback ?? rt.None;
                stack.push(p.call(exit, [exc.ob_type, exc, tb], null));
                break;
              }
              case Op.IMPORT_NAME: {
                const fromlist = stack.pop()!;
                const level = stack.pop()!;
                heap.decref(fromlist);
                heap.decref(level);
                stack.push(ops.importModule(names[ins.arg]!));
                break;
              }
              case Op.IMPORT_FROM: {
                const mod = stack[stack.length - 1]!;
                const name = names[ins.arg]!;
                try {
                  stack.push(ops.getAttr(mod, name));
                } catch (e) {
                  if (e instanceof PyErr && e.exc.ob_type === rt.t.AttributeError) {
                    heap.decref(e.exc);
                    const modName = mod instanceof PyModule ? mod.name : '?';
                    throw rt.error('ImportError', `cannot import name '${name}' from '${modName}' (unknown location)`);
                  }
                  throw e;
                }
                break;
              }
              case Op.LOAD_BUILD_CLASS:
                stack.push(heap.newref(ops.buildClass));
                break;
              case Op.LOAD_ASSERTION_ERROR:
                stack.push(heap.newref(rt.t.AssertionError!));
                break;
              case Op.SETUP_ANNOTATIONS:
              case Op.GEN_START:
                break;
              default:
                throw new Error(`internal: opcode ${ins.op} not implemented`);
            }
          }
        } catch (err) {
          if (err instanceof HeapExhausted) {
            pendingErr = rt.memoryError();
            continue;
          }
          if (!(err instanceof PyErr)) {
            if (err instanceof RangeError && /call stack/.test(err.message)) {
              pendingErr = rt.error('RecursionError', 'maximum recursion depth exceeded');
              continue;
            }
            throw err;
          }
          ops.addTraceback(err, f);
          // Unwind to the innermost setup block.
          let handled = false;
          while (f.blocks.length) {
            const b = f.blocks.pop()!;
            if (b.kind === 'handler') {
              const cur = f.handling;
              f.handling = b.previousExc ?? null;
              if (cur) heap.decref(cur);
              continue;
            }
            while (stack.length > b.level) heap.decref(stack.pop()!);
            f.blocks.push({ kind: 'handler', handler: -1, level: stack.length, previousExc: f.handling });
            heap.incref(err.exc);
            f.handling = err.exc;
            stack.push(err.exc);
            f.pc = b.handler;
            handled = true;
            break;
          }
          if (!handled) throw err;
        }
      }
    } finally {
      if (this.tracer) this.tracer.framePop(f);
      this.current = saved;
    }
  }

  /**
   * The per-instruction caches of a code object, made on its first run: what each
   * LOAD_GLOBAL (or module-level LOAD_NAME) and name store found last (NON-SPEC).
   */
  private cachesOf(code: PyCode): InstructionCaches {
    return (code.instrCaches ??= []) as InstructionCaches;
  }

  /** STORE_NAME/STORE_GLOBAL of `v` (borrowed) under `name` in `d`: `PyDict_SetItem`, through the instruction's cache when the name is there. */
  private storeName(d: PyDict, caches: InstructionCaches, pc: number, name: string, v: PyObject): void {
    if (dictReplaceCached(this.rt, caches[pc] as StoreCache | undefined, d, v)) return;
    this.p.dictSetStr(d, name, v);
    caches[pc] = storeCacheOf(this.p, d, name);
  }

  /**
   * `name` in the frame's globals, else its builtins; borrowed, or null.
   * Remembers where the name was found, as CPython 3.11+ specializes
   * LOAD_GLOBAL: the remembered entry still holds `name` while the dict's
   * entries array is the same and the entry not deleted (a resize or clear
   * makes a new array, a deletion empties the entry's key, an insertion
   * appends); a name found in builtins is still absent from globals while
   * the globals' `version` (bumped by every insertion and deletion) is unchanged.
   */
  private loadGlobal(f: Frame, caches: InstructionCaches, pc: number, name: string): PyObject | null {
    const c = caches[pc] as GlobalCache | undefined;
    if (c && c.globals === f.globals && c.builtins === f.builtins && c.dict.entries === c.entries) {
      const e = c.entries[c.index]!;
      if (e.key !== null && (c.dict === f.globals || c.globalsVersion === f.globals.version)) return e.value;
    }
    let d = f.globals;
    let i = this.p.dictIndexStr(d, name);
    if (i < 0) {
      d = f.builtins;
      i = this.p.dictIndexStr(d, name);
      if (i < 0) return null;
    }
    caches[pc] = { globals: f.globals, builtins: f.builtins, globalsVersion: f.globals.version, dict: d, entries: d.entries, index: i };
    return d.entries[i]!.value;
  }

  private derefName(f: Frame, i: number): string {
    const cells = f.code.co.co_cellvars;
    return i < cells.length ? cells[i]! : f.code.co.co_freevars[i - cells.length]!;
  }

  /**
   * `CALL_FUNCTION_EX`: `f(*args, **kwargs)`, consuming the three references.
   * The positional part becomes an exact tuple and the keywords an exact dict
   * first; then each version holds different references while a Python
   * function runs (`VersionProfile.callExHolds`).
   */
  private callFunctionEx(callable: PyObject, callargs: PyObject, kwargs: PyObject | null): PyObject {
    const rt = this.rt;
    const heap = rt.heap;
    const ops = this.ops;
    let args: PyTuple;
    let kw: PyDict | null = null;
    let kwMap: Map<string, PyObject> | null = null;
    try {
      if (kwargs && kwargs.ob_type !== rt.t.dict) {
        // Up to 3.8 a mapping that is not a dict is copied into one (3.9+ compiles DICT_MERGE).
        const d = rt.newDict();
        try {
          this.mergeKeywords(d, kwargs, callable);
        } catch (e) {
          heap.decref(d);
          throw e;
        }
        heap.decref(kwargs);
        kwargs = d;
      }
      kw = kwargs as PyDict | null;
      kwargs = null;
      if (callargs.ob_type !== rt.t.tuple) {
        this.checkArgsIterable(callable, callargs);
        const t = rt.newTuple(ops.collect(callargs));
        heap.decref(callargs);
        callargs = t;
      }
      args = callargs as PyTuple;
      kwMap = kw ? ops.kwargsFromDict(kw) : null;
    } catch (e) {
      heap.decref(callable);
      heap.decref(callargs);
      if (kwargs) heap.decref(kwargs);
      if (kw) heap.decref(kw);
      throw e;
    }
    const holds = rt.profile.callExHolds;
    if (holds === 'released' && callable instanceof PyFunction && !(callable.code.co.co_flags & CO_GENERATOR)) {
      // 3.12+ _PyEvalFramePushAndInit_Ex: the frame takes its own references to
      // the arguments (through a tuple of the keyword names), then the tuple and
      // the dict are released before the body runs.
      let frame: Frame;
      try {
        const kwnames = kwMap?.size ? this.keywordNames(kwMap) : null;
        try {
          frame = this.makeFrame(callable, args.items, kwMap);
        } finally {
          if (kwnames) heap.decref(kwnames);
        }
      } catch (e) {
        heap.decref(callable);
        heap.decref(args);
        if (kw) heap.decref(kw);
        throw e;
      }
      heap.decref(args);
      if (kw) heap.decref(kw);
      try {
        return this.runCall(frame);
      } finally {
        heap.decref(callable);
      }
    }
    // PyObject_Call: the tuple and the dict live for the whole call, and a
    // Python function (or a method of one) gets the keywords through a copy.
    const target = callable instanceof PyMethod ? callable.func : callable;
    let copies: PyObject[] = [];
    let copyTuple: PyTuple | null = null;
    if (target instanceof PyFunction && kwMap?.size) {
      if (holds === 'kwtuple') {
        // _PyFunction_FastCallDict (up to 3.7): a (key, value, …) tuple.
        const flat: PyObject[] = [];
        for (const e of dictItems(kw!)) flat.push(heap.newref(e.key), heap.newref(e.value));
        copyTuple = rt.newTuple(flat);
      } else {
        // _PyStack_UnpackDict (3.8+): every argument copied, the keyword names in a tuple.
        copyTuple = this.keywordNames(kwMap);
        copies = [...args.items, ...kwMap.values()];
        for (const c of copies) heap.incref(c);
      }
    }
    try {
      return this.p.call(callable, args.items, kwMap);
    } finally {
      for (const c of copies) heap.decref(c);
      if (copyTuple) heap.decref(copyTuple);
      heap.decref(callable);
      heap.decref(args);
      if (kw) heap.decref(kw);
    }
  }

  /** The tuple of keyword names `_PyStack_UnpackDict` makes. */
  private keywordNames(kwargs: Map<string, PyObject>): PyTuple {
    return this.rt.newTuple([...kwargs.keys()].map((k) => this.rt.internString(k)));
  }

  /**
   * Merges a `**mapping` into a call's keyword dict (`_PyDict_MergeEx(…, 2)`
   * and `format_kwargs_error`): a name given twice is an error.
   */
  private mergeKeywords(d: PyDict, mapping: PyObject, callable: PyObject): void {
    const rt = this.rt;
    const heap = rt.heap;
    if (!(mapping instanceof PyDict) && !this.p.special(mapping, 'keys')) {
      throw rt.error('TypeError', `${this.functionStr(callable)} argument after ** must be a mapping, not ${mapping.ob_type.tp_name}`);
    }
    let source = mapping as PyDict;
    if (!(mapping instanceof PyDict)) {
      source = rt.newDict();
      try {
        this.ops.dictUpdate(source, mapping);
      } catch (e) {
        heap.decref(source);
        throw e;
      }
    }
    try {
      for (const { key, value } of dictItems(source)) {
        if (dictGetItem(this.p, d, key)) {
          const name = key instanceof PyStr ? key.value : this.p.repr(key);
          throw rt.error('TypeError', `${this.functionStr(callable)} got multiple values for keyword argument '${name}'`);
        }
        dictSetItem(rt, this.p, d, key, value);
      }
    } finally {
      if (source !== mapping) heap.decref(source);
    }
  }

  /** format_exc_check_arg(): from 3.10 the NameError records the missing name (for "Did you mean"). */
  private nameError(name: string): PyErr {
    const err = this.rt.error('NameError', `name '${name}' is not defined`);
    err.exc.missingName = { name, obj: null };
    return err;
  }

  /** `check_args_iterable`: `*x` of a call needs `tp_iter` or a sequence. */
  private checkArgsIterable(callable: PyObject, o: PyObject): void {
    if (!this.ops.isIterable(o)) throw this.rt.error('TypeError', `${this.functionStr(callable)} argument after * must be an iterable, not ${o.ob_type.tp_name}`);
  }

  /**
   * How a call's error names the callable: `_PyObject_FunctionStr` (3.9+,
   * `module.qualname()`), or `PyEval_GetFuncName` + `PyEval_GetFuncDesc`.
   */
  private functionStr(callable: PyObject): string {
    const rt = this.rt;
    const f = callable instanceof PyMethod && callable.func ? callable.func : callable;
    const builtin = f instanceof PyNative && f.ob_type === rt.t.builtin_function_or_method ? (f.state as NativeFunctionState) : null;
    if (!rt.profile.qualifiedCallErrors) {
      if (f instanceof PyFunction) return `${f.name.value}()`;
      if (builtin) return `${builtin.name}()`;
      return callable instanceof PyMethod ? `${f.ob_type.tp_name}()` : `${f.ob_type.tp_name} object`;
    }
    const qualified = (module: PyObject | null, qualname: string) =>
      module instanceof PyStr && module.value !== 'builtins' ? `${module.value}.${qualname}()` : `${qualname}()`;
    if (f instanceof PyFunction) return qualified(f.module, f.qualname.value);
    if (builtin) return !(f as PyNative).refs[0] || (f as PyNative).refs[0] instanceof PyModule ? `${builtin.name}()` : `${builtin.qualname}()`;
    if (f instanceof PyTypeObject) return qualified(f.isHeapType && f.tp_dict ? this.p.dictGetStr(f.tp_dict, '__module__') : null, f.qualname);
    return this.p.str(f);
  }

  /**
   * A call from the value stack: the callable and arguments are owned by the
   * stack. Up to 3.10 they stay there during the call (the callee's locals
   * are copies); from 3.11 a Python function's frame takes them over.
   */
  private callWithStack(callable: PyObject, all: PyObject[], kwnames: PyTuple | null, form: CallForm): PyObject {
    const rt = this.rt;
    const heap = rt.heap;
    const tracer = this.tracer;
    if (tracer) tracer.stackTake(callable, all);
    /** Whether the stack still owns the arguments (until a 3.11+ frame takes them over). */
    let ownsArgs = true;
    try {
      if (callable instanceof PyFunction && rt.profile.callArgumentsStolen && !(callable.code.co.co_flags & CO_GENERATOR)) {
        // 3.11+: the new frame takes the stack's references to the arguments. Untraced, the
        // positional ones bound to parameters move without an incref and decref (NON-SPEC:
        // the counts are the same; traced, the events stay those of a copy and a release).
        const steal = !heap.trace;
        const npos = kwnames ? all.length - kwnames.items.length : all.length;
        const stolen = steal ? Math.min(npos, callable.code.co.co_argcount) : 0;
        let frame: Frame;
        try {
          frame = this.makeFrame(callable, all, null, steal, kwnames);
        } catch (e) {
          // Binding failed: the stolen arguments are gone with the frame's locals.
          if (stolen) {
            ownsArgs = false;
            for (let i = stolen; i < all.length; i++) heap.decref(all[i]!);
          }
          throw e;
        }
        if (tracer) tracer.stackRelease(all, null);
        ownsArgs = false;
        for (let i = stolen; i < all.length; i++) heap.decref(all[i]!);
        return this.runCall(frame);
      }
      // CALL_NO_KW_STR_1 (3.12): PyObject_Str() without packing the argument; CALL_ALLOC_AND_ENTER_INIT (3.13).
      if (callsTypeUnpacked(form)) return this.p.callType(callable as PyTypeObject, all, null);
      if (!kwnames) return this.p.call(callable, all, null);
      const nk = kwnames.items.length;
      const kwargs = new Map<string, PyObject>();
      for (let i = 0; i < nk; i++) kwargs.set((kwnames.items[i] as PyStr).value, all[all.length - nk + i]!);
      return this.p.call(callable, all.slice(0, all.length - nk), kwargs);
    } finally {
      if (ownsArgs) {
        if (tracer) tracer.stackRelease(all, callable);
        for (let i = 0; i < all.length; i++) heap.decref(all[i]!);
      } else if (tracer) tracer.stackRelease([], callable);
      heap.decref(callable);
      if (kwnames) heap.decref(kwnames);
    }
  }

  /**
   * A CALL of a bound method with no `self` below it on the stack
   * (`VersionProfile.callUnpacksBoundMethod`): the stack's reference to the
   * method becomes references to its `self` (the first argument) and its
   * function, and the method goes before the call. Mirrors Python/ceval.c
   * call_function() (3.6, 3.7: the function held by the C stack, `self` by
   * the value stack), PRECALL (3.11) and Python/bytecodes.c CALL (3.12, 3.13),
   * `Py_TYPE(callable) == &PyMethod_Type`. `args` are the stack's.
   */
  private callUnpackedMethod(method: PyMethod, args: PyObject[], kwnames: PyTuple | null, form: CallForm): PyObject {
    const heap = this.rt.heap;
    const self = heap.newref(method.self!);
    const func = heap.newref(method.func!);
    heap.decref(method);
    const all = new Array<PyObject>(args.length + 1);
    all[0] = self;
    for (let i = 0; i < args.length; i++) all[i + 1] = args[i]!;
    return this.callWithStack(func, all, kwnames, form);
  }

  /**
   * Whether CALL runs `callable` in a frame pushed inline (3.11+, a Python
   * function, also inside a bound method): the callee's RESUME checks the eval
   * breaker, and the CALL does not check it again after the return
   * (Python/bytecodes.c CALL, DISPATCH_INLINED). Other callables return to a
   * CHECK_EVAL_BREAKER() at the end of the CALL.
   */
  private callInlined(callable: PyObject): boolean {
    if (!this.rt.profile.callArgumentsStolen) return false;
    const func = callable instanceof PyMethod ? callable.func : callable;
    return func instanceof PyFunction;
  }

  /**
   * The form this execution of the CALL at `f.pc - 1` runs as (3.12+;
   * vm/specialize.ts). Calls with keywords are not asked: they never become
   * the forms pymem tells apart (3.12 fails to specialize a CALL after
   * KW_NAMES; 3.13's CALL_KW is a separate instruction).
   */
  private callForm(caches: InstructionCaches, f: Frame, callable: PyObject, self: PyObject | null, totalArgs: number): CallForm {
    if (!this.rt.profile.callSitesSpecialize) return CallForm.Generic;
    const pc = f.pc - 1;
    let site = caches[pc] as CallSite | undefined;
    if (!site) caches[pc] = site = new CallSite();
    return specializeCall((this.callableCache ??= this.makeCallableCache()), site, callable, self, totalArgs, f.unit.instrs[f.pc]!.op === Op.POP_TOP);
  }

  /** `interp->callable_cache`: the builtins the specialized calls compare with, as start-up left them. */
  private callableCache: CallableCache | null = null;
  private makeCallableCache(): CallableCache {
    const t = this.rt.t;
    const builtins = this.ops.builtinsDict;
    return {
      len: this.p.dictGetStr(builtins, 'len'),
      isinstance: this.p.dictGetStr(builtins, 'isinstance'),
      type: t.type!,
      str: t.str!,
      list: t.list!,
      methodDescriptor: t.method_descriptor!,
      builtinFunction: t.builtin_function_or_method!,
      object: t.object!,
      classCallsEnterInit: this.rt.profile.classCallsEnterInit,
      typeLookup: (type, name) => this.p.typeLookup(type, name),
      ownAttribute: (type, name) => (type.tp_dict ? this.p.dictGetStr(type.tp_dict, name) : null),
      listAppend: this.ops.nativeMethod(t.list!, 'append'),
    };
  }

  /** The eval breaker: where 3.12+ runs a scheduled collection. */
  checkEvalBreaker(): void {
    if (this.evalBreaker) this.evalBreaker();
  }
}

export { PyInt, PyFloat, PyTypeObject, PyNative, PyMethod, PyFrame, PyTraceback, PyFunction };
