/**
 * How many item slots a list has allocated (`ob_item` capacity), which is what
 * `sys.getsizeof(list)` reports: `basicsize + 8 * allocated`.
 *
 * Mirrors Objects/listobject.c list_resize(), list_preallocate_exact(),
 * list_extend() and list___init__() for 3.6–3.13.
 */
import { atLeast, type PyVersion } from '../sizes/version.js';

/** Version-dependent list growth. */
export interface ListAllocProfile {
  /**
   * list_resize() over-allocation: '3.6' = `newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6)`;
   * '3.9' = `(newsize + (newsize >> 3) + 6) & ~3`, or `(newsize + 3) & ~3` when
   * growing by more than that over-allocation (3.9+).
   */
  readonly growth: '3.6' | '3.9';
  /**
   * list_preallocate_exact(): 'none' before 3.8; 'exact' in 3.8/3.9;
   * 'even' from 3.10 (rounded up to a multiple of 2).
   */
  readonly preallocate: 'none' | 'exact' | 'even';
  /** From 3.10 list_extend() on an empty list preallocates exactly (else list_resize). */
  readonly extendEmptyPreallocates: boolean;
  /**
   * 3.9+ compiles a display of >= 3 constants as `BUILD_LIST 0; LIST_EXTEND (const tuple)`,
   * so `[1, 2, 3]` is allocated like `[].extend((1, 2, 3))`.
   */
  readonly constDisplayExtends: boolean;
  /**
   * `del l[i]` goes through list_ass_slice() and so list_resize() up to 3.12;
   * 3.13's list_ass_item_lock_held() shifts the items down and only lowers the
   * size, keeping the items array.
   */
  readonly delItemResizes: boolean;
}

/** The list-growth profile of a CPython version. */
export function listAllocProfile(version: PyVersion): ListAllocProfile {
  return {
    growth: atLeast(version, 3, 9) ? '3.9' : '3.6',
    preallocate: atLeast(version, 3, 10) ? 'even' : atLeast(version, 3, 8) ? 'exact' : 'none',
    extendEmptyPreallocates: atLeast(version, 3, 10),
    constDisplayExtends: atLeast(version, 3, 9),
    delItemResizes: !atLeast(version, 3, 13),
  };
}

/**
 * The new `allocated` after `list_resize(self, newsize)` on a list of `size`
 * items with `allocated` slots. Mirrors Objects/listobject.c list_resize().
 */
export function listResize(allocated: number, size: number, newsize: number, profile: ListAllocProfile): number {
  if (allocated >= newsize && newsize >= allocated >> 1) return allocated;
  if (newsize === 0) return 0;
  if (profile.growth === '3.6') {
    return newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6);
  }
  let na = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize - size > na - newsize) na = (newsize + 3) & ~3;
  return na;
}

/**
 * The new `allocated` after `l[i:j] = …` or `del l[i:j]` (step 1) takes a list
 * of `size` items to `newsize`. Mirrors Objects/listobject.c list_ass_slice():
 * a list left empty is cleared (_list_clear() frees the items array), otherwise
 * a change of size goes through list_resize().
 */
export function listAssSlice(allocated: number, size: number, newsize: number, profile: ListAllocProfile): number {
  if (newsize === 0) return 0;
  if (newsize === size) return allocated;
  return listResize(allocated, size, newsize, profile);
}

/**
 * A list's size and allocation, stepped through the operations that resize it.
 * Each method mirrors the CPython function named in its comment.
 */
export class ListAllocation {
  constructor(
    readonly profile: ListAllocProfile,
    /** `Py_SIZE(list)`. */
    public size = 0,
    /** `list->allocated`. */
    public allocated = size,
  ) {}

  /** A list made with exactly `n` slots: `PyList_New(n)` (BUILD_LIST n, `list * k`, slices, `a + b`, `copy()`). */
  static exact(profile: ListAllocProfile, n: number): ListAllocation {
    return new ListAllocation(profile, n, n);
  }

  private resize(newsize: number): void {
    this.allocated = listResize(this.allocated, this.size, newsize, this.profile);
    this.size = newsize;
  }

  /** Mirrors list_preallocate_exact() (3.8+): no-op before 3.8. */
  preallocateExact(n: number): void {
    if (this.profile.preallocate === 'none' || n <= 0) return;
    this.allocated = this.profile.preallocate === 'even' ? (n + 1) & ~1 : n;
  }

  /** `list.append(x)` / LIST_APPEND. Mirrors app1(). */
  append(): void {
    this.resize(this.size + 1);
  }

  /** `list.insert(i, x)`. Mirrors ins1(). */
  insert(): void {
    this.resize(this.size + 1);
  }

  /** `list.pop()`. Mirrors list_pop_impl() → list_resize(size - 1). */
  pop(): void {
    this.resize(this.size - 1);
  }

  /** `del l[i:j]` removing `k` items. Mirrors list_ass_slice() → list_resize(). */
  deleteItems(k: number): void {
    this.resize(this.size - k);
  }

  /** `list.clear()`. Mirrors _list_clear(): frees the items array. */
  clear(): void {
    this.size = 0;
    this.allocated = 0;
  }

  /** `list.extend(seq)` / `+=` with a list or tuple of `n` items. Mirrors list_extend() sequence path. */
  extendSequence(n: number): void {
    if (n === 0) return;
    if (this.profile.extendEmptyPreallocates && this.size === 0) {
      this.preallocateExact(n);
      this.size = n;
      return;
    }
    this.resize(this.size + n);
  }

  /**
   * `list.extend(iterator)` yielding `count` items whose `__length_hint__` is
   * `lengthHint` (8 when the iterator has none). Mirrors list_extend() iterator
   * path: presize to size + hint, append each item, then shrink to fit.
   */
  extendIterator(count: number, lengthHint = 8): void {
    const m = this.size;
    if (lengthHint > 0) {
      if (this.profile.extendEmptyPreallocates && m === 0) this.preallocateExact(lengthHint);
      else {
        this.allocated = listResize(this.allocated, m, m + lengthHint, this.profile);
      }
    }
    for (let i = 0; i < count; i++) {
      if (this.size < this.allocated) this.size++;
      else this.append();
    }
    if (this.size < this.allocated) this.resize(this.size);
  }

  /**
   * `list(iterable)`. Mirrors list___init__() (3.8+: list_preallocate_exact(hint)
   * for an iterable with a length) then list_extend(). `kind` is 'sequence' for
   * a list or tuple argument, 'iterator' for anything else.
   */
  static fromIterable(
    profile: ListAllocProfile,
    count: number,
    kind: 'sequence' | 'iterator',
    /** `len(iterable)` when it has one (range, dict, set …); omit for generators. */
    length?: number,
  ): ListAllocation {
    const l = new ListAllocation(profile, 0, 0);
    const len = kind === 'sequence' ? count : length;
    if (len !== undefined) l.preallocateExact(len);
    if (kind === 'sequence') l.extendSequence(count);
    else l.extendIterator(count, len ?? 8);
    return l;
  }

  /**
   * A list display `[a, b, …]` of `n` items. `allConstant`: every item is a
   * constant (3.9+ then compiles `BUILD_LIST 0; LIST_EXTEND` for n >= 3).
   */
  static display(profile: ListAllocProfile, n: number, allConstant: boolean): ListAllocation {
    if (profile.constDisplayExtends && allConstant && n >= 3) {
      const l = new ListAllocation(profile, 0, 0);
      l.extendSequence(n);
      return l;
    }
    return ListAllocation.exact(profile, n);
  }

  /** `sorted(iterable)`: PySequence_List() = list_extend() on a new list, then sort. */
  static sorted(profile: ListAllocProfile, count: number, kind: 'sequence' | 'iterator', lengthHint?: number): ListAllocation {
    const l = new ListAllocation(profile, 0, 0);
    if (kind === 'sequence') l.extendSequence(count);
    else l.extendIterator(count, lengthHint ?? 8);
    return l;
  }
}
