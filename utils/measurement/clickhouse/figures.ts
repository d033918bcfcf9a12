/**
 * The dashboard's view (utils/measurement/dashboard.ts) from the reports in ClickHouse: the same
 * figures as from a file of collected reports, aggregated by ClickHouse in five queries (per day
 * with people and flags, per tool, top and never-opened items, groups) that run side by side.
 * Only sums leave the server, never report rows.
 *
 * A retried report may be in the table twice until ClickHouse merges it away
 * (ReplacingMergeTree). Every copy of a report is the same insert, so each of its rows has as many
 * copies as its 'report' row: one query finds those reports, and the figure queries weigh each
 * copy's rows by 1/copies — much cheaper than FINAL or a deduplicating subquery on 18.16.
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

/** The reports of a range that are in the table more than once (not merged yet), with their copies. */
export function twiceSql(table: string, from: string, to: string): string {
  return `SELECT report_key, count() AS copies FROM ${table} WHERE day BETWEEN toDate(${quote(from)}) AND toDate(${quote(to)}) AND row_type = 'report' GROUP BY report_key HAVING copies > 1`;
}

/**
 * Up to this many reports with copies are weighed in the queries (about 50 KB of SQL, well under
 * ClickHouse's 256 KiB max_query_size); more, and the queries read the table with FINAL.
 */
const TWICE_INLINE = 2000;

/**
 * How the queries count each report once: `weights` are the reports with copies and how many
 * (none: every row counts as it is); `final`: too many to name, so the table is read with FINAL.
 */
export type Copies = { weights: ReadonlyMap<string, number> } | { final: true };
const NO_COPIES: Copies = { weights: new Map() };

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
 * The source of a query — `WITH … SELECT … FROM table WHERE …` pieces — that counts each report
 * once. A report inserted n times (a retry after a lost answer) has every row n times until
 * ClickHouse merges them: each copy weighs 1/n (`w`), so the queries stay flat aggregations over
 * the table instead of deduplicating in a subquery first (slower on 18.16: README, benchmarks).
 * `groupDays`: the days the group may show, found beforehand (null: found in the query).
 */
export function reportSource(
  table: string,
  filter: DashboardFilter,
  copies: Copies,
  groupDays: readonly string[] | null = null,
): { with: string; from: string; where: string; weighted: boolean } {
  let where = rangeOf(filter);
  if (filter.group) {
    // Days where this side of the group had fewer than MIN_GROUP_BROWSERS reports are left out.
    const days = groupDays
      ? groupDays.map((day) => `toDate(${quote(day)})`).join(', ')
      : groupDaysSql(table, filter, 'day');
    where = days ? `${where} AND ${memberOf(filter)} AND day IN (${days})` : '0';
  }
  if ('final' in copies) return { with: '', from: `${table} FINAL`, where, weighted: false };
  if (copies.weights.size === 0) return { with: '', from: table, where, weighted: false };
  const keys = [...copies.weights.keys()];
  const weights = keys.map((key) => String(1 / Math.max(1, copies.weights.get(key) ?? 1)));
  return {
    with: `WITH transform(report_key, [${keys.map(quote).join(', ')}], [${weights.join(', ')}], 1.) AS w`,
    from: table,
    where,
    weighted: true,
  };
}

/** The pilot groups with at least MIN_GROUP_BROWSERS reports on some day of the range. */
function groupsSql(table: string, filter: DashboardFilter): string {
  return [
    `SELECT name FROM (SELECT day, arrayJoin(groups) AS name, uniqExact(report_key) AS browsers FROM ${table}`,
    `WHERE ${rangeOf(filter)} AND row_type = 'report' GROUP BY day, name)`,
    `WHERE browsers >= ${MIN_GROUP_BROWSERS} GROUP BY name ORDER BY name LIMIT 200`,
  ].join(' ');
}

/** The condition an item row meets for the filter's tool and kind. */
function itemCondition(filter: DashboardFilter): string {
  const parts = ["row_type = 'item'"];
  if (filter.tool !== undefined) parts.push(`tool = ${quote(filter.tool)}`);
  if (filter.kind !== undefined) parts.push(`kind = ${quote(filter.kind)}`);
  return parts.join(' AND ');
}

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
  copies: Copies = NO_COPIES,
  groupDays: { current: readonly string[]; previous: readonly string[] } | null = null,
): DashboardQueries {
  const table = tableName(target);
  const source = reportSource(table, filter, copies, groupDays?.current ?? null);
  const { weighted } = source;
  /** A column's sum over the rows that meet a condition ('': all), each report once. */
  const sumIf = (column: string, condition: string, as = column) => {
    const value = weighted ? `${column} * w` : column;
    return `${condition ? `sumIf(${value}, ${condition})` : `sum(${value})`} AS ${as}`;
  };
  const countIf = (condition: string, as: string) =>
    weighted ? `sumIf(w, ${condition}) AS ${as}` : `countIf(${condition}) AS ${as}`;
  const sumsIf = (condition: string, suffix = '') =>
    COUNT_COLUMNS.map((column) => sumIf(column, condition, `${column}${suffix}`)).join(', ');
  const select = (parts: string[], src = source) =>
    [src.with, `SELECT ${parts.join(', ')} FROM ${src.from} WHERE ${src.where}`].filter(Boolean).join(' ');

  const item = itemCondition(filter);
  const report = "row_type = 'report'";
  const tipSeen =
    filter.tool !== undefined ? `has(tip_seen_tools, ${quote(filter.tool)})` : 'notEmpty(tip_seen_tools)';
  const tipOpened =
    filter.tool !== undefined ? `has(tip_opened_tools, ${quote(filter.tool)})` : 'notEmpty(tip_opened_tools)';
  const days = `${select([
    // Not "AS day": ClickHouse's aliases are global, and the WHERE compares the column.
    'toString(day) AS shown_day',
    sumsIf(item),
    countIf(report, 'reports'),
    countIf(`${report} AND ${tipSeen}`, 'saw_tip'),
    countIf(`${report} AND ${tipOpened}`, 'opened_tip'),
    ...[...FLAG_COLUMNS, 'endorsements'].map((column) => sumIf(column, report)),
  ])} GROUP BY day ORDER BY day`;
  const tools = `${select(['tool', sumsIf(item), countIf(item, 'matched')])} AND row_type = 'item' AND tool != '' GROUP BY tool ORDER BY impression DESC, open DESC LIMIT 500`;
  const [saw, opened] = filter.tool === undefined ? ['saw_item', 'opened_item'] : ['saw_row', 'opened_row'];
  // The top items and the never-opened ones in one pass (LIMIT … BY takes the first 50 of each),
  // with their reach: browser-days that saw / opened each, and the most browsers on one day.
  const items = [
    `SELECT item_id, kind, ${COUNT_COLUMNS.join(', ')}, saw, opened, busiest_day,`,
    `open = 0 AND impression >= ${NEVER_OPENED_MIN} AS never`,
    `FROM (SELECT item_id, toString(anyIf(kind_day, kind_day != '')) AS kind,`,
    `${COUNT_COLUMNS.map((column) => `sum(${column}_day) AS ${column}`).join(', ')},`,
    'sum(saw_day) AS saw, sum(opened_day) AS opened, max(saw_day) AS busiest_day',
    // Per item and day first: a browser-day that saw an item on two tools is one browser-day. A
    // sum, not a count of distinct keys: over all tools, the one row per report and item marked
    // for its reach; within one tool, that tool's rows (one per report).
    `FROM (${select([
      'item_id',
      'day',
      "anyIf(kind, kind != '') AS kind_day",
      sumsIf('', '_day'),
      sumIf(saw, '', 'saw_day'),
      sumIf(opened, '', 'opened_day'),
    ])} AND ${item} AND item_id != '' GROUP BY item_id, day) GROUP BY item_id)`,
    `ORDER BY impression DESC, open DESC, item_id LIMIT ${ITEM_LIMIT} BY never`,
  ].join(' ');
  // The period before, for period-over-period changes: its totals only.
  const before = { ...filter, ...previousPeriod(filter.from, filter.to) };
  const previous = `${select([sumsIf('')], reportSource(table, before, copies, groupDays?.previous ?? null))} AND ${item}`;
  return { days, tools, items, groups: groupsSql(table, filter), previous };
}

type Row = Record<string, unknown>;

/**
 * ClickHouse's JSON quotes 64-bit numbers; anything unreadable is 0. Counts are whole: a sum of
 * weighed copies (1/3 + 1/3 + 1/3) is rounded back.
 */
const num = (value: unknown): number => {
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) && number > 0 ? Math.round(number) : 0;
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
    const day = String(row.shown_day);
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
  const table = tableName(target);
  const before = previousPeriod(filter.from, filter.to);
  // The groups' list needs nothing else: it starts at once, out of the second round's way.
  const groups = run(groupsSql(table, filter));
  groups.catch(() => undefined); // awaited below: a failure meanwhile is not unhandled
  // The reports with copies not merged yet, found once for all queries (both periods); for a
  // group, the days it may show in both periods, found once rather than in every query.
  const daysOf = (rows: Row[]) => rows.map((row) => String(row.shown_day));
  const [found, current, previous] = await Promise.all([
    run(`${twiceSql(table, before.from, filter.to)} LIMIT ${TWICE_INLINE + 1}`),
    filter.group ? run(groupDaysSql(table, filter)).then(daysOf) : [],
    filter.group ? run(groupDaysSql(table, { ...filter, ...before })).then(daysOf) : [],
  ]);
  const copies: Copies =
    found.length > TWICE_INLINE
      ? { final: true }
      : { weights: new Map(found.map((row) => [String(row.report_key), num(row.copies)])) };
  const sql = dashboardQueries(target, filter, copies, filter.group ? { current, previous } : null);
  // sql.groups is the query already running.
  const [days, tools, items, groupRows, earlier] = await Promise.all([
    run(sql.days),
    run(sql.tools),
    run(sql.items),
    groups,
    run(sql.previous),
  ]);
  return viewFromRows(filter, { days, tools, items, groups: groupRows, previous: earlier });
}
