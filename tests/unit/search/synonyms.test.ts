import { describe, expect, it } from 'vitest';
import {
  findSynonyms,
  GENERAL_SYNONYMS,
  synonymTable,
  TOOL_SYNONYMS,
  termWords,
} from '@/utils/search/synonyms';

const general = synonymTable(GENERAL_SYNONYMS);

describe('findSynonyms', () => {
  it('finds an abbreviation and gives its long forms', () => {
    const [span] = findSynonyms(['enable', '2fa'], general);
    expect(span?.start).toBe(1);
    expect(span?.alternatives).toContainEqual(['two', 'factor', 'authentication']);
  });

  it('prefers the longest term and spans several words', () => {
    const spans = findSynonyms(['open', 'a', 'pull', 'request'], general);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ start: 2, length: 2 });
    expect(spans[0]?.alternatives).toContainEqual(['pr']);
    expect(spans[0]?.alternatives).toContainEqual(['merge', 'request']);
  });

  it('matches plurals on either side', () => {
    expect(findSynonyms(['repos'], general)[0]?.alternatives).toEqual([['repository']]);
    expect(findSynonyms(['repositories'], general)).toEqual([]);
    expect(findSynonyms(['pull', 'requests'], general)[0]?.length).toBe(2);
  });

  it('uses a tool list only when it is included', () => {
    expect(findSynonyms(['ticket'], general)).toEqual([]);
    const jira = synonymTable([...GENERAL_SYNONYMS, ...(TOOL_SYNONYMS.jira ?? [])]);
    expect(findSynonyms(['ticket'], jira)[0]?.alternatives).toEqual([['issue']]);
  });

  it('skips groups with fewer than two usable terms', () => {
    expect(synonymTable([['only'], ['', '!!']]).groups).toEqual([]);
    expect(termWords('CI/CD')).toEqual(['ci', 'cd']);
  });
});
