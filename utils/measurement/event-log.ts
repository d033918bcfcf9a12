/**
 * The measurement events in IndexedDB: each event is appended to the raw log and added to its
 * daily aggregate in one transaction; compaction drops raw events after 30 days and aggregates
 * after 13 months, so storage stays bounded. A full disk never breaks the caller: events are
 * compacted harder and written again once, and if that fails too they are dropped and the reason
 * is kept for the options page.
 */
import type { Db } from '../db';
import {
  addToRows,
  type DailyRow,
  dailyCutoff,
  eventRowKey,
  mergeRows,
  type PackedDay,
  packDay,
  packRows,
  parseDailyRow,
  parsePackedDay,
  RAW_EVENT_DAYS,
  rawCutoff,
  rowMap,
  unpackDay,
} from './daily';
import { shiftDay } from './days';
import type { SignpostEvent } from './events';

export interface StorageProblem {
  at: number;
  message: string;
}

/** The last storage problem of this worker life (also kept in `meta` when there is room for it). */
let lastProblem: StorageProblem | null = null;

export function isQuotaError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'QuotaExceededError' || /quota/i.test(error.message) || error.name === 'UnknownError')
  );
}

async function write(db: Db, events: SignpostEvent[]): Promise<void> {
  const tx = db.transaction(['events', 'daily'], 'readwrite');
  const daily = tx.objectStore('daily');
  // Read the rows these events add to, then write them back with the new counts.
  const keys = new Map(events.map((event) => [eventRowKey(event).join('\u0000'), eventRowKey(event)]));
  const stored = await Promise.all(
    [...keys.values()].map(async (key) => parseDailyRow(await daily.get(key))),
  );
  const changed = addToRows(rowMap(stored.filter((row) => row !== null)), events);
  await Promise.all([
    ...events.map((event) => tx.objectStore('events').add(event)),
    ...[...changed].map((row) => daily.put(row)),
    tx.done,
  ]);
}

/**
 * Records events (raw and aggregated). Never throws: measurement must not break what the person
 * is doing. Returns false when the events could not be stored.
 */
export async function recordEvents(db: Db, events: SignpostEvent[], now = Date.now()): Promise<boolean> {
  if (events.length === 0) return true;
  try {
    await write(db, events);
    return true;
  } catch (error) {
    if (!isQuotaError(error)) {
      console.warn('Signpost: measurement events not recorded', error);
      return false;
    }
  }
  // The disk is full: keep a week of raw events instead of a month and try once more.
  try {
    await compactEvents(db, now, 7);
    await write(db, events);
    await noteProblem(
      db,
      now,
      `The browser's storage for Signpost was full, so raw events older than 7 days (not ${RAW_EVENT_DAYS}) were compacted into daily figures. Free some disk space.`,
    );
    return true;
  } catch (error) {
    await noteProblem(
      db,
      now,
      `The browser's storage for Signpost is full: ${events.length} measurement event(s) were not recorded (${error instanceof Error ? error.name : 'error'}). Free some disk space; the dashboard keeps what it had.`,
    );
    return false;
  }
}

async function noteProblem(db: Db, at: number, message: string): Promise<void> {
  lastProblem = { at, message };
  console.warn(`Signpost: ${message}`);
  await db.put('meta', lastProblem, 'storageProblem').catch(() => undefined);
}

/** The last storage problem, if any (this worker's, else the stored one). */
export async function storageProblem(db: Db): Promise<StorageProblem | null> {
  if (lastProblem) return lastProblem;
  const stored = (await db.get('meta', 'storageProblem').catch(() => undefined)) as
    | StorageProblem
    | undefined;
  return stored && typeof stored.message === 'string' && typeof stored.at === 'number' ? stored : null;
}

/**
 * Drops raw events older than `rawDays` (their daily aggregates stay) and aggregates older than
 * 13 months. Returns how many of each went.
 */
export async function compactEvents(
  db: Db,
  now: number,
  rawDays = RAW_EVENT_DAYS,
): Promise<{ events: number; rows: number }> {
  forgetPackedDays(db);
  const tx = db.transaction(['events', 'daily', 'dailyPacked'], 'readwrite');
  let events = 0;
  let rows = 0;
  const cutoff = rawCutoff(now, rawDays);
  let cursor = await tx
    .objectStore('events')
    .index('byTime')
    .openCursor(IDBKeyRange.upperBound(cutoff, true));
  while (cursor) {
    await cursor.delete();
    events++;
    cursor = await cursor.continue();
  }
  let rowCursor = await tx
    .objectStore('daily')
    .index('byDay')
    .openCursor(IDBKeyRange.upperBound(dailyCutoff(now), true));
  while (rowCursor) {
    await rowCursor.delete();
    rows++;
    rowCursor = await rowCursor.continue();
  }
  const old = IDBKeyRange.upperBound(dailyCutoff(now), true);
  for (const day of await tx.objectStore('dailyPacked').getAllKeys(old)) {
    rows += unpackDay(await tx.objectStore('dailyPacked').get(day))?.length ?? 0;
  }
  await tx.objectStore('dailyPacked').delete(old);
  await tx.done;
  forgetPackedDays(db);
  return { events, rows };
}

/**
 * The finished days this worker life has read, per database. A packed day changes only through
 * `packFinishedDays` and `compactEvents`, which forget them all before and after they write; the
 * dashboard asks for the same days again with every filter it is given and every time it opens,
 * and each packed day is a record of its own (a month of heavy use: 30 records of ~150 KB, which
 * Chromium reads in tens of milliseconds). At most KEPT_DAYS days are kept (a range and the one
 * before it).
 */
interface KeptDays {
  /** Bumped by every write to packed days: a read that began before one keeps nothing. */
  generation: number;
  days: Map<string, PackedDay>;
}

const KEPT_DAYS = 62;
const keptDays = new WeakMap<Db, KeptDays>();

function keptOf(db: Db): KeptDays {
  let kept = keptDays.get(db);
  if (!kept) {
    kept = { generation: 0, days: new Map() };
    keptDays.set(db, kept);
  }
  return kept;
}

function forgetPackedDays(db: Db): void {
  const kept = keptOf(db);
  kept.generation++;
  kept.days.clear();
}

/** The packed days from `from` to `to`: the kept ones when every stored day is kept, else read. */
async function packedDays(db: Db, from: string, to: string): Promise<PackedDay[]> {
  const kept = keptOf(db);
  const generation = kept.generation;
  const range = IDBKeyRange.bound(from, to);
  if (kept.days.size > 0) {
    const keys = await db.getAllKeys('dailyPacked', range);
    const days = keys.map((key) => kept.days.get(key));
    if (generation === kept.generation && days.every((day) => day !== undefined)) return days;
  }
  const stored: unknown[] = await db.getAll('dailyPacked', range);
  const days = stored.map(parsePackedDay).filter((day) => day !== null);
  if (days.length < stored.length)
    console.warn(
      `Signpost: ${stored.length - days.length} day(s) of figures could not be read and are left out`,
    );
  if (generation === kept.generation) {
    if (kept.days.size + days.length > KEPT_DAYS) kept.days.clear();
    if (days.length <= KEPT_DAYS) for (const day of days) kept.days.set(day.day, day);
  }
  return days;
}

const PACKED_THROUGH = 'packedThrough';

/** The last day whose rows are all packed ('' before the first packing). */
async function packedThrough(db: Db): Promise<string> {
  const day = await db.get('meta', PACKED_THROUGH);
  return typeof day === 'string' ? day : '';
}

/**
 * Packs the rows of finished days (before `today`) into one record per day, and remembers that
 * every day before today is packed. A day packed before gets late rows added (a clock set back
 * can write to one); readers see such rows after the next packing (housekeeping runs hourly).
 */
export async function packFinishedDays(db: Db, today: string): Promise<number> {
  const days: string[] = [];
  let cursor = await db
    .transaction('daily')
    .store.index('byDay')
    .openKeyCursor(IDBKeyRange.upperBound(today, true), 'nextunique');
  while (cursor) {
    days.push(cursor.key);
    cursor = await cursor.continue();
  }
  forgetPackedDays(db);
  for (const day of days) {
    const tx = db.transaction(['daily', 'dailyPacked'], 'readwrite');
    // Every [day, tool, itemId] key of the day: an array sorts after any string.
    const range = IDBKeyRange.bound([day], [day, []]);
    const rows = (await tx.objectStore('daily').getAll(range)).map(parseDailyRow);
    const earlier = unpackDay(await tx.objectStore('dailyPacked').get(day)) ?? [];
    await Promise.all([
      tx.objectStore('dailyPacked').put(packDay(day, [...earlier, ...rows.filter((row) => row !== null)])),
      tx.objectStore('daily').delete(range),
      tx.done,
    ]);
  }
  forgetPackedDays(db);
  await db.put('meta', shiftDay(today, -1), PACKED_THROUGH);
  return days.length;
}

/** Packs finished days unless that was done since the last day ended (cheap when it was). */
export async function packIfBehind(db: Db, today: string): Promise<void> {
  if ((await packedThrough(db)) < shiftDay(today, -1)) await packFinishedDays(db, today);
}

/**
 * The days from `from` to `to` (local days, both included), packed: the packed records of
 * finished days and the rows not packed yet (today's); malformed records are left out.
 */
export async function readPackedDays(db: Db, from: string, to: string): Promise<PackedDay[]> {
  // Rows are read only after the last packed day: the ones before were moved into packed days
  // (and their deletion leaves IndexedDB slow to walk until it compacts).
  const through = await packedThrough(db);
  const unpackedFrom = through && through >= from ? shiftDay(through, 1) : from;
  const [days, raw]: [PackedDay[], unknown[]] = await Promise.all([
    packedDays(db, from, to),
    unpackedFrom <= to ? db.getAllFromIndex('daily', 'byDay', IDBKeyRange.bound(unpackedFrom, to)) : [],
  ]);
  return [...days, ...packRows(raw.map(parseDailyRow).filter((row) => row !== null))];
}

/** The daily aggregates from `from` to `to` as rows (for reports and exports). */
export async function readDailyRows(db: Db, from: string, to: string): Promise<DailyRow[]> {
  return mergeRows((await readPackedDays(db, from, to)).flatMap((day) => unpackDay(day) ?? []));
}

/** The raw events since `since` (epoch ms), oldest first, for the detailed export. */
export async function readRawEvents(db: Db, since: number): Promise<SignpostEvent[]> {
  return db.getAllFromIndex('events', 'byTime', IDBKeyRange.lowerBound(since));
}
