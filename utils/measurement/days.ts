/** Local calendar days as YYYY-MM-DD, the unit measurement is counted and kept in. Pure. */
import { localTime } from '../match/budget';

export const DAY_MS = 24 * 3600_000;
/** YYYY-MM-DD. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

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
