import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Search quality on the labelled query sets (tests/relevance/search.test.ts). */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    name: 'search-relevance',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/relevance/search*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});
