/**
 * The runtime of one run: the heap, the built-in types and singletons, the
 * small-int cache and the interned strings, and the factories that make new
 * objects. Mirrors the parts of CPython's interpreter state that decide
 * identity: Objects/longobject.c (`get_small_int`), Objects/unicodeobject.c
 * (interning, the latin-1 one-character cache, the empty string),
 * Objects/tupleobject.c (the empty tuple).
 */
import {
  Heap,
  PyObject,
  PySingleton,
  PyInt,
  PyFloat,
  PyStr,
  PyBytes,
  PyTuple,
  PyList,
  PyDict,
  PySet,
  PyTypeObject,
  PyNative,
  PyException,
  PyModule,
  PyFrame,
  PyCode,
  InternState,
  TPFLAGS,
  type VersionProfile,
  type FreeListSlot,
  sizes,
  tables,
} from '@pymem/object-model';
import { PyErr } from './errors';
import { StdoutText } from './textio';

/** A built-in function's implementation: borrowed arguments in, a new reference out. */
/** A built-in's C function; `packed` is the argument tuple a METH_VARARGS call made (calling.ts), if any. */
export type NativeFn = (rt: Runtime, args: PyObject[], kwargs: Map<string, PyObject> | null, packed?: PyTuple) => PyObject;

/** What a built-in function or method descriptor carries (`PyMethodDef`). */
export interface NativeFunctionState {
  readonly name: string;
  readonly fn: NativeFn;
  /** The qualified name for reprs (`list.append`). */
  readonly qualname: string;
  /**
   * A module's function (`m_self` is the module, which the function does not
   * take as an argument), not a method bound to its object: `sys.getsizeof`
   * is one, the `__sizeof__` that `sys.getsizeof(sys)` binds to `sys` is not.
   */
  readonly ofModule?: true;
  /** A method descriptor's type (`d_type`): what its first argument must be an instance of. */
  readonly objclass?: PyTypeObject;
}

/** The runtime's data of a type (`PyTypeObject` slots that are behaviour). */
export interface TypeRuntime {
  /** Allocation size of an instance (`sys.getsizeof`), GC header included. */
  sizeof?: (rt: Runtime, o: PyObject) => number;
}

/**
 * One-character ASCII strings that CPython 3.11 and 3.12 intern during
 * start-up as separate objects (the deep-frozen modules' constants), by minor
 * version. Recorded with `compile("x = 'c'", ...).co_consts[0] is chr(ord('c'))`
 * on 3.11.7 and 3.12.1; every other version interns the `LATIN1` singleton.
 */
const STARTUP_INTERNED_ONE_CHAR: Record<number, string> = {
  11: 'abcdefhijklmnopqrstvwxyBCLST',
  12: 'abcdenprsx',
};

const LIST_FREE_LIST: FreeListSlot = { key: 'list', capacity: 80 };
const DICT_FREE_LIST: FreeListSlot = { key: 'dict', capacity: 80 };
const METHOD_FREE_LIST: FreeListSlot = { key: 'method', capacity: 256 };
const CFUNCTION_FREE_LIST: FreeListSlot = { key: 'builtin_function_or_method', capacity: 256 };
const TUPLE_FREE_LISTS: FreeListSlot[] = Array.from({ length: 20 }, (_, n) => ({ key: `tuple${n}`, capacity: 2000 }));
/** Objects/frameobject.c `PyFrame_MAXFREELIST` (≤ 3.10). */
const FRAME_FREE_LIST: FreeListSlot = { key: 'frame', capacity: 200 };
/**
 * Objects/sliceobject.c `slice_cache` (3.6–3.13): one freed slice kept for the
 * next PySlice_New(); a collection never empties it. Start-up leaves one in it.
 */
const SLICE_CACHE: FreeListSlot = { key: 'slice', capacity: 1, keptByCollections: true };

const SMALL_MIN = -5;
const SMALL_MAX = 256;
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The runtime of one program run. */
export class Runtime {
  readonly heap: Heap;
  readonly profile: VersionProfile;
  readonly sizes: sizes.SizeProfile;
  readonly listAlloc: tables.ListAllocProfile;
  readonly t: Record<string, PyTypeObject> = {};
  // The types and sizes the allocation and call fast paths read, as fields: `t` and
  // `sizes.fixed` get their keys one by one, so V8 keeps them as hash tables (a
  // lookup each time), while a field of the runtime is one load.
  intType!: PyTypeObject;
  floatType!: PyTypeObject;
  strType!: PyTypeObject;
  tupleType!: PyTypeObject;
  listType!: PyTypeObject;
  dictType!: PyTypeObject;
  builtinFunctionType!: PyTypeObject;
  methodDescriptorType!: PyTypeObject;
  private readonly floatSize: number;
  /** The source lines of each file whose code runs, by `co_filename` (for tracebacks). */
  readonly sources = new Map<string, readonly string[]>();
  /** The item names of each struct sequence type (`sys.version_info`, `UnraisableHookArgs`). */
  readonly structSeqFields = new Map<PyTypeObject, readonly string[]>();
  None!: PySingleton;
  NotImplemented!: PySingleton;
  Ellipsis!: PySingleton;
  True!: PyInt;
  False!: PyInt;
  emptyTuple!: PyTuple;
  emptyStr!: PyStr;
  /** The empty bytes singleton (`bytes_get_empty`). */
  emptyBytes!: PyBytes;
  /** The one-byte bytes cache (`CHARACTER(c)`), filled on first use. */
  private readonly byteChars: (PyBytes | undefined)[] = [];
  private readonly smallInts: PyInt[] = [];
  readonly interned = new Map<string, PyStr>();
  private readonly latin1: (PyStr | undefined)[] = [];
  /** The process's output, as it leaves the interpreter (the CLI streams it). */
  emit: (stream: 'stdout' | 'stderr', text: string) => void = () => {};
  /** Sees every write of the program when it is made, buffered or not (the trace). */
  onOutput: ((stream: 'stdout' | 'stderr', text: string) => void) | null = null;
  /** sys.stdout's text layer: what the program prints waits there until flushed. */
  readonly stdoutText: StdoutText;

  constructor(heap: Heap) {
    this.heap = heap;
    this.profile = heap.profile;
    this.sizes = sizes.sizeProfile(heap.profile.version);
    this.floatSize = this.sizes.fixed.float;
    this.listAlloc = tables.listAllocProfile(heap.profile.version);
    this.stdoutText = new StdoutText(this);
    heap.freeListOf = (o, freeing) => this.freeListOf(o, freeing);
    // unicode_dealloc: a mortal interned string leaves the interned dict when it dies.
    heap.onFree = (o) => {
      if (o instanceof PyStr && o.interned === InternState.Interned && this.interned.get(o.value) === o) this.interned.delete(o.value);
      // code_dealloc (up to 3.10): the code's zombie frame is freed with it (PyObject_GC_Del).
      if (o instanceof PyCode) {
        const zombie = this.zombieSlots.get(o);
        if (zombie) {
          this.zombieSlots.delete(o);
          heap.dropFreeList(zombie.key);
        }
      }
    };
    this.initTypes();
  }

  /**
   * The type-specific free lists: Objects/listobject.c (`PyList_MAXFREELIST`
   * 80), dictobject.c (`PyDict_MAXFREELIST` 80), tupleobject.c (sizes 1–19,
   * `PyTuple_MAXFREELIST` 2000 each), and up to 3.8 classobject.c /
   * methodobject.c (`PyMethod_MAXFREELIST`, 256). Only exact types use them.
   */
  private freeListOf(o: PyObject, freeing: boolean): FreeListSlot | null {
    const t = o.ob_type;
    if (t === this.listType) return LIST_FREE_LIST;
    if (t === this.dictType) return DICT_FREE_LIST;
    if (t === this.tupleType) {
      const n = (o as PyTuple).allocatedLength;
      return n > 0 && n < 20 ? TUPLE_FREE_LISTS[n]! : null;
    }
    if (t === this.t.frame && this.profile.frameObjectPerCall) return this.frameFreeListOf(o as PyFrame, freeing);
    if (t === this.t.slice) return SLICE_CACHE;
    if (this.profile.methodFreeLists) {
      if (t === this.t.method) return METHOD_FREE_LIST;
      if (t === this.t.builtin_function_or_method) return CFUNCTION_FREE_LIST;
    }
    return null;
  }

  /**
   * Up to 3.10 a code object keeps the frame of its last finished call as
   * its zombie frame, and other frames go to the frame free list; neither
   * counts as a GC allocation or deallocation. The zombie is taken first
   * and refilled first (Objects/frameobject.c frame_dealloc(),
   * _PyFrame_New_NoTrack(); 3.6–3.10). A full collection empties the free
   * list (PyFrame_ClearFreeList), not the zombies.
   */
  private frameFreeListOf(f: PyFrame, freeing: boolean): FreeListSlot {
    let zombie = this.zombieSlots.get(f.code);
    if (!zombie) {
      zombie = { key: `zombie frame of code ${this.zombieSlots.size}`, capacity: 1, keptByCollections: true };
      this.zombieSlots.set(f.code, zombie);
    }
    const hasZombie = this.heap.freeListSize(zombie.key) > 0;
    return hasZombie === freeing ? FRAME_FREE_LIST : zombie;
  }
  private readonly zombieSlots = new Map<PyCode, FreeListSlot>();

  /**
   * Allocates as `type->tp_alloc` (PyType_GenericAlloc) does: never from the type's free
   * list. `list()` (list_new; list_vectorcall from 3.9) and `dict()` (dict_new) allocate so
   * in 3.6–3.13, while their deallocation still fills the free list (list_dealloc,
   * dict_dealloc), so each such call counts as a GC allocation. `make` allocates one object.
   */
  genericAlloc<T>(make: () => T): T {
    this.heap.nextAllocationIsGeneric = true;
    try {
      return make();
    } finally {
      this.heap.nextAllocationIsGeneric = false;
    }
  }

  // ---------------------------------------------------------------- types

  /** Makes a static built-in type. */
  makeType(name: string, base: PyTypeObject | null, opts: { gc?: boolean; basetype?: boolean; trashcan?: boolean } = {}): PyTypeObject {
    let flags = 0;
    if (opts.gc) flags |= TPFLAGS.HAVE_GC;
    if (opts.basetype !== false) flags |= TPFLAGS.BASETYPE;
    const t = new PyTypeObject(this.t.type ?? null, name, { base, flags });
    t.usesTrashcan = opts.trashcan ?? false;
    t.immortal = true;
    t.ob_refcnt = this.profile.immortalObjects ? this.profile.immortalRefcnt : 1_000_000;
    t.mroCache = [t];
    for (let b = base; b; b = b.tp_base) t.mroCache.push(b);
    this.t[name] = t;
    switch (name) {
      case 'int':
        this.intType = t;
        break;
      case 'float':
        this.floatType = t;
        break;
      case 'str':
        this.strType = t;
        break;
      case 'tuple':
        this.tupleType = t;
        break;
      case 'list':
        this.listType = t;
        break;
      case 'dict':
        this.dictType = t;
        break;
      case 'builtin_function_or_method':
        this.builtinFunctionType = t;
        break;
      case 'method_descriptor':
        this.methodDescriptorType = t;
        break;
    }
    return t;
  }

  private initTypes(): void {
    const object = this.makeType('object', null);
    const type = this.makeType('type', object, { gc: true });
    object.ob_type = type;
    type.ob_type = type;
    const mk = (name: string, base: PyTypeObject | null = object, opts: { gc?: boolean; basetype?: boolean; trashcan?: boolean } = {}) => this.makeType(name, base, opts);
    mk('NoneType', object, { basetype: false });
    mk('NotImplementedType', object, { basetype: false });
    mk('ellipsis', object, { basetype: false });
    const int = mk('int');
    mk('bool', int, { basetype: false });
    mk('float');
    mk('str');
    mk('bytes');
    mk('tuple', object, { gc: true, trashcan: true });
    // tp_itemsize of the variable-size built-ins: type_new() gives their subclasses no `__weakref__` slot.
    int.tp_itemsize = 4;
    this.t.bytes!.tp_itemsize = 1;
    this.t.tuple!.tp_itemsize = 8;
    mk('list', object, { gc: true, trashcan: true });
    mk('dict', object, { gc: true, trashcan: true });
    mk('set', object, { gc: true });
    mk('frozenset', object, { gc: true });
    mk('function', object, { gc: true, basetype: false });
    mk('code', object, { basetype: false });
    mk('cell', object, { gc: true, basetype: false });
    mk('method', object, { gc: true, basetype: false });
    mk('builtin_function_or_method', object, { gc: true, basetype: false });
    mk('method_descriptor', object, { gc: true, basetype: false });
    mk('module', object, { gc: true });
    mk('frame', object, { gc: true, basetype: false, trashcan: true });
    // Generators have a tp_finalize (PEP 442): a suspended one is closed when it dies,
    // after gen_dealloc() has called the callbacks of its weak references.
    const generator = mk('generator', object, { gc: true, basetype: false });
    generator.hasFinalizer = true;
    generator.clearsWeakRefsBeforeFinalizer = true;
    mk('traceback', object, { gc: true, basetype: false, trashcan: true });
    mk('range', object, { basetype: false });
    mk('slice', object, { gc: true, basetype: false });
    mk('property', object, { gc: true });
    mk('classmethod', object, { gc: true });
    mk('staticmethod', object, { gc: true });
    mk('super', object, { gc: true });
    mk('weakref', object, { gc: true });
    mk('weakproxy', object, { gc: true, basetype: false });
    mk('weakcallableproxy', object, { gc: true, basetype: false });
    for (const it of ['list_iterator', 'list_reverseiterator', 'tuple_iterator', 'range_iterator', 'longrange_iterator', 'str_ascii_iterator', 'str_iterator', 'set_iterator', 'dict_keyiterator', 'dict_valueiterator', 'dict_itemiterator', 'dict_reversekeyiterator', 'dict_reversevalueiterator', 'dict_reverseitemiterator', 'bytes_iterator', 'callable_iterator', 'iterator']) {
      mk(it, object, { gc: !['range_iterator', 'longrange_iterator'].includes(it) || it === 'longrange_iterator', basetype: false });
    }
    for (const n of ['map', 'filter', 'zip', 'enumerate', 'reversed']) mk(n, object, { gc: true });
    for (const n of ['dict_keys', 'dict_values', 'dict_items']) mk(n, object, { gc: true, basetype: false });
    mk('getset_descriptor', object, { gc: true, basetype: false });
    mk('member_descriptor', object, { gc: true, basetype: false });
    mk('mappingproxy', object, { gc: true, basetype: false });
    // sys.stdout and sys.stderr (Modules/_io/textio.c).
    const textIOWrapper = mk('TextIOWrapper', object, { gc: true, basetype: false });
    textIOWrapper.tp_name = '_io.TextIOWrapper';
    textIOWrapper.moduleName = '_io';
    mk('NoneType_placeholder', object, { basetype: false });
    // Struct sequences (PyStructSequence): tuples whose items are also named attributes.
    this.structSeqType('sys.version_info', ['major', 'minor', 'micro', 'releaselevel', 'serial']);
    this.structSeqType('UnraisableHookArgs', ['exc_type', 'exc_value', 'exc_traceback', 'err_msg', 'object']);
    this.structSeqType('sys.float_info', ['max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix', 'rounds']);
    this.structSeqType('sys.int_info', ['bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold']);
    this.structSeqType('sys.hash_info', ['width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff']);
    // The types `freeListOf` may give a free list.
    for (const name of ['list', 'dict', 'tuple', 'slice']) this.t[name]!.hasFreeList = true;
    if (this.profile.methodFreeLists) this.t.method!.hasFreeList = this.t.builtin_function_or_method!.hasFreeList = true;
    if (this.profile.frameObjectPerCall) this.t.frame!.hasFreeList = true;
    for (const name of ['int', 'float', 'str', 'bytes']) this.t[name]!.deallocOnlyFrees = true;

    this.None = this.heap.allocateStatic(new PySingleton(this.t.NoneType!, 'None'), 16);
    this.NotImplemented = this.heap.allocateStatic(new PySingleton(this.t.NotImplementedType!, 'NotImplemented'), 16);
    this.Ellipsis = this.heap.allocateStatic(new PySingleton(this.t.ellipsis!, 'Ellipsis'), 16);
    this.False = this.heap.allocateStatic(new PyInt(this.t.bool!, 0), this.sizes.fixed.False);
    this.True = this.heap.allocateStatic(new PyInt(this.t.bool!, 1), this.sizes.fixed.True);
    for (let i = SMALL_MIN; i <= SMALL_MAX; i++) {
      this.smallInts.push(this.heap.allocateStatic(new PyInt(int, i), sizes.sizeofInt(this.sizes, i)));
    }
    this.emptyTuple = this.heap.allocateStatic(new PyTuple(this.t.tuple!, []), sizes.sizeofTuple(this.sizes, 0));
    this.emptyStr = this.heap.allocateStatic(new PyStr(this.t.str!, ''), sizes.sizeofStr(this.sizes, ''));
    // The slice start-up freed last waits in `slice_cache` (NON-SPEC: made and freed here).
    const cached = this.heap.allocateLongLived(new PyNative(this.t.slice!, []), this.sizes.fixed.slice);
    cached.ob_refcnt = 0;
    this.heap.free(cached);
    this.emptyStr.interned = InternState.InternedImmortal;
    this.interned.set('', this.emptyStr);
    this.emptyBytes = this.heap.allocateStatic(new PyBytes(this.t.bytes!, new Uint8Array()), sizes.sizeofBytes(this.sizes, 0));
    // Not yet: `internStartupStrings()` is right for 3.11/3.12 (identity_one_char_strings),
    // but until the compiler folds constant subscripts (`"abc"[1]` → the constant 'b',
    // slice_empty_str) the folded and literal one-character strings would differ.
    void this.internStartupStrings;
    this.initExceptions();
  }

  /** The built-in exception hierarchy (Objects/exceptions.c). */
  private initExceptions(): void {
    const tree: [string, string][] = [
      ['BaseException', 'object'],
      ['SystemExit', 'BaseException'],
      ['KeyboardInterrupt', 'BaseException'],
      ['GeneratorExit', 'BaseException'],
      ['Exception', 'BaseException'],
      ['StopIteration', 'Exception'],
      ['ArithmeticError', 'Exception'],
      ['FloatingPointError', 'ArithmeticError'],
      ['OverflowError', 'ArithmeticError'],
      ['ZeroDivisionError', 'ArithmeticError'],
      ['AssertionError', 'Exception'],
      ['AttributeError', 'Exception'],
      ['BufferError', 'Exception'],
      ['EOFError', 'Exception'],
      ['ImportError', 'Exception'],
      ['ModuleNotFoundError', 'ImportError'],
      ['LookupError', 'Exception'],
      ['IndexError', 'LookupError'],
      ['KeyError', 'LookupError'],
      ['MemoryError', 'Exception'],
      ['NameError', 'Exception'],
      ['UnboundLocalError', 'NameError'],
      ['OSError', 'Exception'],
      ['ReferenceError', 'Exception'],
      ['RuntimeError', 'Exception'],
      ['NotImplementedError', 'RuntimeError'],
      ['RecursionError', 'RuntimeError'],
      ['SyntaxError', 'Exception'],
      ['IndentationError', 'SyntaxError'],
      ['TabError', 'IndentationError'],
      ['SystemError', 'Exception'],
      ['TypeError', 'Exception'],
      ['ValueError', 'Exception'],
      ['UnicodeError', 'ValueError'],
      ['Warning', 'Exception'],
      ['UserWarning', 'Warning'],
      ['DeprecationWarning', 'Warning'],
      ['RuntimeWarning', 'Warning'],
      ['ResourceWarning', 'Warning'],
    ];
    for (const [name, base] of tree) this.makeType(name, this.t[base]!, { gc: true, trashcan: true });
  }

  // ---------------------------------------------------------------- factories (each returns a new reference)

  /** `PyLong_FromLong`: small ints come from the cache. */
  newInt(v: bigint | number): PyInt {
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) return this.newSafeInt(v);
      v = BigInt(v);
    }
    if (v >= MIN_SAFE && v <= MAX_SAFE) return this.newSafeInt(Number(v));
    return this.heap.allocate(new PyInt(this.intType, v), sizes.sizeofInt(this.sizes, v));
  }

  /** `newInt` of a safe integer (|v| < 2**53), held as a number: no BigInt on the arithmetic fast paths. */
  newSafeInt(v: number): PyInt {
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
      const o = this.smallInts[v - SMALL_MIN]!;
      this.heap.incref(o);
      return o;
    }
    return this.heap.allocate(new PyInt(this.intType, v), sizes.sizeofInt(this.sizes, v));
  }

  newBool(v: boolean): PyInt {
    const o = v ? this.True : this.False;
    this.heap.incref(o);
    return o;
  }

  newFloat(v: number): PyFloat {
    return this.heap.allocate(new PyFloat(this.floatType, v), this.floatSize);
  }

  /**
   * `PyUnicode_FromString`: the empty string and one-character latin-1
   * strings are shared singletons; everything else is a new object.
   */
  newStr(s: string): PyStr {
    if (s.length === 0) return this.heap.newref(this.emptyStr);
    if (s.length === 1 && s.charCodeAt(0) < 256) return this.heap.newref(this.latin1Char(s.charCodeAt(0)));
    return this.newStrObject(s);
  }

  /** A str that is always a fresh object (the parser's literals, before interning). */
  newStrObject(s: string): PyStr {
    const o = new PyStr(this.strType, s);
    return this.heap.allocate(o, sizes.sizeofStrChars(this.sizes, o.length, o.maxChar));
  }

  /**
   * The latin-1 one-character cache (`LATIN1(ch)`), filled on first use before
   * 3.12, static from 3.12. The singleton is the interned string for its
   * character unless start-up interned another object first (see
   * `STARTUP_INTERNED_ONE_CHAR`).
   */
  private latin1Char(c: number): PyStr {
    let o = this.latin1[c];
    if (!o) {
      const ch = String.fromCharCode(c);
      o = this.heap.allocateStatic(new PyStr(this.t.str!, ch), sizes.sizeofStr(this.sizes, ch));
      if (!this.interned.has(ch)) {
        o.interned = InternState.InternedImmortal;
        this.interned.set(ch, o);
      }
      this.latin1[c] = o;
    }
    return o;
  }

  /**
   * NON-SPEC shortcut for CPython's start-up: the one-character strings that
   * 3.11/3.12 intern at start-up as objects of their own (constants of the
   * deep-frozen modules), so a `"h"` constant is not the `LATIN1('h')` cache.
   */
  private internStartupStrings(): void {
    const chars = STARTUP_INTERNED_ONE_CHAR[this.profile.version[1]] ?? '';
    for (const ch of chars) {
      const o = this.heap.allocateStatic(new PyStr(this.t.str!, ch), sizes.sizeofStr(this.sizes, ch));
      o.interned = InternState.InternedImmortal;
      this.interned.set(ch, o);
    }
  }

  /**
   * A str result that may be `self` itself: CPython returns the same object
   * when an operation changes nothing (`unicode_result_unchanged`: `s[:]`,
   * `s.strip()` with nothing to strip, `s.replace()` with no match, `s + ''`,
   * `s * 1`, `''.join([s])`), when `self` is an exact str. A new reference.
   */
  strResult(self: PyStr, value: string): PyStr {
    if (value === self.value && self.ob_type === this.t.str) return this.heap.newref(self);
    return this.newStr(value);
  }

  /**
   * `PyUnicode_InternInPlace`: returns the interned string equal to `s`
   * (a new reference), making `s` the interned one if there is none yet.
   * From 3.12 interned strings are immortal, in 3.13 only those interned as
   * names (`asName`; 3.13 _PyUnicode_InternImmortal, which also immortalizes a
   * string a constant interned mortal before; see
   * VersionProfile.constantsInternedMortal) and those equal to a string 3.13 holds
   * immortal from start-up (VersionProfile.startupImmortalStrings: the interned one
   * is that immortal string). Consumes the reference to `s`.
   */
  intern(s: PyStr, asName = true): PyStr {
    const immortal = this.profile.immortalObjects && (asName || !this.profile.constantsInternedMortal || this.profile.startupImmortalStrings.has(s.value));
    let interned = this.interned.get(s.value);
    if (interned) {
      if (interned !== s) {
        this.heap.incref(interned);
        this.heap.decref(s);
      }
    } else {
      this.interned.set(s.value, s);
      // A mortal interned string: the interned dict's two references are not counted (SSTATE_INTERNED_MORTAL).
      s.interned = InternState.Interned;
      interned = s;
    }
    if (immortal && !interned.immortal) {
      interned.interned = InternState.InternedImmortal;
      interned.immortal = true;
      interned.ob_refcnt = this.profile.immortalRefcnt;
      // A count set without an event (NON-SPEC: the trace reconciles it).
      if (this.heap.trace) this.heap.trace.changed(interned);
    }
    return interned;
  }

  /** An interned str for an identifier (attribute and global names), a new reference. */
  internString(value: string): PyStr {
    const existing = this.interned.get(value);
    // Every attribute access comes here: an interned string that is already what a name needs is returned at once.
    if (existing && (existing.immortal || !this.profile.immortalObjects)) return this.heap.newref(existing);
    // Otherwise through intern(): a name makes a mortal interned string immortal (3.13).
    return this.intern(existing ? this.heap.newref(existing) : this.newStrObject(value));
  }

  /** `PyBytes_FromStringAndSize`: the empty bytes and one-byte bytes are shared singletons. */
  newBytes(b: Uint8Array): PyBytes {
    if (b.length === 0) return this.heap.newref(this.emptyBytes);
    if (b.length === 1) {
      let o = this.byteChars[b[0]!];
      if (!o) {
        o = this.heap.allocateStatic(new PyBytes(this.t.bytes!, Uint8Array.of(b[0]!)), sizes.sizeofBytes(this.sizes, 1));
        this.byteChars[b[0]!] = o;
      }
      return this.heap.newref(o);
    }
    return this.heap.allocate(new PyBytes(this.t.bytes!, b), sizes.sizeofBytes(this.sizes, b.length));
  }

  /** `PyTuple_New` + fill: steals the item references. The empty tuple is a singleton. */
  newTuple(items: PyObject[]): PyTuple {
    if (items.length === 0) return this.heap.newref(this.emptyTuple);
    const t = this.heap.allocate(new PyTuple(this.tupleType, items), sizes.sizeofTuple(this.sizes, items.length));
    this.track(t);
    return t;
  }

  /** A struct sequence type: a tuple type whose items are named (`PyStructSequence_NewType`). */
  private structSeqType(name: string, fields: string[]): PyTypeObject {
    const type = this.makeType(name, this.t.tuple!, { gc: true, basetype: false });
    this.structSeqFields.set(type, fields);
    return type;
  }

  /** `PyStructSequence_New` + fill: steals the item references. */
  newStructSeq(type: PyTypeObject, items: PyObject[]): PyTuple {
    const t = this.heap.allocate(new PyTuple(type, items), sizes.sizeofTuple(this.sizes, items.length));
    this.track(t);
    return t;
  }

  /**
   * `PyList_New` + fill: steals the item references; `allocated` defaults to
   * exact. With `type`, a heap subclass of list (list's tp_new,
   * PyType_GenericNew): the caller gives the instance its reference to the type.
   */
  newList(items: PyObject[], allocated = items.length, type = this.listType): PyList {
    const l = new PyList(type, items, allocated);
    l.onResize = this.listResized;
    this.listResized(l, allocated);
    this.heap.allocate(l, this.sizes.gcHeaderSize + 40 + this.subtypeExtraSize(type));
    this.track(l);
    return l;
  }

  /** Whether instances of the type have a weak reference list (`tp_weaklistoffset != 0`). */
  typeHasWeaklist(type: PyTypeObject): boolean {
    return type.instancesHaveWeakrefs || WEAKREFABLE_BUILTINS.some((n) => this.t[n] === type);
  }

  /**
   * The bytes a heap subclass adds to the instances of its built-in base
   * (`__dict__` and, when the base has none, `__weakref__`), 0 for the base
   * itself: see sizes.sizeofSubtypeExtra.
   */
  subtypeExtraSize(type: PyTypeObject): number {
    if (!type.isHeapType) return 0;
    const base = type.mroCache.find((b) => !b.isHeapType)!;
    return sizes.sizeofSubtypeExtra(this.sizes, type.instancesHaveDict, type.instancesHaveWeakrefs && !this.typeHasWeaklist(base));
  }

  /**
   * Mirrors Include/internal/pycore_object.h _PyType_PreHeaderSize(): what
   * sys.getsizeof() adds to `__sizeof__()` — the GC header of a GC type and,
   * 3.11+, the two pointers before the object of a managed `__dict__` (3.12+:
   * or `__weakref__`).
   */
  preHeaderSize(type: PyTypeObject): number {
    const gcHeader = type.isGC ? this.sizes.gcHeaderSize : 0;
    if (!type.isHeapType) return gcHeader;
    const base = type.mroCache.find((b) => !b.isHeapType)!;
    const addsWeakref = type.instancesHaveWeakrefs && !this.typeHasWeaklist(base);
    const managed = (type.instancesHaveDict && this.sizes.managedDict) || (addsWeakref && this.sizes.managedWeakref);
    return gcHeader + (managed ? 16 : 0);
  }

  /** Counts a list's item array (8 bytes a slot) against the heap limit. */
  private readonly listResized = (l: PyList, allocated: number): void => {
    this.heap.resizeExtra(l, allocated * 8);
  };

  /**
   * The MemoryError raised when the simulated heap is full. CPython keeps
   * instances ready for this; pymem makes one with the limit lifted.
   */
  memoryError(): PyErr {
    const heap = this.heap;
    const limit = heap.maxMemory;
    heap.maxMemory = Number.MAX_SAFE_INTEGER;
    try {
      return this.error('MemoryError');
    } finally {
      heap.maxMemory = limit;
    }
  }

  /**
   * `PyDict_New`: untracked until it holds a value that may be tracked
   * (`MAINTAIN_TRACKING`). With `type`, a heap subclass of dict: dict_new()
   * leaves it tracked (it untracks exact dicts only) and the caller gives the
   * instance its reference to the type.
   */
  newDict(type = this.dictType): PyDict {
    const d = this.heap.allocate(new PyDict(type), this.sizes.gcHeaderSize + 48 + this.subtypeExtraSize(type));
    if (type !== this.dictType) this.track(d);
    if (this.newDictSharesEmptyKeys) {
      // 3.8+: `Py_EMPTY_KEYS` (log2 size 0, nothing usable) until the first insertion.
      d.log2Size = 0;
      d.usable = 0;
    }
    return d;
  }

  /** 3.8+: `PyDict_New()` starts from the shared empty keys; 3.6/3.7 allocate 8 slots. */
  private get newDictSharesEmptyKeys(): boolean {
    return this.profile.version[1] >= 8;
  }

  /** `make_new_set`; with `type`, a heap subclass of set (the caller gives the instance its reference to the type). */
  newSet(frozen = false, type = frozen ? this.t.frozenset! : this.t.set!): PySet {
    const s = this.heap.allocate(new PySet(type), sizes.sizeofSet(this.sizes, 8) + this.subtypeExtraSize(type));
    this.track(s);
    return s;
  }

  /** An unbuffered write: stderr, and pymem's own messages. */
  write(stream: 'stdout' | 'stderr', text: string): void {
    this.onOutput?.(stream, text);
    this.emit(stream, text);
  }

  /** A built-in function object (`PyCFunction`), bound to `self` when given. */
  newBuiltin(name: string, fn: NativeFn, self: PyObject | null = null, qualname = name): PyNative {
    return this.allocBuiltin({ name, fn, qualname }, self);
  }

  /** A module's built-in function (`PyCFunction` with the module as `m_self`). */
  newModuleFunction(module: PyModule, name: string, fn: NativeFn): PyNative {
    return this.allocBuiltin({ name, fn, qualname: name, ofModule: true }, module);
  }

  /**
   * A built-in function or method that exists from start-up (in a built-in type's
   * dict): no allocation of the program, one reference (the dict's).
   */
  newStartupBuiltin(name: string, fn: NativeFn, self: PyObject): PyNative {
    this.heap.incref(self);
    const o = this.heap.allocateLongLived(new PyNative(this.t.builtin_function_or_method!, [self], { name, fn, qualname: name }), this.sizes.fixed.builtin_function_or_method);
    o.ob_refcnt = 1;
    this.track(o);
    return o;
  }

  private allocBuiltin(state: NativeFunctionState, self: PyObject | null): PyNative {
    if (self) this.heap.incref(self);
    const o = this.heap.allocate(new PyNative(this.t.builtin_function_or_method!, [self], state), this.sizes.fixed.builtin_function_or_method);
    this.track(o);
    return o;
  }

  /** `_PyObject_GC_TRACK`. */
  track(o: PyObject): void {
    if (!o.gc_tracked) this.heap.gc?.track(o);
  }

  /** `_PyObject_GC_UNTRACK`. */
  untrack(o: PyObject): void {
    if (o.gc_tracked) this.heap.gc?.untrack(o);
  }

  // ---------------------------------------------------------------- exceptions

  /** Makes an exception instance of a built-in type with `args` (stolen). */
  newException(type: PyTypeObject, args: PyObject[]): PyException {
    const e = this.heap.allocate(new PyException(type, this.newTuple(args)), this.sizes.fixed.exception);
    this.track(e);
    return e;
  }

  /** Raises `TypeName(message)`: `throw rt.error('TypeError', "...")`. */
  error(typeName: string, message?: string): PyErr {
    const type = this.t[typeName];
    if (!type) throw new Error(`internal: no exception type ${typeName}`);
    return new PyErr(this.newException(type, message === undefined ? [] : [this.newStr(message)]));
  }

  /** Whether an object is an instance of `type` (or a subclass). */
  isInstance(o: PyObject, type: PyTypeObject): boolean {
    return o.ob_type === type || o.ob_type.isSubtype(type);
  }
}

/** The built-in types with a weak reference list (`tp_weaklistoffset`) that pymem has. */
const WEAKREFABLE_BUILTINS = ['function', 'builtin_function_or_method', 'method', 'set', 'frozenset', 'generator', 'code', 'module'];
