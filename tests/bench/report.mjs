#!/usr/bin/env node
/**
 * `npm run bench`: runs the Vitest benchmarks (tests/bench/*.bench.ts) and prints a table of the
 * median, p75 and p99 per benchmark in milliseconds, as Vitest records them, and the p95 from each
 * benchmark's samples (tests/bench/p95-reporter.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('.test-results', { recursive: true });
const out = '.test-results/bench.json';
const run = spawnSync(
  'npx',
  [
    'vitest',
    'bench',
    '--run',
    '--project',
    'unit',
    '--outputJson',
    out,
    '--reporter=default',
    '--reporter=./tests/bench/p95-reporter.mjs',
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
  },
);
if (run.status !== 0) process.exit(run.status ?? 1);

const ms = (value) => (value < 0.1 ? value.toFixed(4) : value.toFixed(2));
const p95 = (key) => (percentiles[key] ? ms(percentiles[key].p95) : '–');
const percentiles = JSON.parse(readFileSync('.test-results/bench-percentiles.json', 'utf8'));
console.log('\n| benchmark | median ms | p75 ms | p95 ms | p99 ms | samples |\n|---|---|---|---|---|---|');
for (const file of JSON.parse(readFileSync(out, 'utf8')).files) {
  for (const group of file.groups) {
    const name = group.fullName.replace(/^.*> /, '');
    for (const b of group.benchmarks) {
      console.log(
        `| ${name} › ${b.name} | ${ms(b.median)} | ${ms(b.p75)} | ${p95(`${name} › ${b.name}`)} | ${ms(b.p99)} | ${b.sampleCount} |`,
      );
    }
  }
}

// Bundle size of the content script's part that runs on every tool page.
spawnSync('node', ['tests/bench/content-size.mjs'], { stdio: 'inherit' });

// What the background's script costs each time the browser starts its worker (uses that build).
spawnSync('node', ['tests/bench/worker-start.mjs'], { stdio: 'inherit' });

// Peak memory of hostile 20 MB feeds, each parsed in a child process of its own.
spawnSync('node', ['tests/bench/feed-memory.mjs'], { stdio: 'inherit' });

// What the background holds after a sync: items, index, term maps, by catalog size.
spawnSync('node', ['tests/bench/index-memory.mjs'], { stdio: 'inherit' });
