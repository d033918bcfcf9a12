/**
 * A bucket's words in sorted order, for prefix and typo look-ups: its single-word terms (stems) and
 * the words as they were written (surfaces), each pointing back to the term. Derived from the
 * shared index on first use and cached per bucket; the items themselves are never read again.
 */
import type { Bucket } from '../match/build';
import { completions, maxEdits, nearTerms } from './fuzzy';

export interface Vocabulary {
  /** Single-word terms, sorted. */
  stems: string[];
  /** Written forms, sorted. */
  surfaces: string[];
  /** Written form → term numbers. */
  surfaceTerms: Map<string, number[]>;
}

const cache = new WeakMap<Bucket, Vocabulary>();

export function vocabularyOf(bucket: Bucket): Vocabulary {
  let vocabulary = cache.get(bucket);
  if (vocabulary) return vocabulary;
  // The bucket's stems (its pairs are not words to complete or correct).
  const stems = [...bucket.terms];
  const surfaceTerms = new Map<string, number[]>();
  for (let t = 0; t < bucket.terms.length; t++) {
    const term = bucket.terms[t] as string;
    const surface = bucket.surfaces[t] ?? term;
    const list = surfaceTerms.get(surface);
    if (list) list.push(t);
    else surfaceTerms.set(surface, [t]);
  }
  stems.sort();
  vocabulary = { stems, surfaces: [...surfaceTerms.keys()].sort(), surfaceTerms };
  cache.set(bucket, vocabulary);
  return vocabulary;
}

export interface Expansion {
  term: number;
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
 * The bucket's terms a query word may stand for: its stems (English and German), the words it
 * begins when it is still being typed, and — only when it is not in the bucket at all and was
 * typed by a person (`correct`), not taken from a synonym list — the nearest words within the
 * edits its length allows.
 */
export function expandWord(
  bucket: Bucket,
  word: string,
  stems: readonly string[],
  typing: boolean,
  correct = true,
): Expansion[] {
  const out = new Map<number, number>();
  for (const key of stems) {
    const t = bucket.lookup.get(key);
    if (t !== undefined) out.set(t, 1);
  }
  const vocabulary = vocabularyOf(bucket);
  const df = (t: number) => (bucket.offsets[t + 1] ?? 0) - (bucket.offsets[t] ?? 0);
  // A word being typed that is already a word of the bucket is taken as meant; completing it too
  // would add every longer word's postings to each keystroke.
  if (typing && word.length >= 2 && out.size === 0) {
    const found = new Set<number>();
    for (const stem of completions(vocabulary.stems, word, 64)) {
      const t = bucket.lookup.get(stem);
      if (t !== undefined) found.add(t);
    }
    for (const surface of completions(vocabulary.surfaces, word, 64))
      for (const t of vocabulary.surfaceTerms.get(surface) ?? []) found.add(t);
    const best = [...found].filter((t) => !out.has(t)).sort((a, b) => df(b) - df(a));
    for (const t of best.slice(0, MAX_COMPLETIONS)) out.set(t, CLOSENESS.completion);
  }
  if (out.size === 0 && correct && maxEdits(word) > 0) {
    const near = new Map<number, number>();
    const note = (t: number, distance: number) => {
      const closeness = distance <= 1 ? CLOSENESS.oneEdit : CLOSENESS.twoEdits;
      if ((near.get(t) ?? 0) < closeness) near.set(t, closeness);
    };
    for (const { term, distance } of nearTerms(vocabulary.surfaces, word))
      for (const t of vocabulary.surfaceTerms.get(term) ?? []) note(t, distance);
    for (const key of new Set(stems)) {
      for (const { term, distance } of nearTerms(vocabulary.stems, key, maxEdits(word))) {
        const t = bucket.lookup.get(term);
        if (t !== undefined) note(t, distance);
      }
    }
    const best = [...near].sort((a, b) => b[1] - a[1] || df(b[0]) - df(a[0]));
    for (const [t, closeness] of best.slice(0, MAX_CORRECTIONS)) out.set(t, closeness);
  }
  return [...out].map(([term, closeness]) => ({ term, closeness }));
}
