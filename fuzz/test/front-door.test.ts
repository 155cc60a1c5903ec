/**
 * The front door, fuzzed: whatever bytes are handed to `pymem run`, the built CLI ends
 * within a time limit with a correct result, or with a Python-style error and exit
 * status 1 (2 for a usage error) — never a JavaScript stack trace, an internal error,
 * a hang or Node running out of memory, and the host is never touched.
 *
 * Each test spawns `node apps/cli/dist/pymem.js` (build it first: `pnpm fuzz` or
 * `pnpm --filter @pymem/cli build`). Random inputs come from a seeded generator, so a
 * failure names the seed that reproduces it. Inputs the engine does not handle yet are
 * `test.fails` with the reason, and listed in fuzz/expected-failures.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BinaryTraceWriter, JsonlTraceWriter, SCHEMA_VERSION } from '@pymem/trace';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: plain JavaScript modules of this package, without declarations
import { Random } from '../src/prng.mjs';
// @ts-expect-error: as above
import { generateSource } from '../src/generate.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repo, 'apps', 'cli', 'dist', 'pymem.js');

/** How long one run may take before it counts as a hang. */
const RUN_LIMIT_MS = 20_000;

interface Outcome {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

let dir: string;
beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build the CLI first (pnpm --filter @pymem/cli build)`);
  dir = mkdtempSync(join(tmpdir(), 'pymem-front-door-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `pymem run [args] <file>` on `content`; kills it past `limitMs`. */
function pymem(name: string, content: string | Uint8Array, args: string[] = [], limitMs = RUN_LIMIT_MS): Promise<Outcome> {
  const file = join(dir, name);
  writeFileSync(file, content);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'run', ...args, name], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({
        status,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        ms: Date.now() - t0,
      });
    });
  });
}

/** Runs many inputs, two at a time (the CLI starts a Node process each). */
async function pymemAll(inputs: { name: string; content: string | Uint8Array; args?: string[] }[]): Promise<Outcome[]> {
  const results: Outcome[] = new Array(inputs.length);
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const i = next++;
      const input = inputs[i]!;
      results[i] = await pymem(input.name, input.content, input.args ?? []);
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

/** A JavaScript stack frame, a Node internal, or a V8 fatal error anywhere in the output. */
const JS_LEAK = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$|node:internal|FATAL ERROR|JavaScript heap out of memory|Error \[ERR_/m;
/** The last line of a Python-style error: `SomeError` or `SomeError: message`. */
const PYTHON_ERROR = /^(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt)(?::.*)?$/;
/** The clear, non-Python messages pymem gives for its own limits (DESIGN.md). */
const LIMIT_MESSAGE = /^pymem: the program was stopped after \d+ steps/;

/**
 * Checks the front-door contract on one outcome; returns what is wrong ('' = fine).
 * A correct result is exit status 0 (the caller checks stdout where it is known).
 */
function contractProblem(o: Outcome, usage = false): string {
  if (o.timedOut) return `no result after ${(o.ms / 1000).toFixed(0)} s (a hang)`;
  if (o.signal) return `killed by ${o.signal}`;
  const all = `${o.stdout}\n${o.stderr}`;
  const leak = JS_LEAK.exec(all);
  if (leak) return `JavaScript internals in the output: ${JSON.stringify(leak[0].trim())}`;
  if (/pymem: internal error/.test(o.stderr)) return `internal error: ${o.stderr.split('\n')[0]}`;
  if (usage) return o.status === 2 ? '' : `usage error with exit status ${o.status}, expected 2`;
  if (o.status === 0) return '';
  if (o.status !== 1) return `exit status ${o.status}, expected 0 or 1`;
  const lines = o.stderr.split('\n').filter((l) => l.trim() !== '');
  const last = lines[lines.length - 1] ?? '';
  if (!PYTHON_ERROR.test(last) && !LIMIT_MESSAGE.test(last)) return `exit status 1 without a Python-style error; stderr ends ${JSON.stringify(last.slice(0, 200))}`;
  return '';
}

/** Fails with every input whose outcome breaks the contract, naming their seeds. */
function expectContract(outcomes: Outcome[], labels: string[]): void {
  const problems = outcomes.map((o, i) => [labels[i], contractProblem(o)] as const).filter(([, p]) => p !== '');
  expect(problems.map(([l, p]) => `${l}: ${p}`)).toEqual([]);
}

// ---------------------------------------------------------------------------------
// Random inputs
// ---------------------------------------------------------------------------------

const SEEDS = Array.from({ length: 10 }, (_, i) => 1000 + i);

function randomBytes(seed: number): Uint8Array {
  const r = new Random(seed);
  const n = r.int(0, 3000);
  const bytes = new Uint8Array(n);
  // Half the inputs are mostly printable, so they get past the UTF-8 check to the parser.
  const printable = r.chance(0.5);
  for (let i = 0; i < n; i++) bytes[i] = printable && r.chance(0.95) ? r.pick([10, 32, ...Array.from({ length: 95 }, (_, k) => 32 + k)]) : r.int(0, 255);
  return bytes;
}

const TOKENS = [
  'def', 'class', 'lambda', 'return', 'yield', 'if', 'elif', 'else', 'while', 'for', 'in', 'not', 'and', 'or',
  'is', 'try', 'except', 'finally', 'raise', 'with', 'as', 'del', 'global', 'nonlocal', 'import', 'from',
  'pass', 'break', 'continue', 'async', 'await', 'assert', 'None', 'True', 'False', 'print', 'gc', 'sys',
  'weakref', 'x', 'y', 'f', 'self', '__del__', '__init__', '0', '1', '257', '1.5', '1e308', '0x1f', '10**100',
  '"s"', "'t'", '"""doc"""', 'b"x"', 'f"{x}"', '(', ')', '[', ']', '{', '}', ':', ',', '.', ';', '=', '==',
  '+', '-', '*', '**', '/', '//', '%', '@', '<', '>', '<=', '!=', '->', ':=', '+=', '\\', '#', '\n', '\n    ',
  '\n        ', ' ', ' ', ' ', '\t',
];

function randomTokens(seed: number): string {
  const r = new Random(seed);
  const out: string[] = [];
  for (let n = r.int(1, 300); n > 0; n--) {
    out.push(r.pick(TOKENS));
    if (r.chance(0.7)) out.push(' ');
  }
  return out.join('');
}

/** A generated (valid) fuzz program with a few random character edits. */
function editedProgram(seed: number): string {
  const r = new Random(seed);
  let s: string = generateSource(seed);
  for (let n = r.int(1, 6); n > 0; n--) {
    const at = r.int(0, s.length);
    const edit = r.int(0, 3);
    if (edit === 0) s = s.slice(0, at) + s.slice(at + r.int(1, 10)); // delete
    else if (edit === 1) s = s.slice(0, at) + r.pick(TOKENS) + s.slice(at); // insert a token
    else if (edit === 2) s = s.slice(0, at) + r.pick(['(', ')', ':', '    ', '\n', '"', "'", '[', '}']) + s.slice(at);
    else {
      // Swap two lines.
      const lines = s.split('\n');
      const i = r.int(0, lines.length - 1);
      const j = r.int(0, lines.length - 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      s = lines.join('\n');
    }
  }
  return s;
}

describe('random input', () => {
  test('random bytes (seeds 1000-1009)', async () => {
    const outcomes = await pymemAll(SEEDS.map((s) => ({ name: `bytes_${s}.py`, content: randomBytes(s) })));
    expectContract(outcomes, SEEDS.map((s) => `bytes seed ${s}`));
  }, 60_000);

  test('random token streams (seeds 1000-1009)', async () => {
    const outcomes = await pymemAll(SEEDS.map((s) => ({ name: `tokens_${s}.py`, content: randomTokens(s) })));
    expectContract(outcomes, SEEDS.map((s) => `tokens seed ${s}`));
  }, 60_000);

  test('valid programs with random edits (seeds 1000-1009)', async () => {
    const outcomes = await pymemAll(SEEDS.map((s) => ({ name: `edited_${s}.py`, content: editedProgram(s) })));
    expectContract(outcomes, SEEDS.map((s) => `edited program seed ${s}`));
  }, 60_000);

  test('a trace file with random corruption, given as a program', async () => {
    const header = { schemaVersion: SCHEMA_VERSION, profile: '3.12', path: 'prog.py', source: 'x = [1]\nx.append(x)\n' };
    const chunks: Uint8Array[] = [];
    const jsonl = new JsonlTraceWriter(header, (c) => chunks.push(c));
    jsonl.close();
    const jsonlBytes = Buffer.concat(chunks);
    chunks.length = 0;
    const binary = new BinaryTraceWriter(header, (c) => chunks.push(c));
    binary.close();
    const binaryBytes = Buffer.concat(chunks);
    const inputs: { name: string; content: Uint8Array }[] = [];
    for (const seed of SEEDS.slice(0, 4)) {
      for (const [kind, base] of [['jsonl', jsonlBytes], ['binary', binaryBytes]] as const) {
        const r = new Random(seed);
        const bytes = Uint8Array.from(base);
        for (let n = r.int(1, 20); n > 0; n--) bytes[r.int(0, bytes.length - 1)] = r.int(0, 255);
        inputs.push({ name: `trace_${kind}_${seed}.py`, content: bytes.subarray(0, r.int(1, bytes.length)) });
      }
    }
    const outcomes = await pymemAll(inputs);
    expectContract(outcomes, inputs.map((i) => i.name));
  }, 60_000);
});

// ---------------------------------------------------------------------------------
// Large and deep inputs
// ---------------------------------------------------------------------------------

describe('large and deep input', () => {
  test('10,000 nested parentheses', async () => {
    const o = await pymem('parens.py', `x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\nprint(x)\n`);
    expect(contractProblem(o)).toBe('');
    // CPython 3.9+ stops at 200 levels: "SyntaxError: too many nested parentheses".
    if (o.status === 0) expect(o.stdout).toBe('1\n');
  });

  test('a 1 MB line', async () => {
    const o = await pymem('line.py', `x = "${'a'.repeat(1 << 20)}"\nprint(len(x))\n`);
    expect(contractProblem(o)).toBe('');
    if (o.status === 0) expect(o.stdout).toBe(`${1 << 20}\n`);
  });

  test('an int literal of 100,000 digits (3.6: the value)', async () => {
    const o = await pymem('bigint36.py', `x = ${'7'.repeat(100_000)}\nprint(x % 1000)\n`, ['--python', '3.6']);
    expect(contractProblem(o)).toBe('');
    if (o.status === 0) expect(o.stdout).toBe('777\n');
  });

  // CPython 3.10.7+ / 3.11+ limit int/str conversions to 4300 digits, literals included
  // (checked with python3.12: the message below, exit status 1).
  test('an int literal of 100,000 digits (3.12: SyntaxError as CPython)', async () => {
    const o = await pymem('bigint312.py', `x = ${'7'.repeat(100_000)}\nprint(x % 1000)\n`, ['--python', '3.12']);
    expect(contractProblem(o)).toBe('');
    expect(o.status).toBe(1);
    expect(o.stderr).toContain('SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: value has 100000 digits');
  });

  test('a list display of 1,000,000 elements', async () => {
    const o = await pymem('biglist.py', `x = [${'0, '.repeat(1_000_000)}]\nprint(len(x))\n`, [], 45_000);
    expect(contractProblem(o)).toBe('');
    if (o.status === 0) expect(o.stdout).toBe('1000000\n');
  }, 60_000);

  test('deep recursion ends in RecursionError', async () => {
    const o = await pymem('recursion.py', 'def f(n):\n    return f(n + 1)\nf(0)\n');
    expect(contractProblem(o)).toBe('');
    expect(o.status).toBe(1);
    expect(o.stderr).toMatch(/RecursionError: maximum recursion depth exceeded/);
  });

  test('deep recursion through __del__ and containers (a nested list of 100,000 levels)', async () => {
    const o = await pymem('nested.py', 'x = []\nfor i in range(100000):\n    x = [x]\ndel x\nprint("ok")\n');
    expect(contractProblem(o)).toBe('');
    if (o.status === 0) expect(o.stdout).toBe('ok\n');
  });

  test('an unbounded generator under --max-steps', async () => {
    const o = await pymem('forever.py', 'def g():\n    while True:\n        yield 1\nfor x in g():\n    pass\n', ['--max-steps', '100000']);
    expect(contractProblem(o)).toBe('');
    expect(o.status).toBe(1);
  });

  // A list's item array counts against the simulated heap, so the limit is reached quickly.
  test('an allocation loop under --max-memory 8M ends in MemoryError within 10 s', async () => {
    const o = await pymem('hog.py', 'x = []\nwhile True:\n    x.append([0] * 1000)\n', ['--max-memory', '8M'], 10_000);
    expect(contractProblem(o)).toBe('');
    expect(o.status).toBe(1);
    expect(o.stderr).toMatch(/MemoryError/);
  });

  test('a self-appending list under --max-memory 8M ends in MemoryError', async () => {
    const o = await pymem('selfappend.py', 'x = []\nwhile True:\n    x.append(x)\n', ['--max-memory', '8M'], 20_000);
    expect(contractProblem(o)).toBe('');
    expect(o.status).toBe(1);
    expect(o.stderr).toMatch(/MemoryError/);
  }, 30_000);
});

// ---------------------------------------------------------------------------------
// The host, and the command line
// ---------------------------------------------------------------------------------

describe('the host is never touched', () => {
  test('open(), os and subprocess fail inside the program', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const created = join(dir, 'created.txt');
    const attempts = [
      `open(${JSON.stringify(created)}, "w").write("x")`,
      `import os\nos.remove(${JSON.stringify(victim)})`,
      `__import__("os").system("touch ${created}")`,
      `import subprocess\nsubprocess.run(["touch", ${JSON.stringify(created)}])`,
      `exec(${JSON.stringify(`open(${JSON.stringify(created)}, "w")`)})`,
    ];
    const outcomes = await pymemAll(attempts.map((a, i) => ({ name: `host_${i}.py`, content: `${a}\n` })));
    expectContract(outcomes, attempts);
    for (const o of outcomes) expect(o.status).toBe(1);
    expect(existsSync(created)).toBe(false);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });
});

describe('usage errors exit with status 2', () => {
  test.each([
    [['run', '--max-steps', 'many', 'x.py']],
    [['run', '--python', '2.7', 'x.py']],
    [['run', '--max-memory', '-1', 'x.py']],
    [['run']],
    [['frobnicate']],
    [['run', '--no-such-option', 'x.py']],
  ])('pymem %j', async (args) => {
    const o = await new Promise<Outcome>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.stderr.on('data', (d: Buffer) => err.push(d));
      child.on('close', (status, signal) =>
        resolve({ status, signal, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString(), timedOut: false, ms: 0 }),
      );
    });
    expect(contractProblem(o, true)).toBe('');
    expect(o.stderr).toMatch(/pymem: error: /);
  });
});
