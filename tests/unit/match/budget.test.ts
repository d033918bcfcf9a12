import { describe, expect, it } from 'vitest';
import {
  afterAnnounce,
  afterReaction,
  type BudgetSettings,
  type BudgetState,
  DEFAULT_BUDGET,
  EMPTY_BUDGET,
  inQuietHours,
  type LocalTime,
  mayAnnounce,
  parseBudgetSettings,
  parseBudgetState,
} from '@/utils/match/budget';

const MIN = 60_000;

/** A deterministic pseudo-random sequence, so the simulated day is the same on every run. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Local time for a simulated clock starting at midnight of day 0 (UTC-free arithmetic). */
const local = (t: number): LocalTime => ({
  day: `d${Math.floor(t / (24 * 60 * MIN))}`,
  minutes: Math.floor((t % (24 * 60 * MIN)) / MIN),
});

/**
 * A working week: every page view (hundreds a day, across tools) may carry a new tip that wants to
 * announce itself; the person dismisses some announcements and engages with others.
 */
function simulate(settings: BudgetSettings, days: number, dismissRate: number) {
  const random = seeded(42);
  let state: BudgetState = EMPTY_BUDGET;
  const shown: number[] = [];
  let tip = 0;
  for (let day = 0; day < days; day++) {
    for (let view = 0; view < 400; view++) {
      const t = day * 24 * 60 * MIN + (8 * 60 + Math.floor((view / 400) * 10 * 60)) * MIN; // 08:00–18:00
      if (!mayAnnounce(state, settings, t, local(t)).ok) continue;
      state = afterAnnounce(state, `tip-${tip++}`, t, local(t));
      shown.push(t);
      state = afterReaction(state, settings, random() < dismissRate ? 'dismissed' : 'engaged', t + MIN);
    }
  }
  return { shown, state };
}

describe('attention budget', () => {
  it('never exceeds the daily cap or the minimum gap over a busy week', () => {
    const { shown } = simulate(DEFAULT_BUDGET, 5, 0);
    const perDay = new Map<string, number>();
    for (const t of shown) perDay.set(local(t).day, (perDay.get(local(t).day) ?? 0) + 1);
    expect(perDay.size).toBe(5);
    for (const count of perDay.values()) expect(count).toBe(DEFAULT_BUDGET.maxPerDay);
    for (let i = 1; i < shown.length; i++) {
      expect((shown[i] as number) - (shown[i - 1] as number)).toBeGreaterThanOrEqual(
        DEFAULT_BUDGET.minGapMinutes * MIN,
      );
    }
  });

  it('backs off after a run of dismissals', () => {
    const always = simulate(DEFAULT_BUDGET, 5, 1).shown;
    // Three dismissed in a row on day 0, then a 72-hour pause: nothing more until day 3.
    expect(always.filter((t) => local(t).day === 'd0')).toHaveLength(3);
    expect(always.filter((t) => ['d1', 'd2'].includes(local(t).day))).toHaveLength(0);
    expect(always.length).toBeLessThan(simulate(DEFAULT_BUDGET, 5, 0).shown.length);
  });

  it('keeps quiet hours, also across midnight', () => {
    const quiet = { start: '12:00', end: '14:00' };
    const { shown } = simulate(
      { ...DEFAULT_BUDGET, maxPerDay: 20, minGapMinutes: 30, quietHours: quiet },
      2,
      0,
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const t of shown) expect(inQuietHours(quiet, local(t).minutes)).toBe(false);
    expect(inQuietHours({ start: '18:00', end: '08:00' }, 23 * 60)).toBe(true);
    expect(inQuietHours({ start: '18:00', end: '08:00' }, 7 * 60)).toBe(true);
    expect(inQuietHours({ start: '18:00', end: '08:00' }, 12 * 60)).toBe(false);
  });

  it('allows none at all with a cap of zero', () => {
    expect(simulate({ ...DEFAULT_BUDGET, maxPerDay: 0 }, 3, 0).shown).toEqual([]);
  });

  it('says why an announcement is refused', () => {
    const t = 9 * 60 * MIN;
    const after = afterAnnounce(EMPTY_BUDGET, 'a', t, local(t));
    expect(mayAnnounce(after, DEFAULT_BUDGET, t + MIN, local(t + MIN))).toEqual({ ok: false, reason: 'gap' });
    expect(mayAnnounce({ ...after, backoffUntil: t + 10 * MIN }, DEFAULT_BUDGET, t + MIN, local(t))).toEqual({
      ok: false,
      reason: 'backoff',
    });
  });

  it('validates settings and stored state', () => {
    expect(parseBudgetSettings({ maxPerDay: 5, quietHours: { start: '18:00', end: '08:00' } })).toEqual({
      budget: { ...DEFAULT_BUDGET, maxPerDay: 5, quietHours: { start: '18:00', end: '08:00' } },
      problems: [],
    });
    const bad = parseBudgetSettings({
      maxPerDay: -1,
      minGapMinutes: 'soon',
      quietHours: { start: '25:00', end: 'x' },
    });
    expect(bad.budget).toEqual(DEFAULT_BUDGET);
    expect(bad.problems).toHaveLength(3);
    expect(parseBudgetState('garbage')).toEqual(EMPTY_BUDGET);
    expect(parseBudgetState({ shown: [{ itemId: 'a', at: 1, day: 'd' }, 'x'], streak: -3 })).toEqual({
      shown: [{ itemId: 'a', at: 1, day: 'd' }],
      streak: 0,
      backoffUntil: 0,
    });
  });
});
