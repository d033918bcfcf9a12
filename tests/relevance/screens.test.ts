/**
 * Page matching on real documentation: every `data/<set>/` with labelled screens, scored for
 * Signpost's ranker and for a plain field-weighted BM25 with no tuning, per catalog and per half.
 * Writes `.test-results/relevance.json` and prints the table:
 *   npx vitest run -c tests/relevance/screens.vitest.config.ts
 *
 * The ranker's figures were chosen on the development half (tests/relevance/screens-tune.ts); the
 * floors below are asserted on the held-out half only, and only held-out totals are printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMatchIndex } from '@/utils/match/build';
import { RANKER } from '@/utils/match/index';
import { detectTool } from '@/utils/tools';
import { screenSets } from './load';
import { baselineEngine, type Figures, figures, type Outcome, run, signpostEngine } from './screens-eval';

const RESULTS = join(import.meta.dirname, '../../.test-results');

/**
 * Held-out floors, pooled over every set, a little under what the ranker reached when they were set,
 * so that a change that loses relevance fails. They are not the targets of the issue (top-1 0.85,
 * recall@3 0.85, quiet 0.75), which the ranker does not reach yet.
 */
const FLOORS = { top1: 0.47, recall3: 0.68, quietRight: 0.8 } as const;

const report: Record<string, Record<string, { signpost: Figures; baseline: Figures }>> = {};
const pooled: Record<'signpost' | 'baseline', Outcome[]> = { signpost: [], baseline: [] };
const sets = screenSets();

function halves(outcomes: Outcome[]): Record<string, Outcome[]> {
  return {
    development: outcomes.filter((o) => o.half === 'development'),
    'held-out': outcomes.filter((o) => o.half === 'held-out'),
  };
}

const cell = (f: Figures) =>
  [f.top1, f.mrr, f.recall3, f.quietRight, f.overviewRight, f.offeredPrecision]
    .map((x) => x.toFixed(2))
    .join(' ');

describe('page matching on labelled screens of real documentation', () => {
  it('has labelled screens', () => {
    expect(sets.length).toBeGreaterThan(0);
  });

  // The harness hands the ranker each screen's labelled context; in the browser the detector makes
  // it from the page. A screen whose address Signpost does not recognise as its tool, or reads as
  // another screen, would be scored here but never reached there. (A quiet screen may be one
  // Signpost does not run on at all, such as the vendor's own documentation site: nothing shows
  // there, which is the right answer; the harness still scores it as a screen of the tool.)
  it("recognises every labelled screen's address as its tool, and its screen where the address tells", () => {
    const wrong = sets.flatMap((set) =>
      set.screens.flatMap(({ id, kind, context }) => {
        const detected = detectTool(context.url);
        if (detected === null && kind === 'quiet') return [];
        if (detected?.id !== context.tool) return [`${set.name}/${id}: ${detected?.id ?? 'not recognised'}`];
        if (detected.area !== undefined && detected.area !== context.area)
          return [`${set.name}/${id}: area ${detected.area}, labelled ${context.area ?? 'none'}`];
        return [];
      }),
    );
    expect(wrong).toEqual([]);
  });

  for (const set of sets) {
    it(`${set.name}: ${set.items.length} items, ${set.screens.length} screens`, () => {
      const index = buildMatchIndex(set.items);
      const signpost = run(signpostEngine(index, RANKER), set.screens);
      const baseline = run(baselineEngine(index), set.screens);
      pooled.signpost.push(...signpost);
      pooled.baseline.push(...baseline);
      const a = halves(signpost);
      const b = halves(baseline);
      const byHalf: Record<string, { signpost: Figures; baseline: Figures }> = {};
      for (const half of ['development', 'held-out']) {
        byHalf[half] = { signpost: figures(a[half] ?? []), baseline: figures(b[half] ?? []) };
      }
      report[set.name] = byHalf;
      expect(signpost).toHaveLength(set.screens.length);
    });
  }

  it('clears the held-out floors, pooled over the sets', () => {
    const heldOut = figures(halves(pooled.signpost)['held-out'] ?? []);
    expect(heldOut.top1).toBeGreaterThanOrEqual(FLOORS.top1);
    expect(heldOut.recall3).toBeGreaterThanOrEqual(FLOORS.recall3);
    expect(heldOut.quietRight).toBeGreaterThanOrEqual(FLOORS.quietRight);
  });
});

afterAll(() => {
  const all: Record<string, { signpost: Figures; baseline: Figures }> = {};
  for (const [half, outcomes] of Object.entries(halves(pooled.signpost))) {
    all[half] = { signpost: figures(outcomes), baseline: figures(halves(pooled.baseline)[half] ?? []) };
  }
  report.all = all;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'relevance.json'), `${JSON.stringify(report, null, 2)}\n`);
  const lines = [
    '| set | half | screens | Signpost top1 mrr r@3 quiet overview prec | BM25 baseline |',
    '|---|---|---|---|---|',
  ];
  for (const [name, byHalf] of Object.entries(report)) {
    for (const [half, { signpost, baseline }] of Object.entries(byHalf)) {
      lines.push(`| ${name} | ${half} | ${signpost.screens} | ${cell(signpost)} | ${cell(baseline)} |`);
    }
  }
  console.log(lines.join('\n'));
});
