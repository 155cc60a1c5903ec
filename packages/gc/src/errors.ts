/**
 * The errors of @pymem/gc. `GCValueError` carries the message CPython's gc
 * module raises `ValueError` with; the VM turns it into a Python exception.
 * `GCInvariantError` is a bug in the engine (a broken list, a double track),
 * never a Python-level error.
 */

/** A bad argument to a gc module function; the VM raises `ValueError(message)`. */
export class GCValueError extends Error {
  override readonly name = 'GCValueError';
}

/** The collector's state is inconsistent: a bug in the engine or in the caller. */
export class GCInvariantError extends Error {
  override readonly name = 'GCInvariantError';
}
