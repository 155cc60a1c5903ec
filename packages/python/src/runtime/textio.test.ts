import { describe, expect, test } from 'vitest';
import { runProgram } from '../run';

/** Runs a program; returns what reached stdout and stderr, in the order it arrived, and the exit status. */
function run(source: string, version: string, maxSteps?: number): { writes: string[]; out: string; code: number } {
  const writes: string[] = [];
  let out = '';
  const { exitCode } = runProgram({
    source,
    path: 'prog.py',
    version,
    checkInvariants: true,
    ...(maxSteps ? { maxSteps } : {}),
    write: (stream, text) => {
      writes.push(`${stream}:${text}`);
      if (stream === 'stdout') out += text;
    },
  });
  return { writes, out, code: exitCode };
}

describe("sys.stdout's pending text", () => {
  test('reaches the output when more than a chunk (8192 bytes) is pending, and the rest at exit', () => {
    const { writes } = run('for i in range(3):\n    print("x" * 4999)\nprint("end")\n', '3.12');
    const line = `${'x'.repeat(4999)}\n`;
    expect(writes).toEqual([`stdout:${line}`, `stdout:${line}`, `stdout:${line}end\n`]);
  });

  test('is flushed before the traceback of an uncaught exception', () => {
    const { writes, code } = run('print("before")\nraise ValueError("boom")\n', '3.11');
    expect(code).toBe(1);
    expect(writes[0]).toBe('stdout:before\n');
    expect(writes.slice(1).join('')).toContain('ValueError: boom');
  });

  test('is not lost when --max-steps stops the program', () => {
    const { out, writes, code } = run('print("started")\nwhile True:\n    pass\n', '3.12', 10_000);
    expect(code).toBe(1);
    expect(out).toBe('started\n');
    expect(writes.at(-1)).toMatch(/^stderr:pymem: the program was stopped after 10000 steps/);
  });

  test('sys.stdout is an _io.TextIOWrapper', () => {
    const { out } = run('import sys\nprint(type(sys.stdout), repr(sys.stdout), sys.stdout.write("x\\n"))\n', '3.12');
    expect(out).toBe("x\n<class '_io.TextIOWrapper'> <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'> 2\n");
  });
});
