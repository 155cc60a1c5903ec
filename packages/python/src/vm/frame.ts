/**
 * The interpreter frame (`_PyInterpreterFrame`, 3.11+; `PyFrameObject` up to
 * 3.10): the code being run, its fast locals and cells, the value stack and
 * the block stack. The value stack holds owned references, as CPython's does,
 * so a temporary on it counts in `sys.getrefcount`.
 */
import type { PyCode, PyDict, PyFrame, PyFunction, PyObject, PyException } from '@pymem/object-model';
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

export class Frame {
  pc = 0;
  lineno = 0;
  readonly stack: PyObject[] = [];
  readonly blocks: Block[] = [];
  /** The frame object, when one exists (always up to 3.10). */
  frameObject: PyFrame | null = null;
  /** The exception being handled in this frame (`exc_info`). */
  handling: PyException | null = null;
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
}
