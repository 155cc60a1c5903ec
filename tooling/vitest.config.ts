import { defineConfig } from 'vitest/config';

// The tooling's own tests. lint/fixtures/** are inputs of those tests (deliberately
// broken packages), never tests themselves.
export default defineConfig({
  test: {
    include: ['lint/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'lint/fixtures/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
