/**
 * The outbox: the champions' reactions (endorse, flag, suggest a fix) on their way to the organisation's webhook,
 * and the delivery state machine they share with the daily report.
 *
 *   newEntry ──► queued ──markSending──► sending ──afterAttempt──► sent
 *     │            ▲                       │  408 / 429 / 5xx / network: backoff ──► queued
 *     │            │                       │  other 4xx, or 20 attempts ──────────► failed
 *     │            └──── retryByHand ◄─────┴──────────────────────────────────────── failed
 *     └─ no webhook: local (kept on the device, exported as CSV / JSON)
 *
 * Pure: storage, alarms and fetch belong to the caller (./send.ts). An entry is written to the
 * outbox before the UI says "queued"; the idempotency key travels with every attempt, so a receiver
 * that dedupes on it sees each reaction once even when a stopped worker sends it again. When to
 * retry is ./retry.ts; what a request carries is ./webhook-formats.ts.
 */
import { LIMITS } from '../limits';
import { isHttpUrl, isRecord } from '../model';
import { htmlToText } from '../sources/lib/html-to-text';
import { cleanText, cut, type Reaction, validateReaction } from './reactions';
import { backoffDelay, parseRetryAfter } from './retry';
import { type SuggestReaction, validateSuggestReaction } from './suggestions';

/** What an outbox entry carries: an endorsement or flag of an item, or a suggested fix or new tip. */
export type OutboxReaction = Reaction | SuggestReaction;

/** What the person did; also the rows of the export. */
export interface ReactionRecord {
  /** Idempotency key (a UUID from the caller). */
  key: string;
  /** The item reacted to; '' (with url and sourceId '') for a suggested new tip, which has none yet. */
  itemId: string;
  title: string;
  url: string;
  sourceId: string;
  reaction: OutboxReaction;
  /** Epoch ms. */
  createdAt: number;
}

/**
 * The item id and source id of a champion's request for content nobody wrote yet (a 'missing' flag
 * from a search that found nothing): it belongs to no item, has no link, and its title is the words.
 */
export const CONTENT_REQUEST = 'signpost:request';

export type DeliveryState = 'local' | 'queued' | 'sending' | 'sent' | 'failed';
export const DELIVERY_STATES: readonly DeliveryState[] = ['local', 'queued', 'sending', 'sent', 'failed'];

/** The fields of the delivery state machine, shared by reactions and daily reports. */
export interface Deliverable {
  /** Idempotency key: the same on every attempt. */
  key: string;
  /** Epoch ms; deliveries go oldest first. */
  createdAt: number;
  state: DeliveryState;
  /** Attempts made (or lost to a stopped worker) since the entry was queued or retried by hand. */
  attempts: number;
  /** Epoch ms; meaningful while queued. */
  nextAttemptAt: number;
  /** Why the entry failed, in words the person can read. */
  lastError?: string;
  sentAt?: number;
  /** When the current attempt started; a stale value means the worker stopped mid-send. */
  sendingSince?: number;
}

export interface OutboxEntry extends ReactionRecord, Deliverable {}

/** An entry that endorses or flags an item (not a suggestion). */
export type ItemReactionEntry = OutboxEntry & { reaction: Reaction };
/** An entry that suggests a fix or a new tip. */
export type SuggestionEntry = OutboxEntry & { reaction: SuggestReaction };

export function isSuggestionEntry(entry: OutboxEntry): entry is SuggestionEntry {
  return entry.reaction.kind === 'suggest';
}

export const MAX_ATTEMPTS = 20;
export const STUCK_AFTER_MS = 2 * 60_000;
const ERROR_BODY_MAX = 200;

// ---------------------------------------------------------------------------------------------
// Validation

function optionalNumber(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function nonEmpty(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

/** Validates an outbox entry read back from storage; anything malformed is null, never sent. */
export function parseOutboxEntry(value: unknown): OutboxEntry | null {
  if (!isRecord(value)) return null;
  const { key, itemId, title, url, sourceId, createdAt, state, attempts, nextAttemptAt } = value;
  const reaction = validateReaction(value.reaction) ?? validateSuggestReaction(value.reaction);
  if (!reaction || !nonEmpty(key, 200) || typeof title !== 'string') return null;
  // A suggested new tip names no item yet; a request for missing content ({@link CONTENT_REQUEST})
  // points at no article; anything else needs its item and link.
  const newTip = reaction.kind === 'suggest' && reaction.suggestion.mode === 'new';
  const named = nonEmpty(itemId, LIMITS.url) && nonEmpty(sourceId, LIMITS.url);
  const none = itemId === '' && url === '' && sourceId === '';
  if (newTip ? !none : !named || !(isHttpUrl(url) || (url === '' && itemId === CONTENT_REQUEST))) return null;
  if (typeof createdAt !== 'number' || !Number.isFinite(new Date(createdAt).getTime())) return null;
  const deliveryState = DELIVERY_STATES.find((known) => known === state);
  if (!deliveryState) return null;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) return null;
  if (typeof nextAttemptAt !== 'number' || !Number.isFinite(nextAttemptAt)) return null;
  const sentAt = optionalNumber(value.sentAt);
  const sendingSince = optionalNumber(value.sendingSince);
  if (sentAt === null || sendingSince === null) return null;
  const { lastError } = value;
  if (lastError !== undefined && typeof lastError !== 'string') return null;

  const entry: OutboxEntry = {
    key,
    itemId: itemId as string,
    title: title.slice(0, LIMITS.itemTitle),
    url: url as string,
    sourceId: sourceId as string,
    reaction,
    createdAt,
    state: deliveryState,
    attempts,
    nextAttemptAt,
  };
  if (lastError) entry.lastError = cut(lastError, 500);
  if (sentAt !== undefined) entry.sentAt = sentAt;
  if (sendingSince !== undefined) entry.sendingSince = sendingSince;
  return entry;
}

// ---------------------------------------------------------------------------------------------
// The delivery state machine

/** A new entry: queued and due now when a webhook is configured, otherwise kept local. */
export function newEntry(record: ReactionRecord, hasWebhook: boolean, now: number): OutboxEntry {
  return { ...record, state: hasWebhook ? 'queued' : 'local', attempts: 0, nextAttemptAt: now };
}

export type Attempt =
  | { ok: true; status: number }
  | { ok: false; status: number; body?: string; retryAfter?: string | null }
  | { ok: false; networkError: string };

/** A response body as one line of plain text (an HTML error page becomes its words), first 200 characters. */
function bodyText(body: string | undefined): string {
  if (!body) return '';
  // Bounded: an error page can be megabytes and only the start is shown.
  const head = body.slice(0, 50_000);
  const text = /<!doctype|<\/?[a-z][^>]*>/i.test(head) ? htmlToText(head) : head;
  return cut(cleanText(text).replace(/\s+/g, ' ').trim(), ERROR_BODY_MAX);
}

function httpError(status: number, body: string | undefined): string {
  const text = bodyText(body);
  return text ? `HTTP ${status}: ${text}` : `HTTP ${status}`;
}

function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500 || status < 100;
}

/**
 * The entry after one delivery attempt: 2xx → sent; 408, 429, 5xx or a network error → queued
 * again after a backoff (never sooner than Retry-After), until {@link MAX_ATTEMPTS} → failed; any
 * other status → failed with the server's reason. A sent entry stays sent.
 */
export function afterAttempt<T extends Deliverable>(
  entry: T,
  attempt: Attempt,
  now: number,
  random: () => number = Math.random,
): T {
  if (entry.state === 'sent') return entry;
  const { sendingSince: _sendingSince, lastError: _lastError, ...rest } = entry;
  const attempts = entry.attempts + 1;

  if ('status' in attempt && attempt.status >= 200 && attempt.status < 300) {
    return { ...rest, state: 'sent', attempts, sentAt: now } as T;
  }

  let error: string;
  let retryAfter: number | null = null;
  if ('networkError' in attempt) {
    error = `network error: ${cut(cleanText(attempt.networkError).replace(/\s+/g, ' ').trim(), ERROR_BODY_MAX)}`;
  } else {
    const body = attempt.ok ? undefined : attempt.body;
    error = httpError(attempt.status, body);
    if (!isRetryable(attempt.status)) return { ...rest, state: 'failed', attempts, lastError: error } as T;
    if (!attempt.ok) retryAfter = parseRetryAfter(attempt.retryAfter, now);
  }

  if (attempts >= MAX_ATTEMPTS) {
    return {
      ...rest,
      state: 'failed',
      attempts,
      lastError: `gave up after ${attempts} attempts: ${error}`,
    } as T;
  }
  const wait = Math.max(backoffDelay(attempts, random), retryAfter ?? 0);
  return { ...rest, state: 'queued', attempts, nextAttemptAt: now + wait, lastError: error } as T;
}

function isStuck(entry: Deliverable, now: number, stuckAfterMs: number): boolean {
  // No start time on a sending entry: it cannot be in flight in this worker, so it is stuck.
  return (
    entry.state === 'sending' &&
    (entry.sendingSince === undefined || now - entry.sendingSince >= stuckAfterMs)
  );
}

/**
 * Entries to send now, oldest first: queued ones that are due, and sending ones whose attempt
 * started at least `stuckAfterMs` ago (the worker was stopped mid-send).
 */
export function dueEntries<T extends Deliverable>(
  entries: T[],
  now: number,
  stuckAfterMs: number = STUCK_AFTER_MS,
): T[] {
  return entries
    .filter(
      (entry) =>
        (entry.state === 'queued' && entry.nextAttemptAt <= now) || isStuck(entry, now, stuckAfterMs),
    )
    .sort((a, b) => a.createdAt - b.createdAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The entry while a request is in flight; store it before calling fetch. Only queued and stuck
 * entries move: send only when the result's state is 'sending'. Recovering a stuck entry counts
 * the lost attempt, so a worker that keeps dying mid-send still reaches {@link MAX_ATTEMPTS}.
 */
export function markSending<T extends Deliverable>(entry: T, now: number): T {
  if (entry.state !== 'queued' && entry.state !== 'sending') return entry;
  const attempts = entry.state === 'sending' ? entry.attempts + 1 : entry.attempts;
  return { ...entry, state: 'sending', attempts, sendingSince: now };
}

/** The person's "try again" on a failed entry: queued, due now, attempts counted afresh. */
export function retryByHand<T extends Deliverable>(entry: T, now: number): T {
  if (entry.state !== 'failed') return entry;
  const { lastError: _lastError, sendingSince: _sendingSince, ...rest } = entry;
  return { ...rest, state: 'queued', attempts: 0, nextAttemptAt: now } as T;
}

/**
 * When to wake the worker (for an alarm): the earliest due time of a queued entry, or the time an
 * entry in flight would count as stuck, so that a worker stopped mid-send is woken to resume it.
 * Null when nothing waits.
 */
export function nextWakeUp(entries: Deliverable[], stuckAfterMs: number = STUCK_AFTER_MS): number | null {
  let next: number | null = null;
  for (const entry of entries) {
    let at: number | null = null;
    if (entry.state === 'queued') at = entry.nextAttemptAt;
    // In flight without a start time: it cannot be this worker's, so it is due at once.
    else if (entry.state === 'sending')
      at = entry.sendingSince === undefined ? 0 : entry.sendingSince + stuckAfterMs;
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}
