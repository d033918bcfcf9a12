/**
 * The daily report's storage and delivery: after a local day ends, its report is built from the
 * day's aggregates and stored as queued (one per day, keyed by the day); due reports are POSTed
 * to the report target (`reportEndpoint`, or ClickHouse: ./report-target.ts) through the outbox's state machine, each stored as 'sending' before the
 * request and with its outcome after it, so a stopped worker resumes from IndexedDB.
 */
import type { Db } from '../db';
import {
  type Attempt,
  afterAttempt,
  dueEntries,
  markSending,
  nextWakeUp,
  parseOutboxEntry,
} from '../delivery/outbox';
import { postOnce } from '../delivery/send';
import { dayOf, shiftDay } from './days';
import { readDailyRows } from './event-log';
import {
  buildReport,
  daysToReport,
  newReport,
  parseReportEntry,
  REPORT_CATCH_UP_DAYS,
  REPORT_KEEP_DAYS,
  type ReportEntry,
  type ReportPayload,
} from './report';
import { type ReportTarget, readableAttempt, reportPost } from './report-target';

export interface ReportDeps {
  fetch: typeof fetch;
  now: () => number;
  newKey: () => string;
  extensionVersion: string;
  /** Wake the worker at this time to deliver again; null: nothing waits. */
  schedule: (when: number | null) => void | Promise<void>;
  timeoutMs?: number;
  /** The browser's pilot groups from the policy, carried by each new report. */
  groups?: readonly string[];
}

interface ReportingState {
  /** The first day reports are made for: the day the endpoint was first seen. */
  since: string;
}

export async function readReports(db: Db): Promise<ReportEntry[]> {
  return (await db.getAll('reports'))
    .map(parseReportEntry)
    .filter((entry) => entry !== null)
    .sort((a, b) => (a.day < b.day ? 1 : -1));
}

/** The report a day would get now (for the options page: exactly what is sent). */
export async function previewReport(
  db: Db,
  day: string,
  deps: Pick<ReportDeps, 'extensionVersion' | 'groups'>,
) {
  return dayReport(db, day, {
    key: '(made when the day is over)',
    extensionVersion: deps.extensionVersion,
    ...(deps.groups ? { groups: deps.groups } : {}),
  });
}

async function dayReport(
  db: Db,
  day: string,
  meta: { key: string; extensionVersion: string; groups?: readonly string[] },
): Promise<ReportPayload> {
  const rows = await readDailyRows(db, day, day);
  const reactions = (await db.getAll('outbox')).flatMap((raw) => {
    const entry = parseOutboxEntry(raw);
    // Suggestions are the champion's words for the owners, not a figure of the day.
    return entry && entry.reaction.kind !== 'suggest' && dayOf(entry.createdAt) === day
      ? [{ reaction: entry.reaction }]
      : [];
  });
  // Items aimed at particular screens: their small counts are pooled (see TARGETED_MIN_COUNT).
  const targeted = new Set<string>();
  for (
    let cursor = await db.transaction('items').store.openCursor();
    cursor;
    cursor = await cursor.continue()
  )
    if (cursor.value.urlPatterns?.length) targeted.add(cursor.value.id);
  return buildReport(day, rows, reactions, { ...meta, targeted });
}

/**
 * Stores the reports of finished days that have none yet (when an endpoint is set), and drops
 * reports older than {@link REPORT_KEEP_DAYS}. Without an endpoint nothing new is made.
 */
export async function makeDueReports(db: Db, endpoint: string, deps: ReportDeps): Promise<number> {
  const now = deps.now();
  const today = dayOf(now);
  const existing = await readReports(db);
  for (const old of existing.filter((entry) => entry.day < shiftDay(today, -REPORT_KEEP_DAYS))) {
    if (old.state !== 'sent') console.warn(`Signpost: the report for ${old.day} was not delivered in time`);
    await db.delete('reports', old.day);
  }
  if (!endpoint) {
    await db.delete('meta', 'reporting');
    return 0;
  }
  const stored = (await db.get('meta', 'reporting')) as ReportingState | undefined;
  const since = typeof stored?.since === 'string' ? stored.since : today;
  if (!stored) await db.put('meta', { since } satisfies ReportingState, 'reporting');
  const first = shiftDay(today, -REPORT_CATCH_UP_DAYS);
  const withEvents = new Set((await readDailyRows(db, first, shiftDay(today, -1))).map((row) => row.day));
  const days = daysToReport(today, since, withEvents, new Set(existing.map((entry) => entry.day)));
  for (const day of days) {
    const payload = await dayReport(db, day, {
      key: deps.newKey(),
      extensionVersion: deps.extensionVersion,
      ...(deps.groups ? { groups: deps.groups } : {}),
    });
    // add, not put: a report already made for the day (by a concurrent run) is kept as it is.
    await db.add('reports', newReport(payload, now)).catch(() => undefined);
  }
  return days.length;
}

let running: Promise<void> | null = null;

/** Sends every due report once to the target (null: none); concurrent calls in one worker life share the run. */
export function deliverReports(db: Db, target: ReportTarget | null, deps: ReportDeps): Promise<void> {
  running ??= (async () => {
    if (target) {
      for (const due of dueEntries(await readReports(db), deps.now())) {
        const sending = markSending(due, deps.now());
        if (sending.state !== 'sending') continue;
        await db.put('reports', sending);
        let result: Attempt;
        try {
          const { url, headers, body } = reportPost(target, sending);
          result = readableAttempt(target, await postOnce(deps, url, headers, body));
        } catch (error) {
          // A target that cannot be addressed (a bad table name): kept, retried after a backoff.
          result = { ok: false, networkError: error instanceof Error ? error.message : String(error) };
        }
        await db.put('reports', afterAttempt(sending, result, deps.now()));
      }
    }
    await deps.schedule(target ? nextWakeUp(await readReports(db)) : null);
  })().finally(() => {
    running = null;
  });
  return running;
}
