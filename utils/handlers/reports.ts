/** The daily report to the organisation's endpoint, as the options page shows and sends it. */
import { getDb } from '../db';
import { retryByHand } from '../delivery/outbox';
import { parseClickhouseSettings, withoutPassword } from '../measurement/clickhouse/config';
import { deliverReports, readReports } from '../measurement/report-delivery';
import { REPORT_FORMATS, type ReportFormat } from '../measurement/report-target';
import { empty } from '../messages/payload';
import { isRecord } from '../model';
import type { State } from './state';
import { clickhouseView, saveClickhouse } from './state/clickhouse';
import { currentReportTarget, reportDeps, reportsView } from './state/reporting';
import { defineHandlers } from './types';

export function reportHandlers({ deps, now }: State) {
  return defineHandlers({
    getReports: { validate: empty, handle: () => reportsView(deps) },

    getClickhouse: { validate: empty, handle: clickhouseView },

    saveClickhouse: {
      validate(payload) {
        if (!isRecord(payload) || (payload.which !== 'report' && payload.which !== 'dashboard')) return null;
        const settings = parseClickhouseSettings(payload.settings, 'settings');
        if (settings === undefined || typeof settings === 'string') return null;
        const { password, reportFormat } = payload;
        if (password !== undefined && (typeof password !== 'string' || password.length > 500)) return null;
        if (reportFormat !== undefined && !(REPORT_FORMATS as readonly unknown[]).includes(reportFormat))
          return null;
        return {
          which: payload.which,
          settings: settings && withoutPassword(settings),
          ...(typeof password === 'string' ? { password } : {}),
          ...(reportFormat ? { reportFormat: reportFormat as ReportFormat } : {}),
        };
      },
      handle: saveClickhouse,
      // A new report target: make and send the due reports now.
      effects: ({ which }) => (which === 'report' ? ['housekeeping'] : []),
    },

    deliverReportsNow: {
      validate: empty,
      async handle() {
        const [db, { target }] = await Promise.all([getDb(), currentReportTarget()]);
        // "Send now": waiting reports are due at once, failed ones are tried again from the start.
        for (const entry of await readReports(db)) {
          if (entry.state === 'queued' && entry.nextAttemptAt > now())
            await db.put('reports', { ...entry, nextAttemptAt: now() });
          if (entry.state === 'failed') await db.put('reports', retryByHand(entry, now()));
        }
        await deliverReports(db, target, reportDeps(deps));
        return reportsView(deps);
      },
    },
  });
}
