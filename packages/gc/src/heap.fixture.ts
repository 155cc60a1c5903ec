/**
 * Test fixture (not part of the package's API): a small heap with the
 * refcount cascade and the collector installed, built directly from
 * object-model kinds, and helpers to make the objects CPython's tests use.
 */
import {
  Heap,
  PROFILES,
  PyInstance,
  PyInt,
  PyList,
  PyDict,
  PyTuple,
  PyTypeObject,
  PyWeakref,
  PyNative,
  TPFLAGS,
  type PyObject,
  type VersionName,
} from '@pymem/object-model';
import { installRefcounting } from '@pymem/refcount';
import { installGC, type GCCallbackInfo, type GCState } from './index';

const GC_FLAGS = TPFLAGS.HAVE_GC | TPFLAGS.BASETYPE;

export interface Fixture {
  heap: Heap;
  gc: GCState;
  /** What the hooks saw: `del a`, `cb`, `start gen=1 collected=0 uncollectable=0` ... */
  log: string[];
  stderr: () => string;
  /** Names of objects for the log. */
  names: Map<PyObject, string>;
  /** Behaviour of `__del__` per object (default: log only). */
  onDel: Map<PyObject, () => void>;
  /** Behaviour of weakref callbacks per weakref. */
  onCallback: Map<PyWeakref, () => void>;
  types: { list: PyTypeObject; tuple: PyTypeObject; dict: PyTypeObject; int: PyTypeObject; weakref: PyTypeObject; native: PyTypeObject };
  list(items?: PyObject[], name?: string): PyList;
  tuple(items: PyObject[]): PyTuple;
  dict(entries: [PyObject, PyObject][]): PyDict;
  int(v: number): PyInt;
  /** A heap type (a `class` statement), with `__del__` when `finalizer`. */
  cls(name: string, finalizer: boolean, nslots: number): PyTypeObject;
  inst(type: PyTypeObject, name: string): PyInstance;
  /** Stores `value` in slot `i` of `o` (a new reference). */
  setSlot(o: PyInstance, i: number, value: PyObject | null): void;
  /** `weakref.ref(target, callback)`. */
  weakref(target: PyObject, callback: PyObject | null): PyWeakref;
  /** A callable placeholder (the weakref callback object). */
  native(): PyNative;
  append(l: PyList, o: PyObject): void;
  /** Drops a reference the test held (`del x`). */
  del(o: PyObject): void;
}

export function makeFixture(version: VersionName, opts: { clock?: () => number } = {}): Fixture {
  const heap = new Heap(PROFILES[version]);
  heap.live = new Set();
  const log: string[] = [];
  let err = '';
  const names = new Map<PyObject, string>();
  const onDel = new Map<PyObject, () => void>();
  const onCallback = new Map<PyWeakref, () => void>();
  const hooks = {
    callFinalizer(o: PyObject) {
      log.push(`del ${names.get(o) ?? o.ob_type.tp_name}`);
      onDel.get(o)?.();
    },
    callWeakrefCallback(wr: PyWeakref) {
      log.push(`cb ${names.get(wr) ?? 'weakref'}`);
      onCallback.get(wr)?.();
    },
    invokeCallbacks(phase: 'start' | 'stop', info: GCCallbackInfo) {
      log.push(`${phase} generation=${info.generation} collected=${info.collected} uncollectable=${info.uncollectable}`);
    },
    writeStderr(text: string) {
      err += text;
    },
    clock: opts.clock ?? (() => 0),
  };
  installRefcounting(heap, hooks);
  const gc = installGC(heap, hooks);

  const typeType = new PyTypeObject(null, 'type', { flags: GC_FLAGS | TPFLAGS.TYPE_SUBCLASS });
  typeType.ob_type = typeType;
  const staticType = (name: string, gcType: boolean) => {
    const t = new PyTypeObject(typeType, name, { flags: gcType ? GC_FLAGS : TPFLAGS.BASETYPE });
    t.immortal = true;
    t.ob_refcnt = 1 << 30;
    return t;
  };
  const types = {
    list: staticType('list', true),
    tuple: staticType('tuple', true),
    dict: staticType('dict', true),
    int: staticType('int', false),
    weakref: staticType('weakref.ReferenceType', true),
    native: staticType('builtin_function_or_method', true),
  };
  const track = (o: PyObject) => {
    gc.track(o);
    return o;
  };
  const f: Fixture = {
    heap,
    gc,
    log,
    stderr: () => err,
    names,
    onDel,
    onCallback,
    types,
    list(items = [], name) {
      for (const i of items) heap.incref(i);
      const l = heap.allocate(new PyList(types.list, items.slice()), 56);
      if (name) names.set(l, name);
      track(l);
      return l;
    },
    tuple(items) {
      for (const i of items) heap.incref(i);
      return track(heap.allocate(new PyTuple(types.tuple, items.slice()), 40 + 8 * items.length)) as PyTuple;
    },
    dict(entries) {
      const d = heap.allocate(new PyDict(types.dict), 64);
      for (const [k, v] of entries) {
        heap.incref(k);
        heap.incref(v);
        d.entries.push({ key: k, value: v, hash: 0n });
        d.used++;
      }
      return track(d) as PyDict;
    },
    int(v) {
      return heap.allocate(new PyInt(types.int, BigInt(v)), 28);
    },
    cls(name, finalizer, _nslots) {
      const t = new PyTypeObject(typeType, name, { flags: GC_FLAGS | TPFLAGS.HEAPTYPE });
      t.hasFinalizer = finalizer;
      t.usesTrashcan = true;
      t.instancesHaveWeakrefs = true;
      t.ob_refcnt = 1_000_000; // held by the module; never collected in these tests
      return t;
    },
    inst(type, name) {
      heap.incref(type);
      const o = heap.allocate(new PyInstance(type, 2), 48);
      names.set(o, name);
      track(o);
      return o;
    },
    setSlot(o, i, value) {
      const old = o.slots[i];
      if (value) heap.incref(value);
      o.slots[i] = value;
      if (old) heap.decref(old);
    },
    weakref(target, callback) {
      if (callback) heap.incref(callback);
      const wr = heap.allocate(new PyWeakref(types.weakref, target, callback), 64);
      (target.weakrefs ??= []).push(wr);
      track(wr);
      return wr;
    },
    native() {
      return track(heap.allocate(new PyNative(types.native, []), 48)) as PyNative;
    },
    append(l, o) {
      heap.incref(o);
      l.items.push(o);
    },
    del(o) {
      heap.decref(o);
    },
  };
  return f;
}
