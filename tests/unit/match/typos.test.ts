import { describe, expect, it } from 'vitest';
import { type Bucket, buildMatchIndex, MIN_TYPO_LENGTH, typoCandidates } from '@/utils/match/build';
import { withinOneEdit } from '@/utils/match/text';
import { generateCatalog } from '../../fixtures/match/generate';

const bucket = buildMatchIndex(generateCatalog(1_000).items).byTool.get('jira') as Bucket;

describe('typoCandidates', () => {
  it('offers every stem one edit away (a letter more, less, changed or two swapped)', () => {
    const stems = bucket.terms.filter((term) => term.length >= MIN_TYPO_LENGTH);
    expect(stems.length).toBeGreaterThan(50);
    const typos = stems.slice(0, 60).flatMap((stem, i) => {
      const at = 1 + (i % (stem.length - 2));
      return [
        stem.slice(0, at) + stem.slice(at + 1),
        `${stem.slice(0, at)}x${stem.slice(at)}`,
        `${stem.slice(0, at)}q${stem.slice(at + 1)}`,
        stem.slice(0, at - 1) + (stem[at] ?? '') + (stem[at - 1] ?? '') + stem.slice(at + 1),
      ];
    });
    for (const typo of typos) {
      const offered = new Set(typoCandidates(bucket, typo));
      const expected = bucket.terms
        .map((term, t) => [term, t] as const)
        .filter(([term]) => term.length >= MIN_TYPO_LENGTH - 1 && term !== typo && withinOneEdit(typo, term));
      for (const [term, t] of expected) expect(offered.has(t), `${typo} → ${term}`).toBe(true);
    }
  });
});
