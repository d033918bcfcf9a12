import { describe, expect, it } from 'vitest';
import {
  type Attempt,
  afterAttempt,
  CONTENT_REQUEST,
  dueEntries,
  markSending,
  newEntry,
  nextWakeUp,
  type OutboxEntry,
  parseOutboxEntry,
  type ReactionRecord,
  retryByHand,
} from '@/utils/delivery/outbox';
import { BACKOFF_CAP_MS, parseRetryAfter, RETRY_AFTER_CAP_MS } from '@/utils/delivery/retry';
import { webhookRequest } from '@/utils/delivery/webhook-formats';

/** Monday 5 January 2026, 09:00:00 UTC. */
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const SEC = 1000;
const MIN = 60 * SEC;
const half = () => 0.5;

function record(overrides: Partial<ReactionRecord> = {}): ReactionRecord {
  return {
    key: 'key-1',
    itemId: 'kb:1',
    title: 'Reset a password',
    url: 'https://kb.example.com/articles/1',
    sourceId: 'kb',
    reaction: { kind: 'flag', reason: 'outdated', comment: 'The screens changed in May' },
    createdAt: T0,
    ...overrides,
  };
}

/** One attempt: mark sending at `now`, then apply the response. */
function attempt(entry: OutboxEntry, response: Attempt, now: number, random = half): OutboxEntry {
  return afterAttempt(markSending(entry, now), response, now, random);
}

describe('delivery state machine', () => {
  it('queues a reaction when a webhook is set and marks it sent on a 2xx', () => {
    const queued = newEntry(record(), true, T0);
    expect(queued).toEqual({ ...record(), state: 'queued', attempts: 0, nextAttemptAt: T0 });
    expect(dueEntries([queued], T0)).toEqual([queued]);

    const sending = markSending(queued, T0 + SEC);
    expect(sending).toEqual({ ...queued, state: 'sending', sendingSince: T0 + SEC });
    expect(dueEntries([sending], T0 + 2 * SEC)).toEqual([]);

    const sent = afterAttempt(sending, { ok: true, status: 202 }, T0 + 2 * SEC);
    expect(sent).toEqual({
      ...record(),
      state: 'sent',
      attempts: 1,
      nextAttemptAt: T0,
      sentAt: T0 + 2 * SEC,
    });
    expect(dueEntries([sent], T0 + 10 * MIN)).toEqual([]);
    // A late answer for a sent entry changes nothing.
    expect(afterAttempt(sent, { ok: false, status: 500 }, T0 + 3 * SEC)).toBe(sent);
  });

  it('keeps it local without a webhook: never due, no wake-up', () => {
    const local = newEntry(record(), false, T0);
    expect(local.state).toBe('local');
    expect(dueEntries([local], T0 + 1000 * MIN)).toEqual([]);
    expect(nextWakeUp([local])).toBeNull();
    expect(markSending(local, T0)).toBe(local);
  });

  it('retries a 500 after a jittered backoff, then succeeds', () => {
    const failedOnce = attempt(newEntry(record(), true, T0), { ok: false, status: 500, body: 'oops' }, T0);
    // Full jitter: half of the 30 s window.
    expect(failedOnce).toEqual({
      ...record(),
      state: 'queued',
      attempts: 1,
      nextAttemptAt: T0 + 15 * SEC,
      lastError: 'HTTP 500: oops',
    });
    expect(dueEntries([failedOnce], T0 + 15 * SEC - 1)).toEqual([]);
    expect(dueEntries([failedOnce], T0 + 15 * SEC)).toEqual([failedOnce]);
    expect(nextWakeUp([failedOnce])).toBe(T0 + 15 * SEC);

    const sent = attempt(failedOnce, { ok: true, status: 200 }, T0 + 15 * SEC);
    expect(sent.state).toBe('sent');
    expect(sent.attempts).toBe(2);
    expect(sent.sentAt).toBe(T0 + 15 * SEC);
    expect(sent.lastError).toBeUndefined();
  });

  it('doubles the backoff window with each attempt, up to six hours', () => {
    let entry = newEntry(record(), true, T0);
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 12; i++) {
      entry = attempt(entry, { ok: false, status: 503 }, now, () => 1);
      waits.push(entry.nextAttemptAt - now);
      now = entry.nextAttemptAt;
    }
    expect(waits.slice(0, 4)).toEqual([30 * SEC, 60 * SEC, 120 * SEC, 240 * SEC]);
    expect(waits.slice(-2)).toEqual([BACKOFF_CAP_MS, BACKOFF_CAP_MS]);
    // A draw of 0 still waits a second, so a failing server is not hit in a tight loop.
    expect(attempt(newEntry(record(), true, T0), { ok: false, status: 503 }, T0, () => 0).nextAttemptAt).toBe(
      T0 + SEC,
    );
  });

  it('waits at least as long as Retry-After in seconds on a 429', () => {
    const entry = newEntry(record(), true, T0);
    const later = attempt(entry, { ok: false, status: 429, body: 'slow down', retryAfter: '120' }, T0);
    expect(later.state).toBe('queued');
    expect(later.nextAttemptAt).toBe(T0 + 120 * SEC);
    expect(later.lastError).toBe('HTTP 429: slow down');
    // A Retry-After shorter than the backoff does not shorten it.
    expect(attempt(entry, { ok: false, status: 429, retryAfter: '5' }, T0).nextAttemptAt).toBe(T0 + 15 * SEC);
  });

  it('waits until a Retry-After HTTP-date on a 429, in all three date forms', () => {
    const entry = newEntry(record(), true, T0);
    const imf = attempt(entry, { ok: false, status: 429, retryAfter: 'Mon, 05 Jan 2026 09:10:00 GMT' }, T0);
    expect(imf.nextAttemptAt).toBe(T0 + 10 * MIN);
    expect(parseRetryAfter('Monday, 05-Jan-26 09:10:00 GMT', T0)).toBe(10 * MIN);
    expect(parseRetryAfter('Mon Jan  5 09:10:00 2026', T0)).toBe(10 * MIN);
    // A date in the past asks for no wait: the backoff alone applies.
    expect(parseRetryAfter('Sun, 04 Jan 2026 09:00:00 GMT', T0)).toBe(0);
    expect(
      attempt(entry, { ok: false, status: 503, retryAfter: 'Sun, 04 Jan 2026 09:00:00 GMT' }, T0)
        .nextAttemptAt,
    ).toBe(T0 + 15 * SEC);
  });

  it('ignores a garbage Retry-After and caps an absurd one', () => {
    for (const garbage of [
      'soon',
      '-5',
      '1.5',
      '',
      '   ',
      'Mon, 31 Feb 2026 09:00:00 GMT',
      '2026-01-05T09:10:00Z',
      '1',
    ]) {
      const expected = garbage === '1' ? SEC : null;
      expect(parseRetryAfter(garbage, T0)).toBe(expected);
    }
    expect(parseRetryAfter(null, T0)).toBeNull();
    expect(parseRetryAfter(undefined, T0)).toBeNull();
    expect(parseRetryAfter('99999999', T0)).toBe(RETRY_AFTER_CAP_MS);
    const entry = newEntry(record(), true, T0);
    expect(attempt(entry, { ok: false, status: 429, retryAfter: 'tomorrow' }, T0).nextAttemptAt).toBe(
      T0 + 15 * SEC,
    );
  });

  it('retries a 408 and a network error', () => {
    const entry = newEntry(record(), true, T0);
    const timeout = attempt(entry, { ok: false, status: 408, body: '' }, T0);
    expect(timeout).toMatchObject({
      state: 'queued',
      attempts: 1,
      nextAttemptAt: T0 + 15 * SEC,
      lastError: 'HTTP 408',
    });
    const offline = attempt(entry, { ok: false, networkError: 'Failed to fetch' }, T0);
    expect(offline).toMatchObject({
      state: 'queued',
      attempts: 1,
      nextAttemptAt: T0 + 15 * SEC,
      lastError: 'network error: Failed to fetch',
    });
  });

  it('fails a 400 with the server reason, and a retry by hand queues it again', () => {
    const entry = newEntry(record(), true, T0);
    const failed = attempt(entry, { ok: false, status: 400, body: 'invalid_payload\n' }, T0);
    expect(failed).toEqual({
      ...record(),
      state: 'failed',
      attempts: 1,
      nextAttemptAt: T0,
      lastError: 'HTTP 400: invalid_payload',
    });
    expect(dueEntries([failed], T0 + 1000 * MIN)).toEqual([]);
    expect(nextWakeUp([failed])).toBeNull();

    const again = retryByHand(failed, T0 + 5 * MIN);
    expect(again).toEqual({ ...record(), state: 'queued', attempts: 0, nextAttemptAt: T0 + 5 * MIN });
    expect(dueEntries([again], T0 + 5 * MIN)).toEqual([again]);
    // Only failed entries are retried by hand.
    expect(retryByHand(entry, T0)).toBe(entry);
  });

  it('shows an HTML error page as its text, cut to 200 characters', () => {
    const entry = newEntry(record(), true, T0);
    const page =
      '<!DOCTYPE html><html><head><title>Error</title><style>p{color:red}</style></head>' +
      '<body><h1>Forbidden</h1><p>Token &amp; channel do not match.</p></body></html>';
    expect(attempt(entry, { ok: false, status: 403, body: page }, T0).lastError).toBe(
      'HTTP 403: Error Forbidden Token & channel do not match.',
    );
    const long = attempt(entry, { ok: false, status: 410, body: 'x'.repeat(5000) }, T0).lastError;
    expect(long).toBe(`HTTP 410: ${'x'.repeat(200)}`);
    expect(attempt(entry, { ok: false, status: 404, body: 'no_service' }, T0)).toMatchObject({
      state: 'failed',
      lastError: 'HTTP 404: no_service',
    });
  });

  it('gives up after 20 attempts', () => {
    let entry = newEntry(record(), true, T0);
    let now = T0;
    for (let i = 1; i < 20; i++) {
      entry = attempt(entry, { ok: false, status: 503, body: 'busy' }, now);
      expect(entry.state).toBe('queued');
      expect(entry.attempts).toBe(i);
      now = entry.nextAttemptAt;
    }
    entry = attempt(entry, { ok: false, status: 503, body: 'busy' }, now);
    expect(entry.state).toBe('failed');
    expect(entry.attempts).toBe(20);
    expect(entry.lastError).toBe('gave up after 20 attempts: HTTP 503: busy');
    expect(retryByHand(entry, now)).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: now });
  });

  it('resumes an entry left sending by a stopped worker after stuckAfterMs, not before', () => {
    const sending = markSending(newEntry(record(), true, T0), T0);
    expect(nextWakeUp([sending])).toBe(T0 + 2 * MIN);
    expect(dueEntries([sending], T0 + 2 * MIN - 1)).toEqual([]);
    expect(dueEntries([sending], T0 + 2 * MIN)).toEqual([sending]);
    expect(dueEntries([sending], T0 + 30 * SEC, 30 * SEC)).toEqual([sending]);
    expect(nextWakeUp([sending], 30 * SEC)).toBe(T0 + 30 * SEC);

    // The lost attempt counts, so a worker that keeps dying mid-send still reaches the limit.
    const resumed = markSending(sending, T0 + 2 * MIN);
    expect(resumed).toMatchObject({ state: 'sending', attempts: 1, sendingSince: T0 + 2 * MIN });
    expect(afterAttempt(resumed, { ok: true, status: 200 }, T0 + 2 * MIN + SEC)).toMatchObject({
      state: 'sent',
      attempts: 2,
    });

    // A sending record without a start time cannot be in flight: due at once.
    const { sendingSince: _sendingSince, ...noStart } = sending;
    expect(dueEntries([noStart], T0)).toEqual([noStart]);
    expect(nextWakeUp([noStart])).toBe(0);
  });

  it('lists due entries oldest first and wakes up for the earliest', () => {
    const a = newEntry(record({ key: 'a', createdAt: T0 + 3 }), true, T0);
    const b = newEntry(record({ key: 'b', createdAt: T0 + 1 }), true, T0);
    const c = newEntry(record({ key: 'c', createdAt: T0 + 2 }), true, T0);
    const d = newEntry(record({ key: 'd', createdAt: T0 + 1 }), true, T0);
    const later = {
      ...newEntry(record({ key: 'later', createdAt: T0 }), true, T0),
      nextAttemptAt: T0 + 5 * MIN,
    };
    const stuck = {
      ...markSending(newEntry(record({ key: 'stuck', createdAt: T0 + 2 }), true, T0), T0 - 10 * MIN),
    };
    const sent = { ...newEntry(record({ key: 'sent', createdAt: T0 }), true, T0), state: 'sent' as const };
    const failed = {
      ...newEntry(record({ key: 'failed', createdAt: T0 }), true, T0),
      state: 'failed' as const,
    };
    const local = newEntry(record({ key: 'local', createdAt: T0 }), false, T0);
    const all = [a, later, b, sent, c, stuck, failed, d, local];

    expect(dueEntries(all, T0).map((entry) => entry.key)).toEqual(['b', 'd', 'c', 'stuck', 'a']);
    expect(dueEntries(all, T0 + 5 * MIN).map((entry) => entry.key)).toEqual([
      'later',
      'b',
      'd',
      'c',
      'stuck',
      'a',
    ]);
    expect(nextWakeUp([later])).toBe(T0 + 5 * MIN);
    expect(nextWakeUp(all)).toBe(T0 - 8 * MIN);
    expect(nextWakeUp([later, { ...a, nextAttemptAt: T0 + MIN }])).toBe(T0 + MIN);
    expect(nextWakeUp([])).toBeNull();
    expect(nextWakeUp([sent, failed, local])).toBeNull();
  });

  it('delivers each key exactly once through a server that fails twice then accepts', () => {
    // The receiver dedupes on the idempotency key, as the outbox contract asks of it.
    const accepted = new Map<string, number>();
    const received: string[] = [];
    const calls = new Map<string, number>();
    const server = (headers: Record<string, string>, body: string): Attempt => {
      const key = headers['idempotency-key'] ?? '';
      const n = (calls.get(key) ?? 0) + 1;
      calls.set(key, n);
      if (n === 1) return { ok: false, status: 503, body: 'warming up', retryAfter: '40' };
      if (n === 2) return { ok: false, networkError: 'connection reset' };
      if (!accepted.has(key)) {
        accepted.set(key, 1);
        received.push(JSON.parse(body).idempotencyKey);
      }
      return { ok: true, status: 200 };
    };

    const store = new Map<string, OutboxEntry>(
      ['k1', 'k2', 'k3'].map((key, i) => [key, newEntry(record({ key, createdAt: T0 + i }), true, T0)]),
    );
    let now = T0;
    let killedOnce = false;
    let rounds = 0;
    while (rounds++ < 100) {
      const wake = nextWakeUp([...store.values()]);
      if (wake === null) break;
      now = Math.max(now, wake);
      for (const due of dueEntries([...store.values()], now)) {
        const sending = markSending(due, now);
        store.set(sending.key, sending);
        const request = webhookRequest(sending, 'generic', { extensionVersion: '1.0.0', now });
        const response = server(request.headers, request.body);
        // The worker is stopped after the server accepted k2 but before the answer was stored.
        if (sending.key === 'k2' && response.ok && !killedOnce) {
          killedOnce = true;
          continue;
        }
        store.set(sending.key, afterAttempt(sending, response, now + 200, half));
      }
    }

    expect([...store.values()].map((entry) => entry.state)).toEqual(['sent', 'sent', 'sent']);
    expect(received.sort()).toEqual(['k1', 'k2', 'k3']);
    expect([...accepted.values()]).toEqual([1, 1, 1]);
    // k2 was sent a fourth time after the stop; the key kept it from being delivered twice.
    expect(Object.fromEntries(calls)).toEqual({ k1: 3, k2: 4, k3: 3 });
    expect(store.get('k1')?.attempts).toBe(3);
    expect(store.get('k2')?.attempts).toBe(4);
    // Retry-After 40 s beat the 15 s backoff after the first failure.
    expect(store.get('k1')?.sentAt).toBeGreaterThanOrEqual(T0 + 40 * SEC);
  });
});

describe('parseOutboxEntry', () => {
  const stored = { ...newEntry(record(), true, T0), lastError: 'HTTP 500: oops', attempts: 2 };

  it('reads back a stored entry', () => {
    expect(parseOutboxEntry(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    const sending = markSending(newEntry(record(), true, T0), T0 + 1);
    expect(parseOutboxEntry(sending)).toEqual(sending);
  });

  it('reads back a request for missing content, which has no link', () => {
    const request = { ...stored, itemId: CONTENT_REQUEST, sourceId: CONTENT_REQUEST, url: '' };
    expect(parseOutboxEntry(request)).toEqual(request);
  });

  it('drops malformed records', () => {
    const broken: unknown[] = [
      null,
      'entry',
      { ...stored, key: '' },
      { ...stored, itemId: 3 },
      { ...stored, url: 'javascript:alert(1)' },
      { ...stored, url: '' },
      { ...stored, reaction: { kind: 'flag', reason: 'spam' } },
      { ...stored, createdAt: 'yesterday' },
      { ...stored, createdAt: 1e20 },
      { ...stored, state: 'lost' },
      { ...stored, attempts: -1 },
      { ...stored, attempts: 1.5 },
      { ...stored, nextAttemptAt: Number.NaN },
      { ...stored, sentAt: '2026' },
      { ...stored, lastError: 404 },
    ];
    for (const value of broken) expect(parseOutboxEntry(value)).toBeNull();
  });
});
