/**
 * The champion's search: what people type — keywords, questions, pasted error lines, typos, other
 * words, German — over the one shared index that also serves the page matcher (utils/match).
 *
 * - `searchIndex(matchIndex, query, opts)`: the search itself (rank.ts), on the match index the
 *   background already holds (loaded from its snapshot), so nothing is read or indexed twice.
 * - `isContentGap(matchIndex, query, opts)`: whether a query is a true content gap.
 * - `buildSearchIndex(items)` / `searchItems(index, query, opts)`: the older pair, kept for callers
 *   that index items for search alone; the index they build is the same shared index.
 * - `parseAdminTerms(value)`: an organisation's own terms, validated (admin-terms.ts); the valid
 *   entries are kept when others are not.
 * - `highlight(text, matched)`: where a result's matched words are in its title or summary.
 */
import { buildMatchIndex, type MatchIndex } from '../match/build';
import type { KnowledgeItem } from '../model';
import { understandQuery } from './query';
import { type SearchHit, type SearchOptions, searchIndex } from './rank';

export { type AdminTerms, type AdminTermsResult, parseAdminTerms } from './admin-terms';
export { highlight, type Segment } from './highlight';
export { type QueryShape, type UnderstoodQuery, understandQuery } from './query';
export { type SearchHit, type SearchOptions, searchIndex } from './rank';

/** A search index built for search alone: the shared match index over the items. */
export interface SearchIndex {
  match: MatchIndex;
}

/** Indexes items for search (prefer `searchIndex` on the match index the background already has). */
export function buildSearchIndex(items: KnowledgeItem[]): SearchIndex {
  return { match: buildMatchIndex(items) };
}

/** Items for a query, best first (see `searchIndex`). */
export function searchItems(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchHit[] {
  return searchIndex(index.match, query, opts);
}

/**
 * Whether a search is a content gap: it has meaningful words and finds nothing after stop words,
 * question and log noise, synonyms, the glossary, completions and typo tolerance. A query of stop
 * words alone ("how to") is not a gap: there is nothing it could have missed. Pure, so stored gaps
 * can be re-checked against the current index.
 */
export function isContentGap(
  index: MatchIndex,
  query: string,
  opts: Pick<SearchOptions, 'tool' | 'terms'> = {},
): boolean {
  const understood = understandQuery(query);
  if (understood.shape === 'empty' || understood.onlyStopWords) return false;
  return searchIndex(index, query, { ...opts, limit: 1 }).length === 0;
}
