/**
 * IndexedDB: the background's cache of knowledge items and source state. The background worker
 * is the only writer. The schema moves forward only: each version's upgrade step is kept as
 * released and never edited; a database from a newer Signpost (after a downgrade) or one that
 * cannot be opened is deleted and rebuilt from the sources, with the reason logged.
 */
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import type { OutboxEntry } from './delivery/outbox';
import type { ItemFeedback } from './match/feedback';
import { aggregateEvents, type DailyRow, type PackedDay } from './measurement/daily';
import { isEvent, type SignpostEvent } from './measurement/events';
import type { ReportEntry } from './measurement/report';
import { type KnowledgeItem, parseKnowledgeItem, type SourceConfig, type SourceStatus } from './model';

export const DB_NAME = 'signpost';
export const DB_VERSION = 6;

export interface SignpostDB extends DBSchema {
  items: { key: string; value: KnowledgeItem; indexes: { bySource: string; byKind: string } };
  sources: { key: string; value: SourceConfig };
  status: { key: string; value: SourceStatus };
  /**
   * v2: one record per item the person reacted to or saw. v5: indexed by what a page view reads
   * (votes, snoozes, panel views, dismissals), so that it never reads the whole store.
   */
  feedback: {
    key: string;
    value: StoredFeedback;
    indexes: { byVote: string; bySnooze: number; byViews: number; byDismissed: number };
  };
  /** v2: measurement events, oldest first. */
  events: { key: number; value: SignpostEvent; indexes: { byTime: number } };
  /** v2: small records by name ('budget', 'matchIndex'). */
  meta: { key: string; value: unknown };
  /** v3: endorsements and flags with their delivery state, by idempotency key. v5: by reaction kind. */
  outbox: { key: string; value: OutboxEntry; indexes: { byReaction: string } };
  /** v3: searches that found nothing (content gaps), counted by query text. */
  gaps: { key: string; value: { query: string; count: number; lastAt: number } };
  /** v4: events aggregated per local day, tool and item; what the dashboard and reports read. */
  daily: { key: [string, string, string]; value: DailyRow; indexes: { byDay: string } };
  /** v4: finished days' aggregates packed one record per day (utils/measurement/events.ts PackedDay). */
  dailyPacked: { key: string; value: PackedDay };
  /** v4: the daily aggregate reports for the organisation's endpoint, one per day, with delivery state. */
  reports: { key: string; value: ReportEntry };
}

/**
 * A feedback record as stored. IndexedDB cannot index a boolean, so a dismissed record also
 * carries `dismissedKey: 1` for the `byDismissed` index (written by utils/handlers/state/signals.ts).
 */
export type StoredFeedback = ItemFeedback & { dismissedKey?: 1 };

export type Db = IDBPDatabase<SignpostDB>;

function open(): Promise<Db> {
  return openDB<SignpostDB>(DB_NAME, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const items = db.createObjectStore('items', { keyPath: 'id' });
        items.createIndex('bySource', 'sourceId');
        db.createObjectStore('sources', { keyPath: 'id' });
        db.createObjectStore('status', { keyPath: 'sourceId' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('feedback', { keyPath: 'itemId' });
        db.createObjectStore('events', { autoIncrement: true }).createIndex('byTime', 'at');
        db.createObjectStore('meta');
      }
      if (oldVersion < 3) {
        db.createObjectStore('outbox', { keyPath: 'key' });
        db.createObjectStore('gaps', { keyPath: 'query' });
      }
      if (oldVersion < 4) {
        const daily = db.createObjectStore('daily', { keyPath: ['day', 'tool', 'itemId'] });
        daily.createIndex('byDay', 'day');
        db.createObjectStore('dailyPacked', { keyPath: 'day' });
        db.createObjectStore('reports', { keyPath: 'day' });
        // The events logged so far get their aggregates, so the dashboard shows them too.
        if (oldVersion >= 2) {
          const events = (await transaction.objectStore('events').getAll()).filter(isEvent);
          const items = transaction.objectStore('items');
          for (const row of aggregateEvents(events)) {
            // v3 events did not carry the item's kind: the cached item still knows it.
            const kind = row.itemId ? (await items.get(row.itemId))?.kind : undefined;
            await daily.put(kind === 'tip' || kind === 'article' ? { ...row, kind } : row);
          }
        }
      }
      if (oldVersion < 5) {
        // A page view reads only the feedback and endorsements that can change its answer.
        const feedback = transaction.objectStore('feedback');
        feedback.createIndex('byVote', 'vote');
        feedback.createIndex('bySnooze', 'snoozedUntil');
        feedback.createIndex('byViews', 'views');
        feedback.createIndex('byDismissed', 'dismissedKey');
        transaction.objectStore('outbox').createIndex('byReaction', 'reaction.kind');
        // Dismissals recorded so far get the key the index reads.
        for (let cursor = await feedback.openCursor(); cursor; cursor = await cursor.continue()) {
          if (cursor.value.dismissed === true) await cursor.update({ ...cursor.value, dismissedKey: 1 });
        }
      }
      if (oldVersion < 6) {
        // What's new reads the tips alone, not the whole catalog.
        transaction.objectStore('items').createIndex('byKind', 'kind');
      }
      // Later versions add `if (oldVersion < 7) { … }` here; released steps stay as they are.
    },
  });
}

let pending: Promise<Db> | null = null;
let problem: string | null = null;

/** Waits before the second and third attempt to open: a busy or briefly locked profile often clears. */
const RETRY_DELAYS_MS = [100, 500];

function describe(error: unknown): string {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return typeof message === 'string'
    ? `${typeof name === 'string' ? name : 'Error'}: ${message}`
    : String(error);
}

/**
 * Opens the database once per worker life.
 *
 *   VersionError (the stored database is newer than this build: a downgrade) ─▶ delete it, open anew
 *   any other error (quota, a locked or corrupt profile, private mode) ─▶ try again twice; then fail
 *     with {@link databaseProblem} set, keeping the data for the next attempt — it holds undelivered
 *     flags and a year of figures, which a transient error must not wipe.
 */
export function getDb(): Promise<Db> {
  pending ??= openWithRetries().then(
    (db) => {
      problem = null;
      return db;
    },
    (error: unknown) => {
      problem = describe(error);
      console.warn(`Signpost: the local database could not be opened (${problem}); running without it.`);
      throw error;
    },
  );
  pending.catch(() => {
    pending = null;
  });
  return pending;
}

async function openWithRetries(): Promise<Db> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      // A DOMException; not an `Error` instance in every engine.
      if ((error as { name?: unknown } | null)?.name === 'VersionError') {
        console.warn(
          `Signpost: the local database was written by a newer version (${describe(error)}); rebuilding it from the sources.`,
        );
        await deleteDB(DB_NAME);
        return open();
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      await new Promise((done) => setTimeout(done, delay));
    }
  }
}

/** Why the database could not be opened at the last attempt, or null when it is open (or not tried yet). */
export function databaseProblem(): string | null {
  return problem;
}

/** Closes the connection (tests, and before deleting the database). */
export async function closeDb(): Promise<void> {
  const db = await pending?.catch(() => null);
  db?.close();
  pending = null;
}

/**
 * Every valid item of the given sources, or only those of one kind. Records that fail validation
 * (corrupt or written by a broken build) are deleted with a logged reason instead of being shown.
 */
export async function readItems(
  db: Db,
  sourceIds: ReadonlySet<string>,
  kind?: KnowledgeItem['kind'],
): Promise<KnowledgeItem[]> {
  const items: KnowledgeItem[] = [];
  const corrupt: string[] = [];
  const stored = kind ? await db.getAllFromIndex('items', 'byKind', kind) : await db.getAll('items');
  for (const raw of stored) {
    const item = parseKnowledgeItem(raw);
    if (!item) {
      const key = (raw as { id?: unknown } | null)?.id;
      if (typeof key === 'string') corrupt.push(key);
      continue;
    }
    if (sourceIds.has(item.sourceId)) items.push(item);
  }
  if (corrupt.length) {
    console.warn(
      `Signpost: dropped ${corrupt.length} unreadable cached item(s); the next sync restores them.`,
    );
    const tx = db.transaction('items', 'readwrite');
    await Promise.all([...corrupt.map((id) => tx.store.delete(id)), tx.done]);
  }
  return items;
}

/** Replaces a source's items and status in one transaction: readers see the old set or the new one. */
export async function replaceSourceItems(
  db: Db,
  sourceId: string,
  items: KnowledgeItem[],
  status: SourceStatus,
) {
  const tx = db.transaction(['items', 'status'], 'readwrite');
  const store = tx.objectStore('items');
  const oldKeys = await store.index('bySource').getAllKeys(sourceId);
  await Promise.all([
    ...oldKeys.map((key) => store.delete(key)),
    ...items.map((item) => store.put(item)),
    tx.objectStore('status').put(status),
    tx.done,
  ]);
}
