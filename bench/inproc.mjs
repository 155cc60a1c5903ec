// The in-process runner: runs one program with the engine (`runProgram` from
// @pymem/python) several times in one Node process, so the timings exclude Node's
// start-up and the engine's module loading (reported separately), and the later
// runs show the steady state once V8 has compiled the hot paths.
//
//   node --expose-gc bench/inproc.mjs [--reps K] [--scale S] [--no-mem] prog.py
//   node --expose-gc bench/inproc.mjs --serve [--scale S] [--no-mem] prog.py
//
// Prints one JSON line on stdout: `{loadMs, runs, stdout, stderr, maxRssKB}`. The
// program's own output is kept, not echoed. With `--serve` (how bench/run.mjs drives
// it, alternating with CPython's runs) it loads the engine, prints `{"ready": true,
// "loadMs": …}`, then makes one run per `run` line read on stdin and prints that
// run's figures as one JSON line (the first run's with the program's output); at
// the end of stdin it prints `{"maxRssKB": N}` and exits. Marker lines the program prints (`@bench begin NAME`, `@bench
// end NAME`, `@bench peak N`, `@bench tracked NAME N`) time regions, ask for a
// memory sample, and report tracked-object counts; see bench/README.md.
//
// The engine runs in a worker thread with a large stack, as `pymem run` does
// (apps/cli/src/main.ts): deep structures recurse in the engine. `node --cpu-prof`
// on this script writes one profile per thread; the worker's is the engine's.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** Applies `--scale`: the programs say `SCALE = 1` on a line of their own. */
export function scaleSource(source, scale) {
  return scale === 1 ? source : source.replace(/^SCALE = 1$/m, `SCALE = ${scale}`);
}

/** Process CPU time (all threads: the engine and V8's helpers) of a cpuUsage() delta. */
function cpuMs(u) {
  return (u.user + u.system) / 1000;
}

if (isMainThread) {
  const { values, positionals } = parseArgs({
    options: {
      reps: { type: 'string', default: '3' },
      scale: { type: 'string', default: '1' },
      'no-mem': { type: 'boolean', default: false },
      serve: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: node --expose-gc bench/inproc.mjs [--reps K] [--scale S] [--no-mem] prog.py');
    process.exit(2);
  }
  const { ENGINE_WORKER_LIMITS } = await import(pathToFileURL(join(root, 'packages/python/dist/index.js')).href);
  const worker = new Worker(fileURLToPath(import.meta.url), {
    workerData: {
      file,
      reps: Number(values.reps),
      scale: Number(values.scale),
      mem: !values['no-mem'],
      serve: values.serve,
    },
    // The CLI's limits, with room for several runs' garbage in one worker.
    resourceLimits: { ...ENGINE_WORKER_LIMITS, maxOldGenerationSizeMb: 8192 },
  });
  worker.on('message', (result) => {
    if (!values.serve) result.maxRssKB = process.resourceUsage().maxRSS;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  });
  if (values.serve) {
    const { createInterface } = await import('node:readline');
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() === 'run') worker.postMessage('run');
    });
    lines.on('close', () => worker.postMessage('quit'));
    worker.on('exit', () => process.stdout.write(`${JSON.stringify({ maxRssKB: process.resourceUsage().maxRSS })}\n`));
  }
  worker.on('error', (e) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  const { file, reps, scale, mem, serve } = workerData;
  const t0 = performance.now();
  const py = await import(pathToFileURL(join(root, 'packages/python/dist/index.js')).href);
  // The same module instance @pymem/python imports (pnpm links resolve to this path).
  const om = await import(pathToFileURL(join(root, 'packages/object-model/dist/index.js')).href);
  const loadMs = performance.now() - t0;
  const source = scaleSource(readFileSync(file, 'utf8'), scale);
  const gc = globalThis.gc;

  // Counting live simulated objects: only in the first run (the memory run), by
  // wrapping Heap.allocate/free; later runs use the engine untouched.
  const proto = om.Heap.prototype;
  const origAllocate = proto.allocate;
  const origFree = proto.free;
  let live = 0;
  let lastHeap = null;
  const count = (on) => {
    if (on) {
      proto.allocate = function (o, size) {
        lastHeap = this;
        live++;
        return origAllocate.call(this, o, size);
      };
      proto.free = function (o) {
        live--;
        return origFree.call(this, o);
      };
    } else {
      proto.allocate = origAllocate;
      proto.free = origFree;
    }
  };

  /** One run of the program; `rep` 0 is the memory run (with `mem`) and keeps the output. */
  const runOnce = (rep) => {
    const memRun = mem && rep === 0 && typeof gc === 'function';
    live = 0;
    if (memRun) {
      count(true);
      gc();
    }
    const baseHeap = memRun ? process.memoryUsage().heapUsed : 0;
    const regions = {};
    const regionsCpu = {};
    const tracked = {};
    const open = {};
    const peaks = [];
    let excluded = 0; // time spent in memory sampling, not the engine's
    let out = '';
    let err = '';
    let pending = '';
    const onLine = (line) => {
      const m = /^@bench (\w+) ?(.*)$/.exec(line);
      if (!m) return;
      const now = performance.now();
      const cpuNow = process.cpuUsage();
      const [kind, rest] = [m[1], m[2].trim().split(/\s+/)];
      if (kind === 'begin') open[rest[0]] = [now, cpuNow];
      else if (kind === 'end') {
        const [t, c] = open[rest[0]];
        regions[rest[0]] = now - t;
        regionsCpu[rest[0]] = cpuMs(process.cpuUsage(c));
      }
      else if (kind === 'tracked') tracked[rest[0]] = Number(rest[1]);
      else if (kind === 'peak' && memRun) {
        gc();
        const heapUsed = process.memoryUsage().heapUsed;
        peaks.push({
          expected: Number(rest[0]),
          liveSimulated: live,
          simulatedBytes: lastHeap ? lastHeap.allocator.bytesInUse : 0,
          jsHeapBytes: heapUsed - baseHeap,
          rssBytes: process.memoryUsage().rss,
        });
        excluded += performance.now() - now;
      }
    };
    const write = (stream, text) => {
      if (stream === 'stderr') {
        err += text;
        return;
      }
      out += text;
      pending += text;
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        onLine(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
      }
    };
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const { exitCode } = py.runProgram({ source, path: basename(file), version: '3.12', write });
    const totalMs = performance.now() - start - excluded;
    const cpuTotalMs = cpuMs(process.cpuUsage(cpuStart)) - excluded;
    if (memRun) count(false);
    return { totalMs, cpuMs: cpuTotalMs, regions, regionsCpu, tracked, peaks, exitCode, counted: memRun, out, err };
  };

  if (serve) {
    let rep = 0;
    parentPort.postMessage({ ready: true, loadMs });
    parentPort.on('message', (command) => {
      if (command === 'quit') {
        parentPort.close();
        return;
      }
      const { out, err, ...run } = runOnce(rep);
      parentPort.postMessage(rep++ === 0 ? { ...run, stdout: out, stderr: err } : run);
    });
  } else {
    const runs = [];
    let stdout = '';
    let stderr = '';
    for (let rep = 0; rep < reps; rep++) {
      const { out, err, ...run } = runOnce(rep);
      runs.push(run);
      if (rep === 0) {
        stdout = out;
        stderr = err;
      }
    }
    parentPort.postMessage({ loadMs, runs, stdout, stderr });
  }
}
