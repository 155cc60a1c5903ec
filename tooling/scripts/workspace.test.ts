import { describe, expect, it } from 'vitest';
import { publishedPackages } from './workspace.mjs';

interface Published {
  name: string;
  hasTypes: boolean;
  manifest: { private?: boolean; exports?: Record<string, unknown>; files?: string[] };
}

describe('publishedPackages', () => {
  const pkgs = publishedPackages() as Published[];

  it('lists the five library packages and the CLI, nothing private', () => {
    expect(pkgs.map((p) => p.name).sort()).toEqual(
      ['@pymem/cli', '@pymem/gc', '@pymem/object-model', '@pymem/python', '@pymem/refcount', '@pymem/trace'].sort(),
    );
    for (const p of pkgs) expect(p.manifest.private).not.toBe(true);
  });

  it('checks types of the libraries and not of the CLI (it has a bin, no typed entry)', () => {
    for (const p of pkgs) expect(p.hasTypes).toBe(p.name !== '@pymem/cli');
  });

  it('publishes each library through "." and "./package.json", with the @pymem/source condition first', () => {
    for (const p of pkgs.filter((x) => x.name !== '@pymem/cli')) {
      expect(Object.keys(p.manifest.exports ?? {})).toEqual(['.', './package.json']);
      const dot = p.manifest.exports?.['.'] as Record<string, string>;
      expect(Object.keys(dot)[0]).toBe('@pymem/source');
      expect(dot['@pymem/source']).toBe('./src/index.ts');
      expect(p.manifest.files).toContain('src');
    }
  });
});
