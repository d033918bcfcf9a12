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
 *   are in a strong field (`strong`: title, tags or URL path by default), and two parts of the
 *   score added up apart (`parts`: Σ_t score_t · shares_t, for the terms given `shares`; what
 *   part of a score comes from the page's title, say). `accept(ordinal)` skips items
 *   (eligibility); it is asked once per item and query. The result's arrays are views of the
 *   index's accumulators: valid until the next `scoreBm25f` on the same index (read them first).
 * - `maxScore(bucket, terms)`: Σ weight_t · idf_t, what an item saturated with every term would
 *   approach: the query's own ceiling, which a confidence divides by.
 * - `topOf(scored, k)`: indices into `scored` of the k best, best first (ties: lower ordinal).
 */
import {
  type Bucket,
  FIELD_COUNT,
  FIELD_PATH,
  FIELD_TAGS,
  FIELD_TITLE,
  fieldTf,
  type MatchIndex,
  TF_BITS,
  TF_MAX,
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
  /**
   * Shares (0–1) of the term's score that `Scored.parts` adds up apart from the whole: what part
   * of an item's score comes from where (the page's title, say).
   */
  shares?: readonly [number, number];
}

export interface Scored {
  /** The items scored, in the order the terms first reached them. */
  ordinals: Int32Array;
  scores: Float64Array;
  /** Bit i: terms[i] is in the item (i < 31). */
  matched: Int32Array;
  /** Bit i: terms[i] is in one of the item's strong fields (i < 31). */
  strong: Int32Array;
  /** Σ over the item's terms of score × shares[0], and × shares[1] (zeros when no term has shares). */
  parts: [Float64Array, Float64Array];
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

/**
 * The accumulators of a query, kept with the index (one query runs at a time). An item reached by
 * the query's terms gets the next slot; its score and bits are at that slot in flat typed arrays.
 * A bucket's items are spread over the index's ordinals, so reading one slot number per posting
 * and the rest densely touches far fewer cache lines than five arrays indexed by ordinal. The
 * slots are cleared when a query ends, the sums when the next one starts: the result is a view of
 * them, with no copy.
 */
interface Accumulators {
  /** Per ordinal: its slot + 1; 0: not reached yet; -1: refused by `accept`. */
  slot: Int32Array;
  /** Per slot. */
  ordinals: Int32Array;
  scores: Float64Array;
  matched: Int32Array;
  strong: Int32Array;
  parts: [Float64Array, Float64Array];
  /** Ordinals refused by `accept` in this query. */
  refused: Int32Array;
  /** Slots the last query used: what the result's views show until the next query clears them. */
  used: number;
}

const accumulators = new WeakMap<MatchIndex, Accumulators>();

function accumulatorsFor(index: MatchIndex): Accumulators {
  const size = index.items.length;
  let acc = accumulators.get(index);
  if (!acc || acc.slot.length < size) {
    acc = {
      slot: new Int32Array(size),
      ordinals: new Int32Array(size),
      scores: new Float64Array(size),
      matched: new Int32Array(size),
      strong: new Int32Array(size),
      parts: [new Float64Array(size), new Float64Array(size)],
      refused: new Int32Array(size),
      used: 0,
    };
    accumulators.set(index, acc);
  }
  return acc;
}

/** Postings of a term below this many are scored as they are read; longer lists are kept (below). */
const SATURATE_FROM = 16;
/** Most saturations kept per bucket (4 bytes each). */
const SATURATIONS_KEPT = 1 << 17;

/**
 * A bucket's long postings lists as saturations tf̃ / (k1 + tf̃), for one set of figures: worked out
 * on a term's first query and kept, so that a posting then costs one read and one multiply-add
 * instead of a division per field. The long lists are the common words, few and asked by many
 * pages; at most SATURATIONS_KEPT per bucket (512 KB), whatever pages ask. A bucket does not
 * change, and one that an update keeps has the same items with the same lengths, so what is kept
 * stays right.
 */
interface Saturations {
  params: Bm25fParams;
  kept: number;
  terms: Map<number, Float32Array>;
}

const saturations = new WeakMap<Bucket, Saturations>();

export function scoreBm25f(
  index: MatchIndex,
  bucket: Bucket,
  terms: readonly WeightedTerm[],
  params: Bm25fParams = BM25F_DEFAULTS,
  accept?: (ordinal: number) => boolean,
  /** Statistics of a wider collection than the bucket (a search across buckets): idf and mean lengths. */
  wider?: { idf(term: number): number; avgLength: Float64Array },
): Scored {
  const acc = accumulatorsFor(index);
  const { slot, ordinals, scores, matched, strong, refused } = acc;
  const [part0, part1] = acc.parts;
  for (const array of [scores, matched, strong, part0, part1]) array.fill(0, 0, acc.used);
  acc.used = 0;
  const { lengths } = index;
  const { docs, tfs, offsets } = bucket;
  const { k1, weights, b, strongFields, idfBase } = params;
  // Per field: w_f and the length norm's two parts, so that a posting costs one multiply-add and
  // one division per field it has; and which of a posting's packed counts are strong fields.
  const w = new Float64Array(FIELD_COUNT);
  const fixed = new Float64Array(FIELD_COUNT);
  const perWord = new Float64Array(FIELD_COUNT);
  let strongCounts = 0;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const avg = (wider ?? bucket).avgLength[f] ?? 0;
    const bf = b[f] ?? 0;
    w[f] = weights[f] ?? 0;
    fixed[f] = 1 - bf;
    perWord[f] = avg > 0 ? bf / avg : 0;
    if (strongFields & (1 << f)) strongCounts |= TF_MAX << (f * TF_BITS);
  }
  let known = wider ? undefined : saturations.get(bucket);
  if (!wider && known?.params !== params) {
    known = { params, kept: 0, terms: new Map() };
    saturations.set(bucket, known);
  }
  /** tf̃ / (k1 + tf̃) of posting p. */
  const saturation = (p: number): number => {
    const packed = tfs[p] as number;
    const base = (docs[p] as number) * FIELD_COUNT;
    let tf = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const n = fieldTf(packed, f);
      if (n === 0) continue;
      const norm = (fixed[f] as number) + (perWord[f] as number) * (lengths[base + f] as number);
      tf += ((w[f] as number) * n) / (norm > 0 ? norm : 1);
    }
    return tf / (k1 + tf);
  };
  let kept = 0;
  let refusedCount = 0;
  try {
    for (let i = 0; i < terms.length; i++) {
      const { term, weight } = terms[i] as WeightedTerm;
      const value = weight * (wider ? wider.idf(term) : idf(bucket, term, idfBase));
      if (value <= 0) continue;
      const bit = i < 31 ? 1 << i : 0;
      const [share0, share1] = (terms[i] as WeightedTerm).shares ?? [0, 0];
      const start = offsets[term] ?? 0;
      const end = offsets[term + 1] ?? 0;
      let saturated = known?.terms.get(term);
      if (
        !saturated &&
        known &&
        end - start >= SATURATE_FROM &&
        known.kept + end - start <= SATURATIONS_KEPT
      ) {
        saturated = new Float32Array(end - start);
        for (let p = start; p < end; p++) saturated[p - start] = saturation(p);
        known.terms.set(term, saturated);
        known.kept += end - start;
      }
      for (let p = start; p < end; p++) {
        const ordinal = docs[p] as number;
        let j = (slot[ordinal] as number) - 1;
        if (j === -2) continue;
        if (j === -1) {
          if (accept && !accept(ordinal)) {
            slot[ordinal] = -1;
            refused[refusedCount++] = ordinal;
            continue;
          }
          j = kept++;
          slot[ordinal] = kept;
          ordinals[j] = ordinal;
        }
        const contribution = value * (saturated ? (saturated[p - start] as number) : saturation(p));
        scores[j] = (scores[j] as number) + contribution;
        if (share0) part0[j] = (part0[j] as number) + contribution * share0;
        if (share1) part1[j] = (part1[j] as number) + contribution * share1;
        matched[j] = (matched[j] as number) | bit;
        if ((tfs[p] as number) & strongCounts) strong[j] = (strong[j] as number) | bit;
      }
    }
    return {
      ordinals: ordinals.subarray(0, kept),
      scores: scores.subarray(0, kept),
      matched: matched.subarray(0, kept),
      strong: strong.subarray(0, kept),
      parts: [part0.subarray(0, kept), part1.subarray(0, kept)],
    };
  } finally {
    acc.used = kept;
    for (let j = 0; j < kept; j++) slot[ordinals[j] as number] = 0;
    for (let r = 0; r < refusedCount; r++) slot[refused[r] as number] = 0;
  }
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
