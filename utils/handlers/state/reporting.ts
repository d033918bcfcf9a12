/**
 * Measurement storage kept bounded and the daily report made and sent: the hourly housekeeping,
 * and the report view the options page shows.
 */
import { getDb } from '../../db';
import { readClickhousePassword } from '../../measurement/clickhouse/secret';
import { dayOf } from '../../measurement/days';
import { compactEvents, packFinishedDays, packIfBehind } from '../../measurement/event-log';
import {
  deliverReports,
  makeDueReports,
  previewReport,
  type ReportDeps,
  readReports,
} from '../../measurement/report-delivery';
import type { ReportTarget } from '../../measurement/report-target';
import type { ReportsView } from '../../messages/views';
import type { Policy } from '../../settings/policy';
import { readPolicy, readSettings, type Settings } from '../../settings/settings';
import { type BackgroundDeps, clock } from './deps';

/** Where reports go now: ClickHouse (with the policy's or the stored writer password) or the endpoint; null: off. */
export async function reportTarget(settings: Settings, policy: Policy): Promise<ReportTarget | null> {
  if (settings.reportFormat === 'clickhouse') {
    const clickhouse = settings.reportClickhouse;
    if (!clickhouse) return null;
    const password =
      policy.reportClickhouse?.password ?? (await readClickhousePassword('report', clickhouse.url));
    return { format: 'clickhouse', url: clickhouse.url, clickhouse, password };
  }
  return settings.reportEndpoint ? { format: 'generic', url: settings.reportEndpoint } : null;
}

/** The report target in force, read from the settings and the policy. */
export async function currentReportTarget(): Promise<{ settings: Settings; target: ReportTarget | null }> {
  const [settings, { policy }] = await Promise.all([readSettings(), readPolicy()]);
  return { settings, target: await reportTarget(settings, policy) };
}

/** Pilot groups go on reports only when the organisation's policy sets the audiences. */
export async function policyGroups(): Promise<string[] | undefined> {
  return (await readPolicy()).policy.audiences;
}

export function reportDeps(deps: BackgroundDeps, groups?: readonly string[]): ReportDeps {
  return {
    ...(groups ? { groups } : {}),
    fetch: deps.fetch,
    now: clock(deps),
    newKey: deps.newKey ?? (() => crypto.randomUUID()),
    extensionVersion: deps.extensionVersion ?? '0.0.0',
    schedule: deps.scheduleReports ?? (() => undefined),
  };
}

/** The endpoint, whether it may be reached, today's report as it stands, and the reports made. */
export async function reportsView(deps: BackgroundDeps): Promise<ReportsView> {
  const [db, { target }, groups] = await Promise.all([getDb(), currentReportTarget(), policyGroups()]);
  const endpoint = target?.url ?? '';
  return {
    endpoint,
    granted: endpoint ? ((await deps.canReach?.(endpoint)) ?? true) : true,
    preview: await previewReport(db, dayOf(clock(deps)()), reportDeps(deps, groups)),
    entries: await readReports(db),
  };
}

/**
 * Hourly (alarm) and at start-up: finished days are packed, raw events older than 30 days go
 * (once a day), finished days get their report, and due reports are sent.
 */
export async function housekeeping(deps: BackgroundDeps): Promise<void> {
  const now = clock(deps);
  const [db, { target }, groups] = await Promise.all([getDb(), currentReportTarget(), policyGroups()]);
  const today = dayOf(now());
  if ((await db.get('meta', 'compactedOn')) !== today) {
    // Once a day: every finished day packed (late rows too), old events and figures dropped.
    await packFinishedDays(db, today);
    const removed = await compactEvents(db, now());
    await db.put('meta', today, 'compactedOn');
    if (removed.events || removed.rows)
      console.info(`Signpost: compacted ${removed.events} raw event(s) and ${removed.rows} old daily row(s)`);
  }
  await packIfBehind(db, today);
  await makeDueReports(db, target?.url ?? '', reportDeps(deps, groups));
  await deliverReports(db, target, reportDeps(deps, groups));
}
