/**
 * Dict operations on `PyDict` (Objects/dictobject.c): lookup by hash then
 * identity then `__eq__`, insertion order, the keys table's geometry (for
 * `sys.getsizeof`: resize, presize, copy, clear, key-sharing split tables for
 * instance dicts), and `MAINTAIN_TRACKING`: a dict is tracked by the collector
 * only once it holds a key or value that may be tracked.
 *
 * The keys table is described by the dict's `log2Size` (0 is the shared
 * `Py_EMPTY_KEYS`), `usable` (`dk_usable`), `entries.length` (`dk_nentries`,
 * deleted entries included) and `unicodeKeys` (3.11+ `DICT_KEYS_UNICODE`).
 * A split dict shares a class's keys (`ht_cached_keys`, a `SharedKeys` here).
 */
import { PyStr, type PyDict, type DictEntry, type PyObject, type PyTypeObject, tables, typeDictsChanged } from '@pymem/object-model';
import type { Runtime } from './runtime';

/** Hooks into the object protocol the dict needs (hash and equality may run Python code). */
export interface DictOps {
  hash(o: PyObject): bigint;
  eq(a: PyObject, b: PyObject): boolean;
}

const keysProfiles = new WeakMap<object, tables.DictKeysProfile>();
/** The last profile asked for and its keys-table profile: every dict store asks, nearly always for the same one. */
let lastProfile: object | null = null;
let lastKeysProfile: tables.DictKeysProfile | null = null;

/** The keys-table profile of the runtime's version (one per profile object). */
export function keysProfile(rt: Runtime): tables.DictKeysProfile {
  if (rt.profile === lastProfile) return lastKeysProfile!;
  let p = keysProfiles.get(rt.profile);
  if (!p) keysProfiles.set(rt.profile, (p = tables.dictKeysProfile(rt.profile.version)));
  lastProfile = rt.profile;
  lastKeysProfile = p;
  return p;
}

/**
 * A class's shared keys (`ht_cached_keys`, a `DICT_KEYS_SPLIT` table): the
 * attribute names in order and the table's geometry. `users` are the split
 * dicts that point at it; with the class's own reference they make `dk_refcnt`.
 */
export class SharedKeys {
  names: string[] = [];
  users = new Set<PyDict>();
  constructor(
    public log2Size: number,
    public usable: number,
  ) {}
  get nentries(): number {
    return this.names.length;
  }
  /** `dk_refcnt`: the class plus every live split dict using these keys. */
  refcnt(): number {
    let n = 1;
    for (const d of this.users) if (!d.freed && sharedOf.get(d) === this) n++;
    return n;
  }
}

/** Split dicts and the shared keys they use (`ma_values != NULL`). */
const sharedOf = new WeakMap<PyDict, SharedKeys>();
/** `CACHED_KEYS(tp)`; `null` once sharing was given up for the class (3.6–3.10). */
const cachedKeys = new WeakMap<PyTypeObject, SharedKeys | null>();

/** Whether `d` is a split (key-sharing) dict. */
export function dictIsSplit(d: PyDict): boolean {
  return sharedOf.has(d);
}

/** `_PyDict_NewKeysForClass`: 8 slots up to 3.10; 3.11+ up to 30 names, counted down per instance. */
function cachedKeysOf(rt: Runtime, type: PyTypeObject): SharedKeys | null {
  let sk = cachedKeys.get(type);
  if (sk === undefined) {
    const kp = keysProfile(rt);
    sk = kp.sharedKeysCountdown
      ? new SharedKeys(6, tables.SHARED_KEYS_MAX_SIZE)
      : new SharedKeys(tables.PyDict_LOG_MINSIZE, tables.usableFraction(tables.PyDict_MINSIZE));
    cachedKeys.set(type, sk);
  }
  return sk;
}

/**
 * What a class's shared keys add to `type.__sizeof__` (`_PyDict_KeysSize(ht_cached_keys)`):
 * nothing for a class whose instances have no `__dict__`, or once sharing was given up.
 */
export function cachedKeysSize(rt: Runtime, type: PyTypeObject): number {
  if (!type.instancesHaveDict) return 0;
  const sk = cachedKeysOf(rt, type);
  return sk ? tables.keysSize(keysProfile(rt), sk.log2Size, true) : 0;
}

/**
 * A new instance of a class whose instances have a `__dict__`. 3.11+:
 * `init_inline_values()` takes one off the shared keys' `dk_usable` (while it
 * is above 1). Call once per instance created.
 */
export function noteInstanceCreated(rt: Runtime, type: PyTypeObject): void {
  if (!keysProfile(rt).sharedKeysCountdown) return;
  const sk = cachedKeysOf(rt, type);
  if (sk && sk.usable > 1) sk.usable--;
}

/** 3.11+: an attribute stored in an instance's inline values adds its name to the shared keys. */
export function noteInlineAttribute(rt: Runtime, type: PyTypeObject, name: string): void {
  const sk = cachedKeysOf(rt, type);
  if (!sk || sk.names.includes(name)) return;
  if (sk.usable > 0) {
    sk.names.push(name);
    sk.usable--;
  }
}

/**
 * The `__dict__` of an instance: a split dict sharing the class's keys when
 * the class has them (`new_dict_with_shared_keys`, 3.6–3.10;
 * `make_dict_from_instance_attributes`, 3.11+), else `PyDict_New()`.
 */
export function newInstanceDict(rt: Runtime, type: PyTypeObject): PyDict {
  const d = rt.newDict();
  const sk = cachedKeysOf(rt, type);
  if (sk) linkSplit(d, sk);
  return d;
}

/**
 * NON-SPEC: the trace learns that `d`'s references changed (HeapTrace.changed).
 * Called where they change, before any reference is dropped (a finalizer
 * that runs then must see the dict as it is).
 */
function reportChanged(rt: Runtime, d: PyDict): void {
  const trace = rt.heap.trace;
  if (trace) trace.changed(d);
}

function linkSplit(d: PyDict, sk: SharedKeys): void {
  sharedOf.set(d, sk);
  sk.users.add(d);
  d.log2Size = sk.log2Size;
  d.usable = 0;
  d.unicodeKeys = true;
}

function unlinkSplit(d: PyDict): void {
  const sk = sharedOf.get(d);
  if (!sk) return;
  sharedOf.delete(d);
  sk.users.delete(d);
}

/** Whether an object may be tracked (`_PyObject_GC_MAY_BE_TRACKED`): only tuples are looked at. */
export function mayBeTracked(o: PyObject): boolean {
  if (!o.ob_type.isGC) return false;
  if (o.ob_type.tp_name === 'tuple' && !o.ob_type.isHeapType) return o.gc_tracked;
  return true;
}

/** Index of the live entry for `key`, or -1. */
export function dictLookup(ops: DictOps, d: PyDict, key: PyObject, hash: bigint): number {
  const bucket = d.index.get(hash);
  if (bucket === undefined) return -1;
  if (typeof bucket === 'number') {
    const k = d.entries[bucket]!.key;
    return k === key || (k !== null && ops.eq(k, key)) ? bucket : -1;
  }
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

/** Adds the live entry `d.entries[i]` to the index. */
function indexAdd(d: PyDict, hash: bigint, i: number): void {
  const b = d.index.get(hash);
  if (b === undefined) d.index.set(hash, i);
  else if (typeof b === 'number') d.index.set(hash, [b, i]);
  else b.push(i);
}

function reindex(d: PyDict): void {
  d.index.clear();
  d.entries.forEach((e, i) => {
    if (e.key !== null) indexAdd(d, e.hash, i);
  });
}

/**
 * Mirrors dictresize(): a new combined table of `1 << log2` slots holding the
 * live entries (deleted ones disappear); a split dict stops sharing.
 */
export function dictResize(rt: Runtime, d: PyDict, log2: number, unicode: boolean): void {
  const wasSplit = sharedOf.has(d);
  unlinkSplit(d);
  // A table of its own: embedded inline values are no longer used (`values->valid = 0`).
  d.embedded = false;
  if (d.entries.length !== d.used) {
    d.entries = d.entries.filter((e) => e.key !== null);
    reindex(d);
  }
  d.log2Size = log2;
  d.usable = tables.usableFraction(1 << log2) - d.used;
  const allStr = d.entries.every((e) => e.key instanceof PyStr && e.key.ob_type === rt.strType);
  d.unicodeKeys = unicode && (wasSplit || d.unicodeKeys || d.entries.length === 0) && allStr;
  // (Whether keys are visited follows unicodeKeys; embedded values become the dict's own.)
  reportChanged(rt, d);
}

/** Mirrors insertion_resize(): `dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)))`. */
function insertionResize(rt: Runtime, d: PyDict, unicode: boolean): void {
  const kp = keysProfile(rt);
  const sk = sharedOf.get(d);
  const log2 = sk ? sk.log2Size : d.log2Size;
  dictResize(rt, d, tables.log2Keysize(kp, tables.growthRate(kp, d.used, log2)), unicode);
}

function isExactStr(rt: Runtime, o: PyObject): boolean {
  return o.ob_type === rt.strType;
}

/**
 * A new key in a split dict: mirrors the split-table rules of insertdict().
 * Returns false when the dict had to become combined first.
 */
function splitInsertNew(rt: Runtime, d: PyDict, sk: SharedKeys, key: PyObject): boolean {
  const kp = keysProfile(rt);
  if (!isExactStr(rt, key)) {
    insertionResize(rt, d, false);
    return false;
  }
  const name = (key as PyStr).value;
  const ix = sk.names.indexOf(name);
  if (kp.sharedKeysCountdown) {
    // 3.11+: insertion order is kept per dict; only a full table splits off.
    if (ix >= 0) return true;
    if (sk.usable > 0) {
      sk.names.push(name);
      sk.usable--;
      return true;
    }
    insertionResize(rt, d, true);
    return false;
  }
  // 3.6–3.10: the shared order must match this dict's order.
  if (ix >= 0 ? ix !== d.used : d.used !== sk.nentries || sk.usable <= 0) {
    insertionResize(rt, d, true);
    return false;
  }
  if (ix < 0) {
    sk.names.push(name);
    sk.usable--;
  }
  return true;
}

/**
 * `PyDict_SetItem`: steals nothing; increfs key and value, replaces (and
 * drops) an existing value.
 */
export function dictSetItem(rt: Runtime, ops: DictOps, d: PyDict, key: PyObject, value: PyObject, hash = ops.hash(key)): void {
  if (!d.isTypeDict) return insertItem(rt, ops, d, key, value, hash);
  // A lookup cached while the key was compared (Python code can run there) must not outlive the change.
  try {
    insertItem(rt, ops, d, key, value, hash);
  } finally {
    typeDictsChanged();
  }
}

/**
 * NON-SPEC: where an instruction last stored a name (STORE_NAME, STORE_GLOBAL), so
 * that storing to it again skips the lookup. It holds while the dict keeps the same
 * entries array (a resize makes a new one) and the entry its key (a deletion clears it).
 */
export interface StoreCache {
  readonly dict: PyDict;
  readonly entries: DictEntry[];
  readonly index: number;
  readonly key: PyObject;
}

/**
 * `dictSetItem` of a key that `c` says is present: replaces the value as insertdict()
 * does for an existing key. Returns false, changing nothing, when `c` no longer holds.
 */
export function dictReplaceCached(rt: Runtime, c: StoreCache | undefined, d: PyDict, value: PyObject): boolean {
  if (!c || c.dict !== d || c.entries !== d.entries || d.isTypeDict) return false;
  const e = c.entries[c.index]!;
  if (e.key !== c.key) return false;
  const heap = rt.heap;
  heap.incref(value);
  if (!d.gc_tracked && mayBeTracked(value)) rt.track(d);
  const old = e.value!;
  e.value = value;
  reportChanged(rt, d);
  heap.decref(old);
  return true;
}

/** The `StoreCache` of the str key `name` in `d`, for `dictReplaceCached`; undefined when it is absent (a finalizer deleted it). */
export function storeCacheOf(ops: { dictIndexStr(d: PyDict, name: string): number }, d: PyDict, name: string): StoreCache | undefined {
  const index = ops.dictIndexStr(d, name);
  return index < 0 ? undefined : { dict: d, entries: d.entries, index, key: d.entries[index]!.key! };
}

/** `insertdict`: the body of `dictSetItem`. */
function insertItem(rt: Runtime, ops: DictOps, d: PyDict, key: PyObject, value: PyObject, hash: bigint): void {
  const heap = rt.heap;
  const kp = keysProfile(rt);
  if (kp.unicodeKeysTables && d.unicodeKeys && !isExactStr(rt, key) && !sharedOf.has(d)) {
    // A presized table that is still empty was made for these keys (`_PyDict_FromItems`).
    if (d.log2Size > 0 && d.entries.length === 0) d.unicodeKeys = false;
    else if (d.log2Size > 0) insertionResize(rt, d, false);
  }
  const i = dictLookup(ops, d, key, hash);
  heap.incref(value);
  if (!d.gc_tracked && (mayBeTracked(value) || mayBeTracked(key))) rt.track(d);
  if (i >= 0) {
    const e = d.entries[i]!;
    const old = e.value!;
    e.value = value;
    reportChanged(rt, d);
    heap.decref(old);
    return;
  }
  const sk = sharedOf.get(d);
  if (!(sk && splitInsertNew(rt, d, sk, key))) {
    if (d.log2Size === 0) {
      // insert_to_emptydict(): the first real table.
      d.log2Size = tables.PyDict_LOG_MINSIZE;
      d.usable = tables.usableFraction(tables.PyDict_MINSIZE);
      d.unicodeKeys = isExactStr(rt, key);
      d.entries = [];
      d.index.clear();
    } else if (d.usable <= 0) {
      insertionResize(rt, d, true);
    }
    if (!isExactStr(rt, key)) d.unicodeKeys = false;
    d.usable--;
  }
  heap.incref(key);
  d.entries.push({ key, value, hash });
  indexAdd(d, hash, d.entries.length - 1);
  d.used++;
  d.version++;
  reportChanged(rt, d);
}

/**
 * `_PyObjectDict_SetItem` (3.6–3.10): an attribute store into an instance
 * dict. When the store made the dict give up its shared keys, the class
 * adopts the dict's new table as its shared keys if no other instance uses
 * the old one (`dk_refcnt == 1`), and stops sharing otherwise.
 */
export function instanceDictSetItem(rt: Runtime, ops: DictOps, type: PyTypeObject, d: PyDict, key: PyObject, value: PyObject): void {
  const before = sharedOf.get(d);
  dictSetItem(rt, ops, d, key, value);
  if (!before || sharedOf.has(d) || keysProfile(rt).sharedKeysCountdown) return;
  if (cachedKeys.get(type) !== before) return;
  if (before.refcnt() === 1 && d.entries.length === d.used && d.entries.every((e) => e.key !== null && isExactStr(rt, e.key))) {
    // make_keys_shared(): the dict's table becomes the class's shared keys.
    const sk = new SharedKeys(d.log2Size, d.usable);
    sk.names = d.entries.map((e) => (e.key as PyStr).value);
    cachedKeys.set(type, sk);
    linkSplit(d, sk);
  } else {
    cachedKeys.set(type, null);
  }
}

/** `PyDict_GetItem`: a borrowed reference or null. */
export function dictGetItem(ops: DictOps, d: PyDict, key: PyObject, hash = ops.hash(key)): PyObject | null {
  const i = dictLookup(ops, d, key, hash);
  return i >= 0 ? d.entries[i]!.value : null;
}

/** `PyDict_DelItem`: returns false when the key is missing. */
export function dictDelItem(rt: Runtime, ops: DictOps, d: PyDict, key: PyObject, hash = ops.hash(key)): boolean {
  if (!d.isTypeDict) return deleteItem(rt, ops, d, key, hash);
  try {
    return deleteItem(rt, ops, d, key, hash);
  } finally {
    typeDictsChanged();
  }
}

/** `delitem_common` after the lookup: the body of `dictDelItem`. */
function deleteItem(rt: Runtime, ops: DictOps, d: PyDict, key: PyObject, hash: bigint): boolean {
  let i = dictLookup(ops, d, key, hash);
  if (i < 0) return false;
  if (sharedOf.has(d) && !keysProfile(rt).sharedKeysCountdown) {
    // 3.6–3.10: deleting from a split table first makes it combined, same size.
    dictResize(rt, d, d.log2Size, true);
    i = dictLookup(ops, d, key, hash);
  }
  const e = d.entries[i]!;
  const k = e.key!;
  const v = e.value!;
  e.key = null;
  e.value = null;
  const b = d.index.get(hash)!;
  if (typeof b === 'number') d.index.delete(hash);
  else {
    b.splice(b.indexOf(i), 1);
    if (b.length === 1) d.index.set(hash, b[0]!);
  }
  d.used--;
  d.version++;
  reportChanged(rt, d);
  rt.heap.decref(k);
  rt.heap.decref(v);
  return true;
}

/** `PyDict_Clear`: drops every entry; the dict then shares `Py_EMPTY_KEYS`. */
export function dictClear(rt: Runtime, d: PyDict): void {
  if (d.isTypeDict) typeDictsChanged();
  const out: PyObject[] = [];
  for (const e of d.entries) if (e.key !== null) out.push(e.key, e.value!);
  unlinkSplit(d);
  d.entries = [];
  d.index.clear();
  d.used = 0;
  d.log2Size = 0;
  d.usable = 0;
  d.unicodeKeys = true;
  d.version++;
  reportChanged(rt, d);
  for (const o of out) rt.heap.decref(o);
}

/** Live entries in order. */
export function* dictItems(d: PyDict): Generator<{ key: PyObject; value: PyObject }> {
  for (const e of d.entries) if (e.key !== null) yield { key: e.key, value: e.value! };
}

/**
 * `_PyDict_NewPresized(n)` (BUILD_MAP, BUILD_CONST_KEY_MAP): 3.8+ n ≤ 5 is
 * `PyDict_New()`; otherwise a table for n entries. 3.11+ the table is
 * unicode until a non-str key arrives while it is still empty.
 */
export function dictNewPresized(rt: Runtime, n: number): PyDict {
  const kp = keysProfile(rt);
  const d = rt.newDict();
  if (kp.smallPresizeIsNew && n <= tables.usableFraction(tables.PyDict_MINSIZE)) return d;
  const log2 = n > tables.usableFraction(1 << 17) ? 17 : tables.estimateLog2Keysize(kp, n);
  dictResize(rt, d, log2, true);
  return d;
}

/** `dict()` (dict_new): 8 slots up to 3.9, `Py_EMPTY_KEYS` from 3.10; allocated by tp_alloc, not from the free list. */
export function dictNewForCall(rt: Runtime, type = rt.dictType): PyDict {
  const d = rt.genericAlloc(() => rt.newDict(type));
  if (!keysProfile(rt).dictCallSharesEmptyKeys && d.log2Size === 0) {
    d.log2Size = tables.PyDict_LOG_MINSIZE;
    d.usable = tables.usableFraction(tables.PyDict_MINSIZE);
  }
  return d;
}

/**
 * The one-big-resize at the start of `dict_merge()` when `other` (a dict with
 * `otherUsed` entries) is merged into `d`; and the 3.10+ clone of a dense
 * table into an empty dict. Returns true when the caller should copy entries
 * in order without any further resizing (the table was cloned).
 */
export function dictMergePresize(rt: Runtime, d: PyDict, other: PyDict): boolean {
  const kp = keysProfile(rt);
  if (other === d || other.used === 0) return false;
  if (kp.mergeClonesDense && d.used === 0 && !sharedOf.has(other) && other.used === other.entries.length
      && (other.log2Size === tables.PyDict_LOG_MINSIZE || tables.usableFraction((1 << other.log2Size) / 2) < other.used)) {
    cloneGeometry(d, other);
    return true;
  }
  const size = d.log2Size === 0 ? 1 : 1 << d.log2Size;
  // Up to 3.10 a resized table keeps its own kind (dictresize() carries `lookdict` over).
  const unicode = kp.unicodeKeysTables ? (sharedOf.has(other) || other.unicodeKeys) : true;
  if (kp.mergePresizeEstimate) {
    if (tables.usableFraction(size) < other.used) {
      dictResize(rt, d, tables.estimateLog2Keysize(kp, d.used + other.used), unicode);
    }
  } else if (d.usable * 3 < other.used * 2) {
    dictResize(rt, d, tables.log2Keysize(kp, (d.used + other.used) * 2), unicode);
  }
  return false;
}

function cloneGeometry(d: PyDict, other: PyDict): void {
  unlinkSplit(d);
  d.log2Size = other.log2Size;
  d.usable = other.usable + other.used;
  d.unicodeKeys = other.unicodeKeys;
}

/**
 * `PyDict_Copy(o)` geometry: returns a new empty dict shaped the way CPython
 * shapes the copy before filling it (split copy, clone of a dense table, or
 * `PyDict_New()` plus the merge presize). The caller inserts the entries.
 */
export function dictNewCopy(rt: Runtime, o: PyDict): PyDict {
  const kp = keysProfile(rt);
  if (o.used === 0 && kp.copyOfEmptyIsNew) return rt.newDict();
  const sk = sharedOf.get(o);
  if (sk) {
    const d = rt.newDict();
    linkSplit(d, sk);
    return d;
  }
  if (kp.copyClonesDense && o.used >= ((o.entries.length * 2) / 3 | 0)) {
    const d = rt.newDict();
    cloneGeometry(d, o);
    return d;
  }
  const d = rt.newDict();
  dictMergePresize(rt, d, o);
  return d;
}

/** `sys.getsizeof` of a dict (Objects/dictobject.c `_PyDict_SizeOf`), GC header included. */
export function dictSizeof(rt: Runtime, d: PyDict): number {
  const kp = keysProfile(rt);
  const sk = sharedOf.get(d);
  const split = sk
    ? { usableSlots: kp.sharedKeysCountdown ? sk.nentries + sk.usable : tables.usableFraction(1 << sk.log2Size) }
    : null;
  return rt.sizes.gcHeaderSize + tables.dictObjectSizeof(kp, { log2Size: d.log2Size, unicode: d.unicodeKeys }, split);
}
