/**
 * The messages between the `pymem` main thread and the worker thread that runs the
 * engine. The engine runs in a worker so that it gets a large JS stack
 * (`resourceLimits.stackSizeMb`): deep Python recursion and deeply nested
 * structures recurse in the engine, and the main thread's default stack is small.
 */

/** One stream's text, in the order the program wrote it. */
export type Chunk = readonly ['stdout' | 'stderr', string];

/** What the main thread hands the worker (`workerData`). */
export interface WorkerInput {
  source: string;
  path: string;
  /** The working directory a script's path is relative to (none for `-`, the standard input). */
  cwd: string | undefined;
  /** `sys.argv`: the file as given (`-` for the standard input). */
  argv: string[];
  version: string;
  maxSteps: number | undefined;
  maxMemory: number | undefined;
  checkInvariants: boolean;
  /** Where to write the run's trace (`--trace OUT`), and in which encoding. */
  trace: { path: string; format: 'pymemtrace' | 'jsonl' } | undefined;
  /**
   * One Int32 counting the UTF-16 code units posted but not yet written out by the
   * main thread. The worker blocks while it is above {@link MAX_IN_FLIGHT}, so a
   * program printing faster than stdout drains does not fill the main thread's memory.
   */
  inFlight: SharedArrayBuffer;
}

/** What the worker posts back. */
export type WorkerMessage =
  | { type: 'write'; chunks: Chunk[]; size: number }
  | { type: 'exit'; exitCode: number }
  | { type: 'internal-error'; message: string; stack: string | undefined };

/** Post the buffered output once it reaches this many code units (64 Ki). */
export const FLUSH_SIZE = 64 * 1024;
/** …or when this many milliseconds passed since the last post, so output keeps flowing. */
export const FLUSH_INTERVAL_MS = 50;
/** The worker waits while more than this many code units are posted but unwritten. */
export const MAX_IN_FLIGHT = 16 * 1024 * 1024;
