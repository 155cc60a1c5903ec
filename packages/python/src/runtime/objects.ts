/**
 * The object protocol (Objects/abstract.c, Objects/object.c): repr, str,
 * hash, comparison, arithmetic, attribute access, calls, iteration. Each
 * function takes borrowed arguments and returns a new reference, as the C
 * API does, so the VM's reference discipline stays CPython's.
 */
import {
  typeDictsVersionNow,
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
  PySingleton,
  PyNative,
  PyFunction,
  PyMethod,
  PyModule,
  PyException,
  PyCode,
  PyCell,
  PyGenerator,
  PyFrame,
  PyWeakref,
  hash as H,
  text,
  numbers,
  sizes,
} from '@pymem/object-model';
import type { Runtime, NativeFunctionState } from './runtime';
import { cachedKeysSize, dictGetItem, dictSetItem, dictItems, dictSizeof, type DictOps } from './dict';
import { PyErr } from './errors';
import { isProxy, proxyReferent, weakrefCall, weakrefHash, weakrefRichCompare, weakrefRepr } from './weakref';

/** The interpreter services the protocol needs (calling Python code). */
export interface Interp {
  callFunction(func: PyFunction, args: PyObject[], kwargs: Map<string, PyObject> | null): PyObject;
  /** The eval breaker's check: where 3.12+ runs a collection the allocator scheduled. */
  checkEvalBreaker(): void;
}

export class ObjectProtocol implements DictOps {
  interp!: Interp;
  private readonly hashProfile: H.HashProfile;
  readonly numProfile: numbers.NumberProfile;
  /** Objects whose repr is in progress (`Py_ReprEnter`). */
  private readonly reprStack = new Set<PyObject>();
  constructor(readonly rt: Runtime) {
    this.hashProfile = H.hashProfile(rt.profile.version);
    this.numProfile = numbers.numberProfile(rt.profile.version);
  }

  // ------------------------------------------------------------ lookup helpers

  /** `_PyType_Lookup`: the attribute along the MRO, borrowed. */
  typeLookup(type: PyTypeObject, name: string): PyObject | null {
    // NON-SPEC cache (CPython: the method cache, `_PyType_Lookup`'s fast path).
    const version = typeDictsVersionNow();
    let cache = type.lookupCache;
    if (cache === null || type.lookupVersion !== version) {
      cache = type.lookupCache = new Map();
      type.lookupVersion = version;
    }
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    let found: PyObject | null = null;
    for (const t of type.mroCache) {
      if (!t.tp_dict) continue;
      found = this.dictGetStr(t.tp_dict, name);
      if (found) break;
    }
    cache.set(name, found);
    return found;
  }

  /** Hashes of the names looked up by string (NON-SPEC: a memo; CPython caches the hash in each str). */
  private readonly nameHashes = new Map<string, bigint>();

  /** `hash()` of a str given as a JS string, memoized. */
  hashName(name: string): bigint {
    let h = this.nameHashes.get(name);
    if (h === undefined) {
      h = H.hashStr(name, this.hashProfile.algorithm);
      this.nameHashes.set(name, h);
    }
    return h;
  }

  dictGetStr(d: PyDict, name: string): PyObject | null {
    const i = this.dictIndexStr(d, name);
    return i < 0 ? null : d.entries[i]!.value;
  }

  /** The position in `d.entries` of the str key `name`, or -1. */
  dictIndexStr(d: PyDict, name: string): number {
    const bucket = d.index.get(this.hashName(name));
    if (bucket === undefined) return -1;
    if (typeof bucket === 'number') {
      const k = d.entries[bucket]!.key;
      return k instanceof PyStr && k.value === name ? bucket : -1;
    }
    for (const i of bucket) {
      const e = d.entries[i]!;
      if (e.key instanceof PyStr && e.key.value === name) return i;
    }
    return -1;
  }

  dictSetStr(d: PyDict, name: string, value: PyObject): void {
    const k = this.rt.internString(name);
    dictSetItem(this.rt, this, d, k, value);
    this.rt.heap.decref(k);
  }

  /** A user-defined special method found on the type (heap types only), borrowed. */
  special(o: PyObject, name: string): PyObject | null {
    if (!o.ob_type.isHeapType) return null;
    return this.typeLookup(o.ob_type, name);
  }

  /** Calls a special method with `self` first; returns a new reference. */
  callSpecial(meth: PyObject, self: PyObject, args: PyObject[]): PyObject {
    return this.call(meth, [self, ...args], null);
  }

  // ------------------------------------------------------------ repr / str

  /**
   * Py_ReprEnter() (Objects/object.c, 3.6–3.13), as the repr of a non-empty
   * container calls it: the first call makes the thread state's dict and
   * its `Py_Repr` list, which live as long as the thread. The objects being
   * repr'd are kept in `reprStack` instead of that list (NON-SPEC).
   */
  private reprEnter(): void {
    if (this.threadStateDict) return;
    const rt = this.rt;
    const d = rt.newDict();
    const l = rt.newList([]);
    this.dictSetStr(d, 'Py_Repr', l);
    rt.heap.decref(l);
    this.threadStateDict = d;
  }
  /** `tstate->dict` (PyThreadState_GetDict), made by the first Py_ReprEnter(). */
  private threadStateDict: PyDict | null = null;

  /**
   * Mirrors Modules/signalmodule.c PyErr_CheckSignals(): from 3.12 it first runs
   * a collection the allocator scheduled (gh-97922), so C code that calls it —
   * PyObject_Repr(), PyObject_Str() — is a collection point like the eval breaker.
   */
  checkSignals(): void {
    this.interp.checkEvalBreaker();
  }

  /** Mirrors Objects/object.c PyObject_Repr(): PyErr_CheckSignals(), then the type's tp_repr. */
  repr(o: PyObject): string {
    this.checkSignals();
    return this.tp_repr(o);
  }

  /** The type's tp_repr: what PyObject_Repr() and object_str() call. */
  private tp_repr(o: PyObject): string {
    const m = this.special(o, '__repr__');
    if (m) return this.strResult(this.callSpecial(m, o, []), '__repr__');
    const rt = this.rt;
    if (o instanceof PyInt) {
      if (o.ob_type === rt.t.bool) return o.value ? 'True' : 'False';
      return this.intToStr(o.value);
    }
    if (o instanceof PyFloat) return text.floatRepr(o.value);
    if (o instanceof PyStr) return text.strRepr(o.value);
    if (o instanceof PyBytes) return o.ob_type === rt.t.bytearray ? `bytearray(${text.bytesRepr(o.value)})` : text.bytesRepr(o.value);
    if (o instanceof PySingleton) return o.name;
    if (o instanceof PyTuple || o instanceof PyList || o instanceof PyDict || o instanceof PySet) {
      if ((o instanceof PySet ? o.entries.length : o instanceof PyDict ? o.used : o.items.length) > 0) this.reprEnter();
      if (this.reprStack.has(o)) return o instanceof PyList ? '[...]' : o instanceof PyDict ? '{...}' : `${o.ob_type.tp_name}(...)`;
      this.reprStack.add(o);
      try {
        const fields = o instanceof PyTuple ? rt.structSeqFields.get(o.ob_type) : undefined;
        if (fields) return `${o.ob_type.tp_name}(${(o as PyTuple).items.map((x, i) => `${fields[i]}=${this.repr(x)}`).join(', ')})`;
        if (o instanceof PyTuple) {
          const parts = o.items.map((x) => this.repr(x));
          return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
        }
        if (o instanceof PyList) return `[${o.items.map((x) => this.repr(x)).join(', ')}]`;
        if (o instanceof PyDict) return `{${[...dictItems(o)].map((e) => `${this.repr(e.key)}: ${this.repr(e.value)}`).join(', ')}}`;
        const inner = o.entries.map((e) => this.repr(e.key)).join(', ');
        // set_repr(): an exact set is `{...}`; frozensets and subclasses name their type.
        if (o.ob_type === rt.t.set) return o.entries.length ? `{${inner}}` : 'set()';
        return o.entries.length ? `${o.ob_type.tp_name}({${inner}})` : `${o.ob_type.tp_name}()`;
      } finally {
        this.reprStack.delete(o);
      }
    }
    if (o instanceof PyTypeObject) return `<class '${o.isHeapType && o.moduleName !== 'builtins' ? `${o.moduleName}.${o.qualname}` : o.tp_name}'>`;
    if (o instanceof PyFunction) return `<function ${o.qualname.value} at ${hex(o.addr)}>`;
    if (o instanceof PyMethod) return `<bound method ${(o.func as PyFunction).qualname?.value} of ${this.repr(o.self!)}>`;
    if (o instanceof PyModule) return o.name === 'builtins' || o.name === 'sys' || o.name === 'gc' ? `<module '${o.name}' (built-in)>` : `<module '${o.name}'>`;
    if (o instanceof PyException) {
      const name = o.ob_type.tp_name;
      const args = o.args.items;
      // BaseException_repr: 3.6 formats the args tuple itself, so one argument keeps its comma.
      if (rt.profile.exceptionReprIsArgsTuple) return `${name}${this.repr(o.args)}`;
      if (args.length === 1) return `${name}(${this.repr(args[0]!)})`;
      return `${name}(${args.map((a) => this.repr(a)).join(', ')})`;
    }
    if (o instanceof PyWeakref) return weakrefRepr(this, o); // weakref: runtime/weakref.ts
    if (isMappingProxy(rt, o)) return `mappingproxy(${this.repr(o.refs[0]!)})`;
    if (o instanceof PyNative && o.ob_type === rt.t.builtin_function_or_method) {
      const st = o.state as NativeFunctionState;
      const self = o.refs[0];
      // meth_repr(): a function bound to a module is a 'built-in function', whatever bound it.
      if (self && !(self instanceof PyModule)) return `<built-in method ${st.name} of ${self.ob_type.tp_name} object at ${hex(self.addr)}>`;
      return `<built-in function ${st.name}>`;
    }
    // Objects/descrobject.c member_repr(), getset_repr(), method_repr(): the name and the owner's tp_name.
    if (o instanceof PyNative && (o.ob_type === rt.t.member_descriptor || o.ob_type === rt.t.getset_descriptor)) {
      const [nm, cls] = o.refs as [PyStr, PyTypeObject];
      return `<${o.ob_type === rt.t.member_descriptor ? 'member' : 'attribute'} '${nm.value}' of '${cls.tp_name}' objects>`;
    }
    if (o instanceof PyNative && o.ob_type === rt.t.method_descriptor) {
      const st = o.state as NativeFunctionState;
      if (st.objclass) return `<method '${st.name}' of '${st.objclass.tp_name}' objects>`;
    }
    if (o instanceof PyNative && (o.ob_type === rt.t.dict_keys || o.ob_type === rt.t.dict_values || o.ob_type === rt.t.dict_items)) {
      // dictview_repr(): the view's items as a new list (PySequence_List), guarded by Py_ReprEnter.
      if (this.reprStack.has(o)) return '...';
      this.reprStack.add(o);
      const list = this.sequenceList(o);
      try {
        return `${o.ob_type.tp_name}(${this.repr(list)})`;
      } finally {
        this.rt.heap.decref(list);
        this.reprStack.delete(o);
      }
    }
    // slice_repr()
    if (o instanceof PyNative && o.ob_type === rt.t.slice) return `slice(${[0, 1, 2].map((i) => this.repr(o.refs[i] ?? rt.None)).join(', ')})`;
    if (o instanceof PyNative && o.ob_type === rt.t.range) {
      const [start, stop, step] = o.state as [bigint, bigint, bigint];
      return step === 1n ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`;
    }
    // textiowrapper_repr() of sys.stdout and sys.stderr (opened by create_stdio() with encoding utf-8).
    if (o instanceof PyNative && o.ob_type === rt.t.TextIOWrapper) return `<_io.TextIOWrapper name='<${o.state as string}>' mode='w' encoding='utf-8'>`;
    if (o instanceof PyGenerator) return `<generator object ${o.qualname.value} at ${hex(o.addr)}>`;
    if (o instanceof PyCell) return `<cell at ${hex(o.addr)}: ${o.ref ? `${o.ref.ob_type.tp_name} object at ${hex(o.ref.addr)}` : 'empty'}>`;
    // frame_repr() (3.7+); 3.6 has none.
    if (o instanceof PyFrame && rt.profile.frameReprShowsCode) return `<frame at ${hex(o.addr)}, file '${o.code.co.co_filename}', line ${o.currentLineno()}, code ${o.code.co.co_name}>`;
    if (o instanceof PyCode) return `<code object ${o.co.co_name} at ${hex(o.addr)}, file "${o.co.co_filename}", line ${o.co.co_firstlineno}>`;
    const t = o.ob_type;
    const qual = t.isHeapType ? `${t.moduleName}.${t.qualname}` : t.tp_name;
    return `<${qual} object at ${hex(o.addr)}>`;
  }

  /** Mirrors Objects/object.c PyObject_Str(): PyErr_CheckSignals(), then an exact str itself or the type's tp_str. */
  str(o: PyObject): string {
    this.checkSignals();
    if (o instanceof PyStr && !o.ob_type.isHeapType) return o.value;
    if (isProxy(this.rt, o)) return this.str(proxyReferent(this.rt, o)); // weakref: proxy_str
    const m = this.special(o, '__str__');
    if (m) return this.strResult(this.callSpecial(m, o, []), '__str__');
    if (o instanceof PyException && !this.special(o, '__repr__')) {
      const args = o.args.items;
      if (args.length === 0) return '';
      // KeyError_str: a single key is shown as its repr.
      if (args.length === 1 && o.ob_type.isSubtype(this.rt.t.KeyError!)) return this.repr(args[0]!);
      if (args.length === 1) return this.str(args[0]!);
      return this.repr(o.args);
    }
    // object_str(): the type's tp_repr, not PyObject_Repr().
    return this.tp_repr(o);
  }

  private strResult(r: PyObject, what: string): string {
    try {
      if (!(r instanceof PyStr)) throw this.rt.error('TypeError', `${what} returned non-string (type ${r.ob_type.tp_name})`);
      return r.value;
    } finally {
      this.rt.heap.decref(r);
    }
  }

  /** `str(int)`, with the version's int max str digits limit. */
  intToStr(v: bigint): string {
    try {
      return numbers.intToStr(v, this.numProfile);
    } catch (e) {
      if (e instanceof numbers.NumberError) throw this.rt.error(e.pyType, e.message);
      throw e;
    }
  }

  // ------------------------------------------------------------ hash / compare

  hash(o: PyObject): bigint {
    const rt = this.rt;
    // A str object caches its own hash (`ob_hash`); the name memo is for names looked up as JS strings.
    if (o instanceof PyStr) return (o.hash ??= H.hashStr(o.value, this.hashProfile.algorithm));
    if (o instanceof PyInt) return Number.isNaN(o.num) ? H.hashInt(o.value) : BigInt(o.num === -1 ? -2 : o.num); // long_hash: |v| < 2**61 - 1 is its own hash
    if (o instanceof PyFloat) return H.hashFloat(o.value, this.hashProfile, BigInt(o.addr));
    if (o instanceof PyBytes) return (o.hash ??= H.hashBytes(o.value, this.hashProfile.algorithm));
    if (o instanceof PyTuple) return H.hashTuple(o.items.map((x) => this.hash(x)), this.hashProfile.tupleHash);
    if (o === rt.None) return H.hashNone(this.hashProfile, BigInt(o.addr));
    if (o instanceof PySet && o.ob_type === rt.t.frozenset) return (o.hash ??= H.hashFrozenset(o.entries.map((e) => e.hash)));
    if (o instanceof PyList || o instanceof PyDict || (o instanceof PySet && o.ob_type === rt.t.set)) {
      throw rt.error('TypeError', `unhashable type: '${o.ob_type.tp_name}'`);
    }
    if (o instanceof PyWeakref) return weakrefHash(this, o); // weakref: runtime/weakref.ts
    if (o.ob_type.isHeapType) {
      const h = this.typeLookup(o.ob_type, '__hash__');
      if (h === rt.None) throw rt.error('TypeError', `unhashable type: '${o.ob_type.tp_name}'`);
      if (h) {
        const r = this.callSpecial(h, o, []);
        try {
          if (!(r instanceof PyInt)) throw rt.error('TypeError', '__hash__ method should return an integer');
          // slot_tp_hash(): a result that fits a Py_hash_t is the hash itself (so returning
          // hash(y) hashes like y); only a wider int goes through long_hash. -1 becomes -2.
          const v = r.value;
          if (v >= -(2n ** 63n) && v < 2n ** 63n) return v === -1n ? -2n : v;
          return H.hashInt(v);
        } finally {
          rt.heap.decref(r);
        }
      }
    }
    return H.hashPointer(BigInt(o.addr));
  }

  /** `PyObject_RichCompareBool(a, b, Py_EQ)`: identity implies equality. */
  eq(a: PyObject, b: PyObject): boolean {
    if (a === b) return true;
    return this.compareBool(a, b, 'Eq');
  }

  compareBool(a: PyObject, b: PyObject, op: CompareOp): boolean {
    const r = this.richCompare(a, b, op);
    try {
      return this.isTrue(r);
    } finally {
      this.rt.heap.decref(r);
    }
  }

  /** `PyObject_RichCompare`. */
  richCompare(a: PyObject, b: PyObject, op: CompareOp): PyObject {
    const rt = this.rt;
    // Exact ints and floats have no user-defined special methods: straight to the number slots.
    if ((a instanceof PyInt || a instanceof PyFloat) && (b instanceof PyInt || b instanceof PyFloat) && !a.ob_type.isHeapType && !b.ob_type.isHeapType) {
      return rt.newBool(this.nativeCompare(a, b, op)!);
    }
    const name = COMPARE_DUNDER[op];
    const reflected = COMPARE_DUNDER[COMPARE_SWAP[op]];
    if (a instanceof PyWeakref || b instanceof PyWeakref) {
      // weakref: weakref_richcompare / proxy_richcompare (runtime/weakref.ts)
      const r = weakrefRichCompare(this, a, b, op);
      if (r) return r;
    }
    // A subclass's reflected method goes first.
    if (b.ob_type !== a.ob_type && b.ob_type.isSubtype(a.ob_type) && this.special(b, reflected)) {
      const r = this.callSpecial(this.special(b, reflected)!, b, [a]);
      if (r !== rt.NotImplemented) return r;
      rt.heap.decref(r);
    }
    const m = this.special(a, name);
    if (m) {
      const r = this.callSpecial(m, a, [b]);
      if (r !== rt.NotImplemented) return r;
      rt.heap.decref(r);
    }
    const native = this.nativeCompare(a, b, op);
    if (native !== null) return rt.newBool(native);
    const mb = this.special(b, reflected);
    if (mb) {
      const r = this.callSpecial(mb, b, [a]);
      if (r !== rt.NotImplemented) return r;
      rt.heap.decref(r);
    }
    if (op === 'Eq') return rt.newBool(a === b);
    if (op === 'NotEq') return rt.newBool(a !== b);
    throw rt.error('TypeError', `'${OP_SYMBOL[op]}' not supported between instances of '${a.ob_type.tp_name}' and '${b.ob_type.tp_name}'`);
  }

  private nativeCompare(a: PyObject, b: PyObject, op: CompareOp): boolean | null {
    if ((a instanceof PyInt || a instanceof PyFloat) && (b instanceof PyInt || b instanceof PyFloat)) {
      if (a instanceof PyInt && b instanceof PyInt) {
        if (!Number.isNaN(a.num) && !Number.isNaN(b.num)) return compareHolds(op, a.num < b.num ? -1 : a.num > b.num ? 1 : 0);
        return compareHolds(op, a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
      }
      // A safe int is exactly a double, so it compares with a float as its number.
      const x = a instanceof PyInt ? (Number.isNaN(a.num) ? a.value : a.num) : a.value;
      const y = b instanceof PyInt ? (Number.isNaN(b.num) ? b.value : b.num) : b.value;
      const c = compareMixed(x, y);
      // A NaN is unordered: every comparison is false but `!=` (float_richcompare).
      return Number.isNaN(c) ? op === 'NotEq' : compareHolds(op, c);
    }
    if (a instanceof PyStr && b instanceof PyStr) return compareHolds(op, compareCodePoints(a.value, b.value));
    if (a instanceof PyBytes && b instanceof PyBytes) {
      const n = Math.min(a.value.length, b.value.length);
      for (let i = 0; i < n; i++) if (a.value[i] !== b.value[i]) return compareHolds(op, a.value[i]! - b.value[i]!);
      return compareHolds(op, a.value.length - b.value.length);
    }
    if ((a instanceof PyTuple && b instanceof PyTuple) || (a instanceof PyList && b instanceof PyList)) {
      const x = a.items;
      const y = (b as PyTuple).items;
      if ((op === 'Eq' || op === 'NotEq') && x.length !== y.length) return op === 'NotEq';
      let i = 0;
      for (; i < x.length && i < y.length; i++) if (!this.eq(x[i]!, y[i]!)) break;
      if (i >= x.length || i >= y.length) return compareHolds(op, x.length - y.length);
      if (op === 'Eq') return false;
      if (op === 'NotEq') return true;
      return this.compareBool(x[i]!, y[i]!, op);
    }
    if (a instanceof PyDict && b instanceof PyDict && (op === 'Eq' || op === 'NotEq')) {
      if (a.used !== b.used) return op === 'NotEq';
      for (const e of dictItems(a)) {
        const v = dictGetItem(this, b, e.key);
        if (!v || !this.eq(e.value, v)) return op === 'NotEq';
      }
      return op === 'Eq';
    }
    if (a instanceof PySet && b instanceof PySet) {
      const inB = (k: PyObject) => b.entries.some((e) => this.eq(e.key, k));
      const inA = (k: PyObject) => a.entries.some((e) => this.eq(e.key, k));
      const aSubB = a.entries.every((e) => inB(e.key));
      const bSubA = b.entries.every((e) => inA(e.key));
      switch (op) {
        case 'Eq':
          return aSubB && bSubA;
        case 'NotEq':
          return !(aSubB && bSubA);
        case 'LtE':
          return aSubB;
        case 'Lt':
          return aSubB && !bSubA;
        case 'GtE':
          return bSubA;
        case 'Gt':
          return bSubA && !aSubB;
      }
    }
    if (a instanceof PyMethod && b instanceof PyMethod && (op === 'Eq' || op === 'NotEq')) {
      // method_richcompare: the same function bound to the same object.
      const same = a.func === b.func && a.self === b.self;
      return op === 'Eq' ? same : !same;
    }
    if (op === 'Eq' || op === 'NotEq') {
      if (a.ob_type.isHeapType || b.ob_type.isHeapType) return null;
      return op === 'Eq' ? a === b : a !== b;
    }
    return null;
  }

  // ------------------------------------------------------------ truth

  isTrue(o: PyObject): boolean {
    const rt = this.rt;
    if (o === rt.True) return true;
    if (o === rt.False || o === rt.None) return false;
    if (o instanceof PyInt) return o.num !== 0; // NaN (a big int) is not 0 either
    if (o instanceof PyFloat) return o.value !== 0;
    if (o instanceof PyStr) return o.value.length > 0;
    if (o instanceof PyBytes) return o.value.length > 0;
    // A heap type's __bool__/__len__ (slot_nb_bool, slot_sq_length) replace the base's.
    if (o.ob_type.isHeapType) {
      const b = this.typeLookup(o.ob_type, '__bool__');
      if (b) {
        const r = this.callSpecial(b, o, []);
        try {
          if (r.ob_type !== rt.t.bool) throw rt.error('TypeError', `__bool__ should return bool, returned ${r.ob_type.tp_name}`);
          return r === rt.True;
        } finally {
          rt.heap.decref(r);
        }
      }
      const l = this.typeLookup(o.ob_type, '__len__');
      if (l) return this.len(o) > 0;
    }
    if (o instanceof PyTuple || o instanceof PyList) return o.items.length > 0;
    if (o instanceof PyDict) return o.used > 0;
    if (o instanceof PySet) return o.entries.length > 0;
    if (isProxy(rt, o)) return this.isTrue(proxyReferent(rt, o)); // weakref: proxy_bool
    if (o instanceof PyNative && o.ob_type === rt.t.range) {
      const [start, stop, step] = o.state as [bigint, bigint, bigint];
      return rangeLength(start, stop, step) > 0n;
    }
    return true;
  }

  len(o: PyObject): number {
    const rt = this.rt;
    // A heap type's __len__ (slot_sq_length) replaces the base's, so it goes before the native paths.
    const m = this.special(o, '__len__');
    if (m) {
      const r = this.callSpecial(m, o, []);
      try {
        if (!(r instanceof PyInt)) throw rt.error('TypeError', `'${r.ob_type.tp_name}' object cannot be interpreted as an integer`);
        if (r.value < 0n) throw rt.error('ValueError', '__len__() should return >= 0');
        return Number(r.value);
      } finally {
        rt.heap.decref(r);
      }
    }
    return this.builtinLen(o);
  }

  /** The built-in types' `sq_length`/`mp_length`, a heap type's override aside (also `list.__len__` & co.). */
  builtinLen(o: PyObject): number {
    const rt = this.rt;
    if (o instanceof PyStr) return o.length;
    if (o instanceof PyBytes) return o.value.length;
    if (o instanceof PyTuple || o instanceof PyList) return o.items.length;
    if (o instanceof PyDict) return o.used;
    if (o instanceof PySet) return o.entries.length;
    // dictview_len(): the dict's size.
    if (o instanceof PyNative && (o.ob_type === rt.t.dict_keys || o.ob_type === rt.t.dict_values || o.ob_type === rt.t.dict_items)) return (o.refs[0] as PyDict).used;
    if (o instanceof PyNative && o.ob_type === rt.t.range) {
      const [start, stop, step] = o.state as [bigint, bigint, bigint];
      return Number(rangeLength(start, stop, step));
    }
    if (isProxy(rt, o)) return this.len(proxyReferent(rt, o)); // weakref: proxy_length
    if (isMappingProxy(rt, o)) return this.len(o.refs[0]!); // mappingproxy_len
    throw rt.error('TypeError', `object of type '${o.ob_type.tp_name}' has no len()`);
  }

  // ------------------------------------------------------------ calls

  /** `PyObject_Call`: borrowed args, new reference out. */
  call(callable: PyObject, args: PyObject[], kwargs: Map<string, PyObject> | null): PyObject {
    const rt = this.rt;
    if (callable instanceof PyFunction) return this.interp.callFunction(callable, args, kwargs);
    if (callable instanceof PyNative && callable.ob_type === rt.builtinFunctionType) {
      const st = callable.state as NativeFunctionState;
      const self = callable.refs[0];
      if (self && !st.ofModule) return st.fn(rt, [self, ...args], kwargs);
      return st.fn(rt, args, kwargs);
    }
    if (callable instanceof PyNative && callable.ob_type === rt.methodDescriptorType) {
      const st = callable.state as NativeFunctionState;
      if (st.objclass) this.descrCheck(st, st.objclass, args[0]);
      return st.fn(rt, args, kwargs);
    }
    if (callable instanceof PyMethod) return this.call(callable.func!, [callable.self!, ...args], kwargs);
    if (callable instanceof PyTypeObject) {
      if (!packsCallArguments(callable, rt.profile.version[1], args.length, kwargs)) return this.callType(callable, args, kwargs);
      // _PyObject_MakeTpCall() (3.6: _PyObject_FastCallKeywords): a type without vectorcall
      // gets the positional arguments as a tuple and the keywords as a dict.
      const heap = rt.heap;
      const argTuple = rt.newTuple(args.map((a) => heap.newref(a)));
      const kwDict = kwargs && kwargs.size ? rt.newDict() : null;
      if (kwDict) for (const [k, v] of kwargs!) this.dictSetStr(kwDict, k, v);
      try {
        return this.callType(callable, args, kwargs);
      } finally {
        if (kwDict) heap.decref(kwDict);
        heap.decref(argTuple);
      }
    }
    if (callable instanceof PyWeakref) return weakrefCall(this, callable, args, kwargs); // weakref: runtime/weakref.ts
    const m = this.special(callable, '__call__');
    if (m) return this.call(m, [callable, ...args], kwargs);
    throw rt.error('TypeError', `'${callable.ob_type.tp_name}' object is not callable`);
  }

  /**
   * Mirrors Objects/descrobject.c method_vectorcall_*() and descr_check(): an
   * unbound built-in method needs a first argument of its type (`list.append(1, 2)`).
   */
  private descrCheck(st: NativeFunctionState, type: PyTypeObject, self: PyObject | undefined): void {
    const rt = this.rt;
    if (!self) {
      throw rt.error('TypeError', rt.profile.qualifiedCallErrors ? `unbound method ${st.qualname}() needs an argument` : `descriptor '${st.name}' of '${type.tp_name}' object needs an argument`);
    }
    if (self.ob_type.isSubtype(type)) return;
    const got = self.ob_type.tp_name;
    throw rt.error('TypeError', rt.profile.descriptorCheckSaysDoesNotApply
      ? `descriptor '${st.name}' for '${type.tp_name}' objects doesn't apply to a '${got}' object`
      : `descriptor '${st.name}' requires a '${type.tp_name}' object but received a '${got}'`);
  }

  /** Set by the built-ins: `PySequence_List(o)` (a new list of what iterating `o` gives). */
  sequenceList!: (o: PyObject) => PyList;

  /** Set by the built-ins: `type.__call__` for every type (`type_call`). */
  callType!: (type: PyTypeObject, args: PyObject[], kwargs: Map<string, PyObject> | null) => PyObject;

  // ------------------------------------------------------------ sizes

  sizeof(o: PyObject): number {
    const rt = this.rt;
    const p = rt.sizes;
    if (o instanceof PyInt) return sizes.sizeofInt(p, o.value);
    if (o instanceof PyStr) {
      // 3.12+: the static latin-1 singletons above ASCII carry their UTF-8 form (2 bytes).
      const c = o.value.length === 1 ? o.value.charCodeAt(0) : 0;
      const utf8 = c >= 0x80 && c < 0x100 && rt.profile.version[1] >= 12 ? 2 : undefined;
      return sizes.sizeofStr(p, o.value, utf8);
    }
    if (o instanceof PyBytes) return o.ob_type === rt.t.bytearray ? o.allocSize : sizes.sizeofBytes(p, o.value.length);
    if (o instanceof PyTuple) return sizes.sizeofTuple(p, o.items.length);
    // A heap subclass's instance is the base's plus the `__dict__`/`__weakref__` room type_new() added.
    if (o instanceof PyList) return sizes.sizeofList(p, o.allocated) + rt.subtypeExtraSize(o.ob_type);
    if (o instanceof PyDict) return dictSizeof(rt, o) + rt.subtypeExtraSize(o.ob_type);
    if (o instanceof PySet) return sizes.sizeofSet(p, o.mask + 1) + rt.subtypeExtraSize(o.ob_type);
    if (o instanceof PyFloat) return p.fixed.float;
    if (o instanceof PyFunction) return p.fixed.function;
    if (o instanceof PyCell) return p.fixed.cell;
    if (o instanceof PyMethod) return p.fixed.method;
    if (o instanceof PyModule) return p.fixed.module;
    if (o instanceof PyException) return p.fixed.exception;
    if (o instanceof PyGenerator) return o.allocSize;
    if (o instanceof PyFrame) return sizes.sizeofFrame(p, o.code.co);
    if (o instanceof PyWeakref) return p.fixed.weakref;
    if (o instanceof PyTypeObject) return o.isHeapType ? p.fixed['heap-type'] + cachedKeysSize(rt, o) : p.fixed['static-type'];
    if (o instanceof PySingleton) return 16;
    return o.allocSize;
  }
}

export type CompareOp = 'Lt' | 'LtE' | 'Eq' | 'NotEq' | 'Gt' | 'GtE';
const COMPARE_DUNDER: Record<CompareOp, string> = { Lt: '__lt__', LtE: '__le__', Eq: '__eq__', NotEq: '__ne__', Gt: '__gt__', GtE: '__ge__' };
const COMPARE_SWAP: Record<CompareOp, CompareOp> = { Lt: 'Gt', LtE: 'GtE', Eq: 'Eq', NotEq: 'NotEq', Gt: 'Lt', GtE: 'LtE' };
export const OP_SYMBOL: Record<CompareOp, string> = { Lt: '<', LtE: '<=', Eq: '==', NotEq: '!=', Gt: '>', GtE: '>=' };

/** Formats an address as CPython's `%p` does. */
export function hex(addr: number): string {
  return `0x${addr.toString(16).padStart(12, '0')}`;
}

/** Whether `op` holds for operands whose three-way comparison is `c`. */
function compareHolds(op: CompareOp, c: number): boolean {
  return op === 'Lt' ? c < 0 : op === 'LtE' ? c <= 0 : op === 'Gt' ? c > 0 : op === 'GtE' ? c >= 0 : op === 'Eq' ? c === 0 : c !== 0;
}

/**
 * Compares ints and floats exactly, as `float_richcompare` does: -1, 0 or 1,
 * or NaN when a NaN makes them unordered.
 */
function compareMixed(x: bigint | number, y: bigint | number): number {
  if (typeof x === 'number' && typeof y === 'number') {
    if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if ((typeof x === 'number' && Number.isNaN(x)) || (typeof y === 'number' && Number.isNaN(y))) return NaN;
  // Exact comparison: compare floor values first, then fractions.
  const fx = typeof x === 'number' ? x : null;
  const fy = typeof y === 'number' ? y : null;
  if (fx !== null && !Number.isFinite(fx)) return fx > 0 ? 1 : -1;
  if (fy !== null && !Number.isFinite(fy)) return fy > 0 ? -1 : 1;
  const bx = typeof x === 'bigint' ? x : BigInt(Math.floor(x));
  const by = typeof y === 'bigint' ? y : BigInt(Math.floor(y));
  if (bx !== by) return bx < by ? -1 : 1;
  const rx = typeof x === 'number' ? x - Math.floor(x) : 0;
  const ry = typeof y === 'number' ? y - Math.floor(y) : 0;
  return rx < ry ? -1 : rx > ry ? 1 : 0;
}

/** Compares strings by code point (JS compares UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** A `mappingproxy` (a type's `__dict__`): a read-only view of the mapping in `refs[0]`. */
export function isMappingProxy(rt: Runtime, o: PyObject): o is PyNative {
  return o.ob_type === rt.t.mappingproxy;
}

export function rangeLength(start: bigint, stop: bigint, step: bigint): bigint {
  if (step > 0n) return start < stop ? (stop - start - 1n) / step + 1n : 0n;
  return start > stop ? (start - stop - 1n) / -step + 1n : 0n;
}

export { PyErr };

/**
 * The first 3.x minor version where calling the built-in type goes through
 * its `tp_vectorcall` (list, tuple, dict, set, frozenset, range: 3.9,
 * bpo-37207; float, bool, map, filter, reversed and `type(o)` itself: 3.10;
 * enumerate: 3.11; str, int: 3.13); `bytes`, `zip`, `property`,
 * `staticmethod`, `classmethod`, `slice` and `weakref.ref` (named `weakref` up to 3.9,
 * `weakref.ReferenceType` from 3.10) have none.
 * Before, the call packs its arguments (_PyObject_MakeTpCall). Measured with
 * the interpreters for these types only; other built-in types are not packed.
 */
const TYPE_VECTORCALL_SINCE: ReadonlyMap<string, number> = new Map([
  ['list', 9],
  ['tuple', 9],
  ['dict', 9],
  ['set', 9],
  ['frozenset', 9],
  ['range', 9],
  ['float', 10],
  ['bool', 10],
  ['type', 10],
  ['map', 10],
  ['filter', 10],
  ['reversed', 10],
  ['enumerate', 11],
  ['zip', Infinity],
  ['property', Infinity],
  ['staticmethod', Infinity],
  ['classmethod', Infinity],
  ['str', 13],
  ['int', 13],
  ['bytes', Infinity],
  ['slice', Infinity],
  ['weakref', Infinity],
  ['weakref.ReferenceType', Infinity],
]);

/**
 * Built-in types whose `tp_vectorcall` hands a call with keywords on to
 * _PyObject_MakeTpCall() (3.13 long_vectorcall(), unicode_vectorcall()).
 */
const VECTORCALL_WITHOUT_KEYWORDS: ReadonlySet<string> = new Set(['int', 'str']);

/** Whether calling `type` packs the arguments into a tuple (and keywords into a dict): classes always. */
function packsCallArguments(type: PyTypeObject, minor: number, nargs: number, kwargs: Map<string, PyObject> | null): boolean {
  if (type.isHeapType) return true;
  const since = TYPE_VECTORCALL_SINCE.get(type.tp_name);
  if (since === undefined) return false;
  // type_vectorcall() handles `type(o)` only: three arguments go to _PyObject_MakeTpCall().
  if (type.tp_name === 'type' && nargs !== 1) return true;
  return minor < since || (kwargs !== null && kwargs.size > 0 && VECTORCALL_WITHOUT_KEYWORDS.has(type.tp_name));
}
