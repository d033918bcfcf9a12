import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { createService } from '@/utils/service';
import { readSettings } from '@/utils/settings/settings';
import { DEMO_SOURCE } from '@/utils/sync/engine';
import { JIRA_BOARD } from './contexts';

const catalog = (titles: string[]) =>
  JSON.stringify({
    version: 1,
    items: titles.map((title, i) => ({
      id: `i${i}`,
      kind: 'article',
      title,
      summary: `${title}: how to do it well.`,
      url: `https://kb.example/${i}`,
      tools: ['jira'],
      tags: ['board', 'sprint'],
      updatedAt: '2026-10-01',
    })),
  });

const board = JIRA_BOARD;

/** A fetch that serves the given bodies in turn (the last one repeats); `Error` bodies fail. */
function serve(...bodies: (string | Error)[]) {
  const calls: string[] = [];
  const fetchFn = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    const body = bodies[Math.min(calls.length - 1, bodies.length - 1)];
    if (body instanceof Error) throw body;
    return new Response(body, { status: 200 });
  }) as typeof fetch;
  return { fetchFn, calls };
}

function service(fetchFn: typeof fetch, now?: () => number) {
  return createService({
    fetch: fetchFn,
    resolveBuiltin: (path) => `chrome-extension://test/${path}`,
    ...(now ? { now } : {}),
  });
}

const tipCatalog = JSON.stringify({
  version: 1,
  items: ['Plan a sprint on the board', 'New: sprint insights on the board'].map((title, i) => ({
    id: `t${i}`,
    kind: i ? 'tip' : 'article',
    title,
    summary: title,
    url: `https://kb.example/${i}`,
    tools: ['jira'],
    tags: ['board', 'sprint'],
    updatedAt: '2026-10-01',
  })),
});

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('background service', () => {
  it('loads the built-in catalog on first use and answers from the cache', async () => {
    const { fetchFn, calls } = serve(catalog(['Plan a sprint on the board', 'Close a sprint']));
    const bg = service(fetchFn);
    const { matches } = await bg.matchPage({ context: board });
    expect(calls).toEqual(['chrome-extension://test/catalog/demo.json']);
    expect(matches.map((m) => m.item.title)).toContain('Plan a sprint on the board');
    expect(matches[0]?.item.id).toMatch(/^builtin-demo:/);
    // A second worker life reads IndexedDB and does not fetch again.
    await closeDb();
    await service(fetchFn).matchPage({ context: board });
    expect(calls).toHaveLength(1);
  });

  it('shows nothing from the demo content once it is switched off', async () => {
    const bg = service(serve(catalog(['Plan a sprint on the board'])).fetchFn);
    expect((await bg.matchPage({ context: board })).matches).not.toHaveLength(0);
    const { sources } = await bg.setSourceEnabled({ sourceId: DEMO_SOURCE.id, enabled: false });
    expect(sources.find((s) => s.id === DEMO_SOURCE.id)?.enabled).toBe(false);
    expect((await bg.matchPage({ context: board })).matches).toEqual([]);
  });

  it('keeps the last good items when a sync fails, and records why', async () => {
    const bg = service(serve(catalog(['Plan a sprint on the board']), 'not json {').fetchFn);
    await bg.matchPage({ context: board });
    await bg.syncBuiltins();
    const { sources } = await bg.listSources();
    const demo = sources.find((s) => s.id === DEMO_SOURCE.id);
    expect(demo?.status.error).toMatch(/not valid JSON/);
    expect(demo?.status.itemCount).toBe(1);
    expect((await bg.matchPage({ context: board })).matches).toHaveLength(1);
  });

  it('drops corrupt cached records instead of failing', async () => {
    const bg = service(serve(catalog(['Plan a sprint on the board'])).fetchFn);
    await bg.listSources();
    const db = await getDb();
    await db.put('items', {
      id: 'builtin-demo:bad',
      sourceId: 'builtin-demo',
      url: 'javascript:alert(1)',
    } as never);
    await closeDb();
    const { matches } = await service(serve(catalog([])).fetchFn).matchPage({ context: board });
    expect(matches.map((m) => m.item.id)).toEqual(['builtin-demo:i0']);
    expect(await (await getDb()).get('items', 'builtin-demo:bad')).toBeUndefined();
  });

  it('rebuilds a database left by a newer version instead of dying', async () => {
    const newer = await openDB(DB_NAME, 99, { upgrade: (db) => void db.createObjectStore('future') });
    newer.close();
    const { matches } = await service(serve(catalog(['Plan a sprint on the board'])).fetchFn).matchPage({
      context: board,
    });
    expect(matches).toHaveLength(1);
  });

  it('refuses to switch a source that does not exist', async () => {
    const bg = service(serve(catalog([])).fetchFn);
    await expect(bg.setSourceEnabled({ sourceId: 'nope', enabled: false })).rejects.toThrow(/no source/);
  });

  it('remembers votes, dismissals and snoozes, and records events without page URLs', async () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const bg = service(serve(catalog(['Plan a sprint on the board', 'Close a sprint'])).fetchFn, () => now);
    const first = await bg.matchPage({ context: board });
    expect(first.matches).toHaveLength(2);
    const [a, b] = first.matches.map((m) => m.item.id) as [string, string];
    await bg.recordAction({ itemId: a, action: 'helpful', tool: 'jira', area: 'board' });
    await bg.recordAction({ itemId: b, action: 'dismiss', tool: 'jira', area: 'board' });
    await closeDb();
    const again = await service(serve(catalog([])).fetchFn, () => now).matchPage({ context: board });
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

  it('announces a current tip once, within the budget', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const bg = service(serve(tipCatalog).fetchFn, () => now);
    const first = await bg.matchPage({ context: board });
    expect(first.announce).toBe('builtin-demo:t1');
    now += 3 * 3600_000;
    expect((await bg.matchPage({ context: board })).announce).toBeUndefined();
  });

  it('stays silent on a paused site', async () => {
    const bg = service(serve(catalog(['Plan a sprint on the board'])).fetchFn);
    await bg.setSitePaused('acme.atlassian.net', true);
    expect((await readSettings()).pausedSites).toEqual(['acme.atlassian.net']);
    expect((await bg.matchPage({ context: board })).matches).toEqual([]);
    await bg.setSitePaused('acme.atlassian.net', false);
    expect((await bg.matchPage({ context: board })).matches).toHaveLength(1);
  });

  it('moves a version 1 database forward, keeping its items', async () => {
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('items', { keyPath: 'id' }).createIndex('bySource', 'sourceId');
        db.createObjectStore('sources', { keyPath: 'id' });
        db.createObjectStore('status', { keyPath: 'sourceId' });
      },
    });
    await v1.put('items', {
      id: 'builtin-demo:old',
      sourceId: 'builtin-demo',
      kind: 'article',
      title: 'Plan a sprint on the board',
      summary: '',
      url: 'https://kb.example/old',
      tags: ['sprint'],
      tools: ['jira'],
      updatedAt: 1,
    });
    await v1.put('status', { sourceId: 'builtin-demo', itemCount: 1, warnings: [], lastSuccessAt: 1 });
    v1.close();
    const db = await getDb();
    expect(db.version).toBe(4);
    expect([...db.objectStoreNames].sort()).toEqual([
      'daily',
      'dailyPacked',
      'events',
      'feedback',
      'gaps',
      'items',
      'meta',
      'outbox',
      'reports',
      'sources',
      'status',
    ]);
    expect(await db.get('items', 'builtin-demo:old')).toBeDefined();
  });

  it('queues a flag before answering, delivers it once through failures, and keeps it local without a webhook', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const posts: { key: string; body: string }[] = [];
    let failures = 2;
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).startsWith('chrome-extension://'))
        return new Response(catalog(['Plan a sprint on the board']));
      const key = new Headers(init?.headers).get('idempotency-key') ?? '';
      if (failures-- > 0) return new Response('busy', { status: 503 });
      posts.push({ key, body: String(init?.body) });
      return new Response('ok');
    }) as typeof fetch;
    const wakeUps: (number | null)[] = [];
    const bg = createService({
      fetch: fetchFn,
      resolveBuiltin: (path) => `chrome-extension://test/${path}`,
      now: () => now,
      newKey: () => 'key-1',
      scheduleDelivery: (when) => void wakeUps.push(when),
    });
    const { matches } = await bg.matchPage({ context: board });
    const itemId = matches[0]?.item.id ?? '';

    // Without a webhook the flag stays local.
    const local = await bg.react({ itemId, reaction: { kind: 'flag', reason: 'outdated' } });
    expect(local.webhook).toBe(false);
    expect(local.entries[0]?.state).toBe('local');

    await bg.saveWebhook({ url: 'https://hooks.example/flags', format: 'generic' });
    const queued = await createService({
      fetch: fetchFn,
      resolveBuiltin: (path) => `chrome-extension://test/${path}`,
      now: () => now,
      newKey: () => 'key-2',
      scheduleDelivery: (when) => void wakeUps.push(when),
    }).react({ itemId, reaction: { kind: 'flag', reason: 'incorrect', comment: 'Step 3 is wrong' } });
    expect(queued.entries.find((e) => e.key === 'key-2')?.state).toMatch(/queued|sending/);
    await bg.deliver(); // joins the attempt started by react(): 503
    let activity = await bg.deliverNow(); // 503 again
    expect(activity.entries.find((e) => e.key === 'key-2')?.state).toBe('queued');
    expect(activity.entries.find((e) => e.key === 'key-2')?.lastError).toMatch(/503/);
    now += 60_000;
    activity = await bg.deliverNow();
    expect(activity.entries.find((e) => e.key === 'key-2')?.state).toBe('sent');
    activity = await bg.deliverNow();
    expect(posts.map((p) => p.key)).toEqual(['key-2']);
    expect(JSON.parse(posts[0]?.body ?? '{}')).toMatchObject({
      reason: 'incorrect',
      comment: 'Step 3 is wrong',
    });
    expect(activity.entries.find((e) => e.key === 'key-1')?.state).toBe('local');
    expect(wakeUps.some((when) => typeof when === 'number')).toBe(true);
  });

  it('ranks an endorsed item higher at once and hides endorse and flag for employees', async () => {
    const bg = service(serve(catalog(['Plan a sprint on the board', 'Sprint board basics'])).fetchFn);
    const before = (await bg.matchPage({ context: board })).matches.map((m) => m.item.id);
    const last = before[before.length - 1] ?? '';
    await bg.react({ itemId: last, reaction: { kind: 'endorse' } });
    const after = (await bg.matchPage({ context: board })).matches.map((m) => m.item.id);
    expect(after[0]).toBe(last);
    await fakeBrowser.storage.local.set({ settings: { version: 1, role: 'employee' } });
    expect((await bg.listActivity()).champion).toBe(false);
    await expect(bg.react({ itemId: last, reaction: { kind: 'endorse' } })).rejects.toThrow(/champions/);
  });

  it('answers a cold worker from the index snapshot without re-indexing the items', async () => {
    const bg = service(serve(catalog(['Plan a sprint on the board'])).fetchFn);
    const first = await bg.matchPage({ context: board });
    const db = await getDb();
    await vi.waitUntil(async () => (await db.get('meta', 'matchIndex')) !== undefined);
    // Take the items away: only the snapshot can answer now.
    await db.clear('items');
    await closeDb();
    const cold = await service(serve(catalog([])).fetchFn).matchPage({ context: board });
    expect(cold.matches.map((m) => m.item.id)).toEqual(first.matches.map((m) => m.item.id));
  });

  it('keeps one attention budget across tools over a working day of page views', async () => {
    const tools = ['jira', 'github', 'salesforce', 'slack'];
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
    const bg = service(serve(tips).fetchFn, () => now);
    const announced: number[] = [];
    let offered = 0;
    for (let view = 0; view < 400; view++) {
      now = start + view * 90_000; // a page view every 90 s, 10 hours in all
      const tool = tools[view % tools.length] as string;
      const feature = FEATURES[Math.floor(view / tools.length) % FEATURES.length] as string;
      const context = { ...board, tool, url: `https://example.com/${tool}`, headings: [`Team ${feature}`] };
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

  it("keeps an own source's credentials apart, sends them only to it, and removes everything on remove", async () => {
    const requests: { url: string; auth: string | null }[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      requests.push({ url, auth: new Headers(init?.headers).get('authorization') });
      if (url.startsWith('chrome-extension://')) return new Response(catalog(['Plan a sprint on the board']));
      return new Response(catalog(['Team sprint rules']), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const bg = service(fetchFn);
    const source = {
      id: 'team',
      type: 'catalog',
      name: 'Team',
      url: 'https://kb.corp.example/team.json',
      tools: ['jira'],
    };
    const { sources } = await bg.saveSource({ source, auth: { kind: 'bearer', token: 's3cret' } });
    expect(sources.find((s) => s.id === 'team')).toMatchObject({ origin: 'own', status: { itemCount: 1 } });
    expect(JSON.stringify(sources)).not.toContain('s3cret');
    const stored = await fakeBrowser.storage.local.get(['settings', 'sourceSecrets']);
    expect(JSON.stringify(stored.settings)).not.toContain('s3cret');
    expect(stored.sourceSecrets).toEqual({ team: { kind: 'bearer', token: 's3cret' } });
    expect(requests.find((r) => r.url.startsWith('https://kb.corp.example'))?.auth).toBe('Bearer s3cret');
    expect(
      requests.filter((r) => !r.url.startsWith('https://kb.corp.example')).every((r) => r.auth === null),
    ).toBe(true);

    const after = await bg.removeSource({ sourceId: 'team' });
    expect(after.sources.some((s) => s.id === 'team')).toBe(false);
    expect((await fakeBrowser.storage.local.get('sourceSecrets')).sourceSecrets).toEqual({});
    expect(await (await getDb()).getAllFromIndex('items', 'bySource', 'team')).toEqual([]);
  });
});
