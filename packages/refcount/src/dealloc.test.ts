import { describe, expect, it } from 'vitest';
import { Heap, PROFILES, PyInstance, PyList, PyTuple, PyTypeObject, PyWeakref, TPFLAGS, type PyObject } from '@pymem/object-model';
import { installRefcounting, TRASH_UNWIND_LEVEL, type FinalizerHooks } from './index';

/** A heap with refcounting and a recording of what the hooks saw. */
function setup(hooks: Partial<FinalizerHooks> = {}) {
  const heap = new Heap(PROFILES['3.12']);
  const freed: PyObject[] = [];
  const free = heap.free.bind(heap);
  heap.free = (o) => {
    freed.push(o);
    free(o);
  };
  installRefcounting(heap, { callFinalizer: () => {}, callWeakrefCallback: () => {}, ...hooks });
  const list = new PyTypeObject(null, 'list', { flags: TPFLAGS.HAVE_GC });
  list.usesTrashcan = true;
  const tuple = new PyTypeObject(null, 'tuple', { flags: TPFLAGS.HAVE_GC });
  tuple.usesTrashcan = true;
  const cls = new PyTypeObject(null, 'Node', { flags: TPFLAGS.HAVE_GC });
  cls.usesTrashcan = true;
  const weakref = new PyTypeObject(null, 'weakref', { flags: TPFLAGS.HAVE_GC });
  const mkList = (items: PyObject[]) => heap.allocate(new PyList(list, items), 56);
  const mkTuple = (items: PyObject[]) => heap.allocate(new PyTuple(tuple, items), 40 + 8 * items.length);
  const mkInst = () => heap.allocate(new PyInstance(cls, 1), 48);
  return { heap, freed, cls, weakref, mkList, mkTuple, mkInst };
}

describe('the deallocation cascade (_Py_Dealloc)', () => {
  it('frees a container after its items, releasing list items last to first', () => {
    const { heap, freed, mkList, mkTuple } = setup();
    const a = mkTuple([]);
    const b = mkTuple([]);
    const l = mkList([a, b]);
    heap.decref(l);
    expect(freed).toEqual([b, a, l]);
    expect(l.freed && a.freed && b.freed).toBe(true);
  });

  it('frees a chain of a million nodes without overflowing the JS stack (the trashcan)', () => {
    const { heap, freed, mkInst } = setup();
    let head: PyInstance | null = null;
    for (let i = 0; i < 1_000_000; i++) {
      const n = mkInst();
      n.slots[0] = head;
      head = n;
    }
    heap.decref(head!);
    expect(freed.length).toBe(1_000_000);
  }, 120_000); // a million simulated objects: well over the default 30 s when the machine is busy

  it('defers deallocations nested deeper than PyTrash_UNWIND_LEVEL, destroying them at the outermost level', () => {
    const { heap, freed, mkInst } = setup();
    const nodes: PyInstance[] = [];
    let head: PyInstance | null = null;
    for (let i = 0; i < TRASH_UNWIND_LEVEL + 10; i++) {
      const n = mkInst();
      n.slots[0] = head;
      head = n;
      nodes.push(n);
    }
    heap.decref(head!);
    // Depth first: the innermost nodes within the unwind level are freed first;
    // the node at the level was deposited and its part of the chain freed last.
    const depositedAt = nodes.length - 1 - TRASH_UNWIND_LEVEL;
    expect(freed.indexOf(nodes[depositedAt]!)).toBeGreaterThan(freed.indexOf(nodes[nodes.length - 1]!));
    expect(freed.length).toBe(nodes.length);
  });

  it('runs a finalizer once, and a finalizer that resurrects keeps the object alive', () => {
    const saved: PyObject[] = [];
    const { heap, freed, cls, mkInst } = setup({
      callFinalizer: (o) => {
        heap.incref(o);
        saved.push(o);
      },
    });
    cls.hasFinalizer = true;
    const o = mkInst();
    heap.decref(o);
    expect(saved).toEqual([o]);
    expect(o.freed).toBe(false);
    expect(o.ob_refcnt).toBe(1);
    expect(o.gc_finalized).toBe(true);
    heap.decref(o);
    expect(saved.length).toBe(1);
    expect(freed).toContain(o);
  });

  it('clears every weak reference first, then calls the callbacks in list order', () => {
    const calls: string[] = [];
    const { heap, weakref, mkInst, mkTuple } = setup({
      callWeakrefCallback: (wr) => calls.push(`${(wr as PyWeakref).target === null ? 'cleared' : 'live'}:${wr.addr === first.addr ? 1 : 2}`),
    });
    const o = mkInst();
    const cb1 = mkTuple([]);
    const cb2 = mkTuple([]);
    const first = heap.allocate(new PyWeakref(weakref, o, cb1), 80);
    const second = heap.allocate(new PyWeakref(weakref, o, cb2), 80);
    o.weakrefs = [second, first];
    heap.decref(o);
    expect(calls).toEqual(['cleared:2', 'cleared:1']);
    expect(first.target).toBeNull();
    expect(second.callback).toBeNull();
  });
});
