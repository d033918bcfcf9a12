/** The champion’s handlers: flags and endorsements queued, delivered and ranked. */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME } from '@/utils/db';
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
});
