#!/usr/bin/env node
// Runs the conformance suite through the built pymem CLI and compares with the goldens
// that record.mjs took from real CPython.
//
//   node conformance/run.mjs [--python X.Y[,X.Y...]] [--ratchet] [--update-ratchet]
//                            [--jobs N] [--quiet] [case ...]
//
// Each case runs as `node apps/cli/dist/pymem.js run --python X.Y <case>.py` with
// cwd = conformance/cases and the same scrubbed environment as the recorder. A case
// passes when stdout equals expected/<X.Y>/<case>.out, stderr equals <case>.err (compared
// when that golden exists, or when pymem wrote to stderr and none exists) and the exit
// status equals <case>.status (0 when absent). The absolute path of the cases directory
// is stripped from both streams, as the recorder does (see normalizeOutput in env.mjs).
//
// The ratchet: passing/<X.Y>.txt lists the cases known to pass. With --ratchet the exit
// status is 1 only when a listed case fails; --update-ratchet rewrites the lists with
// what passes now and prints what was added and removed. Without --ratchet the exit
// status is 1 iff any case failed. The last line is always
// `conformance: N passed, N failed`.

import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASE_ENV, SUPPORTED, runCaptured } from './env.mjs';
import { unifiedDiff } from './diff.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const casesDir = join(here, 'cases');
const expectedDir = join(here, 'expected');
const passingDir = join(here, 'passing');
// PYMEM_CLI overrides the CLI under test (used to check the runner itself against a shim).
const cli = process.env.PYMEM_CLI ? resolve(process.env.PYMEM_CLI) : join(repo, 'apps', 'cli', 'dist', 'pymem.js');
const TIMEOUT_MS = 60_000;
const DIFF_LINES = 40;

function usage(code) {
  console.log(
    'usage: node conformance/run.mjs [--python X.Y[,X.Y...]] [--ratchet] [--update-ratchet] [--jobs N] [--quiet] [case ...]',
  );
  process.exit(code);
}

function parseArgs(argv) {
  const cpuCount = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const opts = { versions: SUPPORTED, ratchet: false, update: false, jobs: cpuCount, quiet: false, cases: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) usage(2);
      return argv[++i];
    };
    if (a === '--python' || a.startsWith('--python=')) opts.versions = value().split(',').filter(Boolean);
    else if (a === '--jobs' || a.startsWith('--jobs=') || a === '-j') opts.jobs = Math.max(1, Number(value()) || 1);
    else if (a === '--ratchet') opts.ratchet = true;
    else if (a === '--update-ratchet') opts.update = true;
    else if (a === '--quiet' || a === '-q') opts.quiet = true;
    else if (a === '-h' || a === '--help') usage(0);
    else if (a.startsWith('-')) {
      console.error(`unknown option ${a}`);
      usage(2);
    } else opts.cases.push(basename(a).replace(/\.py$/, ''));
  }
  for (const v of opts.versions) {
    if (!SUPPORTED.includes(v)) {
      console.error(`unsupported version ${v}; choose from ${SUPPORTED.join(', ')}`);
      process.exit(2);
    }
  }
  return opts;
}

function readIf(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

async function runCase(xy, name) {
  const env = { ...CASE_ENV };
  if (process.env.PYMEM_CHECK_INVARIANTS !== undefined) env.PYMEM_CHECK_INVARIANTS = process.env.PYMEM_CHECK_INVARIANTS;
  const r = await runCaptured(process.execPath, [cli, 'run', '--python', xy, `${name}.py`], { cwd: casesDir, env, timeoutMs: TIMEOUT_MS });
  return { stdout: r.stdout, stderr: r.stderr, status: r.timedOut ? `timeout after ${TIMEOUT_MS / 1000} s` : r.code };
}

/** Compares one run with the goldens; returns a list of problems (empty = pass). */
function compare(xy, name, got) {
  const dir = join(expectedDir, xy);
  const wantOut = readIf(join(dir, `${name}.out`));
  const wantErr = readIf(join(dir, `${name}.err`));
  const wantStatus = readIf(join(dir, `${name}.status`));
  const problems = [];
  if (wantOut === null) return [{ what: `no golden expected/${xy}/${name}.out: run node conformance/record.mjs` }];
  if (got.stdout !== wantOut) problems.push({ what: 'stdout', diff: unifiedDiff(wantOut, got.stdout, 'cpython', 'pymem') });
  const expectErr = wantErr ?? '';
  if ((wantErr !== null || got.stderr !== '') && got.stderr !== expectErr)
    problems.push({ what: 'stderr', diff: unifiedDiff(expectErr, got.stderr, 'cpython', 'pymem') });
  const status = wantStatus === null ? 0 : Number(wantStatus.trim());
  if (got.status !== status) problems.push({ what: `exit status ${got.status}, expected ${status}` });
  return problems;
}

function groupOf(name) {
  const i = name.indexOf('_');
  return i > 0 ? `${name.slice(0, i)}_*` : name;
}

function readRatchet(xy) {
  const text = readIf(join(passingDir, `${xy}.txt`));
  if (text === null) return [];
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(cli)) {
    console.error(`pymem CLI not found at ${cli}: build the CLI first: pnpm build`);
    console.log('conformance: 0 passed, 0 failed (CLI not built)');
    process.exit(1);
  }
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

  const tasks = [];
  for (const xy of opts.versions) for (const name of cases) tasks.push({ xy, name });
  const results = new Map(); // "xy name" -> problems
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const { xy, name } = tasks[next++];
      const got = await runCase(xy, name);
      const problems = compare(xy, name, got);
      results.set(`${xy} ${name}`, problems);
      if (problems.length && !opts.quiet) {
        const lines = [`FAIL ${xy} ${name}`];
        for (const p of problems) {
          lines.push(`  ${p.what}`);
          if (p.diff) {
            const d = p.diff.split('\n');
            const shown = d.slice(0, DIFF_LINES);
            for (const l of shown) lines.push(`    ${l}`);
            if (d.length > DIFF_LINES) lines.push(`    ... ${d.length - DIFF_LINES} more diff line(s)`);
          }
        }
        console.log(lines.join('\n'));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.jobs, tasks.length || 1) }, worker));

  let passed = 0;
  let failed = 0;
  let ratchetBroken = [];
  console.log('');
  for (const xy of opts.versions) {
    const groups = new Map();
    let p = 0;
    let f = 0;
    const passingNow = [];
    for (const name of cases) {
      const ok = results.get(`${xy} ${name}`).length === 0;
      const g = groupOf(name);
      if (!groups.has(g)) groups.set(g, [0, 0]);
      groups.get(g)[ok ? 0 : 1]++;
      if (ok) {
        p++;
        passingNow.push(name);
      } else f++;
    }
    passed += p;
    failed += f;
    const detail = [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([g, [gp, gf]]) => `${g} ${gp}/${gp + gf}`)
      .join(', ');
    console.log(`${xy}: ${p} passed, ${f} failed   (${detail})`);

    const listed = readRatchet(xy);
    const ran = new Set(cases);
    const now = new Set(passingNow);
    for (const name of listed) if (ran.has(name) && !now.has(name)) ratchetBroken.push(`${xy} ${name}`);
    if (opts.update) {
      // Cases not run this time keep their previous entry; cases that no longer exist go.
      const exists = new Set(allCases);
      const keep = listed.filter((n) => exists.has(n) && !ran.has(n));
      const updated = [...new Set([...keep, ...passingNow])].sort();
      const before = new Set(listed);
      const after = new Set(updated);
      const added = updated.filter((n) => !before.has(n));
      const removed = listed.filter((n) => !after.has(n));
      mkdirSync(passingDir, { recursive: true });
      writeFileSync(join(passingDir, `${xy}.txt`), updated.map((n) => `${n}\n`).join(''));
      for (const n of added) console.log(`  ratchet ${xy}: + ${n}`);
      for (const n of removed) console.log(`  ratchet ${xy}: - ${n}${exists.has(n) ? ' (fails now)' : ' (case deleted)'}`);
      if (!added.length && !removed.length) console.log(`  ratchet ${xy}: unchanged (${updated.length} cases)`);
    }
  }

  let code = failed > 0 ? 1 : 0;
  if (opts.ratchet) {
    if (ratchetBroken.length) {
      console.log(`ratchet: ${ratchetBroken.length} case(s) listed in conformance/passing/ fail now:`);
      for (const r of ratchetBroken) console.log(`  ${r}`);
      code = 1;
    } else {
      console.log('ratchet: every case listed in conformance/passing/ passes');
      code = 0;
    }
  }
  console.log(`conformance: ${passed} passed, ${failed} failed`);
  process.exit(code);
}

main();
