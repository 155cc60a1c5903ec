/**
 * Tests of the built `pymem` trace commands: `run --trace`, `trace inspect|show|export`
 * and `diff`. The build is made by cli.test.ts's beforeAll when stale; this file
 * builds too if it runs alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from 'v8-heapsnapshot';
import { openTrace } from '@pymem/trace';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'pymem.js');
let dir: string;

beforeAll(() => {
  if (!existsSync(cli)) {
    const build = spawnSync('pnpm', ['tsup'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`pnpm tsup failed:\n${build.stdout}${build.stderr}`);
  }
  dir = mkdtempSync(join(tmpdir(), 'pymem-trace-'));
  writeFileSync(
    join(dir, 'cycle.py'),
    'import gc\nclass A:\n    def __del__(self):\n        print("del")\na = A()\nb = A()\na.b = b\nb.a = a\ndel a, b\nprint(gc.collect())\n',
  );
  const r = pymem(['run', '--trace', 'cycle.pymemtrace', 'cycle.py']);
  if (r.status !== 0) throw new Error(`run --trace failed: ${r.stderr}`);
}, 120_000);

function pymem(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYMEM_DEBUG: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('run --trace and trace inspect', () => {
  it('records a binary trace that inspect summarises, with --json numbers', () => {
    const { status, stdout } = pymem(['trace', 'inspect', '--json', 'cycle.pymemtrace']);
    expect(status).toBe(0);
    const s = JSON.parse(stdout);
    for (const k of ['steps', 'events', 'objects', 'collections']) expect(typeof s[k]).toBe('number');
    expect(s.collections).toBeGreaterThanOrEqual(1);
    expect(s.collectionsByGeneration[2]).toBeGreaterThanOrEqual(1);
    expect(s.finalizers).toBe(2);
    expect(s.profile).toBe('3.12');
    const text = pymem(['trace', 'inspect', 'cycle.pymemtrace']);
    expect(text.stdout).toMatch(/collections: +\d+ \(generation 0: \d+, 1: \d+, 2: \d+\)/);
  });

  it('writes JSON lines when the file ends in .jsonl; every command reads both', () => {
    expect(pymem(['run', '--trace', 'cycle.jsonl', 'cycle.py']).status).toBe(0);
    expect(readFileSync(join(dir, 'cycle.jsonl'), 'utf8').split('\n')[0]).toContain('"format":"pymemtrace-jsonl"');
    const a = JSON.parse(pymem(['trace', 'inspect', '--json', 'cycle.jsonl']).stdout);
    const b = JSON.parse(pymem(['trace', 'inspect', '--json', 'cycle.pymemtrace']).stdout);
    expect(a.events).toBe(b.events);
    expect(a.objects).toBe(b.objects);
  });
});

describe('trace show and export', () => {
  it('shows the frames and the heap at a step', () => {
    const s = JSON.parse(pymem(['trace', 'inspect', '--json', 'cycle.pymemtrace']).stdout);
    const { status, stdout } = pymem(['trace', 'show', 'cycle.pymemtrace', '--step', String(s.events)]);
    expect(status).toBe(0);
    expect(stdout).toContain(`step ${s.events} of ${s.events}`);
    expect(stdout).toMatch(/heap: \d+ live objects/);
    expect(stdout).toContain('| del');
  });

  it('exports every format, and the exports read back', () => {
    for (const [format, out] of [['chrome', 'c.json'], ['heapsnapshot', 'h.heapsnapshot'], ['jsonl', 'x.jsonl'], ['pymemtrace', 'x.pymemtrace']]) {
      const r = pymem(['trace', 'export', 'cycle.pymemtrace', '--format', format!, '-o', out!]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).traceEvents.length).toBeGreaterThan(10);
    expect(JSON.parse(readFileSync(join(dir, 'h.heapsnapshot'), 'utf8')).snapshot.node_count).toBeGreaterThan(10);
    expect(readFileSync(join(dir, 'x.pymemtrace'))).toEqual(readFileSync(join(dir, 'cycle.pymemtrace')));
  });
});

describe('the heap snapshot of a real run', () => {
  it('loads in v8-heapsnapshot with every live object and every edge of the step', async () => {
    const trace = openTrace(readFileSync(join(dir, 'cycle.pymemtrace')));
    // After `b.a = a` (line 8 reached, then the next line): the cycle is built and bound.
    const step = [...trace.events()].findIndex((e) => e.kind === 'line' && e.line === 9);
    const st = trace.stateAt(step);
    expect(pymem(['trace', 'export', 'cycle.pymemtrace', '--format', 'heapsnapshot', '--step', String(step), '-o', 'mid.heapsnapshot']).status).toBe(0);
    const snap = await parseSnapshot(readFileSync(join(dir, 'mid.heapsnapshot'), 'utf8'));
    // Synthetic nodes (roots, frames, globals) are named in parentheses.
    const py = snap.nodes.filter((n) => !n.name.startsWith('('));
    expect(py.length).toBe(st.objects.size);
    let edges = 0;
    for (const targets of st.edges.values()) edges += targets.filter((t) => st.objects.has(t)).length;
    expect(snap.edges.filter((e) => !e.from.name.startsWith('(')).length).toBe(edges);
    // The two instances refer to each other through their values.
    const a = st.globals.get('a')!;
    const b = st.globals.get('b')!;
    expect(trace.pathFromRoot(b, step)?.ids[0]).toBe(b);
    expect(trace.referrers(a, step).length).toBeGreaterThan(0);
  });
});

describe('bad input and arguments', () => {
  it('names a truncated trace and the byte offset, exit 1', () => {
    writeFileSync(join(dir, 'cut.pymemtrace'), readFileSync(join(dir, 'cycle.pymemtrace')).subarray(0, 200));
    const r = pymem(['trace', 'inspect', 'cut.pymemtrace']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pymem: error: cut\.pymemtrace: .*\(at byte offset \d+\)\n$/);
  });

  it('names a file that is not a trace, exit 1', () => {
    const r = pymem(['trace', 'show', 'cycle.py', '--step', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('not a pymem trace');
  });

  it('argument errors exit 2 with the usage', () => {
    expect(pymem(['trace', 'show', 'cycle.pymemtrace']).status).toBe(2);
    const r = pymem(['trace', 'export', 'cycle.pymemtrace', '--format', 'svg', '-o', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("invalid choice: 'svg'");
    expect(pymem(['trace', 'frob']).status).toBe(2);
    expect(pymem(['diff', '--python', '3.10', 'cycle.py']).status).toBe(2);
  });

  it('a step out of range is an error, exit 1', () => {
    const r = pymem(['trace', 'show', 'cycle.pymemtrace', '--step', '99999999']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('out of range');
  });
});

describe('diff', () => {
  it('shows where 3.10 and 3.11 differ: instance dicts, collect() results', () => {
    const { status, stdout } = pymem(['diff', '--python', '3.10,3.11', 'cycle.py']);
    expect(status).toBe(0);
    // Up to 3.10 an instance's __dict__ is made at its first attribute store (_PyObjectDict_SetItem).
    expect(stdout).toContain('line 7: a.b = b\n    3.10 allocates dict×1 more');
    // gc.collect() frees 4 on 3.10 and 2 on 3.11; at exit, the collection of an enabled gc
    // frees nothing, and the one that follows __main__ leaving sys.modules frees its cycle.
    expect(stdout).toMatch(/collections free 4, 0, 7 in 3\.10, 2, 0, 7 in 3\.11/);
  });
});
