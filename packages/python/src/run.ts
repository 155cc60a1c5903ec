/**
 * Running a program: parse, compile, make the code objects (with the
 * references CPython's compiler and the AST arena hold to constants), run
 * the main module, print an uncaught exception as CPython's traceback does,
 * then free the AST arena — as Python/pythonrun.c does after the main module.
 */
import {
  Heap,
  PyObject,
  PyStr,
  PyTuple,
  PyDict,
  PyModule,
  PyException,
  PyInt,
  PyFloat,
  PyInstance,
  PyWeakref,
  PyGenerator,
  PyNative,
  PyFunction,
  HeapExhausted,
  getProfile,
  DEFAULT_VERSION as DEFAULT_PROFILE,
  PROFILES,
} from '@pymem/object-model';
import { installRefcounting } from '@pymem/refcount';
import { installGC, type GCState } from '@pymem/gc';
import { parseModule, PySyntaxError, UnsupportedSyntax } from './parser/index';
import type * as ast from './parser/ast';
import { compileModule, type CodeUnit } from './compiler/compiler';
import { makeCode } from './runtime/code';
import { Runtime } from './runtime/runtime';
import { ObjectProtocol } from './runtime/objects';
import { Operations } from './runtime/operations';
import { installBuiltins } from './runtime/builtins';
import { installModules } from './runtime/modules';
import { PyErr, StepLimitExceeded } from './runtime/errors';
import { formatSyntaxWarning, printTraceback, reportUnraisable } from './runtime/traceback';
import { VM } from './vm/vm';
import { Frame } from './vm/frame';
import { TraceEmitter } from './vm/trace';
import type { TraceSink } from '@pymem/trace';
import { dictSetItem } from './runtime/dict';

/** Options of one run. */
export interface RunOptions {
  /** The program text. */
  source: string;
  /** The file name as given on the command line, or `<stdin>`. */
  path: string;
  /** `sys.argv`; by default `[path]`. */
  argv?: readonly string[];
  /**
   * The working directory the program runs in: from 3.9 a relative `path` is
   * made absolute against it for `__file__`, code objects and tracebacks, as
   * CPython does. Without it the path is used as given.
   */
  cwd?: string;
  /** `'3.6'` … `'3.13'`; default `'3.12'`. */
  version?: string;
  /** Instruction limit; default unlimited. */
  maxSteps?: number;
  /** Simulated-heap limit in bytes; default 1 GiB. */
  maxMemory?: number;
  /** Verify the heap's invariants after the run (on in CI). */
  checkInvariants?: boolean;
  /** Where the program's output goes. */
  write: (stream: 'stdout' | 'stderr', text: string) => void;
  /** Where the run's trace events go (see @pymem/trace); no tracing when absent. */
  trace?: TraceSink;
}

/** What a run ended with. */
export interface RunResult {
  exitCode: number;
}

/** The versions pymem models, oldest first. */
export const SUPPORTED_VERSIONS: readonly string[] = Object.keys(PROFILES);
/** The version used when none is asked for. */
export const DEFAULT_VERSION: string = DEFAULT_PROFILE;

/**
 * The `resourceLimits` of the worker thread a front end runs the engine in
 * (`new Worker(…, { resourceLimits: ENGINE_WORKER_LIMITS })`):
 * - a large stack, because deep Python recursion and deeply nested structures
 *   recurse in the engine;
 * - a large old generation, because every simulated object is a JS object
 *   (a 1,000,000-node list is about 400 MB of JS heap);
 * - a large young generation, because a run makes and drops simulated objects
 *   at a high rate: with V8's default semi-spaces most of them are copied out of
 *   the nursery still alive, and scavenging takes a fifth of the run.
 */
export const ENGINE_WORKER_LIMITS = { stackSizeMb: 256, maxOldGenerationSizeMb: 4096, maxYoungGenerationSizeMb: 128 } as const;

/** Runs a Python program on a fresh simulated heap. */
export function runProgram(options: RunOptions): RunResult {
  const profile = getProfile(options.version ?? DEFAULT_VERSION);
  if (!profile) throw new Error(`unsupported Python version ${options.version}`);
  const heap = new Heap(profile);
  // NON-SPEC: the trace emitter watches the heap from its first allocation.
  const tracer = options.trace ? new TraceEmitter(options.trace, heap) : null;
  if (options.maxMemory) heap.maxMemory = options.maxMemory;
  const rt = new Runtime(heap);
  rt.emit = options.write;
  if (tracer) rt.onOutput = (stream, text) => tracer.output(stream, text);
  const p = new ObjectProtocol(rt);
  const ops = new Operations(rt, p);
  const vm = new VM(rt, p, ops);
  if (tracer) (vm.tracer = tracer), (vm.onLine = (line) => tracer.line(line));
  ops.vm = vm;
  p.interp = vm;
  if (options.maxSteps) vm.maxSteps = options.maxSteps;
  const unraisable = (e: unknown, where: PyObject) => reportUnraisable(rt, p, ops, e, where);
  installRefcounting(heap, {
    callFinalizer: (o) => callDel(o),
    removeSubclass: (cls) => ops.removeSubclass?.(cls),
    newTuple: (items) => rt.newTuple(items),
    callWeakrefCallback: (wr, cb) => {
      tracer?.weakrefCallback(wr);
      try {
        rt.heap.decref(p.call(cb, [wr], null));
      } catch (e) {
        unraisable(e, cb);
      }
    },
  });
  const callDel = (o: PyObject) => {
    tracer?.finalize(o);
    if (o instanceof PyGenerator) {
      try {
        ops.closeGenerator(o);
      } catch (e) {
        unraisable(e, o);
      }
      return;
    }
    const del = p.typeLookup(o.ob_type, '__del__');
    if (!del) return;
    // slot_tp_finalize(): from 3.7 lookup_maybe_method() calls a function unbound, with the
    // object; 3.6's lookup_maybe() binds it first (a method object, what "Exception ignored
    // in" names). Anything else goes through its __get__, if it has one, and is called with
    // no arguments; an error from __get__ is lost when the saved exception is restored.
    if (del instanceof PyFunction && !profile.slotCallsBindMethod) {
      try {
        rt.heap.decref(p.call(del, [o], null));
      } catch (e) {
        unraisable(e, del);
      }
      return;
    }
    let got: PyObject;
    try {
      got = ops.descrGet(del, o, o.ob_type);
    } catch (e) {
      if (e instanceof PyErr) return e.clear(rt.heap);
      throw e;
    }
    try {
      rt.heap.decref(p.call(got, [], null));
    } catch (e) {
      unraisable(e, got);
    } finally {
      rt.heap.decref(got);
    }
  };
  let gcState: GCState | null = null;
  gcState = installGC(heap, {
    callFinalizer: (o) => callDel(o),
    callWeakrefCallback: (wr, cb) => {
      tracer?.weakrefCallback(wr);
      try {
        rt.heap.decref(p.call(cb, [wr], null));
      } catch (e) {
        unraisable(e, cb);
      }
    },
    invokeCallbacks: (phase, info) => modules.invokeCallbacks(phase, info),
    writeStderr: (text) => rt.write('stderr', text),
    clearFreeLists: () => heap.clearFreeLists(),
    describe: (o) => `<${o.ob_type.tp_name} 0x${o.addr.toString(16)}>`,
    schedule: () => {
      vm.evalBreaker = () => {
        vm.evalBreaker = null;
        gcState!.runScheduled();
      };
    },
  });
  ops.builtinsDict = installBuiltins(rt, p, ops);
  const modules = installModules(rt, p, ops, gcState);
  // CPython's start-up imports sys (pylifecycle.c _PySys_Create): a program's `import sys`
  // only binds it and allocates nothing.
  const sys = ops.importModule('sys') as PyModule;
  const argv = rt.newList((options.argv ?? [options.path]).map((a) => rt.newStr(a)));
  p.dictSetStr(sys.dict, 'argv', argv);
  heap.decref(argv);
  heap.decref(sys);
  const filename = profile.scriptPathMadeAbsolute && options.cwd !== undefined && !options.path.startsWith('/') ? `${options.cwd.replace(/\/$/, '')}/${options.path}` : options.path;
  if (options.checkInvariants) heap.live = new Set();
  if (tracer) tracer.gc = gcState;

  let exitCode = 0;
  let arena: PyObject[] = [];
  /** The exception that ended the main module, if any (reported after flush_io()). */
  let uncaught: PyException | null = null;
  try {
    let tree: ast.Module;
    try {
      tree = parseModule(options.source, filename, { version: profile.version });
      // A traceback shows the lines linecache can read: none of a pseudo-file such as `<stdin>`.
      if (!filename.startsWith('<')) rt.sources.set(filename, options.source.split('\n'));
    } catch (e) {
      return { exitCode: reportCompileError(rt, e, filename) };
    }
    let unit: CodeUnit;
    try {
      unit = compileModule(tree, filename, options.source, {
        version: profile.version,
        assertLocatedAtTest: profile.assertLocatedAtTest,
        equalCodeConstantsMerged: profile.equalCodeConstantsMerged,
        classBodyStoresMetadata: profile.classBodyStoresMetadata,
        unusedConstsRemoved: profile.unusedConstsRemoved,
        isLiteralWarning: profile.isLiteralWarning,
        onSyntaxWarning: (lineno, message) => rt.write('stderr', formatSyntaxWarning(filename, lineno, message, options.source.split('\n')[lineno - 1])),
        intMaxStrDigits: p.numProfile.intMaxStrDigits,
        intMaxStrDigitsSaysDigits: p.numProfile.intMaxStrDigitsSaysDigits,
      });
    } catch (e) {
      return { exitCode: reportCompileError(rt, e, filename) };
    }
    const made = makeCode(rt, ops, unit, profile.mergeConstsAcrossCode);
    arena = made.arena;
    const main = new PyModule(rt.t.module!, rt.newDict(), '__main__');
    heap.allocate(main, rt.sizes.fixed.module);
    rt.track(main);
    ops.modules.set('__main__', main);
    p.dictSetStr(main.dict, '__name__', rt.internString('__main__'));
    p.dictSetStr(main.dict, '__builtins__', modules.builtinsModule);
    p.dictSetStr(main.dict, '__doc__', rt.None);
    const file = rt.newStr(filename);
    p.dictSetStr(main.dict, '__file__', file);
    heap.decref(file);
    // From 3.12 a module's code has fast locals: the variables of its inlined comprehensions.
    const frame = new Frame(made.code, unit, main.dict, ops.builtinsDict, main.dict, new Array<PyObject | null>(unit.varnames.length).fill(null), null, null, 1);
    // Up to 3.10 PyEval_EvalCode() makes the module's frame object before the first instruction.
    if (profile.frameObjectPerCall) ops.materializeFrame(frame);
    heap.incref(main.dict);
    try {
      const r = vm.run(frame);
      heap.decref(r);
      // The main module's frame goes away when the code returns.
      vm.releaseFrame(frame);
      heap.decref(main.dict);
    } catch (e) {
      vm.releaseFrame(frame);
      heap.decref(main.dict);
      if (e instanceof PyErr) uncaught = e.exc;
      else throw e;
    }
    heap.decref(made.code);
    // Python/pythonrun.c: pyrun_file() frees the AST arena after the main module has run,
    // then flush_io() flushes stderr and stdout, then PyErr_Print() reports the exception.
    for (const o of arena) heap.decref(o);
    rt.stdoutText.flushIo();
    if (uncaught) {
      if (rt.isInstance(uncaught, rt.t.SystemExit!)) {
        exitCode = systemExitCode(rt, p, uncaught);
      } else {
        printTraceback(rt, p, uncaught, ops);
        exitCode = 1;
      }
      heap.decref(uncaught);
    }
    // Py_FinalizeEx: the atexit functions (weakref.finalize's), then flush_std_files(); when
    // stdout cannot be flushed, the interpreter exits with status 120 (Py_RunMain, Py_Exit).
    modules.atExit();
    const flushError = rt.stdoutText.flushStdFiles();
    if (flushError) {
      unraisable(flushError, rt.stdoutText.file);
      exitCode = 120;
    }
    finalizeMain(rt, p, ops, gcState, unraisable, tracer);
  } catch (e) {
    if (e instanceof StepLimitExceeded) {
      rt.stdoutText.drain();
      rt.write('stderr', `pymem: the program was stopped after ${e.limit} steps (--max-steps); raise the limit to let it run longer\n`);
      return { exitCode: 1 };
    }
    if (e instanceof HeapExhausted) {
      rt.stdoutText.drain();
      rt.write('stderr', `MemoryError: pymem's simulated heap limit of ${e.limit} bytes was reached (--max-memory)\n`);
      return { exitCode: 1 };
    }
    throw e;
  } finally {
    // What is still pending reaches the output however the run ends (an internal error included).
    rt.stdoutText.drain();
  }
  tracer?.finish();
  if (options.checkInvariants) checkInvariants(rt, gcState);
  return { exitCode };
}

/**
 * The part of Py_FinalizeEx a program can observe (3.6–3.13, measured against the
 * interpreters): a full collection if gc is enabled (_PyGC_CollectIfEnabled(),
 * with `gc.callbacks`); then finalize_modules() drops the modules from sys.modules
 * — the `__main__` module goes away, and its dict with it unless a cycle holds it
 * (every function's `__globals__`, so nearly always) —; a collection whether or not
 * gc is enabled and without callbacks (_PyGC_CollectNoFail()) reclaims that dict
 * with whatever only it held: their `__del__` run in the collector's order, and a
 * weakref that is itself in that garbage calls no callback (handle_weakrefs());
 * last, a module still alive is emptied by _PyModule_ClearDict() — first the names
 * that start with one underscore, then the rest, `__builtins__` kept. pymem drops
 * only `__main__`: its own modules hold nothing of the program.
 */
function finalizeMain(
  rt: Runtime,
  p: ObjectProtocol,
  ops: Operations,
  gc: GCState,
  unraisable: (e: unknown, where: PyObject) => void,
  tracer: TraceEmitter | null,
): void {
  const collect = (run: () => number) => {
    try {
      run();
    } catch (e) {
      unraisable(e, rt.None);
    }
  };
  if (gc.enabled) collect(() => gc.collect(2, 'manual'));
  const main = ops.modules.get('__main__');
  if (!main) return;
  ops.modules.delete('__main__');
  const d = main.dict;
  // finalize_modules_clear_weaklist() empties the modules its weak references still
  // find alive: hold the module weakly, as they do.
  collect(() => {
    rt.heap.decref(main);
    return 0;
  });
  collect(() => gc.collectNoFail());
  if (main.freed) return;
  const clear = (pick: (name: string) => boolean) => {
    for (const e of d.entries.slice()) {
      if (!(e.key instanceof PyStr) || e.value === null || e.value === rt.None) continue;
      const name = e.key.value;
      if (name === '__builtins__' || !pick(name)) continue;
      try {
        // The name is rebound before the old value is released (dict_ass_sub, then Py_DECREF).
        tracer?.clearMainGlobal(name, rt.None);
        p.dictSetStr(d, name, rt.None);
      } catch (err) {
        unraisable(err, rt.None);
      }
    }
  };
  clear((n) => n.startsWith('_') && !n.startsWith('__'));
  clear(() => true);
}

/** `sys.exit(code)`: the status the interpreter exits with. */
function systemExitCode(rt: Runtime, p: ObjectProtocol, exc: PyException): number {
  const code = exc.args.items[0];
  if (!code || code === rt.None) return 0;
  if (code instanceof PyInt) return Number(code.value) & 0xff;
  rt.write('stderr', `${p.str(code)}\n`);
  return 1;
}

/** Prints a compile-time error as CPython does, returning the exit status. */
function reportCompileError(rt: Runtime, e: unknown, path: string): number {
  if (e instanceof PySyntaxError) {
    const line = e.text.replace(/\n$/, '');
    const stripped = line.replace(/^[ \t\f]+/, '');
    const indent = line.length - stripped.length;
    let out = `  File "${path}", line ${e.lineno}\n`;
    if (stripped.length) {
      out += `    ${stripped.replace(/\s+$/, '')}\n`;
      const start = Math.max(1, e.offset - indent);
      let width = 1;
      if (rt.profile.version[1] >= 10 && e.end_offset && (e.end_lineno ?? e.lineno) === e.lineno && e.end_offset > e.offset) width = e.end_offset - e.offset;
      out += `    ${' '.repeat(start - 1)}${'^'.repeat(width)}\n`;
    }
    out += `${e.kind}: ${e.msg}\n`;
    rt.write('stderr', out);
    return 1;
  }
  if (e instanceof UnsupportedSyntax) {
    rt.write('stderr', `NotImplementedError: pymem does not support ${e.construct} yet (line ${e.lineno})\n`);
    return 1;
  }
  throw e;
}

/** The invariant checker: counts equal references held; nothing freed is reachable. */
function checkInvariants(rt: Runtime, gc: GCState | null): void {
  gc?.validate();
  const live = rt.heap.live!;
  for (const o of live) {
    if (o.freed) throw new Error(`invariant: freed object ${o.ob_type.tp_name} is still live`);
    o.tp_traverse((r) => {
      if (r.freed) throw new Error(`invariant: ${o.ob_type.tp_name} at ${o.addr} refers to a freed ${r.ob_type.tp_name}`);
    });
  }
}

export { PyStr, PyTuple, PyDict, PyInt, PyFloat, PyInstance, PyWeakref, PyNative, dictSetItem };
