import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const checker = join(here, 'check-boundaries.mjs');
const fixtures = join(here, 'fixtures');

/** Runs the checker the way every package's `lint` script does: cwd = the package. */
function lint(fixturePackage: string) {
  const run = spawnSync(process.execPath, [checker], {
    cwd: join(fixtures, fixturePackage),
    encoding: 'utf8',
  });
  const lines = run.stdout.split('\n').filter((l) => l !== '');
  return { status: run.status, lines, stderr: run.stderr };
}

describe('check-boundaries', () => {
  it('passes a package and an app that keep every rule', () => {
    expect(lint('clean/packages/gc')).toMatchObject({ status: 0, lines: [] });
    expect(lint('clean/apps/cli')).toMatchObject({ status: 0, lines: [] });
  });

  it('catches a deep import into another package and points to the entry point', () => {
    const { status, lines } = lint('deep-import/packages/refcount');
    expect(status).toBe(1);
    expect(lines).toEqual([
      "src/index.ts:2: deep import '@pymem/object-model/src/heap' reaches into @pymem/object-model's files; " +
        "import '@pymem/object-model' (its entry point) instead — if something is missing there, export it from @pymem/object-model's src/index.ts",
    ]);
  });

  it('catches a relative path into a sibling package, naming the package to import', () => {
    const { status, lines } = lint('relative-escape/packages/refcount');
    expect(status).toBe(1);
    expect(lines).toEqual([
      "src/index.ts:2: relative import '../../object-model/src/heap' reaches outside @pymem/refcount; " +
        "import '@pymem/object-model' (its entry point) instead, and declare it in package.json",
    ]);
  });

  it('catches an upward import against the chain, even when declared', () => {
    const { status, lines } = lint('upward/packages/refcount');
    expect(status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^src\/index\.ts:3: upward import: @pymem\/refcount must not import '@pymem\/gc' \(the chain is trace ← object-model ← refcount ← gc ← python\)/,
    );
  });

  it('catches an app imported from a package and, lazily, from another app', () => {
    const fromPackage = lint('app-import/packages/python');
    expect(fromPackage.status).toBe(1);
    expect(fromPackage.lines).toEqual([
      "src/index.ts:2: import of the app '@pymem/cli': apps are end points and are never imported; " +
        'move the shared code into a library package (packages/*) and import that',
    ]);
    const fromApp = lint('app-import/apps/viewer');
    expect(fromApp.status).toBe(1);
    expect(fromApp.lines).toHaveLength(1);
    expect(fromApp.lines[0]).toMatch(/^src\/main\.ts:5: import of the app '@pymem\/cli'/);
  });

  it('catches Node built-ins in a package (import, namespace import, require), not in comments', () => {
    const { status, lines } = lint('node-builtin/packages/trace');
    expect(status).toBe(1);
    const tail = 'in a platform-neutral package; packages/* must run in a browser too — take what you need as a parameter (let apps/cli do the I/O)';
    expect(lines).toEqual([
      `src/index.ts:2: Node built-in 'node:fs' ${tail}`,
      `src/index.ts:3: Node built-in 'path' ${tail}`,
      `src/index.ts:7: Node built-in 'process' ${tail}`,
    ]);
  });

  it('catches a @pymem package missing from package.json dependencies', () => {
    const { status, lines } = lint('undeclared/packages/gc');
    expect(status).toBe(1);
    expect(lines).toEqual([
      "src/index.ts:3: '@pymem/object-model' is not declared in @pymem/gc's package.json; " +
        'add "@pymem/object-model": "workspace:^" to dependencies',
    ]);
  });
});
