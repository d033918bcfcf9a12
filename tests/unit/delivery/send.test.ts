/** Sending flags to the webhook: the address in force for each entry, and no redirects followed. */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { newEntry, parseOutboxEntry } from '@/utils/delivery/outbox';
import { deliverDue, postOnce, type WebhookTarget } from '@/utils/delivery/send';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

const NOW = Date.UTC(2026, 11, 1, 10);
const flag = (key: string, createdAt: number) =>
  newEntry(
    {
      key,
      itemId: `kb:${key}`,
      title: `Item ${key}`,
      url: `https://kb.example/${key}`,
      sourceId: 'kb',
      reaction: { kind: 'flag', reason: 'outdated' },
      createdAt,
    },
    true,
    createdAt,
  );

describe('webhook delivery', () => {
  it('reads the webhook for every entry: a flag sent after the address changed goes to the new one', async () => {
    const db = await getDb();
    await db.put('outbox', flag('a', NOW - 2));
    await db.put('outbox', flag('b', NOW - 1));
    let target: WebhookTarget = { flagWebhook: 'https://old.example/hook', webhookFormat: 'generic' };
    const posts: string[] = [];
    const fetchFn = (async (url: RequestInfo | URL) => {
      posts.push(String(url));
      // The admin changes the webhook while the first flag is on its way.
      target = { flagWebhook: 'https://new.example/hook', webhookFormat: 'generic' };
      return new Response('ok');
    }) as typeof fetch;
    await deliverDue(db, async () => target, {
      fetch: fetchFn,
      now: () => NOW,
      extensionVersion: '1.0.0',
      schedule: () => undefined,
    });
    expect(posts).toEqual(['https://old.example/hook', 'https://new.example/hook']);
  });

  it('does not follow a redirect: the entry stays in the outbox with the reason', async () => {
    const inits: RequestInit[] = [];
    const fetchFn = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init ?? {});
      return new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } });
    }) as typeof fetch;
    const attempt = await postOnce({ fetch: fetchFn }, 'https://hooks.example/x', {}, '{}');
    expect(inits[0]?.redirect).toBe('manual');
    expect(attempt).toEqual({ ok: false, networkError: expect.stringMatching(/redirect \(HTTP 302\)/) });

    const db = await getDb();
    await db.put('outbox', flag('c', NOW));
    await deliverDue(db, async () => ({ flagWebhook: 'https://hooks.example/x', webhookFormat: 'generic' }), {
      fetch: fetchFn,
      now: () => NOW,
      extensionVersion: '1.0.0',
      schedule: () => undefined,
    });
    const entry = parseOutboxEntry(await db.get('outbox', 'c'));
    expect(entry).toMatchObject({ state: 'queued', attempts: 1 });
    expect(entry?.lastError).toMatch(/does not follow redirects/);
  });
});
