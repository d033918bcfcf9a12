/**
 * Search quality on real documentation: every `data/<set>/queries.json` (and the demo catalog's
 * own queries, a regression set written with the search), scored for Signpost's search and for
 * MiniSearch on the same items and queries, per kind and per half. Writes
 * `.test-results/search.json` and prints the table.
 *
 * Tune on the development half only. `SEARCH_MISSES=1` writes the development half's misses to
 * `.test-results/search-dev-misses-<set>.tsv`; the held-out half's are never written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  breakdown,
  type Figures,
  miniSearchEngine,
  type Outcome,
  querySets,
  run,
  signpostEngine,
} from './search-eval';

const RESULTS = join(import.meta.dirname, '../../.test-results');

interface SetReport {
  items: number;
  queries: number;
  independent: boolean;
  signpost: Record<string, Record<string, Figures>>;
  minisearch: Record<string, Record<string, Figures>>;
}

function byHalf(outcomes: Outcome[]): Record<string, Record<string, Figures>> {
  return {
    development: breakdown(outcomes.filter((o) => o.half === 'development')),
    'held-out': breakdown(outcomes.filter((o) => o.half === 'held-out')),
    both: breakdown(outcomes),
  };
}

function row(name: string, f: Figures | undefined, g: Figures | undefined): string {
  const cell = (x: Figures | undefined) =>
    x ? `${x.hit1.toFixed(2)} ${x.hit3.toFixed(2)} ${x.mrr.toFixed(2)} ${x.empty.toFixed(2)}` : '   –';
  return `| ${name} | ${f?.queries ?? 0} | ${cell(f)} | ${cell(g)} |`;
}

const sets = querySets();
const report: Record<string, SetReport> = {};
const pooled: { signpost: Outcome[]; minisearch: Outcome[] } = { signpost: [], minisearch: [] };
/** German queries by the language of the content they search: German over English is reported apart. */
const german: Record<'over-en' | 'over-de', { signpost: Outcome[]; minisearch: Outcome[] }> = {
  'over-en': { signpost: [], minisearch: [] },
  'over-de': { signpost: [], minisearch: [] },
};

function contentLanguage(items: { lang?: string }[]): 'over-en' | 'over-de' {
  const de = items.filter((item) => item.lang?.toLowerCase().startsWith('de')).length;
  return de > items.length / 2 ? 'over-de' : 'over-en';
}

describe('search on labelled queries', () => {
  for (const set of sets) {
    it(`${set.name}: scores Signpost and MiniSearch on ${set.queries.length} queries`, () => {
      const signpost = run(signpostEngine(set.items), set.queries);
      const minisearch = run(miniSearchEngine(set.items), set.queries);
      if (set.independent) {
        pooled.signpost.push(...signpost);
        pooled.minisearch.push(...minisearch);
        const bucket = german[contentLanguage(set.items)];
        bucket.signpost.push(...signpost.filter((o) => o.query.kind === 'german'));
        bucket.minisearch.push(...minisearch.filter((o) => o.query.kind === 'german'));
      }
      report[set.name] = {
        items: set.items.length,
        queries: set.queries.length,
        independent: set.independent,
        signpost: byHalf(signpost),
        minisearch: byHalf(minisearch),
      };
      if (process.env.SEARCH_MISSES) {
        const lines = signpost
          .filter((o) => o.half === 'development' && !(o.rank >= 1 && o.rank <= 3))
          .map(
            (o) =>
              `${set.name}\t${o.query.kind}\t${o.query.query}\trank ${o.rank}\ttop ${o.top.slice(0, 3).join(', ')}\twant ${o.query.expect.join(', ')}`,
          );
        mkdirSync(RESULTS, { recursive: true });
        writeFileSync(join(RESULTS, `search-dev-misses-${set.name}.tsv`), `${lines.join('\n')}\n`);
      }
      // Every query has a right answer in the catalog: a search must never come back empty.
      expect(signpost.filter((o) => o.empty).map((o) => o.query.query)).toEqual([]);
      expect(signpost.every((o) => o.top.length <= 10)).toBe(true);
    });
  }

  // An organisation connects several tools' documentation: every real set in one index, each
  // query searching all of it (a right item is one of its own set's).
  let combined: { signpost: SetReport['signpost']; minisearch: SetReport['minisearch'] } | null = null;
  it('scores every real set in one index, searched across all tools', () => {
    const real = sets.filter((set) => set.independent);
    if (real.length === 0) return;
    const items = real.flatMap((set) => set.items);
    const fullId = (item: { id: string }) => item.id;
    const queries = real.flatMap((set) =>
      set.queries.map((query) => ({ ...query, expect: query.expect.map((id) => `${set.name}:${id}`) })),
    );
    const signpost = run(signpostEngine(items, fullId), queries);
    const minisearch = run(miniSearchEngine(items, fullId), queries);
    combined = { signpost: byHalf(signpost), minisearch: byHalf(minisearch) };
    expect(signpost.filter((o) => o.empty).map((o) => o.query.query)).toEqual([]);
  });

  it('writes the figures, per set, kind and half, next to MiniSearch', () => {
    const overall = pooled.signpost.length
      ? {
          signpost: byHalf(pooled.signpost),
          minisearch: byHalf(pooled.minisearch),
          german: Object.fromEntries(
            Object.entries(german).map(([key, { signpost, minisearch }]) => [
              key,
              { signpost: byHalf(signpost), minisearch: byHalf(minisearch) },
            ]),
          ),
        }
      : null;
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(
      join(RESULTS, 'search.json'),
      `${JSON.stringify({ command: 'npx vitest run -c tests/relevance/search.vitest.config.ts', overall, combined, sets: report }, null, 2)}\n`,
    );
    const lines = [
      '',
      '| set · half · kind | n | Signpost hit@1 hit@3 MRR empty | MiniSearch hit@1 hit@3 MRR empty |',
      '|---|---|---|---|',
    ];
    const tables: [string, SetReport['signpost'], SetReport['minisearch']][] = Object.entries(report).map(
      ([name, r]) => [name, r.signpost, r.minisearch],
    );
    if (combined) tables.unshift(['all real sets in one index', combined.signpost, combined.minisearch]);
    if (overall) {
      tables.unshift(['all real sets', overall.signpost, overall.minisearch]);
      for (const [key, { signpost, minisearch }] of Object.entries(german))
        tables.splice(1, 0, [`german ${key}`, byHalf(signpost), byHalf(minisearch)]);
    }
    for (const [name, ours, theirs] of tables) {
      for (const half of ['development', 'held-out']) {
        for (const kind of Object.keys(ours[half] ?? {}))
          lines.push(row(`${name} · ${half} · ${kind}`, ours[half]?.[kind], theirs[half]?.[kind]));
      }
    }
    console.log(lines.join('\n'));
    expect(Object.keys(report)).toHaveLength(sets.length);
  });

  it('stays above honest floors on the held-out half of the real sets, and above MiniSearch', () => {
    const heldOut = pooled.signpost.filter((o) => o.half === 'held-out');
    if (heldOut.length === 0) return;
    const ours = breakdown(heldOut);
    const theirs = breakdown(pooled.minisearch.filter((o) => o.half === 'held-out'));
    // Floors a little under what the held-out half measured once it held the 64 queries added on
    // 2026-12-07 (170 queries: hit@3 0.70, MRR 0.62, MiniSearch 0.58 / 0.54; before them, 106
    // queries: 0.77 / 0.69): a fall below them is a regression, not noise.
    expect(ours.all?.hit3).toBeGreaterThanOrEqual(0.66);
    expect(ours.all?.mrr).toBeGreaterThanOrEqual(0.58);
    expect(ours.all?.hit3).toBeGreaterThan(theirs.all?.hit3 ?? 1);
    expect(ours.keywords?.hit3).toBeGreaterThanOrEqual(0.9);
    expect(ours.all?.empty).toBe(0);
  });
});
