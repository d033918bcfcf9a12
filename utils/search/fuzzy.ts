/**
 * Typo tolerance and prefix look-ups over a sorted vocabulary, without a second structure: the
 * sorted list is walked as if it were a trie, reusing the edit-distance rows of the prefix a word
 * shares with the previous one and jumping over every word under a prefix that is already too
 * far from the query word.
 *
 * Distance is the optimal-string-alignment form of Damerau–Levenshtein: a swap of two adjacent
 * letters ("recieve") is one edit, as people make it.
 */

/**
 * Longer than this, a "word" is an identifier, a hash or a run of pasted characters, not a word
 * someone mistyped or a compound to split: the longest words of the real catalogs are German
 * compounds of about 30 letters ("Authentifizierungsrichtlinien" has 29). Correcting and splitting
 * cost more the longer the word (splitting, with the square of its length).
 */
export const MAX_WORD_LENGTH = 32;

/**
 * How many edits a word of this length may carry: none up to 3 letters (too many short words are
 * one edit apart), one up to 7, two beyond, none past MAX_WORD_LENGTH. The common choice of search
 * engines (Lucene's AUTO:3,8 fuzziness is the same idea); the evaluation's typo queries confirm it
 * on real catalogs.
 */
export function maxEdits(word: string): number {
  if (word.length <= 3 || word.length > MAX_WORD_LENGTH) return 0;
  if (word.length <= 7) return 1;
  return 2;
}

/** First index in `sorted` whose entry is ≥ `key`. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Vocabulary entries that begin with `prefix` (the prefix itself excluded), at most `limit`. */
export function completions(sorted: readonly string[], prefix: string, limit = 30): string[] {
  const out: string[] = [];
  for (let i = lowerBound(sorted, prefix); i < sorted.length && out.length < limit; i++) {
    const entry = sorted[i] as string;
    if (!entry.startsWith(prefix)) break;
    if (entry !== prefix) out.push(entry);
  }
  return out;
}

export interface Near {
  term: string;
  distance: number;
}

/**
 * Vocabulary entries within `limit` edits of `word` (the word itself excluded), nearest first.
 * `sorted` must be sorted by code unit (the default `Array.prototype.sort`).
 */
export function nearTerms(sorted: readonly string[], word: string, limit = maxEdits(word)): Near[] {
  if (limit <= 0) return [];
  const n = word.length;
  // rows[d] is the distance row after d letters of the current entry; rows[0] = 0..n.
  const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, j) => j)];
  let previous = '';
  /** Depth up to which rows[] hold the rows of `previous`'s prefix. */
  let valid = 0;
  const out: Near[] = [];
  let i = 0;
  while (i < sorted.length) {
    const entry = sorted[i] as string;
    let common = 0;
    const max = Math.min(valid, entry.length, previous.length);
    while (common < max && entry.charCodeAt(common) === previous.charCodeAt(common)) common++;
    let dead = -1;
    for (let d = common + 1; d <= entry.length; d++) {
      const above = rows[d - 1] as Int32Array;
      if (!rows[d]) rows[d] = new Int32Array(n + 1);
      const row = rows[d] as Int32Array;
      const c = entry.charCodeAt(d - 1);
      row[0] = d;
      let best = d;
      for (let j = 1; j <= n; j++) {
        const w = word.charCodeAt(j - 1);
        let value = Math.min(
          (above[j] as number) + 1,
          (row[j - 1] as number) + 1,
          (above[j - 1] as number) + (w === c ? 0 : 1),
        );
        if (d > 1 && j > 1 && w === entry.charCodeAt(d - 2) && word.charCodeAt(j - 2) === c) {
          value = Math.min(value, ((rows[d - 2] as Int32Array)[j - 2] as number) + 1);
        }
        row[j] = value;
        if (value < best) best = value;
      }
      if (best > limit) {
        dead = d;
        break;
      }
    }
    previous = entry;
    if (dead > 0) {
      // Nothing under this prefix can come back within the limit: jump past all of it.
      valid = dead - 1;
      const prefix = entry.slice(0, dead);
      i = lowerBound(sorted, `${prefix}\uffff`);
      continue;
    }
    valid = entry.length;
    const distance = (rows[entry.length] as Int32Array)[n] as number;
    if (distance <= limit && entry !== word) out.push({ term: entry, distance });
    i++;
  }
  return out.sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term));
}
