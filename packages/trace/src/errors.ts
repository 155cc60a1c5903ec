/**
 * The errors of @pymem/trace. A trace that cannot be read gets a
 * `TraceFormatError` naming what is wrong and the byte offset where it was
 * found, so a user can tell a truncated file from a corrupt or foreign one.
 */

/** A trace file is truncated, corrupt, of another schema version, or not a trace at all. */
export class TraceFormatError extends Error {
  constructor(
    /** What is wrong, without the offset. */
    readonly reason: string,
    /** The byte offset in the file where the problem was found. */
    readonly offset: number,
  ) {
    super(`${reason} (at byte offset ${offset})`);
    this.name = 'TraceFormatError';
  }
}

/** A request the trace cannot answer: a step out of range, an object never allocated. */
export class TraceQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceQueryError';
  }
}
