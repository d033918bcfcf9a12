/** What's new's pure parts: visits per tool, the feed, the digest's week, topics and follows. */
import { describe, expect, it } from 'vitest';
import { localTime } from '@/utils/match/budget';
import type { KnowledgeItem } from '@/utils/model';
import { DIGEST_MIN, digestDue, digestEntries, lastMondayNine } from '@/utils/whatsnew/digest';
import { badgeText, buildFeed, unreadCount } from '@/utils/whatsnew/feed';
import { changeFollow, EMPTY_FOLLOWS, effectiveFollows, parseFollows } from '@/utils/whatsnew/follows';
import { parseDefaultFollows, parseTopic } from '@/utils/whatsnew/topics';
import { addVisit, NO_VISITS, parseVisits, usedTools } from '@/utils/whatsnew/visits';

const DAY = 24 * 3600_000;
const NOW = new Date(2026, 11, 9, 12).getTime(); // Wednesday 9 December 2026, 12:00 local
const day = (at: number) => localTime(at).day;

function tip(
  id: string,
  tools: string[],
  ageDays: number,
  extra: Partial<KnowledgeItem> = {},
): KnowledgeItem {
  return {
    id,
    sourceId: 's',
    kind: 'tip',
    title: `Tip ${id}`,
    summary: '',
    url: `https://kb.example/${id}`,
    tags: [],
    tools,
    updatedAt: NOW - ageDays * DAY,
    ...extra,
  };
}

describe('visits', () => {
  it('counts recognised visits per tool and forgets days older than 30', () => {
    let visits = addVisit(NO_VISITS, 'jira', NOW - 40 * DAY, day);
    expect(usedTools(visits, NOW - 40 * DAY, day)).toEqual(['jira']);
    visits = addVisit(visits, 'slack', NOW - DAY, day);
    visits = addVisit(visits, 'slack', NOW, day);
    // Jira was opened 40 days ago only: no longer a tool this person uses.
    expect(usedTools(visits, NOW, day)).toEqual(['slack']);
    expect(Object.keys(visits.tools)).toEqual(['slack']);
    expect(visits.total).toBe(3);
  });

  it('reads a malformed record as no visits', () => {
    expect(parseVisits('x')).toEqual({ tools: {}, total: 0 });
    expect(parseVisits({ tools: { jira: { nope: 3, '2026-12-01': -1 } }, total: 2 })).toEqual({
      tools: {},
      total: 2,
    });
  });
});

describe('the feed', () => {
  const items = [
    tip('old', ['jira'], 31),
    tip('jira-new', ['jira'], 2),
    tip('jira-newer', ['jira'], 1),
    tip('sf', ['salesforce'], 3, { tags: ['forecast'] }),
    tip('later', ['jira'], -1),
    tip('ended', ['jira'], 1, { endsAt: NOW - 1 }),
    tip('finance-only', ['jira'], 1, { audiences: ['Finance'] }),
    { ...tip('article', ['jira'], 1), kind: 'article' as const },
  ];
  const base = {
    items,
    usedTools: ['jira'],
    follows: { tools: [], tags: [] },
    audiences: [],
    read: new Set<string>(),
    now: NOW,
  };

  it('lists the last 30 days of tips for used tools, newest first, unread marked', () => {
    const feed = buildFeed({ ...base, read: new Set(['jira-new']) });
    expect(feed.map((entry) => [entry.item.id, entry.unread])).toEqual([
      ['jira-newer', true],
      ['jira-new', false],
    ]);
    expect(unreadCount(feed)).toBe(1);
    expect(feed[0]?.usedTools).toEqual(['jira']);
  });

  it('adds followed topics for tools not opened this month, and audience tips for that audience', () => {
    const byTag = buildFeed({ ...base, follows: { tools: [], tags: ['forecast'] } });
    expect(byTag.map((entry) => entry.item.id)).toContain('sf');
    expect(byTag.find((entry) => entry.item.id === 'sf')?.followed).toEqual([
      { kind: 'tag', id: 'forecast' },
    ]);
    const byTool = buildFeed({ ...base, usedTools: [], follows: { tools: ['salesforce'], tags: [] } });
    expect(byTool.map((entry) => entry.item.id)).toEqual(['sf']);
    const finance = buildFeed({ ...base, audiences: ['finance'] });
    expect(finance.map((entry) => entry.item.id)).toContain('finance-only');
  });

  it('shows the unread count on the badge, capped', () => {
    expect([badgeText(0), badgeText(4), badgeText(120)]).toEqual(['', '4', '99+']);
  });
});

describe('the digest week', () => {
  it('starts at the latest Monday 09:00 local', () => {
    const monday = new Date(2026, 11, 7, 9).getTime();
    expect(lastMondayNine(NOW)).toBe(monday);
    expect(lastMondayNine(monday)).toBe(monday);
    expect(lastMondayNine(monday - 60_000)).toBe(new Date(2026, 10, 30, 9).getTime());
    expect(lastMondayNine(new Date(2026, 11, 6, 23).getTime())).toBe(new Date(2026, 10, 30, 9).getTime());
  });

  it('is due once per week', () => {
    const monday = new Date(2026, 11, 7, 9).getTime();
    expect(digestDue({ lastAt: 0 }, NOW)).toBe(true);
    expect(digestDue({ lastAt: monday + 1 }, NOW)).toBe(false);
    expect(digestDue({ lastAt: monday - 1 }, NOW)).toBe(true);
  });

  it('offers the unread tips of the last seven days, and nothing below the minimum', () => {
    const feed = buildFeed({
      items: [tip('a', ['jira'], 1), tip('b', ['jira'], 2), tip('c', ['jira'], 10)],
      usedTools: ['jira'],
      follows: { tools: [], tags: [] },
      audiences: [],
      read: new Set(),
      now: NOW,
    });
    expect(digestEntries(feed, NOW).map((entry) => entry.item.id)).toEqual(['a', 'b']);
    expect(DIGEST_MIN).toBe(2);
    expect(digestEntries(feed.slice(0, 1), NOW)).toEqual([]);
  });
});

describe('topics and follows', () => {
  it('validates topics', () => {
    expect(parseTopic({ kind: 'tool', id: 'jira' })).toEqual({ kind: 'tool', id: 'jira' });
    expect(parseTopic({ kind: 'tag', id: ' Forecast ' })).toEqual({ kind: 'tag', id: 'forecast' });
    expect(parseTopic({ kind: 'tool', id: 'Not a tool!' })).toBeNull();
    expect(parseTopic({ kind: 'site', id: 'x' })).toBeNull();
  });

  it('reads default follows per audience from a policy, with the reasons for what it leaves out', () => {
    const { defaults, problems } = parseDefaultFollows([
      { tools: ['jira'] },
      { audience: 'Finance', tools: ['salesforce'], tags: ['Forecast'] },
      { audience: 'Sales', tools: ['NOT OK'] },
      'x',
    ]);
    expect(defaults).toEqual([
      { tools: ['jira'], tags: [] },
      { audience: 'Finance', tools: ['salesforce'], tags: ['forecast'] },
    ]);
    expect(problems).toEqual([
      'defaultFollows[2]: entries that are not tool ids such as "jira" or tags were left out',
      'defaultFollows[2]: names no tool or tag',
      'defaultFollows[3]: not an object',
    ]);
    expect(parseDefaultFollows({}).problems).toHaveLength(1);
  });

  it('follows the defaults for the person’s audiences, until they unfollow one', () => {
    const { defaults } = parseDefaultFollows([
      { tools: ['jira'] },
      { audience: 'finance', tags: ['forecast'] },
    ]);
    expect(effectiveFollows(EMPTY_FOLLOWS, defaults, ['Sales'])).toEqual({ tools: ['jira'], tags: [] });
    expect(effectiveFollows(EMPTY_FOLLOWS, defaults, ['Finance'])).toEqual({
      tools: ['jira'],
      tags: ['forecast'],
    });
    const off = changeFollow(EMPTY_FOLLOWS, { kind: 'tool', id: 'jira' }, false);
    expect(effectiveFollows(off, defaults, ['Finance'])).toEqual({ tools: [], tags: ['forecast'] });
    const again = changeFollow(off, { kind: 'tool', id: 'jira' }, true);
    expect(effectiveFollows(again, defaults, [])).toEqual({ tools: ['jira'], tags: [] });
    const own = changeFollow(EMPTY_FOLLOWS, { kind: 'tag', id: 'sso' }, true);
    expect(effectiveFollows(parseFollows(JSON.parse(JSON.stringify(own))), [], [])).toEqual({
      tools: [],
      tags: ['sso'],
    });
  });
});
