// Summarizes V8 CPU profiles of the in-process runner: the functions with the most
// self time and the most inclusive time, each named by its TypeScript source
// (file:line through the dist bundles' source maps) and function name.
//
//   node --cpu-prof --cpu-prof-dir=DIR bench/inproc.mjs --reps 1 --no-mem prog.py
//   node bench/profile.mjs DIR [--top N]
//
// `node --cpu-prof` writes one profile per thread; the one with the most samples
// outside `(idle)` (the worker running the engine) is summarized.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decodes a source map's `mappings` into, per generated line, [col, src, line] sorted by col. */
function decodeMappings(map) {
  const lines = [];
  let src = 0;
  let oline = 0;
  let ocol = 0;
  let name = 0;
  for (const lineText of map.mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const vals = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64_INDEX.get(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += vals[0];
      if (vals.length >= 4) {
        src += vals[1];
        oline += vals[2];
        ocol += vals[3];
        if (vals.length >= 5) name += vals[4];
        segs.push([col, src, oline]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

const maps = new Map();
/** Maps a generated position (0-based line and column) to `src/file.ts:line`. */
function original(url, line, col) {
  if (!url.startsWith('file://')) return null;
  const file = fileURLToPath(url);
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    if (!existsSync(mapFile)) maps.set(file, null);
    else {
      const map = JSON.parse(readFileSync(mapFile, 'utf8'));
      maps.set(file, { map, lines: decodeMappings(map) });
    }
  }
  const m = maps.get(file);
  if (!m) return `${relative(root, file)}:${line + 1}`;
  const segs = m.lines[line] ?? [];
  let best = null;
  for (const s of segs) {
    if (s[0] <= col) best = s;
    else break;
  }
  if (!best) best = segs[0];
  if (!best) return `${relative(root, file)}:${line + 1}`;
  const srcPath = resolve(dirname(file), m.map.sourceRoot ?? '', m.map.sources[best[1]]);
  return `${relative(root, srcPath)}:${best[2] + 1}`;
}

/** Self and inclusive milliseconds per function of one profile. */
export function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map();
  const where = new Map();
  for (const n of profile.nodes) {
    const cf = n.callFrame;
    const loc = original(cf.url, cf.lineNumber, cf.columnNumber) ?? (cf.url || '(native)');
    const key = `${cf.functionName || '(anonymous)'} ${loc}`;
    keyOf.set(n.id, key);
    where.set(key, loc);
  }
  const self = new Map();
  const total = new Map();
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const id = profile.samples[i];
    const k = keyOf.get(id);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const kk = keyOf.get(cur);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + dt);
    }
  }
  void byId;
  return { all, self, total };
}

function main() {
  const { values, positionals } = parseArgs({
    options: { top: { type: 'string', default: '15' } },
    allowPositionals: true,
  });
  const dir = positionals[0];
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  let best = null;
  let bestBusy = -1;
  for (const f of files) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    const busy = p.samples.filter((id) => !idle.has(id)).length;
    if (busy > bestBusy) {
      best = p;
      bestBusy = busy;
    }
  }
  if (!best) throw new Error(`no .cpuprofile in ${dir}`);
  const { all, self, total } = summarize(best);
  const top = Number(values.top);
  const fmt = (m) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${((100 * v) / all).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  console.log(`profile: ${all.toFixed(0)} ms sampled\nself time:\n${fmt(self)}\ninclusive time:\n${fmt(total)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
