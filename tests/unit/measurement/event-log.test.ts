import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, DB_NAME, DB_VERSION, type Db, getDb } from '@/utils/db';
import { packDay, unpackDay } from '@/utils/measurement/daily';
import { dayOf } from '@/utils/measurement/days';
import {
  compactEvents,
  packFinishedDays,
  readDailyRows,
  readPackedDays,
  recordEvents,
  storageProblem,
} from '@/utils/measurement/event-log';
import { makeEvent } from '@/utils/measurement/events';
import { computeFigures } from '@/utils/measurement/figures';

const DAY = 24 * 3600_000;
const NOW = new Date(2026, 11, 1, 12).getTime();

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('the event log', () => {
  it('writes each event raw and into its daily aggregate in one go', async () => {
    const db = await getDb();
    await recordEvents(db, [
      makeEvent('impression', NOW, 'jira', 'board', 'kb:1', 'article'),
      makeEvent('impression', NOW, 'jira', 'board', 'kb:1', 'article'),
      makeEvent('open', NOW, 'jira', 'board', 'kb:1', 'article'),
    ]);
    await recordEvents(db, [makeEvent('impression', NOW + 1000, 'jira', 'issue', 'kb:1', 'article')]);
    expect(await db.count('events')).toBe(4);
    expect(await readDailyRows(db, dayOf(NOW), dayOf(NOW))).toEqual([
      { day: dayOf(NOW), tool: 'jira', itemId: 'kb:1', kind: 'article', counts: { impression: 3, open: 1 } },
    ]);
  });

  it('compacts raw events after 30 days and aggregates after 13 months; the figures stay', async () => {
    const db = await getDb();
    const old = NOW - 40 * DAY;
    const ancient = NOW - 400 * DAY;
    await recordEvents(db, [
      makeEvent('impression', ancient, 'jira', undefined, 'kb:1'),
      makeEvent('impression', old, 'jira', undefined, 'kb:1'),
      makeEvent('open', old, 'jira', undefined, 'kb:1'),
      makeEvent('impression', NOW - DAY, 'jira', undefined, 'kb:1'),
    ]);
    const range = { from: dayOf(NOW - 60 * DAY), to: dayOf(NOW) };
    const before = computeFigures(await readDailyRows(db, range.from, range.to), range);
    expect(await compactEvents(db, NOW)).toEqual({ events: 3, rows: 1 });
    expect((await db.getAll('events')).map((event) => event.at)).toEqual([NOW - DAY]);
    const after = computeFigures(await readDailyRows(db, range.from, range.to), range);
    expect(after.totals).toEqual(before.totals);
    expect(after.totals).toEqual({ impression: 2, open: 1 });
    expect(await readDailyRows(db, dayOf(ancient), dayOf(ancient))).toEqual([]);
  });

  it('never throws on a full disk: compacts harder, tries again, and says what happened', async () => {
    const db = await getDb();
    await recordEvents(db, [makeEvent('impression', NOW - 10 * DAY, 'jira', undefined, 'kb:1')]);
    const quota = () =>
      Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const realTransaction = db.transaction.bind(db);
    let failures = 1;
    vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<Db['transaction']>) => {
      const stores = args[0];
      if (Array.isArray(stores) && stores.includes('daily') && args[1] === 'readwrite' && failures > 0) {
        // The first write fails the way a full disk makes IndexedDB fail.
        const names = [...stores].sort().join();
        if (names === 'daily,events') {
          failures--;
          throw quota();
        }
      }
      return realTransaction(...args);
    }) as Db['transaction']);
    expect(await recordEvents(db, [makeEvent('open', NOW, 'jira', undefined, 'kb:1')], NOW)).toBe(true);
    // The 10-day-old raw event went (7 days kept instead of 30); its aggregate stayed.
    expect((await db.getAll('events')).map((event) => event.type)).toEqual(['open']);
    expect(await readDailyRows(db, dayOf(NOW - 10 * DAY), dayOf(NOW))).toHaveLength(2);
    expect((await storageProblem(db))?.message).toMatch(/storage for Signpost was full/);

    failures = Number.POSITIVE_INFINITY;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await recordEvents(db, [makeEvent('open', NOW, 'jira', undefined, 'kb:1')], NOW)).toBe(false);
    expect((await storageProblem(db))?.message).toMatch(/1 measurement event\(s\) were not recorded/);
  });
});

describe('finished days, packed', () => {
  it('are one record per day, read back as the same rows; today stays unpacked', async () => {
    const db = await getDb();
    const events = [
      makeEvent('impression', NOW - 2 * DAY, 'jira', 'board', 'kb:1', 'article'),
      makeEvent('impression', NOW - 2 * DAY, 'github', 'pull-request', 'kb:2', 'tip'),
      makeEvent('open', NOW - 2 * DAY, 'jira', 'board', 'kb:1', 'article'),
      makeEvent('pause', NOW - DAY, ''),
      makeEvent('impression', NOW, 'jira', 'board', 'kb:1', 'article'),
    ];
    await recordEvents(db, events);
    const range = [dayOf(NOW - 7 * DAY), dayOf(NOW)] as const;
    const before = await readDailyRows(db, ...range);
    expect(await packFinishedDays(db, dayOf(NOW))).toBe(2);
    expect(await db.count('dailyPacked')).toBe(2);
    expect(await db.count('daily')).toBe(1);
    const sort = (rows: typeof before) =>
      [...rows].sort((a, b) => `${a.day}${a.tool}`.localeCompare(`${b.day}${b.tool}`));
    expect(sort(await readDailyRows(db, ...range))).toEqual(sort(before));
    expect(await packFinishedDays(db, dayOf(NOW))).toBe(0);

    // A late row for a packed day (a clock set back) is added to it, not lost.
    await recordEvents(db, [makeEvent('open', NOW - 2 * DAY, 'jira', 'board', 'kb:1', 'article')]);
    expect(await packFinishedDays(db, dayOf(NOW))).toBe(1);
    const jira = (await readDailyRows(db, dayOf(NOW - 2 * DAY), dayOf(NOW - 2 * DAY))).find(
      (r) => r.tool === 'jira',
    );
    expect(jira?.counts).toEqual({ impression: 1, open: 2 });
  });

  it('reads finished days once per worker life, and again after packing or compaction changed them', async () => {
    const db = await getDb();
    await recordEvents(db, [
      makeEvent('impression', NOW - 3 * DAY, 'jira', 'board', 'kb:1', 'article'),
      makeEvent('impression', NOW - 2 * DAY, 'jira', 'board', 'kb:1', 'article'),
    ]);
    await packFinishedDays(db, dayOf(NOW));
    const range = [dayOf(NOW - 7 * DAY), dayOf(NOW)] as const;
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const packedReads = () =>
      getAll.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'dailyPacked').length;
    const first = await readPackedDays(db, ...range);
    expect(await readPackedDays(db, ...range)).toEqual(first);
    expect(await readPackedDays(db, range[0], dayOf(NOW - 2 * DAY))).toHaveLength(2);
    expect(packedReads()).toBe(1);

    // A late row packed into a finished day: the next read sees it.
    await recordEvents(db, [makeEvent('open', NOW - 2 * DAY, 'jira', 'board', 'kb:1', 'article')]);
    await packFinishedDays(db, dayOf(NOW));
    const late = await readDailyRows(db, dayOf(NOW - 2 * DAY), dayOf(NOW - 2 * DAY));
    expect(late[0]?.counts).toEqual({ impression: 1, open: 1 });
    expect(packedReads()).toBe(2);

    // Compaction that drops the days (13 months later): they are not shown from memory.
    await compactEvents(db, NOW + 400 * DAY);
    expect(await readPackedDays(db, ...range)).toEqual([]);
  });

  it('read event types by name, and a malformed record is left out', () => {
    const packed = packDay('2026-12-01', [
      { day: '2026-12-01', tool: 'jira', itemId: 'kb:1', kind: 'tip', counts: { impression: 3, open: 1 } },
    ]);
    expect(unpackDay(packed)).toEqual([
      { day: '2026-12-01', tool: 'jira', itemId: 'kb:1', kind: 'tip', counts: { impression: 3, open: 1 } },
    ]);
    // A later version's type this one does not know: its column is skipped.
    const future = { ...packed, types: ['future', ...packed.types.slice(1)] };
    expect(unpackDay(future)?.[0]?.counts).toEqual({ open: 1 });
    expect(unpackDay({ ...packed, counts: new Uint32Array(3) })).toBeNull();
    expect(unpackDay({ ...packed, tool: [0] })).toBeNull();
  });
});

describe('the database upgrade to version 4', () => {
  it('aggregates the events a version 3 database logged, with the kinds of cached items', async () => {
    const v3 = await openDB(DB_NAME, 3, {
      upgrade(db) {
        db.createObjectStore('items', { keyPath: 'id' }).createIndex('bySource', 'sourceId');
        db.createObjectStore('sources', { keyPath: 'id' });
        db.createObjectStore('status', { keyPath: 'sourceId' });
        db.createObjectStore('feedback', { keyPath: 'itemId' });
        db.createObjectStore('events', { autoIncrement: true }).createIndex('byTime', 'at');
        db.createObjectStore('meta');
        db.createObjectStore('outbox', { keyPath: 'key' });
        db.createObjectStore('gaps', { keyPath: 'query' });
      },
    });
    await v3.put('items', {
      id: 'builtin-demo:tip',
      sourceId: 'builtin-demo',
      kind: 'tip',
      title: 'New: board insights',
      summary: '',
      url: 'https://kb.example/tip',
      tags: [],
      tools: ['jira'],
      updatedAt: 1,
    });
    for (const event of [
      { at: NOW, type: 'impression', tool: 'jira', itemId: 'builtin-demo:tip' },
      { at: NOW, type: 'open', tool: 'jira', itemId: 'builtin-demo:tip' },
      { at: NOW, type: 'pause', tool: '' },
      { at: 'garbage', type: 'open', tool: 'jira' },
    ])
      await v3.add('events', event);
    v3.close();
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    const rows = await readDailyRows(db, dayOf(NOW), dayOf(NOW));
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          day: dayOf(NOW),
          tool: 'jira',
          itemId: 'builtin-demo:tip',
          kind: 'tip',
          counts: { impression: 1, open: 1 },
        },
        { day: dayOf(NOW), tool: '', itemId: '', counts: { pause: 1 } },
      ]),
    );
    expect(rows).toHaveLength(2);
  });
});
