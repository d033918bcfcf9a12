/**
 * The grid that chose the search's ranking knobs (utils/search/rank.ts RANK_DEFAULTS), on the
 * development half of the real sets only:
 *
 *   SEARCH_TUNE=1 npx vitest run -c tests/relevance/search.vitest.config.ts tests/relevance/search-tune.test.ts
 *
 * (with SEARCH_TUNE=1). Prints hit@3 and MRR over the pooled development queries for each setting.
 */
import { buildMatchIndex } from '@/utils/match/build';
import type { KnowledgeItem } from '@/utils/model';
import { type RankParams, searchIndex } from '@/utils/search/rank';
import { catalogId, figures, type LabelledQuery, querySets, run } from './search-eval';

export interface TuneRow {
  params: Partial<RankParams>;
  hit3: number;
  mrr: number;
  line: string;
}

const isDevelopment = (query: LabelledQuery) => run(() => [], [query])[0]?.half === 'development';

/** Each real set in its own index (`combined`: every real set in one index, searched across tools). */
export function tune(grid: Partial<RankParams>[], combined = false): TuneRow[] {
  const sets = querySets().filter((set) => set.independent);
  const prepared = combined
    ? [
        {
          index: buildMatchIndex(sets.flatMap((set) => set.items)),
          idOf: (item: KnowledgeItem) => item.id,
          queries: sets.flatMap((set) =>
            set.queries
              .filter(isDevelopment)
              .map((query) => ({ ...query, expect: query.expect.map((id) => `${set.name}:${id}`) })),
          ),
        },
      ]
    : sets.map((set) => ({
        index: buildMatchIndex(set.items),
        idOf: catalogId,
        queries: set.queries.filter(isDevelopment),
      }));
  return grid.map((params) => {
    const outcomes = prepared.flatMap(({ index, idOf, queries }) =>
      run(
        (query) => searchIndex(index, query, { limit: 10, rank: params }).map((hit) => idOf(hit.item)),
        queries,
      ),
    );
    const f = figures(outcomes);
    const line = `${JSON.stringify(params)}\thit@1 ${f.hit1.toFixed(3)}\thit@3 ${f.hit3.toFixed(3)}\tMRR ${f.mrr.toFixed(3)}\tn ${f.queries}`;
    return { params, hit3: f.hit3, mrr: f.mrr, line };
  });
}
