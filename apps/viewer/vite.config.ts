import { defaultClientConditions, defineConfig } from 'vite';

// `@pymem/source` resolves workspace packages to their TypeScript sources, so the
// viewer builds and runs without building @pymem/trace first.
export default defineConfig({
  resolve: { conditions: ['@pymem/source', ...defaultClientConditions] },
  build: { target: 'es2022', sourcemap: true },
});
