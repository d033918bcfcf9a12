import { describe, expect, it } from 'vitest';
import {
  cleanGroups,
  groupsOfReports,
  inGroupFilter,
  MIN_GROUP_BROWSERS,
  reportsForGroup,
} from '@/utils/measurement/groups';
import { buildReport, parseReportPayload, type ReportPayload } from '@/utils/measurement/report';

const report = (key: string, day: string, groups?: string[]) =>
  buildReport(day, [], [], { key, extensionVersion: '1', ...(groups ? { groups } : {}) });

describe('pilot groups', () => {
  it('cleans the names a report carries', () => {
    expect(cleanGroups([' Pilot-Sales ', 'pilot-sales', '', 7, 'emea'])).toEqual(['emea', 'pilot-sales']);
    expect(cleanGroups('pilot')).toEqual([]);
    expect(cleanGroups(Array.from({ length: 30 }, (_, i) => `g${i}`))).toHaveLength(20);
  });

  it('puts the groups on the report and keeps them through parsing, never anything else', () => {
    const made = report('k', '2026-11-23', ['Pilot-Sales']);
    expect(made.groups).toEqual(['pilot-sales']);
    expect(parseReportPayload(JSON.parse(JSON.stringify(made)))?.groups).toEqual(['pilot-sales']);
    expect(report('k', '2026-11-23').groups).toBeUndefined();
    expect(parseReportPayload({ ...made, groups: 'x' })?.groups).toBeUndefined();
  });

  it('chooses members, or everyone else', () => {
    expect(inGroupFilter(['a'], {})).toBe(true);
    expect(inGroupFilter(['a'], { group: 'a' })).toBe(true);
    expect(inGroupFilter(undefined, { group: 'a' })).toBe(false);
    expect(inGroupFilter(undefined, { group: 'a', others: true })).toBe(true);
  });

  it(`leaves out a group's days with fewer than ${MIN_GROUP_BROWSERS} browsers`, () => {
    const reports: ReportPayload[] = [
      ...Array.from({ length: MIN_GROUP_BROWSERS }, (_, i) => report(`a${i}`, '2026-11-23', ['pilot'])),
      ...Array.from({ length: MIN_GROUP_BROWSERS - 1 }, (_, i) => report(`b${i}`, '2026-11-24', ['pilot'])),
      report('c', '2026-11-24'),
    ];
    const pilot = reportsForGroup(reports, { group: 'pilot' });
    expect(new Set(pilot.map((entry) => entry.day))).toEqual(new Set(['2026-11-23']));
    // Everyone else is one browser on the 24th: too few as well.
    expect(reportsForGroup(reports, { group: 'pilot', others: true })).toEqual([]);
    expect(reportsForGroup(reports, {})).toHaveLength(reports.length);
    expect(groupsOfReports(reports)).toEqual(['pilot']);
    expect(groupsOfReports(reports.slice(MIN_GROUP_BROWSERS))).toEqual([]);
  });
});
