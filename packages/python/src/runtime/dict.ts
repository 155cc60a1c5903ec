/**
 * Dict operations on `PyDict` (Objects/dictobject.c): lookup by hash then
 * identity then `__eq__`, insertion order, the growth of the keys table
 * (for `sys.getsizeof`), and `MAINTAIN_TRACKING`: a dict is tracked by the
 * collector only once it holds a value (or key) that may be tracked.
 */
import type { PyDict, PyObject } from '@pymem/object-model';
import type { Runtime } from './runtime';

/** Hooks into the object protocol the dict needs (hash and equality may run Python code). */
export interface DictOps {
  hash(o: PyObject): bigint;
  eq(a: PyObject, b: PyObject): boolean;
}

/** Whether an object may be tracked (`_PyObject_GC_MAY_BE_TRACKED`). */
export function mayBeTracked(o: PyObject): boolean {
  if (!o.ob_type.isGC) return false;
  if (o.ob_type.tp_name === 'tuple' || o.ob_type.tp_name === 'dict') return o.gc_tracked;
  return true;
}

/** Index of the live entry for `key`, or -1. */
export function dictLookup(ops: DictOps, d: PyDict, key: PyObject, hash: bigint): number {
  const bucket = d.index.get(hash);
  if (!bucket) return -1;
  for (const i of bucket) {
    const e = d.entries[i]!;
    if (e.key === key) return i;
  }
  for (const i of bucket) {
    const e = d.entries[i]!;
    if (e.key !== null && ops.eq(e.key, key)) return i;
  }
  return -1;
}

/** `USABLE_FRACTION`. */
function usableFraction(size: number): number {
  return ((size << 1) / 3) | 0;
}

/** Mirrors insertion_resize(): the table grows to fit `used * GROWTH_RATE`. */
function growIfNeeded(rt: Runtime, d: PyDict): void {
  if (d.usable > 0) return;
  const minor = rt.profile.version[1];
  const minsize = minor >= 8 ? d.used * 3 : d.used * 2 + (1 << d.log2Size) / 2;
  let log2 = 3;
  while (1 << log2 < minsize || usableFraction(1 << log2) <= d.used) log2++;
  d.log2Size = log2;
  d.usable = usableFraction(1 << log2) - d.used;
  // Compaction: deleted entries disappear on resize.
  if (d.entries.length !== d.used) {
    d.entries = d.entries.filter((e) => e.key !== null);
    d.index.clear();
    d.entries.forEach((e, i) => {
      const b = d.index.get(e.hash);
      if (b) b.push(i);
      else d.index.set(e.hash, [i]);
    });
  }
}

/**
 * `PyDict_SetItem`: steals nothing; increfs key and value, replaces (and
 * drops) an existing value.
 */
export function dictSetItem(rt: Runtime, ops: DictOps, d: PyDict, key: PyObject, value: PyObject, hash = ops.hash(key)): void {
  const heap = rt.heap;
  const i = dictLookup(ops, d, key, hash);
  heap.incref(value);
  if (!d.gc_tracked && (mayBeTracked(value) || mayBeTracked(key))) rt.track(d);
  if (i >= 0) {
    const e = d.entries[i]!;
    const old = e.value!;
    e.value = value;
    heap.decref(old);
    return;
  }
  growIfNeeded(rt, d);
  heap.incref(key);
  if (key.ob_type !== rt.t.str) d.unicodeKeys = false;
  d.entries.push({ key, value, hash });
  const b = d.index.get(hash);
  if (b) b.push(d.entries.length - 1);
  else d.index.set(hash, [d.entries.length - 1]);
  d.used++;
  d.usable--;
  d.version++;
}

/** `PyDict_GetItem`: a borrowed reference or null. */
export function dictGetItem(ops: DictOps, d: PyDict, key: PyObject, hash = ops.hash(key)): PyObject | null {
  const i = dictLookup(ops, d, key, hash);
  return i >= 0 ? d.entries[i]!.value : null;
}

/** `PyDict_DelItem`: returns false when the key is missing. */
export function dictDelItem(rt: Runtime, ops: DictOps, d: PyDict, key: PyObject, hash = ops.hash(key)): boolean {
  const i = dictLookup(ops, d, key, hash);
  if (i < 0) return false;
  const e = d.entries[i]!;
  const k = e.key!;
  const v = e.value!;
  e.key = null;
  e.value = null;
  const b = d.index.get(hash)!;
  b.splice(b.indexOf(i), 1);
  if (b.length === 0) d.index.delete(hash);
  d.used--;
  d.version++;
  rt.heap.decref(k);
  rt.heap.decref(v);
  return true;
}

/** Live entries in order. */
export function* dictItems(d: PyDict): Generator<{ key: PyObject; value: PyObject }> {
  for (const e of d.entries) if (e.key !== null) yield { key: e.key, value: e.value! };
}

/** `sys.getsizeof` of a dict (Objects/dictobject.c `_PyDict_SizeOf`). */
export function dictSizeof(rt: Runtime, d: PyDict): number {
  const minor = rt.profile.version[1];
  const gc = rt.sizes.gcHeaderSize;
  const size = 1 << d.log2Size;
  const base = minor >= 11 ? 48 : 48;
  if (d.used === 0 && d.log2Size === 3 && d.entries.length === 0 && d.usable === 5) {
    // The shared empty keys object is not counted.
    return gc + base;
  }
  const usable = usableFraction(size);
  const ixSize = size <= 0xff ? 1 : size <= 0xffff ? 2 : size <= 0xffffffff ? 4 : 8;
  if (minor >= 11) {
    const entrySize = d.unicodeKeys ? 16 : 24;
    return gc + base + 32 + ixSize * size + entrySize * usable;
  }
  return gc + base + (minor >= 8 ? 32 : 40) + ixSize * size + 24 * usable;
}
