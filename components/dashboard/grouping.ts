/**
 * Pure helpers of the dashboard: the periods it offers, how the per-day chart groups its days,
 * and sums over a day's counts. Days are local days written YYYY-MM-DD.
 */
import type { Counts } from '@/utils/measurement/daily';
import { shiftDay } from '@/utils/measurement/days';
import type { ItemKind } from '@/utils/model';

/** What the figures are for: a range of local days (both included), a tool, a kind. */
export interface DashboardFilterState {
  from: string;
  to: string;
  tool?: string;
  kind?: ItemKind;
  /** Figures from reports only: a pilot group's, or (with `others`) everyone else's. */
  group?: string;
  others?: boolean;
}

/** The periods the admin can choose, in days up to today. */
export const RANGES = [7, 30, 90, 365] as const;
export type RangeDays = (typeof RANGES)[number];

/** The filter for the last `range` days up to `today`, for a tool and a kind ('' = all). */
export function filterFor(
  today: string,
  range: RangeDays,
  tool: string,
  kind: ItemKind | '',
): DashboardFilterState {
  return {
    from: shiftDay(today, -(range - 1)),
    to: today,
    ...(tool ? { tool } : {}),
    ...(kind ? { kind } : {}),
  };
}

/** How the per-day chart groups its bars: one bar per day up to a month, then per week, then per month. */
export type Grouping = 'day' | 'week' | 'month';

export function groupingFor(days: number): Grouping {
  return days <= 31 ? 'day' : days <= 120 ? 'week' : 'month';
}

export interface Bucket {
  /** First day of the bucket: the day, the ISO week's Monday, or the month's first day. */
  start: string;
  impressions: number;
  opens: number;
}

/** Noon UTC of a day: the same calendar day in every time zone's formatting. */
export const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** The days' impressions and opens summed per day, ISO week (Monday first) or calendar month. */
export function groupDays(byDay: readonly { day: string; counts: Counts }[], grouping: Grouping): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const { day, counts } of byDay) {
    const start =
      grouping === 'day'
        ? day
        : grouping === 'week'
          ? shiftDay(day, -((noon(day).getUTCDay() + 6) % 7))
          : `${day.slice(0, 7)}-01`;
    const bucket = buckets.get(start) ?? { start, impressions: 0, opens: 0 };
    bucket.impressions += counts.impression ?? 0;
    bucket.opens += counts.open ?? 0;
    buckets.set(start, bucket);
  }
  return [...buckets.values()];
}

/** Dismissed items and dismissed announcements together. */
export const dismissals = (counts: Counts) => (counts.dismiss ?? 0) + (counts['announce-dismissed'] ?? 0);

/** Whether anything at all was counted. */
export const hasEvents = (counts: Counts) => Object.values(counts).some((count) => (count ?? 0) > 0);
