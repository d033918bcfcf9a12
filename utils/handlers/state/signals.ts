/**
 * What the person and the champion said about items, read the way a page view needs it: through
 * the v5 indexes, only the records that can change the answer (votes, current snoozes, items seen
 * often enough to tire of, dismissals, endorsements) — never the whole feedback or outbox store.
 */
import type { Db, StoredFeedback } from '../../db';
import { parseOutboxEntry } from '../../delivery/outbox';
import { type ItemFeedback, parseFeedback } from '../../match/feedback';

/** Feedback records that can exclude or rank an item now (`maxViews`: the budget's view limit). */
export async function readActiveFeedback(db: Db, now: number, maxViews: number): Promise<ItemFeedback[]> {
  const store = db.transaction('feedback').store;
  const lists = await Promise.all([
    store.index('byVote').getAll(),
    store.index('bySnooze').getAll(IDBKeyRange.lowerBound(now, true)),
    store.index('byViews').getAll(IDBKeyRange.lowerBound(maxViews)),
    store.index('byDismissed').getAll(),
  ]);
  const byItem = new Map<string, ItemFeedback>();
  for (const raw of lists.flat()) {
    const record = parseFeedback(raw);
    if (record) byItem.set(record.itemId, record);
  }
  return [...byItem.values()];
}

/** One item's feedback record, if any. */
export async function readFeedback(db: Db, itemId: string): Promise<ItemFeedback | null> {
  return parseFeedback(await db.get('feedback', itemId));
}

/** Stores a feedback record with the keys its indexes read. */
export async function writeFeedback(db: Db, record: ItemFeedback): Promise<void> {
  const stored: StoredFeedback = record.dismissed ? { ...record, dismissedKey: 1 } : record;
  await db.put('feedback', stored);
}

/** `meta` record: items the person endorsed in their other browsers (utils/personal-sync). */
export const SYNCED_ENDORSEMENTS_KEY = 'syncedEndorsements';

/** Items endorsed in the person's other browsers. */
export async function syncedEndorsements(db: Db): Promise<Set<string>> {
  const stored = await db.get('meta', SYNCED_ENDORSEMENTS_KEY);
  return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
}

/** Items this browser's champion endorsed (here or in their other browsers): they rank higher at once. */
export async function endorsedItems(db: Db): Promise<Set<string>> {
  const entries = (await db.getAllFromIndex('outbox', 'byReaction', 'endorse'))
    .map(parseOutboxEntry)
    .filter((entry) => entry !== null);
  const here = entries.filter((entry) => entry.reaction.kind === 'endorse').map((entry) => entry.itemId);
  return new Set([...here, ...(await syncedEndorsements(db))]);
}
