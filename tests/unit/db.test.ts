/** The IndexedDB schema moving forward: each released step kept, data kept across steps. */
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, DB_VERSION, getDb, readItems } from '@/utils/db';
import { newEntry } from '@/utils/delivery/outbox';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

/** A database as Signpost's version-4 schema left it (the stores of steps 1–4, as released). */
async function openVersion4() {
  return openDB(DB_NAME, 4, {
    upgrade(db) {
      db.createObjectStore('items', { keyPath: 'id' }).createIndex('bySource', 'sourceId');
      db.createObjectStore('sources', { keyPath: 'id' });
      db.createObjectStore('status', { keyPath: 'sourceId' });
      db.createObjectStore('feedback', { keyPath: 'itemId' });
      db.createObjectStore('events', { autoIncrement: true }).createIndex('byTime', 'at');
      db.createObjectStore('meta');
      db.createObjectStore('outbox', { keyPath: 'key' });
      db.createObjectStore('gaps', { keyPath: 'query' });
      db.createObjectStore('daily', { keyPath: ['day', 'tool', 'itemId'] }).createIndex('byDay', 'day');
      db.createObjectStore('dailyPacked', { keyPath: 'day' });
      db.createObjectStore('reports', { keyPath: 'day' });
    },
  });
}

const reaction = (key: string, itemId: string, kind: 'endorse' | 'flag') =>
  newEntry(
    {
      key,
      itemId,
      title: itemId,
      url: `https://kb.example/${itemId}`,
      sourceId: 'builtin-demo',
      reaction: kind === 'endorse' ? { kind } : { kind, reason: 'outdated' },
      createdAt: 1,
    },
    false,
    1,
  );

describe('the database', () => {
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
    await v1.put('items', {
      id: 'builtin-demo:tip',
      sourceId: 'builtin-demo',
      kind: 'tip',
      title: 'New: sprint insights',
      summary: '',
      url: 'https://kb.example/tip',
      tags: [],
      tools: ['jira'],
      updatedAt: 2,
    });
    await v1.put('status', { sourceId: 'builtin-demo', itemCount: 2, warnings: [], lastSuccessAt: 1 });
    v1.close();
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
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
    // Items stored before version 6 are in its kind index, which What's new reads.
    const demo = new Set(['builtin-demo']);
    expect((await readItems(db, demo, 'tip')).map((item) => item.id)).toEqual(['builtin-demo:tip']);
    expect((await readItems(db, demo)).map((item) => item.id).sort()).toEqual([
      'builtin-demo:old',
      'builtin-demo:tip',
    ]);
    expect(await readItems(db, new Set(['other']), 'tip')).toEqual([]);
  });

  it('moves a version 4 database forward, keeping its feedback and outbox, now indexed', async () => {
    const v4 = await openVersion4();
    await v4.put('feedback', { itemId: 'voted', vote: 'helpful', views: 1, updatedAt: 1 });
    await v4.put('feedback', { itemId: 'gone', dismissed: true, views: 0, updatedAt: 1 });
    await v4.put('feedback', { itemId: 'snoozed', snoozedUntil: 5000, views: 0, updatedAt: 1 });
    await v4.put('feedback', { itemId: 'seen', views: 2, updatedAt: 1 });
    await v4.put('outbox', reaction('k1', 'good', 'endorse'));
    await v4.put('outbox', reaction('k2', 'bad', 'flag'));
    v4.close();

    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect((await db.getAll('feedback')).map((record) => record.itemId).sort()).toEqual([
      'gone',
      'seen',
      'snoozed',
      'voted',
    ]);
    expect((await db.getAll('outbox')).map((entry) => entry.key).sort()).toEqual(['k1', 'k2']);
    const keys = async (index: 'byVote' | 'bySnooze' | 'byDismissed') =>
      (await db.getAllFromIndex('feedback', index)).map((record) => record.itemId);
    expect(await keys('byVote')).toEqual(['voted']);
    expect(await keys('bySnooze')).toEqual(['snoozed']);
    // The dismissal recorded before the upgrade is found by the new index.
    expect(await keys('byDismissed')).toEqual(['gone']);
    expect(
      (await db.getAllFromIndex('feedback', 'byViews', IDBKeyRange.lowerBound(2))).map((r) => r.itemId),
    ).toEqual(['seen']);
    expect((await db.getAllFromIndex('outbox', 'byReaction', 'endorse')).map((entry) => entry.key)).toEqual([
      'k1',
    ]);
  });
});
