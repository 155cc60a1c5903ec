/**
 * The simulated heap of one run: the allocator, the version profile, the
 * trace sink, and the two operations every reference store goes through,
 * `Py_INCREF` and `Py_DECREF` (Include/object.h). What happens when a count
 * reaches zero (`_Py_Dealloc`) belongs to the refcount package, and what
 * happens when a GC object is allocated or freed (generation counts) to the
 * gc package; both install themselves here.
 */
import type { TraceSink } from '@pymem/trace';
import { Allocator } from './allocator';
import type { PyObject } from './object';
import type { VersionProfile } from './profile';

/** Raised (as a JS exception) when the simulated heap would exceed `--max-memory`. */
export class HeapExhausted extends Error {
  constructor(readonly requested: number, readonly limit: number) {
    super(`simulated heap limit of ${limit} bytes reached`);
  }
}

/** Hooks the collector installs: the GC header's life cycle. */
export interface GCHooks {
  /** A GC object was allocated (`gc_alloc`/`_PyObject_GC_Link`: generation 0 counts up). */
  onAlloc(o: PyObject): void;
  /** A GC object is being freed (`PyObject_GC_Del`: generation 0 counts down). */
  onFree(o: PyObject): void;
  /** `_PyObject_GC_TRACK`: link into generation 0. */
  track(o: PyObject): void;
  /** `_PyObject_GC_UNTRACK`: unlink from its generation. */
  untrack(o: PyObject): void;
}

/** A free list an object belongs to: its key (type, and size for tuples) and capacity. */
export interface FreeListSlot {
  readonly key: string;
  readonly capacity: number;
  /** Not emptied by a full collection (a code object's zombie frame, ≤ 3.10). */
  readonly keptByCollections?: boolean;
}

/**
 * NON-SPEC: where the heap and the packages above it send trace events.
 * `refChanged` is the `incref`/`decref` event of `o`, made a call of its own
 * so that a traced run builds no event object for the most frequent event,
 * and its receiver gets the object without looking its address up.
 */
export interface HeapTrace extends TraceSink {
  /** The same as `event({ kind, id: o.addr, refcnt })`. */
  refChanged(kind: 'incref' | 'decref', o: PyObject, refcnt: number): void;
  /** The same as `event({ kind: 'alloc', id: o.addr, type, size, summary })`. */
  allocated(o: PyObject, size: number, summary: string): void;
  /** The same as `event({ kind: 'dealloc', id: o.addr })`. */
  deallocated(o: PyObject): void;
  /** The same as `event({ kind, id: o.addr, generation })`. */
  trackChanged(kind: 'track' | 'untrack', o: PyObject, generation: number): void;
  /**
   * The references `o` holds (what its `tp_traverse` visits), or its count,
   * changed at a store that takes no reference to `o` itself: a receiver that
   * learns of changed references only from the objects events name (the
   * interpreter's emitter) re-walks `o` at the next line. Containers call it
   * where they store or drop a reference (dict, tuple, cell), the
   * deallocator after `tp_dealloc` let go of an object's references, the
   * collector after `tp_clear`. No event of its own.
   */
  changed(o: PyObject): void;
}

/** A `HeapTrace` that sends everything to `sink` (a count change as its `ref`, or as an event). */
export function heapTrace(sink: TraceSink): HeapTrace {
  return {
    event: (e) => sink.event(e),
    refChanged: sink.ref ? (kind, o, refcnt) => sink.ref!(kind, o.addr, refcnt) : (kind, o, refcnt) => sink.event({ kind, id: o.addr, refcnt }),
    allocated: sink.alloc
      ? (o, size, summary) => sink.alloc!(o.addr, o.ob_type.tp_name, size, summary)
      : (o, size, summary) => sink.event({ kind: 'alloc', id: o.addr, type: o.ob_type.tp_name, size, summary }),
    deallocated: sink.dealloc ? (o) => sink.dealloc!(o.addr) : (o) => sink.event({ kind: 'dealloc', id: o.addr }),
    trackChanged: sink.track ? (kind, o, generation) => sink.track!(kind, o.addr, generation) : (kind, o, generation) => sink.event({ kind, id: o.addr, generation }),
    // A sink that only records sees the events; a change without one is nothing to it.
    changed: () => {},
  };
}

/** Summary of a value for trace events; the runtime provides it. */
export type Summarize = (o: PyObject) => string;

export class Heap {
  readonly allocator: Allocator;
  /** Where events go; null when tracing is off (the fast path). */
  trace: HeapTrace | null = null;
  /** `_Py_Dealloc`; installed by the refcount package. */
  dealloc: (o: PyObject) => void = () => {
    throw new Error('no deallocator installed: create the heap through @pymem/refcount');
  };
  /** Installed by the gc package. */
  gc: GCHooks | null = null;
  /** Short value summaries for trace events. */
  summarize: Summarize = (o) => o.ob_type.tp_name;
  /** Every live object, kept only when the invariant checker is on. */
  live: Set<PyObject> | null = null;
  /** The simulated-byte limit (`--max-memory`). */
  maxMemory = 1024 * 1024 * 1024;
  /**
   * Which type-specific free list an object's memory goes to and comes from
   * (`free_list`/`numfree` of Objects/listobject.c, dictobject.c,
   * tupleobject.c…), with the list's capacity; null for none. The runtime
   * decides per version (`freeing`: asked as the object is freed, else as
   * it is allocated). Memory on a free list is not given back to the
   * allocator, and taking it does not count as a GC allocation — which is
   * why `gc.get_count()` does not move for a list that reuses one. Asked
   * only for objects whose type has `hasFreeList`.
   */
  freeListOf: ((o: PyObject, freeing: boolean) => FreeListSlot | null) | null = null;
  private readonly freeLists = new Map<string, { addr: number; o: PyObject }[]>();
  /** Free lists a full collection must not empty (their slot said `keptByCollections`). */
  private readonly keptFreeLists = new Set<string>();

  constructor(readonly profile: VersionProfile) {
    this.allocator = new Allocator(profile);
  }

  /**
   * Gives a new object its memory and address. `size` is its full size,
   * GC header included (what `sys.getsizeof` reports); the address (`id()`)
   * points past the GC header, as `_PyObject_GC_Alloc` returns.
   */
  allocate<T extends PyObject>(o: T, size: number): T {
    const total = size;
    // The type is read once: every kind of object is its own JS class, so each
    // `o.ob_type` is a megamorphic load that V8 cannot merge with the next.
    const type = o.ob_type;
    const isGC = type.isGC;
    o.allocSize = total;
    const generic = this.nextAllocationIsGeneric;
    this.nextAllocationIsGeneric = false;
    const slot = !generic && type.hasFreeList && this.freeListOf ? this.freeListOf(o, false) : null;
    const reused = slot ? this.freeLists.get(slot.key)?.pop() : undefined;
    if (reused) {
      o.addr = reused.addr;
    } else {
      if (this.allocator.bytesInUse + total > this.maxMemory) throw new HeapExhausted(total, this.maxMemory);
      o.addr = this.allocator.malloc(total) + (isGC ? this.profile.gcHeaderSize : 0);
    }
    if (this.live) this.live.add(o);
    if (this.trace) this.trace.allocated(o, total, this.summarize(o));
    if (!reused && isGC && this.gc && !this.allocatingStatic) this.gc.onAlloc(o);
    return o;
  }

  /**
   * An object made at start-up that lives for the whole run without being
   * immortal in any version (a module: its count moves in 3.12+ too). Its
   * absolute count is not modelled, so it starts high enough never to reach
   * 0; like `allocateStatic`, it is no GC allocation of the program.
   */
  allocateLongLived<T extends PyObject>(o: T, size: number): T {
    this.allocatingStatic = true;
    try {
      this.allocate(o, size);
    } finally {
      this.allocatingStatic = false;
    }
    o.ob_refcnt = 1_000_000;
    return o;
  }

  /**
   * Set by a `tp_alloc` that never takes from a free list (PyType_GenericAlloc):
   * the next allocation, and only it, comes from the allocator — not what a
   * collection it starts allocates.
   */
  nextAllocationIsGeneric = false;

  /** Set while a start-up object is allocated (`allocateLongLived`, `allocateStatic`). */
  private allocatingStatic = false;

  /**
   * Makes a start-up object: immortal from 3.12; before, its count is large and not part of the contract.
   * CPython made it before the program ran (PyType_Ready, interpreter start-up), so even when the
   * model makes it later, on first use, it is no GC allocation of the program: generation 0 does not count it.
   */
  allocateStatic<T extends PyObject>(o: T, size: number): T {
    this.allocateLongLived(o, size);
    if (this.profile.immortalObjects) {
      o.immortal = true;
      o.ob_refcnt = this.profile.immortalRefcnt;
    }
    return o;
  }

  /**
   * Type-specific cleanup the runtime does as an object's memory is
   * returned (e.g. `unicode_dealloc` removing a mortal string from the
   * interned dict).
   */
  onFree: ((o: PyObject) => void) | null = null;

  /**
   * Resizes an object's separately allocated storage (`PyMem_Realloc` of a
   * list's `ob_item`), within the heap limit.
   */
  resizeExtra(o: PyObject, bytes: number): void {
    const delta = bytes - o.extraBytes;
    if (delta > 0 && this.allocator.bytesInUse + delta > this.maxMemory) throw new HeapExhausted(delta, this.maxMemory);
    this.allocator.bytesInUse += delta;
    o.extraBytes = bytes;
  }

  /** Returns a deallocated object's memory (`PyObject_Free`/`PyObject_GC_Del`). */
  free(o: PyObject): void {
    if (this.onFree) this.onFree(o);
    const extra = o.extraBytes;
    if (extra) {
      this.allocator.bytesInUse -= extra;
      o.extraBytes = 0;
    }
    const type = o.ob_type;
    const slot = type.hasFreeList && this.freeListOf ? this.freeListOf(o, true) : null;
    if (slot) {
      let list = this.freeLists.get(slot.key);
      if (!list) this.freeLists.set(slot.key, (list = []));
      if (slot.keptByCollections) this.keptFreeLists.add(slot.key);
      if (list.length < slot.capacity) {
        // The object goes on its type's free list: no PyObject_GC_Del, no count down.
        if (o.gc_tracked) this.gc?.untrack(o);
        o.freed = true;
        if (this.live) this.live.delete(o);
        if (this.trace) this.trace.deallocated(o);
        list.push({ addr: o.addr, o });
        return;
      }
    }
    this.release(o, type.isGC);
  }

  /** `PyObject_Free`/`PyObject_GC_Del` proper; `isGC`: whether the object's type has a GC header. */
  private release(o: PyObject, isGC: boolean): void {
    if (isGC && this.gc) this.gc.onFree(o);
    o.freed = true;
    if (this.live) this.live.delete(o);
    if (this.trace) this.trace.deallocated(o);
    this.allocator.free(o.addr - (isGC ? this.profile.gcHeaderSize : 0), o.allocSize);
  }

  /**
   * Empties every free list (`_PyGC_ClearAllFreeLists`, run by a full
   * collection): their memory goes back to the allocator, each block
   * counting down generation 0 as `PyObject_GC_Del` does.
   */
  clearFreeLists(): void {
    for (const [key, list] of this.freeLists) {
      if (this.keptFreeLists.has(key)) continue;
      for (const { o } of list) this.releaseFreeListBlock(o);
      list.length = 0;
    }
  }

  /** Gives a free list's block back: `PyObject_GC_Del` (the count goes down) or `PyObject_Free`. */
  private releaseFreeListBlock(o: PyObject): void {
    if (o.ob_type.isGC && this.gc) this.gc.onFree(o);
    this.allocator.free(o.addr - (o.ob_type.isGC ? this.profile.gcHeaderSize : 0), o.allocSize);
  }

  /** Frees the blocks of the free list `key` and forgets the list (its owner died). */
  dropFreeList(key: string): void {
    for (const { o } of this.freeLists.get(key) ?? []) this.releaseFreeListBlock(o);
    this.freeLists.delete(key);
    this.keptFreeLists.delete(key);
  }

  /** How many blocks the free list `key` holds. */
  freeListSize(key: string): number {
    return this.freeLists.get(key)?.length ?? 0;
  }

  /** `Py_INCREF`. */
  incref(o: PyObject): void {
    if (o.immortal) return;
    o.ob_refcnt++;
    if (this.trace) this.trace.refChanged('incref', o, o.ob_refcnt);
  }

  /** `Py_DECREF`: at zero the object is deallocated (`_Py_Dealloc`). */
  decref(o: PyObject): void {
    if (o.immortal) return;
    // The new count is kept in a local: every kind of object is its own JS class, so
    // each read of `ob_refcnt` here is a megamorphic property load.
    const refcnt = o.ob_refcnt - 1;
    o.ob_refcnt = refcnt;
    if (this.trace) this.trace.refChanged('decref', o, refcnt);
    if (refcnt === 0) {
      if (o.ob_type.deallocOnlyFrees) this.free(o);
      else this.dealloc(o);
    }
  }

  /** `Py_XDECREF`. */
  xdecref(o: PyObject | null | undefined): void {
    if (o) this.decref(o);
  }

  /** `Py_NewRef`: increments and returns the object, for stores that take a new reference. */
  newref<T extends PyObject>(o: T): T {
    this.incref(o);
    return o;
  }
}
