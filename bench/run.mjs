// pymem's benchmarks, each run side by side with real CPython 3.12 in the same run.
//
//   pnpm bench                      (builds the engine, then runs this)
//   node bench/run.mjs [--quick] [--only NAME[,NAME…]] [--reps N] [--scale S] [--json FILE]
//
// For every program in bench/programs/ it runs CPython 3.12 (bench/cpython_runner.py)
// and pymem in process (bench/inproc.mjs --serve) each in one process, one run at a
// time and alternating (a warm-up run each, then N pairs), checks that both printed the
// same thing, and prints the median over the pairs of pymem/CPython CPU time (the bar's
// figure), the ratio of the fastest runs and the median wall ratio,
// pymem's peak RSS and its JS heap per simulated object at the program's `@bench
// peak` marker, and CPython's peak RSS (ru_maxrss). gc_collect's regions give the
// collection time per tracked object at each heap size. Start-up of `pymem run` on a
// one-line program is measured against `python3.12` on the same file. Nothing here
// is a pass/fail test: the bars (≤ 15× engine, ≤ 10× gc per object) are printed for
// reading, and the exit status is non-zero only when a program fails or the two
// outputs differ. See bench/README.md.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const programsDir = join(here, 'programs');
const cli = join(root, 'apps/cli/dist/pymem.js');
const ENGINE_BAR = 15;
const GC_BAR = 10;

const ENV = {
  PATH: '/usr/bin:/bin',
  PYTHONHASHSEED: '0',
  LC_ALL: 'C.UTF-8',
  PYTHONIOENCODING: 'utf-8',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONNOUSERSITE: '1',
};

/** As conformance/record.mjs finds the interpreters: `$(pyenv root)/versions`. */
function pyenvRoot() {
  if (process.env.PYENV_ROOT) return process.env.PYENV_ROOT;
  try {
    return execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
  } catch {
    return join(homedir(), '.pyenv');
  }
}

/** The newest CPython 3.12.x under pyenv. */
function findPython312() {
  const dir = join(pyenvRoot(), 'versions');
  if (!existsSync(dir)) return null;
  const found = readdirSync(dir)
    .filter((v) => /^3\.12\.\d+$/.test(v))
    .sort((a, b) => Number(b.split('.')[2]) - Number(a.split('.')[2]))
    .map((v) => join(dir, v, 'bin', 'python3'))
    .filter((bin) => existsSync(bin));
  return found[0] ?? null;
}

/** Runs a command; resolves with stdout, stderr, status and wall milliseconds. */
function run(cmd, args, options = {}) {
  return new Promise((resolvePromise) => {
    const start = performance.now();
    const child = spawn(cmd, args, { env: { ...ENV, ...(options.env ?? {}) }, cwd: options.cwd ?? root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.on('close', (status, signal) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ stdout, stderr, status, signal, ms: performance.now() - start });
    });
  });
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const pad = (s, n) => String(s).padStart(n);
const padEnd = (s, n) => String(s).padEnd(n);
const stripMarkers = (text) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('@bench '))
    .join('\n');

async function startup(python, reps) {
  const dir = mkdtempSync(join(tmpdir(), 'pymem-bench-'));
  const file = join(dir, 'one_line.py');
  writeFileSync(file, 'print(1)\n');
  const py = [];
  const pm = [];
  for (let i = 0; i < reps; i++) {
    py.push((await run(python, [file])).ms);
    const r = await run(process.execPath, [cli, 'run', file]);
    if (r.status !== 0) throw new Error(`pymem run failed on a one-line program:\n${r.stderr}`);
    pm.push(r.ms);
  }
  rmSync(dir, { recursive: true, force: true });
  return { pymemMs: median(pm), cpythonMs: median(py) };
}

/**
 * A child process answering one JSON line per command line (bench/cpython_runner.py,
 * bench/inproc.mjs --serve): `ask()` sends `run` and resolves with the next line.
 */
function server(cmd, args) {
  const child = spawn(cmd, args, { env: ENV, cwd: root });
  const waiting = [];
  const lines = [];
  let buffered = '';
  let stderr = '';
  let closed = null;
  const deliver = () => {
    while (waiting.length && (lines.length || closed)) {
      const w = waiting.shift();
      if (lines.length) w.resolve(lines.shift());
      else w.reject(new Error(`exited (${closed.status ?? closed.signal}):\n${stderr.slice(-2000)}`));
    }
  };
  child.stdout.on('data', (d) => {
    buffered += d;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) lines.push(JSON.parse(line));
    }
    deliver();
  });
  child.stderr.on('data', (d) => (stderr += d));
  child.on('close', (status, signal) => {
    closed = { status, signal };
    deliver();
  });
  const next = () => new Promise((resolve, reject) => { waiting.push({ resolve, reject }); deliver(); });
  return {
    next,
    ask: () => {
      child.stdin.write('run\n');
      return next();
    },
    /** Ends stdin; resolves with the closing line (peak RSS). */
    finish: () => {
      child.stdin.end();
      return next();
    },
    kill: () => child.kill('SIGKILL'),
  };
}

/**
 * Runs one program `reps` + 1 times in each implementation, one run at a time,
 * alternating: a warm-up run each (pymem's is the memory run; neither is in the
 * ratios), then `reps` pairs, pymem first in odd pairs and CPython first in even
 * ones, so a change of the machine's load hits both sides of most pairs.
 */
async function benchProgram(python, file, { reps, scale }) {
  const cp = server(python, [join(here, 'cpython_runner.py'), String(scale), file]);
  const pm = server(process.execPath, ['--expose-gc', join(here, 'inproc.mjs'), '--serve', '--scale', String(scale), file]);
  try {
    const ready = await Promise.all([cp.next(), pm.next()]);
    const pmLoadMs = ready[1].loadMs;
    const pmWarm = await pm.ask();
    const cpWarm = await cp.ask();
    const pairs = [];
    for (let i = 0; i < reps; i++) {
      if (i % 2 === 0) {
        const p = await pm.ask();
        pairs.push({ pymem: p, cpython: await cp.ask() });
      } else {
        const c = await cp.ask();
        pairs.push({ pymem: await pm.ask(), cpython: c });
      }
    }
    const [cEnd, pEnd] = await Promise.all([cp.finish(), pm.finish()]);
    const exitsOk = [pmWarm, ...pairs.map((x) => x.pymem)].every((r) => r.exitCode === 0);
    const same = stripMarkers(cpWarm.stdout) === stripMarkers(pmWarm.stdout) && exitsOk;
    return { cpWarm, pmWarm, pairs, pmLoadMs, pmMaxRssKB: pEnd.maxRssKB, cpMaxRssKB: cEnd.maxRssKB, same };
  } catch (e) {
    cp.kill();
    pm.kill();
    return { error: String(e.message ?? e) };
  }
}

function summarize(name, r) {
  const cRuns = r.pairs.map((x) => x.cpython);
  const pRuns = r.pairs.map((x) => x.pymem);
  const row = {
    name,
    same: r.same,
    cpythonCpuMs: median(cRuns.map((x) => x.cpuMs)),
    cpythonCpuMinMs: Math.min(...cRuns.map((x) => x.cpuMs)),
    cpythonWallMs: median(cRuns.map((x) => x.totalMs)),
    pymemCpuMs: median(pRuns.map((x) => x.cpuMs)),
    pymemCpuMinMs: Math.min(...pRuns.map((x) => x.cpuMs)),
    pymemWallMs: median(pRuns.map((x) => x.totalMs)),
    pymemFirstCpuMs: r.pmWarm.cpuMs,
    pymemFirstWallMs: r.pmWarm.totalMs,
    pymemLoadMs: r.pmLoadMs,
    pymemMaxRssMB: r.pmMaxRssKB / 1024,
    cpythonMaxRssMB: r.cpMaxRssKB / 1024,
    peak: r.pmWarm.peaks[0] ?? null,
    pairs: r.pairs.map((x) => ({ pymemCpuMs: x.pymem.cpuMs, cpythonCpuMs: x.cpython.cpuMs })),
    regions: {},
  };
  // The bar's figure: the median over the pairs of pymem/CPython (see bench/README.md).
  row.ratioCpu = median(r.pairs.map((x) => x.pymem.cpuMs / x.cpython.cpuMs));
  row.ratioCpuMin = row.pymemCpuMinMs / row.cpythonCpuMinMs;
  row.ratioWall = median(r.pairs.map((x) => x.pymem.totalMs / x.cpython.totalMs));
  for (const key of Object.keys(cRuns[0].regions)) {
    const region = {
      cpythonCpuMs: median(cRuns.map((x) => x.regionsCpu[key])),
      cpythonWallMs: median(cRuns.map((x) => x.regions[key])),
      pymemCpuMs: median(pRuns.map((x) => x.regionsCpu[key])),
      pymemWallMs: median(pRuns.map((x) => x.regions[key])),
      ratioCpu: median(r.pairs.map((x) => x.pymem.regionsCpu[key] / x.cpython.regionsCpu[key])),
      cpythonTracked: r.cpWarm.tracked[key],
      pymemTracked: r.pmWarm.tracked[key],
    };
    row.regions[key] = region;
  }
  return row;
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      reps: { type: 'string' },
      scale: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const reps = Number(values.reps ?? (values.quick ? 1 : 5));
  const scale = Number(values.scale ?? (values.quick ? 0.1 : 1));
  const python = findPython312();
  if (!python) {
    console.error(`bench: no CPython 3.12 under ${join(pyenvRoot(), 'versions')}; install it with pyenv`);
    process.exit(1);
  }
  if (!existsSync(cli)) {
    console.error('bench: apps/cli/dist/pymem.js is missing; run `pnpm bench` (it builds first)');
    process.exit(1);
  }
  let names = readdirSync(programsDir)
    .filter((f) => f.endsWith('.py'))
    .map((f) => basename(f, '.py'))
    .sort();
  if (values.only) {
    const wanted = values.only.split(',');
    const unknown = wanted.filter((w) => !names.includes(w));
    if (unknown.length) {
      console.error(`bench: no program ${unknown.join(', ')} in bench/programs (have: ${names.join(', ')})`);
      process.exit(2);
    }
    names = names.filter((n) => wanted.includes(n));
  }
  console.log(`pymem bench: CPython ${python}, node ${process.version}, reps ${reps}, scale ${scale}`);

  const su = await startup(python, Math.max(3, reps));
  console.log(
    `\nstart-up on a one-line program (wall, median): pymem run ${fmt(su.pymemMs, 0)} ms, python3.12 ${fmt(su.cpythonMs, 0)} ms (${fmt(su.pymemMs / su.cpythonMs)}×)`,
  );

  const rows = [];
  let failed = false;
  for (const name of names) {
    process.stdout.write(`running ${name} …\n`);
    const r = await benchProgram(python, join(programsDir, `${name}.py`), { reps, scale });
    if (r.error) {
      console.log(`  ${name}: ${r.error}`);
      failed = true;
      continue;
    }
    const row = summarize(name, r);
    if (!row.same) {
      console.log(`  ${name}: pymem's output differs from CPython's`);
      failed = true;
    }
    rows.push(row);
  }

  console.log(
    `\nprograms: ${reps} runs each way after a warm-up run each, pymem and CPython alternating (CPU = process CPU time, all threads).` +
      '\n  ratio = median over the pairs of pymem/CPython CPU (the bar is judged on it); min ratio = fastest pymem run / fastest CPython run;' +
      '\n  "?" after the verdict: the min ratio falls on the other side of the bar (the load moved more than the pairing cancels).',
  );
  console.log(
    [
      padEnd('program', 16),
      pad('CPy med', 8),
      pad('CPy min', 8),
      pad('pymem med', 10),
      pad('pymem min', 10),
      pad('ratio', 7),
      pad('min ratio', 10),
      pad('wall ratio', 11),
      pad('1st run', 8),
      pad('pymem RSS MB', 13),
      pad('CPy RSS MB', 11),
      pad('B/sim obj', 10),
      pad('sim B/obj', 10),
      '  bar',
    ].join(''),
  );
  for (const r of rows) {
    const perObj = r.peak ? r.peak.jsHeapBytes / r.peak.liveSimulated : NaN;
    const simPerObj = r.peak ? r.peak.simulatedBytes / r.peak.liveSimulated : NaN;
    const ok = r.ratioCpu <= ENGINE_BAR;
    const unsure = ok !== r.ratioCpuMin <= ENGINE_BAR;
    console.log(
      [
        padEnd(r.name + (r.same ? '' : '*'), 16),
        pad(fmt(r.cpythonCpuMs, 0), 8),
        pad(fmt(r.cpythonCpuMinMs, 0), 8),
        pad(fmt(r.pymemCpuMs, 0), 10),
        pad(fmt(r.pymemCpuMinMs, 0), 10),
        pad(fmt(r.ratioCpu), 7),
        pad(fmt(r.ratioCpuMin), 10),
        pad(fmt(r.ratioWall), 11),
        pad(fmt(r.pymemFirstCpuMs, 0), 8),
        pad(fmt(r.pymemMaxRssMB, 0), 13),
        pad(fmt(r.cpythonMaxRssMB, 0), 11),
        pad(fmt(perObj, 0), 10),
        pad(fmt(simPerObj, 0), 10),
        `  ${ok ? 'ok' : `> ${ENGINE_BAR}×`}${unsure ? ' ?' : ''}`,
      ].join(''),
    );
  }
  const peaks = rows.filter((r) => r.peak);
  if (peaks.length) {
    console.log('\nmemory at each `@bench peak` marker (pymem, after a full JS GC):');
    for (const r of peaks) {
      const k = r.peak;
      console.log(
        `  ${padEnd(r.name, 14)} ${k.liveSimulated} live simulated objects (the program counts ${k.expected} of its own; ints and the rest make up the difference), ` +
          `JS heap ${fmt(k.jsHeapBytes / 2 ** 20)} MB = ${fmt(k.jsHeapBytes / k.liveSimulated, 0)} B/object, ` +
          `simulated CPython bytes ${fmt(k.simulatedBytes / 2 ** 20)} MB = ${fmt(k.simulatedBytes / k.liveSimulated, 0)} B/object`,
      );
    }
  }
  const gcRows = rows.filter((r) => Object.keys(r.regions).some((k) => k.startsWith('collect_')));
  for (const r of gcRows) {
    console.log(`\n${r.name}: full gc.collect() per tracked object (CPU time of 5 collections / (5 × tracked)):`);
    console.log(
      [padEnd('heap', 18), pad('CPy tracked', 12), pad('CPy ns/obj', 11), pad('pymem tracked', 14), pad('pymem ns/obj', 13), pad('ratio', 7), pad('wall ratio', 11), '  bar'].join(''),
    );
    for (const [key, g] of Object.entries(r.regions)) {
      if (!key.startsWith('collect_')) continue;
      const cns = (g.cpythonCpuMs * 1e6) / (5 * g.cpythonTracked);
      const pns = (g.pymemCpuMs * 1e6) / (5 * g.pymemTracked);
      const cwns = (g.cpythonWallMs * 1e6) / (5 * g.cpythonTracked);
      const pwns = (g.pymemWallMs * 1e6) / (5 * g.pymemTracked);
      g.cpythonNsPerObject = cns;
      g.pymemNsPerObject = pns;
      console.log(
        [
          padEnd(key, 18),
          pad(g.cpythonTracked, 12),
          pad(fmt(cns), 11),
          pad(g.pymemTracked, 14),
          pad(fmt(pns), 13),
          pad(fmt(pns / cns), 7),
          pad(fmt(pwns / cwns), 11),
          `  ${pns / cns <= GC_BAR ? 'ok' : `> ${GC_BAR}×`}`,
        ].join(''),
      );
    }
  }
  for (const r of rows) {
    for (const [key, g] of Object.entries(r.regions)) {
      if (key.startsWith('collect_')) continue;
      console.log(
        `\n${r.name}/${key}: CPython ${fmt(g.cpythonCpuMs, 0)} ms, pymem ${fmt(g.pymemCpuMs, 0)} ms CPU (median), ratio ${fmt(g.ratioCpu)}× (median of the pairs)`,
      );
    }
  }
  if (rows.some((r) => !r.same)) console.log('\n* output differs from CPython 3.12 (see above)');
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify({ python, node: process.version, reps, scale, startup: su, rows }, null, 2)}\n`);
    console.log(`\nraw figures written to ${values.json}`);
  }
  if (failed) process.exitCode = 1;
}

await main();
