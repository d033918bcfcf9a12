#!/usr/bin/env node
/**
 * Peak memory of parsing hostile 20 MB feeds (the engine's body limit) with `parseFeed`, each in a
 * child process of its own so that one figure does not inherit another's heap: the peak resident
 * set size the child reaches (and what it held before parsing: Node and the 20 MB body), and how
 * long the parse takes. `node tests/bench/feed-memory.mjs`;
 * `npm run bench` runs it too.
 *
 *   empty elements   <rss><channel><item><x/><x/>…  (about 5 million elements)
 *   empty items      <rss><channel><item/><item/>…  (about 2.9 million items)
 *   attributes       one element with 20 MB of a="" attributes
 *   JSON Feed        {"items":[{},{},…]}  (about 7 million items)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SIZE = 20 * 1024 * 1024;

const child = process.argv[2];
if (child) {
  const { parseFeed } = await import(process.argv[3]);
  const shapes = {
    'empty elements': [
      '<rss><channel><title>t</title><item><title>a</title>',
      '<x/>',
      '</item></channel></rss>',
    ],
    'empty items': ['<rss><channel><title>t</title>', '<item/>', '</channel></rss>'],
    attributes: ['<rss><channel><title>t</title><item ', 'a="" ', '/></channel></rss>'],
    'JSON Feed of empty items': ['{"version":"https://jsonfeed.org/version/1.1","items":[{}', ',{}', ']}'],
  };
  const [head, unit, tail] = shapes[child];
  // Built as bytes, as the engine hands them over: no 20 MB string of the harness's own in the figure.
  const bytes = new Uint8Array(SIZE);
  const encoder = new TextEncoder();
  bytes.set(encoder.encode(head));
  const unitBytes = encoder.encode(unit);
  const end = SIZE - tail.length;
  let at = head.length;
  for (; at + unitBytes.length <= end; at += unitBytes.length) bytes.set(unitBytes, at);
  bytes.fill(0x20, at, end);
  bytes.set(encoder.encode(tail), end);
  const baselineMb = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  let outcome;
  try {
    const feed = parseFeed(bytes);
    outcome = `${feed.items.length} items${feed.truncated ? ', truncated' : ''}`;
  } catch (error) {
    outcome = `error: ${error.message.slice(0, 80)}`;
  }
  const ms = performance.now() - started;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, peakMb, baselineMb, outcome }));
  process.exit(0);
}

const bundle = `${root}.test-results/feed-bundle.mjs`;
await build({
  entryPoints: [`${root}utils/sources/feed.ts`],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  alias: { '@': root },
  logLevel: 'error',
});
console.log(
  '\n| hostile 20 MB feed | peak RSS MB | before parsing MB | parse ms | outcome |\n|---|---|---|---|---|',
);
for (const shape of ['empty elements', 'empty items', 'attributes', 'JSON Feed of empty items']) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), shape, bundle], {
    encoding: 'utf8',
    maxBuffer: 1e6,
  });
  if (run.status !== 0) {
    console.log(`| ${shape} | failed: ${run.stderr.trim().split('\n').at(-1)} | | | |`);
    continue;
  }
  const { ms, peakMb, baselineMb, outcome } = JSON.parse(run.stdout);
  console.log(
    `| ${shape} | ${peakMb.toFixed(0)} | ${baselineMb.toFixed(0)} | ${ms.toFixed(0)} | ${outcome} |`,
  );
}
