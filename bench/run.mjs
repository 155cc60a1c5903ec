// pymem's benchmarks, each run side by side with real CPython 3.12 in the same run.
//
//   pnpm bench                      (builds the engine, then runs this)
//   node bench/run.mjs [--quick] [--only NAME[,NAME…]] [--reps N] [--scale S] [--json FILE]
//
// For every program in bench/programs/ it runs CPython 3.12 (bench/cpython_runner.py)
// and pymem in process (bench/inproc.mjs) N times each, checks that both printed the
// same thing, and prints the median ratio pymem/CPython of CPU time (wall time too),
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

async function benchProgram(python, file, { reps, scale }) {
  const timeoutMs = 30 * 60 * 1000;
  const cp = await run(python, [join(here, 'cpython_runner.py'), String(reps), String(scale), file], { timeoutMs });
  if (cp.status !== 0) return { error: `CPython failed (${cp.status ?? cp.signal}):\n${cp.stderr.slice(-2000)}` };
  const pm = await run(
    process.execPath,
    ['--expose-gc', join(here, 'inproc.mjs'), '--reps', String(reps), '--scale', String(scale), file],
    { timeoutMs },
  );
  if (pm.status !== 0 || !pm.stdout.trim()) {
    return { error: `pymem failed (${pm.status ?? pm.signal}):\n${pm.stderr.slice(-2000)}` };
  }
  const c = JSON.parse(cp.stdout.trim().split('\n').pop());
  const p = JSON.parse(pm.stdout.trim().split('\n').pop());
  const same = stripMarkers(c.stdout) === stripMarkers(p.stdout) && p.runs.every((r) => r.exitCode === 0);
  return { cpython: c, pymem: p, same };
}

function summarize(name, r) {
  const { cpython: c, pymem: p } = r;
  const row = {
    name,
    same: r.same,
    cpythonCpuMs: median(c.runs.map((x) => x.cpuMs)),
    cpythonWallMs: median(c.runs.map((x) => x.totalMs)),
    pymemCpuMs: median(p.runs.map((x) => x.cpuMs)),
    pymemWallMs: median(p.runs.map((x) => x.totalMs)),
    pymemFirstWallMs: p.runs[0].totalMs,
    pymemLoadMs: p.loadMs,
    pymemMaxRssMB: p.maxRssKB / 1024,
    cpythonMaxRssMB: c.maxRssKB / 1024,
    peak: p.runs[0].peaks[0] ?? null,
    regions: {},
  };
  row.ratioCpu = row.pymemCpuMs / row.cpythonCpuMs;
  row.ratioWall = row.pymemWallMs / row.cpythonWallMs;
  for (const key of Object.keys(c.runs[0].regions)) {
    const region = {
      cpythonCpuMs: median(c.runs.map((x) => x.regionsCpu[key])),
      cpythonWallMs: median(c.runs.map((x) => x.regions[key])),
      pymemCpuMs: median(p.runs.map((x) => x.regionsCpu[key])),
      pymemWallMs: median(p.runs.map((x) => x.regions[key])),
      cpythonTracked: c.runs[0].tracked[key],
      pymemTracked: p.runs[0].tracked[key],
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
  const reps = Number(values.reps ?? (values.quick ? 1 : 3));
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

  console.log('\nprograms (median of reps; ratio = pymem/CPython; CPU = process CPU time, all threads):');
  console.log(
    [
      padEnd('program', 16),
      pad('CPython ms', 11),
      pad('pymem ms', 10),
      pad('ratio CPU', 10),
      pad('ratio wall', 11),
      pad('1st run ms', 11),
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
    console.log(
      [
        padEnd(r.name + (r.same ? '' : '*'), 16),
        pad(fmt(r.cpythonCpuMs, 0), 11),
        pad(fmt(r.pymemCpuMs, 0), 10),
        pad(fmt(r.ratioCpu), 10),
        pad(fmt(r.ratioWall), 11),
        pad(fmt(r.pymemFirstWallMs, 0), 11),
        pad(fmt(r.pymemMaxRssMB, 0), 13),
        pad(fmt(r.cpythonMaxRssMB, 0), 11),
        pad(fmt(perObj, 0), 10),
        pad(fmt(simPerObj, 0), 10),
        `  ${r.ratioCpu <= ENGINE_BAR ? 'ok' : `> ${ENGINE_BAR}×`}`,
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
        `\n${r.name}/${key}: CPython ${fmt(g.cpythonCpuMs, 0)} ms, pymem ${fmt(g.pymemCpuMs, 0)} ms CPU (${fmt(g.pymemCpuMs / g.cpythonCpuMs)}×)`,
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
