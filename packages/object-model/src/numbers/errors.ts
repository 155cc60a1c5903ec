/** The Python exception types the numeric primitives raise. */
export type NumberErrorType = 'ZeroDivisionError' | 'OverflowError' | 'ValueError';

/**
 * A Python exception raised by a numeric primitive: `pyType` and `message` are
 * exactly what CPython prints (`ZeroDivisionError: division by zero`).
 */
export class NumberError extends Error {
  constructor(
    readonly pyType: NumberErrorType,
    message: string,
  ) {
    super(message);
    this.name = 'NumberError';
  }
  /** `"<pyType>: <message>"`, as a traceback's last line. */
  override toString(): string {
    return `${this.pyType}: ${this.message}`;
  }
}
