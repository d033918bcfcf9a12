/**
 * The dashboard's view (utils/measurement/dashboard.ts) from the reports in ClickHouse: the same
 * figures as from a file of collected reports, aggregated by ClickHouse in five queries (per day
 * with people and flags, per tool, top and never-opened items, groups) that run side by side.
 * Only sums leave the server, never report rows.
 *
 * A retried report may be in the table twice until ClickHouse merges it away
 * (ReplacingMergeTree). Every copy of a report is the same insert, so each of its rows has as many
 * copies as its 'report' row: the queries read reports whose 'report' row is there once as they
 * are, and collapse the (rare) others row by row — much cheaper than FINAL on 18.16.
 */
import { FLAG_REASONS, type FlagReason } from '../../delivery/reactions';
import type { ItemKind } from '../../model';
import type { Counts } from '../daily';
import type { DashboardView, ItemReach } from '../dashboard';
import { daysBetween } from '../days';
import { EVENT_TYPES } from '../events';
import { type DashboardFilter, type ItemFigures, type Rates, rates } from '../figures';
import { MIN_GROUP_BROWSERS } from '../groups';
import { previousPeriod } from '../period';
import type { PeopleDay } from '../report';
import { type ClickhouseTarget, type QueryDeps, query, quote, tableName } from './client';
import { COUNT_COLUMNS, countColumn, FLAG_COLUMNS, flagColumn } from './rows';

const ITEM_LIMIT = 50;
const NEVER_OPENED_MIN = 10;
const KEY_COLUMNS = ['day', 'report_key', 'row_type', 'tool', 'item_id'];

/** The reports of a range that are in the table more than once (not merged yet). */
export function twiceSql(table: string, from: string, to: string): string {
  return `SELECT report_key FROM ${table} WHERE day BETWEEN toDate(${quote(from)}) AND toDate(${quote(to)}) AND row_type = 'report' GROUP BY report_key HAVING count() > 1`;
}

/** Up to this many reports with copies are named in the queries; more, and each query finds them itself. */
const TWICE_INLINE = 2000;

const memberOf = (filter: DashboardFilter) =>
  `${filter.others ? 'NOT ' : ''}has(groups, ${quote(filter.group ?? '')})`;
const rangeOf = (filter: Pick<DashboardFilter, 'from' | 'to'>) =>
  `day BETWEEN toDate(${quote(filter.from)}) AND toDate(${quote(filter.to)})`;

/** The days of the filter's range where its side of the group had at least MIN_GROUP_BROWSERS reports. */
export function groupDaysSql(
  table: string,
  filter: DashboardFilter,
  shown = 'toString(day) AS shown_day',
): string {
  return `SELECT ${shown} FROM ${table} WHERE ${rangeOf(filter)} AND row_type = 'report' AND ${memberOf(filter)} GROUP BY day HAVING uniqExact(report_key) >= ${MIN_GROUP_BROWSERS}`;
}

/**
 * The rows of the range (and group), each report once, with the columns asked for. `twice`: the
 * reports known to have copies in the range (null: each query finds them). `groupDays`: the days
 * the group may show, found beforehand (null: each query finds them).
 */
export function dedupedRows(
  table: string,
  filter: DashboardFilter,
  twice: readonly string[] | null,
  columns: readonly string[],
  groupDays: readonly string[] | null = null,
): string {
  const range = rangeOf(filter);
  let where = range;
  if (filter.group) {
    // Days where this side of the group had fewer than MIN_GROUP_BROWSERS reports are left out.
    const days = groupDays
      ? groupDays.map((day) => `toDate(${quote(day)})`).join(', ')
      : groupDaysSql(table, filter, 'day');
    where = days ? `${range} AND ${memberOf(filter)} AND day IN (${days})` : '0';
  }
  const rest = columns.filter((column) => !KEY_COLUMNS.includes(column));
  const all = [...KEY_COLUMNS, ...rest];
  // Known to have no copies in the range: the rows as they are.
  if (twice?.length === 0) return `SELECT ${all.join(', ')} FROM ${table} WHERE ${where}`;
  const copies = twice ? twice.map(quote).join(', ') : twiceSql(table, filter.from, filter.to);
  return [
    `SELECT ${all.join(', ')} FROM ${table} WHERE ${where} AND report_key NOT IN (${copies})`,
    'UNION ALL',
    `SELECT ${KEY_COLUMNS.join(', ')}, ${rest.map((column) => `any(${column}) AS ${column}`).join(', ')}`,
    `FROM ${table} WHERE ${where} AND report_key IN (${copies}) GROUP BY ${KEY_COLUMNS.join(', ')}`,
  ].join(' ');
}

/** The condition an item row meets for the filter's tool and kind ('1' for none). */
function itemCondition(filter: DashboardFilter): string {
  const parts = ["row_type = 'item'"];
  if (filter.tool !== undefined) parts.push(`tool = ${quote(filter.tool)}`);
  if (filter.kind !== undefined) parts.push(`kind = ${quote(filter.kind)}`);
  return parts.join(' AND ');
}

const sumsIf = (condition: string) =>
  COUNT_COLUMNS.map((column) => `sumIf(${column}, ${condition}) AS ${column}`).join(', ');
/** sum(column) AS column<suffix>, for every count column. */
const sums = (suffix = '') =>
  COUNT_COLUMNS.map((column) => `sum(${column}) AS ${column}${suffix}`).join(', ');
/** sum(column<suffix>) AS column: the sums of a grouped subquery summed again. */
const sumsOf = (suffix: string) =>
  COUNT_COLUMNS.map((column) => `sum(${column}${suffix}) AS ${column}`).join(', ');

export interface DashboardQueries {
  days: string;
  tools: string;
  items: string;
  groups: string;
  previous: string;
}

/** The five SELECTs of a dashboard view (without FORMAT). */
export function dashboardQueries(
  target: Pick<ClickhouseTarget, 'database' | 'table'>,
  filter: DashboardFilter,
  twice: readonly string[] | null = null,
  groupDays: { current: readonly string[]; previous: readonly string[] } | null = null,
): DashboardQueries {
  const table = tableName(target);
  const current = groupDays?.current ?? null;
  const item = itemCondition(filter);
  const tipSeen =
    filter.tool !== undefined ? `has(tip_seen_tools, ${quote(filter.tool)})` : 'notEmpty(tip_seen_tools)';
  const tipOpened =
    filter.tool !== undefined ? `has(tip_opened_tools, ${quote(filter.tool)})` : 'notEmpty(tip_opened_tools)';
  const days = [
    `SELECT toString(day) AS day, ${sumsIf(item)},`,
    "countIf(row_type = 'report') AS reports,",
    `countIf(row_type = 'report' AND ${tipSeen}) AS saw_tip,`,
    `countIf(row_type = 'report' AND ${tipOpened}) AS opened_tip,`,
    `${[...FLAG_COLUMNS, 'endorsements'].map((column) => `sumIf(${column}, row_type = 'report') AS ${column}`).join(', ')}`,
    `FROM (${dedupedRows(table, filter, twice, ['kind', 'tip_seen_tools', 'tip_opened_tools', ...COUNT_COLUMNS, ...FLAG_COLUMNS, 'endorsements'], current)})`,
    'GROUP BY day ORDER BY day',
  ].join(' ');
  const tools = [
    `SELECT tool, ${sumsIf(item)}, countIf(${item}) AS matched`,
    `FROM (${dedupedRows(table, filter, twice, ['kind', ...COUNT_COLUMNS], current)})`,
    "WHERE row_type = 'item' AND tool != '' GROUP BY tool ORDER BY impression DESC, open DESC LIMIT 500",
  ].join(' ');
  const [saw, opened] = filter.tool === undefined ? ['saw_item', 'opened_item'] : ['saw_row', 'opened_row'];
  // The top items and the never-opened ones in one pass (LIMIT … BY takes the first 50 of each),
  // with their reach: browser-days that saw / opened each, and the most browsers on one day.
  const items = [
    `SELECT item_id, kind, ${COUNT_COLUMNS.join(', ')}, saw, opened, busiest_day,`,
    `open = 0 AND impression >= ${NEVER_OPENED_MIN} AS never`,
    `FROM (SELECT item_id, toString(anyIf(kind_day, kind_day != '')) AS kind, ${sumsOf('_day')},`,
    'sum(saw_day) AS saw, sum(opened_day) AS opened, max(saw_day) AS busiest_day',
    // Per item and day first: a browser-day that saw an item on two tools is one browser-day.
    `FROM (SELECT item_id, day, anyIf(kind, kind != '') AS kind_day, ${sums('_day')},`,
    // A sum, not a count of distinct keys: over all tools, the one row per report and item marked
    // for its reach; within one tool, that tool's rows (one per report).
    `sum(${saw}) AS saw_day, sum(${opened}) AS opened_day`,
    `FROM (${dedupedRows(table, filter, twice, ['kind', saw, opened, ...COUNT_COLUMNS], current)})`,
    `WHERE ${item} AND item_id != '' GROUP BY item_id, day) GROUP BY item_id)`,
    `ORDER BY impression DESC, open DESC, item_id LIMIT ${ITEM_LIMIT} BY never`,
  ].join(' ');
  // The period before, for period-over-period changes: its totals only.
  const before = { ...filter, ...previousPeriod(filter.from, filter.to) };
  const previous = `SELECT ${sums()} FROM (${dedupedRows(table, before, twice, ['kind', ...COUNT_COLUMNS], groupDays?.previous ?? null)}) WHERE ${item}`;
  const range = rangeOf(filter);
  const groups = [
    `SELECT name FROM (SELECT day, arrayJoin(groups) AS name, uniqExact(report_key) AS browsers FROM ${table}`,
    `WHERE ${range} AND row_type = 'report' GROUP BY day, name)`,
    `WHERE browsers >= ${MIN_GROUP_BROWSERS} GROUP BY name ORDER BY name LIMIT 200`,
  ].join(' ');
  return { days, tools, items, groups, previous };
}

type Row = Record<string, unknown>;

/** ClickHouse's JSON quotes 64-bit numbers; anything unreadable is 0. */
const num = (value: unknown): number => {
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) && number > 0 ? number : 0;
};

function countsOf(row: Row): Counts {
  const counts: Counts = {};
  for (const type of EVENT_TYPES) {
    const count = num(row[countColumn(type)]);
    if (count) counts[type] = count;
  }
  return counts;
}

const kindOf = (value: unknown): ItemKind | undefined =>
  value === 'tip' || value === 'article' ? value : undefined;

/** The dashboard's view from the five queries' rows (pure; exported for tests). */
export function viewFromRows(
  filter: DashboardFilter,
  rows: { days: Row[]; tools: Row[]; items: Row[]; groups: Row[]; previous: Row[] },
): DashboardView {
  const totals: Counts = {};
  const byDay = new Map(daysBetween(filter.from, filter.to).map((day) => [day, {} as Counts]));
  const people: PeopleDay[] = [];
  const flags = new Map<FlagReason, number>();
  let endorsements = 0;
  for (const row of rows.days) {
    const day = String(row.day);
    const counts = countsOf(row);
    if (byDay.has(day)) byDay.set(day, counts);
    for (const [type, count] of Object.entries(counts))
      totals[type as keyof Counts] = (totals[type as keyof Counts] ?? 0) + count;
    const reports = num(row.reports);
    if (reports) people.push({ day, reports, sawTip: num(row.saw_tip), openedTip: num(row.opened_tip) });
    for (const reason of FLAG_REASONS) {
      const count = num(row[flagColumn(reason)]);
      if (count) flags.set(reason, (flags.get(reason) ?? 0) + count);
    }
    endorsements += num(row.endorsements);
  }
  const withRates = (counts: Counts): { counts: Counts; rates: Rates } => ({ counts, rates: rates(counts) });
  const items = rows.items.map((row) => {
    const kind = kindOf(row.kind);
    const figures: ItemFigures = {
      itemId: String(row.item_id),
      ...(kind ? { kind } : {}),
      counts: countsOf(row),
    };
    return { figures, never: num(row.never) > 0 };
  });
  const reach: Record<string, ItemReach> = {};
  for (const row of rows.items)
    reach[String(row.item_id)] = {
      saw: num(row.saw),
      opened: num(row.opened),
      busiestDay: num(row.busiest_day),
    };
  const earlier = countsOf(rows.previous[0] ?? {});
  const byImpressions = (a: ItemFigures, b: ItemFigures) =>
    (b.counts.impression ?? 0) - (a.counts.impression ?? 0) || (b.counts.open ?? 0) - (a.counts.open ?? 0);
  return {
    figures: {
      filter,
      totals,
      rates: rates(totals),
      byDay: [...byDay].map(([day, counts]) => ({ day, counts })),
      byTool: rows.tools
        .filter((row) => num(row.matched) > 0)
        .map((row) => ({ tool: String(row.tool), ...withRates(countsOf(row)) })),
      items: items
        .map((entry) => entry.figures)
        .sort(byImpressions)
        .slice(0, ITEM_LIMIT)
        .map((figures) => ({ ...figures, rates: rates(figures.counts) })),
      neverOpened: items.filter((entry) => entry.never).map((entry) => entry.figures),
    },
    previous: { ...previousPeriod(filter.from, filter.to), totals: earlier, rates: rates(earlier) },
    reach,
    titles: {},
    gaps: [],
    flags: FLAG_REASONS.filter((reason) => flags.has(reason)).map((reason) => ({
      reason,
      count: flags.get(reason) ?? 0,
    })),
    endorsements,
    tools: rows.tools.map((row) => String(row.tool)).sort(),
    storage: { problem: null },
    people: { days: people, reports: people.reduce((total, day) => total + day.reports, 0), skipped: 0 },
    groups: rows.groups.map((row) => String(row.name)),
  };
}

/** The dashboard's view for a filter, from ClickHouse (throws a ClickhouseError when it cannot). */
export async function dashboardFromClickhouse(
  target: ClickhouseTarget,
  password: string,
  filter: DashboardFilter,
  deps: QueryDeps,
): Promise<DashboardView> {
  const run = (text: string) => query<Row>(target, password, text, deps);
  // The reports with copies not merged yet, found once for all five queries (both periods).
  const before = previousPeriod(filter.from, filter.to);
  // And, for a group, the days it may show in both periods: found once, not in every query.
  const table = tableName(target);
  const daysOf = (rows: Row[]) => rows.map((row) => String(row.shown_day));
  const [found, current, previous] = await Promise.all([
    run(`${twiceSql(table, before.from, filter.to)} LIMIT ${TWICE_INLINE + 1}`),
    filter.group ? run(groupDaysSql(table, filter)).then(daysOf) : [],
    filter.group ? run(groupDaysSql(table, { ...filter, ...before })).then(daysOf) : [],
  ]);
  const twice = found.length > TWICE_INLINE ? null : found.map((row) => String(row.report_key));
  const sql = dashboardQueries(target, filter, twice, filter.group ? { current, previous } : null);
  const [days, tools, items, groups, earlier] = await Promise.all([
    run(sql.days),
    run(sql.tools),
    run(sql.items),
    run(sql.groups),
    run(sql.previous),
  ]);
  return viewFromRows(filter, { days, tools, items, groups, previous: earlier });
}
