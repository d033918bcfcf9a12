/**
 * Comparisons for sponsors: a period against the one before it, and a pilot group against
 * everyone else. Both sides are dashboard views (utils/measurement/dashboard.ts) for the same
 * tool and kind; the helpers here only summarise and subtract. Pure.
 *
 *   view (this period / the group) ──summarize──► Summary ─┐
 *                                                         ├─ compareSummaries ─► Change[]
 *   view (the period before / the rest) ──summarize──► Summary ─┘
 */
import type { DashboardView } from './dashboard';
import { daysBetween, shiftDay } from './days';
import type { ItemFigures } from './figures';

/** The figures a comparison is made of. Counts are sums; rates are fractions (0–1). */
export const METRICS = [
  'impressions',
  'opens',
  'openRate',
  'votes',
  'helpfulRate',
  'reports',
  'busiestDay',
  'sawTip',
  'openedTip',
  'flags',
  'endorsements',
] as const;
export type Metric = (typeof METRICS)[number];

/** Metrics that are rates: their change is in percentage points, not a ratio. */
export const RATE_METRICS: ReadonlySet<Metric> = new Set(['openRate', 'helpfulRate']);

/** A view's figures in one flat record; null where the figure does not exist (no votes, no reports). */
export type Summary = Record<Metric, number | null>;

export interface Change {
  metric: Metric;
  current: number | null;
  baseline: number | null;
  /** current − baseline (for rates: in fractions, ×100 for percentage points); null when either is null. */
  difference: number | null;
  /** (current − baseline) ÷ baseline for counts; null for rates, a zero baseline or a missing side. */
  relative: number | null;
  direction: 'up' | 'down' | 'same' | null;
}

type ViewPart = Pick<DashboardView, 'figures' | 'flags' | 'endorsements' | 'people'>;

/** The figures of a view that comparisons use. People figures are null without collected reports. */
export function summarize(view: ViewPart): Summary {
  const { totals, rates } = view.figures;
  const votes = (totals.helpful ?? 0) + (totals['not-helpful'] ?? 0);
  const days = view.people?.days ?? null;
  const sum = (key: 'reports' | 'sawTip' | 'openedTip') =>
    days ? days.reduce((total, day) => total + day[key], 0) : null;
  return {
    impressions: totals.impression ?? 0,
    opens: totals.open ?? 0,
    openRate: rates.openRate,
    votes,
    helpfulRate: rates.helpfulRate,
    reports: sum('reports'),
    busiestDay: days ? days.reduce((best, day) => Math.max(best, day.reports), 0) : null,
    sawTip: sum('sawTip'),
    openedTip: sum('openedTip'),
    flags: view.flags.reduce((total, flag) => total + flag.count, 0),
    endorsements: view.endorsements,
  };
}

/** One metric's change from `baseline` to `current`. */
export function change(metric: Metric, current: number | null, baseline: number | null): Change {
  if (current === null || baseline === null)
    return { metric, current, baseline, difference: null, relative: null, direction: null };
  const difference = current - baseline;
  // Float noise (0.1 + 0.2) must not read as a change.
  const same = Math.abs(difference) < 1e-9;
  return {
    metric,
    current,
    baseline,
    difference: same ? 0 : difference,
    relative: RATE_METRICS.has(metric) || baseline === 0 ? null : same ? 0 : difference / baseline,
    direction: same ? 'same' : difference > 0 ? 'up' : 'down',
  };
}

/** Every metric's change, in {@link METRICS} order. */
export function compareSummaries(current: Summary, baseline: Summary): Change[] {
  return METRICS.map((metric) => change(metric, current[metric], baseline[metric]));
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod({ from, to }: { from: string; to: string }): { from: string; to: string } {
  const length = daysBetween(from, to).length;
  return { from: shiftDay(from, -length), to: shiftDay(from, -1) };
}

/** A filter moved to the previous period, everything else (tool, kind, group) kept. */
export function previousFilter<F extends { from: string; to: string }>(filter: F): F {
  return { ...filter, ...previousPeriod(filter) };
}

export interface Comparison {
  current: Summary;
  baseline: Summary;
  changes: Change[];
}

/** This period against the one before (two views of the same tool, kind and group). */
export function comparePeriods(current: ViewPart, previous: ViewPart): Comparison {
  const a = summarize(current);
  const b = summarize(previous);
  return { current: a, baseline: b, changes: compareSummaries(a, b) };
}

/** A group's view against the view of everyone else (the same period, tool and kind). */
export function compareGroup(group: ViewPart, others: ViewPart): Comparison {
  return comparePeriods(group, others);
}

export interface ItemChange {
  itemId: string;
  kind?: ItemFigures['kind'];
  impressions: Change;
  opens: Change;
  openRate: Change;
}

/**
 * The items of `current` (most impressions first, as the view lists them) with their figures in
 * `baseline`; an item the baseline does not list counts as 0 there.
 */
export function compareItems(
  current: readonly (ItemFigures & { rates: { openRate: number | null } })[],
  baseline: readonly (ItemFigures & { rates: { openRate: number | null } })[],
): ItemChange[] {
  const before = new Map(baseline.map((item) => [item.itemId, item]));
  return current.map((item) => {
    const old = before.get(item.itemId);
    return {
      itemId: item.itemId,
      ...(item.kind ? { kind: item.kind } : {}),
      impressions: change('impressions', item.counts.impression ?? 0, old?.counts.impression ?? 0),
      opens: change('opens', item.counts.open ?? 0, old?.counts.open ?? 0),
      openRate: change('openRate', item.rates.openRate, old ? old.rates.openRate : null),
    };
  });
}
