/**
 * The optional daily report to the organisation's endpoint (setting / policy key `reportEndpoint`,
 * off by default): one POST per finished local day, with that day's counts and nothing else — no
 * URL, no page text, no search words, nothing that says who sent it. It goes through the same
 * delivery state machine as flags (utils/delivery/outbox.ts): stored before it is sent, one idempotency key
 * for every attempt, retried with backoff across worker stops and browser restarts.
 *
 * Pure: storage, alarms and fetch belong to the caller (utils/measurement/report-delivery.ts).
 */

import { DELIVERY_STATES, type Deliverable } from '../delivery/outbox';
import { FLAG_REASONS, type FlagReason, type Reaction } from '../delivery/reactions';
import { type ItemKind, isRecord } from '../model';
import { type Counts, type DailyRow, mergeRows, parseDailyRow } from './daily';
import { shiftDay } from './days';
import { EVENT_TYPES } from './events';
import { cleanGroups } from './groups';

export const REPORT_SCHEMA_VERSION = 1;
/** Days a report waits for delivery before it is given up; sent reports are kept as long for the list. */
export const REPORT_KEEP_DAYS = 30;
/** How far back a newly switched-on endpoint or a browser that was off catches up. */
export const REPORT_CATCH_UP_DAYS = 7;
const ROW_LIMIT = 2000;
/**
 * An item aimed at particular screens (`urlPatterns`) seen fewer times than this in a day is not
 * reported on its own: a count of 1 for a tip aimed at one page would say that someone opened that
 * page. Such rows are added up per tool under `<tool>:#other-targeted` (k-anonymity, k = 5).
 */
export const TARGETED_MIN_COUNT = 5;

export interface ReportRow {
  tool: string;
  /** The item's id; an id that holds an address is sent as `sourceId:#hash` instead. */
  itemId: string;
  kind?: ItemKind;
  counts: Counts;
}

export interface ReportPayload {
  type: 'signpost.report';
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  idempotencyKey: string;
  /** The local day the counts are for, YYYY-MM-DD. */
  day: string;
  extensionVersion: string;
  /** The day's counts per event type. */
  totals: Counts;
  /** The same per tool and item ('' for events about no tool or no item). */
  rows: ReportRow[];
  /** Flags raised that day, by reason, and endorsements. */
  flags: Partial<Record<FlagReason, number>>;
  endorsements: number;
  /** The browser's pilot groups from the organisation's policy (`audiences`); never an identity. */
  groups?: string[];
}

export interface ReportEntry extends Deliverable {
  day: string;
  payload: ReportPayload;
}

/** FNV-1a, 52 bits, as 13 hex digits: a stable short name, not a secret. */
export function shortHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return (hash >> 12n).toString(16).padStart(13, '0');
}

/** An item id for a report: as it is, unless it holds an address (a feed's guid often is one). */
export function reportItemId(itemId: string): string {
  if (!/[a-z][a-z0-9+.-]*:\/\/|www\./i.test(itemId)) return itemId;
  const colon = itemId.indexOf(':');
  const sourceId = colon > 0 ? itemId.slice(0, colon) : '';
  return `${sourceId}:#${shortHash(itemId)}`;
}

/**
 * The report for one day, from that day's aggregates and the reactions created that day.
 * `targeted`: ids of items aimed at particular screens; their rows with fewer than
 * {@link TARGETED_MIN_COUNT} impressions are added up per tool.
 */
export function buildReport(
  day: string,
  rows: DailyRow[],
  reactions: { reaction: Reaction }[],
  {
    key,
    extensionVersion,
    groups,
    targeted = new Set<string>(),
  }: {
    key: string;
    extensionVersion: string;
    groups?: readonly string[];
    targeted?: ReadonlySet<string>;
  },
): ReportPayload {
  const totals: Counts = {};
  const out: ReportRow[] = [];
  const pooled = new Map<string, ReportRow>();
  for (const row of rows) {
    if (row.day !== day) continue;
    const counts: Counts = {};
    for (const type of EVENT_TYPES) {
      const count = row.counts[type];
      if (count) {
        counts[type] = count;
        totals[type] = (totals[type] ?? 0) + count;
      }
    }
    if (targeted.has(row.itemId) && (counts.impression ?? 0) < TARGETED_MIN_COUNT) {
      const itemId = `${row.tool}:#other-targeted`;
      const pool = pooled.get(itemId) ?? { tool: row.tool, itemId, counts: {} };
      for (const [type, count] of Object.entries(counts) as [keyof Counts, number][])
        pool.counts[type] = (pool.counts[type] ?? 0) + count;
      pooled.set(itemId, pool);
      continue;
    }
    const entry: ReportRow = { tool: row.tool, itemId: reportItemId(row.itemId), counts };
    if (row.kind) entry.kind = row.kind;
    out.push(entry);
  }
  out.push(...pooled.values());
  out.sort((a, b) => (b.counts.impression ?? 0) - (a.counts.impression ?? 0));
  const flags: Partial<Record<FlagReason, number>> = {};
  let endorsements = 0;
  for (const { reaction } of reactions) {
    if (reaction.kind === 'endorse') endorsements++;
    else flags[reaction.reason] = (flags[reaction.reason] ?? 0) + 1;
  }
  const report: ReportPayload = {
    type: 'signpost.report',
    schemaVersion: REPORT_SCHEMA_VERSION,
    idempotencyKey: key,
    day,
    extensionVersion,
    totals,
    rows: out.slice(0, ROW_LIMIT),
    flags,
    endorsements,
  };
  const clean = cleanGroups(groups);
  if (clean.length) report.groups = clean;
  return report;
}

/** A new report entry, due now. */
export function newReport(payload: ReportPayload, now: number): ReportEntry {
  return {
    key: payload.idempotencyKey,
    day: payload.day,
    payload,
    createdAt: now,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now,
  };
}

/**
 * The finished days that still need a report: from the day reporting was switched on (at most
 * {@link REPORT_CATCH_UP_DAYS} back) to yesterday, with any events, and without a report yet.
 */
export function daysToReport(
  today: string,
  since: string,
  daysWithEvents: ReadonlySet<string>,
  reported: ReadonlySet<string>,
): string[] {
  const first = [since, shiftDay(today, -REPORT_CATCH_UP_DAYS)].sort()[1] ?? since;
  const days: string[] = [];
  for (let day = first; day < today; day = shiftDay(day, 1)) {
    if (daysWithEvents.has(day) && !reported.has(day)) days.push(day);
  }
  return days;
}

/** The POST for a report: its JSON, with the idempotency key as a header. */
export function reportRequest(entry: ReportEntry): { headers: Record<string, string>; body: string } {
  return {
    headers: { 'content-type': 'application/json', 'idempotency-key': entry.key },
    body: JSON.stringify(entry.payload),
  };
}

function parseCounts(value: unknown): Counts | null {
  const row = parseDailyRow({ day: '2000-01-01', tool: '', itemId: '', counts: value });
  return row?.counts ?? null;
}

/** Validates a report's JSON (stored, or collected by an endpoint); null when it is not one. */
export function parseReportPayload(payload: unknown): ReportPayload | null {
  if (!isRecord(payload) || payload.type !== 'signpost.report') return null;
  const { idempotencyKey: key, day } = payload;
  if (typeof key !== 'string' || !key || key.length > 200) return null;
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const totals = parseCounts(payload.totals);
  if (!totals || !Array.isArray(payload.rows) || !isRecord(payload.flags)) return null;
  const rows: ReportRow[] = [];
  for (const raw of payload.rows.slice(0, ROW_LIMIT)) {
    if (!isRecord(raw) || typeof raw.tool !== 'string' || typeof raw.itemId !== 'string') return null;
    const counts = parseCounts(raw.counts);
    if (!counts) return null;
    const row: ReportRow = { tool: raw.tool.slice(0, 60), itemId: raw.itemId.slice(0, 300), counts };
    if (raw.kind === 'tip' || raw.kind === 'article') row.kind = raw.kind;
    rows.push(row);
  }
  const flags: Partial<Record<FlagReason, number>> = {};
  for (const reason of FLAG_REASONS) {
    const count = payload.flags[reason];
    if (typeof count === 'number' && Number.isInteger(count) && count > 0) flags[reason] = count;
  }
  const endorsements =
    typeof payload.endorsements === 'number' &&
    Number.isInteger(payload.endorsements) &&
    payload.endorsements > 0
      ? payload.endorsements
      : 0;
  const report: ReportPayload = {
    type: 'signpost.report',
    schemaVersion: REPORT_SCHEMA_VERSION,
    idempotencyKey: key,
    day,
    extensionVersion:
      typeof payload.extensionVersion === 'string' ? payload.extensionVersion.slice(0, 40) : '',
    totals,
    rows,
    flags,
    endorsements,
  };
  const groups = cleanGroups(payload.groups);
  if (groups.length) report.groups = groups;
  return report;
}

/** Validates a stored report entry; anything malformed is null, never sent. */
export function parseReportEntry(value: unknown): ReportEntry | null {
  if (!isRecord(value)) return null;
  const { key, day, createdAt, state, attempts, nextAttemptAt } = value;
  const payload = parseReportPayload(value.payload);
  if (!payload || payload.idempotencyKey !== key || payload.day !== day) return null;
  if (typeof createdAt !== 'number' || typeof nextAttemptAt !== 'number') return null;
  if (!DELIVERY_STATES.includes(state as ReportEntry['state'])) return null;
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0) return null;
  const entry: ReportEntry = {
    key: payload.idempotencyKey,
    day: payload.day,
    createdAt,
    state: state as ReportEntry['state'],
    attempts,
    nextAttemptAt,
    payload,
  };
  for (const field of ['sentAt', 'sendingSince'] as const) {
    const at = value[field];
    if (typeof at === 'number' && Number.isFinite(at)) entry[field] = at;
  }
  if (typeof value.lastError === 'string') entry.lastError = value.lastError.slice(0, 500);
  return entry;
}

// ---------------------------------------------------------------------------------------------
// Reports collected by the organisation's endpoint, read back for the dashboard

/**
 * Reports as an endpoint might keep them: a JSON array, one report, or one report a line
 * (NDJSON). Each report counts once (by its idempotency key, as a retry sends it again);
 * anything that is not a report is counted and left out.
 */
export function parseReportFile(text: string): { reports: ReportPayload[]; skipped: number } {
  const body = text.replace(/^\uFEFF/, '').trim();
  let values: unknown[];
  try {
    const doc: unknown = JSON.parse(body);
    values = Array.isArray(doc) ? doc : [doc];
  } catch {
    values = body
      .split(/\r?\n/)
      .filter((line) => line.trim())
      .map((line) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return null;
        }
      });
  }
  const byKey = new Map<string, ReportPayload>();
  let skipped = 0;
  for (const value of values) {
    const report = parseReportPayload(value);
    if (report) byKey.set(report.idempotencyKey, report);
    else skipped++;
  }
  return { reports: [...byKey.values()], skipped };
}

/** The reports' counts as daily rows, summed over every browser that reported. */
export function reportRows(reports: readonly ReportPayload[]): DailyRow[] {
  return mergeRows(
    reports.flatMap((report) =>
      report.rows.map((row) => ({ day: report.day, ...row, counts: { ...row.counts } }) as DailyRow),
    ),
  );
}

/** How many browsers (people) reported a day, how many had a tip on screen, and how many opened one. */
export interface PeopleDay {
  day: string;
  reports: number;
  sawTip: number;
  openedTip: number;
}

/** Per day of the range: the reports, and how many show a tip seen / opened (on `tool` when given). */
export function peopleByDay(
  reports: readonly ReportPayload[],
  { from, to, tool }: { from: string; to: string; tool?: string },
): PeopleDay[] {
  const days = new Map<string, PeopleDay>();
  for (const report of reports) {
    if (report.day < from || report.day > to) continue;
    const day = days.get(report.day) ?? { day: report.day, reports: 0, sawTip: 0, openedTip: 0 };
    day.reports++;
    const tips = report.rows.filter((row) => row.kind === 'tip' && (tool === undefined || row.tool === tool));
    if (tips.some((row) => (row.counts.impression ?? 0) > 0)) day.sawTip++;
    if (tips.some((row) => (row.counts.open ?? 0) > 0)) day.openedTip++;
    days.set(report.day, day);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}
