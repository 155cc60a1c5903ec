/**
 * The operations the eval loop performs on objects: attribute access
 * (Objects/object.c PyObject_GenericGetAttr, Objects/typeobject.c), numbers
 * (Objects/longobject.c, floatobject.c), sequences and mappings, iteration,
 * functions, classes, exceptions and tracebacks, imports.
 */
import {
  InlineValues,
  PyObject,
  PyInt,
  PyFloat,
  PyStr,
  PyBytes,
  PyTuple,
  PyList,
  PyDict,
  PySet,
  PyTypeObject,
  PyNative,
  PyFunction,
  PyMethod,
  PyInstance,
  PyModule,
  PyException,
  PyCode,
  PyCell,
  PyFrame,
  PyTraceback,
  PyGenerator,
  PySingleton,
  PyWeakref,
  TPFLAGS,
  numbers,
  sizes,
  tables,
  text,
  typeDictsVersionNow,
} from '@pymem/object-model';
import type { Runtime, NativeFunctionState, NativeFn } from './runtime';
import { ObjectProtocol, rangeLength, isMappingProxy } from './objects';
import { dictGetItem, dictSetItem, dictDelItem, dictItems, dictLookup, dictNewPresized, dictMergePresize, newInstanceDict, instanceDictSetItem, noteInlineAttribute } from './dict';
import { PyErr } from './errors';
import { withCallingConvention } from './calling';
import { isProxy, proxyReferent, weakrefGetAttr } from './weakref';
import type { Frame } from '../vm/frame';
import { Op, CO_OPTIMIZED } from '../compiler/opcodes';
import type { VM } from '../vm/vm';

/** A `(value, unbound)` result of `LOAD_METHOD`. */
export interface MethodLookup {
  value: PyObject;
  unbound: boolean;
}

export class Operations {
  vm!: VM;
  /** The NULL pushed by `LOAD_METHOD` when it found no unbound method. */
  readonly NULL: PyObject;
  /**
   * NON-SPEC: what LOAD_FAST_AND_CLEAR pushes for an unbound local, where
   * CPython pushes NULL: an immortal marker that is no heap object (never
   * allocated, counted or freed).
   */
  readonly UNBOUND: PyObject;
  builtinsDict!: PyDict;
  buildClass!: PyObject;
  /** type_dealloc()'s remove_all_subclasses(), set by the built-ins (runtime/builtins.ts). */
  removeSubclass: ((cls: PyTypeObject) => void) | null = null;
  readonly modules = new Map<string, PyModule>();
  /** Built-in modules made on first import (`sys`, `gc`, `weakref`). */
  readonly moduleFactories = new Map<string, () => PyModule>();
  /** Methods of built-in types by type name. */
  readonly methods = new Map<PyTypeObject, Map<string, NativeFn>>();

  constructor(
    readonly rt: Runtime,
    readonly p: ObjectProtocol,
  ) {
    this.NULL = rt.None;
    this.UNBOUND = new PySingleton(rt.t.NoneType!, 'NULL');
    this.UNBOUND.immortal = true;
  }

  // ------------------------------------------------------------------ attributes

  /** Built-in methods that are class methods (`METH_CLASS`): looked up on the type, they bind to it. */
  private readonly classMethods = new WeakSet<NativeFn>();

  /** A `METH_CLASS` built-in method (`dict.fromkeys`): `fn` gets the class or an instance first. */
  defineClassMethod(type: PyTypeObject, name: string, fn: NativeFn): void {
    this.classMethods.add(this.defineMethod(type, name, fn, true));
  }

  /** Built-in static methods (`METH_STATIC`), the stored method to the function without `self`. */
  private readonly staticMethods = new Set<NativeFn>();

  /**
   * A `METH_STATIC` built-in method (`str.maketrans`): looked up on the type it is a
   * plain built-in function; bound to an instance, the instance is dropped.
   */
  defineStaticMethod(type: PyTypeObject, name: string, fn: NativeFn): void {
    const called = withCallingConvention(this.rt, this.p, `${type.tp_name}.${name}`, fn, false);
    const stored: NativeFn = (rt, args, kw) => called(rt, args.slice(1), kw);
    let m = this.methods.get(type);
    if (!m) this.methods.set(type, (m = new Map()));
    m.set(name, stored);
    this.staticMethods.add(stored);
    this.nativeMethodCache.clear();
  }

  /**
   * The object a built-in type's static method (`__new__`, `str.maketrans`) is in
   * its dict: one `builtin_function_or_method` bound to the defining type, made with
   * the type at start-up (typeobject.c add_tp_new_wrapper(), add_methods()), so
   * reading the attribute allocates nothing. Made on first use here, outside the
   * program's allocations, with the dict's one reference.
   */
  private staticMethodObject(type: PyTypeObject, name: string, stored: NativeFn): PyNative {
    let o = this.staticMethodObjects.get(stored);
    if (!o) {
      const owner = type.mroCache.find((m) => this.methods.get(m)?.get(name) === stored) ?? type;
      o = this.rt.newStartupBuiltin(name, stored, owner);
      this.staticMethodObjects.set(stored, o);
    }
    return o;
  }
  private readonly staticMethodObjects = new Map<NativeFn, PyNative>();

  /** Defines the built-in method `type.name`; returns the function stored, `fn` with its calling convention. */
  defineMethod(type: PyTypeObject, name: string, fn: NativeFn, classMethod = false): NativeFn {
    let m = this.methods.get(type);
    if (!m) this.methods.set(type, (m = new Map()));
    const called = withCallingConvention(this.rt, this.p, `${type.tp_name}.${name}`, type === this.rt.t.list ? reportsListChange(fn) : fn, true, classMethod);
    m.set(name, called);
    this.nativeMethodCache.clear();
    return called;
  }

  /** The built-in method `name` of the first type in `type`'s MRO that has one. */
  nativeMethod(type: PyTypeObject, name: string): NativeFn | null {
    // NON-SPEC: remembered per type while no type's dict or MRO changes (as `typeLookup`'s cache).
    if (this.nativeMethodCacheVersion !== typeDictsVersionNow()) {
      this.nativeMethodCache.clear();
      this.nativeMethodCacheVersion = typeDictsVersionNow();
    }
    let ofType = this.nativeMethodCache.get(type);
    if (!ofType) this.nativeMethodCache.set(type, (ofType = new Map()));
    let fn = ofType.get(name);
    if (fn === undefined) {
      fn = null;
      for (const t of type.mroCache) {
        const found = this.methods.get(t)?.get(name);
        if (found) {
          fn = found;
          break;
        }
      }
      ofType.set(name, fn);
    }
    return fn;
  }
  private readonly nativeMethodCache = new Map<PyTypeObject, Map<string, NativeFn | null>>();
  private nativeMethodCacheVersion = -1;

  /**
   * `PyObject_GetAttr`: a new reference. A class that defines `__getattribute__`
   * gets it called (slot_tp_getattr_hook), and its `__getattr__` after an
   * AttributeError.
   */
  getAttr(o: PyObject, name: string): PyObject {
    if (this.rt.profile.suggestions === 'none') return this.getAttrOrMissing(o, name, false)!;
    try {
      return this.getAttrOrMissing(o, name, false)!;
    } catch (e) {
      // PyObject_GetAttr()'s set_attribute_error_context() (3.10+): the AttributeError
      // learns the name and the object, for "Did you mean" when it is printed.
      if (e instanceof PyErr && !e.exc.missingName && this.rt.isInstance(e.exc, this.rt.t.AttributeError!)) e.exc.missingName = { name, obj: o };
      throw e;
    }
  }

  /**
   * Mirrors Objects/object.c _PyObject_LookupAttr() (3.7+): `o.name` as a new
   * reference, or null when `o` has no such attribute — and then no AttributeError
   * object was made. From 3.7 the generic getattr (and from 3.12 type_getattro()
   * and module_getattro()) is asked not to raise at all; elsewhere, and in 3.6's
   * builtin_getattr()/builtin_hasattr(), the error is set with PyErr_Format(), which
   * up to 3.11 stores the type and message without making the exception, and
   * cleared with PyErr_Clear() when it is an AttributeError. An AttributeError that
   * Python code raised (a `__getattr__`) exists already and is released here.
   */
  lookupAttr(o: PyObject, name: string): PyObject | null {
    const rt = this.rt;
    try {
      return this.getAttrOrMissing(o, name, true);
    } catch (e) {
      if (e instanceof PyErr && rt.isInstance(e.exc, rt.t.AttributeError!)) {
        rt.heap.decref(e.exc);
        return null;
      }
      throw e;
    }
  }

  /** PyObject_GetAttr(), or with `suppress` _PyObject_LookupAttr(): null instead of a missing attribute's AttributeError. */
  private getAttrOrMissing(o: PyObject, name: string, suppress: boolean): PyObject | null {
    const ga = this.p.special(o, '__getattribute__');
    if (!ga) return this.genericGetAttr(o, name, true, suppress);
    // slot_tp_getattr_hook(): the class's __getattribute__, then its __getattr__ after an AttributeError.
    const heap = this.rt.heap;
    const n = this.rt.internString(name);
    try {
      return this.p.callSpecial(ga, o, [n]);
    } catch (e) {
      const fallback = e instanceof PyErr && this.rt.isInstance(e.exc, this.rt.t.AttributeError!) ? this.p.special(o, '__getattr__') : null;
      if (!fallback) throw e;
      heap.decref((e as PyErr).exc);
      return this.callAttribute(o, fallback, n);
    } finally {
      heap.decref(n);
    }
  }

  /**
   * Mirrors Objects/typeobject.c call_attribute(): slot_tp_getattr_hook's call of
   * `__getattr__` (or `__getattribute__`) with the name. Up to 3.11 it binds the
   * function to the object first (tp_descr_get: a bound method object), which up
   * to 3.7 is then called with an argument tuple (PyObject_CallFunctionObjArgs());
   * 3.12 calls a method descriptor with the object and the name on the stack.
   */
  private callAttribute(o: PyObject, attr: PyObject, name: PyObject): PyObject {
    const rt = this.rt;
    if (!rt.profile.getattrHookBindsMethod || !(attr instanceof PyFunction)) return this.p.callSpecial(attr, o, [name]);
    const bound = this.newMethod(attr, o);
    const argTuple = rt.profile.cCallOfMethodPacksArguments ? rt.newTuple([rt.heap.newref(name)]) : null;
    try {
      return this.p.call(bound, [name], null);
    } finally {
      if (argTuple) rt.heap.decref(argTuple);
      rt.heap.decref(bound);
    }
  }

  /**
   * `PyObject_GenericGetAttr` (`object.__getattribute__`); `withGetattr`: then a
   * class's `__getattr__`, as slot_tp_getattr_hook does; `suppress`: null for a
   * missing attribute (see getAttrOrMissing).
   */
  genericGetAttr(o: PyObject, name: string, withGetattr = false, suppress = false): PyObject | null {
    const rt = this.rt;
    const heap = rt.heap;
    const p = this.p;
    if (o instanceof PyModule) {
      const v = p.dictGetStr(o.dict, name);
      if (v) return heap.newref(v);
      if (name === '__dict__') return heap.newref(o.dict);
      // module_getattro() starts with PyObject_GenericGetAttr(): the module type's own
      // attributes (`sys.__sizeof__`, `sys.__class__`) come after the module's dict.
      const descr = p.typeLookup(o.ob_type, name);
      if (descr) return this.descrGet(descr, o, o.ob_type);
      const nm = this.nativeMethod(o.ob_type, name);
      if (nm) return rt.newBuiltin(name, nm, o, `${o.ob_type.tp_name}.${name}`);
      const special = this.specialAttr(o, name);
      if (special) return special;
      if (rt.profile.moduleGetattrNormalizesSpecError) {
        // module_getattro() asks _PyModuleSpec_IsInitializing(__spec__), which reads
        // `__spec__._initializing` with PyObject_GetAttr(); 3.10/3.11 normalize that
        // AttributeError at once to record its name and object
        // (set_attribute_error_context()). No module of a program has the attribute
        // once imported (`__main__`'s spec is None), so an AttributeError is made and
        // cleared. pymem's modules carry no `__spec__`: the error is made here.
        heap.decref(rt.error('AttributeError', `'NoneType' object has no attribute '_initializing'`).exc);
      }
      if (suppress) return null;
      throw rt.error('AttributeError', `module '${o.name}' has no attribute '${name}'`);
    }
    if (o instanceof PyTypeObject) return this.typeGetAttr(o, name, suppress);
    if (o instanceof PyNative && o.ob_type === rt.t.super) return this.superGetAttr(o, name, suppress);
    if (o instanceof PyWeakref) {
      // weakref: proxies forward every name; refs have __callback__ (runtime/weakref.ts)
      const w = weakrefGetAttr(this, o, name);
      if (w) return w;
    }
    const type = o.ob_type;
    // A user-defined __getattribute__ is not modelled; data descriptors first.
    const descr = p.typeLookup(type, name);
    if (descr && this.isDataDescriptor(descr)) return this.descrGet(descr, o, type);
    const instVal = this.instanceAttr(o, name);
    if (instVal) return heap.newref(instVal);
    if (descr) return this.descrGet(descr, o, type);
    const nm = this.nativeMethod(type, name);
    if (nm) return rt.newBuiltin(name, nm, o, `${type.tp_name}.${name}`);
    const special = this.specialAttr(o, name);
    if (special) return special;
    const ga = withGetattr ? p.typeLookup(type, '__getattr__') : null;
    if (ga) {
      // slot_tp_getattr_hook(): the generic lookup failed with an AttributeError,
      // which 3.10 and 3.11 normalize at once (set_attribute_error_context()): an
      // exception object made and cleared before `__getattr__` is called.
      if (rt.profile.getattrHookMakesAttributeError) heap.decref(rt.error('AttributeError', `'${type.tp_name}' object has no attribute '${name}'`).exc);
      const n = rt.newStr(name);
      try {
        return this.callAttribute(o, ga, n);
      } finally {
        heap.decref(n);
      }
    }
    if (suppress) return null;
    throw rt.error('AttributeError', `'${type.tp_name}' object has no attribute '${name}'`);
  }

  /**
   * Mirrors Objects/typeobject.c super_getattro(): looks `name` up in the MRO
   * of the instance's type, after the class `super()` was called in, and binds
   * what it finds to the instance.
   */
  private superGetAttr(sup: PyNative, name: string, suppress: boolean): PyObject | null {
    const rt = this.rt;
    const startType = sup.refs[0] as PyTypeObject;
    const obj = sup.refs[1]!;
    const objType = obj instanceof PyTypeObject && obj.isSubtype(startType) ? obj : obj.ob_type;
    const mro = objType.mroCache;
    if (name !== '__class__') {
      for (let i = mro.indexOf(startType) + 1; i < mro.length; i++) {
        const t = mro[i]!;
        const v = t.tp_dict ? this.p.dictGetStr(t.tp_dict, name) : null;
        if (v) {
          if (obj === objType) {
            if (v instanceof PyNative && v.ob_type === rt.t.classmethod) return this.newMethod(v.refs[0]!, obj);
            if (v instanceof PyNative && v.ob_type === rt.t.staticmethod) return rt.heap.newref(v.refs[0]!);
            return rt.heap.newref(v);
          }
          return this.descrGet(v, obj, objType);
        }
        const nm = this.methods.get(t)?.get(name);
        if (nm) return rt.newBuiltin(name, nm, obj, `${t.tp_name}.${name}`);
      }
    }
    if (suppress) return null;
    throw rt.error('AttributeError', `'super' object has no attribute '${name}'`);
  }

  /**
   * Mirrors Objects/typeobject.c _PyObject_LookupSpecial(): `name` looked up on the
   * type only, bound to `o` — a bound method object even for a built-in method
   * (method_get() makes a `builtin_function_or_method`). A new reference, or null.
   */
  lookupSpecial(o: PyObject, name: string): PyObject | null {
    const type = o.ob_type;
    const descr = this.p.typeLookup(type, name);
    if (descr) return this.descrGet(descr, o, type);
    for (const t of type.mroCache) {
      const nm = this.methods.get(t)?.get(name);
      if (nm) return this.rt.newBuiltin(name, nm, o, `${t.tp_name}.${name}`);
    }
    return null;
  }

  /** `LOAD_METHOD`: avoids making a bound method for a function found on the type (3.7+). */
  loadMethod(o: PyObject, name: string): MethodLookup {
    const heap = this.rt.heap;
    const isSuper = o instanceof PyNative && o.ob_type === this.rt.t.super;
    if (!(o instanceof PyModule) && !(o instanceof PyTypeObject) && !isSuper) {
      const descr = this.p.typeLookup(o.ob_type, name);
      if (descr instanceof PyFunction && !this.instanceAttr(o, name)) return { value: heap.newref(descr), unbound: true };
      if (!descr && !this.instanceAttr(o, name)) {
        const nm = this.nativeMethod(o.ob_type, name);
        if (nm) return { value: this.methodDescriptor(o.ob_type, name, nm), unbound: true };
      }
    }
    return { value: this.getAttr(o, name), unbound: false };
  }

  /** The static method descriptor of a built-in method (`PyMethodDescr`), made once per type and name. */
  private readonly descriptors = new Map<string, Map<string, PyNative>>();
  private methodDescriptor(type: PyTypeObject, name: string, fn: NativeFn): PyObject {
    let ofType = this.descriptors.get(type.tp_name);
    if (!ofType) this.descriptors.set(type.tp_name, (ofType = new Map()));
    let d = ofType.get(name);
    if (!d) {
      const state: NativeFunctionState = { name, fn, qualname: `${type.tp_name}.${name}`, objclass: type };
      d = this.rt.heap.allocateStatic(new PyNative(this.rt.t.method_descriptor!, [], state), 80);
      ofType.set(name, d);
    }
    this.rt.heap.incref(d);
    return d;
  }

  private isDataDescriptor(d: PyObject): boolean {
    if (d instanceof PyNative && d.ob_type === this.rt.t.property) return true;
    if (d instanceof PyNative && (d.ob_type === this.rt.t.member_descriptor || d.ob_type === this.rt.t.getset_descriptor)) return true;
    if (d.ob_type.isHeapType && (this.p.typeLookup(d.ob_type, '__set__') || this.p.typeLookup(d.ob_type, '__delete__'))) return true;
    return false;
  }

  /** `tp_descr_get` of the descriptor kinds pymem has (the object itself, new reference, for a non-descriptor). */
  descrGet(d: PyObject, o: PyObject | null, type: PyTypeObject): PyObject {
    const rt = this.rt;
    const heap = rt.heap;
    if (d instanceof PyFunction) {
      if (!o) return heap.newref(d);
      return this.newMethod(d, o);
    }
    if (d instanceof PyNative) {
      if (d.ob_type === rt.t.property) {
        if (!o) return heap.newref(d);
        const fget = d.refs[0];
        if (!fget || fget === rt.None) throw rt.error('AttributeError', `property of '${type.tp_name}' object has no getter`);
        return this.p.call(fget, [o], null);
      }
      if (d.ob_type === rt.t.classmethod) return this.newMethod(d.refs[0]!, type);
      if (d.ob_type === rt.t.staticmethod) return heap.newref(d.refs[0]!);
      if (d.ob_type === rt.t.getset_descriptor) {
        // subtype_dict() / subtype_getweakref(): the instance's dict, or the head of its weakref list.
        if (!o) return heap.newref(d);
        if (d.state === '__dict__') {
          const dict = this.specialAttr(o, '__dict__');
          if (dict) return dict;
        }
        return heap.newref(o.weakrefs?.[0] ?? rt.None);
      }
      if (d.ob_type === rt.t.member_descriptor) {
        if (!o) return heap.newref(d);
        const idx = d.state as number;
        const v = (o as PyInstance).slots[idx];
        if (!v) throw rt.error('AttributeError', rt.profile.version[1] >= 10 ? `'${type.tp_name}' object has no attribute '${(d.refs[0] as PyStr).value}'` : (d.refs[0] as PyStr).value);
        return heap.newref(v);
      }
    }
    if (d.ob_type.isHeapType) {
      const get = this.p.typeLookup(d.ob_type, '__get__');
      if (get) return this.p.callSpecial(get, d, [o ?? rt.None, type]);
    }
    return heap.newref(d);
  }

  /** `PyMethod_New`. */
  newMethod(func: PyObject, self: PyObject): PyMethod {
    const rt = this.rt;
    rt.heap.incref(func);
    rt.heap.incref(self);
    const m = rt.heap.allocate(new PyMethod(rt.t.method!, func, self), rt.sizes.fixed.method);
    rt.track(m);
    return m;
  }

  /** The instance's own attribute (dict, or 3.11+ inline values), borrowed. */
  instanceAttr(o: PyObject, name: string): PyObject | null {
    if (o instanceof PyInstance) {
      if (o.values) return o.values.get(name);
      if (o.dict) return this.p.dictGetStr(o.dict, name);
      return null;
    }
    if ((o instanceof PyFunction || o instanceof PyException || isBuiltinSubtypeInstance(o)) && o.dict) return this.p.dictGetStr(o.dict, name);
    return null;
  }

  /** Attributes that C types expose through getsets and members. */
  private specialAttr(o: PyObject, name: string): PyObject | null {
    const rt = this.rt;
    const heap = rt.heap;
    if (name === '__class__') return heap.newref(o.ob_type);
    if (name === '__dict__') {
      if (o instanceof PyInstance && o.ob_type.instancesHaveDict) return heap.newref(this.instanceDict(o));
      if (isBuiltinSubtypeInstance(o)) return heap.newref(this.subtypeDict(o));
      if (o instanceof PyFunction) {
        if (!o.dict) {
          o.dict = rt.newDict();
          this.functionChanged(o);
        }
        return heap.newref(o.dict);
      }
    }
    if (o instanceof PyFunction) {
      switch (name) {
        case '__name__':
          return heap.newref(o.name);
        case '__qualname__':
          return heap.newref(o.qualname);
        case '__code__':
          return heap.newref(o.code);
        case '__defaults__':
          return heap.newref(o.defaults ?? rt.None);
        case '__kwdefaults__':
          return heap.newref(o.kwdefaults ?? rt.None);
        case '__annotations__':
          if (!o.annotations) {
            o.annotations = rt.newDict();
            this.functionChanged(o);
          }
          return heap.newref(o.annotations);
        case '__closure__':
          return heap.newref(o.closure ?? rt.None);
        case '__globals__':
          return heap.newref(o.globals);
        case '__module__':
          return heap.newref(o.module ?? rt.None);
        case '__doc__':
          return heap.newref(o.doc ?? rt.None);
      }
    }
    if (o instanceof PyMethod) {
      if (name === '__self__') return heap.newref(o.self!);
      if (name === '__func__') return heap.newref(o.func!);
      return this.getAttr(o.func!, name);
    }
    if (o instanceof PyCell && name === 'cell_contents') {
      if (!o.ref) throw rt.error('ValueError', 'Cell is empty');
      return heap.newref(o.ref);
    }
    if (o instanceof PyException) {
      switch (name) {
        case 'args':
          return heap.newref(o.args);
        case '__traceback__':
          return heap.newref(o.traceback ?? rt.None);
        case '__cause__':
          return heap.newref(o.cause ?? rt.None);
        case '__context__':
          return heap.newref(o.context ?? rt.None);
        case '__suppress_context__':
          return rt.newBool(o.suppressContext);
        case 'value':
          if (o.extra?.has('value')) return heap.newref(o.extra.get('value')!);
          if (o.ob_type.isSubtype(rt.t.StopIteration!)) return heap.newref(o.args.items[0] ?? rt.None);
      }
    }
    if (o instanceof PyTraceback) {
      if (name === 'tb_next') return heap.newref(o.next ?? rt.None);
      if (name === 'tb_frame') return heap.newref(o.frame ?? rt.None);
      if (name === 'tb_lineno') return rt.newInt(o.lineno);
    }
    if (o instanceof PyFrame) {
      if (name === 'f_lineno') return rt.newInt(o.currentLineno());
      if (name === 'f_code') return heap.newref(o.code);
      if (name === 'f_back') return this.frameBack(o);
      if (name === 'f_locals') return this.frameLocals(o);
      if (name === 'f_globals') return heap.newref(o.globals);
    }
    if (o instanceof PyCode) {
      if (name === 'co_name') return rt.newStr(o.co.co_name);
      if (name === 'co_consts') return heap.newref(o.co_consts);
      if (name === 'co_varnames') return rt.newTuple(o.co.co_varnames.map((v) => rt.internString(v)));
      if (name === 'co_names') return rt.newTuple(o.co.co_names.map((v) => rt.internString(v)));
      if (name === 'co_freevars') return rt.newTuple(o.co.co_freevars.map((v) => rt.internString(v)));
      if (name === 'co_cellvars') return rt.newTuple(o.co.co_cellvars.map((v) => rt.internString(v)));
      if (name === 'co_filename') return rt.newStr(o.co.co_filename);
      if (name === 'co_firstlineno') return rt.newInt(o.co.co_firstlineno);
      if (name === 'co_argcount') return rt.newInt(o.co.co_argcount);
      if (name === 'co_kwonlyargcount') return rt.newInt(o.co.co_kwonlyargcount);
      if (name === 'co_posonlyargcount' && rt.profile.version[1] >= 8) return rt.newInt(o.co.co_posonlyargcount);
      if (name === 'co_nlocals') return rt.newInt(o.co.co_nlocals);
      if (name === 'co_flags') return rt.newInt(o.co.co_flags);
      if (name === 'co_qualname' && rt.profile.version[1] >= 11) return rt.newStr(o.co.co_qualname);
    }
    if (o instanceof PyGenerator) {
      // _gen_getframe(): from 3.11 the embedded frame gets its frame object now.
      if (name === 'gi_frame') {
        const iframe = (o as unknown as { vmFrame: Frame | null }).vmFrame;
        if (o.iframe && iframe) return heap.newref(this.materializeFrame(iframe));
        return heap.newref(o.frame && !o.frame.finished ? o.frame : rt.None);
      }
      if (name === 'gi_running') return rt.newBool(o.running);
      if (name === 'gi_code') return heap.newref(o.code);
      if (name === '__name__') return heap.newref(o.name);
      if (name === '__qualname__') return heap.newref(o.qualname);
    }
    if (o instanceof PyNative && o.ob_type === rt.t.builtin_function_or_method) {
      if (name === '__name__') return rt.newStr((o.state as NativeFunctionState).name);
      if (name === '__self__') return heap.newref(o.refs[0] ?? rt.None);
    }
    if (o instanceof PyTuple) {
      const i = rt.structSeqFields.get(o.ob_type)?.indexOf(name) ?? -1;
      if (i >= 0) return heap.newref(o.items[i]!);
    }
    if (o instanceof PyNative && o.ob_type === rt.t.range) {
      const [start, stop, step] = o.state as [bigint, bigint, bigint];
      if (name === 'start') return rt.newInt(start);
      if (name === 'stop') return rt.newInt(stop);
      if (name === 'step') return rt.newInt(step);
    }
    if (o instanceof PyNative && o.ob_type === rt.t.property) {
      if (name === 'fget') return heap.newref(o.refs[0] ?? rt.None);
      if (name === 'fset') return heap.newref(o.refs[1] ?? rt.None);
      if (name === '__isabstractmethod__') return rt.newBool(false);
    }
    if ((o instanceof PyNative && (o.ob_type === rt.t.classmethod || o.ob_type === rt.t.staticmethod)) && name === '__func__') return heap.newref(o.refs[0]!);
    if (o instanceof PyInt && !o.ob_type.isHeapType) {
      if (name === 'real' || name === 'numerator') return heap.newref(o);
      if (name === 'imag') return rt.newInt(0);
      if (name === 'denominator') return rt.newInt(1);
    }
    if (o instanceof PyFloat) {
      if (name === 'real') return heap.newref(o);
      if (name === 'imag') return rt.newFloat(0);
    }
    if (name === '__doc__') return heap.newref(rt.None);
    return null;
  }

  /**
   * A frame object's `f_locals` (frame_getlocals()): a module or class body's
   * namespace; for a function frame its cached dict, refreshed (up to 3.12:
   * the frame object's own up to 3.10 and once it took its frame over, else
   * its running frame's), or a new snapshot (3.13).
   */
  private frameLocals(f: PyFrame): PyObject {
    const heap = this.rt.heap;
    if (!(f.code.co.co_flags & CO_OPTIMIZED)) return heap.newref(f.locals!);
    const running = this.views.get(f);
    if (running) return this.frameLocalsOf(running);
    if (!this.rt.profile.frameCachesLocals) return this.fastToLocals(f.code, f.localsplus, null);
    f.locals = this.fastToLocals(f.code, f.localsplus, f.locals);
    return heap.newref(f.locals);
  }

  /**
   * Mirrors PyFrame_GetBack() (the `f_back` getter): the frame object's own
   * `f_back` (up to 3.10, or once it took its frame over); from 3.11 a frame
   * object on a running frame has none, and asking makes the calling frame's
   * object (_PyFrame_GetFrameObject()), which that frame then holds.
   */
  private frameBack(f: PyFrame): PyObject {
    const heap = this.rt.heap;
    if (f.back) return heap.newref(f.back);
    const back = this.views.get(f)?.back;
    return heap.newref(back ? this.materializeFrame(back) : this.rt.None);
  }

  /** `locals()` of a running function frame (PyEval_GetLocals()): its cached `f_locals`, refreshed, or a new snapshot (3.13). */
  frameLocalsOf(frame: Frame): PyDict {
    const rt = this.rt;
    if (!rt.profile.frameCachesLocals) return this.fastToLocals(frame.code, frame.localsplus, null);
    const fo = rt.profile.frameObjectPerCall ? frame.frameObject : null;
    if (fo) {
      fo.locals = this.fastToLocals(frame.code, frame.localsplus, fo.locals);
      return rt.heap.newref(fo.locals);
    }
    frame.fastLocals = this.fastToLocals(frame.code, frame.localsplus, frame.fastLocals);
    return rt.heap.newref(frame.fastLocals);
  }

  /**
   * Mirrors PyFrame_FastToLocalsWithError() (3.6–3.10, map_to_dict()) and
   * _PyFrame_FastToLocalsWithError() (3.11, 3.12): into `into` (or a new
   * dict), each local's value, a cell variable's or free variable's content,
   * and the deletion of a name whose slot is empty. Returns the dict (owned).
   */
  private fastToLocals(code: PyCode, localsplus: readonly (PyObject | null)[], into: PyDict | null): PyDict {
    const rt = this.rt;
    const co = code.co;
    const d = into ?? rt.newDict();
    const nlocals = co.co_varnames.length;
    const ncells = co.co_cellvars.length;
    const slot = (i: number): PyObject | null => {
      const v = localsplus[i] ?? null;
      return i >= nlocals && v instanceof PyCell ? v.ref : v;
    };
    const map = (names: readonly string[], first: number): void => {
      const order = names.map((n, i) => [n, first + i] as const);
      if (rt.profile.fastToLocalsBackward) order.reverse();
      for (const [n, i] of order) {
        const v = slot(i);
        if (v) this.p.dictSetStr(d, n, v);
        else this.dictDelStr(d, n);
      }
    };
    map(co.co_varnames, 0);
    map(co.co_cellvars, nlocals);
    map(co.co_freevars, nlocals + ncells);
    return d;
  }

  /** The running frame of each 3.11+ frame object that is still a view (_PyFrame_GetFrameObject). */
  private readonly views = new WeakMap<PyFrame, Frame>();

  private typeGetAttr(t: PyTypeObject, name: string, suppress: boolean): PyObject | null {
    const rt = this.rt;
    const heap = rt.heap;
    const p = this.p;
    // `type.__dict__` is a data descriptor of the metatype: it wins over the class's own `__dict__` getset.
    const v = name === '__dict__' ? null : p.typeLookup(t, name);
    if (v) {
      if (v instanceof PyNative && v.ob_type === rt.t.classmethod) return this.newMethod(v.refs[0]!, t);
      if (v instanceof PyNative && v.ob_type === rt.t.staticmethod) return heap.newref(v.refs[0]!);
      if (v.ob_type.isHeapType && p.typeLookup(v.ob_type, '__get__')) return this.descrGet(v, null, t);
      return heap.newref(v);
    }
    switch (name) {
      case '__name__':
        return rt.newStr(t.isHeapType ? t.tp_name : t.tp_name.slice(t.tp_name.lastIndexOf('.') + 1));
      case '__qualname__':
        return rt.newStr(t.qualname);
      case '__module__':
        return rt.newStr(t.moduleName);
      case '__mro__':
        return t.tp_mro ? heap.newref(t.tp_mro) : rt.newTuple(t.mroCache.map((x) => heap.newref(x)));
      case '__bases__':
        return t.tp_bases ? heap.newref(t.tp_bases) : rt.newTuple(t.tp_base ? [heap.newref(t.tp_base)] : []);
      case '__base__':
        return heap.newref(t.tp_base ?? rt.None);
      case '__dict__': {
        // type_dict: a new read-only view of the type's namespace each time.
        if (!t.tp_dict) return heap.newref(rt.None);
        const proxy = heap.allocate(new PyNative(rt.t.mappingproxy!, [heap.newref(t.tp_dict)]), rt.sizes.fixed.mappingproxy);
        rt.track(proxy);
        return proxy;
      }
      case '__doc__':
        return heap.newref(rt.None);
      case '__class__':
        return heap.newref(t.ob_type);
    }
    const nm = this.nativeMethod(t, name);
    if (nm && this.staticMethods.has(nm)) return heap.newref(this.staticMethodObject(t, name, nm));
    if (nm) return this.classMethods.has(nm) ? rt.newBuiltin(name, nm, t) : this.methodDescriptor(t, name, nm);
    const metaNm = this.nativeMethod(t.ob_type, name);
    if (metaNm) return rt.newBuiltin(name, metaNm, t);
    if (suppress) return null;
    throw rt.error('AttributeError', `type object '${t.tp_name}' has no attribute '${name}'`);
  }

  /**
   * The instance `__dict__`. From 3.11 the attributes live in inline values
   * and the dict object is made the first time it is asked for
   * (`_PyObject_MakeDictFromInstanceAttributes`).
   */
  instanceDict(o: PyInstance): PyDict {
    const rt = this.rt;
    if (!o.dict) {
      const d = newInstanceDict(rt, o.ob_type);
      if (o.values) {
        const values = o.values;
        for (let i = 0; i < values.size; i++) dictSetItem(rt, this.p, d, values.keyAt(i), values.valueAt(i));
        for (let i = 0; i < values.size; i++) {
          rt.heap.decref(values.keyAt(i));
          rt.heap.decref(values.valueAt(i));
        }
        o.values = null;
      }
      // 3.13: the dict's values stay the instance's inline values (make_dict_from_instance_attributes()).
      d.embedded = rt.profile.embeddedInlineValues;
      o.dict = d;
      this.instanceChanged(o);
    }
    return o.dict;
  }

  /**
   * The `__dict__` of a heap subclass's list, dict or set (at `tp_dictoffset`,
   * 3.11+ the managed dict), made on first use as _PyObjectDict_SetItem()
   * makes it: sharing the type's cached keys where the version does.
   */
  subtypeDict(o: BuiltinSubtypeInstance): PyDict {
    if (o.dict) return o.dict;
    o.dict = newInstanceDict(this.rt, o.ob_type);
    // NON-SPEC: a dict subclass's instance reports its own changes to the trace (HeapTrace.changed).
    const trace = this.rt.heap.trace;
    if (trace) trace.changed(o);
    return o.dict;
  }

  /**
   * NON-SPEC: an instance's slots, inline values or dict changed: the trace
   * learns it here (HeapTrace.changed), as no reference to the instance need
   * be taken for the store.
   */
  private instanceChanged(o: PyInstance): void {
    const trace = this.rt.heap.trace;
    if (trace) trace.changed(o);
  }

  /** NON-SPEC: a function got its `__dict__` or `__annotations__`: the trace learns it (HeapTrace.changed). */
  private functionChanged(o: PyFunction): void {
    const trace = this.rt.heap.trace;
    if (trace) trace.changed(o);
  }

  /** `PyObject_SetAttr`; borrowed value. A class's own `__setattr__` is called (slot_tp_setattro). */
  setAttr(o: PyObject, name: string, v: PyObject): void {
    const sa = this.p.special(o, '__setattr__');
    if (!sa) return this.genericSetAttr(o, name, v);
    const n = this.rt.internString(name);
    try {
      this.rt.heap.decref(this.p.callSpecial(sa, o, [n, v]));
    } finally {
      this.rt.heap.decref(n);
    }
  }

  /** `PyObject_GenericSetAttr` (`object.__setattr__`). */
  genericSetAttr(o: PyObject, name: string, v: PyObject): void {
    const rt = this.rt;
    const heap = rt.heap;
    const p = this.p;
    if (o instanceof PyTypeObject) {
      if (!o.isHeapType) throw this.immutableTypeError(o, name);
      p.dictSetStr(o.tp_dict!, name, v);
      if (name === '__del__') o.hasFinalizer = true;
      return;
    }
    if (o instanceof PyModule) {
      p.dictSetStr(o.dict, name, v);
      return;
    }
    if (isProxy(rt, o)) return this.setAttr(proxyReferent(rt, o), name, v); // weakref: proxy_setattr
    const type = o.ob_type;
    const descr = p.typeLookup(type, name);
    if (descr) {
      if (descr instanceof PyNative && descr.ob_type === rt.t.property) {
        const fset = descr.refs[1];
        if (!fset || fset === rt.None) throw this.propertyAccessorMissing(type, name, 'set');
        heap.decref(p.call(fset, [o, v], null));
        return;
      }
      if (descr instanceof PyNative && descr.ob_type === rt.t.member_descriptor) {
        const inst = o as PyInstance;
        const idx = descr.state as number;
        const old = inst.slots[idx];
        inst.slots[idx] = heap.newref(v);
        this.instanceChanged(inst);
        if (old) heap.decref(old);
        return;
      }
      if (descr.ob_type.isHeapType) {
        const set = p.typeLookup(descr.ob_type, '__set__');
        if (set) {
          heap.decref(p.callSpecial(set, descr, [o, v]));
          return;
        }
      }
    }
    if (o instanceof PyInstance && type.instancesHaveDict) {
      if (!o.dict && rt.profile.inlineInstanceValues) {
        if (!o.values) o.values = new InlineValues();
        const i = o.values.indexOf(name);
        heap.incref(v);
        if (i >= 0) {
          const old = o.values.valueAt(i);
          o.values.setValueAt(i, v);
          this.instanceChanged(o);
          heap.decref(old);
        } else {
          o.values.add(name, rt.internString(name), v);
          this.instanceChanged(o);
          noteInlineAttribute(rt, type, name);
        }
        return;
      }
      const k = rt.internString(name);
      // (3.13: the instance visits the values of a dict that embeds them.)
      this.instanceChanged(o);
      instanceDictSetItem(rt, p, type, this.instanceDict(o), k, v);
      heap.decref(k);
      return;
    }
    if (isBuiltinSubtypeInstance(o)) {
      const k = rt.internString(name);
      instanceDictSetItem(rt, p, type, this.subtypeDict(o), k, v);
      heap.decref(k);
      return;
    }
    if (o instanceof PyFunction) {
      if (!o.dict) {
        o.dict = rt.newDict();
        this.functionChanged(o);
      }
      p.dictSetStr(o.dict, name, v);
      return;
    }
    if (o instanceof PyException) {
      if (name === '__traceback__') {
        const old = o.traceback;
        o.traceback = v === rt.None ? null : heap.newref(v);
        heap.xdecref(old);
        return;
      }
      if (name === '__cause__') {
        const old = o.cause;
        o.cause = v === rt.None ? null : heap.newref(v);
        o.suppressContext = true;
        heap.xdecref(old);
        return;
      }
      if (!o.dict) o.dict = rt.newDict();
      p.dictSetStr(o.dict, name, v);
      return;
    }
    throw this.noAttributeToSet(o, name);
  }

  /** `PyObject_SetAttr(o, name, NULL)`: a class's own `__delattr__` is called (slot_tp_setattro). */
  delAttr(o: PyObject, name: string): void {
    const da = this.p.special(o, '__delattr__');
    if (!da) return this.genericDelAttr(o, name);
    const n = this.rt.internString(name);
    try {
      this.rt.heap.decref(this.p.callSpecial(da, o, [n]));
    } finally {
      this.rt.heap.decref(n);
    }
  }

  /** `PyObject_GenericSetAttr(o, name, NULL)` (`object.__delattr__`). */
  genericDelAttr(o: PyObject, name: string): void {
    const rt = this.rt;
    const heap = rt.heap;
    if (isProxy(rt, o)) return this.delAttr(proxyReferent(rt, o), name); // weakref: proxy_setattr
    if (o instanceof PyInstance) {
      const descr = this.p.typeLookup(o.ob_type, name);
      if (descr instanceof PyNative && descr.ob_type === rt.t.property) {
        // property_descr_set() with no value: the deleter.
        const fdel = descr.refs[2];
        if (!fdel || fdel === rt.None) throw this.propertyAccessorMissing(o.ob_type, name, 'delete');
        heap.decref(this.p.call(fdel, [o], null));
        return;
      }
      if (descr instanceof PyNative && descr.ob_type === rt.t.member_descriptor) {
        const idx = descr.state as number;
        const old = o.slots[idx];
        if (!old) throw rt.error('AttributeError', name);
        o.slots[idx] = null;
        this.instanceChanged(o);
        heap.decref(old);
        return;
      }
      if (o.values) {
        const i = o.values.indexOf(name);
        if (i >= 0) {
          const key = o.values.keyAt(i);
          const value = o.values.valueAt(i);
          o.values.removeAt(i);
          this.instanceChanged(o);
          heap.decref(key);
          heap.decref(value);
          return;
        }
      } else if (o.dict || (rt.profile.delMissingAttrFromDictSaysName && o.ob_type.instancesHaveDict)) {
        // Up to 3.10 _PyObjectDict_SetItem() makes the dict even to delete from it.
        this.instanceChanged(o);
        if (this.dictDelStr(this.instanceDict(o), name)) return;
      }
      if (o.ob_type.instancesHaveDict) throw this.delMissingFromDict(o, name);
    }
    if (o instanceof PyTypeObject) {
      if (!o.isHeapType) throw this.immutableTypeError(o, name);
      if (this.dictDelStr(o.tp_dict!, name)) return;
      throw this.delMissingFromDict(o, name);
    }
    if (o instanceof PyModule) {
      if (this.dictDelStr(o.dict, name)) return;
      throw this.delMissingFromDict(o, name);
    }
    if ((o instanceof PyFunction || isBuiltinSubtypeInstance(o)) && o.dict) {
      if (this.dictDelStr(o.dict, name)) return;
      throw this.delMissingFromDict(o, name);
    }
    throw this.noAttributeToSet(o, name);
  }

  /**
   * Mirrors Objects/object.c _PyObject_GenericSetAttrWithDict() deleting a name its
   * `__dict__` lacks (type_setattro() uses it too): up to 3.10 PyDict_DelItem()'s
   * KeyError — a 1-tuple of the key, _PyErr_SetKeyError() — becomes
   * `AttributeError(name)`; from 3.11 the message names the object (a type: "type
   * object 'C' …").
   */
  private delMissingFromDict(o: PyObject, name: string): PyErr {
    const rt = this.rt;
    if (rt.profile.delMissingAttrFromDictSaysName) {
      const key = rt.internString(name);
      rt.heap.decref(rt.newTuple([key]));
      return rt.error('AttributeError', name);
    }
    if (o instanceof PyTypeObject) return rt.error('AttributeError', `type object '${o.tp_name}' has no attribute '${name}'`);
    return rt.error('AttributeError', `'${o.ob_type.tp_name}' object has no attribute '${name}'`);
  }

  /**
   * Mirrors Objects/descrobject.c property_descr_set() without the accessor: up to
   * 3.9 "can't set attribute", 3.10 naming the property, 3.11+ naming its owner too.
   */
  private propertyAccessorMissing(type: PyTypeObject, name: string, what: 'set' | 'delete'): PyErr {
    const rt = this.rt;
    const minor = rt.profile.version[1];
    if (minor >= 11) return rt.error('AttributeError', `property '${name}' of '${type.tp_name}' object has no ${what === 'set' ? 'setter' : 'deleter'}`);
    return rt.error('AttributeError', minor >= 10 ? `can't ${what} attribute '${name}'` : `can't ${what} attribute`);
  }

  /** type_setattro() on a built-in type: from 3.10 it checks Py_TPFLAGS_IMMUTABLETYPE and names the attribute. */
  private immutableTypeError(t: PyTypeObject, name: string): PyErr {
    const rt = this.rt;
    if (rt.profile.version[1] >= 10) return rt.error('TypeError', `cannot set '${name}' attribute of immutable type '${t.tp_name}'`);
    return rt.error('TypeError', `can't set attributes of built-in/extension type '${t.tp_name}'`);
  }

  /** _PyObject_GenericSetAttrWithDict() for an object without a `__dict__` (3.13 says so). */
  private noAttributeToSet(o: PyObject, name: string): PyErr {
    const suffix = this.rt.profile.setattrNoDictMessage ? ' and no __dict__ for setting new attributes' : '';
    return this.rt.error('AttributeError', `'${o.ob_type.tp_name}' object has no attribute '${name}'${suffix}`);
  }

  dictDelStr(d: PyDict, name: string): boolean {
    const k = this.rt.internString(name);
    try {
      return dictDelItem(this.rt, this.p, d, k);
    } finally {
      this.rt.heap.decref(k);
    }
  }

  // ------------------------------------------------------------------ numbers

  binaryOp(a: PyObject, b: PyObject, op: string, inplace: boolean): PyObject {
    const rt = this.rt;
    // Exact ints and floats have no user-defined special methods: straight to the number slots.
    if ((a instanceof PyInt || a instanceof PyFloat) && (b instanceof PyInt || b instanceof PyFloat) && !a.ob_type.isHeapType && !b.ob_type.isHeapType) {
      const r = this.nativeBinary(a, b, op);
      if (r) return r;
    }
    if (isProxy(rt, a) || isProxy(rt, b)) {
      // weakref: the proxy's number slots unwrap both operands
      return this.binaryOp(isProxy(rt, a) ? proxyReferent(rt, a) : a, isProxy(rt, b) ? proxyReferent(rt, b) : b, op, inplace);
    }
    const dunder = BIN_DUNDER[op]!;
    if (inplace) {
      const im = this.p.special(a, `__i${dunder}__`);
      if (im) {
        const r = this.p.callSpecial(im, a, [b]);
        if (r !== rt.NotImplemented) return r;
        rt.heap.decref(r);
      }
      if (a instanceof PyList && op === 'Add') {
        this.listExtend(a, b);
        return rt.heap.newref(a);
      }
      if (a instanceof PyList && op === 'Mult') {
        return this.listRepeatInPlace(a, b);
      }
      if (a instanceof PySet && a.ob_type !== rt.t.frozenset && b instanceof PySet && this.setInPlace(a, b, op)) return rt.heap.newref(a);
      if (a instanceof PyDict && op === 'BitOr' && b instanceof PyDict && rt.profile.version[1] >= 9) {
        this.dictUpdate(a, b);
        return rt.heap.newref(a);
      }
    }
    // A subclass of the left operand's type gets the first go at the reflected method.
    const rb = this.p.special(b, `__r${dunder}__`);
    if (rb && b.ob_type !== a.ob_type && b.ob_type.isSubtype(a.ob_type)) {
      const r = this.p.callSpecial(rb, b, [a]);
      if (r !== rt.NotImplemented) return r;
      rt.heap.decref(r);
    }
    const m = this.p.special(a, `__${dunder}__`);
    if (m) {
      const r = this.p.callSpecial(m, a, [b]);
      if (r !== rt.NotImplemented) return r;
      rt.heap.decref(r);
    }
    const native = this.nativeBinary(a, b, op);
    if (native) return native;
    if (rb && b.ob_type !== a.ob_type) {
      const r = this.p.callSpecial(rb, b, [a]);
      if (r !== rt.NotImplemented) return r;
      rt.heap.decref(r);
    }
    if (op === 'Add') this.sequenceConcatError(a, b);
    if (op === 'Mult') this.sequenceRepeatError(a, b);
    throw rt.error('TypeError', `unsupported operand type(s) for ${BIN_SYMBOL[op]}${inplace ? '=' : ''}: '${a.ob_type.tp_name}' and '${b.ob_type.tp_name}'`);
  }

  /**
   * Mirrors Objects/abstract.c PyNumber_Add() (and PyNumber_InPlaceAdd()) once both
   * number slots gave up: a left operand with `sq_concat` concatenates, and its
   * concat raises its own message (PyUnicode_Concat(), list_concat(), tupleconcat(),
   * bytes_concat()). Reached only when the concatenation itself failed.
   */
  private sequenceConcatError(a: PyObject, b: PyObject): void {
    const rt = this.rt;
    const t = a.ob_type;
    const other = b.ob_type.tp_name;
    if (t.isSubtype(rt.t.str!)) {
      throw rt.error('TypeError', rt.profile.strConcatNamesBothTypes ? `can only concatenate str (not "${other}") to str` : `must be str, not ${other}`);
    }
    if (t.isSubtype(rt.t.list!)) throw rt.error('TypeError', `can only concatenate list (not "${other}") to list`);
    if (t.isSubtype(rt.t.tuple!)) throw rt.error('TypeError', `can only concatenate tuple (not "${other}") to tuple`);
    if (t.isSubtype(rt.t.bytes!)) throw rt.error('TypeError', `can't concat ${other} to ${t.tp_name}`);
  }

  /**
   * Mirrors Objects/abstract.c PyNumber_Multiply() once both number slots gave up:
   * the operand with `sq_repeat` (left first) repeats by the other, which
   * sequence_repeat() needs to be an index.
   */
  private sequenceRepeatError(a: PyObject, b: PyObject): void {
    const rt = this.rt;
    const isSequence = (o: PyObject) => [rt.t.str!, rt.t.list!, rt.t.tuple!, rt.t.bytes!].some((s) => o.ob_type.isSubtype(s));
    const count = isSequence(a) ? b : isSequence(b) ? a : null;
    if (count) throw rt.error('TypeError', `can't multiply sequence by non-int of type '${count.ob_type.tp_name}'`);
  }

  private numErr(e: unknown): never {
    if (e instanceof numbers.NumberError) throw this.rt.error(e.pyType, e.message);
    throw e;
  }

  private nativeBinary(a: PyObject, b: PyObject, op: string): PyObject | null {
    const rt = this.rt;
    const np = this.p.numProfile;
    try {
      if (a instanceof PyInt && b instanceof PyInt) {
        if (!Number.isNaN(a.num) && !Number.isNaN(b.num)) {
          const r = this.safeIntBinary(a.num, b.num, op);
          if (r) return r;
        }
        const x = a.value;
        const y = b.value;
        switch (op) {
          case 'Add':
            return rt.newInt(x + y);
          case 'Sub':
            return rt.newInt(x - y);
          case 'Mult':
            return rt.newInt(x * y);
          case 'FloorDiv':
            return rt.newInt(numbers.intFloorDiv(x, y));
          case 'Mod':
            return rt.newInt(numbers.intMod(x, y, np));
          case 'Div':
            return rt.newFloat(numbers.intTrueDiv(x, y));
          case 'Pow': {
            const r = numbers.intPow(x, y);
            return typeof r === 'bigint' ? rt.newInt(r) : rt.newFloat(r);
          }
          case 'LShift':
            return rt.newInt(numbers.intLshift(x, y));
          case 'RShift':
            return rt.newInt(numbers.intRshift(x, y));
          case 'BitAnd':
            return a.ob_type === rt.t.bool && b.ob_type === rt.t.bool ? rt.newBool(!!(x & y)) : rt.newInt(x & y);
          case 'BitOr':
            return a.ob_type === rt.t.bool && b.ob_type === rt.t.bool ? rt.newBool(!!(x | y)) : rt.newInt(x | y);
          case 'BitXor':
            return a.ob_type === rt.t.bool && b.ob_type === rt.t.bool ? rt.newBool(!!(x ^ y)) : rt.newInt(x ^ y);
        }
        return null;
      }
      if ((a instanceof PyInt || a instanceof PyFloat) && (b instanceof PyInt || b instanceof PyFloat)) {
        const x = a instanceof PyInt ? intAsFloat(a) : (a as PyFloat).value;
        const y = b instanceof PyInt ? intAsFloat(b) : (b as PyFloat).value;
        switch (op) {
          case 'Add':
            return rt.newFloat(x + y);
          case 'Sub':
            return rt.newFloat(x - y);
          case 'Mult':
            return rt.newFloat(x * y);
          case 'Div':
            return rt.newFloat(numbers.floatTrueDiv(x, y));
          case 'FloorDiv':
            return rt.newFloat(numbers.floatFloorDiv(x, y, np));
          case 'Mod':
            return rt.newFloat(numbers.floatMod(x, y, np));
          case 'Pow': {
            const r = numbers.floatPow(x, y);
            if (typeof r !== 'number') throw rt.error('ValueError', 'complex results are not supported by pymem');
            return rt.newFloat(r);
          }
        }
        return null;
      }
    } catch (e) {
      this.numErr(e);
    }
    if (a instanceof PyStr && b instanceof PyStr && op === 'Add') {
      // PyUnicode_Concat: adding '' returns the other operand when it is an exact str.
      if (b.value === '') return rt.strResult(a, a.value);
      if (a.value === '') return rt.strResult(b, b.value);
      return rt.newStr(a.value + b.value);
    }
    if (a instanceof PyBytes && b instanceof PyBytes && op === 'Add') {
      // bytes_concat(): adding b'' returns the other operand when it is an exact bytes.
      if (a.value.length === 0 && b.ob_type === rt.t.bytes) return rt.heap.newref(b);
      if (b.value.length === 0 && a.ob_type === rt.t.bytes) return rt.heap.newref(a);
      const r = new Uint8Array(a.value.length + b.value.length);
      r.set(a.value);
      r.set(b.value, a.value.length);
      return rt.newBytes(r);
    }
    if (op === 'Mult' && (a instanceof PyInt || b instanceof PyInt)) {
      const [seq, n] = a instanceof PyInt ? [b, a.value] : [a, (b as PyInt).value];
      const count = n < 0n ? 0 : Number(n);
      if (seq instanceof PyStr) return rt.strResult(seq, seq.value.repeat(count));
      if (seq instanceof PyList) {
        const items: PyObject[] = [];
        for (let i = 0; i < count; i++) for (const x of seq.items) items.push(rt.heap.newref(x));
        return rt.newList(items);
      }
      if (seq instanceof PyBytes) {
        // bytes_repeat: once is the exact bytes itself.
        if (count === 1 && seq.ob_type === rt.t.bytes) return rt.heap.newref(seq);
        const r = new Uint8Array(seq.value.length * count);
        for (let i = 0; i < count; i++) r.set(seq.value, i * seq.value.length);
        return rt.newBytes(r);
      }
      if (seq instanceof PyTuple) {
        if (count === 1) return rt.heap.newref(seq);
        const items: PyObject[] = [];
        for (let i = 0; i < count; i++) for (const x of seq.items) items.push(rt.heap.newref(x));
        return rt.newTuple(items);
      }
    }
    if (a instanceof PyList && b instanceof PyList && op === 'Add') {
      const items = [...a.items, ...b.items];
      for (const x of items) rt.heap.incref(x);
      return rt.newList(items);
    }
    if (a instanceof PyTuple && b instanceof PyTuple && op === 'Add') {
      if (rt.profile.tupleConcatReturnsOperand) {
        if (b.items.length === 0 && a.ob_type === rt.t.tuple) return rt.heap.newref(a);
        if (a.items.length === 0 && b.ob_type === rt.t.tuple) return rt.heap.newref(b);
      }
      const items = [...a.items, ...b.items];
      for (const x of items) rt.heap.incref(x);
      return rt.newTuple(items);
    }
    if (a instanceof PySet && b instanceof PySet) return this.setOp(a, b, op);
    if (['BitAnd', 'BitOr', 'Sub', 'BitXor'].includes(op) && (this.isSetLikeView(a) || this.isSetLikeView(b))) return this.dictViewSetOp(a, b, op);
    if (a instanceof PyDict && b instanceof PyDict && op === 'BitOr' && rt.profile.version[1] >= 9) {
      const d = rt.newDict();
      this.dictUpdate(d, a);
      this.dictUpdate(d, b);
      return d;
    }
    if (a instanceof PyStr && op === 'Mod') return this.ops_strMod(a, b);
    return null;
  }

  /**
   * `nativeBinary` of two safe integers in JS numbers, or null when the
   * result may not be exact that way (the caller then computes on bigints,
   * which also raises the errors). A sum, difference or product that is a
   * safe integer is exact: a true result of 2**53 or more rounds to 2**53 or more.
   */
  private safeIntBinary(x: number, y: number, op: string): PyObject | null {
    const rt = this.rt;
    switch (op) {
      case 'Add': {
        const r = x + y;
        return Number.isSafeInteger(r) ? rt.newSafeInt(r) : null;
      }
      case 'Sub': {
        const r = x - y;
        return Number.isSafeInteger(r) ? rt.newSafeInt(r) : null;
      }
      case 'Mult': {
        const r = x * y;
        return Number.isSafeInteger(r) ? rt.newSafeInt(r) : null;
      }
      case 'Mod': {
        if (y === 0) return null;
        // long_mod: the remainder takes the sign of the divisor.
        const r = x % y;
        return rt.newSafeInt(r !== 0 && r < 0 !== y < 0 ? r + y : r);
      }
      case 'FloorDiv': {
        if (y === 0) return null;
        const r = x % y;
        const q = (x - r) / y;
        return rt.newSafeInt(r !== 0 && r < 0 !== y < 0 ? q - 1 : q);
      }
      case 'Div':
        // Both operands are exact doubles, so IEEE division is the correctly rounded quotient.
        return y === 0 ? null : rt.newFloat(x / y);
    }
    return null;
  }

  /** `str % args`, set by the built-ins. */
  ops_strMod!: (fmt: PyStr, args: PyObject) => PyObject;

  private listRepeatInPlace(a: PyList, b: PyObject): PyObject {
    const rt = this.rt;
    if (!(b instanceof PyInt)) throw rt.error('TypeError', `can't multiply sequence by non-int of type '${b.ob_type.tp_name}'`);
    const n = Number(b.value);
    if (n <= 0) {
      const old = a.items;
      a.items = [];
      a.allocated = 0;
      for (let i = old.length - 1; i >= 0; i--) rt.heap.decref(old[i]!);
    } else {
      const orig = a.items.slice();
      for (let i = 1; i < n; i++) for (const x of orig) a.items.push(rt.heap.newref(x));
      a.allocated = a.items.length;
    }
    return rt.heap.newref(a);
  }

  unaryOp(a: PyObject, op: string): PyObject {
    const rt = this.rt;
    if (op === 'Not') return rt.newBool(!this.p.isTrue(a));
    const dunder = op === 'USub' ? '__neg__' : op === 'UAdd' ? '__pos__' : '__invert__';
    const m = this.p.special(a, dunder);
    if (m) return this.p.callSpecial(m, a, []);
    if (a instanceof PyInt) {
      if (op === 'USub') return rt.newInt(-a.value);
      if (op === 'UAdd') return a.ob_type === rt.t.int ? rt.heap.newref(a) : rt.newInt(a.value);
      return rt.newInt(~a.value);
    }
    if (a instanceof PyFloat) {
      if (op === 'USub') return rt.newFloat(-a.value);
      if (op === 'UAdd') return rt.heap.newref(a);
    }
    const sym = op === 'USub' ? '-' : op === 'UAdd' ? '+' : '~';
    throw rt.error('TypeError', `bad operand type for unary ${sym}: '${a.ob_type.tp_name}'`);
  }

  // ------------------------------------------------------------------ containers

  contains(container: PyObject, item: PyObject): boolean {
    const rt = this.rt;
    const p = this.p;
    if (isProxy(rt, container)) return this.contains(proxyReferent(rt, container), item); // weakref: proxy_contains
    if (isMappingProxy(rt, container)) return this.contains(container.refs[0]!, item); // mappingproxy_contains
    // A heap type's __contains__ (slot_sq_contains) replaces the base's, so it goes before the native paths.
    const m = p.special(container, '__contains__');
    if (m) {
      const r = p.callSpecial(m, container, [item]);
      try {
        return p.isTrue(r);
      } finally {
        rt.heap.decref(r);
      }
    }
    return this.builtinContains(container, item);
  }

  /** The built-in types' `sq_contains`, a heap type's override aside (also `list.__contains__` & co.). */
  builtinContains(container: PyObject, item: PyObject): boolean {
    const rt = this.rt;
    const p = this.p;
    if (container instanceof PyDict) return dictLookup(p, container, item, p.hash(item)) >= 0;
    if (container instanceof PySet) return this.setHas(container, item);
    // bytes_contains(): an int is a byte value, bytes a substring.
    if (container instanceof PyBytes) {
      const hay = String.fromCharCode(...container.value);
      if (item instanceof PyInt) return container.value.includes(Number(item.value));
      if (item instanceof PyBytes) return hay.includes(String.fromCharCode(...item.value));
      throw rt.error('TypeError', `a bytes-like object is required, not '${item.ob_type.tp_name}'`);
    }
    // dictkeys_contains(): a lookup in the dict.
    if (container instanceof PyNative && container.ob_type === rt.t.dict_keys) return this.builtinContains(container.refs[0]!, item);
    if (container instanceof PyStr) {
      if (!(item instanceof PyStr)) throw rt.error('TypeError', `'in <string>' requires string as left operand, not ${item.ob_type.tp_name}`);
      return container.value.includes(item.value);
    }
    if (container instanceof PyList || container instanceof PyTuple) return container.items.some((x) => p.eq(x, item));
    const it = this.getIter(container);
    try {
      for (let v = this.next(it); v; v = this.next(it)) {
        const eq = p.eq(v, item);
        rt.heap.decref(v);
        if (eq) return true;
      }
      return false;
    } finally {
      rt.heap.decref(it);
    }
  }

  /** Normalizes an index for a sequence of `n` items (`PyNumber_AsSsize_t` + negative indexing). */
  private index(key: PyObject, n: number, what: string): number {
    const rt = this.rt;
    if (!(key instanceof PyInt)) throw rt.error('TypeError', `${what} indices must be integers or slices, not ${key.ob_type.tp_name}`);
    let i = Number(key.value);
    if (i < 0) i += n;
    return i;
  }

  getItem(o: PyObject, key: PyObject): PyObject {
    const rt = this.rt;
    const p = this.p;
    if (isProxy(rt, o)) return this.getItem(proxyReferent(rt, o), key); // weakref: proxy_getitem
    if (isMappingProxy(rt, o)) return this.getItem(o.refs[0]!, key); // mappingproxy_getitem
    // A heap type's __getitem__ (slot_mp_subscript) replaces the base's, so it goes before the native paths.
    const m = p.special(o, '__getitem__');
    if (m) return p.callSpecial(m, o, [key]);
    return this.builtinGetItem(o, key);
  }

  /** The built-in types' `mp_subscript`/`sq_item`, a heap type's override aside (also `list.__getitem__` & co.). */
  builtinGetItem(o: PyObject, key: PyObject): PyObject {
    const rt = this.rt;
    const heap = rt.heap;
    if (o instanceof PyDict) return this.dictSubscript(o, key);
    if (o instanceof PyList || o instanceof PyTuple || o instanceof PyStr) {
      const items: { length: number } = o instanceof PyStr ? { length: o.length } : o.items;
      const what = o instanceof PyList ? 'list' : o instanceof PyTuple ? 'tuple' : 'string';
      if (key instanceof PyNative && key.ob_type === rt.t.slice) return this.sliceOf(o, key);
      const i = this.index(key, items.length, what);
      if (i < 0 || i >= items.length) throw rt.error('IndexError', `${what} index out of range`);
      if (o instanceof PyStr) return rt.newStr(Array.from(o.value)[i]!);
      return heap.newref(o.items[i]!);
    }
    if (o instanceof PyNative && o.ob_type === rt.t.range) {
      const [start, stop, step] = o.state as [bigint, bigint, bigint];
      const n = Number(rangeLength(start, stop, step));
      if (key instanceof PyNative && key.ob_type === rt.t.slice) {
        // compute_slice(): the range of the items the slice picks, `start + i * step` at its bounds.
        const [s0, s1, ss] = this.sliceIndices(key, n);
        const range = new PyNative(rt.t.range!, [], [start + BigInt(s0) * step, start + BigInt(s1) * step, step * BigInt(ss)]);
        return heap.allocate(range, rt.sizes.fixed.range);
      }
      const i = this.index(key, n, 'range');
      if (i < 0 || i >= n) throw rt.error('IndexError', 'range object index out of range');
      return rt.newInt(start + BigInt(i) * step);
    }
    if (o instanceof PyBytes) {
      if (key instanceof PyNative && key.ob_type === rt.t.slice) {
        // bytes_subscript: the whole exact bytes, forwards, is the object itself.
        const idx = this.sliceRange(key, o.value.length);
        if (o.ob_type === rt.t.bytes && idx.length === o.value.length && idx.every((v, i) => v === i)) return heap.newref(o);
        return rt.newBytes(Uint8Array.from(idx, (i) => o.value[i]!));
      }
      const i = this.index(key, o.value.length, 'byte');
      if (i < 0 || i >= o.value.length) throw rt.error('IndexError', 'index out of range');
      return rt.newInt(o.value[i]!);
    }
    if (o instanceof PyTypeObject) {
      // Generic alias subscription (list[int]) is not modelled beyond returning the type.
      return heap.newref(o);
    }
    throw rt.error('TypeError', `'${o.ob_type.tp_name}' object is not subscriptable`);
  }

  /**
   * Mirrors Objects/dictobject.c dict_subscript(): a missing key of a dict
   * subclass goes to its `__missing__` (looked up on the type), else KeyError.
   */
  private dictSubscript(d: PyDict, key: PyObject): PyObject {
    const rt = this.rt;
    const v = dictGetItem(this.p, d, key);
    if (v) return rt.heap.newref(v);
    const missing = this.p.special(d, '__missing__');
    if (missing) return this.p.callSpecial(missing, d, [key]);
    throw new PyErr(rt.newException(rt.t.KeyError!, [rt.heap.newref(key)]));
  }

  private sliceIndices(s: PyNative, n: number): [number, number, number] {
    const rt = this.rt;
    const [a, b, c] = s.refs as PyObject[];
    const num = (x: PyObject | undefined, dflt: number | null): number | null => {
      if (!x || x === rt.None) return dflt;
      if (!(x instanceof PyInt)) throw rt.error('TypeError', 'slice indices must be integers or None or have an __index__ method');
      return Number(x.value);
    };
    const step = num(c, 1)!;
    if (step === 0) throw rt.error('ValueError', 'slice step cannot be zero');
    let start = num(a, null);
    let stop = num(b, null);
    if (step > 0) {
      start = start === null ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
      stop = stop === null ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
    } else {
      start = start === null ? n - 1 : start < 0 ? Math.max(-1, start + n) : Math.min(start, n - 1);
      stop = stop === null ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
    }
    return [start, stop, step];
  }

  private sliceRange(s: PyNative, n: number): number[] {
    const [start, stop, step] = this.sliceIndices(s, n);
    const out: number[] = [];
    if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
    else for (let i = start; i > stop; i += step) out.push(i);
    return out;
  }

  private sliceOf(o: PyList | PyTuple | PyStr, s: PyNative): PyObject {
    const rt = this.rt;
    if (o instanceof PyStr) {
      const chars = Array.from(o.value);
      const idx = this.sliceRange(s, chars.length);
      // unicode_subscript: the whole string, forwards, is the string itself.
      if (idx.length === chars.length && idx.every((v, i) => v === i)) return rt.strResult(o, o.value);
      return rt.newStr(idx.map((i) => chars[i]).join(''));
    }
    const idx = this.sliceRange(s, o.items.length);
    if (o instanceof PyTuple && idx.length === o.items.length && (s.refs[2] === rt.None || !s.refs[2]) && idx[0] === 0) return rt.heap.newref(o);
    const items = idx.map((i) => rt.heap.newref(o.items[i]!));
    return o instanceof PyList ? rt.newList(items) : rt.newTuple(items);
  }

  setItem(o: PyObject, key: PyObject, v: PyObject): void {
    const rt = this.rt;
    const heap = rt.heap;
    if (isProxy(rt, o)) return this.setItem(proxyReferent(rt, o), key, v); // weakref: proxy_setitem
    // A heap type's __setitem__ (slot_mp_ass_subscript) replaces the base's, so it goes before the native paths.
    const m = this.p.special(o, '__setitem__');
    if (m) {
      heap.decref(this.p.callSpecial(m, o, [key, v]));
      return;
    }
    this.builtinSetItem(o, key, v);
  }

  /** The built-in types' `mp_ass_subscript`/`sq_ass_item`, a heap type's override aside (also `list.__setitem__` & co.). */
  builtinSetItem(o: PyObject, key: PyObject, v: PyObject): void {
    const rt = this.rt;
    const heap = rt.heap;
    if (o instanceof PyDict) {
      dictSetItem(rt, this.p, o, key, v);
      return;
    }
    if (o instanceof PyList) {
      if (key instanceof PyNative && key.ob_type === rt.t.slice) {
        const [start, stop, step] = this.sliceIndices(key, o.items.length);
        const newItems = this.sequenceItems(v).map((x) => heap.newref(x));
        if (step !== 1) {
          const idx = this.sliceRange(key, o.items.length);
          if (idx.length !== newItems.length) {
            for (const x of newItems) heap.decref(x);
            throw rt.error('ValueError', `attempt to assign sequence of size ${newItems.length} to extended slice of size ${idx.length}`);
          }
          const old = idx.map((i, k) => {
            const prev = o.items[i]!;
            o.items[i] = newItems[k]!;
            return prev;
          });
          for (const x of old) heap.decref(x);
          return;
        }
        const size = o.items.length;
        const removed = o.items.splice(start, Math.max(0, stop - start), ...newItems);
        o.allocated = tables.listAssSlice(o.allocated, size, o.items.length, rt.listAlloc);
        // list_ass_slice releases the replaced items last to first.
        for (let k = removed.length - 1; k >= 0; k--) heap.decref(removed[k]!);
        return;
      }
      const i = this.index(key, o.items.length, 'list');
      if (i < 0 || i >= o.items.length) throw rt.error('IndexError', 'list assignment index out of range');
      const old = o.items[i]!;
      o.items[i] = heap.newref(v);
      heap.decref(old);
      return;
    }
    throw rt.error('TypeError', `'${o.ob_type.tp_name}' object does not support item assignment`);
  }

  delItem(o: PyObject, key: PyObject): void {
    const rt = this.rt;
    const heap = rt.heap;
    if (isProxy(rt, o)) return this.delItem(proxyReferent(rt, o), key); // weakref: proxy_delitem
    // A heap type's __delitem__ (slot_mp_ass_subscript) replaces the base's, so it goes before the native paths.
    const m = this.p.special(o, '__delitem__');
    if (m) {
      heap.decref(this.p.callSpecial(m, o, [key]));
      return;
    }
    this.builtinDelItem(o, key);
  }

  /** The built-in types' item deletion, a heap type's override aside (also `list.__delitem__` & co.). */
  builtinDelItem(o: PyObject, key: PyObject): void {
    const rt = this.rt;
    const heap = rt.heap;
    if (o instanceof PyDict) {
      if (!dictDelItem(rt, this.p, o, key)) throw new PyErr(rt.newException(rt.t.KeyError!, [heap.newref(key)]));
      return;
    }
    if (o instanceof PyList) {
      if (key instanceof PyNative && key.ob_type === rt.t.slice) {
        const size = o.items.length;
        const idx = this.sliceRange(key, size).sort((x, y) => x - y);
        const removed = idx.map((i) => o.items[i]!);
        const gone = new Set(idx);
        o.items = o.items.filter((_, i) => !gone.has(i));
        // Step 1: list_ass_slice(); any other step: list_ass_subscript() → list_resize().
        if (this.sliceIndices(key, size)[2] === 1) o.allocated = tables.listAssSlice(o.allocated, size, o.items.length, rt.listAlloc);
        else if (removed.length > 0) o.allocated = tables.listResize(o.allocated, size, o.items.length, rt.listAlloc);
        // list_ass_slice releases the removed items last to first.
        for (let k = removed.length - 1; k >= 0; k--) heap.decref(removed[k]!);
        return;
      }
      const i = this.index(key, o.items.length, 'list');
      if (i < 0 || i >= o.items.length) throw rt.error('IndexError', 'list assignment index out of range');
      const [old] = o.items.splice(i, 1);
      // list_ass_item(): up to 3.12 through list_ass_slice(); 3.13 only lowers the size.
      if (rt.listAlloc.delItemResizes) o.allocated = tables.listAssSlice(o.allocated, o.items.length + 1, o.items.length, rt.listAlloc);
      heap.decref(old!);
      return;
    }
    throw rt.error('TypeError', `'${o.ob_type.tp_name}' object doesn't support item deletion`);
  }

  /** `PySlice_New`: steals the three references. */
  newSlice(start: PyObject, stop: PyObject, step: PyObject): PyObject {
    const rt = this.rt;
    const s = rt.heap.allocate(new PyNative(rt.t.slice!, [start, stop, step]), rt.sizes.fixed.slice);
    if (rt.t.slice!.isGC) rt.track(s);
    return s;
  }

  /** `list.append`: the list takes a new reference; grows as `list_resize`. */
  listAppend(l: PyList, v: PyObject): void {
    this.rt.heap.incref(v);
    this.listResize(l, l.items.length + 1);
    l.items.push(v);
  }

  listResize(l: PyList, newsize: number): void {
    l.allocated = tables.listResize(l.allocated, l.items.length, newsize, this.rt.listAlloc);
  }

  /**
   * `list.extend` / LIST_EXTEND. Mirrors list_extend(): a list or tuple is
   * added in one resize (3.10+: preallocated exactly when the list has no
   * items array yet); any other iterable presizes to its length hint (8 when
   * it has none), appends, then shrinks to fit.
   */
  listExtend(l: PyList, iterable: PyObject): void {
    const heap = this.rt.heap;
    const alloc = new tables.ListAllocation(this.rt.listAlloc, l.items.length, l.allocated);
    // list_extend(): the fast path is for exact lists and tuples (and the list itself); a subclass is iterated.
    if (isExactSequence(iterable) || iterable === l) {
      const items = (iterable as PyList | PyTuple).items.slice();
      if (items.length === 0) return;
      if (l.allocated === 0) alloc.extendSequence(items.length);
      else alloc.allocated = tables.listResize(l.allocated, l.items.length, l.items.length + items.length, this.rt.listAlloc);
      l.allocated = alloc.allocated;
      for (const x of items) l.items.push(heap.newref(x));
      return;
    }
    const hint = this.lengthHint(iterable);
    const it = this.getIter(iterable);
    const got: PyObject[] = [];
    try {
      for (let v = this.next(it); v; v = this.next(it)) got.push(v);
    } finally {
      heap.decref(it);
    }
    alloc.extendIterator(got.length, hint);
    l.allocated = alloc.allocated;
    for (const v of got) l.items.push(v);
  }

  /**
   * `list(iterable)`: mirrors list___init__(): 3.8+ preallocates exactly when
   * the iterable has a length, then list_extend().
   */
  listInit(l: PyList, iterable: PyObject): void {
    const n = this.builtinLength(iterable);
    if (n !== undefined && l.allocated === 0) {
      const alloc = new tables.ListAllocation(this.rt.listAlloc, 0, 0);
      alloc.preallocateExact(n);
      l.allocated = alloc.allocated;
    }
    this.listExtend(l, iterable);
  }

  /** `len()` of built-in sized objects, without running Python code (undefined otherwise). */
  private builtinLength(o: PyObject): number | undefined {
    if (o instanceof PyStr || o instanceof PyBytes || o instanceof PyTuple || o instanceof PyList || o instanceof PyDict || o instanceof PySet) return this.p.len(o);
    if (o instanceof PyNative && o.ob_type === this.rt.t.range) return this.p.len(o);
    return undefined;
  }

  /** `PyObject_LengthHint(o, 8)` for the iterables the runtime knows. */
  private lengthHint(o: PyObject): number {
    return this.builtinLength(o) ?? 8;
  }

  /** Every item of an iterable as borrowed-then-owned references (caller decrefs). */
  sequenceItems(o: PyObject): PyObject[] {
    if (isExactSequence(o)) return o.items.slice();
    const items: PyObject[] = [];
    const it = this.getIter(o);
    try {
      for (let v = this.next(it); v; v = this.next(it)) {
        items.push(v);
        this.rt.heap.decref(v); // kept alive by the caller's container in practice
      }
    } finally {
      this.rt.heap.decref(it);
    }
    return items;
  }

  /** Items of an iterable, each a new reference. */
  collect(o: PyObject): PyObject[] {
    const heap = this.rt.heap;
    if (isExactSequence(o)) return o.items.map((x) => heap.newref(x));
    const items: PyObject[] = [];
    const it = this.getIter(o);
    try {
      for (let v = this.next(it); v; v = this.next(it)) items.push(v);
    } catch (e) {
      for (const x of items) heap.decref(x);
      throw e;
    } finally {
      heap.decref(it);
    }
    return items;
  }

  unpack(seq: PyObject, before: number, after: number): PyObject[] {
    const rt = this.rt;
    if (rt.profile.unpackNamesNonIterable && !this.isIterable(seq)) throw rt.error('TypeError', `cannot unpack non-iterable ${seq.ob_type.tp_name} object`);
    const items = this.collect(seq);
    if (after < 0) {
      if (items.length !== before) {
        for (const x of items) rt.heap.decref(x);
        if (items.length > before) throw rt.error('ValueError', `too many values to unpack (expected ${before})`);
        throw rt.error('ValueError', `not enough values to unpack (expected ${before}, got ${items.length})`);
      }
      return items;
    }
    if (items.length < before + after) {
      for (const x of items) rt.heap.decref(x);
      throw rt.error('ValueError', `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
    }
    const mid = rt.newList(items.slice(before, items.length - after));
    return [...items.slice(0, before), mid, ...items.slice(items.length - after)];
  }

  newDictPresized(n: number): PyDict {
    return dictNewPresized(this.rt, n);
  }

  /**
   * Mirrors Objects/dictobject.c dict_update_arg() (3.9+; dict_update_common()
   * before): the argument of `d.update(arg)` and `dict(arg)` is a mapping when it
   * has a `keys` attribute, looked up as a bound method and dropped. A missing
   * `keys` allocates nothing here (3.7+ _PyObject_LookupAttr; 3.6 made and cleared
   * an AttributeError, not modelled).
   */
  dictUpdateArg(d: PyDict, arg: PyObject): void {
    const rt = this.rt;
    if (!(rt.profile.dictUpdateMergesExactDictFirst && arg.ob_type === rt.t.dict)) {
      const type = arg.ob_type;
      if (this.instanceAttr(arg, 'keys') || this.p.typeLookup(type, 'keys') || this.nativeMethod(type, 'keys')) rt.heap.decref(this.getAttr(arg, 'keys'));
    }
    this.dictUpdate(d, arg);
  }

  dictUpdate(d: PyDict, other: PyObject): void {
    const rt = this.rt;
    if (other instanceof PyDict) {
      dictMergePresize(rt, d, other);
      for (const e of [...dictItems(other)]) dictSetItem(rt, this.p, d, e.key, e.value);
      return;
    }
    const keysMethod = this.lookupAttr(other, 'keys');
    if (keysMethod) {
      // dict_merge()'s generic path: PyMapping_Keys() calls the bound `keys` — from
      // 3.7 making its result a list (method_output_as_list()) —, the keys are
      // iterated and each value read with PyObject_GetItem().
      let keys: PyObject;
      try {
        keys = this.p.call(keysMethod, [], null);
      } finally {
        rt.heap.decref(keysMethod);
      }
      if (rt.profile.mappingKeysAsList) {
        const list = rt.newList(this.collect(keys));
        rt.heap.decref(keys);
        keys = list;
      }
      const it = this.getIter(keys);
      rt.heap.decref(keys);
      try {
        for (let k = this.next(it); k; k = this.next(it)) {
          try {
            const v = this.getItem(other, k);
            dictSetItem(rt, this.p, d, k, v);
            rt.heap.decref(v);
          } finally {
            rt.heap.decref(k);
          }
        }
      } finally {
        rt.heap.decref(it);
      }
      return;
    }
    // PyDict_MergeFromSeq2(): each element must be a sequence of two.
    let i = 0;
    for (const pair of this.collect(other)) {
      try {
        if (!this.isIterable(pair)) throw rt.error('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
        const kv = this.collect(pair);
        if (kv.length !== 2) {
          for (const x of kv) rt.heap.decref(x);
          throw rt.error('ValueError', `dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
        }
        i++;
        dictSetItem(rt, this.p, d, kv[0]!, kv[1]!);
        rt.heap.decref(kv[0]!);
        rt.heap.decref(kv[1]!);
      } finally {
        rt.heap.decref(pair);
      }
    }
  }

  kwargsFromDict(d: PyDict): Map<string, PyObject> {
    const m = new Map<string, PyObject>();
    for (const e of dictItems(d)) {
      if (!(e.key instanceof PyStr)) throw this.rt.error('TypeError', 'keywords must be strings');
      m.set(e.key.value, e.value);
    }
    return m;
  }

  // ---- sets (the table order comes from tables.SetTable semantics, simplified to a hash-ordered model)

  private setTable(s: PySet): tables.SetTable<PyObject> {
    let t = (s as unknown as { table?: tables.SetTable<PyObject> }).table;
    if (!t) {
      t = new tables.SetTable<PyObject>(tables.setTableProfile(this.rt.profile.version), (a, b) => this.p.eq(a, b));
      (s as unknown as { table?: tables.SetTable<PyObject> }).table = t;
    }
    return t;
  }

  private syncSet(s: PySet): void {
    const t = this.setTable(s);
    s.entries = [];
    for (const x of t.slots()) if (x !== null && x !== 'dummy') s.entries.push({ key: x.key, hash: x.hash });
    s.mask = t.mask;
  }

  setAdd(s: PySet, v: PyObject): void {
    const h = this.p.hash(v);
    const t = this.setTable(s);
    if (t.has(v, h)) return;
    this.rt.heap.incref(v);
    t.add(v, h);
    this.syncSet(s);
  }

  setHas(s: PySet, v: PyObject): boolean {
    return this.setTable(s).has(v, this.p.hash(v));
  }

  setDiscard(s: PySet, v: PyObject): boolean {
    const h = this.p.hash(v);
    const t = this.setTable(s);
    const e = s.entries.find((x) => x.hash === h && (x.key === v || this.p.eq(x.key, v)));
    if (!e) return false;
    t.discard(v, h);
    this.syncSet(s);
    this.rt.heap.decref(e.key);
    return true;
  }

  /** `set_update_internal`: another set is merged table to table, a dict after one resize, anything else item by item. */
  setUpdate(s: PySet, it: PyObject): void {
    const heap = this.rt.heap;
    if (it instanceof PySet) {
      for (const k of this.setTable(s).merge(this.setTable(it))) heap.incref(k);
      this.syncSet(s);
      return;
    }
    if (it instanceof PyDict && it.ob_type === this.rt.t.dict) {
      const t = this.setTable(s);
      t.reserve(it.used);
      for (const { key } of dictItems(it)) {
        if (t.add(key, this.p.hash(key))) heap.incref(key);
      }
      this.syncSet(s);
      return;
    }
    for (const v of this.collect(it)) {
      try {
        this.setAdd(s, v);
      } finally {
        this.rt.heap.decref(v);
      }
    }
  }

  setClear(s: PySet): void {
    const old = s.entries;
    this.setTable(s).clear();
    this.syncSet(s);
    for (const e of old) this.rt.heap.decref(e.key);
  }

  /** A dict's keys or items view: they have the set operators (dictviews_as_number). */
  private isSetLikeView(o: PyObject): boolean {
    return o instanceof PyNative && (o.ob_type === this.rt.t.dict_keys || o.ob_type === this.rt.t.dict_items);
  }

  /**
   * Mirrors Objects/dictobject.c dictviews_and/or/sub/xor(): a new set of the
   * left operand's items (PySet_New), updated in place with the right operand's
   * (made a set first when it is not one).
   */
  private dictViewSetOp(a: PyObject, b: PyObject, op: string): PyObject {
    const rt = this.rt;
    const result = rt.newSet();
    const other = b instanceof PySet ? b : rt.newSet();
    try {
      this.setUpdate(result, a);
      if (other !== b) this.setUpdate(other, b);
      this.setInPlace(result, other, op);
      return result;
    } catch (e) {
      rt.heap.decref(result);
      throw e;
    } finally {
      if (other !== b) rt.heap.decref(other);
    }
  }

  /**
   * The in-place set operators, which change `a`'s own table: `set_ior`
   * (merge), `set_isub`, `set_ixor`, and `set_iand`, which computes the
   * intersection and swaps the tables (`set_swap_bodies`). False for others.
   */
  private setInPlace(a: PySet, b: PySet, op: string): boolean {
    switch (op) {
      case 'BitOr':
        this.setUpdate(a, b);
        return true;
      case 'Sub':
        if (a === b) this.setClear(a);
        else for (const e of b.entries.slice()) this.setDiscard(a, e.key);
        return true;
      case 'BitXor':
        if (a === b) this.setClear(a);
        else for (const e of b.entries.slice()) if (!this.setDiscard(a, e.key)) this.setAdd(a, e.key);
        return true;
      case 'BitAnd': {
        const r = this.setOp(a, b, op) as PySet;
        const holder = (s: PySet) => s as unknown as { table?: tables.SetTable<PyObject> };
        const table = this.setTable(a);
        holder(a).table = this.setTable(r);
        holder(r).table = table;
        this.syncSet(a);
        this.syncSet(r);
        this.rt.heap.decref(r);
        return true;
      }
    }
    return false;
  }

  /**
   * The binary set operators as setobject.c computes them, which decides the
   * order of the result's table: `set_or` copies `a` and merges `b`;
   * `set_intersection` walks the smaller set; `set_difference` walks `a` (or
   * copies it and discards `b` when `a` is over four times larger);
   * `set_symmetric_difference` copies `b` and toggles each item of `a`.
   */
  setOp(a: PySet, b: PyObject, op: string): PyObject | null {
    if (!(b instanceof PySet)) return null;
    const rt = this.rt;
    const frozen = a.ob_type === rt.t.frozenset;
    const copyOf = (src: PySet) => {
      const s = rt.newSet(frozen);
      this.setUpdate(s, src);
      return s;
    };
    switch (op) {
      case 'BitOr': {
        const out = copyOf(a);
        if (a !== b) this.setUpdate(out, b);
        return out;
      }
      case 'BitAnd': {
        if (a === b) return copyOf(a);
        const out = rt.newSet(frozen);
        const [walked, probed] = b.entries.length > a.entries.length ? [a, b] : [b, a];
        for (const e of walked.entries) if (this.setHas(probed, e.key)) this.setAdd(out, e.key);
        return out;
      }
      case 'Sub': {
        if (a.entries.length >> 2 > b.entries.length) {
          const out = copyOf(a);
          for (const e of b.entries) this.setDiscard(out, e.key);
          return out;
        }
        const out = rt.newSet(frozen);
        for (const e of a.entries) if (!this.setHas(b, e.key)) this.setAdd(out, e.key);
        return out;
      }
      case 'BitXor': {
        const out = copyOf(b);
        for (const e of a.entries) if (!this.setDiscard(out, e.key)) this.setAdd(out, e.key);
        return out;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ iteration

  /** Makes an iterator object holding `refs`; `next` is its `tp_iternext`. */
  newIterator(typeName: string, refs: PyObject[], state: IterState): PyNative {
    const rt = this.rt;
    for (const r of refs) rt.heap.incref(r);
    const type = rt.t[typeName]!;
    const fixed = rt.sizes.fixed as Record<string, number>;
    // The others have an iterator's common layout: a GC object of 32 bytes past its header, or 48 without one.
    const size = fixed[ITERATOR_SIZE_AS[typeName] ?? typeName] ?? (type.isGC ? 32 + rt.sizes.gcHeaderSize : 48);
    const it = rt.heap.allocate(new PyNative(type, refs, state), size);
    if (type.isGC) rt.track(it);
    return it;
  }

  getIter(o: PyObject): PyObject {
    const rt = this.rt;
    const heap = rt.heap;
    if (isProxy(rt, o)) return this.getIter(proxyReferent(rt, o)); // weakref: proxy_iter
    if (isMappingProxy(rt, o)) return this.getIter(o.refs[0]!); // mappingproxy_getiter
    // A heap type's __iter__ (slot_tp_iter) replaces the base's, so it goes before the native paths.
    const m = this.p.special(o, '__iter__');
    if (m) {
      const r = this.p.callSpecial(m, o, []);
      if (!this.isIterator(r)) {
        heap.decref(r);
        throw rt.error('TypeError', `iter() returned non-iterator of type '${r.ob_type.tp_name}'`);
      }
      return r;
    }
    return this.builtinGetIter(o);
  }

  /** The built-in types' `tp_iter`, a heap type's override aside (also `list.__iter__` & co.). */
  builtinGetIter(o: PyObject): PyObject {
    const rt = this.rt;
    const heap = rt.heap;
    if (o instanceof PyList) return this.newIterator('list_iterator', [o], { i: 0 });
    if (o instanceof PyTuple) return this.newIterator('tuple_iterator', [o], { i: 0 });
    if (o instanceof PyStr) return this.newIterator(rt.profile.asciiStrIterator && o.maxChar < 128 ? 'str_ascii_iterator' : 'str_iterator', [o], { i: 0, chars: Array.from(o.value) });
    if (o instanceof PyDict) return this.newIterator('dict_keyiterator', [o], { i: 0, kind: 'keys', used: o.used });
    if (o instanceof PySet) return this.newIterator('set_iterator', [o], { i: 0, used: o.entries.length });
    if (o instanceof PyBytes) return this.newIterator('bytes_iterator', [o], { i: 0 });
    if (o instanceof PyNative && o.ob_type === rt.t.range) {
      const [start, stop, step] = o.state as [bigint, bigint, bigint];
      return this.rangeIterator(start, stop, step, rangeLength(start, stop, step));
    }
    if (o instanceof PyNative && (o.ob_type === rt.t.dict_keys || o.ob_type === rt.t.dict_values || o.ob_type === rt.t.dict_items)) {
      const d = o.refs[0] as PyDict;
      const kind = o.ob_type === rt.t.dict_keys ? 'keys' : o.ob_type === rt.t.dict_values ? 'values' : 'items';
      if (kind !== 'items') return this.newIterator(kind === 'keys' ? 'dict_keyiterator' : 'dict_valueiterator', [d], { i: 0, kind, used: d.used });
      // dictiter_new: the item iterator keeps a (None, None) result tuple to recycle.
      const it = this.newIterator('dict_itemiterator', [d], { i: 0, kind, used: d.used });
      it.refs.push(this.newResultTuple(2));
      this.refsChanged(it);
      return it;
    }
    if (o instanceof PyGenerator || this.isNativeIterator(o)) return heap.newref(o);
    if (this.p.special(o, '__getitem__')) return this.newIterator('iterator', [o], { i: 0, seqIter: true });
    throw rt.error('TypeError', `'${o.ob_type.tp_name}' object is not iterable`);
  }

  /**
   * range_iter()/range_reverse(): a `range_iterator` when the bounds and the
   * length fit in a C long, else a `longrange_iterator`.
   */
  rangeIterator(start: bigint, stop: bigint, step: bigint, len: bigint): PyNative {
    const kind = fitsCLong(start) && fitsCLong(stop) && fitsCLong(step) && len <= C_LONG_MAX ? 'range_iterator' : 'longrange_iterator';
    const span = (start < 0n ? -start : start) + (step < 0n ? -step : step) * len;
    const exact = span <= MAX_SAFE_BIGINT;
    // One shape for every range iterator's state (the numbers undefined when not exact).
    return this.newIterator(kind, [], {
      i: 0,
      start,
      step,
      len,
      startNum: exact ? Number(start) : undefined,
      stepNum: exact ? Number(step) : undefined,
      lenNum: exact ? Number(len) : undefined,
    });
  }

  /**
   * `reversed(o)` (reversed_new, Objects/enumobject.c): the type's
   * `__reversed__` (list, range, 3.8+ dict and its views), else for a sequence
   * a `reversed` object that indexes it from the end.
   */
  reversed(o: PyObject): PyObject {
    const rt = this.rt;
    const p = this.p;
    const m = p.special(o, '__reversed__');
    if (m) return p.callSpecial(m, o, []);
    if (o instanceof PyList) return this.newIterator('list_reverseiterator', [o], { i: o.items.length - 1 });
    if (o instanceof PyNative && o.ob_type === rt.t.range) {
      const [start, stop, step] = o.state as [bigint, bigint, bigint];
      const len = rangeLength(start, stop, step);
      const last = start + (len - 1n) * step;
      return this.rangeIterator(last, start - step, -step, len);
    }
    if (rt.profile.dictReversible) {
      const d = o instanceof PyDict ? o : o instanceof PyNative && [rt.t.dict_keys, rt.t.dict_values, rt.t.dict_items].includes(o.ob_type) ? (o.refs[0] as PyDict) : null;
      if (d) {
        const kind = o instanceof PyDict || o.ob_type === rt.t.dict_keys ? 'keys' : o.ob_type === rt.t.dict_values ? 'values' : 'items';
        const it = this.newIterator(`dict_reverse${kind === 'keys' ? 'key' : kind === 'values' ? 'value' : 'item'}iterator`, [d], { i: d.entries.length - 1, kind, used: d.used });
        if (kind === 'items') {
          it.refs.push(this.newResultTuple(2));
          this.refsChanged(it);
        }
        return it;
      }
    }
    const isSequence = o instanceof PyTuple || o instanceof PyStr || o instanceof PyBytes || (o.ob_type.isHeapType && !(o instanceof PyDict) && p.special(o, '__getitem__') !== null);
    if (!isSequence) throw rt.error('TypeError', `'${o.ob_type.tp_name}' object is not reversible`);
    const n = p.len(o);
    return this.newIterator('reversed', [o], { i: n - 1 });
  }

  /** Whether `o` has a `tp_iter` or is a sequence (`PySequence_Check`): what `*x` accepts. */
  isIterable(o: PyObject): boolean {
    const rt = this.rt;
    if (o instanceof PyList || o instanceof PyTuple || o instanceof PyStr || o instanceof PyDict || o instanceof PySet || o instanceof PyBytes) return true;
    if (o instanceof PyGenerator || this.isNativeIterator(o) || isProxy(rt, o) || isMappingProxy(rt, o)) return true;
    if (o instanceof PyNative && [rt.t.range, rt.t.dict_keys, rt.t.dict_values, rt.t.dict_items].includes(o.ob_type)) return true;
    return !!(this.p.special(o, '__iter__') || this.p.special(o, '__getitem__'));
  }

  /** A built-in iterator object (its `tp_iter` returns itself). */
  private isNativeIterator(o: PyObject): boolean {
    return o instanceof PyNative && o.state !== null && typeof o.state === 'object' && 'i' in (o.state as object);
  }

  isIterator(o: PyObject): boolean {
    if (o instanceof PyGenerator) return true;
    if (o instanceof PyNative && o.state && typeof o.state === 'object' && 'i' in (o.state as object)) return true;
    if (o instanceof PyNative && (o.state as IterState | null)?.iter) return true;
    return !!this.p.special(o, '__next__');
  }

  /** `tp_iternext`: a new reference, or null when exhausted. */
  next(it: PyObject): PyObject | null {
    const rt = this.rt;
    const heap = rt.heap;
    if (it instanceof PyGenerator) {
      const v = this.sendTo(it, rt.None);
      if (this.sendDone) {
        heap.decref(v);
        return null;
      }
      return v;
    }
    if (it instanceof PyNative) {
      const st = it.state as IterState;
      if (st.iter) return st.iter(rt);
      const seq = it.refs[0];
      switch (it.ob_type.tp_name) {
        case 'list_iterator':
        case 'tuple_iterator': {
          const items = (seq as PyList | undefined)?.items;
          if (seq && items && st.i < items.length) return heap.newref(items[st.i++]!);
          this.exhaust(it);
          return null;
        }
        case 'list_reverseiterator': {
          const items = (seq as PyList | undefined)?.items;
          if (seq && items && st.i >= 0 && st.i < items.length) return heap.newref(items[st.i--]!);
          this.exhaust(it);
          return null;
        }
        case 'str_iterator':
        case 'str_ascii_iterator':
          if (seq && st.i < st.chars!.length) return rt.newStr(st.chars![st.i++]!);
          this.exhaust(it);
          return null;
        case 'bytes_iterator':
          if (seq && st.i < (seq as PyBytes).value.length) return rt.newInt((seq as PyBytes).value[st.i++]!);
          this.exhaust(it);
          return null;
        case 'range_iterator':
        case 'longrange_iterator':
          if (st.lenNum !== undefined) return st.i < st.lenNum ? rt.newSafeInt(st.startNum! + st.i++ * st.stepNum!) : null;
          if (BigInt(st.i) < st.len!) return rt.newInt(st.start! + BigInt(st.i++) * st.step!);
          return null;
        case 'reversed':
          // reversed_next(): seq[index--]; the sequence is dropped once exhausted.
          if (!seq || st.i < 0) {
            this.exhaust(it);
            return null;
          }
          return this.sequenceItem(it, seq, st.i--);
        case 'dict_keyiterator':
        case 'dict_valueiterator':
        case 'dict_itemiterator':
        case 'dict_reversekeyiterator':
        case 'dict_reversevalueiterator':
        case 'dict_reverseitemiterator': {
          const d = seq as PyDict | undefined;
          if (!d) return null;
          if (d.used !== st.used) {
            st.used = -1;
            throw rt.error('RuntimeError', 'dictionary changed size during iteration');
          }
          // dictiter_iternextkey() walks the entries forwards, dictreviter_iternext() backwards.
          const step = it.ob_type.tp_name.startsWith('dict_reverse') ? -1 : 1;
          while (st.i >= 0 && st.i < d.entries.length && d.entries[st.i]!.key === null) st.i += step;
          if (st.i < 0 || st.i >= d.entries.length) {
            this.exhaust(it);
            return null;
          }
          const e = d.entries[st.i]!;
          st.i += step;
          if (st.kind === 'keys') return heap.newref(e.key!);
          if (st.kind === 'values') return heap.newref(e.value!);
          const item = [heap.newref(e.key!), heap.newref(e.value!)];
          return this.recycleResult(it.refs[1] as PyTuple, item) ?? rt.newTuple(item);
        }
        case 'set_iterator': {
          const s = seq as PySet | undefined;
          if (!s) return null;
          if (s.entries.length !== st.used) {
            st.used = -1;
            throw rt.error('RuntimeError', 'Set changed size during iteration');
          }
          if (st.i < s.entries.length) return heap.newref(s.entries[st.i++]!.key);
          this.exhaust(it);
          return null;
        }
        case 'iterator':
          if (!seq) return null;
          return this.sequenceItem(it, seq, st.i++);
      }
    }
    const m = this.p.special(it, '__next__');
    if (m) {
      try {
        return this.p.callSpecial(m, it, []);
      } catch (e) {
        if (e instanceof PyErr && rt.isInstance(e.exc, rt.t.StopIteration!)) {
          heap.decref(e.exc);
          return null;
        }
        throw e;
      }
    }
    throw rt.error('TypeError', `'${it.ob_type.tp_name}' object is not an iterator`);
  }

  /** The `(None, …, None)` tuple zip, enumerate and dict item iterators create to recycle as their result. */
  newResultTuple(n: number): PyTuple {
    const rt = this.rt;
    return rt.newTuple(Array.from({ length: n }, () => rt.heap.newref(rt.None)));
  }

  /**
   * The recycling of `enum_next` and `dictiter_iternextitem`: when the
   * iterator holds the only reference to its last result, the tuple is
   * refilled in place (stealing `items`) instead of allocating a new one, and
   * its old items are released after. Null when the result is still in use.
   */
  recycleResult(result: PyTuple, items: PyObject[]): PyTuple | null {
    const heap = this.rt.heap;
    if (result.ob_refcnt !== 1) return null;
    const old = result.items.slice();
    heap.incref(result);
    items.forEach((v, i) => (result.items[i] = v));
    if (heap.trace) heap.trace.changed(result);
    for (const v of old) heap.decref(v);
    if (this.rt.profile.recycledResultTupleRetracked) this.rt.track(result);
    return result;
  }

  /** `seq[index]` for a sequence iterator: null, and the sequence dropped, at IndexError or StopIteration. */
  private sequenceItem(it: PyNative, seq: PyObject, index: number): PyObject | null {
    const rt = this.rt;
    const idx = rt.newInt(index);
    try {
      return this.getItem(seq, idx);
    } catch (e) {
      if (e instanceof PyErr && (rt.isInstance(e.exc, rt.t.IndexError!) || rt.isInstance(e.exc, rt.t.StopIteration!))) {
        rt.heap.decref(e.exc);
        this.exhaust(it);
        return null;
      }
      throw e;
    } finally {
      rt.heap.decref(idx);
    }
  }

  /** NON-SPEC: a built-in object's `refs` changed after its allocation: the trace learns it (HeapTrace.changed). */
  private refsChanged(o: PyNative): void {
    const trace = this.rt.heap.trace;
    if (trace) trace.changed(o);
  }

  /** An exhausted iterator drops its sequence (`it_seq = NULL`). */
  private exhaust(it: PyNative): void {
    const seq = it.refs[0];
    if (seq) {
      it.refs[0] = null;
      this.refsChanged(it);
      this.rt.heap.decref(seq);
    }
  }

  // ------------------------------------------------------------------ functions, generators, classes

  newCell(init: PyObject | null): PyCell {
    const rt = this.rt;
    const c = rt.heap.allocate(new PyCell(rt.t.cell!, init), rt.sizes.fixed.cell);
    rt.track(c);
    return c;
  }

  /** `MAKE_FUNCTION` (`PyFunction_NewWithQualName`): steals defaults, kwdefaults, closure, annotations. */
  newFunction(code: PyCode, globals: PyDict, defaults: PyTuple | null, kwdefaults: PyDict | null, closure: PyTuple | null, annotations: PyObject | null): PyFunction {
    const rt = this.rt;
    const heap = rt.heap;
    const p = this.p;
    const name = rt.internString(code.co.co_name);
    const qualname = rt.internString(code.co.co_qualname);
    const modName = p.dictGetStr(globals, '__name__');
    const first = code.co_consts.items[0];
    const doc = first instanceof PyStr && (code.co as { hasDocstring?: boolean }).hasDocstring ? heap.newref(first) : null;
    heap.incref(code);
    heap.incref(globals);
    const f = new PyFunction(rt.t.function!, code, globals, name, qualname, defaults, kwdefaults, closure, modName ? heap.newref(modName) : null, doc, annotations);
    heap.allocate(f, rt.sizes.fixed.function);
    rt.track(f);
    return f;
  }

  /**
   * The frame object of a frame: made with every call up to 3.10
   * (_PyFrame_New_NoTrack(), which owns the frame's references), on demand
   * from 3.11 (_PyFrame_MakeAndSetFrameObject(), a view that owns nothing).
   * Tracked at once only in 3.6 (PyFrame_New()); later when it outlives its
   * frame (VersionProfile.frameObjectTrackedAtCreation).
   */
  materializeFrame(frame: Frame): PyFrame {
    const rt = this.rt;
    if (frame.frameObject) return frame.frameObject;
    const heap = rt.heap;
    const isFrame = rt.profile.frameObjectPerCall;
    const fo = new PyFrame(rt.t.frame!, frame.code, frame.globals, frame.localsplus, frame.stack, frame.locals, frame.builtins, isFrame ? 'frame' : 'view', heap);
    if (isFrame) {
      heap.incref(frame.code);
      heap.incref(frame.globals);
      heap.incref(frame.builtins);
      if (frame.locals) heap.incref(frame.locals);
      // _PyFrame_New_NoTrack() (3.6–3.10): `f_back` is a strong reference to the caller's frame object.
      const back = frame.back?.frameObject;
      if (back) {
        fo.back = heap.newref(back);
        fo.backIsStrong = true;
      }
    }
    fo.lineno = frame.lineno;
    fo.running = frame;
    // Up to 3.10 the memory comes from the code's zombie frame or the frame free list when it can (Runtime.freeListOf).
    heap.allocate(fo, sizes.sizeofFrame(rt.sizes, frame.code.co));
    if (rt.profile.frameObjectTrackedAtCreation) rt.track(fo);
    frame.frameObject = fo;
    if (!isFrame) this.views.set(fo, frame);
    return fo;
  }

  /**
   * Mirrors Python/frame.c take_ownership() for a frame cleared while the
   * frame that called it still runs (3.11+): the frame object takes the
   * frame over, and its `f_back` becomes the caller's frame object, made if
   * it has none yet.
   */
  takeOwnership(fo: PyFrame, frame: Frame, back: Frame | null): void {
    const ownsFunc = frame.ownsFunc;
    const ownsCode = frame.ownsCode;
    frame.ownsFunc = frame.ownsCode = false;
    if (back) {
      fo.back = this.rt.heap.newref(this.materializeFrame(back));
      fo.backIsStrong = true;
    }
    fo.takeOwnership(frame, ownsFunc, ownsCode);
    frame.passFastLocals(fo);
    this.views.delete(fo);
  }

  /**
   * `RETURN_GENERATOR` (3.11+) / `make_coro` (up to 3.10): the generator
   * takes the new frame. Up to 3.10 that is its frame object (tracked now);
   * from 3.11 the frame is embedded and holds the function and the code.
   */
  makeGenerator(func: PyFunction, frame: Frame): PyGenerator {
    const rt = this.rt;
    const heap = rt.heap;
    let fo: PyFrame | null = null;
    if (rt.profile.frameObjectPerCall) {
      fo = this.materializeFrame(frame);
      // make_coro() (3.10; _PyEval_EvalCodeWithName() before): no `f_back` until the generator is resumed.
      this.clearFrameBack(fo);
      rt.track(fo);
    } else {
      frame.ownsFunc = true;
      heap.incref(func);
      frame.ownsCode = !rt.profile.generatorFrameKeepsCode;
      if (frame.ownsCode) heap.incref(func.code);
    }
    heap.incref(func.name);
    heap.incref(func.qualname);
    heap.incref(func.code);
    const g = new PyGenerator(rt.t.generator!, fo, fo ? null : frame, func.name, func.qualname, func.code);
    (g as unknown as { vmFrame: Frame }).vmFrame = frame;
    if (!fo) frame.generator = g;
    heap.allocate(g, sizes.sizeofGenerator(rt.sizes, func.code.co));
    rt.track(g);
    return g;
  }

  /**
   * Whether the last `sendTo` or `throwInto` ended the generator (its value is
   * the return value) rather than got a yielded value; read at once after the
   * call (NON-SPEC: a field instead of a result object per step).
   */
  sendDone = false;
  /** Whether the last resumeGenerator() ended at a `yield`; read at once after it. */
  private resumeYielded = false;

  /** `gen_send_ex`: resumes a generator (or calls a sub-iterator's `send`/`__next__`); the value, `sendDone` telling which. */
  sendTo(it: PyObject, value: PyObject): PyObject {
    const rt = this.rt;
    const heap = rt.heap;
    if (!(it instanceof PyGenerator)) {
      const v = this.next(it);
      this.sendDone = !v;
      return v ?? heap.newref(rt.None);
    }
    const frame = (it as unknown as { vmFrame: Frame | null }).vmFrame;
    if (!frame || it.closed) {
      this.sendDone = true;
      return heap.newref(rt.None);
    }
    if (it.running) throw rt.error('ValueError', 'generator already executing');
    const started = frame.pc > 0;
    if (!started && value !== rt.None) throw rt.error('TypeError', "can't send non-None value to a just-started generator");
    if (started) frame.stack.push(heap.newref(value));
    it.running = true;
    this.vm.depth++;
    let r: PyObject;
    let yielded: boolean;
    try {
      r = this.resumeGenerator(it, frame, null);
      yielded = this.resumeYielded;
    } catch (e) {
      this.finishGenerator(it, frame);
      if (e instanceof PyErr && rt.isInstance(e.exc, rt.t.StopIteration!)) {
        heap.decref(e.exc);
        throw rt.error('RuntimeError', 'generator raised StopIteration');
      }
      throw e;
    } finally {
      it.running = false;
      this.vm.depth--;
    }
    if (!yielded) this.finishGenerator(it, frame);
    this.sendDone = !yielded;
    return r;
  }

  /** `gen_throw`: raises `err` inside the suspended generator; the value, `sendDone` telling which. */
  throwInto(g: PyGenerator, err: PyErr): PyObject {
    const frame = (g as unknown as { vmFrame: Frame | null }).vmFrame;
    if (!frame || frame.pc === 0) {
      if (frame) this.finishGenerator(g, frame);
      throw err;
    }
    g.running = true;
    this.vm.depth++;
    let r: PyObject;
    let yielded: boolean;
    try {
      r = this.resumeGenerator(g, frame, err);
      yielded = this.resumeYielded;
    } catch (e) {
      this.finishGenerator(g, frame);
      throw e;
    } finally {
      g.running = false;
      this.vm.depth--;
    }
    if (!yielded) this.finishGenerator(g, frame);
    this.sendDone = !yielded;
    return r;
  }

  /**
   * Runs a generator's frame from where it stopped. Up to 3.10 its frame
   * object holds the resuming frame's object as `f_back` only while it runs
   * (gen_send_ex(): "Generators always return to their most recent caller",
   * and the reference is dropped after, so it keeps no chain of frames alive).
   */
  private resumeGenerator(g: PyGenerator, frame: Frame, throwIn: PyErr | null): PyObject {
    const fo = g.frame;
    const back = this.vm.current?.frameObject;
    if (fo && back) {
      fo.back = this.rt.heap.newref(back);
      fo.backIsStrong = true;
    }
    const vm = this.vm;
    let r: PyObject;
    let yielded: boolean;
    try {
      r = vm.evalFrame(frame, throwIn);
      yielded = vm.yielded;
      vm.yielded = false;
    } finally {
      if (fo) this.clearFrameBack(fo);
    }
    this.resumeYielded = yielded;
    return r;
  }

  /** `Py_CLEAR(f->f_back)` of a frame object (3.6–3.10). */
  private clearFrameBack(fo: PyFrame): void {
    const back = fo.back;
    if (!back) return;
    fo.back = null;
    fo.backIsStrong = false;
    this.rt.heap.decref(back);
  }

  /**
   * The generator is done with its frame: up to 3.10 it drops its frame
   * object (gen_send_ex(), which frees the locals with it unless something
   * else holds it); from 3.11 it clears the frame (gen_send_ex2() in 3.11,
   * clear_gen_frame() from 3.12, which runs while the resuming frame is
   * still `previous` and so links it as a taken-over frame object's `f_back`).
   */
  private finishGenerator(g: PyGenerator, frame: Frame): void {
    const rt = this.rt;
    const heap = rt.heap;
    (g as unknown as { vmFrame: Frame | null }).vmFrame = null;
    const fo = g.frame;
    if (fo) {
      fo.finished = true;
      frame.frameObject = null;
      g.frame = null;
      heap.decref(fo);
      return;
    }
    g.iframe = null;
    const out: PyObject[] = [];
    const own = frame.frameObject;
    if (own && own.ob_refcnt > 1) {
      frame.frameObject = null;
      this.takeOwnership(own, frame, rt.profile.generatorFrameKeepsCode ? this.vm.current : null);
      out.push(own);
    } else frame.clear(out);
    for (const o of out) heap.decref(o);
  }

  /** Mirrors Python/frame.c _PyFrame_ClearLocals() (3.13): locals, then the value stack from the bottom. */
  private clearLocals(frame: Frame): void {
    const heap = this.rt.heap;
    const localsplus = frame.localsplus;
    for (let i = 0; i < localsplus.length; i++) {
      const o = localsplus[i];
      localsplus[i] = null;
      if (o) heap.decref(o);
    }
    while (frame.stack.length) heap.decref(frame.stack.shift()!);
  }

  /**
   * Closes a generator (`gen_close`), as its finalizer (_PyGen_Finalize)
   * does: a suspended one runs with GeneratorExit thrown in; up to 3.11 so
   * does one that has not started, while from 3.12 that one is only marked
   * completed (VersionProfile.closeRunsUnstartedGenerator), and in 3.13 so is
   * one suspended at a `yield` outside try/with, its locals cleared
   * (VersionProfile.closeClearsLocalsAtPlainYield).
   */
  closeGenerator(g: PyGenerator): void {
    const frame = (g as unknown as { vmFrame: Frame | null }).vmFrame;
    const rt = this.rt;
    if (!frame || g.closed) return;
    if (frame.pc === 0 && !rt.profile.closeRunsUnstartedGenerator) {
      g.closed = true;
      return;
    }
    if (rt.profile.closeClearsLocalsAtPlainYield && frame.blocks.length === 0 && frame.unit.instrs[frame.pc - 1]!.op === Op.YIELD_VALUE) {
      g.closed = true;
      this.clearLocals(frame);
      return;
    }
    // Up to 3.11 the GeneratorExit is made only if something catches it: a handler in the
    // generator, or — to chain it as __context__ — an exception being handled where it is set.
    const exit =
      rt.profile.errorsSetUnnormalized && frame.blocks.length === 0 && !this.handledException()
        ? PyErr.unnormalized(rt.t.GeneratorExit!, () => rt.error('GeneratorExit').exc)
        : rt.error('GeneratorExit');
    try {
      const r = this.resumeGenerator(g, frame, exit);
      if (this.resumeYielded) {
        rt.heap.decref(r);
        throw rt.error('RuntimeError', 'generator ignored GeneratorExit');
      }
      rt.heap.decref(r);
    } catch (e) {
      if (!(e instanceof PyErr) || !e.type.isSubtype(rt.t.GeneratorExit!)) throw e;
      e.clear(rt.heap);
    } finally {
      this.finishGenerator(g, frame);
    }
  }

  // ------------------------------------------------------------------ exceptions

  /** Whether an exception is being handled where the VM is (`tstate->exc_info`, found up the frame chain). */
  private handledException(): boolean {
    for (let fr: Frame | null = this.vm.current; fr; fr = fr.back) if (fr.handling) return true;
    return false;
  }

  exceptionMatches(exc: PyObject, type: PyObject): boolean {
    const rt = this.rt;
    if (type instanceof PyTuple) return type.items.some((t) => this.exceptionMatches(exc, t));
    if (!(type instanceof PyTypeObject) || !type.isSubtype(rt.t.BaseException!)) {
      throw rt.error('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
    }
    return exc.ob_type.isSubtype(type);
  }

  /** `RAISE_VARARGS`: steals `args` ([exc] or [exc, cause]); `null` re-raises the handled exception. */
  raise(f: Frame, args: PyObject[] | null): PyErr {
    const rt = this.rt;
    const heap = rt.heap;
    if (!args) {
      for (let fr: Frame | null = f; fr; fr = fr.back) {
        if (fr.handling) return new PyErr(heap.newref(fr.handling));
      }
      return rt.error('RuntimeError', 'No active exception to reraise');
    }
    let [e, cause] = args;
    let exc: PyException;
    if (e instanceof PyTypeObject) {
      if (!e.isSubtype(rt.t.BaseException!)) {
        heap.decref(e);
        if (cause) heap.decref(cause);
        return rt.error('TypeError', 'exceptions must derive from BaseException');
      }
      exc = this.p.call(e, [], null) as PyException;
      heap.decref(e);
    } else if (e instanceof PyException) exc = e;
    else {
      heap.decref(e!);
      if (cause) heap.decref(cause);
      return rt.error('TypeError', 'exceptions must derive from BaseException');
    }
    if (cause) {
      let c: PyObject | null = cause;
      if (cause instanceof PyTypeObject) {
        c = this.p.call(cause, [], null);
        heap.decref(cause);
      } else if (cause === rt.None) {
        heap.decref(cause);
        c = null;
      }
      const old = exc.cause;
      exc.cause = c;
      exc.suppressContext = true;
      heap.xdecref(old);
    }
    return new PyErr(exc);
  }

  /** `PyTraceBack_Here`: a traceback entry for the frame, and `__context__` chaining. */
  addTraceback(err: PyErr, f: Frame): void {
    const rt = this.rt;
    const heap = rt.heap;
    if (!err.normalized) {
      // PyTraceBack_Here() with the value still NULL: the entry waits on the error itself.
      if (err.pendingTracebackFrame === f && err.pendingTraceback) return;
      err.pendingTracebackFrame = f;
      err.pendingTraceback = this.newTraceback(err.pendingTraceback, f);
      return;
    }
    const exc = err.exc;
    if ((exc as unknown as { tbFrame?: Frame }).tbFrame === f && exc.traceback) return;
    (exc as unknown as { tbFrame?: Frame }).tbFrame = f;
    // Implicit chaining: the exception being handled becomes __context__.
    let handling: PyException | null = null;
    for (let fr: Frame | null = f; fr; fr = fr.back) if (fr.handling) { handling = fr.handling; break; }
    if (handling && handling !== exc && !exc.context && !(exc as unknown as { chained?: boolean }).chained) {
      exc.context = heap.newref(handling);
    }
    (exc as unknown as { chained?: boolean }).chained = true;
    exc.traceback = this.newTraceback(exc.traceback as PyTraceback | null, f);
  }

  /** _PyTraceBack_FromFrame(NULL, PyEval_GetFrame()): an entry for the running frame, or null outside any frame. */
  tracebackOfCurrentFrame(): PyTraceback | null {
    const f = this.vm.current;
    return f ? this.newTraceback(null, f) : null;
  }

  /** Python/traceback.c _PyTraceBack_FromFrame(): an entry for `f`'s current instruction in front of `next` (whose reference it takes). */
  private newTraceback(next: PyTraceback | null, f: Frame): PyTraceback {
    const rt = this.rt;
    const fo = this.materializeFrame(f);
    rt.heap.incref(fo);
    const tb = rt.heap.allocate(new PyTraceback(rt.t.traceback!, next, fo, f.lineno, f.pc - 1), 64);
    (tb as unknown as { instr?: unknown }).instr = f.unit.instrs[f.pc - 1];
    rt.track(tb);
    return tb;
  }

  /** `SETUP_WITH`: looks up `__exit__` (bound) and calls `__enter__`. */
  enterWith(mgr: PyObject): { exit: PyObject; entered: PyObject } {
    const rt = this.rt;
    const enter = this.p.special(mgr, '__enter__');
    const exitFn = this.p.special(mgr, '__exit__');
    if (!enter || !exitFn) {
      if (rt.profile.version[1] >= 11) throw rt.error('TypeError', `'${mgr.ob_type.tp_name}' object does not support the context manager protocol`);
      throw rt.error('AttributeError', enter ? '__exit__' : '__enter__');
    }
    const exit = this.newMethod(exitFn, mgr);
    try {
      return { exit, entered: this.p.callSpecial(enter, mgr, []) };
    } catch (e) {
      rt.heap.decref(exit);
      throw e;
    }
  }

  // ------------------------------------------------------------------ imports

  importModule(name: string): PyObject {
    const rt = this.rt;
    const existing = this.modules.get(name);
    if (existing) return rt.heap.newref(existing);
    const make = this.moduleFactories.get(name);
    if (!make) {
      throw rt.error('ModuleNotFoundError', `No module named '${name}'`);
    }
    const m = make();
    this.modules.set(name, m);
    return rt.heap.newref(m);
  }

  // ------------------------------------------------------------------ formatting

  ascii(o: PyObject): string {
    return this.p.repr(o).replace(/[^\x00-\x7f]/gu, (c) => {
      const cp = c.codePointAt(0)!;
      return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
    });
  }

  /** `format(v, spec)`; set by the built-ins. */
  format!: (v: PyObject, spec: string) => PyObject;
}

const C_LONG_MAX = 2n ** 63n - 1n;
const MAX_SAFE_BIGINT = BigInt(Number.MAX_SAFE_INTEGER);

/** Whether a range bound fits in a C long (range_iter() makes a `range_iterator` then). */
function fitsCLong(x: bigint): boolean {
  return x >= -C_LONG_MAX - 1n && x <= C_LONG_MAX;
}

/** Iterator types laid out as another whose size is in the size table. */
const ITERATOR_SIZE_AS: Record<string, string> = {
  longrange_iterator: 'range_iterator',
  dict_reversekeyiterator: 'dict_keyiterator',
  dict_reversevalueiterator: 'dict_valueiterator',
  dict_reverseitemiterator: 'dict_itemiterator',
};

/** The state of a built-in iterator. */
export interface IterState {
  i: number;
  chars?: string[];
  kind?: 'keys' | 'values' | 'items';
  used?: number;
  start?: bigint;
  step?: bigint;
  len?: bigint;
  /** `start`, `step`, `len` as numbers, when every value and offset of the range is a safe integer. */
  startNum?: number;
  stepNum?: number;
  lenNum?: number;
  seqIter?: boolean;
  /** A native `tp_iternext` (map, filter, zip, enumerate…). */
  iter?: (rt: Runtime) => PyObject | null;
}

/** `PyLong_AsDouble`: a safe integer is exactly its number. */
function intAsFloat(o: PyInt): number {
  return Number.isNaN(o.num) ? numbers.intToFloat(o.value) : o.num;
}

const BIN_DUNDER: Record<string, string> = {
  Add: 'add', Sub: 'sub', Mult: 'mul', MatMult: 'matmul', Div: 'truediv', Mod: 'mod', Pow: 'pow',
  LShift: 'lshift', RShift: 'rshift', BitOr: 'or', BitXor: 'xor', BitAnd: 'and', FloorDiv: 'floordiv',
};
const BIN_SYMBOL: Record<string, string> = {
  Add: '+', Sub: '-', Mult: '*', MatMult: '@', Div: '/', Mod: '%', Pow: '** or pow()',
  LShift: '<<', RShift: '>>', BitOr: '|', BitXor: '^', BitAnd: '&', FloorDiv: '//',
};

export { TPFLAGS, PyWeakref, sizes, text };

/** An instance of a heap subclass of list, dict or set: the base's object, with a `__dict__`. */
type BuiltinSubtypeInstance = PyList | PyDict | PySet;

/** Whether `o` is an instance of a heap subclass of list, dict or set whose instances have a `__dict__`. */
function isBuiltinSubtypeInstance(o: PyObject): o is BuiltinSubtypeInstance {
  return (o instanceof PyList || o instanceof PyDict || o instanceof PySet) && o.ob_type.instancesHaveDict;
}

/** `PyList_CheckExact(o) || PyTuple_CheckExact(o)`: the sequences whose items are read directly (PySequence_Fast). */
function isExactSequence(o: PyObject): o is PyList | PyTuple {
  return (o instanceof PyList || o instanceof PyTuple) && !o.ob_type.isHeapType;
}

/**
 * NON-SPEC: a list method changes the list's items where no reference to the
 * list is taken (`[1, 2].pop` called through the bound method that alone holds
 * the list), so the trace is told the list changed (HeapTrace.changed).
 */
function reportsListChange(fn: NativeFn): NativeFn {
  return (rt, args, kwargs, tuple) => {
    const result = fn(rt, args, kwargs, tuple);
    const trace = rt.heap.trace;
    if (trace) trace.changed(args[0]!);
    return result;
  };
}
