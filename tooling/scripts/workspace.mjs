// Shared by check-packages.mjs and check-tarballs.mjs: which workspace folders are
// published, and how to pack them the way `pnpm publish` would.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root (this file is tooling/scripts/workspace.mjs). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Every published folder: packages/* then apps/cli, as
 * `{ dir, name, manifest, hasTypes }`, libraries in chain order is not needed —
 * npm resolves the tarballs together.
 */
export function publishedPackages() {
  const dirs = readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(ROOT, 'packages', e.name, 'package.json')))
    .map((e) => join(ROOT, 'packages', e.name))
    .sort();
  dirs.push(join(ROOT, 'apps', 'cli'));
  return dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (manifest.private) throw new Error(`${dir} is private but listed as published`);
    return {
      dir,
      name: manifest.name,
      manifest,
      /** False for the CLI: it has a bin and no typed entry point. */
      hasTypes: Boolean(manifest.types || manifest.typings || JSON.stringify(manifest.exports ?? {}).includes('"types"')),
    };
  });
}

/**
 * `pnpm pack` of one package into `dest`; returns the tarball's absolute path.
 * pnpm rewrites `workspace:^` dependencies to real version ranges, as on publish.
 */
export function pack(dir, dest) {
  const out = execFileSync('pnpm', ['pack', '--pack-destination', dest, '--json'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { filename } = JSON.parse(out.slice(out.indexOf('{')));
  return resolve(dest, filename);
}

/** Throws with a clear message when a package has not been built. */
export function assertBuilt(pkg) {
  const entry = pkg.manifest.bin ? Object.values(pkg.manifest.bin)[0] : pkg.manifest.exports?.['.']?.import;
  if (entry && !existsSync(join(pkg.dir, entry))) {
    throw new Error(`${pkg.name} is not built (${entry} is missing); run \`pnpm build\` first`);
  }
}
