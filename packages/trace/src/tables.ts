/**
 * Maps keyed by object address, shaped for how a trace uses them.
 *
 * `AddressMap` is a Map that survives address reuse. V8's Map (an ordered
 * hash table) leaves a deleted entry in its bucket's chain until the next
 * rehash, and adding the key again puts a new entry in front of it. A traced
 * run frees and reallocates the same few addresses over and over (the
 * allocator hands back the block just freed), so one bucket's chain grows by
 * a dead entry each time and every lookup in it walks them all: the cost of
 * an operation grew with the heap, and tracing gc_collect's heap of 100,000
 * lists did not finish in 10 minutes. `AddressMap` keeps a freed key, with
 * no value, so reallocating the address reuses its entry; it drops such keys
 * only when they outnumber the live ones.
 *
 * `AddressTable` is an AddressMap split into pages by address that can be
 * forked in time proportional to its number of pages: a fork shares every
 * page (and every value) with its original, and each of the two copies a
 * page, then a value, the first time it changes it after the fork. The
 * replay keeps forks as keyframes in memory; since a program's allocations
 * and changes cluster by address, consecutive keyframes share most pages.
 */

/** A Map from addresses that stays fast when addresses are freed and reused. Iterates in the order keys were first added. */
export class AddressMap<V> implements ReadonlyMap<number, V> {
  /** Freed keys map to undefined (values are never undefined). */
  private m = new Map<number, V | undefined>();
  private live = 0;
  private dead = 0;

  get size(): number {
    return this.live;
  }

  get(k: number): V | undefined {
    return this.m.get(k);
  }

  has(k: number): boolean {
    return this.m.get(k) !== undefined;
  }

  set(k: number, v: V): this {
    const m = this.m;
    if (m.get(k) === undefined) {
      const n = m.size;
      m.set(k, v);
      this.live++;
      // The Map did not grow: the key was a freed one.
      if (m.size === n) this.dead--;
    } else m.set(k, v);
    return this;
  }

  delete(k: number): boolean {
    const m = this.m;
    if (m.get(k) === undefined) return false;
    m.set(k, undefined);
    this.live--;
    if (++this.dead > 2 * this.live + 1024) this.compact();
    return true;
  }

  clear(): void {
    this.m = new Map();
    this.live = 0;
    this.dead = 0;
  }

  /** An exact copy, freed keys included, so the copy iterates as the original would after the same changes. */
  copy(): AddressMap<V> {
    const c = new AddressMap<V>();
    c.m = new Map(this.m);
    c.live = this.live;
    c.dead = this.dead;
    return c;
  }

  private compact(): void {
    const n = new Map<number, V>();
    for (const [k, v] of this.m) if (v !== undefined) n.set(k, v);
    this.m = n;
    this.dead = 0;
  }

  *entries(): MapIterator<[number, V]> {
    for (const e of this.m) if (e[1] !== undefined) yield e as [number, V];
  }

  *keys(): MapIterator<number> {
    for (const [k, v] of this.m) if (v !== undefined) yield k;
  }

  *values(): MapIterator<V> {
    for (const v of this.m.values()) if (v !== undefined) yield v;
  }

  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: number, map: ReadonlyMap<number, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.m) if (v !== undefined) fn.call(thisArg, v, k, this);
  }
}

/** Bytes of address space per page (CPython's pymalloc pools are 4 KiB or 16 KiB). */
const PAGE_BYTES = 4096;
/** Pages per chunk of the index: a fork copies the chunks' index; a change copies its chunk's list of pages. */
const CHUNK_PAGES = 64;

interface Page<V> {
  /** Keyed by the offset in the page: a small integer, quicker to hash than an address. */
  readonly map: AddressMap<V>;
  /** The epoch of the table that owns it; another table's page is shared and copied before a change. */
  readonly epoch: number;
  /** Copied from a shared page: its values are shared too, except those in `owned`. */
  readonly copied: boolean;
  owned: Set<V> | null;
}

interface Chunk<V> {
  /** Page key less the chunk's first → page. */
  readonly pages: AddressMap<Page<V>>;
  readonly epoch: number;
}

/** Every table and fork gets an epoch no other has. */
let epochs = 0;

/**
 * An address map that forks cheaply (see the file comment): values in pages
 * of PAGE_BYTES of address space, pages in chunks of CHUNK_PAGES, each copied
 * on its first change after a fork. Iterates chunk by chunk, page by page,
 * each in AddressMap order.
 */
export class AddressTable<V> implements ReadonlyMap<number, V> {
  private chunks: AddressMap<Chunk<V>>;
  private epoch = ++epochs;
  private count: number;
  /** The page last looked up (most lookups follow one in the same page). */
  private lastKey = NaN;
  private lastPage: Page<V> | undefined = undefined;
  /** Values, pages and chunk entries copied because a fork shared them: what keeping forks costs. */
  copies = 0;

  /** `copyValue` copies a value before the table changes one it shares with a fork. */
  constructor(
    private readonly copyValue: (v: V) => V,
    chunks: AddressMap<Chunk<V>> = new AddressMap(),
    count = 0,
  ) {
    this.chunks = chunks;
    this.count = count;
  }

  get size(): number {
    return this.count;
  }

  /** The number of chunks (what a fork copies). */
  get chunkCount(): number {
    return this.chunks.size;
  }

  private page(key: number): Page<V> | undefined {
    if (key === this.lastKey) return this.lastPage;
    const ck = Math.floor(key / CHUNK_PAGES);
    const page = this.chunks.get(ck)?.pages.get(key - ck * CHUNK_PAGES);
    this.lastKey = key;
    this.lastPage = page;
    return page;
  }

  private setPage(key: number, page: Page<V>): void {
    const ck = Math.floor(key / CHUNK_PAGES);
    let chunk = this.chunks.get(ck);
    if (chunk === undefined) {
      chunk = { pages: new AddressMap(), epoch: this.epoch };
      this.chunks.set(ck, chunk);
    } else if (chunk.epoch !== this.epoch) {
      this.copies += chunk.pages.size;
      chunk = { pages: chunk.pages.copy(), epoch: this.epoch };
      this.chunks.set(ck, chunk);
    }
    chunk.pages.set(key - ck * CHUNK_PAGES, page);
    this.lastKey = key;
    this.lastPage = page;
  }

  get(id: number): V | undefined {
    const key = Math.floor(id / PAGE_BYTES);
    return this.page(key)?.map.get(id - key * PAGE_BYTES);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** The value at `id` for changing in place: this table's own (copied first if a fork shares it). */
  mutable(id: number): V | undefined {
    const key = Math.floor(id / PAGE_BYTES);
    let page = this.page(key);
    if (page === undefined) return undefined;
    const at = id - key * PAGE_BYTES;
    let v = page.map.get(at);
    if (v === undefined) return undefined;
    if (page.epoch !== this.epoch) page = this.own(key, page);
    if (page.copied && !page.owned?.has(v)) {
      v = this.copyValue(v);
      this.copies++;
      page.map.set(at, v);
      (page.owned ??= new Set()).add(v);
    }
    return v;
  }

  /** Sets `id` to `v`, a value no fork shares. */
  set(id: number, v: V): this {
    const key = Math.floor(id / PAGE_BYTES);
    let page = this.page(key);
    if (page === undefined) {
      page = { map: new AddressMap(), epoch: this.epoch, copied: false, owned: null };
      this.setPage(key, page);
    } else if (page.epoch !== this.epoch) page = this.own(key, page);
    const at = id - key * PAGE_BYTES;
    const old = page.map.get(at);
    if (old === undefined) this.count++;
    else page.owned?.delete(old);
    page.map.set(at, v);
    if (page.copied) (page.owned ??= new Set()).add(v);
    return this;
  }

  delete(id: number): boolean {
    const key = Math.floor(id / PAGE_BYTES);
    let page = this.page(key);
    const at = id - key * PAGE_BYTES;
    const old = page?.map.get(at);
    if (page === undefined || old === undefined) return false;
    if (page.epoch !== this.epoch) page = this.own(key, page);
    // What the page no longer holds, it need not remember owning (or it would keep every value it ever held alive).
    page.owned?.delete(old);
    page.map.delete(at);
    this.count--;
    // An empty page stays: the address is most likely allocated again soon.
    return true;
  }

  /** A copy that shares all chunks, pages and values with this table; from now on each copies what it changes. */
  fork(): AddressTable<V> {
    this.epoch = ++epochs;
    return new AddressTable(this.copyValue, this.chunks.copy(), this.count);
  }

  private own(key: number, page: Page<V>): Page<V> {
    const p: Page<V> = { map: page.map.copy(), epoch: this.epoch, copied: true, owned: null };
    this.copies += page.map.size;
    this.setPage(key, p);
    return p;
  }

  *entries(): MapIterator<[number, V]> {
    for (const [ck, chunk] of this.chunks) {
      for (const [pk, page] of chunk.pages) {
        const base = (ck * CHUNK_PAGES + pk) * PAGE_BYTES;
        for (const [at, v] of page.map) yield [base + at, v];
      }
    }
  }

  *keys(): MapIterator<number> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<V> {
    for (const chunk of this.chunks.values()) for (const page of chunk.pages.values()) yield* page.map.values();
  }

  [Symbol.iterator](): MapIterator<[number, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: number, map: ReadonlyMap<number, V>) => void, thisArg?: unknown): void {
    for (const [id, v] of this.entries()) fn.call(thisArg, v, id, this);
  }
}
