/** The champion’s handlers: flags and endorsements queued, delivered and ranked. */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { CONTENT_REQUEST } from '@/utils/delivery/outbox';
import { createBackground } from '@/utils/handlers';
import { updateSettings } from '@/utils/settings/settings';
import { JIRA_BOARD as board } from '../contexts';
import { background, catalog, createTestBackground, serve } from './harness';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('the champion handlers', () => {
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
    const bg = createTestBackground({
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
    const queued = await createTestBackground({
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
    const bg = background(serve(catalog(['Plan a sprint on the board', 'Sprint board basics'])).fetchFn);
    const before = (await bg.matchPage({ context: board })).matches.map((m) => m.item.id);
    const last = before[before.length - 1] ?? '';
    await bg.react({ itemId: last, reaction: { kind: 'endorse' } });
    const after = (await bg.matchPage({ context: board })).matches.map((m) => m.item.id);
    expect(after[0]).toBe(last);
    await updateSettings({ role: 'employee' });
    expect((await bg.listActivity()).champion).toBe(false);
    await expect(bg.react({ itemId: last, reaction: { kind: 'endorse' } })).rejects.toThrow(/champions/);
  });

  it('answers a search with the terms each hit matched, and lists only the tools that have content', async () => {
    const bg = background(serve(catalog(['Plan a sprint on the board', 'Close a sprint'])).fetchFn);
    await bg.matchPage({ context: board });
    const { hits, matched } = await bg.searchItems({ query: 'planning sprints' });
    expect(hits.length).toBeGreaterThan(0);
    const first = hits[0]?.id ?? '';
    expect(matched[first]).toEqual(expect.arrayContaining(['sprint']));
    expect(Object.keys(matched).sort()).toEqual(hits.map((hit) => hit.id).sort());
    expect(await bg.listContentTools()).toEqual({ tools: ['jira'] });
  });

  it("finds an item through the organisation's own term, in every search, and counts no gap for it", async () => {
    const bg = background(
      serve(catalog(['Look up values with XLOOKUP', 'Plan a sprint on the board'])).fetchFn,
    );
    const gaps = async () => (await (await getDb()).getAll('gaps')).map((gap) => gap.query);
    expect((await bg.searchItems({ query: 'fandango' })).hits).toEqual([]);
    await bg.recordGap({ query: 'Fandango' });
    expect(await gaps()).toEqual(['fandango']);

    await bg.saveSettings({ change: { searchTerms: { terms: { XLOOKUP: ['Fandango'] } } } });
    const { hits } = await bg.searchItems({ query: 'fandango' });
    expect(hits.map((hit) => hit.title)).toEqual(['Look up values with XLOOKUP']);
    expect((await bg.searchKnowledge({ query: 'fandango' })).hits.map((hit) => hit.id)).toEqual([
      hits[0]?.id,
    ]);
    expect((await bg.search('fandango')).map((hit) => hit.id)).toEqual([hits[0]?.id]);
    await bg.recordGap({ query: 'fandango' });
    // Found now, so not a gap: the count stays at the one from before the term.
    expect(await (await getDb()).get('gaps', 'fandango')).toMatchObject({ count: 1 });
  });

  it("uses a policy's terms beside the admin's own, the policy's winning for the same term", async () => {
    const bg = background(
      serve(catalog(['Look up values with XLOOKUP', 'Connect with GlobalProtect'])).fetchFn,
    );
    await bg.saveSettings({
      change: { searchTerms: { terms: { xlookup: ['Fandango'], VPN: ['GlobalProtect'] } } },
    });
    await fakeBrowser.storage.managed.set({ searchTerms: { terms: { XLOOKUP: ['Tango'], HR: [] } } });
    const titles = async (query: string) => (await bg.searchItems({ query })).hits.map((hit) => hit.title);
    expect(await titles('tango')).toEqual(['Look up values with XLOOKUP']);
    expect(await titles('fandango')).toEqual([]);
    // The admin's own term that the policy does not name still applies.
    expect(await titles('vpn')).toEqual(['Connect with GlobalProtect']);
    expect((await bg.getPolicy()).problems).toEqual([
      'searchTerms: terms."HR": must be a list of at least one other word',
    ]);
  });

  it('requests missing content as a flag of no item, and sends the words to the owners', async () => {
    const posts: Record<string, unknown>[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).startsWith('chrome-extension://')) return new Response(catalog(['Plan a sprint']));
      posts.push(JSON.parse(String(init?.body)));
      return new Response('ok');
    }) as typeof fetch;
    const deps = { fetch: fetchFn, resolveBuiltin: (path: string) => `chrome-extension://test/${path}` };
    const bg = createTestBackground({ ...deps, newKey: () => 'request-1' });
    const { validate } = createBackground(deps).handlers.requestContent;
    expect(validate({ title: '  expense   mileage ' })).toEqual({ title: 'expense mileage' });
    expect(validate({ title: '   ' })).toBeNull();
    expect(validate({ title: 'x'.repeat(201) })).toBeNull();

    await bg.saveWebhook({ url: 'https://hooks.example/flags', format: 'generic' });
    await bg.requestContent({ title: 'expense mileage', comment: 'Asked twice this week' });
    await bg.deliver();
    const activity = await bg.listActivity();
    expect(activity.entries[0]).toMatchObject({
      key: 'request-1',
      itemId: CONTENT_REQUEST,
      title: 'expense mileage',
      url: '',
      state: 'sent',
      reaction: { kind: 'flag', reason: 'missing', missingTitle: 'expense mileage' },
    });
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      type: 'signpost.flag',
      reason: 'missing',
      missingTitle: 'expense mileage',
      comment: 'Asked twice this week',
      item: { url: '' },
    });
  });

  it('withdraws an endorsement: unsent it never leaves, and its ranking boost goes at once', async () => {
    let key = 0;
    const bg = createTestBackground({
      fetch: serve(catalog(['Plan a sprint on the board', 'Sprint board basics'])).fetchFn,
      resolveBuiltin: (path) => `chrome-extension://test/${path}`,
      newKey: () => `key-${++key}`,
    });
    const before = (await bg.matchPage({ context: board })).matches.map((m) => m.item.id);
    const last = before[before.length - 1] ?? '';
    const endorsed = await bg.react({ itemId: last, reaction: { kind: 'endorse' } });
    expect(endorsed.entries.map((entry) => entry.state)).toEqual(['local']);
    expect((await bg.matchPage({ context: board })).matches[0]?.item.id).toBe(last);

    const { activity, reachedOwners } = await bg.withdrawReaction({ key: 'key-1' });
    expect(reachedOwners).toBe(false);
    expect(activity.entries).toEqual([]);
    expect((await bg.matchPage({ context: board })).matches.map((m) => m.item.id)).toEqual(before);
    await expect(bg.withdrawReaction({ key: 'key-1' })).rejects.toThrow(/no such/);
  });

  it('says when a withdrawn endorsement had already reached the owners', async () => {
    const fetchFn = (async (input: RequestInfo | URL) =>
      String(input).startsWith('chrome-extension://')
        ? new Response(catalog(['Plan a sprint on the board']))
        : new Response('ok')) as typeof fetch;
    const bg = createTestBackground({
      fetch: fetchFn,
      resolveBuiltin: (path) => `chrome-extension://test/${path}`,
      newKey: () => 'sent-1',
    });
    const itemId = (await bg.matchPage({ context: board })).matches[0]?.item.id ?? '';
    await bg.saveWebhook({ url: 'https://hooks.example/flags', format: 'generic' });
    await bg.react({ itemId, reaction: { kind: 'endorse' } });
    await bg.deliver();
    expect((await bg.listActivity()).entries[0]?.state).toBe('sent');
    const { activity, reachedOwners } = await bg.withdrawReaction({ key: 'sent-1' });
    expect(reachedOwners).toBe(true);
    expect(activity.entries).toEqual([]);
  });
});

describe('suggestFix', () => {
  it('queues an edit with the cached item as "before", delivers it, and keeps a new tip without page data', async () => {
    const posts: string[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).startsWith('chrome-extension://'))
        return new Response(catalog(['Plan a sprint on the board']));
      posts.push(String(init?.body));
      return new Response('ok');
    }) as typeof fetch;
    let key = 0;
    const bg = createTestBackground({
      fetch: fetchFn,
      resolveBuiltin: (path) => `chrome-extension://test/${path}`,
      newKey: () => `s-${++key}`,
    });
    const { matches } = await bg.matchPage({ context: board });
    const item = matches[0]?.item;
    if (!item) throw new Error('no match');
    await bg.saveWebhook({ url: 'https://hooks.example/flags', format: 'generic' });

    await expect(
      bg.suggestFix({
        suggestion: { mode: 'edit', itemId: item.id, title: item.title, summary: item.summary },
      }),
    ).rejects.toThrow(/nothing was changed/);
    await bg.suggestFix({
      suggestion: {
        mode: 'edit',
        itemId: item.id,
        title: 'Plan a sprint',
        summary: 'Drag issues into the sprint.',
      },
    });
    const activity = await bg.suggestFix({
      suggestion: {
        mode: 'new',
        tool: 'jira',
        area: 'board',
        title: 'Filter by assignee',
        summary: 'Press Q.',
      },
    });
    await bg.deliverNow();
    expect(activity.entries.map((entry) => entry.reaction.kind)).toEqual(['suggest', 'suggest']);
    const bodies = posts.map((body) => JSON.parse(body));
    expect(bodies.find((body) => body.mode === 'edit')).toMatchObject({
      before: { title: item.title, summary: item.summary },
      after: { title: 'Plan a sprint', summary: 'Drag issues into the sprint.' },
      item: { id: item.id },
    });
    const tip = bodies.find((body) => body.mode === 'new');
    expect(tip).toMatchObject({ tool: 'jira', area: 'board', tip: { title: 'Filter by assignee' } });
    expect(JSON.stringify(tip)).not.toContain(board.url);
    expect((await bg.listActivity()).entries.every((entry) => entry.state === 'sent')).toBe(true);

    await updateSettings({ role: 'employee' });
    await expect(
      bg.suggestFix({ suggestion: { mode: 'new', tool: 'jira', title: 'T', summary: 'S' } }),
    ).rejects.toThrow(/champions/);
  });
});
