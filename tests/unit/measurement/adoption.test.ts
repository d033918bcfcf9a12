import { describe, expect, it } from 'vitest';
import { buildAdoptionReport, previousFilter } from '@/utils/measurement/adoption';
import { ADOPTION_COLUMNS, adoptionToCsv } from '@/utils/measurement/adoption-csv';
import { aggregateEvents } from '@/utils/measurement/daily';
import { type DashboardView, dashboardFromReports, reachOf } from '@/utils/measurement/dashboard';
import { makeEvent } from '@/utils/measurement/events';
import { buildReport, type ReportPayload } from '@/utils/measurement/report';

const at = (day: string) => new Date(`${day}T10:00:00`).getTime();

/** One browser's report for a day: a tip seen `tip` times (opened `opened` times), votes and searches with no result. */
function report(
  key: string,
  day: string,
  { tip = 0, opened = 0, helpful = 0, gap = 0, tipId = 'kb:tip', tool = 'jira' } = {},
): ReportPayload {
  const events = [
    ...Array.from({ length: tip }, () => makeEvent('impression', at(day), tool, 'board', tipId, 'tip')),
    ...Array.from({ length: opened }, () => makeEvent('open', at(day), tool, 'board', tipId, 'tip')),
    ...Array.from({ length: helpful }, () => makeEvent('helpful', at(day), tool, 'board', tipId, 'tip')),
    ...Array.from({ length: gap }, () => makeEvent('gap', at(day), '', '', '')),
  ];
  return buildReport(day, aggregateEvents(events), [{ reaction: { kind: 'flag', reason: 'outdated' } }], {
    key,
    extensionVersion: '1.0.0',
  });
}

const NOV = { from: '2026-11-16', to: '2026-11-22' };

describe('the adoption report', () => {
  it('compares with the period of the same length just before', () => {
    expect(previousFilter(NOV)).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(previousFilter({ from: '2026-03-01', to: '2026-03-31', tool: 'jira' })).toEqual({
      from: '2026-01-29',
      to: '2026-02-28',
      tool: 'jira',
    });
  });

  it('counts a tip’s reach in person-days and its busiest day from collected reports', () => {
    const reports = [
      report('a', '2026-11-16', { tip: 3, opened: 1 }),
      report('b', '2026-11-16', { tip: 1 }),
      report('c', '2026-11-17', { tip: 2, opened: 2 }),
      // The same tip seen in two tools by one browser on one day is one person-day.
      report('d', '2026-11-18', { tip: 1, tipId: 'kb:other' }),
    ];
    const reach = reachOf(reports);
    expect(reach['kb:tip']).toEqual({ saw: 3, opened: 2, busiestDay: 2 });
    expect(reach['kb:other']).toEqual({ saw: 1, opened: 0, busiestDay: 1 });
    expect(reachOf(reports, 'github')).toEqual({});
  });

  it('sets the period against the one before, in figures and in sentences', () => {
    const current = dashboardFromReports(
      [
        report('a', '2026-11-16', { tip: 4, opened: 2, helpful: 1, gap: 2 }),
        report('b', '2026-11-17', { tip: 4, opened: 2 }),
      ],
      NOV,
    );
    const previous = dashboardFromReports(
      [report('z', '2026-11-10', { tip: 4, opened: 1 })],
      previousFilter(NOV),
    );
    const built = buildAdoptionReport({ filter: NOV, current, previous });
    const line = (key: string) => built.headline.find((entry) => entry.key === key);
    expect(built.perPerson).toBe(true);
    expect(line('people')).toMatchObject({ value: 2, previous: 1, change: 1 });
    expect(line('impressions')).toMatchObject({ value: 8, previous: 4, change: 1 });
    expect(line('openRate')).toMatchObject({ value: 0.5, previous: 0.25, change: 0.25, rate: true });
    expect(line('gaps')).toMatchObject({ value: 2, previous: 0, change: null });
    expect(line('flags')).toMatchObject({ value: 2, previous: 1 });
    expect(built.tips).toEqual([
      { itemId: 'kb:tip', title: null, url: null, saw: 2, opened: 2, openRate: 1, busiestDay: 1 },
    ]);
    expect(built.sentences.map((sentence) => sentence.key)).toEqual([
      'adoptionSayTipPeople',
      'adoptionSayOpenRateUp',
      'adoptionSayHelpful',
      'adoptionSayGaps',
    ]);
    expect(built.sentences[1]?.values).toEqual([{ percent: 0.5 }, { percent: 0.25 }]);
  });

  it('names the group against everyone else only when the group has figures', () => {
    const view = (reports: ReportPayload[]) => dashboardFromReports(reports, NOV);
    const pilot = view([report('p', '2026-11-16', { tip: 2, opened: 2 })]);
    const rest = view([report('r', '2026-11-16', { tip: 4, opened: 1 })]);
    const empty = view([]);
    const withGroup = buildAdoptionReport({
      filter: NOV,
      current: pilot,
      previous: empty,
      group: { name: 'pilot-sales', group: pilot, rest },
    });
    expect(withGroup.group).toMatchObject({
      name: 'pilot-sales',
      group: { opens: 2, rates: { openRate: 1 } },
      rest: { opens: 1, rates: { openRate: 0.25 } },
    });
    expect(withGroup.sentences.find((s) => s.key === 'adoptionSayGroup')?.values).toEqual([
      'pilot-sales',
      { percent: 1 },
      { percent: 0.25 },
    ]);
    const noFigures = buildAdoptionReport({
      filter: NOV,
      current: rest,
      previous: empty,
      group: { name: 'nobody', group: empty, rest },
    });
    expect(noFigures.group).toBeUndefined();
  });

  it('says so when there is nothing to report, and one browser’s figures are not people', () => {
    const local: DashboardView = { ...dashboardFromReports([], NOV), people: undefined, reach: undefined };
    delete local.people;
    const built = buildAdoptionReport({ filter: NOV, current: local, previous: local });
    expect(built.perPerson).toBe(false);
    expect(built.headline.some((line) => line.key === 'people')).toBe(false);
    expect(built.sentences).toEqual([{ key: 'adoptionSayNothing', values: [] }]);
  });

  it('writes the same figures as one CSV table, safe for spreadsheets', () => {
    const current = dashboardFromReports([report('a', '2026-11-16', { tip: 2, opened: 1 })], NOV);
    current.titles['kb:tip'] = { title: '=HYPERLINK("x")', url: 'https://kb.example/tip' };
    const csv = adoptionToCsv(buildAdoptionReport({ filter: NOV, current, previous: current }));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(ADOPTION_COLUMNS.join(','));
    expect(lines).toContain('2026-11-16,2026-11-22,,headline,impressions,,,2,2,0,,,,');
    const tip = lines.find((line) => line.includes(',tip-person-days,'));
    expect(tip).toBe(
      `2026-11-16,2026-11-22,,tip-person-days,kb:tip,"'=HYPERLINK(""x"")",https://kb.example/tip,1,,,1,1,1,`,
    );
  });
});
