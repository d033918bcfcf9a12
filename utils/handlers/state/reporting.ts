/**
 * Measurement storage kept bounded and the daily report made and sent: the hourly housekeeping,
 * and the report view the options page shows.
 */
import { getDb } from '../../db';
import { dayOf } from '../../measurement/days';
import { compactEvents, packFinishedDays, packIfBehind } from '../../measurement/event-log';
import {
  deliverReports,
  makeDueReports,
  previewReport,
  type ReportDeps,
  readReports,
} from '../../measurement/report-delivery';
import type { ReportsView } from '../../messages/views';
import { readSettings } from '../../settings/settings';
import { type BackgroundDeps, clock } from './deps';

export function reportDeps(deps: BackgroundDeps): ReportDeps {
  return {
    fetch: deps.fetch,
    now: clock(deps),
    newKey: deps.newKey ?? (() => crypto.randomUUID()),
    extensionVersion: deps.extensionVersion ?? '0.0.0',
    schedule: deps.scheduleReports ?? (() => undefined),
  };
}

/** The endpoint, whether it may be reached, today's report as it stands, and the reports made. */
export async function reportsView(deps: BackgroundDeps): Promise<ReportsView> {
  const [db, settings] = await Promise.all([getDb(), readSettings()]);
  const endpoint = settings.reportEndpoint;
  return {
    endpoint,
    granted: endpoint ? ((await deps.canReach?.(endpoint)) ?? true) : true,
    preview: await previewReport(db, dayOf(clock(deps)()), reportDeps(deps)),
    entries: await readReports(db),
  };
}

/**
 * Hourly (alarm) and at start-up: finished days are packed, raw events older than 30 days go
 * (once a day), finished days get their report, and due reports are sent.
 */
export async function housekeeping(deps: BackgroundDeps): Promise<void> {
  const now = clock(deps);
  const [db, settings] = await Promise.all([getDb(), readSettings()]);
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
  await makeDueReports(db, settings.reportEndpoint, reportDeps(deps));
  await deliverReports(db, settings.reportEndpoint, reportDeps(deps));
}
