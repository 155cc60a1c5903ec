/**
 * The interpreter frame (`_PyInterpreterFrame`, 3.11+; `PyFrameObject` up to
 * 3.10): the code being run, its fast locals and cells, the value stack and
 * the block stack. The value stack holds owned references, as CPython's does,
 * so a temporary on it counts in `sys.getrefcount`.
 */
import type { InterpreterFrame, PyCode, PyDict, PyFrame, PyFunction, PyObject, PyException, Visit } from '@pymem/object-model';
import type { CodeUnit } from '../compiler/compiler';

/** A `try`/`with` block (`PyTryBlock`), or an active except handler. */
export interface Block {
  readonly kind: 'setup' | 'handler';
  readonly handler: number;
  /** Value-stack depth to unwind to. */
  readonly level: number;
  /** For a handler block: the exception that was being handled before (`exc_info`). */
  readonly previousExc?: PyException | null;
}

export class Frame implements InterpreterFrame {
  pc = 0;
  lineno = 0;
  readonly stack: PyObject[] = [];
  readonly blocks: Block[] = [];
  /** The frame object, when one exists (always up to 3.10). */
  frameObject: PyFrame | null = null;
  /** The exception being handled in this frame (`exc_info`). */
  handling: PyException | null = null;
  /**
   * Whether the frame holds references of its own to its function (`f_func`)
   * and code (`f_code`): a generator's embedded frame from 3.11 (its code up
   * to 3.11 only: from 3.12 that reference is the generator's). Other frames
   * borrow them from the caller's stack and the function.
   */
  ownsFunc = false;
  ownsCode = false;
  /**
   * 3.11, 3.12: a function frame's cached `f_locals` dict (owned), made by
   * `locals()` or `frame.f_locals` (_PyFrame_FastToLocalsWithError()). Up to
   * 3.10 the frame object holds it.
   */
  fastLocals: PyDict | null = null;
  /** The generator that embeds this frame (3.11+, FRAME_OWNED_BY_GENERATOR). */
  generator: PyObject | null = null;
  constructor(
    readonly code: PyCode,
    readonly unit: CodeUnit,
    readonly globals: PyDict,
    readonly builtins: PyDict,
    /** `f_locals` of module and class bodies; null for functions. */
    readonly locals: PyDict | null,
    /** Fast locals, then cells and free variables. */
    readonly localsplus: (PyObject | null)[],
    readonly func: PyFunction | null,
    readonly back: Frame | null,
    readonly depth: number,
  ) {}

  /** Mirrors Python/frame.c _PyFrame_Traverse() (3.11–3.13): frame object, `f_locals`, function, code, locals and stack. */
  traverse(visit: Visit): void {
    if (this.frameObject) visit(this.frameObject);
    if (this.locals) visit(this.locals);
    if (this.fastLocals) visit(this.fastLocals);
    if (this.func && this.ownsFunc) visit(this.func);
    visit(this.code);
    for (const o of this.localsplus) if (o) visit(o);
    for (const o of this.stack) visit(o);
  }

  /**
   * Mirrors Python/frame.c _PyFrame_Clear() (3.11) / _PyFrame_ClearExceptCode()
   * (3.12+) for a frame nothing runs any more (`previous` is NULL): its frame
   * object, when still held elsewhere, takes it over; otherwise the frame
   * object, the locals and the stack, then the function and the code go.
   */
  clear(out: PyObject[]): void {
    const fo = this.frameObject;
    if (fo) {
      this.frameObject = null;
      out.push(fo);
      if (fo.ob_refcnt > 1) {
        fo.takeOwnership(this, this.ownsFunc, this.ownsCode);
        this.ownsFunc = this.ownsCode = false;
        this.passFastLocals(fo);
        return;
      }
    }
    const localsplus = this.localsplus;
    for (let i = 0; i < localsplus.length; i++) {
      const o = localsplus[i];
      localsplus[i] = null;
      if (o) out.push(o);
    }
    while (this.stack.length) out.push(this.stack.shift()!);
    if (this.fastLocals) out.push(this.fastLocals);
    this.fastLocals = null;
    if (this.ownsFunc && this.func) out.push(this.func);
    if (this.ownsCode) out.push(this.code);
    this.ownsFunc = this.ownsCode = false;
  }

  /** take_ownership() copies the frame whole: its cached `f_locals` becomes the frame object's, no new reference. */
  passFastLocals(fo: PyFrame): void {
    if (!this.fastLocals) return;
    fo.locals = this.fastLocals;
    this.fastLocals = null;
  }
}
