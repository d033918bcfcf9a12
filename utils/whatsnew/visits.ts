/**
 * Which tools this person actually uses: recognised page visits counted per tool and local day,
 * kept for {@link VISIT_DAYS} days in IndexedDB (meta `visits`). Local only: never in a report,
 * an event or a sync.
 */
import { isRecord } from '../model';

/** Days of visits kept, and the window "tools used this month" looks at. */
export const VISIT_DAYS = 30;

const DAY_MS = 24 * 3600_000;

export interface Visits {
  /** tool id → local day (YYYY-MM-DD) → recognised page visits. */
  tools: Record<string, Record<string, number>>;
  /** Recognised pages ever seen (0 until the very first one). */
  total: number;
}

export const NO_VISITS: Visits = { tools: {}, total: 0 };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Validates the stored value; anything malformed starts afresh. */
export function parseVisits(value: unknown): Visits {
  if (!isRecord(value) || !isRecord(value.tools)) return { tools: {}, total: 0 };
  const tools: Visits['tools'] = {};
  for (const [tool, days] of Object.entries(value.tools)) {
    if (!isRecord(days)) continue;
    const kept = Object.entries(days).filter(
      (entry): entry is [string, number] =>
        DAY.test(entry[0]) && typeof entry[1] === 'number' && entry[1] > 0,
    );
    if (kept.length) tools[tool] = Object.fromEntries(kept);
  }
  const total = typeof value.total === 'number' && value.total >= 0 ? value.total : 0;
  return { tools, total };
}

/** The oldest local day still kept at `now`. */
function firstKeptDay(now: number, localDay: (at: number) => string): string {
  return localDay(now - (VISIT_DAYS - 1) * DAY_MS);
}

/** One more visit of `tool` on the local day `day`; days older than the window are dropped. */
export function addVisit(
  visits: Visits,
  tool: string,
  now: number,
  localDay: (at: number) => string,
): Visits {
  const from = firstKeptDay(now, localDay);
  const day = localDay(now);
  const tools: Visits['tools'] = {};
  for (const [id, days] of Object.entries(visits.tools)) {
    const kept = Object.entries(days).filter(([d]) => d >= from);
    if (kept.length) tools[id] = Object.fromEntries(kept);
  }
  const days = tools[tool] ?? {};
  tools[tool] = { ...days, [day]: (days[day] ?? 0) + 1 };
  return { tools, total: visits.total + 1 };
}

/** Tools with a recognised visit in the last {@link VISIT_DAYS} days, most visited first. */
export function usedTools(visits: Visits, now: number, localDay: (at: number) => string): string[] {
  const from = firstKeptDay(now, localDay);
  return Object.entries(visits.tools)
    .map(([tool, days]) => ({
      tool,
      count: Object.entries(days).reduce((sum, [d, n]) => (d >= from ? sum + n : sum), 0),
    }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count || a.tool.localeCompare(b.tool))
    .map(({ tool }) => tool);
}
