/** The employee’s page: what a screen is offered, and what the person’s actions do to it. */
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { createBackground } from '@/utils/handlers';
import { readSettings, updateSettings } from '@/utils/settings/settings';
import { DEMO_SOURCE } from '@/utils/sync/engine';
import { JIRA_BOARD as board } from '../contexts';
import { background, catalog, createTestBackground, optionsBackground, serve, tipCatalog } from './harness';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('the page handlers', () => {
  it('loads the built-in catalog on first use and answers from the cache', async () => {
    const { fetchFn, calls } = serve(catalog(['Plan a sprint on the board', 'Close a sprint']));
    const bg = background(fetchFn);
    const { matches } = await bg.matchPage({ context: board });
    expect(calls).toEqual(['chrome-extension://test/catalog/demo.json']);
    expect(matches.map((m) => m.item.title)).toContain('Plan a sprint on the board');
    expect(matches[0]?.item.id).toMatch(/^builtin-demo:/);
    // A second worker life reads IndexedDB and does not fetch again.
    await closeDb();
    await background(fetchFn).matchPage({ context: board });
    expect(calls).toHaveLength(1);
  });

  it('shows nothing from the demo content once it is switched off', async () => {
    const bg = background(serve(catalog(['Plan a sprint on the board'])).fetchFn);
    expect((await bg.matchPage({ context: board })).matches).not.toHaveLength(0);
    const { sources } = await bg.setSourceEnabled({ sourceId: DEMO_SOURCE.id, enabled: false });
    expect(sources.find((s) => s.id === DEMO_SOURCE.id)?.enabled).toBe(false);
    expect((await bg.matchPage({ context: board })).matches).toEqual([]);
  });

  it('keeps the last good items when a sync fails, and records why', async () => {
    const bg = background(serve(catalog(['Plan a sprint on the board']), 'not json {').fetchFn);
    await bg.matchPage({ context: board });
    await bg.syncBuiltins();
    const { sources } = await bg.listSources();
    const demo = sources.find((s) => s.id === DEMO_SOURCE.id);
    expect(demo?.status.error).toMatch(/not valid JSON/);
    expect(demo?.status.itemCount).toBe(1);
    expect((await bg.matchPage({ context: board })).matches).toHaveLength(1);
  });

  it('drops corrupt cached records instead of failing', async () => {
    const bg = background(serve(catalog(['Plan a sprint on the board'])).fetchFn);
    await bg.listSources();
    const db = await getDb();
    await db.put('items', {
      id: 'builtin-demo:bad',
      sourceId: 'builtin-demo',
      url: 'javascript:alert(1)',
    } as never);
    await closeDb();
    const { matches } = await background(serve(catalog([])).fetchFn).matchPage({ context: board });
    expect(matches.map((m) => m.item.id)).toEqual(['builtin-demo:i0']);
    expect(await (await getDb()).get('items', 'builtin-demo:bad')).toBeUndefined();
  });

  it('rebuilds a database left by a newer version instead of dying', async () => {
    const newer = await openDB(DB_NAME, 99, { upgrade: (db) => void db.createObjectStore('future') });
    newer.close();
    const { matches } = await background(serve(catalog(['Plan a sprint on the board'])).fetchFn).matchPage({
      context: board,
    });
    expect(matches).toHaveLength(1);
  });

  it('remembers votes, dismissals and snoozes, and records events without page URLs', async () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const bg = background(
      serve(catalog(['Plan a sprint on the board', 'Close a sprint'])).fetchFn,
      () => now,
    );
    const first = await bg.matchPage({ context: board });
    expect(first.matches).toHaveLength(2);
    const [a, b] = first.matches.map((m) => m.item.id) as [string, string];
    await bg.recordAction({ itemId: a, action: 'helpful', tool: 'jira', area: 'board' });
    await bg.recordAction({ itemId: b, action: 'dismiss', tool: 'jira', area: 'board' });
    await closeDb();
    const again = await background(serve(catalog([])).fetchFn, () => now).matchPage({ context: board });
    expect(again.matches.map((m) => m.item.id)).toEqual([a]);
    expect(again.votes).toEqual({ [a]: 'helpful' });
    const events = await (await getDb()).getAll('events');
    expect(events.map((e) => e.type)).toEqual([
      'impression',
      'impression',
      'helpful',
      'dismiss',
      'impression',
    ]);
    expect(JSON.stringify(events)).not.toContain('atlassian.net');
  });

  it('counts one impression per item per screen visit, however often the title changes', async () => {
    const bg = background(serve(catalog(['Plan a sprint on the board', 'Close a sprint'])).fetchFn);
    const first = await bg.matchPage({ context: board, seen: [] });
    const ids = first.matches.map((m) => m.item.id);
    expect(ids).toHaveLength(2);
    // The title ticks ("(3) Board", "(4) Board"): the content script asks again, saying what it showed.
    for (const title of ['(3) Board', '(4) Board']) {
      const again = await bg.matchPage({ context: { ...board, title }, seen: ids });
      expect(again.matches.map((m) => m.item.id)).toEqual(ids);
    }
    const impressions = async () =>
      (await (await getDb()).getAll('events')).filter((e) => e.type === 'impression').map((e) => e.itemId);
    expect((await impressions()).sort()).toEqual([...ids].sort());
    // A new visit (nothing seen yet) counts again; an item not yet shown in the visit counts too.
    await bg.matchPage({ context: board, seen: [ids[0] as string] });
    expect((await impressions()).filter((id) => id === ids[1])).toHaveLength(2);
    expect((await impressions()).filter((id) => id === ids[0])).toHaveLength(1);
  });

  it('refuses a malformed list of items already seen', () => {
    const { matchPage } = createBackground({
      fetch: serve('').fetchFn,
      resolveBuiltin: (path) => path,
    }).handlers;
    const context = { ...board };
    expect(matchPage.validate({ context, seen: ['a', 'b'] })).toEqual({ context, seen: ['a', 'b'] });
    expect(matchPage.validate({ context })).toEqual({ context });
    expect(matchPage.validate({ context, seen: 'a' })).toBeNull();
    expect(matchPage.validate({ context, seen: [1] })).toBeNull();
    expect(matchPage.validate({ context, seen: ['x'.repeat(301)] })).toBeNull();
    expect(matchPage.validate({ context, seen: Array.from({ length: 201 }, (_, i) => `i${i}`) })).toBeNull();
  });

  it('announces a current tip once, within the budget', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const bg = background(serve(tipCatalog).fetchFn, () => now);
    // The very first recognised page after install announces nothing.
    expect((await bg.matchPage({ context: board })).announce).toBeUndefined();
    now += 60_000;
    const first = await bg.matchPage({ context: board });
    expect(first.announce).toBe('builtin-demo:t1');
    now += 3 * 3600_000;
    expect((await bg.matchPage({ context: board })).announce).toBeUndefined();
  });

  it('stays silent on a paused site', async () => {
    const bg = background(serve(catalog(['Plan a sprint on the board'])).fetchFn);
    await bg.setSitePaused({ host: 'acme.atlassian.net', paused: true });
    expect((await readSettings()).pausedSites).toEqual(['acme.atlassian.net']);
    expect((await bg.matchPage({ context: board })).matches).toEqual([]);
    await bg.setSitePaused({ host: 'acme.atlassian.net', paused: false });
    expect((await bg.matchPage({ context: board })).matches).toHaveLength(1);
  });

  it('answers a cold worker from the index snapshot without re-indexing the items', async () => {
    const bg = background(serve(catalog(['Plan a sprint on the board'])).fetchFn);
    const first = await bg.matchPage({ context: board });
    const db = await getDb();
    await vi.waitUntil(async () => (await db.get('meta', 'matchIndex')) !== undefined);
    // Take the items away: only the snapshot can answer now.
    await db.clear('items');
    await closeDb();
    const cold = await background(serve(catalog([])).fetchFn).matchPage({ context: board });
    expect(cold.matches.map((m) => m.item.id)).toEqual(first.matches.map((m) => m.item.id));
  });

  it('indexes the items again after a sync, before any page asks', async () => {
    const bg = background(
      serve(
        catalog(['Plan a sprint on the board']),
        catalog(['Plan a sprint on the board', 'Close a sprint']),
      ).fetchFn,
    );
    await bg.matchPage({ context: board });
    const db = await getDb();
    const stored = async () =>
      (await db.get('meta', 'matchIndex')) as { snapshot: { items: unknown[] } } | undefined;
    await vi.waitUntil(async () => (await stored()) !== undefined);
    expect((await stored())?.snapshot.items).toHaveLength(1);
    await bg.syncBuiltins();
    await vi.waitUntil(async () => (await stored())?.snapshot.items.length === 2, {
      timeout: 5000,
      interval: 50,
    });
  });

  it('brings the stored index up to date after a sync in a later worker life', async () => {
    const first = background(serve(catalog(['Plan a sprint on the board', 'Close a sprint'])).fetchFn);
    expect((await first.matchPage({ context: board })).matches.map((m) => m.item.title)).toContain(
      'Close a sprint',
    );
    const db = await getDb();
    await vi.waitUntil(async () => (await db.get('meta', 'matchIndex')) !== undefined);
    await closeDb();
    // A cold worker syncs: one title changed, one item gone, one new.
    const cold = background(
      serve(catalog(['Plan a sprint on the board', 'Estimate a sprint', 'Review the board'])).fetchFn,
    );
    await cold.syncBuiltins();
    const titles = (await cold.matchPage({ context: board })).matches.map((m) => m.item.title);
    expect(titles).toContain('Estimate a sprint');
    expect(titles).not.toContain('Close a sprint');
    // …and stores the index it made, for the next worker life.
    await vi.waitUntil(async () => {
      const stored = (await (await getDb()).get('meta', 'matchIndex')) as { snapshot: { items: unknown[] } };
      return stored.snapshot.items.length === 3;
    });
  });

  it('keeps one attention budget across tools over a working day of page views', async () => {
    const PAGES: Record<string, string> = {
      jira: 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1',
      github: 'https://github.com/acme/app/pulls',
      salesforce: 'https://acme.lightning.force.com/lightning/o/Opportunity/list',
      slack: 'https://app.slack.com/client/T01/C01',
    };
    const tools = Object.keys(PAGES);
    const FEATURES = [
      'kanban',
      'roadmaps',
      'insights',
      'automation',
      'templates',
      'approvals',
      'forecasts',
      'webhooks',
    ];
    const tips = JSON.stringify({
      version: 1,
      items: tools.flatMap((tool) =>
        FEATURES.map((feature, i) => ({
          id: `${tool}-${i}`,
          kind: 'tip',
          title: `Try ${feature} in ${tool}`,
          summary: `A new capability: ${feature}.`,
          url: `https://kb.example/${tool}/${i}`,
          tools: [tool],
          tags: [feature],
          updatedAt: '2026-10-01',
        })),
      ),
    });
    const start = new Date(2026, 10, 23, 8, 0).getTime(); // 08:00 local time
    let now = start;
    const bg = background(serve(tips).fetchFn, () => now);
    const announced: number[] = [];
    let offered = 0;
    for (let view = 0; view < 400; view++) {
      now = start + view * 90_000; // a page view every 90 s, 10 hours in all
      const tool = tools[view % tools.length] as string;
      const feature = FEATURES[Math.floor(view / tools.length) % FEATURES.length] as string;
      const context = { ...board, tool, url: PAGES[tool] as string, headings: [`Team ${feature}`] };
      const { matches, announce } = await bg.matchPage({ context });
      if (matches.some((m) => m.item.kind === 'tip')) offered++;
      if (announce) announced.push(now);
    }
    expect(offered).toBeGreaterThan(300); // tips were on offer on almost every page…
    expect(announced).toHaveLength(3); // …but only three announced themselves
    for (let i = 1; i < announced.length; i++) {
      expect((announced[i] as number) - (announced[i - 1] as number)).toBeGreaterThanOrEqual(60 * 60_000);
    }
  });
});

describe('settings the page obeys', () => {
  it('stays silent on a tool an admin switched off', async () => {
    const { bg } = optionsBackground();
    expect((await bg.matchPage({ context: board })).matches.length).toBeGreaterThan(0);
    await bg.saveSettings({ change: { disabledTools: ['jira'] } });
    const off = await bg.matchPage({ context: board });
    expect(off.matches).toEqual([]);
    // The page still learns which tool it is on (the popup says so).
    expect(off.tool?.id).toBe('jira');
  });

  it('detects the tool from the page’s address and hints, with the admin’s rules, not from what the page says', async () => {
    const { bg } = optionsBackground();
    const claimed = await bg.matchPage({ context: { ...board, tool: 'github', area: 'pulls' } });
    expect(claimed.tool).toEqual({ id: 'jira', name: 'Jira', area: 'board' });
    expect(claimed.matches.length).toBeGreaterThan(0);
    const elsewhere = await bg.matchPage({
      context: { ...board, url: 'https://www.example.com/jira/board' },
    });
    expect(elsewhere).toEqual({ tool: null, matches: [] });
    // A GitLab project and group look alike by address: the page's `data-page` tells them apart.
    const project = 'https://gitlab.com/acme/app';
    expect(
      (await bg.detectPage({ url: project, hints: { title: 'app', dataPage: 'projects:show' } })).tool,
    ).toEqual({
      id: 'gitlab',
      name: 'GitLab',
      area: 'repository',
    });
    expect((await bg.detectPage({ url: project })).tool).toEqual({ id: 'gitlab', name: 'GitLab' });
    // An admin rule (the options page also asks for the host's permission, which is not this test's).
    await updateSettings({
      toolRules: [{ tool: 'expenses', name: 'Expenses', matches: ['https://expenses.corp.example/*'] }],
    });
    expect((await bg.detectPage({ url: 'https://expenses.corp.example/claims/7' })).tool).toEqual({
      id: 'expenses',
      name: 'Expenses',
    });
  });

  it('turns down hints that are not a page’s', () => {
    const { handlers } = createBackground({ fetch: serve('').fetchFn, resolveBuiltin: (path) => path });
    expect(handlers.matchPage.validate({ context: board, hints: { title: 7 } })).toBeNull();
    expect(
      handlers.matchPage.validate({ context: board, hints: { title: '', dataPage: 'x'.repeat(500) } }),
    ).toBeNull();
    expect(handlers.detectPage.validate({ url: 'javascript:alert(1)' })).toBeNull();
    expect(
      handlers.detectPage.validate({
        url: 'https://gitlab.com/a',
        hints: { title: 'a', dataPage: 'groups:show' },
      }),
    ).toEqual({
      url: 'https://gitlab.com/a',
      hints: { title: 'a', dataPage: 'groups:show' },
    });
  });
});

describe('what the nudge asks besides its matches', () => {
  it('searches all knowledge for the nudge’s search field', async () => {
    const bg = background(serve(catalog(['Plan a sprint on the board', 'Close a sprint'])).fetchFn);
    const { hits } = await bg.searchKnowledge({ query: 'close sprint' });
    expect(hits[0]?.title).toBe('Close a sprint');
    const { handlers } = createBackground({ fetch: serve('').fetchFn, resolveBuiltin: (path) => path });
    expect(handlers.searchKnowledge.validate({ query: 'x'.repeat(10_000) })).toBeNull();
  });

  it('opens Signpost’s page in a new tab, with the words typed so far', async () => {
    const opened: string[] = [];
    const bg = createTestBackground({
      fetch: serve(catalog([])).fetchFn,
      resolveBuiltin: (path) => path,
      openPage: async (path) => void opened.push(path),
    });
    await bg.openSignpost({ query: 'close a sprint' });
    await bg.openSignpost({});
    expect(opened).toEqual(['popup.html?q=close%20a%20sprint', 'popup.html']);
    const { handlers } = createBackground({ fetch: serve('').fetchFn, resolveBuiltin: (path) => path });
    expect(handlers.openSignpost.validate({ query: 42 })).toBeNull();
  });

  it('injects the nudge’s UI only into the asking tab and frame', async () => {
    const injected: [number, number][] = [];
    const { handlers } = createBackground({
      fetch: serve('').fetchFn,
      resolveBuiltin: (path) => path,
      injectNudge: async (tabId, frameId) => void injected.push([tabId, frameId]),
    });
    // Nothing in the request can name another tab or frame.
    expect(handlers.loadNudge.validate({ tabId: 9 })).toBeNull();
    const request = handlers.loadNudge.validate({});
    expect(request).toEqual({});
    const page = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';
    await handlers.loadNudge.handle({}, { from: 'tab', url: page, tabId: 4, frameId: 2 });
    await handlers.loadNudge.handle({}, { from: 'tab', url: page, tabId: 5 });
    expect(injected).toEqual([
      [4, 2],
      [5, 0],
    ]);
    await expect(handlers.loadNudge.handle({}, { from: 'tab', url: page })).rejects.toThrow('no sender tab');
    const { handlers: withoutScripting } = createBackground({
      fetch: serve('').fetchFn,
      resolveBuiltin: (path) => path,
    });
    await expect(withoutScripting.loadNudge.handle({}, { from: 'tab', url: page, tabId: 4 })).rejects.toThrow(
      'cannot show the nudge here',
    );
  });

  it('puts the UI into the asking frame with its first answer that has something to show, and only then', async () => {
    const injected: [number, number][] = [];
    const { handlers } = createBackground({
      fetch: serve(catalog(['Plan a sprint on the board'])).fetchFn,
      resolveBuiltin: (path) => `chrome-extension://test/${path}`,
      injectNudge: async (tabId, frameId) => void injected.push([tabId, frameId]),
    });
    const caller = { from: 'tab' as const, url: board.url, tabId: 3, frameId: 1 };
    const ask = (payload: Record<string, unknown>) => {
      const request = handlers.matchPage.validate(payload);
      if (!request) throw new Error('refused');
      return handlers.matchPage.handle(request, caller);
    };
    expect((await ask({ context: board })).matches.length).toBeGreaterThan(0);
    expect(injected).toEqual([[3, 1]]);
    // A page that holds the UI already, or has nothing to show, gets none.
    await ask({ context: board, hasUi: true });
    await ask({
      context: { ...board, url: 'https://acme.atlassian.net/wiki/spaces/X' },
      hints: { title: 'X' },
    });
    await ask({ context: { ...board, url: 'https://www.example.com/' } });
    expect(injected).toEqual([[3, 1]]);
    expect(handlers.matchPage.validate({ context: board, hasUi: 'yes' })).toBeNull();
  });

  it('still answers when the UI cannot be injected: the page asks for it itself', async () => {
    const { handlers } = createBackground({
      fetch: serve(catalog(['Plan a sprint on the board'])).fetchFn,
      resolveBuiltin: (path) => `chrome-extension://test/${path}`,
      injectNudge: async () => {
        throw new Error('Cannot access contents of the page');
      },
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const request = handlers.matchPage.validate({ context: board });
    if (!request) throw new Error('refused');
    const answer = await handlers.matchPage.handle(request, { from: 'tab', url: board.url, tabId: 3 });
    expect(answer.matches.length).toBeGreaterThan(0);
    expect(warn).toHaveBeenCalledWith('Signpost: the nudge UI was not injected', expect.any(Error));
    warn.mockRestore();
  });
});
