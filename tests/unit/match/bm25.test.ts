import { describe, expect, it } from 'vitest';
import { BM25F_DEFAULTS, type Bm25fParams, idf, scoreBm25f, type WeightedTerm } from '@/utils/match/bm25';
import { type Bucket, buildMatchIndex, FIELD_COUNT, fieldTf, type MatchIndex } from '@/utils/match/build';
import { generateCatalog } from '../../fixtures/match/generate';

const { items } = generateCatalog(1_000);
const index = buildMatchIndex(items);
const bucket = index.byTool.get('jira') as Bucket;

/** The BM25F formula for one item and term, read straight from the postings (the reference). */
function reference(index: MatchIndex, bucket: Bucket, ordinal: number, t: WeightedTerm, params: Bm25fParams) {
  const start = bucket.offsets[t.term] as number;
  const end = bucket.offsets[t.term + 1] as number;
  let p = start;
  while (p < end && bucket.docs[p] !== ordinal) p++;
  if (p === end) return 0;
  let tf = 0;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const count = fieldTf(bucket.tfs[p] as number, f);
    if (!count) continue;
    const b = params.b[f] as number;
    const norm =
      1 - b + (b * (index.lengths[ordinal * FIELD_COUNT + f] as number)) / (bucket.avgLength[f] as number);
    tf += ((params.weights[f] as number) * count) / norm;
  }
  return (t.weight * idf(bucket, t.term, params.idfBase) * tf) / (params.k1 + tf);
}

/** Terms of the bucket with long and short postings lists (long ones are kept as saturations). */
function someTerms(): WeightedTerm[] {
  const df = (term: number) => (bucket.offsets[term + 1] as number) - (bucket.offsets[term] as number);
  const all = [...Array(bucket.offsets.length - 1).keys()];
  const long = all.filter((t) => df(t) >= 20).slice(0, 4);
  const short = all.filter((t) => df(t) > 1 && df(t) < 8).slice(0, 4);
  expect(long.length).toBe(4);
  expect(short.length).toBe(4);
  return [...long, ...short].map((term, i) => ({ term, weight: 1 + i / 4, shares: [i % 2, 0.5] as const }));
}

function asRecord(scored: ReturnType<typeof scoreBm25f>) {
  const out = new Map<number, number[]>();
  for (let j = 0; j < scored.ordinals.length; j++) {
    out.set(scored.ordinals[j] as number, [
      scored.scores[j] as number,
      scored.parts[0][j] as number,
      scored.parts[1][j] as number,
    ]);
  }
  return out;
}

describe('scoreBm25f', () => {
  it('gives each item the BM25F formula summed over its terms, and the shares of it apart', () => {
    const terms = someTerms();
    for (const round of [1, 2]) {
      // The second round reads the long lists' kept saturations.
      const scored = asRecord(scoreBm25f(index, bucket, terms, BM25F_DEFAULTS));
      expect(scored.size, `round ${round}`).toBeGreaterThan(20);
      for (const [ordinal, [score, topic, page]] of scored) {
        const parts = terms.map((t) => reference(index, bucket, ordinal, t, BM25F_DEFAULTS));
        const sum = (share: (t: WeightedTerm) => number) =>
          parts.reduce((total, part, i) => total + part * share(terms[i] as WeightedTerm), 0);
        expect(score).toBeCloseTo(
          sum(() => 1),
          5,
        );
        expect(topic).toBeCloseTo(
          sum((t) => t.shares?.[0] ?? 0),
          5,
        );
        expect(page).toBeCloseTo(
          sum((t) => t.shares?.[1] ?? 0),
          5,
        );
      }
    }
  });

  it('scores with the figures it is given, not those of an earlier query', () => {
    const terms = someTerms();
    const other: Bm25fParams = { ...BM25F_DEFAULTS, k1: 2.5, b: [0, 0, 0, 0] };
    const first = asRecord(scoreBm25f(index, bucket, terms, BM25F_DEFAULTS));
    const second = asRecord(scoreBm25f(index, bucket, terms, other));
    let differ = 0;
    for (const [ordinal, values] of second) {
      const score = values[0] as number;
      const expected = terms.reduce((total, t) => total + reference(index, bucket, ordinal, t, other), 0);
      expect(score).toBeCloseTo(expected, 5);
      if (Math.abs(score - (first.get(ordinal)?.[0] ?? 0)) > 1e-3) differ++;
    }
    expect(differ).toBeGreaterThan(0);
  });

  it('starts each query from nothing: a query after another gives what it gives alone', () => {
    const terms = someTerms();
    const alone = asRecord(scoreBm25f(index, bucket, terms.slice(0, 3)));
    scoreBm25f(index, bucket, terms);
    scoreBm25f(index, bucket, terms, BM25F_DEFAULTS, (ordinal) => ordinal % 2 === 0);
    expect(asRecord(scoreBm25f(index, bucket, terms.slice(0, 3)))).toEqual(alone);
  });

  it('skips the items accept refuses, and asks about each item once', () => {
    const terms = someTerms();
    const asked = new Map<number, number>();
    const scored = scoreBm25f(index, bucket, terms, BM25F_DEFAULTS, (ordinal) => {
      asked.set(ordinal, (asked.get(ordinal) ?? 0) + 1);
      return ordinal % 3 !== 0;
    });
    expect(Math.max(...asked.values())).toBe(1);
    expect([...scored.ordinals].every((ordinal) => ordinal % 3 !== 0)).toBe(true);
    expect(scored.ordinals.length).toBe([...asked.keys()].filter((ordinal) => ordinal % 3 !== 0).length);
  });
});
