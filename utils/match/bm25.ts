/**
 * Field-weighted BM25 (BM25F) over a bucket of the shared index (build.ts).
 *
 * API (stable; the page matcher and the popup search both call it):
 * - `idf(bucket, term, base?)`: log(1 + (N − df + 0.5) / (df + 0.5)) with N the bucket's size, or
 *   `base` when that is larger: a term in most of a tool's items (the tool's name, its chrome) is
 *   worth almost nothing there, but a bucket of three items says little about any word, so it
 *   counts as if it had `base` items (`Bm25fParams.idfBase`), the others without the word.
 * - `scoreBm25f(index, bucket, terms, params?, accept?)`: every item with at least one of the
 *   weighted terms, each with
 *     score = Σ_t weight_t · idf_t · tf̃ / (k1 + tf̃),   tf̃ = Σ_f w_f · tf_f / (1 − b_f + b_f · len_f / avg_f)
 *   and which terms it has (`matched`, bit i for terms[i], the first 31 terms) and which of them
 *   are in a strong field (`strong`: title, tags or URL path by default). `accept(ordinal)` skips
 *   items (eligibility); it is asked once per item and query.
 * - `maxScore(bucket, terms)`: Σ weight_t · idf_t, what an item saturated with every term would
 *   approach: the query's own ceiling, which a confidence divides by.
 * - `topOf(scored, k)`: indices into `scored` of the k best, best first (ties: lower ordinal).
 * - `termScores(index, bucket, ordinal, terms, params?)`: one item's score per term (what
 *   `scoreBm25f` summed), for explaining a score or weighing its parts differently.
 */
import {
  type Bucket,
  FIELD_COUNT,
  FIELD_PATH,
  FIELD_TAGS,
  FIELD_TITLE,
  fieldTf,
  type MatchIndex,
} from './build';

export interface Bm25fParams {
  k1: number;
  /** Per field (title, tags, summary, path): how much one occurrence counts. */
  weights: readonly number[];
  /** Per field: length normalisation, 0 (none) to 1 (full). */
  b: readonly number[];
  /** Bit per field: which fields make a match "strong". */
  strongFields: number;
  /** Least collection size idf is computed over (see `idf`); 0: the bucket's own size. */
  idfBase: number;
}

/**
 * Textbook starting values (k1 1.2, b 0.75 for running text, less for short fields), title over
 * tags over path over summary. The matcher's own tuned values live with the matcher.
 */
export const BM25F_DEFAULTS: Bm25fParams = {
  k1: 1.2,
  weights: [3, 2, 1, 1.5],
  b: [0.5, 0.3, 0.75, 0.5],
  strongFields: (1 << FIELD_TITLE) | (1 << FIELD_TAGS) | (1 << FIELD_PATH),
  idfBase: 0,
};

export interface WeightedTerm {
  /** The term's number in the bucket (`termId`). */
  term: number;
  /** How much the query cares about it (≥ 0). */
  weight: number;
}

export interface Scored {
  ordinals: number[];
  scores: number[];
  /** Bit i: terms[i] is in the item (i < 31). */
  matched: number[];
  /** Bit i: terms[i] is in one of the item's strong fields (i < 31). */
  strong: number[];
}

export function idf(bucket: Bucket, term: number, base = 0): number {
  const n = (bucket.offsets[term + 1] ?? 0) - (bucket.offsets[term] ?? 0);
  return Math.log(1 + (Math.max(bucket.size, base) - n + 0.5) / (n + 0.5));
}

export function maxScore(bucket: Bucket, terms: readonly WeightedTerm[], base = 0): number {
  let sum = 0;
  for (const { term, weight } of terms) sum += weight * idf(bucket, term, base);
  return sum;
}

/** Ordinal → 1 + slot in the current result (0: none); one query runs at a time. */
const slots = new WeakMap<MatchIndex, Int32Array>();

function slotsFor(index: MatchIndex): Int32Array {
  let slot = slots.get(index);
  if (!slot || slot.length < index.items.length) {
    slot = new Int32Array(index.items.length);
    slots.set(index, slot);
  }
  return slot;
}

export function scoreBm25f(
  index: MatchIndex,
  bucket: Bucket,
  terms: readonly WeightedTerm[],
  params: Bm25fParams = BM25F_DEFAULTS,
  accept?: (ordinal: number) => boolean,
  /** Statistics of a wider collection than the bucket (a search across buckets): idf and mean lengths. */
  wider?: { idf(term: number): number; avgLength: Float64Array },
): Scored {
  const out: Scored = { ordinals: [], scores: [], matched: [], strong: [] };
  const slot = slotsFor(index);
  const rejected: number[] = [];
  const { lengths } = index;
  const { k1, weights, b, strongFields, idfBase } = params;
  // Per field: w_f, and the length norm's two parts, so the loop does one multiply-add per field.
  const w = new Float64Array(FIELD_COUNT);
  const fixed = new Float64Array(FIELD_COUNT);
  const perWord = new Float64Array(FIELD_COUNT);
  for (let f = 0; f < FIELD_COUNT; f++) {
    const avg = (wider ?? bucket).avgLength[f] ?? 0;
    const bf = b[f] ?? 0;
    w[f] = weights[f] ?? 0;
    fixed[f] = 1 - bf;
    perWord[f] = avg > 0 ? bf / avg : 0;
  }
  try {
    for (let i = 0; i < terms.length; i++) {
      const { term, weight } = terms[i] as WeightedTerm;
      const value = weight * (wider ? wider.idf(term) : idf(bucket, term, idfBase));
      if (value <= 0) continue;
      const bit = i < 31 ? 1 << i : 0;
      const end = bucket.offsets[term + 1] ?? 0;
      for (let p = bucket.offsets[term] ?? 0; p < end; p++) {
        const ordinal = bucket.docs[p] as number;
        let j = (slot[ordinal] as number) - 1;
        if (j === -2) continue;
        if (j === -1) {
          if (accept && !accept(ordinal)) {
            slot[ordinal] = -1;
            rejected.push(ordinal);
            continue;
          }
          j = out.ordinals.length;
          slot[ordinal] = j + 1;
          out.ordinals.push(ordinal);
          out.scores.push(0);
          out.matched.push(0);
          out.strong.push(0);
        }
        const packed = bucket.tfs[p] as number;
        const base = ordinal * FIELD_COUNT;
        let tf = 0;
        let strongHit = false;
        for (let f = 0; f < FIELD_COUNT; f++) {
          const count = fieldTf(packed, f);
          if (count === 0) continue;
          const norm = (fixed[f] as number) + (perWord[f] as number) * (lengths[base + f] as number);
          tf += ((w[f] as number) * count) / (norm > 0 ? norm : 1);
          if (strongFields & (1 << f)) strongHit = true;
        }
        out.scores[j] = (out.scores[j] as number) + (value * tf) / (k1 + tf);
        out.matched[j] = (out.matched[j] as number) | bit;
        if (strongHit) out.strong[j] = (out.strong[j] as number) | bit;
      }
    }
  } finally {
    for (const ordinal of out.ordinals) slot[ordinal] = 0;
    for (const ordinal of rejected) slot[ordinal] = 0;
  }
  return out;
}

export function topOf(scored: Scored, k: number): number[] {
  const { scores, ordinals } = scored;
  const better = (a: number, b: number) =>
    (scores[a] as number) > (scores[b] as number) ||
    (scores[a] === scores[b] && (ordinals[a] as number) < (ordinals[b] as number));
  const top: number[] = [];
  for (let j = 0; j < scores.length; j++) {
    if (top.length >= k && !better(j, top[k - 1] as number)) continue;
    let at = top.length;
    while (at > 0 && better(j, top[at - 1] as number)) at--;
    top.splice(at, 0, j);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Where an item's posting of a term is (postings are sorted by ordinal), or -1. */
function findPosting(bucket: Bucket, term: number, ordinal: number): number {
  let lo = bucket.offsets[term] ?? 0;
  let hi = (bucket.offsets[term + 1] ?? 0) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const value = bucket.docs[mid] as number;
    if (value === ordinal) return mid;
    if (value < ordinal) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function termScores(
  index: MatchIndex,
  bucket: Bucket,
  ordinal: number,
  terms: readonly WeightedTerm[],
  params: Bm25fParams = BM25F_DEFAULTS,
): number[] {
  const { k1, weights, b, idfBase } = params;
  const base = ordinal * FIELD_COUNT;
  return terms.map(({ term, weight }) => {
    const p = findPosting(bucket, term, ordinal);
    if (p < 0) return 0;
    const packed = bucket.tfs[p] as number;
    let tf = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const count = fieldTf(packed, f);
      if (count === 0) continue;
      const avg = bucket.avgLength[f] ?? 0;
      const bf = b[f] ?? 0;
      const norm = 1 - bf + (avg > 0 ? (bf * (index.lengths[base + f] ?? 0)) / avg : 0);
      tf += ((weights[f] ?? 0) * count) / (norm > 0 ? norm : 1);
    }
    return (weight * idf(bucket, term, idfBase) * tf) / (k1 + tf);
  });
}
