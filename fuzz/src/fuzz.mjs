#!/usr/bin/env node
// Differential fuzzing: generated programs run under pymem and under real CPython.
//
//   node fuzz/src/fuzz.mjs [--python X.Y[,X.Y...]] [--count N] [--seed S] [--jobs N]
//                          [--no-save] [--report-only] [--shrink-all] [--max-shrink N]
//                          [--check-determinism] [--json FILE] [--print SEED]
//
// Program i of a run (0 ≤ i < N) is the program of seed S + i (generate.mjs), so every
// mismatch is reproduced by its seed alone: `--seed <seed> --count 1`, and
// `--print <seed>` shows its source. For each version the run prints
// `X.Y: N programs, N mismatches`, the seeds of the mismatches, and the mismatch
// classes (compare.mjs `signature`) with their counts.
//
// Then, unless --no-save, each mismatch class not yet in the conformance suite is
// shrunk (shrink.mjs) from its first program — or every mismatch with --shrink-all —
// and saved as conformance/cases/fuzz_<hash>.py, whose goldens are recorded by
// `node conformance/record.mjs fuzz_<hash>` (never written here). One shrunk case per
// class keeps the suite from filling with copies of one bug; --max-shrink caps the
// number of shrinks of a run.
//
// Exit status: 0 when nothing mismatched (or with --report-only), 1 otherwise, 2 for a
// usage error.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPPORTED } from '../../conformance/env.mjs';
import { describe, same, signature } from './compare.mjs';
import { EnginePool, findInterpreters, pyenvRoot, runCPython } from './engine.mjs';
import { generate, generateSource, render } from './generate.mjs';
import { shrink } from './shrink.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const casesDir = join(repo, 'conformance', 'cases');
const expectedDir = join(repo, 'conformance', 'expected');

/** Programs between two progress lines of a version's run. */
const PROGRESS_EVERY = 1000;

const USAGE =
  'usage: pnpm fuzz [--python X.Y[,X.Y...]] [--count N] [--seed S] [--jobs N] [--no-save] [--report-only]\n' +
  '                 [--shrink-all] [--max-shrink N] [--check-determinism] [--json FILE] [--print SEED]';

function usage(message) {
  if (message) console.error(`fuzz: error: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function parseArgs(argv) {
  const cpuCount = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const opts = {
    versions: ['3.12'],
    count: 100,
    seed: undefined,
    jobs: cpuCount,
    save: true,
    reportOnly: false,
    shrinkAll: false,
    maxShrink: Infinity,
    checkDeterminism: false,
    json: undefined,
    print: undefined,
  };
  const int = (name, text) => {
    if (!/^\d+$/.test(text ?? '')) usage(`${name} needs a non-negative integer, not ${JSON.stringify(text)}`);
    return Number(text);
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = () => inline ?? argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--') continue; // `pnpm fuzz -- --seed 1` passes the separator through
    else if (a === '--python') opts.versions = value().split(',').filter(Boolean);
    else if (a === '--count') opts.count = int(a, value());
    else if (a === '--seed') opts.seed = int(a, value());
    else if (a === '--jobs' || a === '-j') opts.jobs = Math.max(1, int(a, value()));
    else if (a === '--no-save') opts.save = false;
    else if (a === '--report-only') opts.reportOnly = true;
    else if (a === '--shrink-all') opts.shrinkAll = true;
    else if (a === '--max-shrink') opts.maxShrink = int(a, value());
    else if (a === '--check-determinism') opts.checkDeterminism = true;
    else if (a === '--json') opts.json = value();
    else if (a === '--print') opts.print = int(a, value());
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else usage(`unknown argument ${a}`);
  }
  for (const v of opts.versions) if (!SUPPORTED.includes(v)) usage(`unsupported version ${v}; choose from ${SUPPORTED.join(', ')}`);
  return opts;
}

/** Runs `tasks` (async functions) with at most `jobs` at a time; results in order. */
async function pool(tasks, jobs) {
  const results = new Array(tasks.length);
  let next = 0;
  async function lane() {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length || 1) }, lane));
  return results;
}

/** Signatures of the fuzz cases already in the suite (from their first line). */
function savedSignatures() {
  const known = new Map();
  if (!existsSync(casesDir)) return known;
  for (const f of readdirSync(casesDir)) {
    if (!/^fuzz_.*\.py$/.test(f)) continue;
    const first = readFileSync(join(casesDir, f), 'utf8').split('\n')[0];
    const m = /differs in "(.*)"/.exec(first);
    if (m) known.set(m[1], f.slice(0, -3));
  }
  return known;
}

/** Records the goldens of a new case; removes the case if the recorder refuses it. */
function recordCase(name) {
  const r = spawnSync(process.execPath, [join(repo, 'conformance', 'record.mjs'), name], { encoding: 'utf8' });
  if (r.status === 0) return true;
  console.log(`  the recorder refused ${name}; case removed:\n${(r.stdout + r.stderr).replace(/^/gm, '    ')}`);
  rmSync(join(casesDir, `${name}.py`), { force: true });
  for (const xy of SUPPORTED) for (const ext of ['.out', '.err', '.status']) rmSync(join(expectedDir, xy, name + ext), { force: true });
  return false;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.print !== undefined) {
    process.stdout.write(generateSource(opts.print));
    return;
  }
  const seed = opts.seed ?? Math.floor(Date.now() / 1000) % 1_000_000;
  const interpreters = findInterpreters();
  const versions = opts.versions.filter((v) => {
    if (interpreters.has(v)) return true;
    console.log(`warning: no CPython ${v} under ${join(pyenvRoot(), 'versions')}; skipped`);
    return false;
  });
  console.log(`fuzz: seed ${seed}, ${opts.count} program(s) per version, versions ${versions.join(', ') || '(none)'}, ${opts.jobs} job(s)`);

  const engine = new EnginePool(opts.jobs);
  const summary = { seed, count: opts.count, versions: {} };
  let totalMismatches = 0;
  const toShrink = [];
  const known = savedSignatures();

  for (const xy of versions) {
    const bin = interpreters.get(xy);
    const t0 = Date.now();
    const unstable = [];
    // A long run reports as it goes, so a run stopped early still tells what it found.
    let done = 0;
    const found = [];
    const progress = (m) => {
      if (m) found.push(m.seed);
      if (++done % PROGRESS_EVERY === 0 && done < opts.count)
        console.log(`  ${xy}: ${done}/${opts.count} programs, ${found.length} mismatches so far${found.length ? ` (seeds ${found.join(' ')})` : ''}, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      return m;
    };
    const tasks = Array.from({ length: opts.count }, (_, i) => async () => {
      const s = seed + i;
      const source = generateSource(s);
      const [cpython, pymem] = await Promise.all([runCPython(bin, source), engine.run(source, xy)]);
      if (opts.checkDeterminism) {
        const again = await runCPython(bin, source);
        if (!same(cpython, again)) unstable.push(s);
      }
      if (same(cpython, pymem)) return progress(null);
      return progress({ seed: s, sig: signature(cpython, pymem), what: describe(cpython, pymem), cpython });
    });
    const mismatches = (await pool(tasks, opts.jobs)).filter(Boolean);
    const seconds = (Date.now() - t0) / 1000;
    totalMismatches += mismatches.length;
    console.log(`${xy}: ${opts.count} programs, ${mismatches.length} mismatches (${seconds.toFixed(1)} s)`);
    if (mismatches.length) console.log(`  seeds: ${mismatches.map((m) => m.seed).join(' ')}`);
    if (opts.checkDeterminism)
      console.log(unstable.length ? `  UNSTABLE under CPython (generator bug): ${unstable.join(' ')}` : '  every program stable under CPython');
    const classes = new Map();
    for (const m of mismatches) {
      if (!classes.has(m.sig)) classes.set(m.sig, []);
      classes.get(m.sig).push(m);
    }
    const ranked = [...classes.entries()].sort((a, b) => b[1].length - a[1].length);
    for (const [sig, ms] of ranked) console.log(`  ${String(ms.length).padStart(5)}  ${sig}   (e.g. seed ${ms[0].seed}: ${ms[0].what.slice(0, 160)})`);
    summary.versions[xy] = {
      programs: opts.count,
      mismatches: mismatches.length,
      seconds,
      unstable,
      classes: ranked.map(([sig, ms]) => ({ sig, count: ms.length, seeds: ms.map((m) => m.seed), example: ms[0].what })),
    };
    for (const [sig, ms] of ranked) {
      for (const m of opts.shrinkAll ? ms : ms.slice(0, 1)) {
        if (!opts.shrinkAll && known.has(sig)) continue;
        toShrink.push({ xy, ...m });
      }
      if (!opts.shrinkAll) known.set(sig, '(this run)');
    }
  }

  if (opts.save && toShrink.length) {
    const shrinks = toShrink.slice(0, opts.maxShrink);
    console.log(`\nshrinking ${shrinks.length} mismatch(es)${toShrink.length > shrinks.length ? ` of ${toShrink.length} (--max-shrink)` : ''}`);
    const saved = [];
    for (const m of shrinks) {
      const t0 = Date.now();
      const bin = interpreters.get(m.xy);
      const runBoth = async (source) => {
        const [cpython, pymem] = await Promise.all([runCPython(bin, source), engine.run(source, m.xy)]);
        return { cpython, pymem };
      };
      const { stmts, runs } = await shrink(generate(m.seed), runBoth, { sig: m.sig, cpython: m.cpython });
      const body = render(stmts.filter((s) => !('text' in s && s.text.startsWith('# pymem fuzz program'))));
      const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
      const name = `fuzz_${hash}`;
      const source = `# fuzz seed ${m.seed}, shrunk: pymem ${m.xy} differs in "${m.sig}"\n${body}`;
      const check = await runBoth(source);
      const lines = body.split('\n').length - 1;
      if (same(check.cpython, check.pymem)) {
        console.log(`  ${m.xy} seed ${m.seed}: the shrunk program no longer differs once commented; not saved`);
        continue;
      }
      if (existsSync(join(casesDir, `${name}.py`))) {
        console.log(`  ${m.xy} seed ${m.seed}: ${name} already in the suite`);
        continue;
      }
      writeFileSync(join(casesDir, `${name}.py`), source);
      const ok = recordCase(name);
      console.log(
        `  ${m.xy} seed ${m.seed} [${m.sig}]: ${lines} line(s) after ${runs} run(s), ${((Date.now() - t0) / 1000).toFixed(1)} s` +
          (ok ? ` -> conformance/cases/${name}.py` : ''),
      );
      if (ok) saved.push(name);
    }
    summary.saved = saved;
  }
  await engine.close();
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nfuzz: ${versions.length} version(s), ${opts.count * versions.length} programs, ${totalMismatches} mismatches`);
  process.exit(totalMismatches > 0 && !opts.reportOnly ? 1 : 0);
}

main();
