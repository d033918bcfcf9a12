import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import type { KnowledgeItem, SourceConfig } from '@/utils/model';
import { SyncLimitError } from '@/utils/sources/types';
import { SYNC_BUDGET, syncBudget } from '@/utils/sync/budget';
import { type SyncDeps, syncSource } from '@/utils/sync/engine';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

/** A server that answers every request with an empty page and a fresh "next". */
function endless(page: (n: number) => unknown) {
  let requests = 0;
  const fetchFn = (async () => {
    requests++;
    return new Response(JSON.stringify(page(requests)), { headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetchFn, count: () => requests };
}

function deps(fetchFn: typeof fetch, extra: Partial<SyncDeps> = {}): SyncDeps {
  return { fetch: fetchFn, resolveBuiltin: (path) => path, sleep: async () => undefined, ...extra };
}

const GOOD: KnowledgeItem = {
  id: 'forum:1',
  sourceId: 'forum',
  kind: 'article',
  title: 'Kept from the last good sync',
  summary: '',
  url: 'https://forum.example/t/kept/1',
  tags: [],
  tools: [],
  updatedAt: 1,
};

describe('sync budget', () => {
  it('stops a Discourse forum that sends empty pages with a fresh next for ever, keeping the last good items', async () => {
    const source: SourceConfig = {
      id: 'forum',
      type: 'discourse',
      name: 'Forum',
      url: 'https://forum.example',
      builtin: false,
      tools: [],
    };
    const db = await getDb();
    await db.put('items', GOOD);
    const server = endless((n) => ({ topic_list: { topics: [], more_topics_url: `/latest?page=${n}` } }));
    const status = await syncSource(db, source, deps(server.fetchFn, { maxRequests: 40 }));
    expect(status.error).toMatch(/stopped after 40 requests, the limit for one sync/);
    expect(server.count()).toBe(40);
    expect(await db.getAllFromIndex('items', 'bySource', 'forum')).toEqual([GOOD]);
  });

  it('stops a MediaWiki whose allpages continues for ever on empty pages', async () => {
    const source: SourceConfig = {
      id: 'wiki',
      type: 'mediawiki',
      name: 'Wiki',
      url: 'https://wiki.example/w',
      builtin: false,
      tools: [],
    };
    const db = await getDb();
    const server = endless((n) => ({
      batchcomplete: true,
      query: { recentchanges: [], allpages: [] },
      continue: { apcontinue: `Page_${n}`, continue: '-||' },
    }));
    const status = await syncSource(db, source, deps(server.fetchFn, { maxRequests: 25 }));
    expect(status.error).toMatch(/stopped after 25 requests/);
    expect(server.count()).toBe(25);
  });

  it('stops at the deadline, whatever the number of requests', async () => {
    let clock = 0;
    const budget = syncBudget({ now: () => clock, deadlineMs: 1000 });
    const fetchFn = budget.wrap(async () => new Response('ok'));
    await fetchFn('https://x.example/1');
    clock = 1001;
    await expect(fetchFn('https://x.example/2')).rejects.toThrow(SyncLimitError);
    await expect(fetchFn('https://x.example/2')).rejects.toThrow(/stopped after 1 s, the limit for one sync/);
    expect(budget.requests).toBe(1);
  });

  it('has a default every adapter gets', () => {
    expect(SYNC_BUDGET).toEqual({ maxRequests: 3000, deadlineMs: 600_000 });
  });
});
