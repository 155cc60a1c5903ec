/**
 * sys.stdout's text layer: Modules/_io/textio.c's TextIOWrapper write() and
 * flush() for a stdout that is a pipe or a file (block-buffered, not
 * line-buffered — how the goldens are recorded), and the flushes of
 * Python/pythonrun.c flush_io() and Python/pylifecycle.c flush_std_files().
 *
 * The program's text waits in `pending_bytes` until more than `chunk_size`
 * (8192) bytes are pending or something flushes; only then does it reach the
 * process's output. The list that holds several pending chunks is a GC object,
 * and up to 3.11 allocating it may start a collection whose `__del__` prints:
 * that write runs inside the first, and CPython's own state goes wrong —
 * 3.6/3.7 drop the inner write's text (its list leaks), 3.8–3.11 nest the
 * inner list in the outer one, after which every flush fails with
 * "TypeError: expected bytes, list found" and nothing more is written
 * (python/cpython#97922; 3.12 no longer collects at allocation).
 *
 * NON-SPEC: the pending chunks are JavaScript strings, not bytes or str
 * objects; only the lists are simulated objects (holding no items). The
 * BufferedWriter and the raw file are not objects either: only the bound
 * methods the io stack makes to call them are.
 */
import { PyNative, type PyList } from '@pymem/object-model';
import type { Runtime } from './runtime';
import { PyErr } from './errors';

/** A TextIOWrapper's `chunk_size` (8192). */
const CHUNK_SIZE = 8192;

/** A pending list: its simulated object and what it holds, in order. */
interface PendingList {
  readonly list: PyList;
  /** A chunk of text, or — only after a collection re-entered write() — the list that was pending then. */
  readonly items: (string | PendingList)[];
}

/** The length of `text` in UTF-8 (a lone surrogate counts as U+FFFD, as TextEncoder writes it), without encoding it. */
function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a surrogate pair: two code units, four bytes
      i++;
    } else n += 2;
  }
  return n;
}

export class StdoutText {
  /** `pending_bytes`: nothing, one chunk (3.8+), or a list of chunks. */
  private pending: string | PendingList | null = null;
  /** `pending_bytes_count`. */
  private pendingCount = 0;
  /** Whether the BufferedWriter holds bytes its raw file has not been given yet. */
  private bufferHasData = false;

  private fileObject: PyNative | null = null;

  constructor(private readonly rt: Runtime) {}

  /** The `sys.stdout` object, made on first use (a start-up object in CPython). */
  get file(): PyNative {
    const rt = this.rt;
    this.fileObject ??= rt.heap.allocateStatic(new PyNative(rt.t.TextIOWrapper!, [], 'stdout'), rt.sizes.fixed.TextIOWrapper);
    return this.fileObject;
  }

  /** Mirrors _io_TextIOWrapper_write_impl() (the text has been checked to be a str). */
  write(text: string): void {
    const rt = this.rt;
    rt.onOutput?.('stdout', text);
    const n = utf8Length(text);
    if (rt.profile.pendingWritesAlwaysList) {
      if (this.pending === null) {
        this.pendingCount = 0;
        // PyList_New(0) is assigned to pending_bytes after it returns: a write made by a
        // collection it started (its own list, its text) is overwritten, the list leaked.
        const list = rt.newList([]);
        this.pending = { list, items: [] };
      }
      (this.pending as PendingList).items.push(text);
      this.pendingCount += n;
      if (this.pendingCount > CHUNK_SIZE) this.writeFlush();
      return;
    }
    if (this.pendingCount + n > CHUNK_SIZE) {
      // "Prevent to concatenate more than chunk_size data."
      this.writeFlush();
      this.pending = text;
    } else if (this.pending === null) {
      this.pendingCount = 0;
      this.pending = text;
    } else if (typeof this.pending === 'string') {
      const list = rt.newList([]);
      // PyList_SET_ITEM(list, 0, self->pending_bytes) reads pending_bytes after PyList_New(2):
      // if a collection it started wrote, that is now a list, and it nests.
      this.pending = { list, items: [this.pending, text] };
    } else {
      this.pending.items.push(text);
    }
    this.pendingCount += n;
    if (this.pendingCount >= CHUNK_SIZE) this.writeFlush();
  }

  /** Mirrors _io_TextIOWrapper_flush_impl(): the pending text to the buffer, then `buffer.flush()`. */
  flush(): void {
    this.writeFlush();
    // buffer.flush() (a bound method up to 3.8, _PyObject_CallMethodId) gives the raw file what it holds.
    this.callBound('flush', this.rt.profile.printFlushMakesBoundMethod, () => {
      if (this.bufferHasData) this.callBound('write', this.rt.profile.ioCallsWriteThroughBoundMethods, () => (this.bufferHasData = false));
    });
  }

  /**
   * Python/pythonrun.c flush_io(), after the main module has run: `sys.stderr.flush()`
   * and `sys.stdout.flush()`, an error of either cleared.
   */
  flushIo(): void {
    this.callFromC(() => this.flushStderr());
    try {
      this.callFromC(() => this.flush());
    } catch (e) {
      // PyErr_Clear()
      if (!(e instanceof PyErr)) throw e;
      this.rt.heap.decref(e.exc);
    }
  }

  /**
   * Python/pylifecycle.c flush_std_files(), in Py_FinalizeEx after the atexit
   * functions: `sys.stdout.flush()`, then `sys.stderr.flush()`. Returns the error
   * of stdout's flush, if any, for the caller to report as unraisable (the
   * interpreter then exits with status 120).
   */
  flushStdFiles(): unknown {
    let error: unknown = null;
    try {
      this.callFromC(() => this.flush());
    } catch (e) {
      error = e;
    }
    this.callFromC(() => this.flushStderr());
    return error;
  }

  /**
   * NON-SPEC: at the end of the run, what is still pending reaches the process's
   * output (CPython's second flush_std_files() and the io objects' finalization).
   * Text stuck behind a nested list is lost, as in CPython.
   */
  drain(): void {
    const text = this.pendingText();
    this.pending = null;
    this.pendingCount = 0;
    if (text) this.rt.emit('stdout', text);
  }

  /** Mirrors _textiowrapper_writeflush(): the pending chunks, joined, go to `buffer.write()`. */
  private writeFlush(): void {
    const pending = this.pending;
    if (pending === null) return;
    const text = this.pendingText();
    // PyBytes_AsStringAndSize() of a nested list; pending_bytes stays as it is.
    if (text === null) throw this.rt.error('TypeError', 'expected bytes, list found');
    this.pendingCount = 0;
    this.pending = null;
    if (typeof pending !== 'string') this.rt.heap.decref(pending.list);
    this.callBound('write', this.rt.profile.ioCallsWriteThroughBoundMethods, () => {
      this.bufferHasData = true;
      this.rt.emit('stdout', text);
    });
  }

  /** The pending chunks joined, or null when a list is nested among them. */
  private pendingText(): string | null {
    const pending = this.pending;
    if (pending === null) return '';
    if (typeof pending === 'string') return pending;
    let text = '';
    for (const item of pending.items) {
      if (typeof item !== 'string') return null;
      text += item;
    }
    return text;
  }

  /** `sys.stderr.flush()`: nothing is pending there (pymem writes stderr through), only its method calls. */
  private flushStderr(): void {
    this.callBound('flush', this.rt.profile.printFlushMakesBoundMethod, () => {});
  }

  /** A method call from C: through a bound method up to 3.8 (_PyObject_CallMethodId), unbound later. */
  private callFromC(run: () => void): void {
    this.callBound('flush', this.rt.profile.printFlushMakesBoundMethod, run);
  }

  /** Calls `run` as the method `name`, through a new bound built-in method object when `bound`. */
  private callBound(name: string, bound: boolean, run: () => void): void {
    const rt = this.rt;
    const meth = bound ? rt.newBuiltin(name, () => rt.heap.newref(rt.None)) : null;
    try {
      run();
    } finally {
      if (meth) rt.heap.decref(meth);
    }
  }
}
