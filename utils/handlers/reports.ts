/** The daily report to the organisation's endpoint, as the options page shows and sends it. */
import { getDb } from '../db';
import { retryByHand } from '../delivery/outbox';
import { deliverReports, readReports } from '../measurement/report-delivery';
import { empty } from '../messages/payload';
import { readSettings } from '../settings/settings';
import type { State } from './state';
import { reportDeps, reportsView } from './state/reporting';
import { defineHandlers } from './types';

export function reportHandlers({ deps, now }: State) {
  return defineHandlers({
    getReports: { validate: empty, handle: () => reportsView(deps) },

    deliverReportsNow: {
      validate: empty,
      async handle() {
        const [db, settings] = await Promise.all([getDb(), readSettings()]);
        // "Send now": waiting reports are due at once, failed ones are tried again from the start.
        for (const entry of await readReports(db)) {
          if (entry.state === 'queued' && entry.nextAttemptAt > now())
            await db.put('reports', { ...entry, nextAttemptAt: now() });
          if (entry.state === 'failed') await db.put('reports', retryByHand(entry, now()));
        }
        await deliverReports(db, settings.reportEndpoint, reportDeps(deps));
        return reportsView(deps);
      },
    },
  });
}
