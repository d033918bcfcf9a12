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

const byImpressions = (a: Sums, b: Sums) =>
  (b[IMPRESSION] ?? 0) - (a[IMPRESSION] ?? 0) || (b[OPEN] ?? 0) - (a[OPEN] ?? 0);

/** How often an item must have been offered in the range before "never opened" says something about it. */
export const NEVER_OPENED_MIN = 10;

const WIDTH = EVENT_TYPES.length;

/**
 * Sums per key (a tool, an item) in one flat array, a row of WIDTH columns per key, in the order
 * the keys were first seen: a month of heavy use is ~66,000 day × item rows over 10,000 items, and
 * a typed array per key and a map lookup per row cost more than the sums themselves.
 */
class Table {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  sums = new Float64Array(64 * WIDTH);

  /** The key's row (its first column's offset), added with zeros when new. */
  row(key: string): number {
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.keys.push(key) - 1;
      this.index.set(key, at);
      if ((at + 1) * WIDTH > this.sums.length) {
        const grown = new Float64Array(this.sums.length * 2);
        grown.set(this.sums);
        this.sums = grown;
      }
    }
    return at * WIDTH;
  }

  /** Every key with its sums, most impressions first (ties keep the order the keys came in). */
  ranked(): [string, Sums][] {
    return this.keys
      .map((key, at): [string, Sums] => [key, this.sums.subarray(at * WIDTH, (at + 1) * WIDTH)])
      .sort(([, a], [, b]) => byImpressions(a, b));
  }
}

/**
 * The dashboard's figures for a range of days, a tool and a kind, summed from packed days column
 * by column. Events about no item (pauses, searches with no result) count in the totals and the
 * days but belong to no kind, so a kind filter leaves them out.
 */
export function figuresOfDays(
  days: Iterable<PackedDay>,
  filter: DashboardFilter,
  { itemLimit = 50, neverOpenedMin = NEVER_OPENED_MIN }: { itemLimit?: number; neverOpenedMin?: number } = {},
): Figures {
  const totals = new Float64Array(WIDTH);
  const perDay = new Map(daysBetween(filter.from, filter.to).map((day) => [day, new Float64Array(WIDTH)]));
  const tools = new Table();
  const items = new Table();
  const kinds = new Map<string, ItemKind>();
  for (const packed of days) {
    const daySums = perDay.get(packed.day);
    if (!daySums) continue;
    const width = packed.types.length;
    const columns = Int32Array.from(packed.types, (type) => (EVENT_TYPES as readonly string[]).indexOf(type));
    // Per tool of the day: its row in `tools`, -1 for no tool, -2 for a tool the filter leaves out.
    const toolRows = Int32Array.from(packed.tools, (tool) =>
      filter.tool !== undefined && tool !== filter.tool ? -2 : tool ? tools.row(tool) : -1,
    );
    // Per item of the day: its row in `items` once seen, -1 for no item, -2 not yet seen.
    const itemRows = new Int32Array(packed.items.length).fill(-2);
    const { tool: toolOf, item: itemOf, kind: kindOf, counts } = packed;
    for (let r = 0; r < toolOf.length; r++) {
      const toolRow = toolRows[toolOf[r] ?? 0] ?? -2;
      if (toolRow === -2) continue; // another tool than the one asked for
      const kind = KINDS[kindOf[r] ?? 0];
      if (filter.kind !== undefined && kind !== filter.kind) continue;
      const i = itemOf[r] ?? 0;
      let itemRow = itemRows[i] ?? -1;
      if (itemRow === -2) {
        const id = packed.items[i] ?? '';
        itemRow = id ? items.row(id) : -1;
        itemRows[i] = itemRow;
        if (id && kind && !kinds.has(id)) kinds.set(id, kind);
      }
      const toolSums = tools.sums;
      const itemSums = items.sums;
      const base = r * width;
      for (let c = 0; c < width; c++) {
        const count = counts[base + c] ?? 0;
        const t = columns[c] ?? -1;
        if (count === 0 || t < 0) continue;
        totals[t] = (totals[t] ?? 0) + count;
        daySums[t] = (daySums[t] ?? 0) + count;
        if (toolRow >= 0) toolSums[toolRow + t] = (toolSums[toolRow + t] ?? 0) + count;
        if (itemRow >= 0) itemSums[itemRow + t] = (itemSums[itemRow + t] ?? 0) + count;
      }
    }
  }
  const item = (itemId: string, sums: Sums): ItemFigures => {
    const kind = kinds.get(itemId);
    return { itemId, ...(kind ? { kind } : {}), counts: toCounts(sums) };
  };
  const ranked = items.ranked();
  const total = toCounts(totals);
  return {
    filter,
    totals: total,
    rates: rates(total),
    byDay: [...perDay].map(([day, sums]) => ({ day, counts: toCounts(sums) })),
    byTool: tools.ranked().map(([tool, sums]) => {
      const counts = toCounts(sums);
      return { tool, counts, rates: rates(counts) };
    }),
    items: ranked.slice(0, itemLimit).map(([id, sums]) => {
      const figures = item(id, sums);
      return { ...figures, rates: rates(figures.counts) };
    }),
    neverOpened: ranked
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
