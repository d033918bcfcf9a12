/** Period over period: the period of the same length just before a range, and how a figure changed. Pure. */
import { daysBetween, shiftDay } from './days';

/** The days just before `from`, as many as from `from` to `to` (7 days → the 7 days before). */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to).length;
  return { from: shiftDay(from, -length), to: shiftDay(from, -1) };
}

export interface Change {
  /** current − previous (for rates: in percentage points ÷ 100, i.e. 0.05 = 5 points). */
  delta: number;
  /** delta ÷ previous; null when the previous period had none (no base to compare with). */
  ratio: number | null;
}

/** How a count changed from the previous period. */
export function countChange(current: number, previous: number): Change {
  const delta = current - previous;
  return { delta, ratio: previous ? delta / previous : null };
}

/** How a rate changed, in points; null when either period has no rate. */
export function rateChange(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  return { delta: current - previous, ratio: null };
}
