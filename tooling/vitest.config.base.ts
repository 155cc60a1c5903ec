import { defineConfig } from 'vitest/config';

/**
 * The test configuration every package extends. The `@pymem/source` condition
 * resolves workspace packages to their TypeScript sources, so tests run
 * without a build.
 */
export const sourceConditions = ['@pymem/source', 'module', 'node', 'import', 'default'];

export function packageTests() {
  return defineConfig({
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      // A package whose tests are still to be written is not a failure of the run.
      passWithNoTests: true,
      testTimeout: 30_000,
    },
  });
}
