/**
 * What the options page asks the background: settings, sources switched and imported, the
 * dashboard's figures from real matches and actions, the policy view and content health.
 */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { dayOf, shiftDay } from '@/utils/measurement/days';
import { createService } from '@/utils/service';
import { readSecret } from '@/utils/settings/secrets';
import { readOwnSettings } from '@/utils/settings/settings';
import { JIRA_BOARD } from './contexts';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

const NOW = new Date(2026, 11, 1, 10).getTime();
const DAY = 24 * 3600_000;

const board = JIRA_BOARD;

const demo = JSON.stringify({
  version: 1,
  items: [
    {
      id: 'plan',
      kind: 'article',
      title: 'Plan a sprint on the board',
      summary: 'How to plan a sprint.',
      url: 'https://kb.example/plan',
      tools: ['jira'],
      tags: ['board', 'sprint'],
      updatedAt: '2026-10-01',
    },
    {
      id: 'insights',
      kind: 'tip',
      title: 'New: sprint insights on the board',
      summary: '',
      url: 'https://kb.example/insights',
      tools: ['jira'],
      tags: ['board', 'sprint'],
      updatedAt: '2024-01-01',
    },
  ],
});

const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Team</title>
<item><guid>1</guid><title>Sprint review checklist for the board</title><link>https://team.example/1</link>
<description>${'Clean up the board before the review. '.repeat(80)}</description></item>
<item><guid>2</guid><title>Broken link on the board</title><link>javascript:alert(1)</link></item>
</channel></rss>`;

function service(now = () => NOW) {
  const requests: string[] = [];
  const bg = createService({
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      requests.push(url);
      if (url.startsWith('chrome-extension://')) return new Response(demo);
      if (url.startsWith('https://team.example/')) return new Response(feed);
      return new Response('not found', { status: 404 });
    }) as typeof fetch,
    resolveBuiltin: (path) => `chrome-extension://test/${path}`,
    now,
  });
  return { bg, requests };
}

const teamFeed = {
  id: 'team',
  type: 'feed',
  name: 'Team',
  url: 'https://team.example/feed.xml',
  tools: ['jira'],
};

describe('settings from the options page', () => {
  it('saves valid changes and refuses invalid ones without saving any part', async () => {
    const { bg } = service();
    const saved = await bg.saveSettings({ change: { maxItems: 2, audiences: ['sales'] } });
    expect(saved.own.maxItems).toBe(2);
    expect(saved.effective.audiences).toEqual(['sales']);
    await expect(
      bg.saveSettings({
        change: { maxItems: 1, nudges: { ...saved.own.nudges, maxPerDay: 99 } },
      }),
    ).rejects.toThrow(/nudges.maxPerDay must be a whole number from 0 to 20/);
    expect((await readOwnSettings()).maxItems).toBe(2);
    await expect(bg.saveSettings({ change: { reportEndpoint: 'ftp://x' } })).rejects.toThrow(/http/);
  });

  it('keeps a locked policy’s keys and names them', async () => {
    await fakeBrowser.storage.managed.set({ nudges: { maxPerDay: 1 }, locked: true });
    const { bg } = service();
    const view = await bg.getSettings();
    expect(view.enforced).toEqual(['nudges']);
    expect(view.locked).toBe(true);
    expect(view.effective.nudges.maxPerDay).toBe(1);
    await expect(bg.saveSettings({ change: { nudges: view.own.nudges } })).rejects.toThrow(
      /set by your organisation: nudges/,
    );
  });

  it('stays silent on a tool an admin switched off', async () => {
    const { bg } = service();
    expect((await bg.matchPage({ context: board })).matches.length).toBeGreaterThan(0);
    await bg.saveSettings({ change: { disabledTools: ['jira'] } });
    expect((await bg.matchPage({ context: board })).matches).toEqual([]);
    expect((await bg.matchPage({ context: { ...board, tool: 'github' } })).matches).toEqual([]);
  });
});

describe('the person’s own sources', () => {
  it('can be switched off and on: off means not synced, not scheduled and not shown', async () => {
    const { bg, requests } = service();
    await bg.saveSource({ source: teamFeed });
    expect((await bg.schedule()).map((entry) => entry.id)).toEqual(['team']);
    const off = await bg.setSourceEnabled({ sourceId: 'team', enabled: false });
    expect(off.sources.find((source) => source.id === 'team')).toMatchObject({
      enabled: false,
      origin: 'own',
    });
    expect(await bg.schedule()).toEqual([]);
    const fetched = requests.length;
    await bg.syncById('team');
    expect(requests).toHaveLength(fetched);
    const titles = async () =>
      (await bg.searchItems({ query: 'sprint review checklist' })).hits.map((i) => i.title);
    expect(await titles()).toEqual([]);
    await bg.setSourceEnabled({ sourceId: 'team', enabled: true });
    expect(await titles()).toEqual(['Sprint review checklist for the board']);
    expect((await readOwnSettings()).sources[0]).not.toHaveProperty('enabled');
  });

  it('have a content health report', async () => {
    const { bg } = service(() => NOW);
    await bg.saveSource({ source: teamFeed });
    const health = await bg.sourceHealth({ sourceId: 'team' });
    expect(health.items).toBe(1);
    expect(health.overLong.count).toBe(1);
    expect(health.overLong.examples[0]?.detail).toBeGreaterThan(2);
    expect(health.droppedLinks).toBe(1);
    const demoHealth = await bg.sourceHealth({ sourceId: 'builtin-demo' });
    expect(demoHealth.noSummary.examples.map((e) => e.title)).toEqual(['New: sprint insights on the board']);
    expect(demoHealth.stale.count).toBe(1);
    await expect(bg.sourceHealth({ sourceId: 'nope' })).rejects.toThrow(/no source/);
  });
});

describe('configuration import', () => {
  it('replaces the own sources, stores credentials apart, and drops what is no longer listed', async () => {
    const { bg } = service();
    await bg.saveSource({ source: { ...teamFeed, id: 'old', name: 'Old' } });
    const text = JSON.stringify({
      sources: [{ ...teamFeed, auth: { kind: 'bearer', token: 'tok-123' } }],
      demoContent: false,
    });
    expect(await bg.checkConfig({ text })).toEqual({
      ok: true,
      keys: ['sources', 'demoContent'],
      notes: [],
      sources: 1,
    });
    expect((await bg.importConfig({ text })).ok).toBe(true);
    const own = await readOwnSettings();
    expect(own.sources.map((source) => source.id)).toEqual(['team']);
    expect(own.demoContent).toBe(false);
    expect(JSON.stringify(own)).not.toContain('tok-123');
    expect(await readSecret('team')).toEqual({ kind: 'bearer', token: 'tok-123' });
    expect(await (await getDb()).get('status', 'old')).toBeUndefined();
  });

  it('changes nothing when the file has a problem', async () => {
    const { bg } = service();
    await bg.saveSettings({ change: { maxItems: 2 } });
    const before = await readOwnSettings();
    const result = await bg.importConfig({ text: JSON.stringify({ maxItems: 1, sources: [{ id: 'x' }] }) });
    expect(result).toEqual({
      ok: false,
      problems: [
        'sources[0] (x): "type" must be one of catalog, feed, confluence, zendesk, servicenow, discourse, mediawiki, dokuwiki',
      ],
    });
    expect(await readOwnSettings()).toEqual(before);
  });

  it('refuses sources that take a policy source’s id', async () => {
    await fakeBrowser.storage.managed.set({
      sources: [{ id: 'team', type: 'feed', url: 'https://team.example/x' }],
    });
    const { bg } = service();
    const result = await bg.importConfig({ text: JSON.stringify({ sources: [teamFeed] }) });
    expect(result).toEqual({
      ok: false,
      problems: ['sources: the id "team" is taken by a source your organisation set'],
    });
  });
});

describe('the policy view', () => {
  it('shows what the policy sets with credentials masked, and the entries left out', async () => {
    const { bg } = service();
    expect(await bg.getPolicy()).toEqual({ present: false, policy: {}, problems: [] });
    await fakeBrowser.storage.managed.set({
      sources: [
        {
          id: 'kb',
          type: 'zendesk',
          url: 'https://acme.zendesk.com',
          auth: { kind: 'bearer', token: 'secret-1' },
        },
        { id: 'Bad Id', type: 'feed', url: 'https://x.example/' },
      ],
      reportEndpoint: 'not a url',
    });
    const view = await bg.getPolicy();
    expect(view.present).toBe(true);
    expect(JSON.stringify(view)).not.toContain('secret-1');
    expect(view.policy.sources?.[0]?.auth).toEqual({ kind: 'bearer', hidden: true });
    expect(view.problems).toEqual([
      'sources[1]: "id" must be a lowercase id such as "it-news" (and not start with "builtin-")',
      'reportEndpoint must be an http(s) address',
    ]);
  });
});

describe('the dashboard', () => {
  it('counts what the nudge offered and what the person did, per tool, item and kind', async () => {
    let now = NOW - DAY;
    const { bg } = service(() => now);
    const { matches } = await bg.matchPage({ context: board });
    const ids = matches.map((match) => match.item.id);
    expect(ids).toHaveLength(2);
    await bg.recordAction({ itemId: 'builtin-demo:plan', action: 'open', tool: 'jira', area: 'board' });
    await bg.recordAction({ itemId: 'builtin-demo:plan', action: 'helpful', tool: 'jira', area: 'board' });
    now = NOW;
    await bg.matchPage({ context: board });
    await bg.recordGap({ query: 'expense report mileage' });

    const week = await bg.getDashboard({ from: shiftDay(dayOf(NOW), -6), to: dayOf(NOW) });
    // The tip also announced itself once (within the attention budget).
    expect(week.figures.totals).toEqual({ impression: 4, open: 1, helpful: 1, gap: 1, announce: 1 });
    expect(week.figures.byDay.at(-1)?.counts.impression).toBe(2);
    expect(week.figures.byTool.map((tool) => tool.tool)).toEqual(['jira']);
    expect(week.titles['builtin-demo:plan']).toEqual({
      title: 'Plan a sprint on the board',
      url: 'https://kb.example/plan',
    });
    expect(week.gaps).toEqual([{ query: 'expense report mileage', count: 1, lastAt: NOW }]);

    const tips = await bg.getDashboard({ from: shiftDay(dayOf(NOW), -6), to: dayOf(NOW), kind: 'tip' });
    expect(tips.figures.totals).toEqual({ impression: 2, announce: 1 });

    const today = await bg.getDashboard({ from: dayOf(NOW), to: dayOf(NOW) });
    expect(today.figures.totals.impression).toBe(2);

    const exported = await bg.exportDaily({ from: shiftDay(dayOf(NOW), -6), to: dayOf(NOW) });
    expect(exported.rows.length).toBeGreaterThan(0);
    expect(exported.titles['builtin-demo:plan']).toBe('Plan a sprint on the board');
    expect((await bg.exportEvents()).events).toHaveLength(8);
  });
});
