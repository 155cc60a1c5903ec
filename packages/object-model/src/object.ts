/**
 * The object header and the object kinds pymem models.
 *
 * Mirrors Include/object.h (`PyObject`: `ob_refcnt`, `ob_type`) and
 * Include/internal/pycore_gc.h (`PyGC_Head`). Each kind keeps the references
 * CPython's struct keeps, so that `tp_traverse` (for the collector and the
 * invariant checker) and `tp_dealloc` (for the refcount cascade) see exactly
 * the edges CPython has.
 */
import type { PyTypeObject } from './type';

/**
 * NON-SPEC: a version of all types' dicts, bumped whenever one of them changes
 * (see `PyDict.isTypeDict`). Type lookup caches are valid while it stays the
 * same — CPython's method cache and type version tags play this part.
 */
let typeDictsVersion = 0;

/** The current version of all types' dicts (for `PyTypeObject.lookupCache`). */
export function typeDictsVersionNow(): number {
  return typeDictsVersion;
}

/** Invalidates every type's lookup cache: a type's dict (or MRO) changed. */
export function typeDictsChanged(): void {
  typeDictsVersion++;
}

/** Called once per reference an object holds (`visitproc`). */
export type Visit = (o: PyObject) => void;

/**
 * The part of Objects/typeobject.c subtype_traverse() that a heap subclass of
 * a built-in container adds before calling the base's `tp_traverse`: the
 * instance `__dict__`, then the type (a heap type's instance owns a reference
 * to it).
 */
function subtypeTraverse(o: PyObject, dict: PyObject | null, visit: Visit): void {
  if (dict) visit(dict);
  if (o.ob_type.isHeapType) visit(o.ob_type);
}

/**
 * What subtype_dealloc() and subtype_clear() release before a built-in
 * container base's own references: a heap subclass instance's `__dict__`.
 */
function takeSubtypeDict(o: { dict: PyObject | null }, out: PyObject[]): void {
  if (o.dict) out.push(o.dict);
  o.dict = null;
}

/**
 * Sets a new object's header: count 1, no address yet, untracked. The kinds
 * made most often call one of these four first in their constructors, right
 * after `super()`; the others go through PyObject's constructor.
 * NON-SPEC (speed): V8 keeps the feedback of a property store per function, and
 * a store that has seen more than four object layouts (every kind of object is
 * its own JS class) becomes megamorphic: a lookup in a global cache, about 6 ns.
 * PyObject's constructor, shared by every kind, made each of its fourteen stores
 * so; the same stores in a function that sees at most four kinds are direct. A
 * PyInt took about 120 ns to construct with them in PyObject's constructor and
 * 30 ns in a function of its own. Hence four copies of the same body, one per
 * group of at most four kinds (the JS has no way to give one function separate
 * feedback per caller).
 */
export function initNumberHeader(o: PyObject, type: PyTypeObject): void {
  o.ob_type = type;
  o.ob_refcnt = 1;
  o.addr = 0;
  o.allocSize = 0;
  o.extraBytes = 0;
  o.freed = false;
  o.immortal = false;
  o.gc_tracked = false;
  o.gc_generation = 0;
  o.gc_refs = 0;
  o.gc_prev = null;
  o.gc_next = null;
  o.gc_finalized = false;
  o.weakrefs = null;
}

/** initNumberHeader() for tuple, list, dict, set. */
export function initContainerHeader(o: PyObject, type: PyTypeObject): void {
  o.ob_type = type;
  o.ob_refcnt = 1;
  o.addr = 0;
  o.allocSize = 0;
  o.extraBytes = 0;
  o.freed = false;
  o.immortal = false;
  o.gc_tracked = false;
  o.gc_generation = 0;
  o.gc_refs = 0;
  o.gc_prev = null;
  o.gc_next = null;
  o.gc_finalized = false;
  o.weakrefs = null;
}

/** initNumberHeader() for instances, built-in objects (PyNative), generators, cells. */
export function initInstanceHeader(o: PyObject, type: PyTypeObject): void {
  o.ob_type = type;
  o.ob_refcnt = 1;
  o.addr = 0;
  o.allocSize = 0;
  o.extraBytes = 0;
  o.freed = false;
  o.immortal = false;
  o.gc_tracked = false;
  o.gc_generation = 0;
  o.gc_refs = 0;
  o.gc_prev = null;
  o.gc_next = null;
  o.gc_finalized = false;
  o.weakrefs = null;
}

/** initNumberHeader() for functions, bound methods, frame objects, exceptions. */
export function initCallHeader(o: PyObject, type: PyTypeObject): void {
  o.ob_type = type;
  o.ob_refcnt = 1;
  o.addr = 0;
  o.allocSize = 0;
  o.extraBytes = 0;
  o.freed = false;
  o.immortal = false;
  o.gc_tracked = false;
  o.gc_generation = 0;
  o.gc_refs = 0;
  o.gc_prev = null;
  o.gc_next = null;
  o.gc_finalized = false;
  o.weakrefs = null;
}

/**
 * The header every simulated object has, plus the GC header of container
 * types. Subclasses add the fields of their C struct.
 */
export abstract class PyObject {
  // The header: set by the constructor below, or by initNumberHeader() and its copies.
  /** `ob_type`. */
  declare ob_type: PyTypeObject;
  /** `ob_refcnt`. */
  declare ob_refcnt: number;
  /** The simulated address; `id()` returns it. */
  declare addr: number;
  /** Bytes the allocator handed out for the object (GC header included). */
  declare allocSize: number;
  /** Bytes of separately allocated storage (a list's `ob_item`), for the heap limit. */
  declare extraBytes: number;
  /** True once `tp_dealloc` has freed the object (for the invariant checker). */
  declare freed: boolean;
  /** PEP 683 immortal: counts never change (3.12+), or a static object of the interpreter. */
  declare immortal: boolean;

  // --- PyGC_Head (meaningful only when the type has Py_TPFLAGS_HAVE_GC) ---
  /** Whether the collector tracks the object (`_PyObject_GC_IS_TRACKED`). */
  declare gc_tracked: boolean;
  /** The generation list the object is in (0, 1, 2; 3 = permanent, after `gc.freeze`). */
  declare gc_generation: number;
  /** `gc_refs`, scratch space of a collection. */
  declare gc_refs: number;
  /** Doubly linked generation list (`_gc_prev`/`_gc_next`). */
  declare gc_prev: PyObject | null;
  declare gc_next: PyObject | null;
  /** PEP 442: `tp_finalize` already ran (`_PyGC_FINALIZED`). */
  declare gc_finalized: boolean;

  /** Weak references to this object, newest first as in `tp_weaklistoffset` lists. */
  declare weakrefs: PyWeakref[] | null;

  /**
   * With `type`, sets the header as initNumberHeader() does (the kinds made
   * less often: types, modules, code…). Without it, the subclass calls one of
   * initNumberHeader() and its copies right after. The assignments stay here
   * either way: V8 sizes an object of a class from the `this.x =` assignments of
   * its constructors, and fields it did not count go to a separate array.
   */
  constructor(type?: PyTypeObject) {
    if (type === undefined) return;
    this.ob_type = type;
    this.ob_refcnt = 1;
    this.addr = 0;
    this.allocSize = 0;
    this.extraBytes = 0;
    this.freed = false;
    this.immortal = false;
    this.gc_tracked = false;
    this.gc_generation = 0;
    this.gc_refs = 0;
    this.gc_prev = null;
    this.gc_next = null;
    this.gc_finalized = false;
    this.weakrefs = null;
  }

  /** `tp_traverse`: visit every strong reference this object holds. */
  abstract tp_traverse(visit: Visit): void;

  /**
   * The references `tp_dealloc` releases, in the order CPython releases them,
   * after detaching them from the object. The refcount cascade drops them.
   */
  abstract releaseForDealloc(out: PyObject[]): void;

  /**
   * `tp_clear`: break the references that can form cycles, as the collector's
   * `delete_garbage` does, returning them for the caller to drop. Types without
   * `tp_clear` (tuples, code) return nothing.
   */
  tp_clear(out: PyObject[]): void {
    void out;
  }
}

/** None, NotImplemented, Ellipsis: static singletons that hold nothing. */
export class PySingleton extends PyObject {
  constructor(type: PyTypeObject, readonly name: string) {
    super(type);
  }
  tp_traverse(): void {}
  releaseForDealloc(): void {}
}

/**
 * `int` (and `bool`, whose instances are the two ints True and False).
 *
 * NON-SPEC representation: an int that is a safe JS integer (|v| < 2**53,
 * nearly every int a program makes) is held as a number in `num`, so the
 * arithmetic fast paths need no BigInt; `value`, the exact bigint, is made
 * from it on first use. Larger ints hold their bigint and `num` is NaN.
 */
export class PyInt extends PyObject {
  /** The value when it is a safe integer, else NaN. */
  readonly num: number;
  private big: bigint | null;
  constructor(type: PyTypeObject, value: bigint | number) {
    super();
    initNumberHeader(this, type);
    if (typeof value === 'number') {
      this.num = value;
      this.big = null;
    } else {
      this.num = value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : NaN;
      this.big = value;
    }
  }
  /** The exact value. */
  get value(): bigint {
    return (this.big ??= BigInt(this.num));
  }
  tp_traverse(): void {}
  releaseForDealloc(): void {}
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** `float`. */
export class PyFloat extends PyObject {
  constructor(type: PyTypeObject, readonly value: number) {
    super();
    initNumberHeader(this, type);
  }
  tp_traverse(): void {}
  releaseForDealloc(): void {}
}

/** Interning state of a str (`SSTATE_*`). */
export const enum InternState {
  NotInterned = 0,
  Interned = 1,
  InternedImmortal = 2,
}

/** `str`. `value` is the JS string (UTF-16); Python's length counts code points. */
export class PyStr extends PyObject {
  /** Cached `hash()`, computed on first use as CPython caches it. */
  hash: bigint | null = null;
  interned: InternState = InternState.NotInterned;
  /** Length in code points (what `len()` returns). */
  readonly length: number;
  /** Largest code point; decides the compact representation (ASCII, latin-1, UCS-2, UCS-4). */
  readonly maxChar: number;
  constructor(type: PyTypeObject, readonly value: string) {
    super();
    initNumberHeader(this, type);
    // Without surrogates (the usual case) code points are the UTF-16 code units.
    let max = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c > max) max = c;
    }
    let n = value.length;
    if (max >= 0xd800 && /[\ud800-\udfff]/.test(value)) {
      n = 0;
      max = 0;
      for (const ch of value) {
        n++;
        const c = ch.codePointAt(0)!;
        if (c > max) max = c;
      }
    }
    this.length = n;
    this.maxChar = max;
  }
  tp_traverse(): void {}
  releaseForDealloc(): void {}
}

/** `bytes`. */
export class PyBytes extends PyObject {
  hash: bigint | null = null;
  constructor(type: PyTypeObject, readonly value: Uint8Array) {
    super();
    initNumberHeader(this, type);
  }
  tp_traverse(): void {}
  releaseForDealloc(): void {}
}

/** `tuple`. Items are released last to first, as `tupledealloc` does. */
export class PyTuple extends PyObject {
  /** `ob_size` at creation; kept after deallocation empties `items` (the free list is per size). */
  readonly allocatedLength: number;
  constructor(type: PyTypeObject, public items: PyObject[]) {
    super();
    initContainerHeader(this, type);
    this.allocatedLength = items.length;
  }
  /** Mirrors tupletraverse(): items last to first. */
  tp_traverse(visit: Visit): void {
    for (let i = this.items.length - 1; i >= 0; i--) visit(this.items[i]!);
  }
  releaseForDealloc(out: PyObject[]): void {
    for (let i = this.items.length - 1; i >= 0; i--) out.push(this.items[i]!);
    this.items = [];
  }
}

/** `list`. `allocated` mirrors `ob_alloc` for `sys.getsizeof`. */
export class PyList extends PyObject {
  private _allocated = 0;
  /** Told when `ob_item` is resized, so the simulated heap counts it. */
  onResize: ((list: PyList, allocated: number) => void) | null = null;
  constructor(type: PyTypeObject, public items: PyObject[], allocated = items.length) {
    super();
    initContainerHeader(this, type);
    this._allocated = allocated;
  }
  /** `allocated`: the capacity of `ob_item`. */
  get allocated(): number {
    return this._allocated;
  }
  set allocated(n: number) {
    this._allocated = n;
    if (this.onResize) this.onResize(this, n);
  }
  /** The `__dict__` of an instance of a heap subclass (made by the first attribute store). */
  dict: PyDict | null = null;
  /** Mirrors list_traverse(): items last to first (after subtype_traverse()'s dict and type). */
  tp_traverse(visit: Visit): void {
    subtypeTraverse(this, this.dict, visit);
    for (let i = this.items.length - 1; i >= 0; i--) visit(this.items[i]!);
  }
  /**
   * Mirrors Objects/listobject.c list_dealloc(): items are released last to
   * first. For a subclass, subtype_dealloc() clears the `__dict__` before
   * calling list_dealloc() and drops the type after it.
   */
  releaseForDealloc(out: PyObject[]): void {
    this.tp_clear(out);
    if (this.ob_type.isHeapType) out.push(this.ob_type);
  }
  /** Mirrors subtype_clear() (the `__dict__`), then _list_clear(): items released last to first. */
  override tp_clear(out: PyObject[]): void {
    takeSubtypeDict(this, out);
    this.clearItems(out);
  }
  private clearItems(out: PyObject[]): void {
    for (let i = this.items.length - 1; i >= 0; i--) out.push(this.items[i]!);
    this.items = [];
    this.allocated = 0;
  }
}

/**
 * One entry of a dict's entries array (`PyDictKeyEntry`). A deleted entry
 * keeps its slot with `key === null` until the next resize (`DKIX_DUMMY`).
 */
export interface DictEntry {
  key: PyObject | null;
  value: PyObject | null;
  hash: bigint;
}

/** `dict`: an insertion-ordered entries array plus a hash index. */
export class PyDict extends PyObject {
  constructor(type: PyTypeObject) {
    super();
    initContainerHeader(this, type);
  }
  entries: DictEntry[] = [];
  /**
   * hash -> the index into `entries` of the live entry with that hash, or the
   * indices when several share it (NON-SPEC: no array per entry in the common case).
   */
  index = new Map<bigint, number | number[]>();
  /** Number of live entries (`ma_used`). */
  used = 0;
  /** log2 of the keys table size (`dk_log2_size`), for sizes and resize timing. */
  log2Size = 3;
  /** Entries still usable before a resize (`dk_usable`). */
  usable = 5;
  /**
   * Whether the table holds str keys only (3.11+ `DICT_KEYS_UNICODE` tables are
   * smaller; up to 3.10 its `dk_lookup` is not `lookdict`): a non-str key makes it
   * general until the dict is emptied, even once that key is deleted.
   */
  unicodeKeys = true;
  /** Bumped on every change of size during iteration checks (`ma_version_tag`-like). */
  version = 0;
  /** NON-SPEC: the dict is a type's `tp_dict`; changing it calls `typeDictsChanged()`. */
  isTypeDict = false;
  /** The `__dict__` of an instance of a heap subclass (made by the first attribute store). */
  dict: PyDict | null = null;
  /**
   * 3.13 (`ma_values->embedded`): the values are an instance's inline values, which the
   * instance traverses; set by the runtime when it makes such a dict, cleared when the
   * dict gets a table of its own (a resize) or the instance lets go of it.
   */
  embedded = false;
  /**
   * Mirrors dict_traverse() (after subtype_traverse()'s dict and type): embedded
   * values are not visited; a table of str keys only (3.11+ `DK_IS_UNICODE`, up
   * to 3.10 any `dk_lookup` but `lookdict`) or a split table visits the values
   * alone; another table each value, then its key.
   */
  tp_traverse(visit: Visit): void {
    subtypeTraverse(this, this.dict, visit);
    if (this.embedded) return;
    const keys = !this.unicodeKeys;
    for (const e of this.entries) {
      if (e.key === null) continue;
      visit(e.value!);
      if (keys) visit(e.key);
    }
  }
  /**
   * Mirrors dict_dealloc()/free_keys_object(): each entry's key then value, in
   * order. For a subclass, subtype_dealloc() clears the `__dict__` before
   * calling dict_dealloc() and drops the type after it.
   */
  releaseForDealloc(out: PyObject[]): void {
    takeSubtypeDict(this, out);
    this.clearEntries(out);
    if (this.ob_type.isHeapType) out.push(this.ob_type);
  }
  /** Mirrors subtype_clear() (the `__dict__`), then dict_tp_clear(). */
  override tp_clear(out: PyObject[]): void {
    takeSubtypeDict(this, out);
    this.clearEntries(out);
    this.log2Size = 3;
    this.usable = 5;
  }
  private clearEntries(out: PyObject[]): void {
    if (this.isTypeDict) typeDictsChanged();
    for (const e of this.entries) {
      if (e.key === null) continue;
      out.push(e.key, e.value!);
    }
    this.entries = [];
    this.index.clear();
    this.used = 0;
  }
}

/** One slot of a set's table. */
export interface SetEntry {
  key: PyObject;
  hash: bigint;
}

/** `set` and `frozenset`. */
export class PySet extends PyObject {
  constructor(type: PyTypeObject) {
    super();
    initContainerHeader(this, type);
  }
  /** Live entries in table order (the order iteration sees). */
  entries: SetEntry[] = [];
  /** The table's slot count minus one (`mask`), for sizes. */
  mask = 7;
  hash: bigint | null = null;
  /** The `__dict__` of an instance of a heap subclass (made by the first attribute store). */
  dict: PyDict | null = null;
  /** Mirrors set_traverse() (after subtype_traverse()'s dict and type). */
  tp_traverse(visit: Visit): void {
    subtypeTraverse(this, this.dict, visit);
    for (const e of this.entries) visit(e.key);
  }
  /** Mirrors set_dealloc(); for a subclass, subtype_dealloc() clears the `__dict__` first and drops the type last. */
  releaseForDealloc(out: PyObject[]): void {
    this.tp_clear(out);
    if (this.ob_type.isHeapType) out.push(this.ob_type);
  }
  /** Mirrors subtype_clear() (the `__dict__`), then set_clear_internal(). */
  override tp_clear(out: PyObject[]): void {
    takeSubtypeDict(this, out);
    this.clearEntries(out);
  }
  private clearEntries(out: PyObject[]): void {
    for (const e of this.entries) out.push(e.key);
    this.entries = [];
  }
}

/** A weak reference (`PyWeakReference`): `weakref.ref` or a proxy. */
export class PyWeakref extends PyObject {
  hash: bigint | null = null;
  constructor(
    type: PyTypeObject,
    /** `wr_object`: borrowed; null once cleared. */
    public target: PyObject | null,
    /** `wr_callback`: a strong reference, or null. */
    public callback: PyObject | null,
  ) {
    super(type);
  }
  tp_traverse(visit: Visit): void {
    if (this.callback) visit(this.callback);
  }
  /** Mirrors weakref_dealloc(): unlinks itself from the referent's list, drops the callback. */
  releaseForDealloc(out: PyObject[]): void {
    const list = this.target?.weakrefs;
    if (list) {
      const i = list.indexOf(this);
      if (i >= 0) list.splice(i, 1);
    }
    this.target = null;
    if (this.callback) out.push(this.callback);
    this.callback = null;
  }
  override tp_clear(out: PyObject[]): void {
    this.releaseForDealloc(out);
  }
}
