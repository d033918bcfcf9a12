/**
 * The champion's search over the whole cache: every word of the query must be found in an item's
 * title, tags or summary; the word being typed matches as a prefix, the others by stem or with one
 * typo. Pure; built once per set of items, in the background (the popup keeps no copy).
 *
 *   items ─▶ stems ─▶ postings (item, best field)   query ─▶ stems ─▶ intersect ─▶ score ─▶ top N
 */
import { contentWords, deletions, stem, tokens, withinOneEdit } from './match/text';
import type { ItemKind, KnowledgeItem } from './model';

const WEIGHT = { title: 3, tags: 2, summary: 1 } as const;
const MIN_TYPO_LENGTH = 5;

export interface SearchIndex {
  items: KnowledgeItem[];
  /** stem → item ordinal → best field weight */
  postings: Map<string, Map<number, number>>;
  /** Every stem, sorted, for prefix look-ups while typing. */
  vocabulary: string[];
  /** deletion variant → stems, for one-typo look-ups. */
  typos: Map<string, string[]>;
}

export function buildSearchIndex(items: KnowledgeItem[]): SearchIndex {
  const postings = new Map<string, Map<number, number>>();
  const add = (key: string, ordinal: number, weight: number) => {
    const list = postings.get(key) ?? new Map<number, number>();
    postings.set(key, list);
    if ((list.get(ordinal) ?? 0) < weight) list.set(ordinal, weight);
  };
  items.forEach((item, ordinal) => {
    for (const { key } of contentWords(item.title)) add(key, ordinal, WEIGHT.title);
    for (const { key } of contentWords(item.tags.join(' '))) add(key, ordinal, WEIGHT.tags);
    for (const { key } of contentWords(item.summary)) add(key, ordinal, WEIGHT.summary);
  });
  const vocabulary = [...postings.keys()].sort();
  const typos = new Map<string, string[]>();
  for (const key of vocabulary) {
    if (key.length < MIN_TYPO_LENGTH) continue;
    for (const variant of deletions(key)) {
      const list = typos.get(variant);
      if (list) list.push(key);
      else typos.set(variant, [key]);
    }
  }
  return { items, postings, vocabulary, typos };
}

/** Stems a query word can stand for: itself, vocabulary words it begins (if typed last), one-typo neighbours. */
function expand(index: SearchIndex, word: string, isPrefix: boolean): Map<string, number> {
  const out = new Map<string, number>();
  const key = stem(word);
  if (index.postings.has(key)) out.set(key, 1);
  if (isPrefix) {
    // Binary search for the first vocabulary entry ≥ word, then walk while it starts with it.
    let lo = 0;
    let hi = index.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((index.vocabulary[mid] as string) < word) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < index.vocabulary.length && out.size < 50; i++) {
      const candidate = index.vocabulary[i] as string;
      if (!candidate.startsWith(word)) break;
      if (!out.has(candidate)) out.set(candidate, 0.9);
    }
  }
  if (key.length >= MIN_TYPO_LENGTH) {
    for (const variant of [key, ...deletions(key)]) {
      for (const candidate of index.typos.get(variant) ?? []) {
        if (!out.has(candidate) && withinOneEdit(candidate, key)) out.set(candidate, 0.6);
      }
    }
  }
  return out;
}

export interface SearchOptions {
  tool?: string;
  kind?: ItemKind;
  limit?: number;
}

export interface SearchHit {
  item: KnowledgeItem;
  score: number;
}

/** Items matching every word of the query, best first. An empty query finds nothing. */
export function searchItems(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchHit[] {
  const { tool, kind, limit = 30 } = opts;
  const words = tokens(query);
  if (words.length === 0) return [];
  const endsWithSpace = /\s$/.test(query);
  let scores: Map<number, number> | null = null;
  for (const [position, word] of words.entries()) {
    const isLast = position === words.length - 1;
    const stems = expand(index, word, isLast && !endsWithSpace);
    const wordScores = new Map<number, number>();
    for (const [key, closeness] of stems) {
      const postings = index.postings.get(key);
      if (!postings) continue;
      // Rare words count for more than common ones.
      const rarity = Math.log(1 + index.items.length / postings.size);
      for (const [ordinal, weight] of postings) {
        const value = weight * closeness * rarity;
        if ((wordScores.get(ordinal) ?? 0) < value) wordScores.set(ordinal, value);
      }
    }
    const previous: Map<number, number> | null = scores;
    if (previous === null) {
      scores = wordScores;
    } else {
      const next = new Map<number, number>();
      for (const [ordinal, value] of wordScores) {
        const before = previous.get(ordinal);
        if (before !== undefined) next.set(ordinal, before + value);
      }
      scores = next;
    }
    if (scores.size === 0) return [];
  }
  const hits: SearchHit[] = [];
  for (const [ordinal, score] of scores ?? []) {
    const item = index.items[ordinal] as KnowledgeItem;
    if (tool && !item.tools.includes(tool)) continue;
    if (kind && item.kind !== kind) continue;
    hits.push({ item, score });
  }
  return hits.sort((a, b) => b.score - a.score || b.item.updatedAt - a.item.updatedAt).slice(0, limit);
}
