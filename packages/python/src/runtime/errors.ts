/**
 * A Python exception in flight. The VM and the built-ins throw it as a JS
 * exception; `exc` is the simulated exception object, which the thrower
 * owns one reference to until a handler takes it.
 */
import type { Heap, PyException, PyTraceback, PyTypeObject } from '@pymem/object-model';

export class PyErr extends Error {
  private instance: PyException | null;
  /** The type of an exception not normalized yet, and how to make its instance. */
  private readonly unmade: { readonly type: PyTypeObject; readonly make: () => PyException } | null;
  /** The traceback gathered while the exception is not normalized (owned). */
  pendingTraceback: PyTraceback | null = null;
  /** NON-SPEC: the frame the innermost pending traceback entry is for. */
  pendingTracebackFrame: unknown = null;

  constructor(exc: PyException);
  constructor(exc: null, unmade: { readonly type: PyTypeObject; readonly make: () => PyException });
  constructor(exc: PyException | null, unmade: PyErr['unmade'] = null) {
    super('Python exception');
    this.instance = exc;
    this.unmade = unmade;
  }

  /**
   * Up to 3.11, `PyErr_SetNone(type)`: only the type is stored (the value is NULL)
   * until something needs the instance — PyErr_NormalizeException(), when a handler
   * catches it — so an exception that only passes through frames and is cleared
   * is never made. 3.12 makes the instance at once.
   */
  static unnormalized(type: PyTypeObject, make: () => PyException): PyErr {
    return new PyErr(null, { type, make });
  }

  /** The exception instance: made now if it was not (PyErr_NormalizeException), taking the traceback gathered so far. */
  get exc(): PyException {
    if (!this.instance) {
      const exc = this.unmade!.make();
      exc.traceback = this.pendingTraceback;
      (exc as unknown as { tbFrame?: unknown }).tbFrame = this.pendingTracebackFrame;
      this.pendingTraceback = null;
      this.instance = exc;
    }
    return this.instance;
  }

  /** Whether the instance exists. */
  get normalized(): boolean {
    return this.instance !== null;
  }

  /** `PyErr_Clear()`: drops the exception, or the traceback of one never made. */
  clear(heap: Heap): void {
    if (this.instance) heap.decref(this.instance);
    else if (this.pendingTraceback) heap.decref(this.pendingTraceback);
    this.pendingTraceback = null;
  }

  /** The exception's type, without normalizing it. */
  get type(): PyTypeObject {
    return this.instance ? this.instance.ob_type : this.unmade!.type;
  }
}

/** The program asked to stop (`--max-steps` reached): not catchable by Python code. */
export class StepLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`pymem: the program did not finish within ${limit} steps (raise --max-steps to allow more)`);
  }
}
