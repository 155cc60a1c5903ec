#!/usr/bin/env node
// Lints what each published package would ship (STYLE.md: "publint and attw on every
// package"): for packages/* and apps/cli, `pnpm pack` into a temp dir, then
//   - publint --strict on the tarball (warnings count as errors),
//   - attw --profile esm-only on the tarball, for packages with types (the CLI ships a
//     bin and no typed entry point, so it gets publint only).
// Run `pnpm build` first (the root `check:packages` script does). Exit 1 on any problem.
//
//   node tooling/scripts/check-packages.mjs

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { ROOT, assertBuilt, pack, publishedPackages } from './workspace.mjs';

const attw = join(ROOT, 'node_modules', '.bin', 'attw');
const dest = mkdtempSync(join(tmpdir(), 'pymem-check-packages-'));
let failures = 0;

try {
  for (const pkg of publishedPackages()) {
    assertBuilt(pkg);
    const tarball = pack(pkg.dir, dest);
    const problems = [];

    const buffer = readFileSync(tarball);
    const { messages, pkg: packed } = await publint({
      pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) },
      strict: true,
      level: 'suggestion',
    });
    for (const m of messages) {
      if (m.type === 'suggestion') console.log(`  ${pkg.name}: publint suggestion: ${formatMessage(m, packed, { color: false })}`);
      else problems.push(`publint ${m.type}: ${formatMessage(m, packed, { color: false })}`);
    }

    if (pkg.hasTypes) {
      try {
        execFileSync(attw, [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-emoji', '--no-color'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (err) {
        problems.push(`attw --profile esm-only:\n${String(err.stdout ?? '') + String(err.stderr ?? '')}`.trimEnd());
      }
    }

    const what = pkg.hasTypes ? 'publint --strict, attw esm-only' : 'publint --strict (no types entry: attw skipped)';
    if (problems.length === 0) {
      console.log(`ok   ${pkg.name} (${what})`);
    } else {
      failures += 1;
      console.log(`FAIL ${pkg.name} (${what})`);
      for (const p of problems) console.log(`  ${p.split('\n').join('\n  ')}`);
    }
  }
} finally {
  rmSync(dest, { recursive: true, force: true });
}

if (failures > 0) {
  console.error(`check-packages: ${failures} package(s) failed`);
  process.exit(1);
}
console.log('check-packages: every published package passes publint --strict and attw');
