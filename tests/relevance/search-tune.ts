/**
 * The grid that chose the search's ranking knobs (utils/search/rank.ts RANK_DEFAULTS), on the
 * development half of the real sets only:
 *
 *   SEARCH_TUNE=1 npx vitest run -c tests/relevance/search.vitest.config.ts tests/relevance/search-tune.test.ts
 *
 * (with SEARCH_TUNE=1). Prints hit@3 and MRR over the pooled development queries for each setting.
 */
import { buildMatchIndex } from '@/utils/match/build';
import { type RankParams, searchIndex } from '@/utils/search/rank';
import { catalogId, figures, type LabelledQuery, querySets, run } from './search-eval';

export interface TuneRow {
  params: Partial<RankParams>;
  hit3: number;
  mrr: number;
  line: string;
}

export function tune(grid: Partial<RankParams>[]): TuneRow[] {
  const sets = querySets().filter((set) => set.independent);
  const prepared = sets.map((set) => ({
    index: buildMatchIndex(set.items),
    queries: set.queries.filter((q) => run(() => [], [q])[0]?.half === 'development') as LabelledQuery[],
  }));
  return grid.map((params) => {
    const outcomes = prepared.flatMap(({ index, queries }) =>
      run(
        (query) => searchIndex(index, query, { limit: 10, rank: params }).map((hit) => catalogId(hit.item)),
        queries,
      ),
    );
    const f = figures(outcomes);
    const line = `${JSON.stringify(params)}\thit@1 ${f.hit1.toFixed(3)}\thit@3 ${f.hit3.toFixed(3)}\tMRR ${f.mrr.toFixed(3)}\tn ${f.queries}`;
    return { params, hit3: f.hit3, mrr: f.mrr, line };
  });
}
