/**
 * Tracebacks as CPython prints them (Python/traceback.c, Python/pythonrun.c
 * `PyErr_Display`) and the reporting of exceptions nothing can catch
 * (Python/errors.c `PyErr_WriteUnraisable`).
 */
import { PyObject, PyTuple, PyException, PyTraceback } from '@pymem/object-model';
import { AnchorKind, type Instr } from '../compiler/opcodes';
import type { Runtime } from './runtime';
import type { ObjectProtocol } from './objects';
import type { Operations } from './operations';
import { PyErr } from './errors';
import { suggestionSuffix } from './suggestions';

/**
 * `PyErr_WriteUnraisable`: an exception in `__del__` or a callback, which
 * nothing can catch. From 3.8 it goes to `sys.unraisablehook` as an
 * `UnraisableHookArgs` (`_PyErr_WriteUnraisableMsg`); the default hook, or
 * any version before, writes it to stderr.
 */
export function reportUnraisable(rt: Runtime, p: ObjectProtocol, ops: Operations, e: unknown, where: PyObject): void {
  if (!(e instanceof PyErr)) throw e;
  const exc = e.exc;
  if (!rt.profile.unraisableHook) {
    writeUnraisable(rt, p, exc, where);
    rt.heap.decref(exc);
    return;
  }
  const heap = rt.heap;
  // _PyErr_WriteUnraisableMsg(): an exception raised before any frame of its own
  // (a callback called with the wrong arguments) gets the running frame's entry.
  if (!exc.traceback) exc.traceback = ops.tracebackOfCurrentFrame();
  const args = rt.newStructSeq(rt.t.UnraisableHookArgs!, [heap.newref(exc.ob_type), exc, heap.newref(exc.traceback ?? rt.None), heap.newref(rt.None), heap.newref(where)]);
  const sys = ops.modules.get('sys');
  const hook = sys ? p.dictGetStr(sys.dict, 'unraisablehook') : null;
  try {
    if (!hook) writeUnraisableArgs(rt, p, args);
    else heap.decref(p.call(hook, [args], null));
  } catch (err) {
    if (!(err instanceof PyErr)) throw err;
    // The hook failed: its own exception is written by the default writer.
    rt.write('stderr', `Exception ignored in sys.unraisablehook: ${p.repr(hook!)}\n`);
    printTraceback(rt, p, err.exc, undefined, unraisableStyle(rt));
    heap.decref(err.exc);
  } finally {
    heap.decref(args);
  }
}

/** `sys.__unraisablehook__`: writes an `UnraisableHookArgs` as `write_unraisable_exc` does. */
export function writeUnraisableArgs(rt: Runtime, p: ObjectProtocol, args: PyTuple): void {
  const [, excValue, , errMsg, obj] = args.items;
  if (!(excValue instanceof PyException)) return;
  const prefix = errMsg && errMsg !== rt.None ? p.str(errMsg) : 'Exception ignored in';
  rt.write('stderr', obj && obj !== rt.None ? `${prefix}: ${p.repr(obj)}\n` : `${prefix}:\n`);
  printTraceback(rt, p, excValue, undefined, unraisableStyle(rt));
}

function writeUnraisable(rt: Runtime, p: ObjectProtocol, exc: PyException, where: PyObject): void {
  rt.write('stderr', `Exception ignored in: ${p.repr(where)}\n`);
  printTraceback(rt, p, exc, undefined, unraisableStyle(rt));
}

/** How a traceback is printed: by `PyErr_Display` (the default), or as an unraisable exception. */
interface TracebackStyle {
  /** The `__cause__`/`__context__` chain before the exception (PyErr_Display only). */
  chain: boolean;
  /** The 3.11+ underlines, where the printer draws them. */
  carets: boolean;
}

/**
 * How `PyErr_WriteUnraisable` prints (Python/errors.c write_unraisable_exc_file()):
 * `_PyTraceBack_Print()` of the exception's own traceback, no chain; that C
 * printer draws no underlines from 3.13 (the Python one, Lib/traceback.py, does).
 */
function unraisableStyle(rt: Runtime): TracebackStyle {
  return { chain: false, carets: rt.profile.cTracebackPrinterCarets };
}

/** PyErr_Display()'s way: the chain, and underlines where the version draws them. */
const DISPLAY_STYLE: TracebackStyle = { chain: true, carets: true };

/**
 * Prints `Traceback (most recent call last): ...` as CPython's `PyErr_Display`
 * does, with each frame's source line from `Runtime.sources`; given `ops` (an
 * uncaught exception, not an unraisable one) with "Did you mean" suggestions.
 */
export function printTraceback(rt: Runtime, p: ObjectProtocol, exc: PyException, ops?: Operations, style: TracebackStyle = DISPLAY_STYLE): void {
  // Oldest first; each entry carries the separator printed after it.
  const chain: { exc: PyException; after: string }[] = [];
  const seen = new Set<PyException>();
  let cur: PyException | null = exc;
  let after = '';
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    chain.unshift({ exc: cur, after });
    if (!style.chain) break;
    if (cur.cause instanceof PyException) {
      after = '\nThe above exception was the direct cause of the following exception:\n\n';
      cur = cur.cause;
    } else if (cur.context instanceof PyException && !cur.suppressContext) {
      after = '\nDuring handling of the above exception, another exception occurred:\n\n';
      cur = cur.context;
    } else cur = null;
  }
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
        const src = rt.sources.get(code.co_filename)?.[tb.lineno - 1];
        if (src !== undefined && src.trim()) {
          text += `    ${src.trim()}\n`;
          const instr = (tb as unknown as { instr?: Instr }).instr;
          const multiline = instr !== undefined && instr.endLineno > instr.lineno && rt.profile.tracebackCaretsFirstLineOnly;
          if (rt.profile.tracebackCarets && style.carets && instr && (instr.lineno === instr.endLineno || multiline) && instr.lineno === tb.lineno) {
            const carets = caretLine(src, instr, rt.profile.tracebackCallAnchors, multiline);
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
    // PyErr_Display() (not the unraisable hook) offers a suggestion for a missing name.
    if (ops) msg += suggestionSuffix(rt, p, ops, e);
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
 * subscript or (3.13) the argument list; with `toLineEnd` (the first line of
 * an expression spanning several) from its start to the line's end. Left out
 * when it would underline the whole line without anchors.
 */
function caretLine(src: string, instr: Instr, callAnchors: boolean, toLineEnd = false): string | null {
  const indent = src.length - src.trimStart().length;
  const trimmed = src.trim();
  const start = charCol(src, instr.col) - indent;
  const end = toLineEnd ? trimmed.length : charCol(src, instr.endCol) - indent;
  if (end <= start) return null;
  let anchor: [number, number] | null = null;
  const kind = toLineEnd ? AnchorKind.None : instr.anchorKind;
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


/** A warning as `warnings.showwarning()` prints it (Lib/warnings.py `_formatwarnmsg_impl`): the source line stripped, if there is one. */
export function formatSyntaxWarning(filename: string, lineno: number, message: string, line: string | undefined): string {
  const text = line?.trim();
  return `${filename}:${lineno}: SyntaxWarning: ${message}\n${text ? `  ${text}\n` : ''}`;
}
