/**
 * The measurement dashboard's data, read from IndexedDB for a range of days: the figures from the
 * daily aggregates (utils/events.ts), the titles of the items they name, searches that found
 * nothing, and flags by reason.
 */
import type { Db } from './db';
import { readPackedDays, type StorageProblem, storageProblem } from './event-log';
import { type DashboardFilter, dayOf, type Figures, figuresOfDays } from './events';
import { parseKnowledgeItem } from './model';
import { parseOutboxEntry } from './outbox';
import { FLAG_REASONS, type FlagReason } from './reactions';

export interface DashboardView {
  figures: Figures;
  /** Titles and links of the items the figures name (absent: the item is no longer cached). */
  titles: Record<string, { title: string; url: string }>;
  /** Searches that found nothing, most asked first (their words are kept in this browser only). */
  gaps: { query: string; count: number; lastAt: number }[];
  /** Flags raised in the range, by reason, and endorsements. */
  flags: { reason: FlagReason; count: number }[];
  endorsements: number;
  /** Tools with any event in the range (for the filter). */
  tools: string[];
  storage: { problem: StorageProblem | null; usage?: number; quota?: number };
}

const GAP_LIMIT = 50;

export async function loadDashboard(
  db: Db,
  filter: DashboardFilter,
  estimate?: () => Promise<{ usage?: number; quota?: number }>,
): Promise<DashboardView> {
  const [days, gaps, outbox, problem, usage] = await Promise.all([
    readPackedDays(db, filter.from, filter.to),
    db.getAll('gaps'),
    db.getAll('outbox'),
    storageProblem(db),
    estimate?.().catch(() => ({})) ?? Promise.resolve({}),
  ]);
  const figures = figuresOfDays(days, filter);
  const ids = new Set([...figures.items, ...figures.neverOpened].map((item) => item.itemId));
  const titles: DashboardView['titles'] = {};
  await Promise.all(
    [...ids].map(async (id) => {
      const item = parseKnowledgeItem(await db.get('items', id));
      if (item) titles[id] = { title: item.title, url: item.url };
    }),
  );
  const inRange = (at: number) => {
    const day = dayOf(at);
    return day >= filter.from && day <= filter.to;
  };
  const flags = new Map<FlagReason, number>();
  let endorsements = 0;
  for (const entry of outbox.map(parseOutboxEntry)) {
    if (!entry || !inRange(entry.createdAt)) continue;
    if (entry.reaction.kind === 'endorse') endorsements++;
    else flags.set(entry.reaction.reason, (flags.get(entry.reaction.reason) ?? 0) + 1);
  }
  return {
    figures,
    titles,
    gaps: gaps
      .filter((gap) => typeof gap.query === 'string' && typeof gap.count === 'number' && inRange(gap.lastAt))
      .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
      .slice(0, GAP_LIMIT),
    flags: FLAG_REASONS.filter((reason) => flags.has(reason)).map((reason) => ({
      reason,
      count: flags.get(reason) ?? 0,
    })),
    endorsements,
    tools: [...new Set(days.flatMap((day) => day.tools).filter(Boolean))].sort(),
    storage: { problem, ...usage },
  };
}
