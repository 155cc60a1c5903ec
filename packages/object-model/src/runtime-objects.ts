/**
 * The object kinds of the running program: code, functions, cells, methods,
 * instances, modules, frames, generators, exceptions and tracebacks, plus a
 * generic native object for the small built-in kinds (iterators, descriptors,
 * ranges, slices) whose only memory behaviour is the references they hold.
 */
import { PyObject, initCallHeader, initInstanceHeader, type Visit, type PyDict, type PyTuple, type PyStr } from './object';
import type { PyTypeObject } from './type';
import type { Heap } from './heap';

/** Drops `o` into `out` when present; the shape of `Py_XDECREF` in dealloc lists. */
function push(out: PyObject[], o: PyObject | null | undefined): void {
  if (o) out.push(o);
}

/** A code object. Holds its constants and names, like `co_consts`/`co_names`. */
export class PyCode extends PyObject {
  /**
   * NON-SPEC: the eval loop's per-instruction caches for this code (what CPython
   * keeps inline after each specialized instruction); the interpreter's to fill.
   */
  instrCaches: unknown[] | null = null;
  constructor(
    type: PyTypeObject,
    readonly co: {
      co_name: string;
      co_qualname: string;
      co_filename: string;
      co_firstlineno: number;
      co_argcount: number;
      co_posonlyargcount: number;
      co_kwonlyargcount: number;
      co_flags: number;
      co_nlocals: number;
      co_stacksize: number;
      co_varnames: string[];
      co_cellvars: string[];
      co_freevars: string[];
      co_names: string[];
      /** The instructions; their format belongs to the compiler that made them. */
      co_code: unknown;
    },
    /** `co_consts` (a tuple). */
    public co_consts: PyTuple,
    /** `co_names` etc. as str objects, which the code object holds references to. */
    public nameObjects: PyTuple,
  ) {
    super(type);
  }
  tp_traverse(visit: Visit): void {
    visit(this.co_consts);
    visit(this.nameObjects);
  }
  releaseForDealloc(out: PyObject[]): void {
    out.push(this.co_consts, this.nameObjects);
  }
}

/** A cell (`PyCellObject`): one variable shared by a closure. */
export class PyCell extends PyObject {
  constructor(type: PyTypeObject, public ref: PyObject | null) {
    super();
    initInstanceHeader(this, type);
  }
  tp_traverse(visit: Visit): void {
    if (this.ref) visit(this.ref);
  }
  releaseForDealloc(out: PyObject[]): void {
    push(out, this.ref);
    this.ref = null;
  }
  override tp_clear(out: PyObject[]): void {
    this.releaseForDealloc(out);
  }
}

/** A Python function (`PyFunctionObject`). */
export class PyFunction extends PyObject {
  /** `func_dict`, created on first attribute store. */
  dict: PyDict | null = null;
  constructor(
    type: PyTypeObject,
    public code: PyCode,
    public globals: PyDict,
    public name: PyStr,
    public qualname: PyStr,
    public defaults: PyTuple | null,
    public kwdefaults: PyDict | null,
    public closure: PyTuple | null,
    public module: PyObject | null,
    public doc: PyObject | null,
    public annotations: PyObject | null = null,
  ) {
    super();
    initCallHeader(this, type);
  }
  /** Mirrors func_traverse(). */
  tp_traverse(visit: Visit): void {
    visit(this.code);
    visit(this.globals);
    if (this.module) visit(this.module);
    if (this.defaults) visit(this.defaults);
    if (this.kwdefaults) visit(this.kwdefaults);
    if (this.doc) visit(this.doc);
    visit(this.name);
    if (this.dict) visit(this.dict);
    if (this.closure) visit(this.closure);
    if (this.annotations) visit(this.annotations);
    visit(this.qualname);
  }
  /** Mirrors func_dealloc()/func_clear(). */
  releaseForDealloc(out: PyObject[]): void {
    out.push(this.code, this.globals);
    push(out, this.module);
    push(out, this.defaults);
    push(out, this.kwdefaults);
    push(out, this.doc);
    push(out, this.dict);
    push(out, this.closure);
    push(out, this.annotations);
    out.push(this.name, this.qualname);
    this.module = this.defaults = this.kwdefaults = this.doc = this.dict = this.closure = this.annotations = null;
  }
  /**
   * Mirrors func_clear(): defaults, closure, dict and the rest. `globals`
   * stays until `tp_dealloc` (func_clear drops it too, but a module's dict
   * is never part of the garbage it frees, so the order is not observable).
   */
  override tp_clear(out: PyObject[]): void {
    push(out, this.module);
    push(out, this.defaults);
    push(out, this.kwdefaults);
    push(out, this.doc);
    push(out, this.dict);
    push(out, this.closure);
    push(out, this.annotations);
    this.module = this.defaults = this.kwdefaults = this.doc = this.dict = this.closure = this.annotations = null;
  }
}

/** A bound method (`PyMethodObject`): a function and the instance it is bound to. */
export class PyMethod extends PyObject {
  constructor(type: PyTypeObject, public func: PyObject | null, public self: PyObject | null) {
    super();
    initCallHeader(this, type);
  }
  tp_traverse(visit: Visit): void {
    if (this.func) visit(this.func);
    if (this.self) visit(this.self);
  }
  /** Mirrors method_dealloc(): im_func then im_self. */
  releaseForDealloc(out: PyObject[]): void {
    push(out, this.func);
    push(out, this.self);
    this.func = this.self = null;
  }
}

/**
 * 3.11+ inline values of an instance (`_PyDictValues`): its attributes in
 * insertion order, each value with the name it is stored under and the
 * interned str of that name. One flat array of (name, key, value) triples
 * with room for four attributes from the start, rather than a Map of
 * records: an instance has few attributes, every instance has this table,
 * and the collector traverses every instance.
 */
export class InlineValues {
  /** name0, key0, value0, name1, key1, value1, … (`size` triples; unused room is undefined). */
  private readonly items: (string | PyObject)[] = new Array<string | PyObject>(12);
  /** Number of attributes. */
  size = 0;
  /** The position of attribute `name`, or -1. */
  indexOf(name: string): number {
    for (let i = 0; i < this.size; i++) if (this.items[3 * i] === name) return i;
    return -1;
  }
  /** The value of attribute `name` (borrowed), or null. */
  get(name: string): PyObject | null {
    const i = this.indexOf(name);
    return i < 0 ? null : this.valueAt(i);
  }
  nameAt(i: number): string {
    return this.items[3 * i] as string;
  }
  keyAt(i: number): PyStr {
    return this.items[3 * i + 1] as PyStr;
  }
  valueAt(i: number): PyObject {
    return this.items[3 * i + 2] as PyObject;
  }
  setValueAt(i: number, value: PyObject): void {
    this.items[3 * i + 2] = value;
  }
  /** Appends a new attribute (the caller owns the references it hands over). */
  add(name: string, key: PyStr, value: PyObject): void {
    const at = 3 * this.size++;
    this.items[at] = name;
    this.items[at + 1] = key;
    this.items[at + 2] = value;
  }
  /** Removes the attribute at position `i`; the others keep their order. */
  removeAt(i: number): void {
    this.items.splice(3 * i, 3);
    this.size--;
  }
  clear(): void {
    this.items.length = 0;
    this.size = 0;
  }
  /** Visits each value, in order (the collector's walk of every instance: no call per value to find it). */
  visitValues(visit: Visit): void {
    const items = this.items;
    for (let i = 2, end = 3 * this.size; i < end; i += 3) visit(items[i] as PyObject);
  }
}

/** The `slots` of every instance without `__slots__` members: one shared empty array, never written. */
const NO_SLOTS: (PyObject | null)[] = [];

/**
 * An instance of a class defined in Python. Attributes live in `dict` (a
 * real dict object), or, from 3.11, in inline `values` until a dict is
 * asked for; `slots` hold `__slots__` members.
 */
export class PyInstance extends PyObject {
  dict: PyDict | null = null;
  /** 3.11+ inline values, in insertion order (`_PyDictValues`). */
  values: InlineValues | null = null;
  slots: (PyObject | null)[];
  constructor(type: PyTypeObject, nslots: number) {
    super();
    initInstanceHeader(this, type);
    this.slots = nslots === 0 ? NO_SLOTS : new Array<PyObject | null>(nslots).fill(null);
  }
  /**
   * Mirrors subtype_traverse(): slots, dict (or inline values), the type. A 3.13
   * dict still embedding the inline values is not visited, its values are
   * (PyObject_VisitManagedDict()).
   */
  tp_traverse(visit: Visit): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (s) visit(s);
    }
    if (this.values) this.values.visitValues(visit);
    if (this.dict) {
      if (this.dict.embedded) {
        for (const e of this.dict.entries) if (e.value) visit(e.value);
      } else visit(this.dict);
    }
    if (this.ob_type.isHeapType) visit(this.ob_type);
  }
  /** Mirrors subtype_dealloc(): slots, then the dict (detached from the inline values first, 3.13), then the type. */
  releaseForDealloc(out: PyObject[]): void {
    for (let i = 0; i < this.slots.length; i++) {
      push(out, this.slots[i]);
      this.slots[i] = null;
    }
    if (this.values) {
      for (let i = 0; i < this.values.size; i++) out.push(this.values.valueAt(i));
      this.values = null;
    }
    if (this.dict) this.dict.embedded = false;
    push(out, this.dict);
    this.dict = null;
    if (this.ob_type.isHeapType) out.push(this.ob_type);
  }
  /**
   * Mirrors subtype_clear(): slots and the dict; the type stays. A 3.13 dict
   * embedding the inline values is detached and let go, keeping its items
   * (PyObject_ClearManagedDict()); any other dict is emptied.
   */
  override tp_clear(out: PyObject[]): void {
    for (let i = 0; i < this.slots.length; i++) {
      push(out, this.slots[i]);
      this.slots[i] = null;
    }
    if (this.values) {
      for (let i = 0; i < this.values.size; i++) out.push(this.values.valueAt(i));
      this.values.clear();
    }
    if (this.dict?.embedded) {
      this.dict.embedded = false;
      out.push(this.dict);
      this.dict = null;
    } else if (this.dict) this.dict.tp_clear(out);
  }
}

/** A module (`PyModuleObject`). */
export class PyModule extends PyObject {
  constructor(type: PyTypeObject, public dict: PyDict, readonly name: string) {
    super(type);
  }
  tp_traverse(visit: Visit): void {
    visit(this.dict);
  }
  releaseForDealloc(out: PyObject[]): void {
    out.push(this.dict);
  }
}

/**
 * The references an interpreter frame owns (`_PyInterpreterFrame`, 3.11+), as
 * a generator that embeds one (`gi_iframe`) reaches them.
 */
export interface InterpreterFrame {
  /** Mirrors Python/frame.c _PyFrame_Traverse() (3.11–3.13). */
  traverse(visit: Visit): void;
  /**
   * Mirrors Python/frame.c _PyFrame_Clear() (3.11) / _PyFrame_ClearExceptCode()
   * (3.12+): the references the frame drops, in order; its frame object, when
   * something else still holds it, takes the locals over instead.
   */
  clear(out: PyObject[]): void;
}

/** What a frame object takes over from an interpreter frame (take_ownership()). */
export interface FrameData {
  readonly func: PyObject | null;
  readonly code: PyCode;
  readonly locals: PyDict | null;
}

/**
 * Which references a frame object owns. `'frame'`: up to 3.10 the object is
 * the frame, and owns its code, globals, builtins, `f_locals` and locals from
 * the start. `'view'`: from 3.11 a frame object made for a running frame
 * owns nothing of it. `'taken'`: a 3.11+ frame object that took its frame
 * over when the frame was cleared (FRAME_OWNED_BY_FRAME_OBJECT): function,
 * code, `f_locals` and locals; globals and builtins stay borrowed.
 */
export type FrameOwnership = 'frame' | 'view' | 'taken';

/** A frame object (`PyFrameObject`). */
export class PyFrame extends PyObject {
  /** `f_back` is borrowed in 3.11+ and strong before; kept strong only when `backIsStrong`. */
  back: PyFrame | null = null;
  backIsStrong = false;
  /** The line being executed when the frame was last left (`f_lineno` once it is not running). */
  lineno = 0;
  /** The running frame this object shows, until it is released: its line is the current one. */
  running: { readonly lineno: number } | null = null;
  /** Whether the frame has finished executing. */
  finished = false;
  /** Once taken over (3.11+): the frame's function (`f_func`, `f_funcobj`). */
  func: PyObject | null = null;
  /** PyFrame_GetLineNumber(): the running frame's line, else the line it stopped at. */
  currentLineno(): number {
    return this.running ? this.running.lineno : this.lineno;
  }
  constructor(
    type: PyTypeObject,
    public code: PyCode,
    public globals: PyDict,
    /** `f_localsplus`: fast locals, then cells and free variables. */
    public localsplus: (PyObject | null)[],
    /** The value stack; owned references. */
    public stack: PyObject[],
    /** `f_locals` dict of module and class bodies. */
    public locals: PyDict | null,
    public builtins: PyDict,
    public ownership: FrameOwnership,
    /** NON-SPEC: the heap, to count and track references when the object takes its frame over. */
    private readonly heap: Heap,
  ) {
    super();
    initCallHeader(this, type);
  }
  /** Mirrors Objects/frameobject.c frame_traverse(): a 3.11+ frame the object does not own is its owner's to visit. */
  tp_traverse(visit: Visit): void {
    if (this.back && this.backIsStrong) visit(this.back);
    if (this.ownership === 'view') return;
    if (this.func) visit(this.func);
    visit(this.code);
    if (this.ownership === 'frame') {
      visit(this.globals);
      visit(this.builtins);
    }
    if (this.locals) visit(this.locals);
    for (const o of this.localsplus) if (o) visit(o);
    for (const o of this.stack) visit(o);
  }
  /**
   * Mirrors Python/frame.c take_ownership() (3.11–3.13): the cleared frame's
   * locals, value stack, function, code and `f_locals` become the object's,
   * and the object is tracked. `ownsFunc`/`ownsCode`: whether the frame's own
   * references pass over; otherwise the object takes new ones.
   */
  takeOwnership(frame: FrameData, ownsFunc: boolean, ownsCode: boolean): void {
    this.ownership = 'taken';
    this.finished = true;
    this.func = frame.func;
    if (frame.func && !ownsFunc) this.heap.incref(frame.func);
    if (!ownsCode) this.heap.incref(frame.code);
    if (this.locals) this.heap.incref(this.locals);
    if (!this.gc_tracked) this.heap.gc?.track(this);
  }
  /**
   * Mirrors frame_dealloc(): up to 3.10 locals, stack, then code, globals,
   * builtins and `f_locals`; from 3.11 function, `f_locals`, locals, stack,
   * and the code last.
   */
  releaseForDealloc(out: PyObject[]): void {
    const ownership = this.ownership;
    if (ownership === 'taken') {
      push(out, this.func);
      push(out, this.locals);
      this.func = this.locals = null;
    }
    if (ownership !== 'view') {
      for (const o of this.localsplus) push(out, o);
      for (const o of this.stack) out.push(o);
    }
    this.localsplus = [];
    this.stack = [];
    if (this.back && this.backIsStrong) out.push(this.back);
    this.back = null;
    if (ownership === 'taken') out.push(this.code);
    if (ownership !== 'frame') return;
    out.push(this.code, this.globals, this.builtins);
    push(out, this.locals);
    this.locals = null;
  }
  /** Mirrors frame_tp_clear(): locals and the value stack. */
  override tp_clear(out: PyObject[]): void {
    for (let i = 0; i < this.localsplus.length; i++) {
      push(out, this.localsplus[i]);
      this.localsplus[i] = null;
    }
    for (const o of this.stack) out.push(o);
    this.stack = [];
    this.finished = true;
  }
}

/**
 * A generator (`PyGenObject`). Up to 3.10 it owns a frame object (`gi_frame`);
 * from 3.11 it embeds its interpreter frame (`gi_iframe`) and has a frame
 * object only once one is asked for.
 */
export class PyGenerator extends PyObject {
  running = false;
  /** 3.12+ gen_close() of a generator that never started: FRAME_COMPLETED, its frame not cleared. */
  closed = false;
  constructor(
    type: PyTypeObject,
    /** Up to 3.10: the frame object, until the generator finishes. */
    public frame: PyFrame | null,
    /** 3.11+: the embedded frame, until it is cleared (FRAME_CLEARED). */
    public iframe: InterpreterFrame | null,
    public name: PyStr,
    public qualname: PyStr,
    /** `gi_code` up to 3.11; from 3.12 the frame's `f_code`, which outlives the frame's clearing. */
    public code: PyCode,
  ) {
    super();
    initInstanceHeader(this, type);
  }
  /** Mirrors Objects/genobject.c gen_traverse(). */
  tp_traverse(visit: Visit): void {
    if (this.frame) visit(this.frame);
    visit(this.code);
    visit(this.name);
    visit(this.qualname);
    if (this.iframe) this.iframe.traverse(visit);
  }
  /** Mirrors gen_dealloc(): the frame (cleared first from 3.11), then code, name and qualified name. */
  releaseForDealloc(out: PyObject[]): void {
    push(out, this.frame);
    this.frame = null;
    const iframe = this.iframe;
    this.iframe = null;
    if (iframe) iframe.clear(out);
    out.push(this.code, this.name, this.qualname);
  }
}

/**
 * An exception instance (`PyBaseExceptionObject`): args, traceback, the
 * chained `__cause__`/`__context__`, and a `__dict__`.
 */
export class PyException extends PyObject {
  dict: PyDict | null = null;
  traceback: PyObject | null = null;
  cause: PyObject | null = null;
  context: PyObject | null = null;
  suppressContext = false;
  /** Extra attributes of built-in subclasses (e.g. StopIteration.value), by name. */
  extra: Map<string, PyObject> | null = null;
  /**
   * NON-SPEC: what a NameError's or AttributeError's `name` (and an AttributeError's
   * `obj`) would hold from 3.10, kept only to print "Did you mean" suggestions; not
   * heap references (CPython's `obj` is strong; here a freed `obj` gets no suggestion).
   */
  missingName: { name: string; obj: PyObject | null } | null = null;
  constructor(type: PyTypeObject, public args: PyTuple) {
    super();
    initCallHeader(this, type);
  }
  /** Mirrors BaseException_traverse(). */
  tp_traverse(visit: Visit): void {
    if (this.dict) visit(this.dict);
    visit(this.args);
    if (this.traceback) visit(this.traceback);
    if (this.context) visit(this.context);
    if (this.cause) visit(this.cause);
    if (this.extra) for (const v of this.extra.values()) visit(v);
    if (this.ob_type.isHeapType) visit(this.ob_type);
  }
  releaseForDealloc(out: PyObject[]): void {
    push(out, this.dict);
    out.push(this.args);
    push(out, this.traceback);
    push(out, this.context);
    push(out, this.cause);
    if (this.extra) for (const v of this.extra.values()) out.push(v);
    this.dict = this.traceback = this.context = this.cause = null;
    this.extra = null;
    if (this.ob_type.isHeapType) out.push(this.ob_type);
  }
  /** Mirrors BaseException_clear(). */
  override tp_clear(out: PyObject[]): void {
    push(out, this.dict);
    push(out, this.traceback);
    push(out, this.context);
    push(out, this.cause);
    this.dict = this.traceback = this.context = this.cause = null;
  }
}

/** A traceback entry (`PyTracebackObject`): holds the next entry and its frame. */
export class PyTraceback extends PyObject {
  constructor(type: PyTypeObject, public next: PyTraceback | null, public frame: PyFrame | null, readonly lineno: number, readonly lasti: number) {
    super(type);
  }
  tp_traverse(visit: Visit): void {
    if (this.next) visit(this.next);
    if (this.frame) visit(this.frame);
  }
  releaseForDealloc(out: PyObject[]): void {
    push(out, this.next);
    push(out, this.frame);
    this.next = null;
    this.frame = null;
  }
  override tp_clear(out: PyObject[]): void {
    this.releaseForDealloc(out);
  }
}

/**
 * A small built-in object whose memory behaviour is the references it holds:
 * iterators, `range`, `slice`, `property`, `classmethod`, `staticmethod`,
 * `super`, built-in functions and bound built-in methods. `refs` are strong
 * references in the order the C struct releases them; `state` is the
 * runtime's own data (indices, bounds), opaque here.
 */
export class PyNative extends PyObject {
  constructor(type: PyTypeObject, public refs: (PyObject | null)[], public state: unknown = null) {
    super();
    initInstanceHeader(this, type);
  }
  tp_traverse(visit: Visit): void {
    for (const o of this.refs) if (o) visit(o);
  }
  releaseForDealloc(out: PyObject[]): void {
    for (const o of this.refs) push(out, o);
    this.refs = [];
  }
  override tp_clear(out: PyObject[]): void {
    for (let i = 0; i < this.refs.length; i++) {
      push(out, this.refs[i]);
      this.refs[i] = null;
    }
  }
}
