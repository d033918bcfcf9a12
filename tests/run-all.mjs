#!/usr/bin/env node
/**
 * `npm test`: type-check, lint, unit tests, Chrome and Firefox builds, end-to-end tests in real
 * Chromium. Runs every step even after a failure, then prints one plain line summing the test
 * runners' counts ("N passed, N failed") so that a run that executed no test shows it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const steps = [
  { name: 'type-check', cmd: ['tsc', '--noEmit'] },
  { name: 'lint', cmd: ['biome', 'check', '.'] },
  { name: 'unit tests', cmd: vitest('unit'), report: join(results, 'unit.json') },
  { name: 'integration tests', cmd: vitest('integration'), report: join(results, 'integration.json') },
  {
    // Page matching on real documentation: writes .test-results/relevance.json.
    name: 'relevance on labelled screens',
    cmd: [
      'vitest',
      'run',
      '-c',
      'tests/relevance/screens.vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(results, 'relevance-screens.json')}`,
    ],
    report: join(results, 'relevance-screens.json'),
  },
  {
    // Search on the labelled queries, next to MiniSearch: writes .test-results/search.json.
    name: 'search on labelled queries',
    cmd: [
      'vitest',
      'run',
      '-c',
      'tests/relevance/search.vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(results, 'relevance-search.json')}`,
    ],
    report: join(results, 'relevance-search.json'),
  },
  { name: 'build chrome', cmd: ['wxt', 'build'] },
  { name: 'build firefox', cmd: ['wxt', 'build', '-b', 'firefox'] },
  { name: 'e2e tests', cmd: vitest('e2e'), report: join(results, 'e2e.json') },
  { name: 'e2e tests in Firefox', cmd: vitest('e2e-firefox'), report: join(results, 'e2e-firefox.json') },
];

function vitest(project) {
  return [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(results, `${project}.json`)}`,
  ];
}

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const run = spawnSync(npx, step.cmd, { stdio: 'inherit' });
  if (run.status !== 0) failedSteps.push(step.name);
  if (step.report) {
    if (existsSync(step.report)) {
      const report = JSON.parse(readFileSync(step.report, 'utf8'));
      passed += report.numPassedTests;
      failed += report.numFailedTests;
    } else {
      console.error(`${step.name}: no report at ${step.report}`);
    }
  }
}

console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
