/**
 * A Python exception in flight. The VM and the built-ins throw it as a JS
 * exception; `exc` is the simulated exception object, which the thrower
 * owns one reference to until a handler takes it.
 */
import type { PyException } from '@pymem/object-model';

export class PyErr extends Error {
  constructor(readonly exc: PyException) {
    super('Python exception');
  }
}

/** The program asked to stop (`--max-steps` reached): not catchable by Python code. */
export class StepLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`pymem: the program did not finish within ${limit} steps (raise --max-steps to allow more)`);
  }
}
