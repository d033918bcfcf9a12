import { describe, expect, it } from 'vitest';
import { aggregateEvents, type DailyRow, parseDailyRow } from '@/utils/measurement/daily';
import { dayOf, daysBetween, shiftDay } from '@/utils/measurement/days';
import { makeEvent, type SignpostEvent } from '@/utils/measurement/events';
import { computeFigures, rates } from '@/utils/measurement/figures';

/** A local-time moment on a given day. */
const at = (day: string, hour = 10) => {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d, hour).getTime();
};

const impression = (day: string, tool: string, itemId: string, kind: 'tip' | 'article' = 'article') =>
  makeEvent('impression', at(day), tool, 'board', itemId, kind);

describe('measurement events', () => {
  it('keep only what may be stored, and the item kind', () => {
    const event = makeEvent('open', 5, 'jira'.repeat(30), 'x'.repeat(100), 'id', 'tip');
    expect(event.tool).toHaveLength(60);
    expect(event.area).toHaveLength(60);
    expect(event.kind).toBe('tip');
    expect(Object.keys(makeEvent('pause', 5, ''))).toEqual(['at', 'type', 'tool']);
    expect(makeEvent('open', 5, 'jira', undefined, 'id', 'banner' as never).kind).toBeUndefined();
  });

  it('walk calendar days across month and year ends', () => {
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-29', '2026-12-02')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(daysBetween('2026-12-02', '2026-12-01')).toEqual([]);
    expect(dayOf(at('2026-12-01', 23))).toBe('2026-12-01');
  });
});

describe('daily aggregates', () => {
  it('count each event type per day, tool and item', () => {
    const events: SignpostEvent[] = [
      impression('2026-12-01', 'jira', 'kb:1'),
      impression('2026-12-01', 'jira', 'kb:1'),
      makeEvent('open', at('2026-12-01'), 'jira', 'board', 'kb:1', 'article'),
      impression('2026-12-01', 'github', 'kb:1'),
      impression('2026-12-02', 'jira', 'kb:1'),
      makeEvent('gap', at('2026-12-02'), ''),
    ];
    const rows = aggregateEvents(events).sort((a, b) =>
      `${a.day}${a.tool}${a.itemId}`.localeCompare(`${b.day}${b.tool}${b.itemId}`),
    );
    expect(rows).toEqual([
      { day: '2026-12-01', tool: 'github', itemId: 'kb:1', kind: 'article', counts: { impression: 1 } },
      {
        day: '2026-12-01',
        tool: 'jira',
        itemId: 'kb:1',
        kind: 'article',
        counts: { impression: 2, open: 1 },
      },
      { day: '2026-12-02', tool: '', itemId: '', counts: { gap: 1 } },
      { day: '2026-12-02', tool: 'jira', itemId: 'kb:1', kind: 'article', counts: { impression: 1 } },
    ]);
  });

  it('are validated when read back: malformed counts and days are dropped', () => {
    expect(
      parseDailyRow({ day: '2026-12-01', tool: 'jira', itemId: 'x', counts: { open: 2, bogus: 4 } }),
    ).toEqual({
      day: '2026-12-01',
      tool: 'jira',
      itemId: 'x',
      counts: { open: 2 },
    });
    expect(
      parseDailyRow({ day: '2026-12-01', tool: 'jira', itemId: 'x', counts: { open: -1, panel: 1.5 } })
        ?.counts,
    ).toEqual({});
    expect(parseDailyRow({ day: 'yesterday', tool: 'jira', itemId: 'x', counts: {} })).toBeNull();
    expect(parseDailyRow({ day: '2026-12-01', tool: 3, itemId: 'x', counts: {} })).toBeNull();
    expect(parseDailyRow('row')).toBeNull();
  });
});

describe('the dashboard figures', () => {
  const rows: DailyRow[] = aggregateEvents([
    ...Array.from({ length: 40 }, () => impression('2026-11-30', 'jira', 'kb:board')),
    ...Array.from({ length: 4 }, () =>
      makeEvent('open', at('2026-11-30'), 'jira', 'board', 'kb:board', 'article'),
    ),
    makeEvent('helpful', at('2026-11-30'), 'jira', 'board', 'kb:board', 'article'),
    makeEvent('helpful', at('2026-11-30'), 'jira', 'board', 'kb:board', 'article'),
    makeEvent('not-helpful', at('2026-12-01'), 'jira', 'board', 'kb:board', 'article'),
    ...Array.from({ length: 12 }, () => impression('2026-12-01', 'github', 'tip:actions', 'tip')),
    ...Array.from({ length: 3 }, () => impression('2026-12-01', 'github', 'tip:rare', 'tip')),
    makeEvent('open', at('2026-12-01'), 'github', 'pull-request', 'tip:rare', 'tip'),
    makeEvent('pause', at('2026-12-01'), ''),
    makeEvent('gap', at('2026-12-01'), ''),
    impression('2026-11-20', 'jira', 'kb:old'),
  ]);

  it('sum the range, fill every day, and rank tools and items by impressions', () => {
    const figures = computeFigures(rows, { from: '2026-11-29', to: '2026-12-01' });
    expect(figures.totals).toMatchObject({
      impression: 55,
      open: 5,
      helpful: 2,
      'not-helpful': 1,
      pause: 1,
      gap: 1,
    });
    expect(figures.rates.openRate).toBeCloseTo(5 / 55);
    expect(figures.rates.helpfulRate).toBeCloseTo(2 / 3);
    expect(figures.byDay.map((day) => [day.day, day.counts.impression ?? 0])).toEqual([
      ['2026-11-29', 0],
      ['2026-11-30', 40],
      ['2026-12-01', 15],
    ]);
    expect(figures.byTool.map((tool) => tool.tool)).toEqual(['jira', 'github']);
    expect(figures.byTool[0]?.rates.openRate).toBeCloseTo(0.1);
    expect(figures.items.map((item) => item.itemId)).toEqual(['kb:board', 'tip:actions', 'tip:rare']);
  });

  it('name the items shown often but never opened', () => {
    const figures = computeFigures(rows, { from: '2026-11-29', to: '2026-12-01' });
    expect(figures.neverOpened.map((item) => [item.itemId, item.counts.impression])).toEqual([
      ['tip:actions', 12],
    ]);
    expect(
      computeFigures(rows, { from: '2026-11-29', to: '2026-12-01' }, { neverOpenedMin: 20 }).neverOpened,
    ).toEqual([]);
  });

  it('filter by tool and by kind: tips this week', () => {
    const tips = computeFigures(rows, { from: '2026-11-25', to: '2026-12-01', kind: 'tip' });
    expect(tips.totals).toEqual({ impression: 15, open: 1 });
    expect(tips.items.every((item) => item.kind === 'tip')).toBe(true);
    const jira = computeFigures(rows, { from: '2026-11-01', to: '2026-12-01', tool: 'jira' });
    expect(jira.totals.impression).toBe(41);
    expect(jira.byTool.map((tool) => tool.tool)).toEqual(['jira']);
  });

  it('have no rates without impressions or votes', () => {
    expect(rates({})).toEqual({ openRate: null, helpfulRate: null });
    const empty = computeFigures([], { from: '2026-12-01', to: '2026-12-07' });
    expect(empty.byDay).toHaveLength(7);
    expect(empty.items).toEqual([]);
  });
});
