/**
 * The champion's search over the shared index (utils/match/build.ts): BM25F per concept of the
 * query, and a coverage factor, so that an item with all the meaningful words comes first and one
 * with some of them still comes — a question or a pasted line is never all-or-nothing.
 *
 *   query ─▶ understandQuery ─▶ concepts (synonyms, glossary) ─▶ per variant word: stems, completions,
 *   corrections ─▶ BM25F in each bucket (general items and every tool's, or one tool's) ─▶ per item
 *   and concept: best variant ─▶ Σ concept scores × coverage² × (1 + strong share) ─▶ top few ×
 *   (1 + title exactness) ─▶ an item's best bucket ─▶ ties: endorsed, then newer
 */

import { BM25F_DEFAULTS, idf, type Scored, scoreBm25f, type WeightedTerm } from '../match/bm25';
import {
  type Bucket,
  df,
  FIELD_COUNT,
  FIELD_TITLE,
  fieldTf,
  itemLanguage,
  type MatchIndex,
  termKey,
} from '../match/build';
import { detectLanguage, type Language, pairKey, stem, stemGerman } from '../match/text';
import type { ItemKind, KnowledgeItem } from '../model';
import type { AdminTerms } from './admin-terms';
import { type Concept, conceptsOf, tableFor } from './concepts';
import { understandQuery } from './query';
import { type Expansion, expandWord, type Vocabulary, vocabularyOf } from './vocabulary';

export interface SearchOptions {
  /** Only this tool's items (its own bucket, so idf is the tool's). */
  tool?: string;
  kind?: ItemKind;
  /** Most results; default 30. */
  limit?: number;
  /** Item ids endorsed by champions: they win ties. */
  endorsed?: ReadonlySet<string>;
  /** The organisation's own terms (validated by `parseAdminTerms`). */
  terms?: AdminTerms;
  /** Ranking knobs, for the evaluation's tuning only. */
  rank?: Partial<RankParams>;
}

export interface SearchHit {
  item: KnowledgeItem;
  score: number;
  /** Index terms (stems) of the query found in the item: what `highlight` marks. */
  matched: string[];
}

/**
 * The ranking's few knobs. Defaults are the values the development half of the labelled queries
 * chose (tests/relevance/search-tune.ts prints the grid); `opts.rank` overrides them for that
 * measurement only.
 */
export interface RankParams {
  /** score × coverage^coveragePower: how much covering every meaningful word counts. */
  coveragePower: number;
  /** A concept's worth in coverage is idf^rarityPower: rare words matter more than common ones. */
  rarityPower: number;
  /** Up to this much more for concepts found in the title, tags or URL path rather than the summary. */
  strongBonus: number;
  /** Up to this much more for an item whose title is nothing but the query's words. */
  titleBonus: number;
  /** A phrase of the query found as neighbouring words of an item counts this much of a word. */
  pairWeight: number;
  /** Scores within this ratio of each other are a tie, broken by endorsement and then freshness. */
  tie: number;
  /**
   * Across tools, an item's score × (1 + bucketFit × its tool's fit to the whole query): how much
   * more densely the tool's items hold the query's concepts than the others' (see `bucketFits`).
   */
  bucketFit: number;
  /** An item in the query's language (when the query's words tell it) scores this much more. */
  sameLanguage: number;
}

/**
 * Chosen on the development half (103 queries over three real sets; search-tune.test.ts prints the
 * grid): coverage power 0.5 gave hit@3 0.825 / MRR 0.721 against 0.816 / 0.720 for 1 and 0.806 /
 * 0.705 for 2 (strong and title bonus 1 each); strong bonus 0 → 1 lifted hit@3 from 0.816 to
 * 0.825, and 2 did no better in MRR; title bonus 1 over 0.5 lifted hit@3 by one to two queries at
 * every setting. Weighting coverage by idf² instead of idf changed at most one query. The
 * plateau's middle was taken over its best corner. BM25F field weights are the shared index's
 * defaults (utils/match/bm25.ts).
 *
 * `bucketFit` and `sameLanguage` only act across tools, so they were chosen on the development
 * half of every real set in one index (the second grid of search-tune.test.ts; hit@1 / hit@3 /
 * MRR): neither 0.592 / 0.854 / 0.731; sameLanguage 0.5 0.631 / 0.864 / 0.753, 1 and 2 0.641 /
 * 0.874 / 0.759; with sameLanguage 1, bucketFit 0.25 and 0.5 0.670 / 0.864 / 0.774, 1 0.660 /
 * 0.864 / 0.769. The smaller of each plateau was taken: one query fewer in the first three, three
 * more first.
 */
export const RANK_DEFAULTS: RankParams = {
  coveragePower: 0.5,
  rarityPower: 1,
  strongBonus: 1,
  titleBonus: 1,
  pairWeight: 0.5,
  tie: 1.002,
  bucketFit: 0.25,
  sameLanguage: 1,
};

/**
 * A concept whose terms hold more postings than this share of the bucket (and at least
 * COMMON_MIN) only adds to the items the query's rarer concepts already found, once those are
 * enough to fill the results: an item with nothing but the query's commonest words does not make
 * the first page, and walking those postings is most of a search's cost at 50,000 items.
 */
export const COMMON_SHARE = 0.05;
const COMMON_MIN = 200;
/** Long pasted lines: only the rarest concepts are looked up. */
export const MAX_CONCEPTS = 12;
/** Items beyond `limit` kept for the title re-rank and the tie-break. */
const RERANK_MARGIN = 20;

interface ResolvedWord {
  terms: WeightedTerm[];
  /** Exact stems, for phrase pairs. */
  keys: string[];
}

interface ResolvedVariant {
  weight: number;
  whole: boolean;
  words: ResolvedWord[];
  pairs: number[];
  /** Postings its words' terms hold in the bucket: what scoring it costs. */
  postings: number;
}

interface ResolvedConcept {
  variants: ResolvedVariant[];
  /** Postings its variants hold in all. */
  postings: number;
  /** The concept's rarity in the bucket: how much covering it is worth. */
  weight: number;
}

function stemsOf(word: string): string[] {
  const en = stem(word);
  const de = stemGerman(word);
  return en === de ? [en] : [en, de];
}

/** A concept's words as stems: per variant and word, its own stems and what it may stand for. */
type ExpandedConcept = { keys: string[]; expansions: Expansion[] }[][];

/**
 * What each word of the concept may stand for in the vocabulary the search reaches (once per
 * query). Only words a person typed are corrected: a pasted line is spelt as the product spells it,
 * and its words the catalog lacks are names and numbers, not typos.
 */
function expand(vocabulary: Vocabulary, concept: Concept, typed: boolean): ExpandedConcept {
  return concept.variants.map((variant, v) =>
    variant.words.map((word, position) => {
      const typing = concept.typing && v === 0 && position === variant.words.length - 1;
      const keys = stemsOf(word);
      return { keys, expansions: expandWord(vocabulary, word, keys, typing, typed && v === 0) };
    }),
  );
}

/** The concept in one bucket: its words' term numbers there, phrase pairs, and its worth. */
function resolve(
  bucket: Bucket,
  concept: Concept,
  expanded: ExpandedConcept,
  rarityPower: number,
  idfOf: (term: number) => number,
): ResolvedConcept {
  const variants: ResolvedVariant[] = [];
  let weight = 0;
  for (const [v, variant] of concept.variants.entries()) {
    const words = (expanded[v] ?? []).map(({ keys, expansions }): ResolvedWord => {
      const terms: WeightedTerm[] = [];
      for (const { key, closeness } of expansions) {
        const term = bucket.lookup.get(key);
        if (term !== undefined) terms.push({ term, weight: closeness });
      }
      return { terms, keys: keys.filter((key) => bucket.lookup.has(key)) };
    });
    if (words.every((word) => word.terms.length === 0)) continue;
    const pairs: number[] = [];
    for (let i = 0; i + 1 < words.length; i++) {
      for (const a of words[i]?.keys ?? [])
        for (const b of words[i + 1]?.keys ?? []) {
          const t = bucket.lookup.get(pairKey(a, b));
          if (t !== undefined) pairs.push(t);
        }
    }
    let postings = 0;
    for (const word of words) for (const { term } of word.terms) postings += df(bucket, term);
    variants.push({ weight: variant.weight, whole: variant.whole === true, words, pairs, postings });
    // Worth of the concept: the mean rarity of the words of its best-known variant.
    let rarity = 0;
    for (const word of words) {
      let best = 0;
      for (const { term, weight: closeness } of word.terms)
        best = Math.max(best, closeness * idfOf(term) ** rarityPower);
      rarity += best;
    }
    weight = Math.max(weight, (variant.weight * rarity) / words.length);
  }
  const postings = variants.reduce((sum, variant) => sum + variant.postings, 0);
  return { variants, weight, postings };
}

/** Per-query scratch arrays, one set per index (a search runs to the end before the next). */
interface Scratch {
  total: Float64Array;
  cover: Float64Array;
  strong: Float64Array;
  best: Float64Array;
  bestCover: Float64Array;
  bestStrong: Float64Array;
  seen: Uint8Array;
}
const scratches = new WeakMap<MatchIndex, Scratch>();

function scratchFor(index: MatchIndex): Scratch {
  const n = index.items.length;
  let scratch = scratches.get(index);
  if (!scratch || scratch.total.length < n) {
    scratch = {
      total: new Float64Array(n),
      cover: new Float64Array(n),
      strong: new Float64Array(n),
      best: new Float64Array(n),
      bestCover: new Float64Array(n),
      bestStrong: new Float64Array(n),
      seen: new Uint8Array(n),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/**
 * The buckets a search runs in: one tool's, or every bucket (general items and each tool's) when
 * it is about all tools. Across buckets, each is scored with statistics over every item (see
 * `Wider`) and an item found in several takes its best score, so that no bucket has to repeat
 * every posting of the others.
 */
function bucketsFor(index: MatchIndex, tool?: string): Bucket[] {
  if (tool) {
    const bucket = index.byTool.get(tool);
    return bucket ? [bucket] : [];
  }
  return [index.general, ...index.byTool.values()].filter((bucket) => bucket.size > 0);
}

/** Statistics a search across buckets scores with: those of every item, as one bucket of all would have. */
interface Wider {
  /** Document frequency over every bucket, by term key (filled as a query asks). */
  df: Map<string, number>;
  avgLength: Float64Array;
  buckets: readonly Bucket[];
  size: number;
}

/** Mean field lengths over every item of the index (cached per index). */
const meanLengths = new WeakMap<MatchIndex, Float64Array>();

function widerStats(index: MatchIndex, buckets: readonly Bucket[]): Wider {
  let avgLength = meanLengths.get(index);
  if (!avgLength) {
    const sums = new Float64Array(FIELD_COUNT);
    for (let i = 0; i < index.lengths.length; i++) {
      const f = i % FIELD_COUNT;
      sums[f] = (sums[f] ?? 0) + (index.lengths[i] ?? 0);
    }
    avgLength = sums.map((sum) => (index.items.length ? sum / index.items.length : 0));
    meanLengths.set(index, avgLength);
  }
  return {
    df: new Map(),
    avgLength,
    buckets,
    size: Math.max(index.items.length, BM25F_DEFAULTS.idfBase),
  };
}

/** A bucket's idf: its own, or over every item when the search runs across buckets. */
function idfIn(bucket: Bucket, wider: Wider | null): (term: number) => number {
  if (!wider) return (term) => idf(bucket, term);
  return (term) => {
    const key = termKey(bucket, term);
    let n = wider.df.get(key);
    if (n === undefined) {
      n = 0;
      for (const other of wider.buckets) {
        const t = other === bucket ? term : other.lookup.get(key);
        if (t !== undefined) n += df(other, t);
      }
      wider.df.set(key, n);
    }
    return Math.log(1 + (wider.size - n + 0.5) / (n + 0.5));
  };
}

/** One bucket's best items for a query, before the tie-break: score, and what was matched. */
interface Candidate {
  ordinal: number;
  score: number;
  bucket: Bucket;
  queryTerms: number[];
}

/** Items of the shared index for a query, best first; nothing for a query without words. */
export function searchIndex(index: MatchIndex, query: string, opts: SearchOptions = {}): SearchHit[] {
  const { limit = 30, endorsed } = opts;
  const buckets = bucketsFor(index, opts.tool);
  if (buckets.length === 0 || limit <= 0) return [];
  const understood = understandQuery(query);
  if (understood.shape === 'empty') return [];
  const p: RankParams = { ...RANK_DEFAULTS, ...opts.rank };
  const wider = buckets.length > 1 ? widerStats(index, buckets) : null;
  const vocabulary = vocabularyOf(buckets, wider ? index : (buckets[0] as Bucket));
  const known = (word: string) =>
    vocabulary.surfaceStems.has(word) || stemsOf(word).some((key) => vocabulary.df.has(key));
  const concepts = conceptsOf(understood, tableFor(opts.tool ?? '*', opts.terms), known);
  const typed = understood.shape !== 'pasted';
  const expanded = concepts.map((concept) => expand(vocabulary, concept, typed));
  const inBuckets = buckets.map((bucket) => {
    const idfOf = idfIn(bucket, wider);
    return {
      bucket,
      idfOf,
      concepts: concepts.map((concept, c) =>
        resolve(bucket, concept, expanded[c] ?? [], p.rarityPower, idfOf),
      ),
    };
  });
  // A concept's worth is the most any bucket gives it, and an item's coverage counts every concept
  // of the query, also those its own bucket lacks: as in one bucket of every item.
  const worth = concepts.map((_, c) =>
    Math.max(0, ...inBuckets.map(({ concepts: resolved }) => usableWeight(resolved[c]))),
  );
  // Rarest first: a common concept then only adds to items the rarer ones found (see COMMON_SHARE).
  const chosen = worth
    .map((_, c) => c)
    .filter((c) => (worth[c] as number) > 0)
    .sort((a, b) => (worth[b] as number) - (worth[a] as number))
    .slice(0, MAX_CONCEPTS);
  if (chosen.length === 0) return [];
  const totalWeight = chosen.reduce((sum, c) => sum + (worth[c] as number), 0);
  const fits = wider && p.bucketFit > 0 ? bucketFits(inBuckets, chosen, worth, totalWeight) : null;
  const best = new Map<number, Candidate>();
  for (const [b, { bucket, idfOf, concepts: resolved }] of inBuckets.entries()) {
    const mine = chosen.flatMap((c) => {
      const concept = resolved[c];
      return concept && usableWeight(concept) > 0 ? [{ ...concept, weight: worth[c] as number }] : [];
    });
    if (mine.length === 0) continue;
    const scoring = wider ? { idf: idfOf, avgLength: wider.avgLength } : undefined;
    const lift = fits ? 1 + p.bucketFit * (fits[b] as number) : 1;
    for (const candidate of searchBucket(index, bucket, mine, totalWeight, scoring, opts, p, limit)) {
      candidate.score *= lift;
      const known = best.get(candidate.ordinal);
      if (!known || candidate.score > known.score) best.set(candidate.ordinal, candidate);
    }
  }
  const items = index.items;
  const tie = Math.log(p.tie);
  // Across buckets, the best few by score go on to the tie-break (one bucket gives no more than
  // these); among them, items in the query's language first (their language is worked out for
  // these few only: for every item found it would cost more than the search).
  const window = [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit + RERANK_MARGIN);
  const language = p.sameLanguage > 0 ? detectLanguage(query) : undefined;
  if (language) {
    for (const candidate of window)
      if (languageOfItem(items[candidate.ordinal] as KnowledgeItem) === language)
        candidate.score *= 1 + p.sameLanguage;
  }
  const top = window.map((candidate) => ({ ...candidate, bin: Math.round(Math.log(candidate.score) / tie) }));
  const isEndorsed = (ordinal: number) => (endorsed?.has(items[ordinal]?.id ?? '') ? 1 : 0);
  top.sort(
    (a, b) =>
      b.bin - a.bin ||
      isEndorsed(b.ordinal) - isEndorsed(a.ordinal) ||
      (items[b.ordinal]?.updatedAt ?? 0) - (items[a.ordinal]?.updatedAt ?? 0) ||
      b.score - a.score ||
      a.ordinal - b.ordinal,
  );
  top.length = Math.min(top.length, limit);
  return top.map(({ ordinal, score, bucket, queryTerms }) => ({
    item: items[ordinal] as KnowledgeItem,
    score,
    matched: matchedTerms(bucket, ordinal, queryTerms),
  }));
}

/**
 * How well each bucket fits the query as a whole, 0–1: per concept (by its worth), the bucket's
 * density of postings for it as a share of the densest bucket's. A query about callers and
 * incidents fits the service desk's articles better than the chat tool's, though one chat article
 * mentions both words: resource selection, as federated search does it across collections.
 * General items are the organisation's for every tool: they always fit.
 */
function bucketFits(
  inBuckets: readonly { bucket: Bucket; concepts: ResolvedConcept[] }[],
  chosen: readonly number[],
  worth: readonly number[],
  totalWeight: number,
): number[] {
  const fits = inBuckets.map(() => 0);
  for (const c of chosen) {
    const density = inBuckets.map(({ bucket, concepts }) =>
      usableWeight(concepts[c]) > 0 ? (concepts[c]?.postings ?? 0) / Math.max(1, bucket.size) : 0,
    );
    const densest = Math.max(...density);
    if (!(densest > 0)) continue;
    for (const [b, d] of density.entries())
      fits[b] = (fits[b] as number) + ((worth[c] as number) * d) / densest / totalWeight;
  }
  return inBuckets.map(({ bucket }, b) => (bucket.tool === '' ? 1 : (fits[b] as number)));
}

const itemLanguages = new WeakMap<KnowledgeItem, Language | 'none'>();

/** An item's language, worked out once per item. */
function languageOfItem(item: KnowledgeItem): Language | undefined {
  let language = itemLanguages.get(item);
  if (language === undefined) {
    language = itemLanguage(item) ?? 'none';
    itemLanguages.set(item, language);
  }
  return language === 'none' ? undefined : language;
}

/** A resolved concept's weight when it can score in its bucket, else 0. */
function usableWeight(concept: ResolvedConcept | undefined): number {
  return concept && concept.variants.length > 0 && concept.weight > 0 ? concept.weight : 0;
}

/**
 * The best items of one bucket for the query's concepts, rarest first (a margin beyond `limit` for
 * the tie-break); `totalWeight` is the worth of every concept of the query.
 */
function searchBucket(
  index: MatchIndex,
  bucket: Bucket,
  concepts: readonly ResolvedConcept[],
  totalWeight: number,
  scoring: { idf(term: number): number; avgLength: Float64Array } | undefined,
  opts: SearchOptions,
  p: RankParams,
  limit: number,
): Candidate[] {
  const { kind } = opts;
  const accept = kind ? (ordinal: number) => index.items[ordinal]?.kind === kind : undefined;
  const found = (ordinal: number) => (s.cover[ordinal] as number) > 0;
  const common = Math.max(COMMON_MIN, COMMON_SHARE * bucket.size);
  const s = scratchFor(index);
  const touched: number[] = [];
  for (const concept of concepts) {
    const conceptTouched: number[] = [];
    const enough = touched.length >= limit;
    for (const variant of concept.variants) {
      // Each way of saying the concept on its own: a rare word of the query is not held back
      // because another name for it is common ("pin" beside "app setup policy").
      const restricted = enough && variant.postings > common;
      const admit = restricted ? (accept ? (o: number) => found(o) && accept(o) : found) : accept;
      const terms: WeightedTerm[] = [];
      // Bit mask of each word's terms in the result's `matched` bits (terms beyond 31 carry none).
      const masks: number[] = [];
      for (const word of variant.words) {
        let mask = 0;
        for (const term of word.terms) {
          if (terms.length < 31) mask |= 1 << terms.length;
          terms.push({ term: term.term, weight: term.weight * variant.weight });
        }
        masks.push(mask);
      }
      for (const pair of variant.pairs) terms.push({ term: pair, weight: p.pairWeight * variant.weight });
      const scored: Scored = scoreBm25f(index, bucket, terms, BM25F_DEFAULTS, admit, scoring);
      const wordCount = variant.words.length;
      for (let j = 0; j < scored.ordinals.length; j++) {
        const ordinal = scored.ordinals[j] as number;
        const matched = scored.matched[j] as number;
        const strongBits = scored.strong[j] as number;
        let words = 0;
        let strongWords = 0;
        for (let w = 0; w < wordCount; w++) {
          const mask = masks[w] as number;
          if (matched & mask) words++;
          if (strongBits & mask) strongWords++;
        }
        if (words === 0) continue;
        // Another name counts only whole: "expense report" for "reimbursement" is not "report".
        if (variant.whole && words < wordCount) continue;
        const share = words / wordCount;
        const value = (scored.scores[j] as number) * share * share;
        if (!s.seen[ordinal]) {
          s.seen[ordinal] = 1;
          conceptTouched.push(ordinal);
        }
        if (value > (s.best[ordinal] as number)) {
          s.best[ordinal] = value;
          s.bestCover[ordinal] = share;
          s.bestStrong[ordinal] = strongWords / wordCount;
        }
      }
    }
    for (const ordinal of conceptTouched) {
      if ((s.total[ordinal] as number) === 0 && (s.cover[ordinal] as number) === 0) touched.push(ordinal);
      s.total[ordinal] = (s.total[ordinal] as number) + (s.best[ordinal] as number);
      s.cover[ordinal] = (s.cover[ordinal] as number) + concept.weight * (s.bestCover[ordinal] as number);
      s.strong[ordinal] = (s.strong[ordinal] as number) + concept.weight * (s.bestStrong[ordinal] as number);
      s.best[ordinal] = 0;
      s.bestCover[ordinal] = 0;
      s.bestStrong[ordinal] = 0;
      s.seen[ordinal] = 0;
    }
  }

  // Final scores, then the best `limit` (and a margin for ties) by a bounded heap, not a full sort.
  const finals = s.total;
  for (const ordinal of touched) {
    const coverage = (s.cover[ordinal] as number) / totalWeight;
    const strong = (s.strong[ordinal] as number) / totalWeight;
    finals[ordinal] =
      (s.total[ordinal] as number) * coverage ** p.coveragePower * (1 + p.strongBonus * strong);
    s.cover[ordinal] = 0;
    s.strong[ordinal] = 0;
  }
  const best = bestOrdinals(touched, finals, limit + RERANK_MARGIN);
  const queryTerms = concepts.flatMap((concept) =>
    concept.variants.flatMap((variant) => variant.words.flatMap((word) => word.terms.map((t) => t.term))),
  );
  const out = best.map((ordinal) => ({
    ordinal,
    score:
      (finals[ordinal] as number) * (1 + p.titleBonus * titleExactness(index, bucket, ordinal, queryTerms)),
    bucket,
    queryTerms,
  }));
  for (const ordinal of touched) finals[ordinal] = 0;
  return out;
}

/** The ordinals with the highest positive scores, at most `k`, in no particular order (a min-heap). */
function bestOrdinals(ordinals: readonly number[], scores: Float64Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => (scores[a] as number) < (scores[b] as number);
  for (const ordinal of ordinals) {
    if (!((scores[ordinal] as number) > 0)) continue;
    if (heap.length < k) {
      heap.push(ordinal);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i] as number, heap[parent] as number)) break;
        [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
        i = parent;
      }
    } else if (less(heap[0] as number, ordinal)) {
      heap[0] = ordinal;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < k && less(heap[left] as number, heap[smallest] as number)) smallest = left;
        if (right < k && less(heap[right] as number, heap[smallest] as number)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest] as number, heap[i] as number];
        i = smallest;
      }
    }
  }
  return heap;
}

/** Where term t's posting for the item is, or -1. */
function postingOf(bucket: Bucket, t: number, ordinal: number): number {
  let lo = bucket.offsets[t] ?? 0;
  let hi = bucket.offsets[t + 1] ?? 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const value = bucket.docs[mid] as number;
    if (value === ordinal) return mid;
    if (value < ordinal) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/**
 * The share of an item's title words that the query's terms account for: 1 for "Create an
 * incident" on "create incident", ½ for "Create a major incident candidate".
 */
function titleExactness(
  index: MatchIndex,
  bucket: Bucket,
  ordinal: number,
  terms: readonly number[],
): number {
  const length = index.lengths[ordinal * FIELD_COUNT + FIELD_TITLE] ?? 0;
  if (length === 0) return 0;
  let found = 0;
  const seen = new Set<number>();
  for (const t of terms) {
    if (seen.has(t)) continue;
    seen.add(t);
    const at = postingOf(bucket, t, ordinal);
    if (at >= 0) found += fieldTf(bucket.tfs[at] as number, FIELD_TITLE);
  }
  return Math.min(1, found / length);
}

/** The terms among `terms` whose postings hold the item (postings are sorted by ordinal). */
function matchedTerms(bucket: Bucket, ordinal: number, terms: readonly number[]): string[] {
  const out = new Set<string>();
  for (const t of terms) if (postingOf(bucket, t, ordinal) >= 0) out.add(termKey(bucket, t));
  return [...out];
}
