/**
 * A Vitest reporter for `npm run bench`: the p95 of every benchmark, from its samples (Vitest's
 * own JSON output has p75 and p99 only, and the targets name the p95). Writes
 * .test-results/bench-percentiles.json: { "<suite> › <benchmark>": { p50, p95, p99, samples } }, ms.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];

export default class PercentileReporter {
  onTestRunEnd(modules) {
    const out = {};
    for (const module of modules ?? []) {
      for (const test of module.children.allTests()) {
        const samples = test.task.result?.benchmark?.samples;
        if (!samples?.length) continue;
        const sorted = Float64Array.from(samples).sort();
        const suite = test.parent?.type === 'suite' ? test.parent.name : '';
        out[`${suite} › ${test.name}`] = {
          p50: percentile(sorted, 0.5),
          p95: percentile(sorted, 0.95),
          p99: percentile(sorted, 0.99),
          samples: sorted.length,
        };
      }
    }
    mkdirSync('.test-results', { recursive: true });
    writeFileSync('.test-results/bench-percentiles.json', JSON.stringify(out, null, 2));
  }
}
