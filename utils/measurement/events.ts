/**
 * Measurement events: what happened to which item on which tool, never where (no URL, no page
 * text, no search words). The background records them; the dashboard and the daily report read
 * their aggregates.
 *
 *   event ──(same transaction)──► raw log `events` (kept 30 days, for the detailed export)
 *                            └──► daily aggregate `daily` [day, tool, itemId] → counts per type
 *                                   (kept 13 months; the dashboard and reports read only these)
 *
 * Pure: storage belongs to the caller (utils/measurement/event-log.ts).
 */
import { localTime } from '../match/budget';
import { type ItemKind, isRecord } from '../model';

export const EVENT_TYPES = [
  'impression',
  'panel',
  'open',
  'helpful',
  'not-helpful',
  'snooze',
  'dismiss',
  'pause',
  'announce',
  'announce-dismissed',
  /** A champion's search found nothing (the words stay in the `gaps` store, never in an event). */
  'gap',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface SignpostEvent {
  at: number;
  type: EventType;
  tool: string;
  area?: string;
  itemId?: string;
  /** The item's kind when the event is about an item (tips and articles are measured apart). */
  kind?: ItemKind;
}

/** Builds an event from untrusted parts, keeping only the fields that may be stored. */
export function makeEvent(
  type: EventType,
  at: number,
  tool: string,
  area?: string,
  itemId?: string,
  kind?: ItemKind,
): SignpostEvent {
  const event: SignpostEvent = { at, type, tool: tool.slice(0, 60) };
  if (area) event.area = area.slice(0, 60);
  if (itemId) event.itemId = itemId.slice(0, 300);
  if (kind === 'tip' || kind === 'article') event.kind = kind;
  return event;
}

export function isEvent(value: unknown): value is SignpostEvent {
  return (
    isRecord(value) &&
    typeof value.at === 'number' &&
    Number.isFinite(value.at) &&
    typeof value.tool === 'string' &&
    (EVENT_TYPES as readonly unknown[]).includes(value.type)
  );
}

// ---------------------------------------------------------------------------------------------
// Daily aggregates

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

const DAY_MS = 24 * 3600_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The local day of a moment, YYYY-MM-DD. */
export function dayOf(at: number): string {
  return localTime(at).day;
}

/** The day `delta` calendar days after `day` (before it when negative). */
export function shiftDay(day: string, delta: number): string {
  const [y, m, d] = day.split('-').map(Number);
  // Noon UTC: no time zone or daylight-saving change moves it to another calendar day.
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12) + delta * DAY_MS);
  return date.toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included, oldest first. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < 10_000; day = shiftDay(day, 1)) days.push(day);
  return days;
}

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

const KINDS: (ItemKind | undefined)[] = [undefined, 'article', 'tip'];

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

// ---------------------------------------------------------------------------------------------
// The dashboard's figures

export interface DashboardFilter {
  /** First and last local day, both included. */
  from: string;
  to: string;
  tool?: string;
  kind?: ItemKind;
}

export interface ItemFigures {
  itemId: string;
  kind?: ItemKind;
  counts: Counts;
}

export interface Rates {
  /** Opens ÷ impressions; null without impressions. */
  openRate: number | null;
  /** Helpful ÷ (helpful + not helpful); null without votes. */
  helpfulRate: number | null;
}

export interface Figures {
  filter: DashboardFilter;
  totals: Counts;
  rates: Rates;
  /** Every day of the range, oldest first, zeros included. */
  byDay: { day: string; counts: Counts }[];
  /** Tools with any event, most impressions first. */
  byTool: { tool: string; counts: Counts; rates: Rates }[];
  /** Items with any event, most impressions first (at most `itemLimit`). */
  items: (ItemFigures & { rates: Rates })[];
  /** Candidates to rewrite: offered at least `neverOpenedMin` times in the range, never opened. */
  neverOpened: ItemFigures[];
}

export function rates(counts: Counts): Rates {
  const impressions = counts.impression ?? 0;
  const votes = (counts.helpful ?? 0) + (counts['not-helpful'] ?? 0);
  return {
    openRate: impressions ? (counts.open ?? 0) / impressions : null,
    helpfulRate: votes ? (counts.helpful ?? 0) / votes : null,
  };
}

const IMPRESSION = EVENT_TYPES.indexOf('impression');
const OPEN = EVENT_TYPES.indexOf('open');

/** Sums per event type, in EVENT_TYPES order. */
type Sums = Float64Array;

function toCounts(sums: Sums): Counts {
  const counts: Counts = {};
  EVENT_TYPES.forEach((type, t) => {
    if (sums[t]) counts[type] = sums[t];
  });
  return counts;
}

function sumsFor<K>(map: Map<K, Sums>, key: K): Sums {
  let sums = map.get(key);
  if (!sums) {
    sums = new Float64Array(EVENT_TYPES.length);
    map.set(key, sums);
  }
  return sums;
}

const byImpressions = (a: Sums, b: Sums) =>
  (b[IMPRESSION] ?? 0) - (a[IMPRESSION] ?? 0) || (b[OPEN] ?? 0) - (a[OPEN] ?? 0);

/**
 * The dashboard's figures for a range of days, a tool and a kind, summed from packed days column
 * by column. Events about no item (pauses, searches with no result) count in the totals and the
 * days but belong to no kind, so a kind filter leaves them out.
 */
export function figuresOfDays(
  days: Iterable<PackedDay>,
  filter: DashboardFilter,
  { itemLimit = 50, neverOpenedMin = 10 }: { itemLimit?: number; neverOpenedMin?: number } = {},
): Figures {
  const totals = new Float64Array(EVENT_TYPES.length);
  const perDay = new Map(
    daysBetween(filter.from, filter.to).map((day) => [day, new Float64Array(EVENT_TYPES.length)]),
  );
  const perTool = new Map<string, Sums>();
  const perItem = new Map<string, Sums>();
  const kinds = new Map<string, ItemKind>();
  for (const packed of days) {
    const daySums = perDay.get(packed.day);
    if (!daySums) continue;
    const width = packed.types.length;
    const columns = packed.types.map((type) => (EVENT_TYPES as readonly string[]).indexOf(type));
    const toolSums = packed.tools.map((tool) =>
      filter.tool !== undefined && tool !== filter.tool ? undefined : tool ? sumsFor(perTool, tool) : null,
    );
    const itemSums: (Sums | null | undefined)[] = new Array(packed.items.length);
    for (let r = 0; r < packed.tool.length; r++) {
      const tool = toolSums[packed.tool[r] ?? 0];
      if (tool === undefined) continue; // another tool than the one asked for
      const kind = KINDS[packed.kind[r] ?? 0];
      if (filter.kind !== undefined && kind !== filter.kind) continue;
      const i = packed.item[r] ?? 0;
      let item = itemSums[i];
      if (item === undefined) {
        const id = packed.items[i] ?? '';
        item = id ? sumsFor(perItem, id) : null;
        itemSums[i] = item;
        if (id && kind && !kinds.has(id)) kinds.set(id, kind);
      }
      for (let c = 0; c < width; c++) {
        const count = packed.counts[r * width + c] ?? 0;
        const t = columns[c] ?? -1;
        if (!count || t < 0) continue;
        totals[t] = (totals[t] ?? 0) + count;
        daySums[t] = (daySums[t] ?? 0) + count;
        if (tool) tool[t] = (tool[t] ?? 0) + count;
        if (item) item[t] = (item[t] ?? 0) + count;
      }
    }
  }
  const item = (itemId: string, sums: Sums): ItemFigures => {
    const kind = kinds.get(itemId);
    return { itemId, ...(kind ? { kind } : {}), counts: toCounts(sums) };
  };
  const items = [...perItem].sort(([, a], [, b]) => byImpressions(a, b));
  const total = toCounts(totals);
  return {
    filter,
    totals: total,
    rates: rates(total),
    byDay: [...perDay].map(([day, sums]) => ({ day, counts: toCounts(sums) })),
    byTool: [...perTool]
      .sort(([, a], [, b]) => byImpressions(a, b))
      .map(([tool, sums]) => {
        const counts = toCounts(sums);
        return { tool, counts, rates: rates(counts) };
      }),
    items: items.slice(0, itemLimit).map(([id, sums]) => {
      const figures = item(id, sums);
      return { ...figures, rates: rates(figures.counts) };
    }),
    neverOpened: items
      .filter(([, sums]) => (sums[IMPRESSION] ?? 0) >= neverOpenedMin && !sums[OPEN])
      .slice(0, itemLimit)
      .map(([id, sums]) => item(id, sums)),
  };
}

/** The same figures from rows (packed on the way). */
export function computeFigures(
  rows: Iterable<DailyRow>,
  filter: DashboardFilter,
  options?: { itemLimit?: number; neverOpenedMin?: number },
): Figures {
  return figuresOfDays(packRows(rows), filter, options);
}
