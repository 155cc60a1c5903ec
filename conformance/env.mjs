import { spawn } from 'node:child_process';

// Shared by record.mjs, run.mjs and the fuzzer: the versions and the scrubbed environment every
// case runs in, so CPython and pymem see exactly the same inputs.

/** CPython versions the suite covers, oldest first. */
export const SUPPORTED = ['3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13'];

/** The whole environment of a case run; nothing of the host leaks in. */
export const CASE_ENV = Object.freeze({
  PATH: '/usr/bin:/bin',
  PYTHONHASHSEED: '0',
  LC_ALL: 'C.UTF-8',
  PYTHONIOENCODING: 'utf-8',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONNOUSERSITE: '1',
});

/**
 * From 3.9 CPython makes the main script's path absolute, so tracebacks and warnings
 * name `/abs/path/conformance/cases/<case>.py`. The recorder and the runner both strip
 * the cases directory from stdout and stderr, so goldens say `<case>.py` whatever the
 * checkout's location (as 3.6-3.8 print it anyway).
 */
export function normalizeOutput(text, casesDir) {
  return text.split(`${casesDir}/`).join('');
}

/**
 * Runs one program the way every case runs: in `cwd`, with `env`, killed after
 * `timeoutMs`. Resolves with stdout and stderr (the `cwd` path stripped, see
 * normalizeOutput) and the exit status, or `timedOut` set.
 */
export function runCaptured(command, args, { cwd, env = CASE_ENV, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => err.push(Buffer.from(String(e))));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: normalizeOutput(Buffer.concat(out).toString('utf8'), cwd),
        stderr: normalizeOutput(Buffer.concat(err).toString('utf8'), cwd),
        code: code ?? `signal ${signal}`,
        timedOut,
      });
    });
  });
}
