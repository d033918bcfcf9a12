/**
 * Pilot groups: a report may carry the audience groups the organisation's policy gives its browser
 * (`audiences`, e.g. `pilot-sales`), never an identity. Per-group figures leave out every day on
 * which fewer than {@link MIN_GROUP_BROWSERS} browsers of the group reported, so that no figure
 * describes one or two people. Pure.
 */

/** What group helpers read of a report (utils/measurement/report.ts). */
interface GroupedReport {
  day: string;
  groups?: string[];
}

/** A group's day counts only with at least this many reporting browsers (k-anonymity of 5). */
export const MIN_GROUP_BROWSERS = 5;
/** Groups a report may carry, and the length of a group's name. */
export const GROUPS_MAX = 20;
export const GROUP_NAME_MAX = 60;

/** Which browsers a view is for: everyone, one group's members, or everyone outside the group. */
export interface GroupFilter {
  group?: string;
  /** With `group`: the browsers NOT in it ("everyone else"). */
  others?: boolean;
}

/** A group name as reports carry it: trimmed, lowercase, at most 60 characters; '' when unusable. */
export function cleanGroup(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.trim().toLowerCase().slice(0, GROUP_NAME_MAX);
}

/** A report's groups: cleaned, each once, at most {@link GROUPS_MAX}, sorted. */
export function cleanGroups(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return [...new Set(values.map(cleanGroup).filter(Boolean))].slice(0, GROUPS_MAX).sort();
}

/** Whether a report belongs on the side of the group filter asked for. */
export function inGroupFilter(groups: readonly string[] | undefined, filter: GroupFilter): boolean {
  if (!filter.group) return true;
  const member = (groups ?? []).includes(filter.group);
  return filter.others ? !member : member;
}

/**
 * The reports on the asked side of the group filter, without the days where that side had fewer
 * than {@link MIN_GROUP_BROWSERS} reports. Without a group: every report, untouched.
 */
export function reportsForGroup<R extends GroupedReport>(reports: readonly R[], filter: GroupFilter): R[] {
  if (!filter.group) return [...reports];
  const chosen = reports.filter((report) => inGroupFilter(report.groups, filter));
  const perDay = new Map<string, number>();
  for (const report of chosen) perDay.set(report.day, (perDay.get(report.day) ?? 0) + 1);
  return chosen.filter((report) => (perDay.get(report.day) ?? 0) >= MIN_GROUP_BROWSERS);
}

/** The groups that reach {@link MIN_GROUP_BROWSERS} reports on at least one day, sorted. */
export function groupsOfReports(reports: readonly GroupedReport[]): string[] {
  const perGroupDay = new Map<string, number>();
  for (const report of reports) {
    for (const group of report.groups ?? []) {
      const key = `${group}\u0000${report.day}`;
      perGroupDay.set(key, (perGroupDay.get(key) ?? 0) + 1);
    }
  }
  const groups = new Set<string>();
  for (const [key, count] of perGroupDay)
    if (count >= MIN_GROUP_BROWSERS) groups.add(key.slice(0, key.indexOf('\u0000')));
  return [...groups].sort();
}
