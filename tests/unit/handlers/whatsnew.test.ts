/**
 * What's new through the background's handlers: visits make the feed, the badge shows the unread
 * count, follows (own and the policy's defaults) add topics, the first recognised page announces
 * nothing, and the weekly digest stays inside the one attention budget over a simulated month.
 */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_NAME } from '@/utils/db';
import { DEFAULT_BUDGET, localTime } from '@/utils/match/budget';
import { updateSettings } from '@/utils/settings/settings';
import { lastMondayNine } from '@/utils/whatsnew/digest';
import { JIRA_BOARD as board } from '../contexts';
import { createTestBackground, serve } from './harness';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

const DAY = 24 * 3600_000;
/** A feature name per tip, so that each day's screen matches that day's tip. */
const WORDS = `velocity burndown roadmap backlog epics swimlanes estimates retrospective standup releases
  dependencies timeline capacity workload approvals checklist automation templates labels filters
  dashboards reports exports imports permissions notifications watchers mentions attachments comments
  subtasks priorities components versions environments deployments incidents changelog calendar
  milestones goals sprints forecasts worklogs`.split(/\s+/);
const START = new Date(2026, 11, 1, 8).getTime(); // Tuesday 1 December 2026, 08:00 local

/** One Jira board tip published each day from `first` on, and a Salesforce tip tagged "forecast". */
function tips(first: number, days: number) {
  return JSON.stringify({
    version: 1,
    items: [
      ...Array.from({ length: days }, (_, i) => ({
        id: `jira-${i}`,
        kind: 'tip',
        title: `New on the board: ${WORDS[i]}`,
        summary: `Use ${WORDS[i]} on the board.`,
        url: `https://kb.example/jira/${i}`,
        tools: ['jira'],
        tags: ['board', WORDS[i] as string],
        startsAt: first + i * DAY,
        updatedAt: first + i * DAY,
      })),
      {
        id: 'sf-forecast',
        kind: 'tip',
        title: 'Forecasts on the opportunity',
        summary: 'Forecast categories.',
        url: 'https://kb.example/sf',
        tools: ['salesforce'],
        tags: ['forecast'],
        updatedAt: first,
      },
    ],
  });
}

function setup(catalog: string, now: () => number) {
  const badges: string[] = [];
  const bg = createTestBackground({
    fetch: serve(catalog).fetchFn,
    resolveBuiltin: (path) => `chrome-extension://test/${path}`,
    now,
    setBadge: (text) => {
      badges.push(text);
    },
  });
  return { bg, badges };
}

describe("What's new", () => {
  it('lists the same tips from a worker that loaded the index as from one that read only the tips', async () => {
    const now = START + 3 * DAY;
    const catalog = tips(START - 2 * DAY, 6);
    const indexed = setup(catalog, () => now).bg;
    // A page visit loads the index: What's new then takes the tips from it.
    await indexed.matchPage({ context: board });
    const fromIndex = await indexed.listWhatsNew();
    // A new worker asked for What's new alone reads the tips through the items' kind index.
    const alone = setup(catalog, () => now).bg;
    const fromStore = await alone.listWhatsNew();
    expect(fromIndex.entries.length).toBeGreaterThan(0);
    expect(fromStore).toEqual(fromIndex);
  });

  it('lists the tips for the tools visited, shows the unread count on the badge and marks items read', async () => {
    const now = START + 3 * DAY;
    const { bg, badges } = setup(tips(START - 2 * DAY, 6), () => now);
    expect((await bg.listWhatsNew()).entries).toEqual([]); // no tool used yet
    await bg.matchPage({ context: board });
    const view = await bg.listWhatsNew();
    // Published two days before START up to today: 6 tips, none in the future.
    expect(view.entries.map((entry) => entry.item.id)).toEqual([
      'builtin-demo:jira-5',
      'builtin-demo:jira-4',
      'builtin-demo:jira-3',
      'builtin-demo:jira-2',
      'builtin-demo:jira-1',
      'builtin-demo:jira-0',
    ]);
    expect(view.unread).toBe(6);
    expect(view.usedTools).toEqual(['jira']);
    expect(badges.at(-1)).toBe('6');

    const read = await bg.markWhatsNewRead({ itemIds: ['builtin-demo:jira-5', 'builtin-demo:jira-4'] });
    expect(read.unread).toBe(4);
    expect(read.entries.filter((entry) => !entry.unread).map((entry) => entry.item.id)).toEqual([
      'builtin-demo:jira-5',
      'builtin-demo:jira-4',
    ]);
    expect(badges.at(-1)).toBe('4');
    // Opening a tip from the page reads it too.
    await bg.recordAction({ itemId: 'builtin-demo:jira-3', action: 'open', tool: 'jira' });
    expect((await bg.listWhatsNew()).unread).toBe(3);
    expect(badges.at(-1)).toBe('3');
  });

  it('adds a followed tool or tag, even for a tool not opened this month, and unfollows', async () => {
    const now = START + DAY;
    const { bg, badges } = setup(tips(START, 1), () => now);
    const followed = await bg.followTopic({ topic: { kind: 'tag', id: 'Forecast' }, follow: true });
    expect(followed.follows).toEqual({ tools: [], tags: ['forecast'] });
    expect(followed.entries.map((entry) => [entry.item.id, entry.followed])).toEqual([
      ['builtin-demo:sf-forecast', [{ kind: 'tag', id: 'forecast' }]],
    ]);
    expect(badges.at(-1)).toBe('1');
    const off = await bg.followTopic({ topic: { kind: 'tag', id: 'forecast' }, follow: false });
    expect(off.entries).toEqual([]);
    expect(badges.at(-1)).toBe('');
  });

  it('follows the policy’s defaults for the person’s audience', async () => {
    await fakeBrowser.storage.managed.set({
      audiences: ['Sales'],
      defaultFollows: [
        { audience: 'Sales', tools: ['salesforce'] },
        { audience: 'Engineering', tools: ['jira'] },
      ],
    });
    const { bg } = setup(tips(START, 1), () => START + DAY);
    const view = await bg.listWhatsNew();
    expect(view.defaults).toEqual({ tools: ['salesforce'], tags: [] });
    expect(view.follows).toEqual({ tools: ['salesforce'], tags: [] });
    expect(view.entries.map((entry) => entry.item.id)).toEqual(['builtin-demo:sf-forecast']);
    // The person may still unfollow a default.
    expect(
      (await bg.followTopic({ topic: { kind: 'tool', id: 'salesforce' }, follow: false })).entries,
    ).toEqual([]);
  });

  it('announces nothing on the very first recognised page', async () => {
    let now = START + 3 * DAY;
    const { bg } = setup(tips(START, 4), () => now);
    const context = { ...board, headings: [`Board ${WORDS[3]}`], keywords: [WORDS[3] as string] };
    const first = await bg.matchPage({ context });
    expect(first.matches.some((match) => match.item.kind === 'tip')).toBe(true);
    expect(first.announce).toBeUndefined();
    expect(first.digest).toBeUndefined();
    now += 60_000;
    const second = await bg.matchPage({ context });
    expect(second.announce ?? second.digest).toBeDefined();
  });

  it('counts a page asking again before its first answer came (nothing shown yet) as the same visit', async () => {
    const now = START + 3 * DAY;
    const { bg } = setup(tips(START, 4), () => now);
    const context = { ...board, headings: [`Board ${WORDS[3]}`], keywords: [WORDS[3] as string] };
    await bg.matchPage({ context });
    // A settings change made the page ask again while its first answer was still on its way.
    const again = await bg.matchPage({ context, seen: [] });
    expect(again.announce ?? again.digest).toBeUndefined();
  });
});

/** Page views on a Jira board every hour from 08:00 to 18:00 local, for `days` days from START. */
async function simulateMonth(days: number) {
  let now = START;
  const { bg } = setup(tips(START - 7 * DAY, days + 7), () => now);
  const shown: { at: number; digest: number }[] = [];
  for (let d = 0; d < days; d++) {
    for (let slot = 0; slot <= 10; slot++) {
      now = START + d * DAY + slot * 60 * 60_000;
      const context = { ...board, headings: [`Board ${WORDS[d + 7]}`], keywords: [WORDS[d + 7] as string] };
      const answer = await bg.matchPage({ context });
      expect(answer.announce !== undefined && answer.digest !== undefined).toBe(false);
      if (answer.announce) shown.push({ at: now, digest: 0 });
      if (answer.digest) shown.push({ at: now, digest: answer.digest.length });
    }
  }
  return shown;
}

/** Announcements (tips and digests) per local day, and the least gap between two. */
function budgetOf(shown: { at: number }[]) {
  const perDay = new Map<string, number>();
  for (const { at } of shown) perDay.set(localTime(at).day, (perDay.get(localTime(at).day) ?? 0) + 1);
  const gaps = shown.slice(1).map((entry, i) => entry.at - (shown[i] as { at: number }).at);
  return { maxPerDay: Math.max(...perDay.values()), minGap: Math.min(...gaps) };
}

describe('the weekly digest over a simulated month', () => {
  it('comes at most once a week, on the first page after Monday 09:00, inside the budget', async () => {
    const shown = await simulateMonth(35);
    const digests = shown.filter((entry) => entry.digest > 0);
    // One per week from Monday 09:00 to Monday 09:00: the partial first week and five Mondays.
    const weeks = digests.map((entry) => lastMondayNine(entry.at));
    expect(new Set(weeks).size).toBe(digests.length);
    const mondays = digests.filter((entry) => new Date(entry.at).getDay() === 1);
    expect(mondays.map((entry) => new Date(entry.at).getDate())).toEqual([7, 14, 21, 28, 4]); // …and 4 January
    for (const entry of mondays)
      expect(new Date(entry.at).getHours() * 60 + new Date(entry.at).getMinutes()).toBe(9 * 60);
    expect(digests.every((entry) => entry.digest >= 2)).toBe(true);
    // Tips and digests together never exceed the one budget.
    const { maxPerDay, minGap } = budgetOf(shown);
    expect(maxPerDay).toBeLessThanOrEqual(DEFAULT_BUDGET.maxPerDay);
    expect(minGap).toBeGreaterThanOrEqual(DEFAULT_BUDGET.minGapMinutes * 60_000);
    expect(shown.length).toBeGreaterThan(digests.length); // single tips still announce between digests
  }, 30_000);

  it('waits for the budget: quiet hours move Monday’s digest, a spent day moves it to the next', async () => {
    await updateSettings({
      nudges: { ...DEFAULT_BUDGET, maxPerDay: 1, quietHours: { start: '08:00', end: '10:00' } },
    });
    const shown = await simulateMonth(14);
    const { maxPerDay } = budgetOf(shown);
    expect(maxPerDay).toBe(1);
    const monday = shown.find((entry) => entry.digest > 0 && new Date(entry.at).getDate() === 7);
    // 10:00, the end of the quiet hours, is the first page Monday's budget allows.
    expect(monday && new Date(monday.at).getHours()).toBe(10);
    expect(shown.every((entry) => new Date(entry.at).getHours() >= 10)).toBe(true);
  }, 30_000);
});
