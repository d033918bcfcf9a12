import { describe, expect, it } from 'vitest';
import { ID_MAX, isId, isSyncInterval, SYNC_INTERVAL } from '@/utils/limits';
import { parsePolicy } from '@/utils/settings/policy';

describe('limits', () => {
  it('accepts ids of up to ID_MAX lowercase letters, digits and hyphens', () => {
    expect(isId('jira')).toBe(true);
    expect(isId('expenses-portal')).toBe(true);
    expect(isId('a'.repeat(ID_MAX))).toBe(true);
    expect(isId('a'.repeat(ID_MAX + 1))).toBe(false);
    expect(isId('-jira')).toBe(false);
    expect(isId('Jira')).toBe(false);
    expect(isId('')).toBe(false);
    expect(isId(7)).toBe(false);
  });

  it('bounds the sync interval the same way for a policy as for the editor', () => {
    expect(isSyncInterval(SYNC_INTERVAL.min)).toBe(true);
    expect(isSyncInterval(SYNC_INTERVAL.max)).toBe(true);
    expect(isSyncInterval(SYNC_INTERVAL.min - 1)).toBe(false);
    expect(isSyncInterval(SYNC_INTERVAL.max + 1)).toBe(false);
    expect(isSyncInterval(30.5)).toBe(false);
    const source = (intervalMinutes: number) => ({
      sources: [{ id: 'news', type: 'feed', url: 'https://news.example/feed', intervalMinutes }],
    });
    expect(parsePolicy(source(SYNC_INTERVAL.max)).policy.sources?.[0]?.intervalMinutes).toBe(
      SYNC_INTERVAL.max,
    );
    const tooOften = parsePolicy(source(SYNC_INTERVAL.min - 1));
    expect(tooOften.policy.sources?.[0]?.intervalMinutes).toBeUndefined();
    expect(tooOften.problems.join()).toContain(`from ${SYNC_INTERVAL.min} to ${SYNC_INTERVAL.max}`);
  });

  it('takes a policy source id as long as ID_MAX and no longer', () => {
    const policy = (id: string) =>
      parsePolicy({ sources: [{ id, type: 'feed', url: 'https://a.example/f' }] });
    expect(policy('a'.repeat(ID_MAX)).policy.sources).toHaveLength(1);
    expect(policy('a'.repeat(ID_MAX + 1)).policy.sources ?? []).toHaveLength(0);
  });
});
