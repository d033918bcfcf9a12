/**
 * The champions' reactions (endorse, flag) and their delivery to the organisation's webhook.
 *
 *   newEntry ──► queued ──markSending──► sending ──afterAttempt──► sent
 *     │            ▲                       │  408 / 429 / 5xx / network: backoff ──► queued
 *     │            │                       │  other 4xx, or 20 attempts ──────────► failed
 *     │            └──── retryByHand ◄─────┴──────────────────────────────────────── failed
 *     └─ no webhook: local (kept on the device, exported as CSV / JSON)
 *
 * Pure: storage, alarms and fetch belong to the caller. An entry is written to the outbox before
 * the UI says "queued"; the idempotency key travels with every attempt, so a receiver that dedupes
 * on it sees each reaction once even when a stopped worker sends it again.
 */
import { LIMITS } from '../limits';
import { isHttpUrl, isRecord } from '../model';
import { htmlToText } from '../sources/lib/html-to-text';
import {
  cleanText,
  cut,
  type FlagReason,
  type Reaction,
  validateReaction,
  type WebhookFormat,
} from './reactions';

export {
  COMMENT_MAX,
  FLAG_REASONS,
  type FlagReason,
  MISSING_TITLE_MAX,
  type Reaction,
  validateReaction,
  WEBHOOK_FORMATS,
  type WebhookFormat,
} from './reactions';

/** What the person did; also the rows of the export. */
export interface ReactionRecord {
  /** Idempotency key (a UUID from the caller). */
  key: string;
  itemId: string;
  title: string;
  url: string;
  sourceId: string;
  reaction: Reaction;
  /** Epoch ms. */
  createdAt: number;
}

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

export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 6 * 3600_000;
export const MAX_ATTEMPTS = 20;
export const STUCK_AFTER_MS = 2 * 60_000;
/** A Retry-After further away than this is read as this: a typo on the server must not park a flag for years. */
export const RETRY_AFTER_CAP_MS = 24 * 3600_000;
/** Full jitter can draw 0; a floor keeps a failing server from being hit in a tight loop. */
const MIN_DELAY_MS = 1000;
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
  if (!nonEmpty(key, 200) || !nonEmpty(itemId, LIMITS.url) || !nonEmpty(sourceId, LIMITS.url)) return null;
  if (typeof title !== 'string' || !isHttpUrl(url)) return null;
  const reaction = validateReaction(value.reaction);
  if (!reaction) return null;
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
    itemId,
    title: title.slice(0, LIMITS.itemTitle),
    url,
    sourceId,
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

const WEEKDAYS = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = MONTHS.join('|');
// RFC 9110 §5.6.7: recipients accept the preferred IMF-fixdate and the two obsolete forms.
const IMF_FIXDATE = new RegExp(
  `^(?:${WEEKDAYS}), (\\d{2}) (${MONTH}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`,
);
const RFC850_DATE = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-(${MONTH})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$`,
);
const ASCTIME_DATE = new RegExp(
  `^(?:${WEEKDAYS}) (${MONTH}) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$`,
);

function utc(year: number, month: string, day: number, h: number, m: number, s: number): number | null {
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex < 0 || h > 23 || m > 59 || s > 60) return null;
  const time = Date.UTC(year, monthIndex, day, h, m, Math.min(s, 59));
  // Date.UTC rolls 31 Feb over into March; such a date is garbage, not a time.
  return new Date(time).getUTCDate() === day ? time : null;
}

/** Epoch ms of an HTTP-date, or null when the text is not one. */
export function parseHttpDate(text: string, now: number): number | null {
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    const [d = '', mon = '', y = '', h = '', m = '', s = ''] = match.slice(1);
    return utc(Number(y), mon, Number(d), Number(h), Number(m), Number(s));
  }
  match = RFC850_DATE.exec(text);
  if (match) {
    const [d = '', mon = '', yy = '', h = '', m = '', s = ''] = match.slice(1);
    // Two-digit years more than 50 years ahead belong to the previous century (RFC 9110).
    let year = 2000 + Number(yy);
    if (year > new Date(now).getUTCFullYear() + 50) year -= 100;
    return utc(year, mon, Number(d), Number(h), Number(m), Number(s));
  }
  match = ASCTIME_DATE.exec(text);
  if (match) {
    const [mon = '', d = '', h = '', m = '', s = '', y = ''] = match.slice(1);
    return utc(Number(y), mon, Number(d.trim()), Number(h), Number(m), Number(s));
  }
  return null;
}

/**
 * The wait a Retry-After header asks for, in ms (delay-seconds or an HTTP-date; a date in the past
 * asks for none), cut to {@link RETRY_AFTER_CAP_MS}. Null for an absent or unreadable header.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  let wait: number | null = null;
  if (/^\d+$/.test(text)) wait = Number(text) * 1000;
  else {
    const at = parseHttpDate(text, now);
    if (at !== null) wait = Math.max(0, at - now);
  }
  return wait === null ? null : Math.min(wait, RETRY_AFTER_CAP_MS);
}

/** Exponential backoff with full jitter: a random wait up to 30 s × 2^(attempt − 1), at most 6 h. */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.max(MIN_DELAY_MS, Math.floor(draw * ceiling));
}

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

// ---------------------------------------------------------------------------------------------
// Webhook payloads

export interface PayloadMeta {
  extensionVersion: string;
  now: number;
}

/** ISO 8601 for an epoch-ms time; '' for one Date cannot hold. */
export function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** The one-line headline of a reaction, used in chat messages. */
const HEADLINES: Record<FlagReason | 'endorse', string> = {
  endorse: 'Endorsed',
  outdated: 'Flagged as outdated',
  incorrect: 'Flagged as incorrect',
  incomplete: 'Flagged as incomplete',
  duplicate: 'Flagged as a duplicate',
  missing: 'Flagged: an article is missing',
  other: 'Flagged',
};

function headline(reaction: Reaction): string {
  return HEADLINES[reaction.kind === 'endorse' ? 'endorse' : reaction.reason];
}

/** Only what the champion said about an item: no page URL, page text or identity. */
function genericBody(entry: OutboxEntry, meta: PayloadMeta) {
  const { reaction } = entry;
  return {
    type: reaction.kind === 'flag' ? 'signpost.flag' : 'signpost.endorsement',
    idempotencyKey: entry.key,
    item: { id: entry.itemId, title: entry.title, url: entry.url, sourceId: entry.sourceId },
    ...(reaction.kind === 'flag' ? { reason: reaction.reason } : {}),
    ...(reaction.kind === 'flag' && reaction.comment ? { comment: reaction.comment } : {}),
    ...(reaction.kind === 'flag' && reaction.missingTitle ? { missingTitle: reaction.missingTitle } : {}),
    createdAt: isoTime(entry.createdAt),
    sentAt: isoTime(meta.now),
    extensionVersion: meta.extensionVersion,
  };
}

/** Slack reads `&`, `<` and `>` as markup (`<!channel>` would ping everyone), so user text escapes them. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's limit on a section's text. */
const SLACK_SECTION_MAX = 3000;

/** `<url|title>`; the bare title when the URL is not http(s) or the link would not fit a section. */
function slackLink(url: string, title: string): string {
  const label = escapeSlack(title.trim() || url);
  if (!isHttpUrl(url)) return label;
  // `|` ends the URL part of a link.
  const link = `<${escapeSlack(url.replace(/\|/g, '%7C'))}|${label}>`;
  return link.length <= SLACK_SECTION_MAX - 200 ? link : label;
}

function slackBody(entry: OutboxEntry, meta: PayloadMeta) {
  const { reaction } = entry;
  const link = slackLink(entry.url, entry.title);
  const emoji = reaction.kind === 'endorse' ? ':+1:' : ':triangular_flag_on_post:';
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${emoji} *${headline(reaction)}*\n${link}` } },
  ];
  if (reaction.kind === 'flag' && reaction.missingTitle) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Missing article:* ${escapeSlack(reaction.missingTitle)}` },
    });
  }
  if (reaction.kind === 'flag' && reaction.comment) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Comment:*\n${escapeSlack(reaction.comment)}` },
    });
  }
  const created = isoTime(entry.createdAt);
  // Slack shows the date in each reader's own time zone; the ISO text is its fallback.
  const when = created
    ? ` · <!date^${Math.floor(entry.createdAt / 1000)}^{date_short_pretty} {time}|${created}>`
    : '';
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Signpost ${escapeSlack(meta.extensionVersion)} · source ${escapeSlack(entry.sourceId)}${when}`,
      },
    ],
  });
  // `text` is what notifications show; with blocks present the message itself shows the blocks.
  return { text: `${headline(reaction)}: ${link}`, blocks };
}

/** Plain text in a card: a TextRun, unlike a TextBlock, is never read as Markdown, so `[x](url)` stays text. */
function plainBlock(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...extra }] };
}

function label(text: string) {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

function teamsBody(entry: OutboxEntry, meta: PayloadMeta) {
  const { reaction } = entry;
  const body: unknown[] = [
    { type: 'TextBlock', text: headline(reaction), weight: 'Bolder', size: 'Medium', wrap: true },
    plainBlock(entry.title || entry.url),
  ];
  if (reaction.kind === 'flag' && reaction.missingTitle) {
    body.push(label('Missing article'), plainBlock(reaction.missingTitle));
  }
  if (reaction.kind === 'flag' && reaction.comment) body.push(label('Comment'), plainBlock(reaction.comment));
  body.push(
    plainBlock(`Signpost ${meta.extensionVersion} · source ${entry.sourceId} · ${isoTime(entry.createdAt)}`, {
      size: 'Small',
      isSubtle: true,
    }),
  );
  const actions = isHttpUrl(entry.url)
    ? [{ type: 'Action.OpenUrl', title: 'Open article', url: entry.url }]
    : [];
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions,
        },
      },
    ],
  };
}

/** The POST for one entry: JSON in the webhook's format, with the entry's idempotency key as a header. */
export function webhookRequest(
  entry: OutboxEntry,
  format: WebhookFormat,
  meta: PayloadMeta,
): { headers: Record<string, string>; body: string } {
  const payload =
    format === 'slack'
      ? slackBody(entry, meta)
      : format === 'teams'
        ? teamsBody(entry, meta)
        : genericBody(entry, meta);
  return {
    headers: { 'content-type': 'application/json', 'idempotency-key': entry.key },
    body: JSON.stringify(payload),
  };
}
