/**
 * The measurement dashboard's data, read from IndexedDB for a range of days: the figures from the
 * daily aggregates (utils/measurement/events.ts), the titles of the items they name, searches that found
 * nothing, and flags by reason.
 */
import type { Db } from '../db';
import { parseOutboxEntry } from '../delivery/outbox';
import { FLAG_REASONS, type FlagReason } from '../delivery/reactions';
import { parseKnowledgeItem } from '../model';
import type { Counts } from './daily';
import { dayOf } from './days';
import { readPackedDays, type StorageProblem, storageProblem } from './event-log';
import { computeFigures, type DashboardFilter, type Figures, figuresOfDays, type Rates } from './figures';
import { groupsOfReports, reportsForGroup } from './groups';
import { previousPeriod } from './period';
import { type PeopleDay, peopleByDay, type ReportPayload, reportRows } from './report';

export interface DashboardView {
  figures: Figures;
  /** Titles and links of the items the figures name (absent: the item is no longer cached). */
  titles: Record<string, { title: string; url: string }>;
  /** Searches that found nothing, most asked first (their words are kept in this browser only). */
  gaps: { query: string; count: number; lastAt: number }[];
  /** Flags raised in the range, by reason, and endorsements. */
  flags: { reason: FlagReason; count: number }[];
  endorsements: number;
  /** Titles people asked for with a "something is missing" flag in the range, most asked first. */
  missing?: { title: string; count: number; lastAt: number }[];
  /** The totals of the period of the same length just before the range, for period-over-period changes. */
  previous?: { from: string; to: string; totals: Counts; rates: Rates };
  /** Tools with any event in the range (for the filter). */
  tools: string[];
  storage: { problem: StorageProblem | null; usage?: number; quota?: number };
  /** Only for figures from collected reports: the browsers (people) that reported, per day. */
  people?: { days: PeopleDay[]; reports: number; skipped: number };
  /**
   * Only for figures from collected reports: the pilot groups with at least MIN_GROUP_BROWSERS
   * reporting browsers on some day of the range (the ones a group filter can choose).
   */
  groups?: string[];
  /**
   * Only for figures from collected reports: per item, the person-days it was seen and opened on
   * and the most people who saw it on one day (the adoption report's reach of tips).
   */
  reach?: Record<string, ItemReach>;
}

export interface ItemReach {
  saw: number;
  opened: number;
  busiestDay: number;
}

/** Per item of the reports in range: person-days seen, person-days opened, most people on one day. */
export function reachOf(reports: readonly ReportPayload[], tool?: string): Record<string, ItemReach> {
  const reach: Record<string, ItemReach> = {};
  const perDay = new Map<string, number>();
  for (const report of reports) {
    // One browser's day counts once per item, whichever tools it was seen in.
    const saw = new Set<string>();
    const opened = new Set<string>();
    for (const row of report.rows) {
      if (!row.itemId || (tool !== undefined && row.tool !== tool)) continue;
      if ((row.counts.impression ?? 0) > 0) saw.add(row.itemId);
      if ((row.counts.open ?? 0) > 0) opened.add(row.itemId);
    }
    for (const itemId of new Set([...saw, ...opened])) {
      const entry = reach[itemId] ?? { saw: 0, opened: 0, busiestDay: 0 };
      if (saw.has(itemId)) {
        entry.saw++;
        const key = `${itemId}\n${report.day}`;
        const day = (perDay.get(key) ?? 0) + 1;
        perDay.set(key, day);
        entry.busiestDay = Math.max(entry.busiestDay, day);
      }
      if (opened.has(itemId)) entry.opened++;
      reach[itemId] = entry;
    }
  }
  return reach;
}

const GAP_LIMIT = 50;
const MISSING_LIMIT = 50;

/** The "something is missing" titles, case and spacing aside the same title counted once. */
export function missingTitles(
  flags: readonly { title: string; at: number }[],
): NonNullable<DashboardView['missing']> {
  const byTitle = new Map<string, { title: string; count: number; lastAt: number }>();
  for (const { title, at } of flags) {
    const key = title.toLowerCase().replace(/\s+/g, ' ').trim();
    const seen = byTitle.get(key);
    if (seen) {
      seen.count++;
      if (at > seen.lastAt) seen.lastAt = at;
    } else byTitle.set(key, { title, count: 1, lastAt: at });
  }
  return [...byTitle.values()]
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
    .slice(0, MISSING_LIMIT);
}

/** The items a view's tables name. */
export function namedItems(figures: Figures): string[] {
  return [...new Set([...figures.items, ...figures.neverOpened].map((item) => item.itemId))];
}

/** Titles and links of cached items (ids no longer cached are left out). */
export async function titlesOf(db: Db, ids: readonly string[]): Promise<DashboardView['titles']> {
  const titles: DashboardView['titles'] = {};
  if (ids.length === 0) return titles;
  // One transaction for every read: one per item cost more than the reads themselves.
  const store = db.transaction('items').store;
  await Promise.all(
    ids.map(async (id) => {
      const item = parseKnowledgeItem(await store.get(id));
      if (item) titles[id] = { title: item.title, url: item.url };
    }),
  );
  return titles;
}

export async function loadDashboard(
  db: Db,
  filter: DashboardFilter,
  estimate?: () => Promise<{ usage?: number; quota?: number }>,
  /**
   * Whether a recorded search still finds nothing today (a gap that now finds something is left
   * out). Asked for only when the range holds recorded gaps, and while the figures are read: it
   * may need the search index, which a cold worker has to load first.
   */
  gapCheck?: () => Promise<(query: string) => boolean>,
): Promise<DashboardView> {
  const before = previousPeriod(filter.from, filter.to);
  const inRange = (at: number) => {
    const day = dayOf(at);
    return day >= filter.from && day <= filter.to;
  };
  const recordedGaps = db
    .getAll('gaps')
    .then((gaps) =>
      gaps.filter(
        (gap) => typeof gap.query === 'string' && typeof gap.count === 'number' && inRange(gap.lastAt),
      ),
    );
  const everyGap = (_query: string) => true;
  // Without the check (the index failed to load) the recorded gaps are shown as they are.
  const stillAGap = recordedGaps.then((gaps) =>
    gaps.length > 0 && gapCheck
      ? gapCheck().catch((error: unknown) => {
          console.warn('Signpost: recorded content gaps shown unchecked', error);
          return everyGap;
        })
      : everyGap,
  );
  const [days, earlier, gaps, isGap, outbox, problem, usage] = await Promise.all([
    readPackedDays(db, filter.from, filter.to),
    readPackedDays(db, before.from, before.to),
    recordedGaps,
    stillAGap,
    db.getAll('outbox'),
    storageProblem(db),
    estimate?.().catch(() => ({})) ?? Promise.resolve({}),
  ]);
  const figures = figuresOfDays(days, filter);
  const earlierFigures = figuresOfDays(earlier, { ...filter, ...before }, { itemLimit: 0 });
  const titles = await titlesOf(db, namedItems(figures));
  const flags = new Map<FlagReason, number>();
  let endorsements = 0;
  const missing: { title: string; at: number }[] = [];
  for (const entry of outbox.map(parseOutboxEntry)) {
    if (!entry || !inRange(entry.createdAt)) continue;
    if (entry.reaction.kind === 'endorse') endorsements++;
    else if (entry.reaction.kind === 'flag') {
      flags.set(entry.reaction.reason, (flags.get(entry.reaction.reason) ?? 0) + 1);
      if (entry.reaction.missingTitle)
        missing.push({ title: entry.reaction.missingTitle, at: entry.createdAt });
    }
  }
  return {
    figures,
    titles,
    gaps: gaps
      .filter((gap) => isGap(gap.query))
      .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
      .slice(0, GAP_LIMIT),
    flags: FLAG_REASONS.filter((reason) => flags.has(reason)).map((reason) => ({
      reason,
      count: flags.get(reason) ?? 0,
    })),
    endorsements,
    missing: missingTitles(missing),
    previous: { ...before, totals: earlierFigures.totals, rates: earlierFigures.rates },
    tools: [...new Set(days.flatMap((day) => day.tools).filter(Boolean))].sort(),
    storage: { problem, ...usage },
  };
}

/**
 * The same view from the daily reports an organisation's endpoint collected (one per browser and
 * day): the figures summed over everyone, and how many people reported, saw a tip and opened one.
 * Searches' words never leave a browser, so there are no gaps to list, only their count.
 */
export function dashboardFromReports(
  reports: readonly ReportPayload[],
  filter: DashboardFilter,
  skipped = 0,
): DashboardView {
  const period = reports.filter((report) => report.day >= filter.from && report.day <= filter.to);
  // Small groups' days are left out of per-group figures (utils/measurement/groups.ts).
  const inRange = reportsForGroup(period, filter);
  const rows = reportRows(inRange);
  const flags = new Map<FlagReason, number>();
  let endorsements = 0;
  for (const report of inRange) {
    endorsements += report.endorsements;
    for (const reason of FLAG_REASONS) {
      const count = report.flags[reason];
      if (count) flags.set(reason, (flags.get(reason) ?? 0) + count);
    }
  }
  const before = previousPeriod(filter.from, filter.to);
  const earlier = computeFigures(
    reportRows(
      reportsForGroup(
        reports.filter((report) => report.day >= before.from && report.day <= before.to),
        filter,
      ),
    ),
    { ...filter, ...before },
    { itemLimit: 0 },
  );
  return {
    figures: computeFigures(rows, filter),
    previous: { ...before, totals: earlier.totals, rates: earlier.rates },
    titles: {},
    gaps: [],
    flags: FLAG_REASONS.filter((reason) => flags.has(reason)).map((reason) => ({
      reason,
      count: flags.get(reason) ?? 0,
    })),
    endorsements,
    tools: [...new Set(rows.map((row) => row.tool).filter(Boolean))].sort(),
    storage: { problem: null },
    people: { days: peopleByDay(inRange, filter), reports: inRange.length, skipped },
    reach: reachOf(inRange, filter.tool),
    groups: groupsOfReports(period),
  };
}
