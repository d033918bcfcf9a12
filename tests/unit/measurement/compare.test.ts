import { describe, expect, it } from 'vitest';
import {
  change,
  compareGroup,
  compareItems,
  comparePeriods,
  METRICS,
  previousFilter,
  previousPeriod,
  summarize,
} from '@/utils/measurement/compare';
import { dashboardFromReports } from '@/utils/measurement/dashboard';
import type { ReportPayload } from '@/utils/measurement/report';

function report(key: string, day: string, opts: { seen?: number; opened?: number; groups?: string[] } = {}) {
  const seen = opts.seen ?? 4;
  const opened = opts.opened ?? 1;
  return {
    type: 'signpost.report',
    schemaVersion: 1,
    idempotencyKey: key,
    day,
    extensionVersion: '1.0.0',
    totals: { impression: seen, open: opened },
    rows: [{ tool: 'jira', itemId: 'it:tip-1', kind: 'tip', counts: { impression: seen, open: opened } }],
    flags: {},
    endorsements: 0,
    ...(opts.groups ? { groups: opts.groups } : {}),
  } satisfies ReportPayload;
}

describe('previous period', () => {
  it('is the same number of days, ending the day before', () => {
    expect(previousPeriod({ from: '2026-11-24', to: '2026-11-30' })).toEqual({
      from: '2026-11-17',
      to: '2026-11-23',
    });
    // Across a month end and a single day.
    expect(previousPeriod({ from: '2026-12-01', to: '2026-12-01' })).toEqual({
      from: '2026-11-30',
      to: '2026-11-30',
    });
  });

  it('keeps the tool, kind and group of a filter', () => {
    expect(
      previousFilter({ from: '2026-11-01', to: '2026-11-30', tool: 'jira', group: 'pilot-sales' }),
    ).toEqual({ from: '2026-10-02', to: '2026-10-31', tool: 'jira', group: 'pilot-sales' });
  });
});

describe('change', () => {
  it('gives counts a relative change and rates a difference in points only', () => {
    expect(change('opens', 30, 20)).toMatchObject({ difference: 10, relative: 0.5, direction: 'up' });
    const rate = change('openRate', 0.25, 0.3);
    expect(rate.difference).toBeCloseTo(-0.05);
    expect(rate).toMatchObject({ relative: null, direction: 'down' });
  });

  it('has no relative change from zero, and none at all when a side is missing', () => {
    expect(change('opens', 5, 0)).toMatchObject({ difference: 5, relative: null, direction: 'up' });
    expect(change('helpfulRate', 0.5, null)).toMatchObject({ difference: null, direction: null });
    expect(change('openRate', 0.1 + 0.2, 0.3)).toMatchObject({ difference: 0, direction: 'same' });
  });
});

describe('comparisons of dashboard views', () => {
  const week1 = ['2026-11-16', '2026-11-17'];
  const week2 = ['2026-11-23', '2026-11-24'];
  const reports = [
    ...week1.flatMap((day) => [report(`a-${day}`, day, { seen: 10, opened: 1 })]),
    ...week2.flatMap((day) => [
      report(`a-${day}`, day, { seen: 10, opened: 3 }),
      report(`b-${day}`, day, { seen: 10, opened: 0 }),
    ]),
  ];

  it('compares a period with the one before from the same reports', () => {
    const filter = { from: '2026-11-23', to: '2026-11-29' };
    const current = dashboardFromReports(reports, filter);
    const previous = dashboardFromReports(reports, previousFilter(filter));
    const { current: now, baseline, changes } = comparePeriods(current, previous);
    expect(now).toMatchObject({ impressions: 40, opens: 6, reports: 4, busiestDay: 2, sawTip: 4 });
    expect(baseline).toMatchObject({ impressions: 20, opens: 2, reports: 2, busiestDay: 1 });
    expect(changes.map((entry) => entry.metric)).toEqual([...METRICS]);
    const opens = changes.find((entry) => entry.metric === 'opens');
    expect(opens).toMatchObject({ difference: 4, relative: 2, direction: 'up' });
    const openRate = changes.find((entry) => entry.metric === 'openRate');
    expect(openRate?.difference).toBeCloseTo(0.15 - 0.1);
  });

  it('compares a group with everyone else, both without days of fewer than five browsers', () => {
    const day = '2026-11-23';
    const pilots = Array.from({ length: 5 }, (_, i) =>
      report(`p${i}`, day, { seen: 10, opened: 5, groups: ['pilot-sales'] }),
    );
    const others = Array.from({ length: 6 }, (_, i) => report(`o${i}`, day, { seen: 10, opened: 1 }));
    // A day with only two pilot browsers: left out of the group's figures.
    const fewPilots = [0, 1].map((i) =>
      report(`q${i}`, '2026-11-24', { seen: 10, opened: 10, groups: ['pilot-sales'] }),
    );
    const all = [...pilots, ...others, ...fewPilots];
    const filter = { from: day, to: '2026-11-24' };
    const group = dashboardFromReports(all, { ...filter, group: 'pilot-sales' });
    const rest = dashboardFromReports(all, { ...filter, group: 'pilot-sales', others: true });
    const { current, baseline } = compareGroup(group, rest);
    expect(current).toMatchObject({ reports: 5, impressions: 50, opens: 25, openRate: 0.5 });
    expect(baseline).toMatchObject({ reports: 6, impressions: 60, opens: 6, openRate: 0.1 });
    expect(group.groups).toEqual(['pilot-sales']);
  });

  it('summarises a view without collected reports with no people figures', () => {
    const view = dashboardFromReports([report('a', '2026-11-23')], { from: '2026-11-23', to: '2026-11-23' });
    const { people: _none, ...local } = view;
    expect(summarize(local)).toMatchObject({ reports: null, sawTip: null, impressions: 4, opens: 1 });
  });

  it('lists the current items with their figures before, 0 for an item not seen then', () => {
    const items = compareItems(
      [
        { itemId: 'x', kind: 'tip', counts: { impression: 10, open: 2 }, rates: { openRate: 0.2 } },
        { itemId: 'new', counts: { impression: 5 }, rates: { openRate: 0 } },
      ],
      [{ itemId: 'x', counts: { impression: 20, open: 2 }, rates: { openRate: 0.1 } }],
    );
    expect(items[0]).toMatchObject({ itemId: 'x', kind: 'tip', impressions: { relative: -0.5 } });
    expect(items[0]?.openRate.difference).toBeCloseTo(0.1);
    expect(items[1]).toMatchObject({ itemId: 'new', impressions: { baseline: 0, relative: null } });
    expect(items[1]?.openRate.baseline).toBeNull();
  });
});
