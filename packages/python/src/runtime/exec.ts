/**
 * Running source text the program hands over at run time: `exec(str)` (Python/
 * bltinmodule.c `builtin_exec_impl` → Python/pythonrun.c `PyRun_StringFlags`)
 * and pymem's own Python-written modules (`Lib/weakref.py`), which are
 * imported: compiled first, then run.
 */
import { PyModule, type PyDict, type PyObject } from '@pymem/object-model';
import { parseModule, PySyntaxError, UnsupportedSyntax } from '../parser/index';
import { compileModule } from '../compiler/compiler';
import { Frame } from '../vm/frame';
import { makeCode } from './code';
import { formatSyntaxWarning } from './traceback';
import type { Runtime } from './runtime';
import type { Operations } from './operations';

/**
 * Compiles `source` as a module and runs it with `globals` and `locals`.
 * `keepArena`: like `PyRun_StringFlags`, the AST arena (which holds the
 * parser's objects for literals) lives until the code has run; an import
 * compiles first and frees the arena before running.
 */
export function runString(rt: Runtime, ops: Operations, source: string, filename: string, globals: PyDict, locals: PyDict, keepArena: boolean): PyObject {
  const heap = rt.heap;
  const version = rt.profile.version;
  const p = ops.p;
  let unit: ReturnType<typeof compileModule>;
  try {
    unit = compileModule(parseModule(source, filename, { version }), filename, source, {
      version,
      assertLocatedAtTest: rt.profile.assertLocatedAtTest,
      equalCodeConstantsMerged: rt.profile.equalCodeConstantsMerged,
      classBodyStoresMetadata: rt.profile.classBodyStoresMetadata,
      unusedConstsRemoved: rt.profile.unusedConstsRemoved,
      isLiteralWarning: rt.profile.isLiteralWarning,
      // linecache has no lines of a string, so the warning shows none.
      onSyntaxWarning: (lineno, message) => rt.write('stderr', formatSyntaxWarning(filename, lineno, message, undefined)),
      intMaxStrDigits: p.numProfile.intMaxStrDigits,
      intMaxStrDigitsSaysDigits: p.numProfile.intMaxStrDigitsSaysDigits,
    });
  } catch (e) {
    if (e instanceof PySyntaxError) throw rt.error(e.kind, `${e.msg} (${filename}, line ${e.lineno})`);
    if (e instanceof UnsupportedSyntax) throw rt.error('NotImplementedError', `pymem does not support ${e.construct} yet (line ${e.lineno})`);
    throw e;
  }
  const made = makeCode(rt, ops, unit, rt.profile.mergeConstsAcrossCode);
  const releaseArena = () => {
    for (const o of made.arena) heap.decref(o);
  };
  if (!keepArena) releaseArena();
  const vm = ops.vm;
  heap.incref(globals);
  heap.incref(locals);
  // From 3.12 module code has fast locals: the variables of its inlined comprehensions.
  const frame = new Frame(made.code, unit, globals, builtinsOf(rt, ops, globals), locals, new Array<PyObject | null>(unit.varnames.length).fill(null), null, vm.current, vm.depth + 1);
  // Up to 3.10 PyEval_EvalCode() runs the code in a frame object.
  if (rt.profile.frameObjectPerCall) ops.materializeFrame(frame);
  try {
    return vm.runCall(frame);
  } finally {
    heap.decref(locals);
    heap.decref(globals);
    heap.decref(made.code);
    if (keepArena) releaseArena();
  }
}

/** The builtins a frame with these globals uses: their `__builtins__` (a module or its dict). */
function builtinsOf(rt: Runtime, ops: Operations, globals: PyDict): PyDict {
  const b = ops.p.dictGetStr(globals, '__builtins__');
  if (b instanceof PyModule) return b.dict;
  return b && b.ob_type === rt.t.dict ? (b as PyDict) : ops.builtinsDict;
}
