// A worker thread that runs programs with the engine in-process (`runProgram` from
// @pymem/python), one message per program, as the CLI's worker does
// (apps/cli/src/worker.ts), but kept alive between programs: starting a Node process
// per program costs ~0.6 s, a run here a few milliseconds. The pool in engine.mjs gives
// it the CLI's stack size, and replaces it when a program runs past its time limit.
import { parentPort } from 'node:worker_threads';
import { runProgram } from '@pymem/python';

parentPort.on('message', ({ id, source, path, version, maxSteps, maxMemory }) => {
  const out = [];
  const err = [];
  let status;
  try {
    const result = runProgram({
      source,
      path,
      version,
      ...(maxSteps ? { maxSteps } : {}),
      ...(maxMemory ? { maxMemory } : {}),
      checkInvariants: false,
      write: (stream, text) => (stream === 'stdout' ? out : err).push(text),
    });
    status = result.exitCode;
  } catch (error) {
    // What the CLI prints for an error the engine did not turn into a Python one.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    err.push(`pymem: internal error: ${message}\n`);
    status = 1;
  }
  parentPort.postMessage({ id, stdout: out.join(''), stderr: err.join(''), status });
});
