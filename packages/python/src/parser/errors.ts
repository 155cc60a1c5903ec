/**
 * The errors the front end raises: {@link PySyntaxError} for what CPython rejects
 * with a `SyntaxError` (or its subclasses), {@link UnsupportedSyntax} for valid
 * Python that pymem does not model yet.
 */

/** Which Python exception class a {@link PySyntaxError} stands for. */
export type SyntaxErrorKind = 'SyntaxError' | 'IndentationError' | 'TabError';

/**
 * A Python `SyntaxError` as CPython reports it: the message and the location, with
 * `offset`/`end_offset` 1-based columns counted, as CPython counts them, in
 * characters (code points) of the line — see {@link PySyntaxError.offset}.
 */
export class PySyntaxError extends Error {
  /**
   * @param msg the message, as CPython's `SyntaxError.msg`
   * @param filename the file name given to the parser
   * @param lineno 1-based line of the error
   * @param offset 1-based column of the error (CPython's `SyntaxError.offset`,
   *   which counts code points of the line, not bytes)
   * @param text the source line, with its newline, as CPython's `SyntaxError.text`
   * @param end_lineno 1-based end line, where CPython reports one
   * @param end_offset 1-based end column (exclusive), where CPython reports one
   * @param kind the Python class: `SyntaxError`, `IndentationError` or `TabError`
   */
  constructor(
    readonly msg: string,
    readonly filename: string,
    readonly lineno: number,
    readonly offset: number,
    readonly text: string,
    readonly end_lineno?: number,
    readonly end_offset?: number,
    readonly kind: SyntaxErrorKind = 'SyntaxError',
  ) {
    super(`${msg} (${filename}, line ${lineno})`);
    this.name = kind;
  }
}

/**
 * Valid Python that pymem does not support yet (`async def`, `match`, complex
 * numbers, ...). The runtime reports it as
 * `NotImplementedError: pymem does not support <construct> yet (line N)`.
 */
export class UnsupportedSyntax extends Error {
  /**
   * @param construct a readable name of the construct, e.g. `'async def'`
   * @param lineno 1-based line where it appears
   */
  constructor(
    readonly construct: string,
    readonly lineno: number,
  ) {
    super(`pymem does not support ${construct} yet (line ${lineno})`);
    this.name = 'NotImplementedError';
  }
}
