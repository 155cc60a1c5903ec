/**
 * Version profiles: everything that differs between the CPython versions
 * pymem models, one object per version. Code branches on these named fields,
 * never on a version number compared inline (STYLE.md §3).
 */

import { STATIC_STRINGS_313 } from './static-strings-3.13';
import { STDLIB_MODULE_NAMES_312, STDLIB_MODULE_NAMES_313 } from './stdlib-module-names';

/** The CPython versions pymem models. */
export type VersionName = '3.6' | '3.7' | '3.8' | '3.9' | '3.10' | '3.11' | '3.12' | '3.13';

/** What one CPython version does, as far as pymem observes it. */
export interface VersionProfile {
  /** `"3.12"` */
  readonly name: VersionName;
  /** `[3, 12]` */
  readonly version: readonly [number, number];
  /** A full `sys.version_info` tuple of the interpreter the goldens were recorded with. */
  readonly versionInfo: readonly [number, number, number, string, number];
  /** PEP 683 (3.12+): start-up singletons, small ints and interned strings never change count. */
  readonly immortalObjects: boolean;
  /** What `sys.getrefcount` reads for an immortal object (`_Py_IMMORTAL_REFCNT`). */
  readonly immortalRefcnt: number;
  /** Default `gc.get_threshold()`. */
  readonly gcThresholds: readonly [number, number, number];
  /**
   * NON-SPEC calibration: how many tracked objects CPython's oldest generation
   * holds after the first full collection that pymem does not model (the
   * modules, functions and classes start-up makes: `len(gc.get_objects())`
   * after `import gc, sys; gc.collect()` in the conformance environment, less
   * pymem's own). They count in `long_lived_total`, so a full collection
   * needs that many more promotions before it runs again.
   */
  readonly unmodelledStartupObjects: number;
  /**
   * Up to 3.11 an automatic collection runs inside the allocation that crosses
   * the threshold; from 3.12 the allocation only schedules it, and it runs at
   * the next eval-breaker check.
   */
  readonly gcRunsAtEvalBreaker: boolean;
  /**
   * 3.12+: a CALL site specializes on its second execution (vm/specialize.ts).
   * Specialized as `list.append` (a statement), `len`, `isinstance` or
   * one-argument `type` it ends without checking the eval breaker, so a
   * scheduled collection runs later; as one-argument `str` it packs no
   * argument tuple. (3.11 quickens a code object only after 8 calls or loop
   * iterations, then specializes on the first execution: not modelled.)
   */
  readonly callSitesSpecialize: boolean;
  /**
   * 3.13: a call site calling a class of plain instances whose `__init__` is a
   * simple Python function specializes (CALL_ALLOC_AND_ENTER_INIT): no argument
   * tuple, and no eval-breaker check when `__init__` returns.
   */
  readonly classCallsEnterInit: boolean;
  /** 3.7+: a frame's repr names its file, line and code (frame_repr()). */
  readonly frameReprShowsCode: boolean;
  /**
   * 3.9+: the script's name is made absolute against the working directory
   * (Python/initconfig.c config_run_filename_abspath(), `_Py_abspath`: joined,
   * not normalized), so `__file__` and tracebacks show `/cwd/prog.py`.
   */
  readonly scriptPathMadeAbsolute: boolean;
  /**
   * 3.12+: the parser keeps an object per piece of a string or bytes literal
   * in the AST arena, and a bytes literal's joined object once more
   * (`_PyPegen_concatenate_strings` starts from b"" with PyBytes_Concat), so
   * `b = b"ab"` has one reference more while the main module runs.
   */
  readonly parserArenaHoldsLiteralPieces: boolean;
  /**
   * Whether the C traceback printer (`_PyTraceBack_Print`, which writes
   * unraisable exceptions) underlines the failing expression: 3.11 and 3.12;
   * 3.13 left that to Lib/traceback.py.
   */
  readonly cTracebackPrinterCarets: boolean;
  /**
   * 3.13: PyObject_ClearWeakRefs() holds every (reference, callback) pair in a
   * tuple while the callbacks run, also when there is one (before, a single
   * reference with a callback is called without the tuple).
   */
  readonly weakrefCallbacksAlwaysInTuple: boolean;
  /** 3.11+: a call moves its arguments into the callee's frame instead of copying them. */
  readonly callArgumentsStolen: boolean;
  /**
   * A CALL of a bound method object puts its `self` and function on the value
   * stack in its place and lets the method go before the call: 3.6 and 3.7
   * (call_function()) and 3.11+ (PRECALL, CALL); 3.8–3.10 call it through
   * method_vectorcall(), the method staying on the stack.
   */
  readonly callUnpacksBoundMethod: boolean;
  /**
   * 3.11+: an instance keeps its attributes in inline values; a `__dict__`
   * object exists only once it is asked for.
   */
  readonly inlineInstanceValues: boolean;
  /**
   * 3.13: an instance's `__dict__`, once made, keeps using the instance's inline
   * values (`ma_values->embedded`) until it is resized or the instance lets go of it;
   * while it does, the collector reaches the values through the instance only.
   */
  readonly embeddedInlineValues: boolean;
  /**
   * Up to 3.10 every call allocates (or reuses) a frame object, and a
   * generator owns one (`gi_frame`). From 3.11 a frame is a
   * `_PyInterpreterFrame` (a generator embeds its own, `gi_iframe`) holding
   * its function and code, and a frame object is made only when asked for
   * (`sys._getframe`, `gi_frame`, a traceback); it owns the frame's references
   * only once the frame is cleared while the object lives on (take_ownership).
   */
  readonly frameObjectPerCall: boolean;
  /**
   * 3.6: PyFrame_New() tracks a frame object at once. From 3.7 a frame object
   * is made untracked (_PyFrame_New_NoTrack) and tracked when it outlives its
   * call (`Py_REFCNT(f) > 1` at the end of _PyEval_EvalCode / _PyEval_Vector,
   * take_ownership() from 3.11) or, up to 3.10, when a generator takes it.
   */
  readonly frameObjectTrackedAtCreation: boolean;
  /**
   * 3.6: PyFrame_FastToLocals() fills `f_locals` from the last local name to the
   * first (map_to_dict() counts down); from 3.7 from the first.
   */
  readonly fastToLocalsBackward: boolean;
  /**
   * Up to 3.12 a function frame caches its `f_locals` dict (`locals()`,
   * `frame.f_locals`): PyFrame_FastToLocalsWithError() refreshes the same dict
   * each time and the frame holds it, with a reference to every local, until
   * it is freed. 3.13 (PEP 667) caches nothing: `locals()` is a new snapshot.
   */
  readonly frameCachesLocals: boolean;
  /**
   * 3.9 and 3.13: start-up has not imported `types`, and `import weakref` does
   * (through `_weakrefset`), whose body leaves the class `_C` it made to find
   * `MethodType` as cyclic garbage — 7 objects for the next collection. Other
   * versions import it at start-up, or weakref does not need it (checked:
   * `import gc, weakref; print(gc.collect())`). 3.6's `import collections`
   * (35 objects) is not modelled.
   */
  readonly weakrefImportLoadsTypes: boolean;
  /**
   * 3.12+: clearing a generator's frame keeps its code (_PyFrame_ClearExceptCode):
   * the generator's one reference to its code is its frame's `f_code`. Up to
   * 3.11 the generator holds `gi_code` and its frame a second reference,
   * released when the frame is cleared.
   */
  readonly generatorFrameKeepsCode: boolean;
  /** 3.9+: a constant list display of 3+ items compiles to `BUILD_LIST 0; LIST_EXTEND`. */
  readonly constListDisplayAsExtend: boolean;
  /** `str`/`bytes` hashing: SipHash-2-4 up to 3.10, SipHash-1-3 from 3.11. */
  readonly hashAlgorithm: 'siphash24' | 'siphash13';
  /** `sys.getrecursionlimit()` at start-up. */
  readonly recursionLimit: number;
  /** pymalloc's block alignment (`ALIGNMENT`): 8 up to 3.7, 16 from 3.8. */
  readonly pymallocAlignment: number;
  /** pymalloc's pool size (`POOL_SIZE`). */
  readonly poolSize: number;
  /** pymalloc's arena size (`ARENA_SIZE`). */
  readonly arenaSize: number;
  /** 3.11+: tracebacks underline the failing expression with `~` and `^`. */
  readonly tracebackCarets: boolean;
  /**
   * Where a failed `assert` is located for the traceback's underline: its
   * test expression (3.11, 3.13) or the whole statement (3.12).
   */
  readonly assertLocatedAtTest: boolean;
  /** Up to 3.8 bound methods and built-in function objects had free lists (removed in 3.9). */
  readonly methodFreeLists: boolean;
  /**
   * 3.6: slot functions reach a special method through a bound method
   * (`lookup_method` in slot_tp_init); from 3.7 they call it unbound
   * (`lookup_maybe_method`), allocating nothing.
   */
  readonly slotCallsBindMethod: boolean;
  /**
   * What `print()` packs itself: its arguments in a tuple (3.11+, Argument
   * Clinic's `*args`), or nothing (3.7–3.10, METH_FASTCALL; 3.6 is
   * METH_VARARGS, packed by its calling convention).
   */
  readonly printArgsPacking: 'tuple' | 'none';
  /**
   * The compiler merges equal code objects among a code's constants (3.6–3.10,
   * 3.12: `a, b = (lambda: 0), (lambda: 0)` share one `__code__`); 3.11 and
   * 3.13 keep them apart (measured with the interpreters).
   */
  readonly equalCodeConstantsMerged: boolean;
  /** The compiler's SyntaxWarning for `x is 1`: none before 3.8, `"is" with a literal` to 3.11, naming the literal's type from 3.12. */
  readonly isLiteralWarning: 'none' | 'plain' | 'typed';
  /** 3.13: setting an unknown attribute on an object without `__dict__` says "and no __dict__ for setting new attributes". */
  readonly setattrWithoutDictSaysSo: boolean;
  /** 3.8+: `reversed()` of a dict or dict view (`dict.__reversed__`). */
  readonly dictReversible: boolean;
  /** 3.10+: `staticmethod(f)`/`classmethod(f)` copy f's `__module__`, `__name__`, `__qualname__`, `__doc__`, `__annotations__` into their own `__dict__`. */
  readonly methodWrappersCopyAttributes: boolean;
  /** `print(..., flush=True)` calls `file.flush` through a bound method up to 3.8 (`_PyObject_CallMethodId`). */
  readonly printFlushMakesBoundMethod: boolean;
  /** Up to 3.7 a TextIOWrapper's pending output is always a list; from 3.8 a list only from its second chunk. */
  readonly pendingWritesAlwaysList: boolean;
  /**
   * When `print()`'s argument parser (`_PyArg_Parser`) makes its tuple of keyword
   * names (parser_init, `kwtuple`), which then lives on: 3.7–3.10 at its first
   * call with keywords (`_PyArg_ParseStackAndKeywords`), 3.11 at its first call
   * (Argument Clinic); 3.6 parses with PyArg_ParseTupleAndKeywords and 3.12+
   * has the tuple statically allocated.
   */
  readonly printKwtupleMade: 'first-call-with-keywords' | 'first-call' | 'never';
  /**
   * When a built-in's static argument parser (`_PyArg_Parser`) runs parser_init(),
   * which makes its `kwtuple` of keyword names: at every call up to 3.7
   * (_PyArg_ParseStackAndKeywords, _PyArg_ParseTupleAndKeywordsFast); from 3.8
   * Argument Clinic's fast path skips the parser for positional calls, so only a
   * call with keywords reaches it (_PyArg_UnpackKeywords).
   */
  readonly argParserInitOnEveryCall: boolean;
  /**
   * 3.6: a call with keywords of any built-in function or method makes a dict of
   * them (_PyCFunction_FastCallKeywords()); a METH_FASTCALL one then gets a new
   * tuple of their names (_PyStack_UnpackDict()). From 3.7 only METH_VARARGS
   * functions get a dict.
   */
  readonly cFunctionKeywordsAsDict: boolean;
  /** 3.13: a class body stores `__firstlineno__` and `__static_attributes__` (the `self.<name>` its methods assign) in the class namespace. */
  readonly classBodyStoresMetadata: boolean;
  /** 3.12+: the compiler removes constants no instruction loads after folding (remove_unused_consts()), such as a function's defaults folded into their tuple. */
  readonly unusedConstsRemoved: boolean;
  /** Up to 3.11 slot_tp_getattr_hook's call_attribute() binds `__getattr__` to the object (a bound method); 3.12 calls it as a method descriptor. */
  readonly getattrHookBindsMethod: boolean;
  /** Up to 3.7 the io stack calls `buffer.write` and `raw.write` through bound built-in methods (PyObject_CallMethodObjArgs); 3.8 looks them up unbound (_PyObject_GetMethod). */
  readonly ioCallsWriteThroughBoundMethods: boolean;
  /**
   * 3.10 and 3.11: before calling `__getattr__`, slot_tp_getattr_hook's generic
   * lookup raises an AttributeError that is normalized at once
   * (set_attribute_error_context()), so the exception object is made; 3.12 asks the
   * lookup not to raise, and earlier versions only store the error's type and message.
   */
  readonly getattrHookMakesAttributeError: boolean;
  /**
   * Up to 3.11 an exception C code sets without a value (`PyErr_SetNone`) is only
   * its type until it is normalized; 3.12's _PyErr_SetObject() makes the instance
   * at once. So closing a generator that catches nothing makes no GeneratorExit.
   */
  readonly errorsSetUnnormalized: boolean;
  /** 3.11+: an exception class of `__main__` prints without its module name. */
  readonly tracebackOmitsMainModule: boolean;
  /** 3.13: a failing call is underlined `~~~^^^^` (callee, then the argument list). */
  readonly tracebackCallAnchors: boolean;
  /** 3.8+: the compiler merges equal constants across the code objects of one compilation. */
  readonly mergeConstsAcrossCode: boolean;
  /** `sizeof(PyGC_Head)`: 32 up to 3.7 (padded for long double), 16 from 3.8. */
  readonly gcHeaderSize: number;
  /** 3.11+: the int <-> decimal str conversion limit (`sys.int_info.default_max_str_digits`). */
  readonly intMaxStrDigits: number;
  /**
   * 3.8+ (bpo-42536, backported): zip, enumerate and dict item iterators track
   * their recycled result tuple again, which a collection may have untracked.
   */
  readonly recycledResultTupleRetracked: boolean;
  /**
   * What `f(*args, **kwargs)` holds while a Python function runs, besides the
   * frame's own references: `'kwtuple'` (up to 3.7, `_PyFunction_FastCallDict`
   * copies the keywords into a (key, value, …) tuple), `'unpacked'` (3.8–3.11,
   * `_PyStack_UnpackDict` copies every argument and makes a tuple of the
   * keyword names; both keep the args tuple and kwargs dict alive), or
   * `'released'` (3.12+, `_PyEvalFramePushAndInit_Ex` releases the tuple and the
   * dict once the frame holds the arguments).
   */
  readonly callExHolds: 'kwtuple' | 'unpacked' | 'released';
  /** Up to 3.8 starred displays and calls build with `BUILD_*_UNPACK` (3.9+: `LIST_EXTEND`, `DICT_MERGE`). */
  readonly unpackOpcodes: boolean;
  /** 3.9+: call errors name the callable as `module.qualname()` (`_PyObject_FunctionStr`). */
  readonly qualifiedCallErrors: boolean;
  /** 3.8+: an exception in `__del__` or a callback goes to `sys.unraisablehook`. */
  readonly unraisableHook: boolean;
  /** 3.6: `repr()` of an exception is its class name and the repr of its args tuple (`E('x',)`). */
  readonly exceptionReprIsArgsTuple: boolean;
  /** 3.11+: iterating an ASCII str uses its own iterator type, `str_ascii_iterator`. */
  readonly asciiStrIterator: boolean;
  /** What `'%d' % x` and `int(x)` say a non-number is not (3.10+ "a real number", unicodeobject.c mainformatlong, longobject.c PyNumber_Long). */
  readonly printfIntegerArgumentIs: 'a number' | 'a real number';
  /**
   * The items of a folded constant tuple are the code's own constants (3.6,
   * whose peephole builds the tuple from co_consts; 3.8+, merge_consts_recursive)
   * — not in 3.7, where `(-6, -6)` holds two different ints.
   */
  readonly constTupleItemsShared: boolean;
  /** 3.7+: `t + ()` and `() + t` return the exact tuple `t` itself (tupleconcat()); 3.6 copies it. */
  readonly tupleConcatReturnsOperand: boolean;
  /**
   * 3.9+: `d.update(arg)` and `dict(arg)` merge an exact dict at once
   * (dict_update_arg()); up to 3.8 dict_update_common() first asks
   * `hasattr(arg, "keys")`, which makes and drops a bound method.
   */
  readonly dictUpdateMergesExactDictFirst: boolean;
  /**
   * Up to 3.11 gen_close() throws GeneratorExit into a generator that has not
   * started, so its frame runs and is cleared (its locals released) when it is
   * finalized; from 3.12 it only marks the generator completed, and the frame
   * keeps its locals until the generator is deallocated.
   */
  readonly closeRunsUnstartedGenerator: boolean;
  /**
   * 3.13: gen_close() of a generator suspended at a `yield` outside any
   * try/with block (exception depth 1) throws nothing in: it marks the
   * generator completed and clears the frame's locals (_PyFrame_ClearLocals),
   * leaving the frame itself, and its frame object, to the generator's
   * deallocation. (3.12 has the same code, but reads the instruction's opcode
   * where it means its argument, so the test never holds.)
   */
  readonly closeClearsLocalsAtPlainYield: boolean;
  /**
   * 3.13: only names (a code's co_names, co_varnames, …) are interned immortal
   * (_PyUnicode_InternImmortal); string constants and `sys.intern()` are interned
   * mortal (_PyUnicode_InternMortal) until a name interns them. 3.12 interns
   * everything immortal; before 3.12 nothing is immortal.
   */
  readonly constantsInternedMortal: boolean;
  /**
   * 3.10/3.11: PyObject_GetAttr() normalizes an AttributeError at once to record its
   * name and object (set_attribute_error_context()), so module_getattro()'s read of
   * `__spec__._initializing` for a missing module attribute makes and clears one.
   */
  readonly moduleGetattrNormalizesSpecError: boolean;
  /**
   * Up to 3.10 deleting a missing attribute from an object with a `__dict__`
   * (_PyObject_GenericSetAttrWithDict() with no value) makes the instance's dict if
   * it has none yet (_PyObjectDict_SetItem()), and turns PyDict_DelItem()'s KeyError
   * into `AttributeError(name)`; from 3.11 the message names the object's type.
   */
  readonly delMissingAttrFromDictSaysName: boolean;
  /** 3.13+: setting or deleting an attribute of an object without `__dict__` says so ("… and no __dict__ for setting new attributes"). */
  readonly setattrNoDictMessage: boolean;
  /**
   * 3.10+: a Python function's argument errors ("f() takes 1 positional argument …")
   * name it by `__qualname__` (_PyEval_MakeFrameVector() reads `fc_qualname`); up to
   * 3.9 they use the code's `co_name`, so a method reads `m()` rather than `A.m()`.
   */
  readonly argumentErrorsUseQualname: boolean;
  /** 3.7+: `"a" + 1` says `can only concatenate str (not "int") to str` (PyUnicode_Concat()); 3.6 says `must be str, not int`. */
  readonly strConcatNamesBothTypes: boolean;
  /** 3.8+: a method descriptor called on the wrong type says "descriptor 'm' for 'T' objects doesn't apply to a 'U' object" (descr_check()); before, "… requires a 'T' object but received a 'U'". */
  readonly descriptorCheckSaysDoesNotApply: boolean;
  /** 3.8+: str.format() with too few positional arguments says "Replacement index N out of range for positional args tuple" (get_field_object()); before, the tuple's own "tuple index out of range". */
  readonly formatNamesReplacementIndex: boolean;
  /**
   * Up to 3.6 object_new()/object_init() refuse extra arguments with "object() takes
   * no parameters" / "object.__init__() takes no parameters"; 3.7 names the type
   * ("C() takes no arguments", "C.__init__() takes exactly one argument …").
   */
  readonly objectInitSaysNoParameters: boolean;
  /** 3.10+: isinstance()/issubclass() accept a union (PEP 604) and their arg-2 errors say so. */
  readonly unionTypes: boolean;
  /**
   * Where a printed NameError looks for a "Did you mean" name: none before 3.10 (no
   * suggestions at all); 3.10–3.12 Python/suggestions.c, the code's varnames, then the
   * globals, then the builtins, each list on its own; 3.13 Lib/traceback.py
   * _compute_suggestion_error(), `f_locals` + globals + builtins as one list.
   */
  readonly suggestions: 'none' | 'separate' | 'concatenated';
  /**
   * 3.12+: a NameError inside a method whose `self` has the name suggests
   * `self.name` first, and a standard-library module's name adds "Did you forget to
   * import 'math'?" (tested against these names: sys.stdlib_module_names).
   */
  readonly suggestionStdlibModules: ReadonlySet<string> | null;
  /** 3.13+: an AttributeError's suggestions skip `_`-names unless the name starts with `_` or the object is the frame's `self`. */
  readonly suggestionsHideUnderscored: boolean;
  /** 3.12+: sum() adds floats with compensated (Neumaier) summation (builtin_sum_impl()). */
  readonly sumCompensatesFloats: boolean;
  /**
   * 3.11/3.12: an expression spanning several lines is underlined on its first line
   * only, from its start to the line's end, without anchors (traceback.c
   * print_error_location_carets()); 3.13 prints every line of it, which pymem does not
   * draw (no carets then).
   */
  readonly tracebackCaretsFirstLineOnly: boolean;
  /** 3.7+: unpacking a non-iterable says "cannot unpack non-iterable int object" (ceval.c unpack_iterable()); 3.6 "'int' object is not iterable". */
  readonly unpackNamesNonIterable: boolean;
  /** 3.8+: "expected at least 1 argument" (_PyArg_CheckPositional()); 3.6/3.7 say "1 arguments". */
  readonly argCountSingular: boolean;
  /**
   * Up to 3.10 getattr() and hasattr() check the attribute name themselves
   * ("getattr(): attribute name must be string"); 3.11+ leave it to
   * PyObject_GetAttr() ("attribute name must be string, not 'int'"), as setattr()
   * and delattr() always did (Python/bltinmodule.c builtin_getattr()).
   */
  readonly getattrChecksNameItself: boolean;
  /**
   * 3.8+: bytearray() of an object it cannot iterate says "cannot convert 'int'
   * object to bytearray" (Objects/bytearrayobject.c bytearray___init___impl());
   * 3.6/3.7 let PyObject_GetIter()'s "'int' object is not iterable" through.
   */
  readonly bytearrayNamesUnconvertible: boolean;
  /**
   * 3.10+: Argument Clinic's integer converters (`Py_ssize_t`, `int`) take only
   * what PyNumber_Index() takes ("'float' object cannot be interpreted as an
   * integer"); up to 3.9 they refuse a float first ("integer argument expected, got
   * float") and the `int` converter, through PyLong_AsLong()'s `__int__`, says "an
   * integer is required (got type NoneType)".
   */
  readonly clinicIntegerConvertersIndexOnly: boolean;
  /** 3.12 only: iter(o, sentinel) of an uncallable o says "iter(object, sentinel): object must be callable"; otherwise "iter(v, w): v must be callable". */
  readonly iterSentinelNamesParameters: boolean;
  /** 3.8+: PyLong_AsLong() (Argument Clinic's `int` converter up to 3.9) takes an object with `__index__` as well as `__int__`. */
  readonly asLongTakesIndex: boolean;
  /**
   * 3.8+: Argument Clinic names a wrong argument of a parameter that can be given by
   * keyword by its name ("encode() argument 'encoding' must be str, not None");
   * 3.6/3.7 by its position ("argument 1").
   */
  readonly clinicNamesKeywordArguments: boolean;
  /** 3.10+: a three-argument pow() of unsupported operands says "for ** or pow():" (ternary_op()); up to 3.9 "for pow():". */
  readonly ternaryPowNamesOperator: boolean;
  /**
   * 3.7+: bytes.find() and its kin take a bytes-like `sub` or an integer byte
   * through `__index__`, refusing others with "argument should be integer or
   * bytes-like object, not 'NoneType'" (stringlib parse_args_finds_byte()); 3.6
   * takes only an int as a byte and says "a bytes-like object is required, not
   * 'NoneType'".
   */
  readonly bytesFindNamesIntegerArgument: boolean;
  /** 3.7+: PyMapping_Keys() returns a list of what `o.keys()` returned (method_output_as_list()); 3.6's macro returns that result itself. */
  readonly mappingKeysAsList: boolean;
  /**
   * Up to 3.7 C code calling a bound method object with arguments
   * (PyObject_CallFunctionObjArgs() → _PyObject_FastCallDict()) packs them into a
   * tuple for its tp_call; 3.8's vectorcall passes the stack.
   */
  readonly cCallOfMethodPacksArguments: boolean;
  /**
   * The strings a program finds interned immortal when it starts, where constants
   * are interned mortal (3.13): the static `_Py_ID`/`_Py_STR` identifiers and what
   * start-up interned immortal. A constant or `sys.intern()` result equal to one is
   * that immortal string. Empty elsewhere (3.12 interns everything immortal; before,
   * nothing is). Extracted from the interpreter by tooling/scripts/extract-static-strings.py.
   */
  readonly startupImmortalStrings: ReadonlySet<string>;
}

const KIB = 1024;
const STATIC_STRINGS_313_SET: ReadonlySet<string> = new Set(STATIC_STRINGS_313);
const NO_STRINGS: ReadonlySet<string> = new Set();
const STDLIB_312_SET: ReadonlySet<string> = new Set(STDLIB_MODULE_NAMES_312);
const STDLIB_313_SET: ReadonlySet<string> = new Set(STDLIB_MODULE_NAMES_313);

function profile(minor: number, micro: number): VersionProfile {
  const atLeast = (m: number) => minor >= m;
  return {
    name: `3.${minor}` as VersionName,
    version: [3, minor],
    versionInfo: [3, minor, micro, 'final', 0],
    immortalObjects: atLeast(12),
    immortalRefcnt: 4294967295,
    gcThresholds: atLeast(13) ? [2000, 10, 10] : [700, 10, 10],
    // Measured with 3.6.15, 3.7.16, 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1, 3.13.0.
    unmodelledStartupObjects: [4874, 4281, 4432, 4545, 4668, 11041, 4962, 5054][minor - 6] ?? 5054,
    gcRunsAtEvalBreaker: atLeast(12),
    callSitesSpecialize: atLeast(12),
    classCallsEnterInit: atLeast(13),
    weakrefCallbacksAlwaysInTuple: atLeast(13),
    cTracebackPrinterCarets: !atLeast(13),
    frameReprShowsCode: atLeast(7),
    scriptPathMadeAbsolute: atLeast(9),
    parserArenaHoldsLiteralPieces: atLeast(12),
    callArgumentsStolen: atLeast(11),
    callUnpacksBoundMethod: !atLeast(8) || atLeast(11),
    inlineInstanceValues: atLeast(11),
    embeddedInlineValues: atLeast(13),
    frameObjectPerCall: !atLeast(11),
    frameObjectTrackedAtCreation: !atLeast(7),
    fastToLocalsBackward: !atLeast(7),
    frameCachesLocals: !atLeast(13),
    weakrefImportLoadsTypes: minor === 9 || minor === 13,
    generatorFrameKeepsCode: atLeast(12),
    constListDisplayAsExtend: atLeast(9),
    hashAlgorithm: atLeast(11) ? 'siphash13' : 'siphash24',
    recursionLimit: 1000,
    pymallocAlignment: atLeast(8) ? 16 : 8,
    poolSize: atLeast(10) ? 16 * KIB : 4 * KIB,
    arenaSize: atLeast(10) ? 1024 * KIB : 256 * KIB,
    tracebackCarets: atLeast(11),
    tracebackCallAnchors: atLeast(13),
    tracebackOmitsMainModule: atLeast(11),
    methodFreeLists: !atLeast(9),
    slotCallsBindMethod: !atLeast(7),
    printArgsPacking: atLeast(11) ? 'tuple' : 'none',
    equalCodeConstantsMerged: minor !== 11 && minor !== 13,
    isLiteralWarning: !atLeast(8) ? 'none' : atLeast(12) ? 'typed' : 'plain',
    setattrWithoutDictSaysSo: atLeast(13),
    dictReversible: atLeast(8),
    methodWrappersCopyAttributes: atLeast(10),
    printFlushMakesBoundMethod: !atLeast(9),
    pendingWritesAlwaysList: !atLeast(8),
    printKwtupleMade: minor === 11 ? 'first-call' : atLeast(7) && !atLeast(11) ? 'first-call-with-keywords' : 'never',
    argParserInitOnEveryCall: !atLeast(8),
    cFunctionKeywordsAsDict: !atLeast(7),
    classBodyStoresMetadata: atLeast(13),
    unusedConstsRemoved: atLeast(12),
    getattrHookBindsMethod: !atLeast(12),
    ioCallsWriteThroughBoundMethods: !atLeast(8),
    getattrHookMakesAttributeError: minor === 10 || minor === 11,
    errorsSetUnnormalized: !atLeast(12),
    assertLocatedAtTest: minor !== 12,
    mergeConstsAcrossCode: atLeast(8),
    intMaxStrDigits: atLeast(11) ? 4300 : 0,
    gcHeaderSize: atLeast(8) ? 16 : 32,
    recycledResultTupleRetracked: atLeast(8),
    callExHolds: atLeast(12) ? 'released' : atLeast(8) ? 'unpacked' : 'kwtuple',
    unpackOpcodes: !atLeast(9),
    qualifiedCallErrors: atLeast(9),
    unraisableHook: atLeast(8),
    exceptionReprIsArgsTuple: !atLeast(7),
    asciiStrIterator: atLeast(11),
    printfIntegerArgumentIs: atLeast(10) ? 'a real number' : 'a number',
    constTupleItemsShared: minor !== 7,
    tupleConcatReturnsOperand: atLeast(7),
    dictUpdateMergesExactDictFirst: atLeast(9),
    closeRunsUnstartedGenerator: !atLeast(12),
    closeClearsLocalsAtPlainYield: atLeast(13),
    constantsInternedMortal: atLeast(13),
    moduleGetattrNormalizesSpecError: minor === 10 || minor === 11,
    delMissingAttrFromDictSaysName: !atLeast(11),
    setattrNoDictMessage: atLeast(13),
    argumentErrorsUseQualname: atLeast(10),
    strConcatNamesBothTypes: atLeast(7),
    descriptorCheckSaysDoesNotApply: atLeast(8),
    formatNamesReplacementIndex: atLeast(8),
    objectInitSaysNoParameters: !atLeast(7),
    unionTypes: atLeast(10),
    suggestions: atLeast(13) ? 'concatenated' : atLeast(10) ? 'separate' : 'none',
    suggestionStdlibModules: minor === 12 ? STDLIB_312_SET : minor === 13 ? STDLIB_313_SET : null,
    suggestionsHideUnderscored: atLeast(13),
    sumCompensatesFloats: atLeast(12),
    tracebackCaretsFirstLineOnly: minor === 11 || minor === 12,
    unpackNamesNonIterable: atLeast(7),
    argCountSingular: atLeast(8),
    mappingKeysAsList: atLeast(7),
    getattrChecksNameItself: !atLeast(11),
    bytearrayNamesUnconvertible: atLeast(8),
    clinicIntegerConvertersIndexOnly: atLeast(10),
    iterSentinelNamesParameters: minor === 12,
    asLongTakesIndex: atLeast(8),
    clinicNamesKeywordArguments: atLeast(8),
    ternaryPowNamesOperator: atLeast(10),
    bytesFindNamesIntegerArgument: atLeast(7),
    cCallOfMethodPacksArguments: !atLeast(8),
    startupImmortalStrings: minor === 13 ? STATIC_STRINGS_313_SET : NO_STRINGS,
  };
}

/** Every modelled version, oldest first, with the micro release the goldens come from. */
export const PROFILES: Readonly<Record<VersionName, VersionProfile>> = {
  '3.6': profile(6, 15),
  '3.7': profile(7, 16),
  '3.8': profile(8, 18),
  '3.9': profile(9, 18),
  '3.10': profile(10, 13),
  '3.11': profile(11, 7),
  '3.12': profile(12, 1),
  '3.13': profile(13, 0),
};

/** The profile used when none is asked for. */
export const DEFAULT_VERSION: VersionName = '3.12';

/** Looks a profile up by `"3.X"`; returns undefined for versions pymem does not model. */
export function getProfile(name: string): VersionProfile | undefined {
  return Object.prototype.hasOwnProperty.call(PROFILES, name) ? PROFILES[name as VersionName] : undefined;
}
