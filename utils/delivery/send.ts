/**
 * Sends due outbox entries to the organisation's webhook. Each entry is stored as 'sending' before
 * the request and with its outcome after it, so a worker stopped at any point resumes from
 * IndexedDB; `schedule` sets the alarm that wakes the worker for the next retry. The webhook is
 * read again for every entry, so a flag made after the address changed never goes to the old one.
 */
import type { Db } from '../db';
import { type Attempt, afterAttempt, dueEntries, markSending, nextWakeUp, parseOutboxEntry } from './outbox';
import type { WebhookFormat } from './reactions';
import { webhookRequest } from './webhook-formats';

export interface DeliveryDeps {
  fetch: typeof fetch;
  now: () => number;
  extensionVersion: string;
  /** Wake the worker at this time (epoch ms) to deliver again; null: nothing waits. */
  schedule: (when: number | null) => void | Promise<void>;
  timeoutMs?: number;
}

/** One POST with a timeout and nothing of the browser's (no cookies, no referrer); never throws. */
export async function postOnce(
  deps: Pick<DeliveryDeps, 'fetch' | 'timeoutMs'>,
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 15_000);
  try {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: controller.signal,
      // The webhook gets the payload and nothing else of the browser's.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      // A webhook address is a secret of its own: a redirect must not carry the payload elsewhere.
      redirect: 'manual',
    });
    // Browsers answer a manual redirect with an opaque response (status 0); Node with the 3xx itself.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      const status = response.status ? ` (HTTP ${response.status})` : '';
      return {
        ok: false,
        networkError: `the address answered with a redirect${status}; Signpost does not follow redirects: enter the final address`,
      } satisfies Attempt;
    }
    if (response.ok) return { ok: true, status: response.status } satisfies Attempt;
    const text = await response.text().catch(() => '');
    return {
      ok: false,
      status: response.status,
      body: text,
      retryAfter: response.headers.get('retry-after'),
    } satisfies Attempt;
  } catch (error) {
    const reason = controller.signal.aborted
      ? 'timed out'
      : error instanceof Error
        ? error.message
        : String(error);
    return { ok: false, networkError: reason } satisfies Attempt;
  } finally {
    clearTimeout(timer);
  }
}

let running: Promise<void> | null = null;
let again = false;

/** Where flags go: the settings in force when an entry is sent ('' keeps entries local). */
export interface WebhookTarget {
  flagWebhook: string;
  webhookFormat: WebhookFormat;
}

/**
 * Delivers every due entry once; concurrent calls in one worker life run one after the other.
 * `webhook` is read for every entry: the address in force when it is sent, not when delivery began.
 */
export function deliverDue(db: Db, webhook: () => Promise<WebhookTarget>, deps: DeliveryDeps): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      const entries = (await db.getAll('outbox')).map(parseOutboxEntry).filter((entry) => entry !== null);
      for (const due of dueEntries(entries, deps.now())) {
        const settings = await webhook();
        if (!settings.flagWebhook) break;
        const sending = markSending(due, deps.now());
        if (sending.state !== 'sending') continue;
        await db.put('outbox', sending);
        const request = webhookRequest(sending, settings.webhookFormat, {
          extensionVersion: deps.extensionVersion,
          now: deps.now(),
        });
        const result = await postOnce(deps, settings.flagWebhook, request.headers, request.body);
        await db.put('outbox', afterAttempt(sending, result, deps.now()));
      }
    } while (again);
    const all = (await db.getAll('outbox')).map(parseOutboxEntry).filter((entry) => entry !== null);
    await deps.schedule((await webhook()).flagWebhook ? nextWakeUp(all) : null);
  })().finally(() => {
    running = null;
  });
  return running;
}
