/**
 * A daily report as ClickHouse rows (docs/clickhouse/schema.sql, table `report_rows`): one
 * 'report' row with the day's flags and endorsements, and one 'item' row per tool and item with
 * its counts. Every row carries the report's key and groups, so a retried report replaces itself
 * (ReplacingMergeTree on day, key, row type, tool and item) and per-group figures need no join;
 * `saw_item` / `opened_item` mark the one row per item that counts the browser in its reach.
 * Pure.
 */
import { FLAG_REASONS, type FlagReason } from '../../delivery/reactions';
import { EVENT_TYPES, type EventType } from '../events';
import type { ReportPayload } from '../report';

/** The table's column for an event type's count ('not-helpful' → 'not_helpful'). */
export const countColumn = (type: EventType) => type.replace(/-/g, '_');
export const flagColumn = (reason: FlagReason) => `flag_${reason}`;

/** Every count column, in EVENT_TYPES order. */
export const COUNT_COLUMNS = EVENT_TYPES.map(countColumn);
/** Every flag column, in FLAG_REASONS order, then endorsements. */
export const FLAG_COLUMNS = FLAG_REASONS.map(flagColumn);

export interface ClickhouseRow {
  day: string;
  report_key: string;
  row_type: 'report' | 'item';
  tool: string;
  item_id: string;
  kind: '' | 'article' | 'tip';
  groups: string[];
  extension_version: string;
  /** On the 'report' row: tools where a tip was on screen / opened. */
  tip_seen_tools?: string[] | undefined;
  tip_opened_tools?: string[] | undefined;
  /** Counts and flags; a column left out is 0. */
  [column: string]: string | string[] | number | undefined;
}

/** The report's rows, the 'report' row first. Columns that would be 0 are left out. */
export function reportToRows(report: ReportPayload): ClickhouseRow[] {
  const base = {
    day: report.day,
    report_key: report.idempotencyKey,
    groups: report.groups ?? [],
    extension_version: report.extensionVersion,
  };
  const head: ClickhouseRow = { ...base, row_type: 'report', tool: '', item_id: '', kind: '' };
  for (const reason of FLAG_REASONS) {
    const count = report.flags[reason];
    if (count) head[flagColumn(reason)] = count;
  }
  if (report.endorsements) head.endorsements = report.endorsements;
  const tips = report.rows.filter((row) => row.kind === 'tip');
  const toolsWhere = (type: EventType) =>
    [...new Set(tips.filter((row) => (row.counts[type] ?? 0) > 0).map((row) => row.tool))].sort();
  head.tip_seen_tools = toolsWhere('impression');
  head.tip_opened_tools = toolsWhere('open');
  const rows = [head];
  // Reach without counting keys: the first row of each item with an impression (an open) says
  // "this browser saw (opened) it today", however many tools it was on.
  const saw = new Set<string>();
  const opened = new Set<string>();
  for (const row of report.rows) {
    const out: ClickhouseRow = {
      ...base,
      row_type: 'item',
      tool: row.tool,
      item_id: row.itemId,
      kind: row.kind ?? '',
    };
    for (const type of EVENT_TYPES) {
      const count = row.counts[type];
      if (count) out[countColumn(type)] = count;
    }
    if ((row.counts.impression ?? 0) > 0 && !saw.has(row.itemId)) {
      saw.add(row.itemId);
      out.saw_item = 1;
    }
    if ((row.counts.open ?? 0) > 0 && !opened.has(row.itemId)) {
      opened.add(row.itemId);
      out.opened_item = 1;
    }
    rows.push(out);
  }
  return rows;
}

/** The body of `INSERT INTO … FORMAT JSONEachRow`: one JSON object a line. */
export function rowsBody(rows: readonly ClickhouseRow[]): string {
  return `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
}
