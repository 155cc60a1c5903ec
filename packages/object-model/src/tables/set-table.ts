/**
 * CPython's set hash table, slot for slot, so that iteration order, `set.pop()`
 * and `sys.getsizeof(set)` come out as in CPython.
 *
 * Mirrors Objects/setobject.c (3.6–3.13): open addressing over `mask + 1`
 * slots of `{key, hash}`, LINEAR_PROBES (9) consecutive slots then the
 * perturbed probe `i = (i * 5 + 1 + perturb) & mask`, dummy entries (hash -1)
 * left by discards, and a table that starts as the 8-slot `smalltable`.
 */
import { atLeast, type PyVersion } from '../sizes/version.js';

/** `PySet_MINSIZE`: slots in the embedded small table. */
export const PySet_MINSIZE = 8;
/** `LINEAR_PROBES`. */
export const LINEAR_PROBES = 9;
/** `PERTURB_SHIFT`. */
export const PERTURB_SHIFT = 5n;
/** `sizeof(setentry)` on 64-bit: key pointer + hash. */
export const SETENTRY_SIZE = 16;

/** Version-dependent set behaviour. */
export interface SetTableProfile {
  /**
   * When an insert into an unused slot triggers a resize:
   * '2/3' (3.6: `fill*3 >= mask*2`) or '3/5' (3.7+: `fill*5 >= mask*3`).
   */
  readonly loadFactor: '2/3' | '3/5';
}

/** The set profile of a CPython version (verified on 3.6–3.13 with sys.getsizeof). */
export function setTableProfile(version: PyVersion): SetTableProfile {
  return { loadFactor: atLeast(version, 3, 7) ? '3/5' : '2/3' };
}

/** One slot: `key === EMPTY` unused, `key === DUMMY` deleted (hash -1). */
interface SetEntry<K> {
  key: K | typeof EMPTY | typeof DUMMY;
  hash: bigint;
}

const EMPTY: unique symbol = Symbol('NULL');
const DUMMY: unique symbol = Symbol('dummy');

/** Key equality (CPython's `PyObject_RichCompareBool(a, b, Py_EQ)`); identity is checked first. */
export type KeyEq<K> = (a: K, b: K) => boolean;

/**
 * A set's table. Keys are opaque; the caller supplies each key's hash
 * (a `Py_hash_t` bigint) and an equality callback.
 */
export class SetTable<K> {
  /** `so->fill`: active + dummy slots. */
  fill = 0;
  /** `so->used`: active slots (`len(set)`). */
  used = 0;
  /** `so->mask`: slots - 1. */
  mask = PySet_MINSIZE - 1;
  /** `so->finger`: where `set.pop()` starts looking. */
  finger = 0;
  private table: SetEntry<K>[] = SetTable.newTable<K>(PySet_MINSIZE);

  constructor(
    readonly profile: SetTableProfile,
    private readonly eq: KeyEq<K> = (a, b) => a === b,
  ) {}

  private static newTable<K>(n: number): SetEntry<K>[] {
    const t: SetEntry<K>[] = new Array(n);
    for (let i = 0; i < n; i++) t[i] = { key: EMPTY, hash: 0n };
    return t;
  }

  /** True when the table is still the embedded 8-slot `smalltable`. */
  get isSmallTable(): boolean {
    return this.mask + 1 === PySet_MINSIZE;
  }

  /** Number of slots (`mask + 1`). */
  get tableSize(): number {
    return this.mask + 1;
  }

  private matches(entry: SetEntry<K>, key: K, hash: bigint): boolean {
    if (entry.hash !== hash || entry.key === EMPTY || entry.key === DUMMY) return false;
    return entry.key === key || this.eq(entry.key, key);
  }

  /** Mirrors set_lookkey() (3.7+): the slot holding `key`, or the unused slot ending the search. */
  private lookkey(key: K, hash: bigint): number {
    const mask = this.mask;
    let perturb = BigInt.asUintN(64, hash);
    let i = Number(perturb & BigInt(mask));
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      for (;;) {
        const entry = this.table[j] as SetEntry<K>;
        if (entry.key === EMPTY) return j;
        if (this.matches(entry, key, hash)) return j;
        if (probes-- === 0) break;
        j++;
      }
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
    }
  }

  /** True when `key` is in the set. Mirrors set_contains_entry(). */
  has(key: K, hash: bigint): boolean {
    const e = this.table[this.lookkey(key, hash)] as SetEntry<K>;
    return e.key !== EMPTY;
  }

  /**
   * Add `key`; returns false when it was already present. Mirrors
   * set_add_entry() (3.7+ probe order; the first dummy seen is reused).
   */
  add(key: K, hash: bigint): boolean {
    const mask = this.mask;
    let perturb = BigInt.asUintN(64, hash);
    let i = Number(perturb & BigInt(mask));
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      for (;;) {
        const entry = this.table[j] as SetEntry<K>;
        if (entry.key === EMPTY) {
          if (freeslot >= 0) {
            const f = this.table[freeslot] as SetEntry<K>;
            f.key = key;
            f.hash = hash;
            this.used++;
            return true;
          }
          // found_unused
          entry.key = key;
          entry.hash = hash;
          this.fill++;
          this.used++;
          if (this.needsResize()) this.tableResize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return true;
        }
        if (this.matches(entry, key, hash)) return false;
        if (entry.key === DUMMY && freeslot < 0) freeslot = j;
        if (probes-- === 0) break;
        j++;
      }
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
    }
  }

  private needsResize(): boolean {
    return this.profile.loadFactor === '3/5'
      ? this.fill * 5 >= this.mask * 3
      : this.fill * 3 >= this.mask * 2;
  }

  /** Mirrors set_insert_clean(): place a key known to be absent, no dummies present. */
  private insertClean(table: SetEntry<K>[], mask: number, key: K, hash: bigint): void {
    let perturb = BigInt.asUintN(64, hash);
    let i = Number(perturb & BigInt(mask));
    for (;;) {
      let entry = table[i] as SetEntry<K>;
      if (entry.key === EMPTY) {
        entry.key = key;
        entry.hash = hash;
        return;
      }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          entry = table[i + j] as SetEntry<K>;
          if (entry.key === EMPTY) {
            entry.key = key;
            entry.hash = hash;
            return;
          }
        }
      }
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
    }
  }

  /**
   * Rebuild into the smallest power-of-two table (>= 8) larger than `minused`,
   * re-inserting active keys in slot order. Mirrors set_table_resize().
   */
  tableResize(minused: number): void {
    let newsize = PySet_MINSIZE;
    while (newsize <= minused) newsize *= 2;
    const old = this.table;
    const table = SetTable.newTable<K>(newsize);
    for (const e of old) {
      if (e.key !== EMPTY && e.key !== DUMMY) this.insertClean(table, newsize - 1, e.key, e.hash);
    }
    this.table = table;
    this.mask = newsize - 1;
    this.fill = this.used;
  }

  /** Remove `key`, leaving a dummy; returns false when absent. Mirrors set_discard_entry(). */
  discard(key: K, hash: bigint): boolean {
    const e = this.table[this.lookkey(key, hash)] as SetEntry<K>;
    if (e.key === EMPTY) return false;
    e.key = DUMMY;
    e.hash = -1n;
    this.used--;
    return true;
  }

  /**
   * Remove and return an arbitrary key, scanning from `finger`; undefined when
   * empty (CPython raises KeyError 'pop from an empty set'). Mirrors set_pop() (3.7+).
   */
  pop(): K | undefined {
    if (this.used === 0) return undefined;
    let i = this.finger & this.mask;
    let e = this.table[i] as SetEntry<K>;
    while (e.key === EMPTY || e.key === DUMMY) {
      i++;
      if (i > this.mask) i = 0;
      e = this.table[i] as SetEntry<K>;
    }
    const key = e.key;
    e.key = DUMMY;
    e.hash = -1n;
    this.used--;
    this.finger = i + 1;
    return key;
  }

  /** Empty the set back to the 8-slot small table. Mirrors set_clear_internal(). */
  clear(): void {
    this.table = SetTable.newTable<K>(PySet_MINSIZE);
    this.mask = PySet_MINSIZE - 1;
    this.fill = 0;
    this.used = 0;
  }

  /**
   * Add every key of `other` (another set's table); returns the keys added. Mirrors set_merge() (3.6–3.13):
   * one resize up front to `(used + other.used) * 2` when needed; when this
   * table is empty and has no dummies, keys go in with set_insert_clean().
   */
  merge(other: SetTable<K>): K[] {
    if (other === this || other.used === 0) return [];
    this.reserve(other.used);
    const added: K[] = [];
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      // "just copy the pointers": the same slots
      for (let i = 0; i <= this.mask; i++) {
        const o = other.table[i] as SetEntry<K>;
        const e = this.table[i] as SetEntry<K>;
        e.key = o.key;
        e.hash = o.hash;
        if (o.key !== EMPTY) added.push(o.key as K);
      }
      this.fill = other.fill;
      this.used = other.used;
      return added;
    }
    if (this.fill === 0) {
      for (const o of other.table) {
        if (o.key === EMPTY || o.key === DUMMY) continue;
        this.insertClean(this.table, this.mask, o.key, o.hash);
        added.push(o.key);
      }
      this.fill = this.used = other.used;
      return added;
    }
    for (const o of other.table) {
      if (o.key !== EMPTY && o.key !== DUMMY && this.add(o.key, o.hash)) added.push(o.key);
    }
    return added;
  }

  /**
   * The one resize set_merge() and set_update_internal() (for a dict) make up
   * front before adding `incoming` keys, to `(used + incoming) * 2`.
   */
  reserve(incoming: number): void {
    const needs = this.profile.loadFactor === '3/5'
      ? (this.fill + incoming) * 5 >= this.mask * 3
      : (this.fill + incoming) * 3 >= this.mask * 2;
    if (needs) this.tableResize((this.used + incoming) * 2);
  }

  /** Keys in slot order: the set's iteration order. Mirrors set_next(). */
  *keys(): IterableIterator<K> {
    for (const e of this.table) if (e.key !== EMPTY && e.key !== DUMMY) yield e.key;
  }

  /** A snapshot of the slots for viewers: null = unused, 'dummy' = deleted. NON-SPEC. */
  slots(): ({ key: K; hash: bigint } | 'dummy' | null)[] {
    return this.table.map((e) =>
      e.key === EMPTY ? null : e.key === DUMMY ? 'dummy' : { key: e.key, hash: e.hash },
    );
  }

  /** Bytes of the out-of-line table (0 while on the small table), as set___sizeof__() adds. */
  get tableBytes(): number {
    return this.isSmallTable ? 0 : (this.mask + 1) * SETENTRY_SIZE;
  }
}
