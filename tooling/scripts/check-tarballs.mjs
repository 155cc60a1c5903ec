#!/usr/bin/env node
// Installs what we would publish, as a user would, and runs it: pack every package in
// packages/* and apps/cli, `npm install` all the tarballs into an empty project in the
// OS temp dir (no workspace links; `pnpm pack` has rewritten `workspace:^` to real
// ranges), then run the installed `pymem` on examples/article.py and require exit
// status 0 and some output. Run `pnpm build` first (the root `check:tarballs` script
// does). Exit 1 on any problem.
//
//   node tooling/scripts/check-tarballs.mjs [--keep]     (--keep leaves the scratch dir)

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, assertBuilt, pack, publishedPackages } from './workspace.mjs';

const keep = process.argv.includes('--keep');
const scratch = mkdtempSync(join(tmpdir(), 'pymem-check-tarballs-'));
const tarballs = join(scratch, 'tarballs');
const project = join(scratch, 'project');
mkdirSync(tarballs);
mkdirSync(project);

/** Runs a command in the scratch project, echoing it; throws on failure. */
function sh(cmd, args, { quiet = false } = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: project, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
}

let ok = false;
try {
  const files = [];
  for (const pkg of publishedPackages()) {
    assertBuilt(pkg);
    files.push(pack(pkg.dir, tarballs));
    console.log(`packed ${pkg.name} -> ${relative(scratch, files.at(-1))}`);
  }

  // A user's empty project: npm, not pnpm, and nothing of the workspace in reach.
  sh('npm', ['init', '-y'], { quiet: true });
  sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files]);

  const bin = join(project, 'node_modules', '.bin', 'pymem');
  if (!existsSync(bin)) throw new Error(`the CLI tarball installed no node_modules/.bin/pymem (check "bin" in apps/cli/package.json)`);

  let program = join(ROOT, 'examples', 'article.py');
  if (!existsSync(program)) {
    // examples/ is written elsewhere; until it exists run a tiny program of our own.
    program = join(project, 'tiny.py');
    writeFileSync(program, ['import sys', 'x = []', 'y = x', 'print(sys.getrefcount(x))', ''].join('\n'));
    console.log(`(examples/article.py is missing; running ${program} instead)`);
  }

  console.log(`$ node_modules/.bin/pymem run ${program}`);
  const run = spawnSync(bin, ['run', program], { cwd: project, encoding: 'utf8', timeout: 120_000 });
  const out = run.stdout ?? '';
  process.stdout.write(out.split('\n').slice(0, 40).map((l) => `  | ${l}`).join('\n') + '\n');
  if (run.stderr) process.stdout.write(run.stderr.split('\n').slice(0, 20).map((l) => `  ! ${l}`).join('\n') + '\n');
  if (run.error) throw new Error(`could not run pymem: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`pymem run exited with status ${run.status ?? run.signal}`);
  if (out.trim() === '') throw new Error('pymem run printed nothing');
  ok = true;
  console.log(`check-tarballs: ran ${relative(ROOT, program).startsWith('..') ? program : relative(ROOT, program)} from the installed tarballs: exit 0, ${out.split('\n').filter(Boolean).length} line(s) of output`);
} catch (err) {
  console.error(`check-tarballs: FAILED: ${err.message}`);
} finally {
  if (keep) console.log(`(kept ${scratch})`);
  else rmSync(scratch, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
