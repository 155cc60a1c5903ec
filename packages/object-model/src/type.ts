/**
 * Type objects (`PyTypeObject`). Mirrors Include/cpython/object.h and
 * Objects/typeobject.c: a static (built-in) type is immortal and holds
 * nothing the collector sees; a heap type (a `class` statement) is a GC
 * object that holds its dict, bases and MRO (which contains itself, so every
 * class is part of a cycle).
 */
import { PyObject, typeDictsChanged, type Visit } from './object';
import type { PyDict, PyTuple } from './object';

/** `Py_TPFLAGS_*` bits pymem uses. */
export const TPFLAGS = {
  HEAPTYPE: 1 << 9,
  BASETYPE: 1 << 10,
  HAVE_GC: 1 << 14,
  /** 3.12 `Py_TPFLAGS_MANAGED_DICT`: the instance dict lives before the object. */
  MANAGED_DICT: 1 << 4,
  LONG_SUBCLASS: 1 << 24,
  LIST_SUBCLASS: 1 << 25,
  TUPLE_SUBCLASS: 1 << 26,
  BYTES_SUBCLASS: 1 << 27,
  UNICODE_SUBCLASS: 1 << 28,
  DICT_SUBCLASS: 1 << 29,
  BASE_EXC_SUBCLASS: 1 << 30,
  TYPE_SUBCLASS: 1 << 31,
} as const;

/** A type object. */
export class PyTypeObject extends PyObject {
  tp_flags: number;
  tp_base: PyTypeObject | null;
  /** `tp_bases` (heap types: a tuple of the bases). */
  tp_bases: PyTuple | null = null;
  /** `tp_mro`: the method resolution order, a tuple starting with the type itself. */
  tp_mro: PyTuple | null = null;
  /** `tp_dict`: the type's attributes. */
  tp_dict: PyDict | null = null;
  /** `__slots__` names of this type (heap types that declared them). */
  ht_slots: string[] | null = null;
  /** `ht_slots`: the sorted, mangled slot names as the tuple type_new() keeps (null: no `__slots__`). */
  ht_slotsTuple: PyTuple | null = null;
  /**
   * `tp_subclasses`: a dict of weak references to the direct subclasses, keyed by
   * their address (`add_subclass`); made by the first subclass. Not traversed.
   */
  tp_subclasses: PyDict | null = null;
  /** Whether instances carry a `__dict__` (`tp_dictoffset != 0`). */
  instancesHaveDict = false;
  /** Whether instances accept weak references (`tp_weaklistoffset != 0`). */
  instancesHaveWeakrefs = false;
  /** `ht_qualname`. */
  qualname: string;
  /** `__module__` of a heap type. */
  moduleName = 'builtins';
  /**
   * The runtime's own data for this type (method tables, slot functions).
   * Opaque here: the python package owns it.
   */
  runtime: unknown = null;
  /**
   * Whether the type's `tp_dealloc` is wrapped in `Py_TRASHCAN_BEGIN`/`END`
   * (lists, tuples, dicts, instances, frames, tracebacks), which bounds the
   * nesting of deallocations and defers deeper ones.
   */
  usesTrashcan = false;
  /** Whether the type has a `tp_finalize` (a `__del__` method, PEP 442). */
  hasFinalizer = false;
  /**
   * Whether `tp_dealloc` clears the weak references (calling their callbacks)
   * before the finalizer runs, as Objects/genobject.c gen_dealloc() does,
   * rather than after it, as subtype_dealloc() does.
   */
  clearsWeakRefsBeforeFinalizer = false;
  /**
   * Whether instances of exactly this type may use a type-specific free list
   * (the runtime sets it; `Heap.freeListOf` says which list). Lets the heap
   * skip the question for every other type.
   */
  hasFreeList = false;
  /**
   * Whether `tp_dealloc` of exactly this type only gives the memory back:
   * instances hold no references, take no weak references, have no
   * finalizer and are not GC objects (int_dealloc, float_dealloc,
   * unicode_dealloc, bytes' object_dealloc). `Py_DECREF` frees them at once,
   * without the deallocation cascade (the runtime sets it).
   */
  deallocOnlyFrees = false;
  /** Cached linearised MRO as JS types, valid while `tp_mro` is unchanged. */
  mroCache: PyTypeObject[] = [];
  /**
   * NON-SPEC: `_PyType_Lookup` results by name (null: not found), valid while
   * `typeDictsVersionNow()` equals `lookupVersion`.
   */
  lookupCache: Map<string, PyObject | null> | null = null;
  lookupVersion = -1;

  constructor(
    metatype: PyTypeObject | null,
    /** `tp_name` */
    public tp_name: string,
    opts: {
      base?: PyTypeObject | null;
      flags?: number;
      basicsize?: number;
      itemsize?: number;
    } = {},
  ) {
    // `type` is its own metatype; it is patched in after construction.
    super(metatype ?? (null as unknown as PyTypeObject));
    this.tp_base = opts.base ?? null;
    this.tp_flags = opts.flags ?? TPFLAGS.BASETYPE;
    this.tp_basicsize = opts.basicsize ?? 16;
    this.tp_itemsize = opts.itemsize ?? 0;
    this.qualname = tp_name;
  }

  tp_basicsize: number;
  tp_itemsize: number;

  /** Whether instances are GC objects (`PyType_IS_GC`). */
  get isGC(): boolean {
    return (this.tp_flags & TPFLAGS.HAVE_GC) !== 0;
  }

  /** Whether this is a heap type (made by a `class` statement). */
  get isHeapType(): boolean {
    return (this.tp_flags & TPFLAGS.HEAPTYPE) !== 0;
  }

  /** `PyType_IsSubtype`. */
  isSubtype(other: PyTypeObject): boolean {
    if (this === other) return true;
    if (this.mroCache.length > 0) return this.mroCache.includes(other);
    for (let t: PyTypeObject | null = this.tp_base; t; t = t.tp_base) if (t === other) return true;
    return false;
  }

  /** Mirrors type_traverse(): dict, MRO, bases, base (heap types only). */
  tp_traverse(visit: Visit): void {
    if (!this.isHeapType) return;
    if (this.tp_dict) visit(this.tp_dict);
    if (this.tp_mro) visit(this.tp_mro);
    if (this.tp_bases) visit(this.tp_bases);
    if (this.tp_base) visit(this.tp_base);
  }

  /** Mirrors type_dealloc(): base, dict, bases, mro, subclasses (then names and slots). */
  releaseForDealloc(out: PyObject[]): void {
    if (this.tp_base) out.push(this.tp_base);
    if (this.tp_dict) out.push(this.tp_dict);
    if (this.tp_bases) out.push(this.tp_bases);
    if (this.tp_mro) out.push(this.tp_mro);
    if (this.tp_subclasses) out.push(this.tp_subclasses);
    if (this.ht_slotsTuple) out.push(this.ht_slotsTuple);
    this.tp_base = null;
    this.tp_dict = null;
    this.tp_bases = null;
    this.tp_mro = null;
    this.tp_subclasses = null;
    this.ht_slotsTuple = null;
  }

  /** Mirrors type_clear(): clears the dict and the MRO (which breaks the self-cycle). */
  override tp_clear(out: PyObject[]): void {
    if (this.tp_dict) {
      this.tp_dict.tp_clear(out);
    }
    if (this.tp_mro) out.push(this.tp_mro);
    this.tp_mro = null;
    this.mroCache = [];
    typeDictsChanged();
  }
}
