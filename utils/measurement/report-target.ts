/**
 * Where the daily report goes and the POST that carries it: the generic JSON to `reportEndpoint`,
 * or rows into ClickHouse's HTTP interface (`reportFormat: 'clickhouse'`). Both go through the
 * same outbox state machine, retries and Retry-After (./report-delivery.ts). Pure.
 */
import type { Attempt } from '../delivery/outbox';
import { type ClickhouseTarget, clickhouseError, insertRequest } from './clickhouse/client';
import { reportToRows, rowsBody } from './clickhouse/rows';
import { type ReportEntry, reportRequest } from './report';

export const REPORT_FORMATS = ['generic', 'clickhouse'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportTarget =
  | { format: 'generic'; url: string }
  | { format: 'clickhouse'; url: string; clickhouse: ClickhouseTarget; password: string | undefined };

/** The request that delivers one report to the target. */
export function reportPost(
  target: ReportTarget,
  entry: ReportEntry,
): { url: string; headers: Record<string, string>; body: string } {
  if (target.format === 'generic') return { url: target.url, ...reportRequest(entry) };
  return insertRequest(target.clickhouse, target.password ?? '', rowsBody(reportToRows(entry.payload)));
}

/** A failed attempt's body in words (ClickHouse's "Code: 193, e.displayText() = …" made readable). */
export function readableAttempt(target: ReportTarget, attempt: Attempt): Attempt {
  if (target.format !== 'clickhouse' || attempt.ok || !('status' in attempt)) return attempt;
  const error = clickhouseError(attempt.status, attempt.body ?? '');
  return { ...attempt, body: `ClickHouse: ${error.message}` };
}
