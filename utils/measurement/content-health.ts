/**
 * Content health of a source, for the admin: what in it will not make a good two-minute read
 * where people work. Pure: the items, the source's status and `now` come in.
 */
import type { KnowledgeItem, SourceStatus } from '../model';
import { fullReadingMinutes } from '../sources/lib/html-to-text';

/** A two-minute read at about 200 words a minute. */
export const TWO_MINUTES = 2;
const EXAMPLES = 5;
const MONTH_MS = 30.44 * 24 * 3600_000;

export interface HealthExample {
  id: string;
  title: string;
  url: string;
  /** Minutes (over-long), or the date that makes it stale (epoch ms). */
  detail?: number;
}

export interface HealthFinding {
  count: number;
  /** The first few, worst first. */
  examples: HealthExample[];
}

export interface ContentHealth {
  sourceId: string;
  items: number;
  /** Items with no summary: the nudge can only show their title. */
  noSummary: HealthFinding;
  /** Items whose text is over a two-minute read: the nudge shows a cut. */
  overLong: HealthFinding;
  /** Past their review date, or not updated for `staleAfterMonths`. */
  stale: HealthFinding;
  /** Records the last sync dropped because their link was not http(s). */
  droppedLinks: number;
  staleAfterMonths: number;
}

function finding(items: HealthExample[], worstFirst: (a: HealthExample, b: HealthExample) => number) {
  return { count: items.length, examples: [...items].sort(worstFirst).slice(0, EXAMPLES) };
}

const example = (item: KnowledgeItem, detail?: number): HealthExample => ({
  id: item.id,
  title: item.title,
  url: item.url,
  ...(detail !== undefined ? { detail } : {}),
});

export function contentHealth(
  sourceId: string,
  items: KnowledgeItem[],
  status: SourceStatus | undefined,
  now: number,
  staleAfterMonths: number,
): ContentHealth {
  const noSummary: HealthExample[] = [];
  const overLong: HealthExample[] = [];
  const stale: HealthExample[] = [];
  const staleBefore = now - staleAfterMonths * MONTH_MS;
  for (const item of items) {
    if (!item.summary.trim()) noSummary.push(example(item));
    const minutes = Math.max(item.fullMinutes ?? 0, fullReadingMinutes(item.summary));
    if (minutes > TWO_MINUTES) overLong.push(example(item, minutes));
    if (item.reviewBy !== undefined && item.reviewBy < now) stale.push(example(item, item.reviewBy));
    else if (item.updatedAt < staleBefore) stale.push(example(item, item.updatedAt));
  }
  return {
    sourceId,
    items: items.length,
    noSummary: finding(noSummary, (a, b) => a.title.localeCompare(b.title)),
    overLong: finding(overLong, (a, b) => (b.detail ?? 0) - (a.detail ?? 0)),
    stale: finding(stale, (a, b) => (a.detail ?? 0) - (b.detail ?? 0)),
    droppedLinks: status?.droppedLinks ?? 0,
    staleAfterMonths,
  };
}
