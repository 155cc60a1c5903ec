import { defineConfig, type Options } from 'tsup';

/** The one build every package shares: ESM + .d.ts from src/index.ts. */
export function packageBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    ...overrides,
  });
}
