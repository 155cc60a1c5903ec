// The trace benchmark: what recording a trace costs, how compact it is, and how
// fast a long trace seeks (issue 6's bars: tracing on ≤ 2× the same run with
// tracing off, ≤ 6 bytes per event in the binary encoding, any step of a
// ≥ 10-million-event trace rebuilt in ≤ 100 ms). Not a test: nothing fails on a
// slow figure; the bars are printed next to the figures to read.
//
//   node bench/trace.mjs [--scale S] [--reps N] [--only A,B] [--seek SPEC] [--seeks K] [--json FILE]
//
// For each bench program it runs the engine in one worker thread (256 MB stack,
// as `pymem run` does), alternately without a trace and with one written by
// `BinaryTraceWriter` (chunks counted and dropped: the cost of the file system is
// not the trace's), after one warm-up run of each. Then, for each `--seek`
// program, it records a trace in memory, opens it with `openTrace` and rebuilds
// the state at K random steps (seeded, so every run probes the same steps) and
// at the last step.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** As bench/inproc.mjs's (importing that file would start its own worker): the programs say `SCALE = 1` on a line of their own. */
const scaleSource = (source, scale) => (scale === 1 ? source : source.replace(/^SCALE = 1$/m, `SCALE = ${scale}`));
const cpuMs = (u) => (u.user + u.system) / 1000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

if (isMainThread) {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '0.1' },
      reps: { type: 'string', default: '3' },
      only: { type: 'string' },
      // program:scale pairs; each trace must reach 10 million events for the bar.
      seek: { type: 'string', default: 'alloc_churn:0.4,linked_list:0.2' },
      seeks: { type: 'string', default: '200' },
      json: { type: 'string' },
    },
  });
  const all = readdirSync(join(here, 'programs'))
    .filter((f) => f.endsWith('.py'))
    .map((f) => f.slice(0, -3))
    .sort();
  const only = values.only ? values.only.split(',') : null;
  const programs = only ? all.filter((p) => only.includes(p)) : all;
  const seek = values.seek
    ? values.seek.split(',').map((s) => {
        const [name, scale] = s.split(':');
        return { name, scale: Number(scale ?? 1) };
      })
    : [];
  const worker = new Worker(fileURLToPath(import.meta.url), {
    workerData: { programs, scale: Number(values.scale), reps: Number(values.reps), seek, seeks: Number(values.seeks) },
    resourceLimits: { stackSizeMb: 256, maxOldGenerationSizeMb: 8192 },
  });
  worker.on('message', (m) => {
    if (m.kind === 'progress') process.stderr.write(`${m.text}\n`);
    else report(m.result, values);
  });
  worker.on('error', (e) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  const { programs, scale, reps, seek, seeks } = workerData;
  const py = await import(pathToFileURL(join(root, 'packages/python/dist/index.js')).href);
  const tr = await import(pathToFileURL(join(root, 'packages/trace/dist/index.js')).href);
  const progress = (text) => parentPort.postMessage({ kind: 'progress', text });

  /** One run; with `keep`, the trace's chunks are kept and returned. */
  const run = (name, source, traced, keep = false) => {
    const chunks = [];
    let writer = null;
    if (traced) {
      const header = { schemaVersion: tr.SCHEMA_VERSION, profile: '3.12', path: `${name}.py`, source };
      writer = new tr.BinaryTraceWriter(header, (c) => (keep ? chunks.push(c) : undefined));
    }
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { exitCode } = py.runProgram({ source, path: `${name}.py`, version: '3.12', write: () => {}, ...(writer ? { trace: writer } : {}) });
    writer?.close();
    const wall = performance.now() - t0;
    const cpu = cpuMs(process.cpuUsage(cpu0));
    if (exitCode !== 0) throw new Error(`${name} exited with status ${exitCode}`);
    return { cpu, wall, events: writer?.eventCount ?? 0, bytes: writer?.bytesWritten ?? 0, chunks };
  };
  const sourceOf = (name, s) => scaleSource(readFileSync(join(here, 'programs', `${name}.py`), 'utf8'), s);

  const throughput = [];
  for (const name of programs) {
    const source = sourceOf(name, scale);
    run(name, source, false);
    run(name, source, true);
    const off = [];
    const on = [];
    for (let i = 0; i < reps; i++) {
      off.push(run(name, source, false));
      on.push(run(name, source, true));
    }
    const last = on[on.length - 1];
    const r = {
      program: name,
      scale,
      events: last.events,
      bytes: last.bytes,
      offCpuMs: median(off.map((x) => x.cpu)),
      onCpuMs: median(on.map((x) => x.cpu)),
      offWallMs: median(off.map((x) => x.wall)),
      onWallMs: median(on.map((x) => x.wall)),
      offCpuMinMs: Math.min(...off.map((x) => x.cpu)),
      onCpuMinMs: Math.min(...on.map((x) => x.cpu)),
    };
    throughput.push(r);
    progress(`${name}: ${r.events} events, ${(r.bytes / r.events).toFixed(2)} B/event, ${(r.onCpuMs / r.offCpuMs).toFixed(2)}× CPU`);
  }

  const seeking = [];
  for (const { name, scale: s } of seek) {
    const source = sourceOf(name, s);
    const rec = run(name, source, true, true);
    const bytes = tr.concat(rec.chunks);
    rec.chunks.length = 0;
    const t0 = performance.now();
    const trace = tr.openTrace(bytes);
    const openMs = performance.now() - t0;
    // A fixed LCG, so every run of the bench probes the same steps.
    let x = 12345;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const steps = Array.from({ length: seeks }, () => Math.floor(rand() * (trace.eventCount + 1)));
    steps.push(trace.eventCount);
    const times = [];
    let worst = { step: 0, ms: 0 };
    for (const step of steps) {
      const t = performance.now();
      const st = trace.stateAt(step);
      const ms = performance.now() - t;
      if (st.step !== step) throw new Error(`stateAt(${step}) returned step ${st.step}`);
      times.push(ms);
      if (ms > worst.ms) worst = { step, ms };
    }
    const r = {
      program: name,
      scale: s,
      events: trace.eventCount,
      bytes: bytes.length,
      keyframes: trace.summary.keyframes,
      peakLiveObjects: trace.summary.peakLiveObjects,
      openMs,
      seeks: steps.length,
      medianMs: median(times),
      p95Ms: quantile(times, 0.95),
      maxMs: worst.ms,
      worstStep: worst.step,
    };
    seeking.push(r);
    progress(`${name} seek: ${r.events} events, median ${r.medianMs.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms`);
  }
  parentPort.postMessage({ kind: 'result', result: { node: process.version, throughput, seeking } });
}

function report({ node, throughput, seeking }, values) {
  const f = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  console.log(`Trace writing (binary), scale ${values.scale}, median of ${values.reps} runs each way, Node ${node}`);
  console.log('program          events       B/event  events/s (on)  CPU off ms  CPU on ms  on/off CPU  on/off wall');
  let events = 0;
  let bytes = 0;
  for (const r of throughput) {
    events += r.events;
    bytes += r.bytes;
    console.log(
      `${r.program.padEnd(16)} ${f(r.events).padStart(11)}  ${f(r.bytes / r.events, 2).padStart(7)}  ${f(r.events / (r.onCpuMs / 1000)).padStart(13)}  ${f(r.offCpuMs).padStart(10)}  ${f(r.onCpuMs).padStart(9)}  ${f(r.onCpuMs / r.offCpuMs, 2).padStart(9)}×  ${f(r.onWallMs / r.offWallMs, 2).padStart(10)}×`,
    );
  }
  if (events) {
    const ratios = throughput.map((r) => r.onCpuMs / r.offCpuMs);
    console.log(`all: ${f(bytes / events, 2)} B/event (bar ≤ 6); on/off CPU ${f(Math.min(...ratios), 2)}–${f(Math.max(...ratios), 2)}× (bar ≤ 2×)`);
  }
  for (const r of seeking) {
    console.log(
      `seek ${r.program} (scale ${r.scale}): ${f(r.events)} events${r.events < 10_000_000 ? ' (under 10 million: not the bar\'s size)' : ''}, ${f(r.bytes / r.events, 2)} B/event, ${r.keyframes} keyframes, peak ${f(r.peakLiveObjects)} live objects; open ${f(r.openMs)} ms; ${r.seeks} steps: median ${f(r.medianMs, 1)} ms, p95 ${f(r.p95Ms, 1)} ms, max ${f(r.maxMs, 1)} ms at step ${f(r.worstStep)} (bar ≤ 100 ms)`,
    );
  }
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ node, throughput, seeking }, null, 1)}\n`);
}
