import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Source adapters against real wiki servers (tests/integration/install-wikis.sh installs them). */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    name: 'integration',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    // Installing a wiki, seeding it through PHP scripts and waiting out DokuWiki's feed cache.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts PHP servers; two cores.
    fileParallelism: false,
  },
});
