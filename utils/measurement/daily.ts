/**
 * Daily aggregates: each event is added to the counts of its [day, tool, itemId] row, and finished
 * days are packed column by column into one record. The dashboard and the daily report read only
 * these. Pure: storage belongs to the caller (./event-log.ts).
 */
import { type ItemKind, isRecord } from '../model';
import { DAY_MS, DAY_PATTERN, dayOf, shiftDay } from './days';
import { EVENT_TYPES, type EventType, type SignpostEvent } from './events';

/** Counts per event type; absent types are 0. */
export type Counts = Partial<Record<EventType, number>>;

/** One day's events of one item on one tool ('' for events about no item, such as pauses). */
export interface DailyRow {
  /** Local day, YYYY-MM-DD. */
  day: string;
  tool: string;
  itemId: string;
  kind?: ItemKind;
  counts: Counts;
}

/** Raw events are kept this long, then only their daily aggregates remain. */
export const RAW_EVENT_DAYS = 30;
/** Daily aggregates are kept this long (13 months: a year compared with the month before it). */
export const DAILY_ROW_DAYS = 396;

/** The IndexedDB key of the row an event belongs to. */
export function eventRowKey(event: SignpostEvent): [string, string, string] {
  return [dayOf(event.at), event.tool, event.itemId ?? ''];
}

const rowId = (key: [string, string, string]) => key.join('\u0000');

/** Adds `events` to `rows` (keyed by their [day, tool, itemId] joined); returns the rows that changed. */
export function addToRows(rows: Map<string, DailyRow>, events: Iterable<SignpostEvent>): Set<DailyRow> {
  const changed = new Set<DailyRow>();
  for (const event of events) {
    const key = eventRowKey(event);
    const id = rowId(key);
    let row = rows.get(id);
    if (!row) {
      row = { day: key[0], tool: key[1], itemId: key[2], counts: {} };
      rows.set(id, row);
    }
    if (event.kind && !row.kind) row.kind = event.kind;
    row.counts[event.type] = (row.counts[event.type] ?? 0) + 1;
    changed.add(row);
  }
  return changed;
}

/** Aggregates events into daily rows (the upgrade of a database that only had raw events). */
export function aggregateEvents(events: Iterable<SignpostEvent>): DailyRow[] {
  const rows = new Map<string, DailyRow>();
  addToRows(rows, events);
  return [...rows.values()];
}

/** The rows in the map shape {@link addToRows} takes. */
export function rowMap(rows: Iterable<DailyRow>): Map<string, DailyRow> {
  return new Map([...rows].map((row) => [rowId([row.day, row.tool, row.itemId]), row]));
}

/** Validates a stored daily row; null for anything malformed (it is then left out). */
export function parseDailyRow(value: unknown): DailyRow | null {
  if (!isRecord(value) || !isRecord(value.counts)) return null;
  const { day, tool, itemId, kind } = value;
  if (typeof day !== 'string' || !DAY_PATTERN.test(day)) return null;
  if (typeof tool !== 'string' || typeof itemId !== 'string') return null;
  const counts: Counts = {};
  for (const type of EVENT_TYPES) {
    const count = value.counts[type];
    if (typeof count === 'number' && Number.isInteger(count) && count > 0) counts[type] = count;
  }
  const row: DailyRow = { day, tool, itemId, counts };
  if (kind === 'tip' || kind === 'article') row.kind = kind;
  return row;
}

export function addCounts(into: Counts, from: Counts): Counts {
  for (const type of EVENT_TYPES) {
    const count = from[type];
    if (count) into[type] = (into[type] ?? 0) + count;
  }
  return into;
}

/** The moment before which raw events are compacted away. */
export function rawCutoff(now: number, days = RAW_EVENT_DAYS): number {
  return now - days * DAY_MS;
}

/** The first day whose aggregates are kept. */
export function dailyCutoff(now: number): string {
  return shiftDay(dayOf(now), -DAILY_ROW_DAYS);
}

// ---------------------------------------------------------------------------------------------
// Days packed column by column

/**
 * A day's rows in one record, column by column: finished days are stored like this, so that
 * reading a month is 30 records of typed arrays instead of tens of thousands of small ones
 * (IndexedDB's cost is per record), and the figures are summed from the columns directly.
 */
export interface PackedDay {
  day: string;
  /** The event type of each count column (EVENT_TYPES when the day was packed). */
  types: string[];
  tools: string[];
  items: string[];
  /** Per row: index into `tools`, into `items`, and the kind (0 none, 1 article, 2 tip). */
  tool: Uint16Array;
  item: Uint32Array;
  kind: Uint8Array;
  /** Per row, one count per entry of `types`. */
  counts: Uint32Array;
}

/** The item kinds a packed day's `kind` column indexes. */
export const KINDS: readonly (ItemKind | undefined)[] = [undefined, 'article', 'tip'];

function addToMap(rows: Map<string, DailyRow>, row: DailyRow): void {
  const id = rowId([row.day, row.tool, row.itemId]);
  const existing = rows.get(id);
  if (!existing) rows.set(id, { ...row, counts: { ...row.counts } });
  else {
    addCounts(existing.counts, row.counts);
    if (row.kind && !existing.kind) existing.kind = row.kind;
  }
}

/** Rows with the same day, tool and item summed into one. */
export function mergeRows(rows: Iterable<DailyRow>): DailyRow[] {
  const byKey = new Map<string, DailyRow>();
  for (const row of rows) addToMap(byKey, row);
  return [...byKey.values()];
}

/** One day's rows (others are left out), packed; rows with the same tool and item are summed. */
export function packDay(day: string, rows: DailyRow[]): PackedDay {
  const all = mergeRows(rows.filter((row) => row.day === day));
  const tools: string[] = [];
  const items: string[] = [];
  const toolIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], value: string) => {
    let index = map.get(value);
    if (index === undefined) {
      index = list.push(value) - 1;
      map.set(value, index);
    }
    return index;
  };
  const width = EVENT_TYPES.length;
  const packed: PackedDay = {
    day,
    types: [...EVENT_TYPES],
    tools,
    items,
    tool: new Uint16Array(all.length),
    item: new Uint32Array(all.length),
    kind: new Uint8Array(all.length),
    counts: new Uint32Array(all.length * width),
  };
  all.forEach((row, r) => {
    packed.tool[r] = indexOf(toolIndex, tools, row.tool);
    packed.item[r] = indexOf(itemIndex, items, row.itemId);
    packed.kind[r] = Math.max(0, KINDS.indexOf(row.kind));
    EVENT_TYPES.forEach((type, t) => {
      packed.counts[r * width + t] = row.counts[type] ?? 0;
    });
  });
  return packed;
}

/** Rows grouped by day and packed. */
export function packRows(rows: Iterable<DailyRow>): PackedDay[] {
  const byDay = new Map<string, DailyRow[]>();
  for (const row of rows) {
    const list = byDay.get(row.day);
    if (list) list.push(row);
    else byDay.set(row.day, [row]);
  }
  return [...byDay].map(([day, list]) => packDay(day, list));
}

/** Validates a packed day read back from storage; null when it is malformed (it is then left out). */
export function parsePackedDay(value: unknown): PackedDay | null {
  if (!isRecord(value) || typeof value.day !== 'string' || !DAY_PATTERN.test(value.day)) return null;
  const { types, tools, items, tool, item, kind, counts } = value;
  if (!Array.isArray(types) || !Array.isArray(tools) || !Array.isArray(items)) return null;
  if (![...types, ...tools, ...items].every((entry) => typeof entry === 'string')) return null;
  if (!(tool instanceof Uint16Array && item instanceof Uint32Array && kind instanceof Uint8Array))
    return null;
  if (!(counts instanceof Uint32Array) || tool.length !== item.length || tool.length !== kind.length)
    return null;
  if (counts.length !== tool.length * types.length) return null;
  for (let r = 0; r < tool.length; r++) {
    if ((tool[r] ?? 0) >= tools.length || (item[r] ?? 0) >= items.length || (kind[r] ?? 0) >= KINDS.length)
      return null;
  }
  return { day: value.day, types, tools, items, tool, item, kind, counts };
}

/** The rows of a packed day; null when the record is malformed. */
export function unpackDay(value: unknown): DailyRow[] | null {
  const packed = parsePackedDay(value);
  if (!packed) return null;
  const rows: DailyRow[] = [];
  const width = packed.types.length;
  // Columns by name: a type this version does not know is left out.
  const columns = packed.types.map((type) => EVENT_TYPES.find((known) => known === type));
  for (let r = 0; r < packed.tool.length; r++) {
    const row: DailyRow = {
      day: packed.day,
      tool: packed.tools[packed.tool[r] ?? 0] ?? '',
      itemId: packed.items[packed.item[r] ?? 0] ?? '',
      counts: {},
    };
    const rowKind = KINDS[packed.kind[r] ?? 0];
    if (rowKind) row.kind = rowKind;
    columns.forEach((type, c) => {
      const count = packed.counts[r * width + c] ?? 0;
      if (count && type) row.counts[type] = count;
    });
    rows.push(row);
  }
  return rows;
}
