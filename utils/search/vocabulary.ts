/**
 * The words a search can reach, in sorted order, for prefix and typo look-ups: the single-word
 * terms (stems) of the buckets it runs in and the words as they were written (surfaces), each
 * pointing back to its stem, with the stem's postings over those buckets. Derived from the shared
 * index on first use and cached per bucket (a search in one tool) or per index (a search across
 * every tool: one vocabulary, so that a word known in any tool is never "corrected" in another);
 * the items themselves are never read again.
 */
import type { Bucket, MatchIndex } from '../match/build';
import { completions, maxEdits, nearTerms } from './fuzzy';

export interface Vocabulary {
  /** Single-word terms, sorted. */
  stems: string[];
  /** Written forms, sorted. */
  surfaces: string[];
  /** Written form → stems. */
  surfaceStems: Map<string, string[]>;
  /** Stem → its postings in the buckets (how common it is). */
  df: Map<string, number>;
}

const cache = new WeakMap<Bucket | MatchIndex, Vocabulary>();

/** The vocabulary of `buckets`, cached on `owner` (the one bucket, or the index for all of them). */
export function vocabularyOf(buckets: readonly Bucket[], owner: Bucket | MatchIndex): Vocabulary {
  let vocabulary = cache.get(owner);
  if (vocabulary) return vocabulary;
  const df = new Map<string, number>();
  const surfaceStems = new Map<string, string[]>();
  for (const bucket of buckets) {
    for (let t = 0; t < bucket.terms.length; t++) {
      const term = bucket.terms[t] as string;
      const postings = (bucket.offsets[t + 1] ?? 0) - (bucket.offsets[t] ?? 0);
      df.set(term, (df.get(term) ?? 0) + postings);
      const surface = bucket.surfaces[t] ?? term;
      const list = surfaceStems.get(surface);
      if (!list) surfaceStems.set(surface, [term]);
      else if (!list.includes(term)) list.push(term);
    }
  }
  vocabulary = { stems: [...df.keys()].sort(), surfaces: [...surfaceStems.keys()].sort(), surfaceStems, df };
  cache.set(owner, vocabulary);
  return vocabulary;
}

export interface Expansion {
  /** The stem. */
  key: string;
  /** 1 for the word itself; less for a completion or a correction. */
  closeness: number;
}

/** Completions of a word being typed: at most this many, the most frequent first. */
const MAX_COMPLETIONS = 8;
/** Corrections of a misspelt word kept, nearest and most frequent first. */
const MAX_CORRECTIONS = 4;
/**
 * A completion counts a little less than the word itself, a correction less again, two edits
 * less than one: the word as typed is the best evidence of what is meant.
 */
export const CLOSENESS = { completion: 0.8, oneEdit: 0.7, twoEdits: 0.45 } as const;

/**
 * The stems a query word may stand for: its own (English and German), the words it begins when it
 * is still being typed, and — only when it is not in the vocabulary at all and was typed by a
 * person (`correct`), not taken from a synonym list — the nearest words within the edits its
 * length allows.
 */
export function expandWord(
  vocabulary: Vocabulary,
  word: string,
  stems: readonly string[],
  typing: boolean,
  correct = true,
): Expansion[] {
  const out = new Map<string, number>();
  for (const key of stems) if (vocabulary.df.has(key)) out.set(key, 1);
  const df = (key: string) => vocabulary.df.get(key) ?? 0;
  if (typing && word.length >= 2 && out.size === 0) {
    const found = new Set<string>(completions(vocabulary.stems, word, 64));
    for (const surface of completions(vocabulary.surfaces, word, 64))
      for (const key of vocabulary.surfaceStems.get(surface) ?? []) found.add(key);
    const best = [...found].filter((key) => !out.has(key)).sort((a, b) => df(b) - df(a));
    for (const key of best.slice(0, MAX_COMPLETIONS)) out.set(key, CLOSENESS.completion);
  }
  if (out.size === 0 && correct && maxEdits(word) > 0) {
    const near = new Map<string, number>();
    const note = (key: string, distance: number) => {
      const closeness = distance <= 1 ? CLOSENESS.oneEdit : CLOSENESS.twoEdits;
      if ((near.get(key) ?? 0) < closeness) near.set(key, closeness);
    };
    for (const { term, distance } of nearTerms(vocabulary.surfaces, word))
      for (const key of vocabulary.surfaceStems.get(term) ?? []) note(key, distance);
    // A correction is never a word too short to correct ("usres" stems to "usr", one edit from
    // "csr" as from "user", though three from what was typed).
    for (const key of new Set(stems)) {
      for (const { term, distance } of nearTerms(vocabulary.stems, key, maxEdits(word)))
        if (maxEdits(term) > 0) note(term, distance);
    }
    const best = [...near].sort((a, b) => b[1] - a[1] || df(b[0]) - df(a[0]));
    for (const [key, closeness] of best.slice(0, MAX_CORRECTIONS)) out.set(key, closeness);
  }
  return [...out].map(([key, closeness]) => ({ key, closeness }));
}
