/**
 * Tests of the built `pymem` command: each spawns `node dist/pymem.js`, so they cover
 * the bundle, the worker it loads and the version inlined at build time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'pymem.js');
const packageVersion = (await import('../package.json', { with: { type: 'json' } })).default.version;

const RUN_USAGE = 'usage: pymem run [-h] [--python X.Y] [--max-steps N] [--max-memory BYTES] [--trace OUT] FILE';
const MAIN_USAGE = 'usage: pymem [-h] [--version] {run,trace,diff} ...';

let dir: string;

/** True when dist is missing or older than a file in src. */
function stale(): boolean {
  if (!existsSync(cli) || !existsSync(join(root, 'dist', 'worker.js'))) return true;
  const built = statSync(cli).mtimeMs;
  const sources = readdirSync(join(root, 'src')).map((name) => join(root, 'src', name));
  return [...sources, join(root, 'tsup.config.ts'), join(root, 'package.json')].some(
    (file) => statSync(file).mtimeMs > built,
  );
}

beforeAll(() => {
  if (stale()) {
    const build = spawnSync('pnpm', ['tsup'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`pnpm tsup failed:\n${build.stdout}${build.stderr}`);
  }
  dir = mkdtempSync(join(tmpdir(), 'pymem-cli-'));
}, 120_000);

function pymem(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PYMEM_DEBUG: '', PYMEM_CHECK_INVARIANTS: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function program(name: string, source: string): string {
  writeFileSync(join(dir, name), source);
  return name;
}

describe('help and version', () => {
  it.each([['--help'], ['-h']])('%s prints the usage and the commands', (flag) => {
    const { status, stdout, stderr } = pymem([flag]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.startsWith(`${MAIN_USAGE}\n`)).toBe(true);
    expect(stdout).toContain('run');
  });

  it('run --help lists the options of run', () => {
    const { status, stdout } = pymem(['run', '--help']);
    expect(status).toBe(0);
    expect(stdout.startsWith(`${RUN_USAGE}\n`)).toBe(true);
    for (const option of ['--python', '--max-steps', '--max-memory', 'PYMEM_CHECK_INVARIANTS']) {
      expect(stdout).toContain(option);
    }
  });

  it('--version prints the version of package.json', () => {
    const { status, stdout } = pymem(['--version']);
    expect(status).toBe(0);
    expect(stdout).toBe(`pymem ${packageVersion}\n`);
  });
});

describe('argument errors exit 2 with the usage and a message, like argparse', () => {
  const versions = '3.6, 3.7, 3.8, 3.9, 3.10, 3.11, 3.12, 3.13';
  it.each([
    [[], MAIN_USAGE, 'the following arguments are required: command'],
    [['frobnicate'], MAIN_USAGE, "argument command: invalid choice: 'frobnicate' (choose from run, trace, diff)"],
    [['run'], RUN_USAGE, 'the following arguments are required: FILE'],
    [['run', '--bogus', 'x.py'], RUN_USAGE, 'unrecognized arguments: --bogus'],
    [['run', 'x.py', 'extra'], RUN_USAGE, 'unrecognized arguments: extra'],
    [['run', '--python', '3.5', 'x.py'], RUN_USAGE, `argument --python: invalid choice: '3.5' (choose from ${versions})`],
    [['run', '--python', 'abc', 'x.py'], RUN_USAGE, `argument --python: invalid choice: 'abc' (choose from ${versions})`],
    [['run', 'x.py', '--python'], RUN_USAGE, 'argument --python: expected one argument'],
    [['run', '--max-steps', 'ten', 'x.py'], RUN_USAGE, "argument --max-steps: invalid positive int value: 'ten'"],
    [['run', '--max-steps', '-5', 'x.py'], RUN_USAGE, 'argument --max-steps: expected one argument'],
    [['run', '--max-memory', 'lots', 'x.py'], RUN_USAGE, "argument --max-memory: invalid size: 'lots'"],
  ])('pymem %j', (args, usage, message) => {
    const { status, stdout, stderr } = pymem(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const [usageLine, errorLine] = stderr.split('\n');
    expect(usageLine).toBe(usage);
    expect(errorLine!.startsWith(`pymem: error: ${message}`)).toBe(true);
  });
});

describe('the program file', () => {
  it('a missing file gets CPython\'s message and exit status 2, as `python3 nonexist.py` does', () => {
    const { status, stdout, stderr } = pymem(['run', 'nonexist.py']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe("pymem: can't open file 'nonexist.py': [Errno 2] No such file or directory\n");
  });

  it('a file that is not UTF-8 gets CPython\'s SyntaxError', () => {
    writeFileSync(join(dir, 'latin1.py'), Buffer.from('x = 1\ny = "\xe9"\n', 'latin1'));
    const { status, stderr } = pymem(['run', 'latin1.py']);
    expect(status).toBe(1);
    expect(stderr).toContain("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file latin1.py on line 2");
  });
});

// These need the engine (`runProgram` of @pymem/python, built).
describe('running programs', () => {
  it('print(1) writes 1', () => {
    const { status, stdout, stderr } = pymem(['run', program('one.py', 'print(1)\n')]);
    expect(stderr).toBe('');
    expect(stdout).toBe('1\n');
    expect(status).toBe(0);
  });

  it('runs with each option and the invariant checker', () => {
    const file = program('opts.py', 'print(1)\n');
    const { status, stdout } = pymem(['run', '--python', '3.8', '--max-steps', '100000', '--max-memory', '64M', file], {
      PYMEM_CHECK_INVARIANTS: '1',
    });
    expect(stdout).toBe('1\n');
    expect(status).toBe(0);
  });

  it('a syntax error gets a Python traceback and exit status 1, no JS stack', () => {
    const { status, stdout, stderr } = pymem(['run', program('bad.py', 'x = (\n')]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.startsWith('  File "')).toBe(true);
    expect(stderr).toContain('SyntaxError');
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('from 3.9 the script path is made absolute against the working directory, as CPython does', () => {
    const file = program('where.py', 'import sys\nprint(__file__, sys.argv[0])\n1 / 0\n');
    const relative = pymem(['run', '--python', '3.8', file]);
    expect(relative.stdout).toBe('where.py where.py\n');
    expect(relative.stderr).toContain('  File "where.py", line 3, in <module>\n');
    for (const version of ['3.9', '3.13']) {
      const absolute = pymem(['run', '--python', version, file]);
      // _Py_abspath() joins the directory and the name without normalizing; argv[0] stays as given.
      expect(absolute.stdout).toBe(`${dir}/where.py where.py\n`);
      expect(absolute.stderr).toContain(`  File "${dir}/where.py", line 3, in <module>\n`);
    }
    // The standard input: `<stdin>`, argv ['-'], and no source line in a traceback (linecache cannot read it).
    const fromStdin = spawnSync(process.execPath, [cli, 'run', '-'], { cwd: dir, input: 'import sys\nprint(__file__, sys.argv)\n1 / 0\n', encoding: 'utf8' });
    expect(fromStdin.stdout).toBe("<stdin> ['-']\n");
    expect(fromStdin.stderr).toBe('Traceback (most recent call last):\n  File "<stdin>", line 3, in <module>\nZeroDivisionError: division by zero\n');
  });
});
