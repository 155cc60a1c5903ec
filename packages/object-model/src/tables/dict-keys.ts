/**
 * The geometry of a dict's keys table (`PyDictKeysObject`), per CPython
 * version: how big a table `dictresize()` picks, when `insertdict()` grows it,
 * how displays and `dict(...)` presize it, and what `sys.getsizeof` of a dict
 * counts (Objects/dictobject.c `_PyDict_SizeOf`). Only sizes are modelled here;
 * the entries live on the dict object.
 *
 * Every rule was checked against `sys.getsizeof` of CPython 3.6.15 … 3.13.0
 * (see dict-keys.test.ts for the recorded numbers).
 */
import { atLeast, type PyVersion } from '../sizes/version.js';

/** `PyDict_LOG_MINSIZE`: the smallest real keys table has 8 slots. */
export const PyDict_LOG_MINSIZE = 3;
/** `PyDict_MINSIZE`. */
export const PyDict_MINSIZE = 8;
/** `SHARED_KEYS_MAX_SIZE` (3.11+): a class's shared keys hold at most 30 names. */
export const SHARED_KEYS_MAX_SIZE = 30;

/** What differs between versions in the keys table. */
export interface DictKeysProfile {
  readonly version: PyVersion;
  /**
   * `sizeof(PyDictKeysObject)` without the indices: 40 up to 3.10
   * (refcnt, size, lookup function, usable, nentries), 32 from 3.11.
   */
  readonly keysHeaderSize: number;
  /** 3.11+: tables whose keys are all exact str store 16-byte entries (no hash). */
  readonly unicodeKeysTables: boolean;
  /**
   * `GROWTH_RATE(d)`: `used*2 + size/2` in 3.6, `used*3` from 3.7.
   */
  readonly growthIsUsedTimes3: boolean;
  /**
   * 3.10+: table sizes come from `calculate_log2_keysize()`, whose bit trick
   * `bit_length(((minsize | 8) - 1) | 7)` rounds small requests (1…7) up to
   * 16 slots; earlier `dictresize()` doubles from 8 while `newsize < minsize`.
   */
  readonly log2KeysizeBitTrick: boolean;
  /** 3.8+: `PyDict_New()` (and so `{}`) shares the static empty keys (`Py_EMPTY_KEYS`). */
  readonly newDictSharesEmptyKeys: boolean;
  /** 3.10+: `dict()` (dict_new) also starts from `Py_EMPTY_KEYS`; before, it allocates 8 slots. */
  readonly dictCallSharesEmptyKeys: boolean;
  /** 3.8+: `_PyDict_NewPresized(n)` with n ≤ 5 is `PyDict_New()`. */
  readonly smallPresizeIsNew: boolean;
  /**
   * 3.6: `dict_merge()` presizes to `(used + other)*2` when `usable*3 < other*2`;
   * 3.7+: to `ESTIMATE_SIZE(used + other)` when `USABLE_FRACTION(size) < other`.
   */
  readonly mergePresizeEstimate: boolean;
  /** 3.7+: `PyDict_Copy()` of an empty dict is `PyDict_New()`. */
  readonly copyOfEmptyIsNew: boolean;
  /** 3.8+: `PyDict_Copy()` clones a dense combined table (`clone_combined_dict_keys`). */
  readonly copyClonesDense: boolean;
  /** 3.10+: `dict_merge()` into an empty dict clones a dense combined table too. */
  readonly mergeClonesDense: boolean;
  /**
   * 3.11+: a class's shared keys start with `dk_usable = SHARED_KEYS_MAX_SIZE`
   * and every new instance takes one off (`init_inline_values`), so
   * `sys.getsizeof(obj.__dict__)` depends on how many instances were made.
   */
  readonly sharedKeysCountdown: boolean;
}

/** The keys-table profile of a CPython version. */
export function dictKeysProfile(version: PyVersion): DictKeysProfile {
  return {
    version,
    keysHeaderSize: atLeast(version, 3, 11) ? 32 : 40,
    unicodeKeysTables: atLeast(version, 3, 11),
    growthIsUsedTimes3: atLeast(version, 3, 7),
    log2KeysizeBitTrick: atLeast(version, 3, 10),
    newDictSharesEmptyKeys: atLeast(version, 3, 8),
    dictCallSharesEmptyKeys: atLeast(version, 3, 10),
    smallPresizeIsNew: atLeast(version, 3, 8),
    mergePresizeEstimate: atLeast(version, 3, 7),
    copyOfEmptyIsNew: atLeast(version, 3, 7),
    copyClonesDense: atLeast(version, 3, 8),
    mergeClonesDense: atLeast(version, 3, 10),
    sharedKeysCountdown: atLeast(version, 3, 11),
  };
}

/** `USABLE_FRACTION(n)`: a table of n slots holds 2n/3 entries. */
export function usableFraction(n: number): number {
  return ((n << 1) / 3) | 0;
}

/** `ESTIMATE_SIZE(n)`: the table size that holds n entries without a resize. */
export function estimateSize(n: number): number {
  return (n * 3 + 1) >> 1;
}

function bitLength(x: number): number {
  return x <= 0 ? 0 : 32 - Math.clz32(x);
}

/**
 * log2 of the table `dictresize(mp, minsize)` allocates. Mirrors
 * `calculate_log2_keysize()` (3.10+, including its rounding of 1…7 up to 16
 * slots) or the doubling loop of earlier versions.
 */
export function log2Keysize(p: DictKeysProfile, minsize: number): number {
  if (p.log2KeysizeBitTrick) {
    const m = (minsize | PyDict_MINSIZE) - 1;
    return bitLength(m | (PyDict_MINSIZE - 1));
  }
  let log2 = PyDict_LOG_MINSIZE;
  while (1 << log2 < minsize) log2++;
  return log2;
}

/** `estimate_log2_keysize(n)` / the presize of `_PyDict_NewPresized(n)`. */
export function estimateLog2Keysize(p: DictKeysProfile, n: number): number {
  return log2Keysize(p, estimateSize(n));
}

/** `GROWTH_RATE(d)`. */
export function growthRate(p: DictKeysProfile, used: number, log2Size: number): number {
  return p.growthIsUsedTimes3 ? used * 3 : used * 2 + ((1 << log2Size) >> 1);
}

/** Bytes of one index slot (`DK_IXSIZE`): 1, 2, 4 or 8 by table size. */
export function indexSize(log2Size: number): number {
  return log2Size < 8 ? 1 : log2Size < 16 ? 2 : log2Size < 32 ? 4 : 8;
}

/**
 * `_PyDict_KeysSize`: header + indices + `USABLE_FRACTION(size)` entries of 24
 * bytes (`PyDictKeyEntry`) or, 3.11+ all-str tables, 16 (`PyDictUnicodeEntry`).
 */
export function keysSize(p: DictKeysProfile, log2Size: number, unicode: boolean): number {
  const size = 1 << log2Size;
  const entry = p.unicodeKeysTables && unicode ? 16 : 24;
  return p.keysHeaderSize + indexSize(log2Size) * size + entry * usableFraction(size);
}

/**
 * The state of a keys table that decides `sys.getsizeof`: `log2Size` 0 is
 * the shared `Py_EMPTY_KEYS` (not counted by sizeof).
 */
export interface DictKeysState {
  log2Size: number;
  unicode: boolean;
}

/**
 * `sys.getsizeof(dict)` without the GC header. Mirrors `_PyDict_SizeOf`:
 * the object (48), plus for a split table one value pointer per usable shared
 * slot, plus the keys table when the dict owns it (`dk_refcnt == 1`).
 */
export function dictObjectSizeof(
  p: DictKeysProfile,
  keys: DictKeysState,
  split: { usableSlots: number } | null,
): number {
  let res = 48;
  if (split) return res + 8 * split.usableSlots;
  if (keys.log2Size > 0) res += keysSize(p, keys.log2Size, keys.unicode);
  return res;
}
