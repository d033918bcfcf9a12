import { describe, expect, it } from 'vitest';
import {
  dismissals,
  filterFor,
  groupDays,
  groupingFor,
  hasEvents,
  noon,
  RANGES,
} from '@/components/dashboard/grouping';
import { daysBetween } from '@/utils/measurement/days';

describe('dashboard grouping', () => {
  it('groups days by ISO week (Monday first) and by month', () => {
    const byDay = daysBetween('2025-12-27', '2026-01-06').map((day) => ({
      day,
      counts: { impression: 1, open: 0 },
    }));
    expect(groupDays(byDay, 'week').map((bucket) => [bucket.start, bucket.impressions])).toEqual([
      ['2025-12-22', 2],
      ['2025-12-29', 7],
      ['2026-01-05', 2],
    ]);
    expect(groupDays(byDay, 'month').map((bucket) => [bucket.start, bucket.impressions])).toEqual([
      ['2025-12-01', 5],
      ['2026-01-01', 6],
    ]);
  });

  it('keeps one bucket per day when grouping by day, and sums opens beside impressions', () => {
    const buckets = groupDays(
      [
        { day: '2025-12-01', counts: { impression: 4, open: 1 } },
        { day: '2025-12-02', counts: { open: 2 } },
      ],
      'day',
    );
    expect(buckets).toEqual([
      { start: '2025-12-01', impressions: 4, opens: 1 },
      { start: '2025-12-02', impressions: 0, opens: 2 },
    ]);
  });

  it('draws a bar per day up to a month, per week up to 120 days, per month beyond', () => {
    expect(groupingFor(7)).toBe('day');
    expect(groupingFor(31)).toBe('day');
    expect(groupingFor(32)).toBe('week');
    expect(groupingFor(120)).toBe('week');
    expect(groupingFor(121)).toBe('month');
    expect(RANGES.map(groupingFor)).toEqual(['day', 'day', 'week', 'month']);
  });

  it('makes the filter of the last days up to today, with a tool and a kind only when chosen', () => {
    expect(filterFor('2025-12-07', 7, '', '')).toEqual({ from: '2025-12-01', to: '2025-12-07' });
    expect(filterFor('2025-03-01', 30, 'jira', 'tip')).toEqual({
      from: '2025-01-31',
      to: '2025-03-01',
      tool: 'jira',
      kind: 'tip',
    });
  });

  it('puts a day at noon UTC, so that it is the same calendar day everywhere', () => {
    expect(noon('2025-12-07').toISOString()).toBe('2025-12-07T12:00:00.000Z');
  });

  it('counts dismissed items and announcements together, and tells an empty day', () => {
    expect(dismissals({ dismiss: 2, 'announce-dismissed': 1, snooze: 5 })).toBe(3);
    expect(dismissals({})).toBe(0);
    expect(hasEvents({})).toBe(false);
    expect(hasEvents({ impression: 0 })).toBe(false);
    expect(hasEvents({ gap: 1 })).toBe(true);
  });
});
