import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Page matching on the real-documentation catalogs' labelled screens (tests/relevance/screens.test.ts). */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    name: 'screens-relevance',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/relevance/screens*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
  },
});
