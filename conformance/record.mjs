#!/usr/bin/env node
// Records the goldens of the conformance suite from real CPython interpreters.
//
// THE GOLDENS COME ONLY FROM HERE. Every file under conformance/expected/ is what a
// real `pythonX.Y <case>.py` printed on this machine; never write or edit one by hand.
//
//   node conformance/record.mjs [--python X.Y[,X.Y]] [case ...]
//
// For every case x every CPython 3.6..3.13 found in $(pyenv root)/versions, the case
// runs twice with cwd = conformance/cases, the bare file name as argument, and a scrubbed
// environment. When the two runs differ (stdout, stderr or exit status) the case is
// refused: no golden is written for it and the script exits 1 at the end.
//
// Written per case and version: expected/<X.Y>/<case>.out (stdout), and <case>.err
// (stderr) and <case>.status (exit status) only when stderr is non-empty or the status
// is non-zero. Goldens of deleted cases are removed. The absolute path of the cases
// directory (printed by 3.9+ in tracebacks) is stripped: see normalizeOutput in env.mjs.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPPORTED, runCaptured } from './env.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, 'cases');
const expectedDir = join(here, 'expected');
const TIMEOUT_MS = 30_000;
const PARALLEL_VERSIONS = 2;


function pyenvRoot() {
  if (process.env.PYENV_ROOT) return process.env.PYENV_ROOT;
  try {
    return execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
  } catch {
    return join(homedir(), '.pyenv');
  }
}

/** Maps "X.Y" to the interpreter path, newest patch release first. */
function findInterpreters() {
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
    if (!SUPPORTED.includes(xy) || found.has(xy)) continue;
    const bin = join(dir, v, 'bin', 'python3');
    if (existsSync(bin)) found.set(xy, bin);
  }
  return found;
}

function parseArgs(argv) {
  const opts = { versions: null, cases: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--python') opts.versions = argv[++i].split(',');
    else if (a.startsWith('--python=')) opts.versions = a.slice(9).split(',');
    else if (a === '-h' || a === '--help') {
      console.log('usage: node conformance/record.mjs [--python X.Y[,X.Y]] [case ...]');
      process.exit(0);
    } else opts.cases.push(basename(a).replace(/\.py$/, ''));
  }
  return opts;
}

async function runOnce(bin, file) {
  const r = await runCaptured(bin, [file], { cwd: casesDir, timeoutMs: TIMEOUT_MS });
  return { stdout: r.stdout, stderr: r.stderr, status: r.timedOut ? 'timeout' : r.code };
}

function same(a, b) {
  return a.stdout === b.stdout && a.stderr === b.stderr && a.status === b.status;
}

function firstDifference(a, b) {
  for (const k of ['stdout', 'stderr', 'status']) {
    if (a[k] === b[k]) continue;
    const x = String(a[k]).split('\n');
    const y = String(b[k]).split('\n');
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if (x[i] !== y[i]) return `${k} line ${i + 1}: ${JSON.stringify(x[i])} vs ${JSON.stringify(y[i])}`;
    }
  }
  return '';
}

async function recordVersion(xy, bin, cases, refused) {
  const dir = join(expectedDir, xy);
  mkdirSync(dir, { recursive: true });
  let written = 0;
  for (const name of cases) {
    const file = `${name}.py`;
    const first = await runOnce(bin, file);
    const second = await runOnce(bin, file);
    for (const ext of ['.out', '.err', '.status']) rmSync(join(dir, name + ext), { force: true });
    if (!same(first, second) || first.status === 'timeout') {
      const why = first.status === 'timeout' ? 'timed out' : firstDifference(first, second);
      refused.push(`${xy} ${name}: ${why}`);
      console.log(`REFUSED ${xy} ${name}: unstable between runs (${why})`);
      continue;
    }
    writeFileSync(join(dir, `${name}.out`), first.stdout);
    if (first.stderr !== '' || first.status !== 0) {
      writeFileSync(join(dir, `${name}.err`), first.stderr);
      writeFileSync(join(dir, `${name}.status`), `${first.status}\n`);
    }
    written++;
  }
  return written;
}

function removeStale(allCases, versions) {
  const known = new Set(allCases);
  let removed = 0;
  for (const xy of versions) {
    const dir = join(expectedDir, xy);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      const name = f.replace(/\.(out|err|status)$/, '');
      if (!known.has(name)) {
        rmSync(join(dir, f));
        removed++;
      }
    }
  }
  return removed;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const interpreters = findInterpreters();
  const versions = (opts.versions ?? SUPPORTED).filter((v) => {
    if (interpreters.has(v)) return true;
    console.log(`warning: no CPython ${v} under ${join(pyenvRoot(), 'versions')}; skipped`);
    return false;
  });
  const allCases = readdirSync(casesDir)
    .filter((f) => f.endsWith('.py'))
    .map((f) => f.slice(0, -3))
    .sort();
  const cases = opts.cases.length ? opts.cases : allCases;
  for (const c of cases) {
    if (!allCases.includes(c)) {
      console.error(`no such case: ${c} (looked in ${casesDir})`);
      process.exit(2);
    }
  }
  const stale = removeStale(allCases, SUPPORTED);

  const refused = [];
  const queue = [...versions];
  const results = new Map();
  async function worker() {
    while (queue.length) {
      const xy = queue.shift();
      const t0 = Date.now();
      const n = await recordVersion(xy, interpreters.get(xy), cases, refused);
      results.set(xy, n);
      console.log(`${xy}: ${n}/${cases.length} goldens written (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_VERSIONS }, worker));

  console.log('');
  console.log(`recorded ${cases.length} case(s) x ${versions.length} version(s); stale golden files removed: ${stale}`);
  for (const xy of versions) console.log(`  ${xy} (${interpreters.get(xy)}): ${results.get(xy)} written`);
  if (refused.length) {
    console.log(`refused ${refused.length} unstable case run(s):`);
    for (const r of refused.sort()) console.log(`  ${r}`);
    process.exit(1);
  }
}

main();
