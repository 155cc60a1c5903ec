// Runs programs under pymem (a pool of engine worker threads) and under real CPython
// (a child process per program, in the conformance suite's scrubbed environment).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ENGINE_WORKER_LIMITS } from '@pymem/python';
import { runCaptured } from '../../conformance/env.mjs';

/** The file name programs run under, on both sides (tracebacks print it). */
export const PROGRAM_NAME = 'prog.py';
/** Time limit of one run, either side. */
export const TIMEOUT_MS = 30_000;

/**
 * `$(pyenv root)`: from PYENV_ROOT, `pyenv root`, or ~/.pyenv — as
 * conformance/record.mjs finds it (that script does not export its finder).
 */
export function pyenvRoot() {
  if (process.env.PYENV_ROOT) return process.env.PYENV_ROOT;
  try {
    return execFileSync('pyenv', ['root'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return join(homedir(), '.pyenv');
  }
}

/** Maps "X.Y" to `$(pyenv root)/versions/X.Y.Z/bin/python3`, newest patch release first. */
export function findInterpreters() {
  const dir = join(pyenvRoot(), 'versions');
  const found = new Map();
  if (!existsSync(dir)) return found;
  const entries = readdirSync(dir)
    .filter((v) => /^3\.\d+\.\d+$/.test(v))
    .sort((a, b) => {
      const pa = a.split('.').map(Number);
      const pb = b.split('.').map(Number);
      return pb[0] - pa[0] || pb[1] - pa[1] || pb[2] - pa[2];
    });
  for (const v of entries) {
    const xy = v.split('.').slice(0, 2).join('.');
    if (found.has(xy)) continue;
    const bin = join(dir, v, 'bin', 'python3');
    if (existsSync(bin)) found.set(xy, bin);
  }
  return found;
}

/** @typedef {{ stdout: string, stderr: string, status: number | string }} Outcome */

/**
 * Runs `source` under CPython `bin` as `python3 prog.py` in a scratch directory, with
 * the conformance environment (PYTHONHASHSEED=0 …); the directory is stripped from the
 * output as the recorder strips the cases directory.
 * @returns {Promise<Outcome>}
 */
export async function runCPython(bin, source) {
  const dir = mkdtempSync(join(tmpdir(), 'pymem-fuzz-'));
  writeFileSync(join(dir, PROGRAM_NAME), source);
  try {
    const r = await runCaptured(bin, [PROGRAM_NAME], { cwd: dir, timeoutMs: TIMEOUT_MS });
    return { stdout: r.stdout, stderr: r.stderr, status: r.timedOut ? 'timeout' : r.code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A pool of engine worker threads; `run` queues a program for the next free one. */
export class EnginePool {
  /** @param {number} size number of worker threads */
  constructor(size) {
    this.size = size;
    this.idle = [];
    this.waiting = [];
    this.nextId = 0;
    this.all = new Set();
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  spawn() {
    // The CLI's limits (apps/cli/src/main.ts).
    const worker = new Worker(new URL('./engine-worker.mjs', import.meta.url), {
      resourceLimits: ENGINE_WORKER_LIMITS,
    });
    worker.unref();
    this.all.add(worker);
    return worker;
  }

  /**
   * Runs one program on pymem's model of CPython `version`.
   * @returns {Promise<Outcome>}
   */
  run(source, version, { maxSteps, maxMemory, timeoutMs = TIMEOUT_MS } = {}) {
    return new Promise((resolve) => {
      const job = { source, version, maxSteps, maxMemory, timeoutMs, resolve };
      const worker = this.idle.pop();
      if (worker) this.start(worker, job);
      else this.waiting.push(job);
    });
  }

  start(worker, job) {
    const id = this.nextId++;
    let finished = false;
    const finish = (outcome, replace) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      let next = worker;
      if (replace) {
        this.all.delete(worker);
        worker.terminate();
        next = this.spawn();
      }
      job.resolve(outcome);
      const queued = this.waiting.shift();
      if (queued) this.start(next, queued);
      else this.idle.push(next);
    };
    const onMessage = (m) => {
      if (m.id === id) finish({ stdout: m.stdout, stderr: m.stderr, status: m.status }, false);
    };
    const onError = (e) =>
      finish({ stdout: '', stderr: `pymem: internal error: ${e?.name}: ${e?.message}\n`, status: 1 }, true);
    const onExit = (code) =>
      finish(
        { stdout: '', stderr: `pymem: internal error: the engine's worker thread stopped unexpectedly (exit code ${code})\n`, status: 1 },
        true,
      );
    const timer = setTimeout(() => finish({ stdout: '', stderr: '', status: 'timeout' }, true), job.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({
      id,
      source: job.source,
      path: PROGRAM_NAME,
      version: job.version,
      maxSteps: job.maxSteps,
      maxMemory: job.maxMemory,
    });
  }

  /** Stops every worker. */
  async close() {
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
  }
}
