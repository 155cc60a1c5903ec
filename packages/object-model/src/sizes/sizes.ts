/**
 * sys.getsizeof() of built-in objects per CPython version, 64-bit builds.
 *
 * `sys.getsizeof(o)` is `o.__sizeof__()` plus the GC header for GC-tracked
 * types (Python/sysmodule.c _PySys_GetSizeOf()). `__sizeof__` is
 * `tp_basicsize + tp_itemsize * n` (Objects/typeobject.c object___sizeof__)
 * unless the type overrides it (list, set, dict, str, int, bytearray …).
 * Every number here was recorded from the real interpreters 3.6.15 … 3.13.0.
 */
import { atLeast, type PyVersion } from './version.js';
import { PySet_MINSIZE, SETENTRY_SIZE } from '../tables/set-table.js';

/** Fixed-size object kinds whose sys.getsizeof does not depend on the value. */
export type FixedSizeKind =
  | 'None' | 'Ellipsis' | 'NotImplemented' | 'True' | 'False' | 'object'
  | 'float' | 'complex' | 'range' | 'slice'
  | 'function' | 'cell' | 'method' | 'builtin_function_or_method' | 'method-wrapper' | 'classmethod' | 'staticmethod' | 'property'
  | 'instance' | 'weakref' | 'module'
  | 'list_iterator' | 'tuple_iterator' | 'range_iterator' | 'set_iterator' | 'str_iterator'
  | 'dict_keyiterator' | 'dict_valueiterator' | 'dict_itemiterator'
  | 'map' | 'zip' | 'enumerate' | 'mappingproxy' | 'dict_view'
  | 'exception' | 'generator' | 'heap-type' | 'static-type' | 'TextIOWrapper';

/** Everything sys.getsizeof needs for one CPython version. */
export interface SizeProfile {
  readonly version: PyVersion;
  /** sizeof(PyGC_Head): 32 in 3.6/3.7 (a union padded for long double), 16 from 3.8. */
  readonly gcHeaderSize: number;
  /** `sys.getsizeof(0)` is 24 up to 3.10 (zero digits), 28 from 3.11 (always one digit). */
  readonly intZeroHasDigit: boolean;
  /** From 3.12 str objects lost `wstr`/`wstr_length`: ASCII header 40 (was 48), compact 56 (was 72). */
  readonly strAsciiHeader: number;
  /** Header of a compact non-ASCII str (PyCompactUnicodeObject). */
  readonly strCompactHeader: number;
  /**
   * sys.getsizeof of fixed-size objects, GC header included where the type is
   * GC-tracked. 'instance' is a plain class instance with `__dict__` and
   * `__weakref__` (3.11+: inline values, the dict not yet materialised);
   * 'heap-type' a class object (PyHeapTypeObject) without the shared keys of
   * its instances' dicts, which `type.__sizeof__` adds; 'static-type' a built-in
   * type (sizeof(PyTypeObject), not GC: type_is_gc()); 'generator' a generator of a one-line
   * `def g(): yield 1` (frame-dependent: measured, not modelled);
   * 'method-wrapper' is e.g. `C().__eq__`.
   */
  readonly fixed: Readonly<Record<FixedSizeKind, number>>;
  /**
   * 3.11+: an instance's `__dict__` pointer lives in the pre-header before the
   * GC header (Py_TPFLAGS_MANAGED_DICT), not in the object.
   */
  readonly managedDict: boolean;
  /**
   * 3.12+: so does its weakref list (Py_TPFLAGS_MANAGED_WEAKREF), also for a
   * `'__weakref__'` in `__slots__`.
   */
  readonly managedWeakref: boolean;
  /**
   * 3.11+: a generator embeds its frame, so its size is this (header, GC
   * header and frame specials) plus a pointer per local and stack slot
   * (`gen_sizeof`); null when the size is fixed (the frame is a separate object).
   */
  readonly generatorFrameBase: number | null;
  /**
   * sys.getsizeof of a frame object whose code has no local nor stack slot: up
   * to 3.10 `sizeof(PyFrameObject)` less its one `f_localsplus` slot; from 3.11
   * `offsetof(PyFrameObject, _f_frame_data) + offsetof(_PyInterpreterFrame,
   * localsplus)` (frame_sizeof()); GC header included.
   */
  readonly frameBase: number;
}

// Recorded sys.getsizeof values, columns 3.6 … 3.13.
const FIXED: Record<FixedSizeKind, readonly number[]> = {
  None: [16, 16, 16, 16, 16, 16, 16, 16],
  Ellipsis: [16, 16, 16, 16, 16, 16, 16, 16],
  NotImplemented: [16, 16, 16, 16, 16, 16, 16, 16],
  True: [28, 28, 28, 28, 28, 28, 28, 28],
  False: [24, 24, 24, 24, 24, 28, 28, 28],
  object: [16, 16, 16, 16, 16, 16, 16, 16],
  float: [24, 24, 24, 24, 24, 24, 24, 24],
  complex: [32, 32, 32, 32, 32, 32, 32, 32],
  range: [48, 48, 48, 48, 48, 48, 48, 48],
  slice: [72, 72, 56, 56, 56, 56, 56, 56],
  function: [144, 144, 136, 136, 144, 152, 160, 160],
  cell: [56, 56, 40, 40, 40, 40, 40, 40],
  method: [72, 72, 64, 64, 64, 64, 64, 64],
  // PyCFunctionObject: 3.8 added its vectorcall pointer.
  builtin_function_or_method: [80, 80, 72, 72, 72, 72, 72, 72],
  'method-wrapper': [64, 64, 48, 48, 48, 48, 48, 48],
  classmethod: [64, 64, 48, 48, 48, 48, 48, 48],
  staticmethod: [64, 64, 48, 48, 48, 48, 48, 48],
  property: [88, 88, 72, 72, 80, 80, 80, 80],
  instance: [64, 64, 48, 48, 48, 56, 48, 48],
  weakref: [88, 88, 72, 72, 72, 80, 80, 80],
  module: [88, 88, 72, 72, 72, 72, 72, 72],
  list_iterator: [64, 64, 48, 48, 48, 48, 48, 48],
  tuple_iterator: [64, 64, 48, 48, 48, 48, 48, 48],
  range_iterator: [48, 48, 48, 48, 48, 48, 40, 40],
  set_iterator: [80, 80, 64, 64, 64, 64, 64, 64],
  str_iterator: [64, 64, 48, 48, 48, 48, 48, 48],
  dict_keyiterator: [88, 88, 72, 72, 72, 72, 72, 72],
  dict_valueiterator: [88, 88, 72, 72, 72, 72, 72, 72],
  dict_itemiterator: [88, 88, 72, 72, 72, 72, 72, 72],
  map: [64, 64, 48, 48, 48, 48, 48, 48],
  mappingproxy: [56, 56, 40, 40, 40, 40, 40, 40],
  /** dict_keys, dict_values, dict_items. */
  dict_view: [56, 56, 40, 40, 40, 40, 40, 40],
  zip: [72, 72, 56, 56, 64, 64, 64, 64],
  enumerate: [80, 80, 64, 64, 64, 72, 72, 72],
  exception: [96, 96, 80, 80, 80, 88, 88, 88],
  generator: [96, 128, 112, 112, 104, 176, 176, 176],
  'heap-type': [896, 896, 896, 896, 904, 920, 936, 944],
  'static-type': [400, 400, 416, 408, 408, 424, 432, 416],
  /** sys.stdout, sys.stderr. */
  TextIOWrapper: [224, 224, 208, 208, 208, 208, 216, 216],
};

// sys.getsizeof of a frame with no slots, columns 3.6 … 3.13 (see SizeProfile.frameBase).
const FRAME_BASE: readonly number[] = [408, 392, 376, 376, 368, 136, 136, 152];

function column(version: PyVersion): number {
  if (version[0] !== 3 || version[1] < 6 || version[1] > 13) {
    throw new RangeError(`no size profile for Python ${version.join('.')} (have 3.6–3.13)`);
  }
  return version[1] - 6;
}

/** The size profile of a CPython version (3.6 … 3.13, 64-bit). */
export function sizeProfile(version: PyVersion): SizeProfile {
  const c = column(version);
  const fixed = {} as Record<FixedSizeKind, number>;
  for (const k of Object.keys(FIXED) as FixedSizeKind[]) fixed[k] = FIXED[k][c] as number;
  return {
    version,
    gcHeaderSize: atLeast(version, 3, 8) ? 16 : 32,
    generatorFrameBase: atLeast(version, 3, 12) ? 160 : atLeast(version, 3, 11) ? 168 : null,
    frameBase: FRAME_BASE[c] as number,
    intZeroHasDigit: atLeast(version, 3, 11),
    strAsciiHeader: atLeast(version, 3, 12) ? 40 : 48,
    strCompactHeader: atLeast(version, 3, 12) ? 56 : 72,
    fixed,
    managedDict: atLeast(version, 3, 11),
    managedWeakref: atLeast(version, 3, 12),
  };
}

/**
 * Bytes a heap subclass adds to the instances of a built-in base, as
 * Objects/typeobject.c type_new_descriptors() lays them out: a `__dict__`
 * pointer (`addsDict`) and a weak reference list pointer when the base has
 * none (`addsWeakref`); 3.11+ the dict pointer is a two-pointer pre-header,
 * which from 3.12 holds the weak reference list too.
 */
export function sizeofSubtypeExtra(p: SizeProfile, addsDict: boolean, addsWeakref: boolean): number {
  if (p.managedWeakref) return addsDict || addsWeakref ? 16 : 0;
  return (addsDict ? (p.managedDict ? 16 : 8) : 0) + (addsWeakref ? 8 : 0);
}

/**
 * sys.getsizeof() of an instance of a class defined in Python (a heap type
 * whose bases are `object` or such classes), with `nslots` `__slots__` in all,
 * and a `__dict__` / `__weakref__` (from `__slots__`, or for a class without
 * `__slots__` anywhere in its bases). Mirrors Objects/typeobject.c
 * type_new_descriptors() (tp_basicsize: the header, a pointer per slot, the
 * dict and weakref pointers unless managed) and Python/sysmodule.c
 * _PySys_GetSizeOf() (plus _PyType_PreHeaderSize(): the GC header and, 3.11+,
 * two pointers when the dict or (3.12+) the weakref list is managed).
 */
export function sizeofInstance(p: SizeProfile, nslots: number, hasDict: boolean, hasWeakref: boolean): number {
  const managed = (hasDict && p.managedDict) || (hasWeakref && p.managedWeakref);
  const basicsize = 16 + 8 * nslots + (hasDict && !p.managedDict ? 8 : 0) + (hasWeakref && !p.managedWeakref ? 8 : 0);
  return basicsize + p.gcHeaderSize + (managed ? 16 : 0);
}

/** Number of 30-bit digits in |v| (PyLong_SHIFT = 30 on 64-bit builds). */
function longDigits(v: bigint): number {
  let a = v < 0n ? -v : v;
  let n = 0;
  while (a > 0n) { a >>= 30n; n++; }
  return n;
}

/** `longDigits` of a safe integer (|v| < 2**53, so at most two digits). */
function safeIntDigits(v: number): number {
  const a = Math.abs(v);
  return a === 0 ? 0 : a < 0x40000000 ? 1 : 2;
}

/**
 * sys.getsizeof(int). Mirrors Objects/longobject.c int___sizeof___impl():
 * `offsetof(PyLongObject, ob_digit) + 4 * ndigits`, with 0 having no digit
 * before 3.11 (24 bytes) and one from 3.11 (28). bool is the same.
 */
export function sizeofInt(p: SizeProfile, v: bigint | number): number {
  const n = typeof v === 'number' ? safeIntDigits(v) : longDigits(v);
  return 24 + 4 * (n === 0 && p.intZeroHasDigit ? 1 : n);
}

/**
 * sys.getsizeof(str). Mirrors Objects/unicodeobject.c unicode___sizeof___impl()
 * for compact strings: ASCII header + len + 1, or compact header + (len + 1) * kind
 * (kind 1 latin-1, 2 UCS-2, 4 UCS-4). `utf8Length`: when the str's UTF-8 form
 * has been materialised and stored separately (non-ASCII only), add
 * utf8Length + 1 — e.g. 3.12+ one-character latin-1 singletons such as 'é'
 * report 61, not 58.
 */
export function sizeofStr(p: SizeProfile, s: string, utf8Length?: number): number {
  let n = 0;
  let max = 0;
  for (const ch of s) {
    n++;
    const cp = ch.codePointAt(0) as number;
    if (cp > max) max = cp;
  }
  return sizeofStrChars(p, n, max, utf8Length);
}

/**
 * sys.getsizeof(str) of `n` code points whose largest is `max` — `sizeofStr`
 * for a caller that already knows both (a new `PyStr` counts them once).
 */
export function sizeofStrChars(p: SizeProfile, n: number, max: number, utf8Length?: number): number {
  if (max < 0x80) return p.strAsciiHeader + n + 1;
  const kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  return p.strCompactHeader + (n + 1) * kind + (utf8Length !== undefined ? utf8Length + 1 : 0);
}

/** sys.getsizeof(bytes): 33 + len (PyBytesObject header 32 + trailing NUL). */
export function sizeofBytes(_p: SizeProfile, length: number): number {
  return 33 + length;
}

/** sys.getsizeof(bytearray): 56 + allocated (0 when empty; `bytearray(b)` allocates len + 1). */
export function sizeofBytearray(_p: SizeProfile, allocated: number): number {
  return 56 + allocated;
}

/** The parts of a code object a generator's size depends on. */
export interface GeneratorCode {
  readonly co_varnames: readonly string[];
  readonly co_cellvars: readonly string[];
  readonly co_freevars: readonly string[];
  readonly co_stacksize: number;
}

/**
 * sys.getsizeof(generator): fixed up to 3.10; from 3.11 the frame is inside,
 * one slot per name of `co_localsplusnames` (an argument that is also a cell
 * counts once) and per value-stack slot.
 */
export function sizeofGenerator(p: SizeProfile, co: GeneratorCode): number {
  if (p.generatorFrameBase === null) return p.fixed.generator;
  const cells = co.co_cellvars.filter((n) => !co.co_varnames.includes(n)).length;
  return p.generatorFrameBase + 8 * (co.co_varnames.length + cells + co.co_freevars.length + co.co_stacksize);
}

/**
 * sys.getsizeof(frame): the base plus a pointer per local, cell, free variable
 * and stack slot. Mirrors frame_sizeof() (3.6–3.13): up to 3.10 a cell for an
 * argument has a slot of its own; from 3.11 it reuses the argument's slot
 * (`co_nlocalsplus`).
 */
export function sizeofFrame(p: SizeProfile, co: GeneratorCode): number {
  const cells = p.generatorFrameBase === null ? co.co_cellvars.length : co.co_cellvars.filter((n) => !co.co_varnames.includes(n)).length;
  return p.frameBase + 8 * (co.co_varnames.length + cells + co.co_freevars.length + co.co_stacksize);
}

/** sys.getsizeof(tuple): basicsize 24 + 8 * len + GC header (tuples are GC types). */
export function sizeofTuple(p: SizeProfile, length: number): number {
  return 24 + 8 * length + p.gcHeaderSize;
}

/** sys.getsizeof(list): 40 + 8 * allocated + GC header. Mirrors list___sizeof___impl(). */
export function sizeofList(p: SizeProfile, allocated: number): number {
  return 40 + 8 * allocated + p.gcHeaderSize;
}

/**
 * sys.getsizeof(set or frozenset) for a table of `tableSize` slots. Mirrors
 * set_sizeof(): basicsize 200 (with the 8-slot smalltable) plus 16 per slot
 * once the table is out of line; plus the GC header.
 */
export function sizeofSet(p: SizeProfile, tableSize: number): number {
  return 200 + (tableSize > PySet_MINSIZE ? tableSize * SETENTRY_SIZE : 0) + p.gcHeaderSize;
}
