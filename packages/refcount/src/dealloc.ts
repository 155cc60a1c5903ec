/**
 * `_Py_Dealloc` and the deallocation cascade.
 *
 * When a count reaches zero, CPython calls the type's `tp_dealloc`, which
 * (for an instance, Objects/typeobject.c subtype_dealloc()) runs the
 * finalizer, clears weak references (calling their callbacks), releases the
 * object's references in a fixed order — each of which may deallocate
 * further objects, depth first — and finally frees the memory. Deep chains
 * are bounded by the trashcan (Include/cpython/object.h Py_TRASHCAN_BEGIN,
 * Objects/object.c _PyTrash_thread_deposit_object/_destroy_chain): past
 * `PyTrash_UNWIND_LEVEL` nested deallocations, an object is deposited on a
 * list and destroyed when the outermost deallocation returns.
 *
 * pymem runs the cascade on an explicit stack instead of the JavaScript call
 * stack (NON-SPEC: the order of events is CPython's; only the host recursion
 * is removed), so a million-node chain frees without overflowing.
 */
import { PyTypeObject, type Heap, type PyObject, type PyWeakref } from '@pymem/object-model';

/** `PyTrash_UNWIND_LEVEL`. */
export const TRASH_UNWIND_LEVEL = 50;

/** What the runtime does for the cascade: the parts that run Python code. */
export interface FinalizerHooks {
  /**
   * `tp_finalize`: runs `__del__` for an object whose type has one. The
   * object is temporarily resurrected while it runs (its count is 1).
   */
  callFinalizer(o: PyObject): void;
  /** `handle_callback`: calls a weakref's callback with the weakref. */
  callWeakrefCallback(wr: PyWeakref, callback: PyObject): void;
  /**
   * type_dealloc()'s remove_all_subclasses(): a dying class leaves its bases'
   * `tp_subclasses`, dropping the weak reference held there.
   */
  removeSubclass?(type: PyTypeObject): void;
  /** `PyTuple_New` for PyObject_ClearWeakRefs()'s pairs, taking the references (without it a plain array holds them). */
  newTuple?(items: PyObject[]): PyObject;
}

/** The cascade of one heap. */
export class Deallocator {
  /**
   * NON-SPEC: the deallocations in progress, innermost last, as parallel arrays
   * (no object per deallocation): the object, where its references start in
   * `work`, and the next of them to release.
   */
  private readonly objs: PyObject[] = [];
  private readonly starts: number[] = [];
  private readonly next: number[] = [];
  private readonly trashcans: boolean[] = [];
  /**
   * NON-SPEC: the references still to release, of every deallocation in
   * progress, each one's after its caller's (the innermost's run to the end).
   * Slot 0 is a placeholder, so the array never empties and V8 keeps its room.
   */
  private readonly work: (PyObject | null)[] = [null];
  /** `trash_delete_nesting`. */
  private trashNesting = 0;
  /** `trash_delete_later`: deposited objects, destroyed last in, first out. */
  private readonly trashLater: PyObject[] = [];

  constructor(private readonly heap: Heap, private readonly hooks: FinalizerHooks) {}

  /** `_Py_Dealloc`: called by `Py_DECREF` when the count reaches zero. */
  dealloc(o: PyObject): void {
    const base = this.objs.length;
    this.begin(o);
    this.run(base);
  }

  /** Runs deallocations above `base` until they are all done. */
  private run(base: number): void {
    const heap = this.heap;
    const work = this.work;
    const objs = this.objs;
    const next = this.next;
    while (objs.length > base) {
      const top = objs.length - 1;
      const i = next[top]!;
      if (i < work.length) {
        const child = work[i]!;
        next[top] = i + 1;
        if (child.immortal) continue;
        const refcnt = child.ob_refcnt - 1;
        child.ob_refcnt = refcnt;
        if (heap.trace) heap.trace.refChanged('decref', child, refcnt);
        if (refcnt === 0) {
          if (child.ob_type.deallocOnlyFrees) heap.free(child);
          else this.begin(child);
        }
        continue;
      }
      const obj = objs.pop()!;
      const start = this.starts.pop()!;
      next.pop();
      const trashcan = this.trashcans.pop()!;
      while (work.length > start) work.pop();
      heap.free(obj);
      if (trashcan) this.trashEnd();
    }
  }

  /**
   * The first half of a type's `tp_dealloc`: the trashcan check, the
   * finalizer (which may resurrect), weakref clearing; then the references
   * to release are appended to `work` for `run`.
   */
  private begin(o: PyObject): void {
    const type = o.ob_type;
    // PyObject_GC_UnTrack comes first in every tp_dealloc, before the trashcan.
    if (o.gc_tracked) this.heap.gc?.untrack(o);
    if (type.usesTrashcan) {
      if (this.trashNesting >= TRASH_UNWIND_LEVEL) {
        // _PyTrash_thread_deposit_object(): destroyed later, at the outermost level.
        this.trashLater.push(o);
        return;
      }
      this.trashNesting++;
    }
    if (type.clearsWeakRefsBeforeFinalizer && o.weakrefs && o.weakrefs.length > 0) this.clearWeakRefs(o);
    if (type.hasFinalizer && !o.gc_finalized) {
      // subtype_dealloc tracks the object again while its finalizer runs.
      if (type.isGC) this.heap.gc?.track(o);
      const dead = this.callFinalizerFromDealloc(o);
      if (!dead) {
        if (type.usesTrashcan) this.trashEnd();
        return; // resurrected (and still tracked)
      }
      if (o.gc_tracked) this.heap.gc?.untrack(o);
    }
    // type_dealloc() leaves its bases' subclass dicts before PyObject_ClearWeakRefs().
    if (o instanceof PyTypeObject && o.tp_bases) this.hooks.removeSubclass?.(o);
    if (o.weakrefs && o.weakrefs.length > 0) this.clearWeakRefs(o);
    const work = this.work;
    const start = work.length;
    o.releaseForDealloc(work as PyObject[]);
    // NON-SPEC: its references are gone before they are dropped, and Python code may run meanwhile.
    if (this.heap.trace && work.length !== start) this.heap.trace.changed(o);
    if (work.length === start) {
      // Nothing to release (an int, a float, a str…): free at once, as finishing its run would.
      this.heap.free(o);
      if (type.usesTrashcan) this.trashEnd();
      return;
    }
    this.objs.push(o);
    this.starts.push(start);
    this.next.push(start);
    this.trashcans.push(type.usesTrashcan);
  }

  /** `Py_TRASHCAN_END`: at the outermost level, destroy what was deposited. */
  private trashEnd(): void {
    this.trashNesting--;
    if (this.trashNesting > 0 || this.trashLater.length === 0) return;
    // _PyTrash_thread_destroy_chain(): each with the nesting raised by one.
    while (this.trashLater.length > 0) {
      const o = this.trashLater.pop()!;
      const base = this.objs.length;
      this.trashNesting++;
      this.begin(o);
      this.run(base);
      this.trashNesting--;
    }
  }

  /**
   * Mirrors Objects/object.c PyObject_CallFinalizerFromDealloc(): resurrect
   * temporarily, call `tp_finalize` once, and report whether the object is
   * still dead afterwards.
   */
  private callFinalizerFromDealloc(o: PyObject): boolean {
    o.ob_refcnt = 1;
    if (o.ob_type.isGC) o.gc_finalized = true;
    this.hooks.callFinalizer(o);
    // The temporary reference goes: a decref like any other (Python code may run before the object is freed).
    o.ob_refcnt--;
    if (this.heap.trace) this.heap.trace.refChanged('decref', o, o.ob_refcnt);
    return o.ob_refcnt === 0;
  }

  /**
   * Mirrors Objects/weakrefobject.c PyObject_ClearWeakRefs(): the basic ref and
   * proxy without callback at the head are cleared; up to 3.12 a single
   * remaining reference has its callback called directly; several (3.13: any)
   * are cleared first, their (reference, callback) pairs held in a new tuple
   * while the callbacks run in list order, and released with the tuple (last
   * item first).
   */
  clearWeakRefs(o: PyObject): void {
    const list = o.weakrefs!;
    o.weakrefs = null;
    const clear = (wr: PyWeakref): PyObject | null => {
      const cb = wr.callback;
      wr.target = null;
      wr.callback = null;
      if (this.heap.trace) this.heap.trace.event({ kind: 'weakref-cleared', weakref: wr.addr, target: o.addr, callback: cb !== null });
      return cb;
    };
    let first = 0;
    if (this.heap.profile.weakrefCallbacksAlwaysInTuple) {
      // 3.13: is_basic_ref_or_proxy() — no callback, and not an instance of a weakref subclass.
      while (first < list.length && list[first]!.callback === null && !list[first]!.ob_type.isHeapType) clear(list[first++]!);
    } else {
      while (first < list.length && first < 2 && list[first]!.callback === null) clear(list[first++]!);
    }
    const rest = list.slice(first);
    if (rest.length === 1 && !this.heap.profile.weakrefCallbacksAlwaysInTuple) {
      const wr = rest[0]!;
      const cb = clear(wr);
      if (cb) {
        if (wr.ob_refcnt > 0) this.hooks.callWeakrefCallback(wr, cb);
        this.heap.decref(cb);
      }
      return;
    }
    if (rest.length === 0) return;
    const items: PyObject[] = [];
    for (const wr of rest) {
      const cb = clear(wr);
      if (!cb) continue;
      if (wr.ob_refcnt > 0) {
        this.heap.incref(wr);
        items.push(wr, cb);
      } else {
        this.heap.decref(cb);
      }
    }
    const tuple = this.hooks.newTuple ? this.hooks.newTuple(items) : null;
    for (let i = 0; i < items.length; i += 2) this.hooks.callWeakrefCallback(items[i] as PyWeakref, items[i + 1]!);
    if (tuple) this.heap.decref(tuple);
    else for (let i = items.length - 1; i >= 0; i--) this.heap.decref(items[i]!);
  }
}

/**
 * Installs reference counting on a heap: from now on a count reaching zero
 * runs the cascade above. Returns the deallocator.
 */
export function installRefcounting(heap: Heap, hooks: FinalizerHooks): Deallocator {
  const d = new Deallocator(heap, hooks);
  heap.dealloc = (o) => d.dealloc(o);
  return d;
}
