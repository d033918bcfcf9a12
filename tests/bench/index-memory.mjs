#!/usr/bin/env node
/**
 * What the background holds after a sync, by catalog size: the items, the match index built from
 * them, what the first page and the first search add (the term maps of every bucket), and what
 * a day of use adds on top (400 pages and 400 searches), each figure after a full collection, in a
 * child process of its own per size;
 * and the share of pairs of stems among the index's terms. Memory is the JS heap plus typed-array
 * buffers (`heapUsed + arrayBuffers`), as a worker's heap snapshot would count them. `node tests/bench/index-memory.mjs`; `npm run bench` runs it too.
 *
 * Items are the seeded generated catalog of the match benchmarks (30–300-word summaries).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

const child = process.argv[2];
if (child) {
  const { buildMatchIndex, generateCatalog, generateContexts, matchItems, searchIndex } = await import(
    process.argv[3]
  );
  // Typed-array buffers are freed after a collection, in a later task: collect, wait, collect.
  const used = async () => {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    globalThis.gc();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return (heapUsed + arrayBuffers) / 1e6;
  };
  const start = await used();
  let { items, tools } = generateCatalog(Number(child));
  items = structuredClone(items); // as read from IndexedDB: no strings shared with the generator
  const withItems = await used();
  const started = performance.now();
  const index = buildMatchIndex(items);
  const buildMs = performance.now() - started;
  const withIndex = await used();
  let pairs = 0;
  let terms = 0;
  for (const bucket of [index.general, ...index.byTool.values()]) {
    pairs += bucket.pairs.length / 2;
    terms += bucket.terms.length + bucket.pairs.length / 2;
  }
  for (const bucket of [index.general, ...index.byTool.values()]) bucket.lookup.get('');
  const withAll = await used();
  // A day of use: pages of every tool and searches, with their typos, build what matching and
  // search derive on demand (typo dictionaries, kept saturations, sorted vocabularies).
  for (const context of generateContexts(tools, 400))
    matchItems(index, context, { now: Date.parse('2026-11-15') });
  for (const [i, item] of items.slice(0, 400).entries()) {
    const query = item.title.toLowerCase();
    searchIndex(index, i % 2 ? query : query.replace(/(\w)(\w)(\w*)$/, '$2$1$3'));
  }
  const withUse = await used();
  process.stdout.write(
    JSON.stringify({
      items: withItems - start,
      index: withIndex - withItems,
      all: withAll - withIndex,
      total: withAll - start,
      use: withUse - withAll,
      buildMs,
      pairShare: pairs / terms,
    }),
  );
  process.exit(0);
}

const bundle = `${root}.test-results/index-memory-bundle.mjs`;
await build({
  stdin: {
    contents: `export { buildMatchIndex, matchItems } from '@/utils/match';
      export { searchIndex } from '@/utils/search';
      export { generateCatalog, generateContexts } from '@/tests/fixtures/match/generate';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  alias: { '@': root },
  logLevel: 'error',
});
console.log(
  '\n| generated items | items MB | + index MB | + term maps MB | total MB | + after 400 pages and 400 searches MB | build ms | pairs among terms |\n|---|---|---|---|---|---|---|---|',
);
for (const size of [10_000, 50_000]) {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', fileURLToPath(import.meta.url), String(size), bundle],
    {
      encoding: 'utf8',
      maxBuffer: 1e6,
    },
  );
  if (run.status !== 0) {
    console.log(`| ${size} | failed: ${run.stderr.trim().split('\n').at(-1)} | | | | | | |`);
    continue;
  }
  const m = JSON.parse(run.stdout);
  const mb = (value) => value.toFixed(0);
  console.log(
    `| ${size.toLocaleString('en')} | ${mb(m.items)} | ${mb(m.index)} | ${mb(m.all)} | ${mb(m.total)} | ${mb(m.use)} | ${m.buildMs.toFixed(0)} | ${(m.pairShare * 100).toFixed(0)} % |`,
  );
}
