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
  PyCode,
  PyModule,
  PyException,
  PyTraceback,
  PyInt,
  PyFloat,
  PyInstance,
  PyWeakref,
  PyGenerator,
  PyNative,
  HeapExhausted,
  getProfile,
  DEFAULT_VERSION as DEFAULT_PROFILE,
  PROFILES,
} from '@pymem/object-model';
import { installRefcounting } from '@pymem/refcount';
import { installGC, type GCState } from '@pymem/gc';
import { parseModule, PySyntaxError, UnsupportedSyntax } from './parser/index';
import type * as ast from './parser/ast';
import { compileModule, constKey, type CodeUnit, type ConstDesc } from './compiler/compiler';
import { AnchorKind, type Instr } from './compiler/opcodes';
import { Runtime } from './runtime/runtime';
import { ObjectProtocol } from './runtime/objects';
import { Operations } from './runtime/operations';
import { installBuiltins } from './runtime/builtins';
import { installModules } from './runtime/modules';
import { PyErr, StepLimitExceeded } from './runtime/errors';
import { VM } from './vm/vm';
import { Frame } from './vm/frame';
import { TraceEmitter } from './vm/trace';
import type { TraceSink } from '@pymem/trace';
import { dictSetItem } from './runtime/dict';

/** Options of one run. */
export interface RunOptions {
  /** The program text. */
  source: string;
  /** The file name as given on the command line (used in tracebacks). */
  path: string;
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

/** Runs a Python program on a fresh simulated heap. */
export function runProgram(options: RunOptions): RunResult {
  const profile = getProfile(options.version ?? DEFAULT_VERSION);
  if (!profile) throw new Error(`unsupported Python version ${options.version}`);
  const heap = new Heap(profile);
  // NON-SPEC: the trace emitter watches the heap from its first allocation.
  const tracer = options.trace ? new TraceEmitter(options.trace, heap) : null;
  if (options.maxMemory) heap.maxMemory = options.maxMemory;
  const rt = new Runtime(heap);
  rt.write = tracer ? (stream, text) => (tracer.output(stream, text), options.write(stream, text)) : options.write;
  const p = new ObjectProtocol(rt);
  const ops = new Operations(rt, p);
  const vm = new VM(rt, p, ops);
  if (tracer) (vm.tracer = tracer), (vm.onLine = (line) => tracer.line(line));
  ops.vm = vm;
  p.interp = vm;
  if (options.maxSteps) vm.maxSteps = options.maxSteps;
  const unraisable = (e: unknown, where: PyObject) => reportUnraisable(rt, p, e, where);
  installRefcounting(heap, {
    callFinalizer: (o) => callDel(o),
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
    try {
      rt.heap.decref(p.call(del, [o], null));
    } catch (e) {
      unraisable(e, del);
    }
  };
  const callbacks: { list: PyObject | null } = { list: null };
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
  void callbacks;
  ops.builtinsDict = installBuiltins(rt, p, ops);
  const modules = installModules(rt, p, ops, gcState);
  if (options.checkInvariants) heap.live = new Set();
  if (tracer) tracer.gc = gcState;

  let exitCode = 0;
  let arena: PyObject[] = [];
  try {
    let tree: ast.Module;
    try {
      tree = parseModule(options.source, options.path, { version: profile.version });
    } catch (e) {
      return { exitCode: reportCompileError(rt, e, options.path) };
    }
    let unit: CodeUnit;
    try {
      unit = compileModule(tree, options.path, options.source, {
        version: profile.version,
        assertLocatedAtTest: profile.assertLocatedAtTest,
        intMaxStrDigits: p.numProfile.intMaxStrDigits,
        intMaxStrDigitsSaysDigits: p.numProfile.intMaxStrDigitsSaysDigits,
      });
    } catch (e) {
      return { exitCode: reportCompileError(rt, e, options.path) };
    }
    const made = makeCode(rt, unit, profile.mergeConstsAcrossCode);
    arena = made.arena;
    const main = new PyModule(rt.t.module!, rt.newDict(), '__main__');
    heap.allocate(main, rt.sizes.fixed.module);
    rt.track(main);
    ops.modules.set('__main__', main);
    p.dictSetStr(main.dict, '__name__', rt.internString('__main__'));
    p.dictSetStr(main.dict, '__builtins__', modules.builtinsModule);
    p.dictSetStr(main.dict, '__doc__', rt.None);
    const file = rt.newStr(options.path);
    p.dictSetStr(main.dict, '__file__', file);
    heap.decref(file);
    const frame = new Frame(made.code, unit, main.dict, ops.builtinsDict, main.dict, [], null, null, 1);
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
      if (e instanceof PyErr) {
        if (rt.isInstance(e.exc, rt.t.SystemExit!)) {
          exitCode = systemExitCode(rt, p, e.exc);
        } else {
          printTraceback(rt, p, e.exc, options.source);
          exitCode = 1;
        }
        heap.decref(e.exc);
      } else throw e;
    }
    heap.decref(made.code);
  } catch (e) {
    if (e instanceof StepLimitExceeded) {
      rt.write('stderr', `pymem: the program was stopped after ${e.limit} steps (--max-steps); raise the limit to let it run longer\n`);
      return { exitCode: 1 };
    }
    if (e instanceof HeapExhausted) {
      rt.write('stderr', `MemoryError: pymem's simulated heap limit of ${e.limit} bytes was reached (--max-memory)\n`);
      return { exitCode: 1 };
    }
    throw e;
  }
  // Python/pythonrun.c frees the AST arena after the main module has run.
  for (const o of arena) heap.decref(o);
  // Py_FinalizeEx: the atexit functions (weakref.finalize's) run after the arena is freed.
  modules.atExit();
  finalizeMain(rt, p, ops, gcState, unraisable, tracer);
  tracer?.finish();
  if (options.checkInvariants) checkInvariants(rt, gcState);
  return { exitCode };
}

/**
 * The part of Py_FinalizeEx a program can observe: `finalize_modules` runs
 * a collection (`_PyGC_CollectNoFail`, whether or not gc is enabled), then
 * `_PyModule_ClearDict` empties `__main__` — first the names that start with
 * one underscore, then the rest, `__builtins__` last — so the `__del__` of
 * objects still bound to globals runs, in that order.
 */
function finalizeMain(
  rt: Runtime,
  p: ObjectProtocol,
  ops: Operations,
  gc: GCState,
  unraisable: (e: unknown, where: PyObject) => void,
  tracer: TraceEmitter | null,
): void {
  try {
    gc.collect(2, 'shutdown');
  } catch (e) {
    unraisable(e, rt.None);
  }
  const main = ops.modules.get('__main__');
  if (!main) return;
  const d = main.dict;
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

/**
 * Makes the code objects of a compilation: constants become objects (the
 * parser's objects for literals, held by the AST arena), deduplicated per
 * code object, or across the compilation from 3.8 (`merge_consts_recursive`),
 * with identifier-like strings interned (`intern_string_constants`).
 */
export function makeCode(rt: Runtime, unit: CodeUnit, mergeAcross: boolean): { code: PyCode; arena: PyObject[] } {
  const heap = rt.heap;
  const arena: PyObject[] = [];
  const arenaObjects = new Map<ast.Constant, PyObject>();
  const merged = new Map<string, PyObject>();

  /** The parser's object for a literal (one per occurrence, in the arena). */
  const literal = (node: ast.Constant): PyObject => {
    let o = arenaObjects.get(node);
    if (!o) {
      o = valueObject(rt, node.value, true);
      arenaObjects.set(node, o);
      arena.push(o);
    }
    return o;
  };

  const build = (u: CodeUnit): PyCode => {
    const perCode = new Map<string, PyObject>();
    const consts = u.consts.map((d) => constObject(d, perCode));
    const nameObjs = [...u.names, ...u.varnames, ...u.cellvars, ...u.freevars].map((n) => rt.internString(n));
    const code = new PyCode(
      rt.t.code!,
      {
        co_name: u.name,
        co_qualname: u.qualname,
        co_filename: u.filename,
        co_firstlineno: u.firstlineno,
        co_argcount: u.argcount,
        co_posonlyargcount: u.posonlyargcount,
        co_kwonlyargcount: u.kwonlyargcount,
        co_flags: u.flags,
        co_nlocals: u.varnames.length,
        co_stacksize: 0,
        co_varnames: u.varnames,
        co_cellvars: u.cellvars,
        co_freevars: u.freevars,
        co_names: u.names,
        co_code: u,
      },
      rt.newTuple(consts),
      rt.newTuple(nameObjs),
    );
    heap.allocate(code, 200);
    return code;
  };

  const constObject = (d: ConstDesc, perCode: Map<string, PyObject>): PyObject => {
    if (d.kind === 'code') return build(d.unit);
    const key = d.kind === 'ast' ? constKey(d.node.value) : d.kind === 'value' ? constKey(d.value) : null;
    const cacheKey = key ?? (d.kind === 'tuple' && !d.unique ? tupleKey(d) : null);
    const cache = mergeAcross ? merged : perCode;
    if (cacheKey) {
      const hit = cache.get(cacheKey);
      if (hit) return heap.newref(hit);
    }
    let o: PyObject;
    if (d.kind === 'ast') {
      o = heap.newref(literal(d.node));
    } else if (d.kind === 'value') {
      o = valueObject(rt, d.value, false);
    } else {
      const items = d.items.map((x) => constObject(x, perCode));
      o = rt.newTuple(items);
      if (rt.profile.version[1] >= 7 && d.items.every((x) => x.kind === 'ast')) {
        // The AST optimizer folded the display into a constant it keeps in the arena.
        arena.push(heap.newref(o));
      }
    }
    if (o instanceof PyStr && isIdentifierLike(o.value)) o = rt.intern(o);
    if (cacheKey) cache.set(cacheKey, o);
    return o;
  };

  const code = build(unit);
  return { code, arena };
}

function tupleKey(d: ConstDesc): string | null {
  if (d.kind === 'ast') return constKey(d.node.value);
  if (d.kind === 'value') return constKey(d.value);
  if (d.kind === 'tuple') {
    const parts = d.items.map(tupleKey);
    return parts.some((x) => x === null) ? null : `tuple:(${parts.join('|')})`;
  }
  return null;
}

/** `all_name_chars`: strings of identifier characters are interned by the compiler. */
function isIdentifierLike(s: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(s);
}

/** The object for a constant value: singletons and small ints are shared. */
function valueObject(rt: Runtime, v: ast.ConstantValue, fromParser: boolean): PyObject {
  switch (v.kind) {
    case 'None':
      return rt.heap.newref(rt.None);
    case 'Ellipsis':
      return rt.heap.newref(rt.Ellipsis);
    case 'bool':
      return rt.newBool(v.value);
    case 'int':
      return rt.newInt(v.value);
    case 'float':
      return rt.newFloat(v.value);
    case 'str':
      return fromParser && v.value.length > 1 ? rt.newStrObject(v.value) : rt.newStr(v.value);
    case 'bytes':
      return rt.newBytes(v.value);
  }
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

/** `PyErr_WriteUnraisable`: an exception in `__del__` or a callback. */
function reportUnraisable(rt: Runtime, p: ObjectProtocol, e: unknown, where: PyObject): void {
  if (!(e instanceof PyErr)) throw e;
  rt.write('stderr', `Exception ignored in: ${p.repr(where)}\n`);
  printTraceback(rt, p, e.exc, null);
  rt.heap.decref(e.exc);
}

/** Prints `Traceback (most recent call last): ...` as CPython's `PyErr_Display` does. */
export function printTraceback(rt: Runtime, p: ObjectProtocol, exc: PyException, source: string | null): void {
  // Oldest first; each entry carries the separator printed after it.
  const chain: { exc: PyException; after: string }[] = [];
  const seen = new Set<PyException>();
  let cur: PyException | null = exc;
  let after = '';
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    chain.unshift({ exc: cur, after });
    if (cur.cause instanceof PyException) {
      after = '\nThe above exception was the direct cause of the following exception:\n\n';
      cur = cur.cause;
    } else if (cur.context instanceof PyException && !cur.suppressContext) {
      after = '\nDuring handling of the above exception, another exception occurred:\n\n';
      cur = cur.context;
    } else cur = null;
  }
  const lines = source ? source.split('\n') : [];
  let out = '';
  for (const { exc: e, after: separator } of chain) {
    const frames: PyTraceback[] = [];
    for (let tb = e.traceback as PyTraceback | null; tb; tb = tb.next) frames.push(tb);
    if (frames.length) {
      out += 'Traceback (most recent call last):\n';
      let last = '';
      let repeat = 0;
      const flush = () => {
        if (repeat > 3) out += `  [Previous line repeated ${repeat - 3} more time${repeat - 3 > 1 ? 's' : ''}]\n`;
      };
      for (const tb of frames) {
        const code = tb.frame!.code.co;
        const entry = `  File "${code.co_filename}", line ${tb.lineno}, in ${code.co_name}\n`;
        let text = entry;
        const src = lines[tb.lineno - 1];
        if (src !== undefined && src.trim()) {
          text += `    ${src.trim()}\n`;
          const instr = (tb as unknown as { instr?: Instr }).instr;
          if (rt.profile.tracebackCarets && instr && instr.lineno === instr.endLineno && instr.lineno === tb.lineno) {
            const carets = caretLine(src, instr, rt.profile.tracebackCallAnchors);
            if (carets) text += `    ${carets}\n`;
          }
        }
        if (entry === last) {
          repeat++;
          if (repeat <= 3) out += text;
        } else {
          flush();
          last = entry;
          repeat = 1;
          out += text;
        }
      }
      flush();
    }
    const mod = e.ob_type.moduleName;
    const name = e.ob_type.isHeapType && mod !== 'builtins' && !(mod === '__main__' && rt.profile.tracebackOmitsMainModule) ? `${mod}.${e.ob_type.qualname}` : e.ob_type.isHeapType ? e.ob_type.qualname : e.ob_type.tp_name;
    let msg: string;
    if (e.ob_type === rt.t.KeyError && e.args.items.length === 1) msg = p.repr(e.args.items[0]!);
    else msg = p.str(e);
    out += msg ? `${name}: ${msg}\n` : `${name}\n`;
    out += separator;
  }
  rt.write('stderr', out);
}

/** Character index of a UTF-8 byte column of `line` (AST columns count bytes). */
function charCol(line: string, byteCol: number): number {
  let bytes = 0;
  let i = 0;
  for (const ch of line) {
    if (bytes >= byteCol) return i;
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  return i;
}

/**
 * The 3.11+ underline of the failing expression (Python/traceback.c
 * `print_error_location_carets` / Lib/traceback.py `_extract_caret_anchors_from_line_segment`):
 * `^` over the whole expression, or `~` with `^` over the operator, the
 * subscript or (3.13) the argument list. Left out when it would underline
 * the whole line without anchors.
 */
function caretLine(src: string, instr: Instr, callAnchors: boolean): string | null {
  const indent = src.length - src.trimStart().length;
  const trimmed = src.trim();
  const start = charCol(src, instr.col) - indent;
  const end = charCol(src, instr.endCol) - indent;
  if (end <= start) return null;
  let anchor: [number, number] | null = null;
  const kind = instr.anchorKind;
  if (kind === AnchorKind.PlainCallStatement && callAnchors) return null;
  if (instr.anchor >= 0 && (kind === AnchorKind.BinaryOperator || kind === AnchorKind.Subscript || (kind === AnchorKind.Call && callAnchors))) {
    let a = charCol(src, instr.anchor) - indent;
    while (a < end && /[\s)\\]/.test(trimmed[a]!)) a++;
    if (kind === AnchorKind.BinaryOperator) {
      const two = trimmed.slice(a, a + 2);
      anchor = [a, a + (['//', '**', '<<', '>>'].includes(two) ? 2 : 1)];
    } else anchor = [a, end];
    if (anchor[0] >= end) anchor = null;
  }
  if (!anchor && start <= 0 && end >= trimmed.length) return null;
  let out = ' '.repeat(Math.max(0, start));
  for (let i = start; i < end; i++) out += !anchor || (i >= anchor[0] && i < anchor[1]) ? '^' : '~';
  return out;
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
