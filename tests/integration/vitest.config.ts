import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Against real servers: source adapters against DokuWiki and MediaWiki
 * (tests/integration/install-wikis.sh), the daily report and the dashboard against ClickHouse
 * (tests/integration/install-clickhouse.sh). WxtVitest and the unit setup (fake browser, fake
 * IndexedDB) let a test run the background's real code as one browser after another.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
  test: {
    name: 'integration',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/integration/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    // Installing a wiki, seeding it through PHP scripts and waiting out DokuWiki's feed cache.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts servers; two cores.
    fileParallelism: false,
  },
});
