/**
 * The champion's endorsements and flags on their way to the owners: queued in the outbox before
 * the answer, then delivered (now, on the outbox alarm, or by hand) by utils/delivery.ts.
 */
import { getDb } from '../../db';
import { parseOutboxEntry, retryByHand } from '../../delivery/outbox';
import { deliverDue } from '../../delivery/send';
import type { Activity } from '../../messages/views';
import { readSettings } from '../../settings/settings';
import { type BackgroundDeps, clock } from './deps';

export interface OutboxDelivery {
  /** Sends what is due (alarm, start-up, after a change of webhook). */
  deliver(): Promise<void>;
  /** {@link deliver}, with a failure only logged: the outbox alarm tries again. */
  deliverSoon(): void;
  /** The person's endorsements and flags, newest first. */
  activity(): Promise<Activity>;
  /** "Send now": queued entries waiting for their next attempt are sent at once. */
  deliverNow(): Promise<void>;
  /** A failed entry, tried again from the start. */
  retry(key: string): Promise<void>;
}

export function createOutboxDelivery(deps: BackgroundDeps): OutboxDelivery {
  const now = clock(deps);

  async function deliver(): Promise<void> {
    await deliverDue(await getDb(), readSettings, {
      fetch: deps.fetch,
      now,
      extensionVersion: deps.extensionVersion ?? '0.0.0',
      schedule: deps.scheduleDelivery ?? (() => undefined),
    });
  }

  return {
    deliver,
    deliverSoon() {
      deliver().catch((error: unknown) => console.warn('Signpost: delivery will be retried', error));
    },

    async activity() {
      const [db, settings] = await Promise.all([getDb(), readSettings()]);
      const entries = (await db.getAll('outbox'))
        .map(parseOutboxEntry)
        .filter((entry) => entry !== null)
        .sort((a, b) => b.createdAt - a.createdAt);
      return { entries, webhook: settings.flagWebhook !== '', champion: settings.role !== 'employee' };
    },

    async deliverNow() {
      const db = await getDb();
      const at = now();
      for (const entry of (await db.getAll('outbox')).map(parseOutboxEntry)) {
        if (entry?.state === 'queued' && entry.nextAttemptAt > at)
          await db.put('outbox', { ...entry, nextAttemptAt: at });
      }
      await deliver();
    },

    async retry(key) {
      const db = await getDb();
      const entry = parseOutboxEntry(await db.get('outbox', key));
      if (!entry) throw new Error('no such flag or endorsement');
      await db.put('outbox', retryByHand(entry, now()));
      await deliver();
    },
  };
}
