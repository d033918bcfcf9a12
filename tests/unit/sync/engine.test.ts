import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import type { SourceConfig } from '@/utils/model';
import { type SyncDeps, syncSource } from '@/utils/sync/engine';

const RSS = new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/feeds/rss2.xml')));
const FEED: SourceConfig = {
  id: 'news',
  type: 'feed',
  name: 'IT news',
  url: 'https://kb.example/feed.xml',
  builtin: false,
  tools: ['jira'],
};

interface Served {
  status?: number;
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  error?: Error;
  url?: string;
}

/** A fake network: answers in turn (the last repeats) and records each request. */
function network(...answers: Served[]) {
  const requests: { url: string; headers: Headers; redirect?: RequestRedirect }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(input), headers: new Headers(init?.headers), redirect: init?.redirect });
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)] ?? {};
    if (answer.error) throw answer.error;
    const response = new Response(answer.status === 304 ? null : (answer.body ?? ''), {
      status: answer.status ?? 200,
      headers: answer.headers,
    });
    if (answer.url) {
      Object.defineProperty(response, 'url', { value: answer.url });
      Object.defineProperty(response, 'redirected', { value: true });
    }
    return response;
  }) as typeof fetch;
  return { fetchFn, requests };
}

function deps(fetchFn: typeof fetch, extra: Partial<SyncDeps> = {}): SyncDeps {
  return { fetch: fetchFn, resolveBuiltin: (path) => path, sleep: async () => undefined, ...extra };
}

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('sync engine', () => {
  it('syncs a feed, then asks conditionally and keeps everything on 304', async () => {
    const net = network(
      { body: RSS, headers: { etag: '"v1"', 'content-type': 'application/rss+xml' } },
      { status: 304 },
    );
    const db = await getDb();
    const first = await syncSource(db, FEED, deps(net.fetchFn));
    expect(first.error).toBeUndefined();
    expect(first.itemCount).toBeGreaterThan(0);
    const items = await db.getAllFromIndex('items', 'bySource', 'news');
    expect(items).toHaveLength(first.itemCount);
    for (const item of items) {
      expect(item.tools).toContain('jira');
      expect(item.summary).not.toMatch(/<[a-z]/i);
    }
    const second = await syncSource(db, FEED, deps(net.fetchFn));
    expect(net.requests[1]?.headers.get('if-none-match')).toBe('"v1"');
    expect(second.itemCount).toBe(first.itemCount);
    expect(await db.getAllFromIndex('items', 'bySource', 'news')).toHaveLength(first.itemCount);
  });

  it.each([
    ['garbage', { body: 'this is not a feed at all' }, /not a feed|neither XML nor JSON/i],
    ['a server error', { status: 500 }, /500/],
    ['a redirect to another host', { body: RSS, url: 'https://elsewhere.example/feed.xml' }, /another host/],
    ['a body over the limit', { body: new Uint8Array(2_000_001) }, /larger than/],
    ['a dropped connection', { error: new TypeError('network error') }, /network error/],
  ] as const)('keeps the last good items on %s, and says why', async (_, answer, reason) => {
    const db = await getDb();
    const good = await syncSource(db, FEED, deps(network({ body: RSS }).fetchFn));
    const bad = await syncSource(db, FEED, deps(network(answer).fetchFn, { maxBytes: 2_000_000 }));
    expect(bad.error).toMatch(reason);
    expect(bad.itemCount).toBe(good.itemCount);
    expect(await db.getAllFromIndex('items', 'bySource', 'news')).toHaveLength(good.itemCount);
  });

  it('records the last attempt, the last good sync and since when it fails', async () => {
    const db = await getDb();
    let clock = 1_000;
    const at = { now: () => clock };
    const good = await syncSource(db, FEED, deps(network({ body: RSS }).fetchFn, at));
    expect(good).toMatchObject({ lastSyncAt: 1_000, lastSuccessAt: 1_000 });
    expect(good.failingSince).toBeUndefined();
    clock = 2_000;
    const down = network({ status: 404 });
    const first = await syncSource(db, FEED, deps(down.fetchFn, at));
    expect(first).toMatchObject({ lastSyncAt: 2_000, lastSuccessAt: 1_000, failingSince: 2_000 });
    clock = 3_000;
    const second = await syncSource(db, FEED, deps(down.fetchFn, at));
    // The streak began at the first failure; the attempt moves on.
    expect(second).toMatchObject({ lastSyncAt: 3_000, lastSuccessAt: 1_000, failingSince: 2_000 });
    clock = 4_000;
    const back = await syncSource(db, FEED, deps(network({ body: RSS }).fetchFn, at));
    expect(back).toMatchObject({ lastSyncAt: 4_000, lastSuccessAt: 4_000 });
    expect(back.failingSince).toBeUndefined();
    expect((await db.get('status', 'news'))?.failingSince).toBeUndefined();
  });

  it('retries 503 and 429 (respecting Retry-After), then succeeds', async () => {
    const waits: number[] = [];
    const net = network({ status: 503 }, { status: 429, headers: { 'retry-after': '7' } }, { body: RSS });
    const db = await getDb();
    const status = await syncSource(
      db,
      FEED,
      deps(net.fetchFn, { sleep: async (ms) => void waits.push(ms) }),
    );
    expect(status.error).toBeUndefined();
    expect(net.requests).toHaveLength(3);
    expect(waits[1]).toBe(7000);
  });

  it('gives up after three attempts and does not retry a 401', async () => {
    const db = await getDb();
    const busy = network({ status: 503 });
    expect((await syncSource(db, FEED, deps(busy.fetchFn))).error).toMatch(/503/);
    expect(busy.requests).toHaveLength(3);
    const denied = network({ status: 401 });
    expect((await syncSource(db, FEED, deps(denied.fetchFn))).error).toMatch(/401.*credentials/);
    expect(denied.requests).toHaveLength(1);
  });

  it('sends credentials to the source only, and then follows no redirect', async () => {
    const net = network({ body: RSS });
    const db = await getDb();
    await syncSource(
      db,
      FEED,
      deps(net.fetchFn, { auth: async () => ({ kind: 'bearer', token: 's3cret' }) }),
    );
    expect(net.requests[0]?.headers.get('authorization')).toBe('Bearer s3cret');
    expect(net.requests[0]?.redirect).toBe('manual');
    const status = await db.get('status', 'news');
    expect(JSON.stringify(status)).not.toContain('s3cret');
  });

  it('runs one sync per source at a time', async () => {
    const net = network({ body: RSS });
    const db = await getDb();
    const [a, b] = await Promise.all([
      syncSource(db, FEED, deps(net.fetchFn)),
      syncSource(db, FEED, deps(net.fetchFn)),
    ]);
    expect(a).toBe(b);
    expect(net.requests).toHaveLength(1);
  });

  it('gives up on a server that never answers, and on one that closes mid-body, keeping the items', async () => {
    const db = await getDb();
    const good = await syncSource(db, FEED, deps(network({ body: RSS }).fetchFn));
    const hanging = (async (_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as typeof fetch;
    const hung = await syncSource(db, FEED, deps(hanging, { timeoutMs: 50 }));
    expect(hung.error).toMatch(/no answer from kb\.example within/);
    const cut = (async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('<rss><channel><item><title>half'));
            controller.error(new TypeError('connection closed'));
          },
        }),
      )) as typeof fetch;
    const closed = await syncSource(db, FEED, deps(cut));
    expect(closed.error).toMatch(/connection closed/);
    expect(await db.getAllFromIndex('items', 'bySource', 'news')).toHaveLength(good.itemCount);
  });
});
