/**
 * The worker thread of the `pymem` command: runs one program with the engine and
 * posts its output back in batches, then its exit status. See protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runProgram } from '@pymem/python';
import type { TraceSink } from '@pymem/trace';
import { streamTo, traceHeader } from './trace-commands';
import {
  FLUSH_INTERVAL_MS,
  FLUSH_SIZE,
  MAX_IN_FLIGHT,
  type Chunk,
  type WorkerInput,
  type WorkerMessage,
} from './protocol';

const input = workerData as WorkerInput;
const port = parentPort!;
const inFlight = new Int32Array(input.inFlight);

let chunks: Chunk[] = [];
let pendingStream: 'stdout' | 'stderr' | undefined;
let pendingText: string[] = [];
let size = 0;
/** 0 at the start, so the program's first write goes out at once. */
let lastFlush = 0;

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

function endRun(): void {
  if (pendingStream !== undefined && pendingText.length > 0) {
    chunks.push([pendingStream, pendingText.join('')]);
  }
  pendingText = [];
  pendingStream = undefined;
}

/** Posts the buffered output, then waits while the main thread is too far behind. */
function flush(): void {
  endRun();
  lastFlush = Date.now();
  if (chunks.length === 0) return;
  const batch = chunks;
  const batchSize = size;
  chunks = [];
  size = 0;
  Atomics.add(inFlight, 0, batchSize);
  post({ type: 'write', chunks: batch, size: batchSize });
  for (;;) {
    const current = Atomics.load(inFlight, 0);
    if (current <= MAX_IN_FLIGHT) break;
    Atomics.wait(inFlight, 0, current, 1000);
  }
}

function write(stream: 'stdout' | 'stderr', text: string): void {
  if (text.length === 0) return;
  if (stream !== pendingStream) {
    endRun();
    pendingStream = stream;
  }
  pendingText.push(text);
  size += text.length;
  // The first write after a quiet spell goes out at once: a program that prints
  // and then computes for a while shows its output while it computes.
  if (size >= FLUSH_SIZE || Date.now() - lastFlush >= FLUSH_INTERVAL_MS) flush();
}

function run(trace: TraceSink | undefined): { exitCode: number } {
  return runProgram({
    source: input.source,
    path: input.path,
    ...(input.cwd !== undefined ? { cwd: input.cwd } : {}),
    argv: input.argv,
    version: input.version,
    ...(input.maxSteps !== undefined ? { maxSteps: input.maxSteps } : {}),
    ...(input.maxMemory !== undefined ? { maxMemory: input.maxMemory } : {}),
    checkInvariants: input.checkInvariants,
    write,
    ...(trace ? { trace } : {}),
  });
}

try {
  let result: { exitCode: number } = { exitCode: 1 };
  const t = input.trace;
  if (t) streamTo(t.path, t.format, traceHeader(input.version, input.path, input.source), (sink) => (result = run(sink)));
  else result = run(undefined);
  flush();
  post({ type: 'exit', exitCode: result.exitCode });
} catch (error) {
  flush();
  post({
    type: 'internal-error',
    message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
