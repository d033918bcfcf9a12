import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { newEntry } from '@/utils/delivery/outbox';
import { endorsedItems, readActiveFeedback, writeFeedback } from '@/utils/handlers/state/signals';
import { applyAction } from '@/utils/match/feedback';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('what a page view reads of the person’s feedback', () => {
  it('is only the records that can exclude or rank an item now', async () => {
    const db = await getDb();
    // Many items the panel showed once or twice: they change nothing and are not read.
    for (let i = 0; i < 200; i++)
      await writeFeedback(db, { itemId: `seen-${i}`, views: 1 + (i % 2), updatedAt: 1 });
    await writeFeedback(db, applyAction(undefined, 'voted', 'not-helpful', NOW));
    await writeFeedback(db, applyAction(undefined, 'gone', 'dismiss', NOW));
    await writeFeedback(db, applyAction(undefined, 'snoozed', 'snooze-day', NOW));
    await writeFeedback(db, applyAction(undefined, 'woke', 'snooze-day', NOW - 2 * 24 * 3600_000));
    await writeFeedback(db, { itemId: 'tired', views: 5, updatedAt: 1 });
    const read = await readActiveFeedback(db, NOW, 5);
    expect(read.map((record) => record.itemId).sort()).toEqual(['gone', 'snoozed', 'tired', 'voted']);
    // Stored as it was given: the index key does not come back on read.
    expect(read.find((record) => record.itemId === 'gone')).toEqual({
      itemId: 'gone',
      views: 0,
      dismissed: true,
      updatedAt: NOW,
    });
  });

  it('reads endorsements, not flags, from the outbox', async () => {
    const db = await getDb();
    const entry = (key: string, itemId: string, endorse: boolean) =>
      newEntry(
        {
          key,
          itemId,
          title: itemId,
          url: `https://kb.example/${itemId}`,
          sourceId: 's',
          reaction: endorse ? { kind: 'endorse' } : { kind: 'flag', reason: 'outdated' },
          createdAt: NOW,
        },
        false,
        NOW,
      );
    await db.put('outbox', entry('k1', 'good', true));
    await db.put('outbox', entry('k2', 'bad', false));
    expect(await endorsedItems(db)).toEqual(new Set(['good']));
  });
});
