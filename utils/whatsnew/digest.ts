/**
 * The weekly digest: at most once a week, on the first recognised page after Monday 09:00 local,
 * the announcement slot may offer "4 new things in your tools this week" instead of one tip. It is
 * an announcement like any other: the caller asks the attention budget first and spends it.
 *
 *   due?  ── a Monday 09:00 passed since the last digest ── ≥ DIGEST_MIN unread tips of the week
 *
 * Pure: time comes in as `now`; local time is the runtime's time zone (as the budget's).
 */
import { isRecord } from '../model';
import type { FeedEntry } from './feed';

/** Fewer new things than this is no digest: a single tip announces itself as usual. */
export const DIGEST_MIN = 2;
/** Most items one digest lists. */
export const DIGEST_MAX = 10;
const WEEK_MS = 7 * 24 * 3600_000;

export interface DigestState {
  /** When the last digest was offered (epoch ms); 0: never. */
  lastAt: number;
}

export function parseDigestState(value: unknown): DigestState {
  return isRecord(value) && typeof value.lastAt === 'number' ? { lastAt: value.lastAt } : { lastAt: 0 };
}

/** The latest Monday 09:00 local at or before `now`. */
export function lastMondayNine(now: number): number {
  const at = new Date(now);
  const back = (at.getDay() + 6) % 7; // days since Monday
  const monday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - back, 9, 0, 0, 0);
  if (monday.getTime() <= now) return monday.getTime();
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() - back - 7, 9, 0, 0, 0).getTime();
}

/** Whether a digest may be offered now: none yet since the latest Monday 09:00. */
export function digestDue(state: DigestState, now: number): boolean {
  return state.lastAt < lastMondayNine(now);
}

/** What a digest offers: the unread tips published in the last seven days, newest first. */
export function digestEntries(feed: readonly FeedEntry[], now: number): FeedEntry[] {
  const fresh = feed.filter((entry) => entry.unread && entry.publishedAt > now - WEEK_MS);
  return fresh.length >= DIGEST_MIN ? fresh.slice(0, DIGEST_MAX) : [];
}
