import { describe, expect, it } from 'vitest';
import { completions, maxEdits, nearTerms } from '@/utils/search/fuzzy';

/** Optimal-string-alignment distance, the textbook full-matrix form, to check the walk against. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const vocabulary = `authentication authenticate author authorize branch branches brunch merge merged
  merging protect protected protection recieve receive review reviewer revert request require
  required requirement repository repo report reporting schedule scheduled xlookup lookup`
  .split(/\s+/)
  .filter(Boolean)
  .sort();

describe('nearTerms', () => {
  it('finds exactly the entries a full edit-distance matrix finds, for every query word', () => {
    const queries = [
      'authentcation',
      'brnach',
      'reveiw',
      'recieve',
      'protcetion',
      'mreging',
      'xlokup',
      'reqiured',
      'zzzzzzzz',
    ];
    for (const word of queries) {
      const limit = maxEdits(word);
      const expected = vocabulary.filter((term) => term !== word && osa(term, word) <= limit).sort();
      expect(
        nearTerms(vocabulary, word)
          .map((near) => near.term)
          .sort(),
        word,
      ).toEqual(expected);
      for (const near of nearTerms(vocabulary, word)) expect(near.distance).toBe(osa(near.term, word));
    }
  });

  it('counts a swap of two adjacent letters as one edit and puts the nearest first', () => {
    expect(nearTerms(vocabulary, 'recieve')[0]).toEqual({ term: 'receive', distance: 1 });
    expect(nearTerms(vocabulary, 'brnach').map((near) => near.term)).toContain('branch');
  });

  it('scales the edits allowed with the word: none for short words, two for long ones', () => {
    expect(maxEdits('pr')).toBe(0);
    expect(maxEdits('repo')).toBe(1);
    expect(maxEdits('protect')).toBe(1);
    expect(maxEdits('protection')).toBe(2);
    expect(nearTerms(vocabulary, 'rep')).toEqual([]);
    expect(nearTerms(vocabulary, 'authentcaton').map((near) => near.term)).toContain('authentication');
  });
});

describe('completions', () => {
  it('lists the entries a typed prefix begins, in order, up to a limit', () => {
    expect(completions(vocabulary, 'rev')).toEqual(['revert', 'review', 'reviewer']);
    expect(completions(vocabulary, 'rep', 2)).toEqual(['repo', 'report']);
    expect(completions(vocabulary, 'qq')).toEqual([]);
  });
});
