/**
 * The dashboard's figures from daily aggregates: totals per event type, rates (opened per shown,
 * helpful per vote …), and the items and tools that stand out, for a range of days and a filter.
 * Pure: the packed days come in.
 */
import type { ItemKind } from '../model';
import { type Counts, type DailyRow, KINDS, type PackedDay, packRows } from './daily';
import { daysBetween } from './days';
import { EVENT_TYPES } from './events';
import type { GroupFilter } from './groups';

export interface DashboardFilter extends GroupFilter {
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
/** How often an item must have been offered in the range before "never opened" says something about it. */
export const NEVER_OPENED_MIN = 10;

export function figuresOfDays(
  days: Iterable<PackedDay>,
  filter: DashboardFilter,
  { itemLimit = 50, neverOpenedMin = NEVER_OPENED_MIN }: { itemLimit?: number; neverOpenedMin?: number } = {},
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
