import { defineConfig } from 'vitest/config';

/** The front-door tests spawn the built CLI; each input has its own time limit. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
