/**
 * A model of pymalloc (Objects/obmalloc.c): small requests (up to 512 bytes)
 * are rounded up to a size class of `ALIGNMENT` bytes and served from pools
 * carved out of arenas; a freed block goes on the front of its pool's free
 * list, so the next request of the same class gets it back (last in, first
 * out). That is why `id([]) == id([])` is True. Larger requests go to the
 * system allocator, modelled as a separate region with per-size free lists.
 */
import type { VersionProfile } from './profile';

/** `SMALL_REQUEST_THRESHOLD`. */
export const SMALL_REQUEST_THRESHOLD = 512;

/** Where the simulated arenas start; any address that looks like a 64-bit heap pointer will do. */
const ARENA_BASE = 0x7f3a_0000_0000;
/** Where the system allocator's region starts. */
const MALLOC_BASE = 0x55d0_0000_0000;

/** A pool: one size class, a bump pointer and a free list (`pool_header`). */
interface Pool {
  readonly szidx: number;
  readonly base: number;
  /** Next never-used offset (`nextoffset`). */
  next: number;
  /** Freed blocks, most recent last (`freeblock`). */
  free: number[];
}

/** The simulated allocator of one run. */
export class Allocator {
  readonly alignment: number;
  readonly poolSize: number;
  readonly arenaSize: number;
  /**
   * `usedpools`: per size class, its current pool — the one that last got a block back, or the
   * newest. NON-SPEC: when it is full a new pool is carved; pymalloc would first go on to the
   * other partly used pools of its list.
   */
  private readonly usedpools: (Pool | undefined)[] = [];
  /** The pools carved so far, by their index from the first arena's start (arenas are contiguous). */
  private readonly pools: Pool[] = [];
  private arenaNext = ARENA_BASE;
  private arenaEnd = ARENA_BASE;
  private mallocNext = MALLOC_BASE;
  private readonly mallocFree = new Map<number, number[]>();
  /** Bytes currently handed out (simulated), for `--max-memory`. */
  bytesInUse = 0;
  /** Arenas allocated so far. */
  arenas = 0;

  constructor(profile: VersionProfile) {
    this.alignment = profile.pymallocAlignment;
    this.poolSize = profile.poolSize;
    this.arenaSize = profile.arenaSize;
  }

  /** The size class of a small request (`INDEX2SIZE(size_class)` rounds up to it). */
  sizeClass(nbytes: number): number {
    return nbytes <= 0 ? 0 : ((nbytes + this.alignment - 1) / this.alignment | 0) - 1;
  }

  /** Mirrors pymalloc_alloc(), falling back to the system allocator for large requests. */
  malloc(nbytes: number): number {
    if (nbytes <= 0) nbytes = 1;
    if (nbytes > SMALL_REQUEST_THRESHOLD) {
      const size = Math.ceil(nbytes / 16) * 16;
      this.bytesInUse += size;
      const list = this.mallocFree.get(size);
      if (list && list.length > 0) return list.pop()!;
      const addr = this.mallocNext;
      this.mallocNext += size + 16;
      return addr;
    }
    const szidx = this.sizeClass(nbytes);
    const blockSize = (szidx + 1) * this.alignment;
    this.bytesInUse += blockSize;
    let pool = this.usedpools[szidx];
    if (pool && pool.free.length > 0) return pool.free.pop()!;
    if (!pool || pool.next + blockSize > pool.base + this.poolSize) {
      pool = this.newPool(szidx);
      this.usedpools[szidx] = pool;
    }
    const addr = pool.next;
    pool.next += blockSize;
    return addr;
  }

  /** Mirrors pymalloc_free(): the block goes to the front of its pool's free list. */
  free(addr: number, nbytes: number): void {
    if (nbytes <= 0) nbytes = 1;
    if (nbytes > SMALL_REQUEST_THRESHOLD) {
      const size = Math.ceil(nbytes / 16) * 16;
      this.bytesInUse -= size;
      let list = this.mallocFree.get(size);
      if (!list) this.mallocFree.set(size, (list = []));
      list.push(addr);
      return;
    }
    const szidx = this.sizeClass(nbytes);
    this.bytesInUse -= (szidx + 1) * this.alignment;
    const pool = this.pools[Math.floor((addr - ARENA_BASE) / this.poolSize)];
    if (!pool) return;
    pool.free.push(addr);
    // The pool becomes the current pool of its class (pymalloc links a pool
    // that was full at the front of usedpools; see `usedpools`).
    this.usedpools[szidx] = pool;
  }

  private newPool(szidx: number): Pool {
    if (this.arenaNext + this.poolSize > this.arenaEnd) {
      this.arenaNext = this.arenaEnd === ARENA_BASE ? ARENA_BASE : this.arenaEnd;
      this.arenaEnd = this.arenaNext + this.arenaSize;
      this.arenas++;
    }
    const base = this.arenaNext;
    this.arenaNext += this.poolSize;
    // The pool header takes the first bytes (POOL_OVERHEAD), rounded to the alignment.
    const pool: Pool = { szidx, base, next: base + 48, free: [] };
    this.pools[(base - ARENA_BASE) / this.poolSize] = pool;
    return pool;
  }
}
