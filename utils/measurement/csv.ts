/**
 * CSV export (RFC 4180) that is safe to open in a spreadsheet. Pure: the caller adds a BOM if the
 * target needs one and turns the text into a download.
 */

import type { OutboxEntry } from '../delivery/outbox';
import { isoTime } from '../delivery/webhook-formats';
import type { DailyRow } from './daily';
import { EVENT_TYPES, type SignpostEvent } from './events';

export type CsvValue = string | number | null | undefined;

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"), so
 * such text gets a leading `'`, which makes it text again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // A number is data, not text a person typed: -5 stays -5.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, each ended by CRLF; fields with `,` `"` CR or LF are quoted. */
export function toCsv(columns: string[], rows: CsvValue[][]): string {
  return [columns, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

export const REACTION_COLUMNS = [
  'createdAt',
  'kind',
  'reason',
  'comment',
  'missingTitle',
  'itemId',
  'title',
  'url',
  'sourceId',
  'state',
  'lastError',
  'suggestedTitle',
  'suggestedSummary',
];

/** The champion's reactions, one row each. */
export function reactionsToCsv(entries: OutboxEntry[]): string {
  return toCsv(
    REACTION_COLUMNS,
    entries.map((entry) => {
      const flag = entry.reaction.kind === 'flag' ? entry.reaction : null;
      const suggestion = entry.reaction.kind === 'suggest' ? entry.reaction.suggestion : null;
      const suggested = suggestion?.mode === 'edit' ? suggestion.after : suggestion;
      return [
        isoTime(entry.createdAt),
        entry.reaction.kind,
        flag?.reason ?? suggestion?.mode,
        flag?.comment ?? suggestion?.note,
        flag?.missingTitle,
        entry.itemId,
        entry.title,
        entry.url,
        entry.sourceId,
        entry.state,
        entry.lastError,
        suggested?.title,
        suggested?.summary,
      ];
    }),
  );
}

export const DAILY_COLUMNS = ['day', 'tool', 'toolName', 'itemId', 'title', 'kind', ...EVENT_TYPES];

/**
 * The daily aggregates, one row per day, tool and item, oldest first; a count per event type (0
 * when none). `titles` maps item ids to titles (an item no longer cached has none).
 */
export function dailyRowsToCsv(
  rows: DailyRow[],
  titles: Record<string, string>,
  toolName: (id: string) => string,
): string {
  // Code-unit order, not the locale's: the same rows give the same file everywhere.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...rows].sort(
    (a, b) => cmp(a.day, b.day) || cmp(a.tool, b.tool) || cmp(a.itemId, b.itemId),
  );
  return toCsv(
    DAILY_COLUMNS,
    sorted.map((row) => [
      row.day,
      row.tool,
      row.tool ? toolName(row.tool) : '',
      row.itemId,
      row.itemId ? titles[row.itemId] : undefined,
      row.kind,
      ...EVENT_TYPES.map((type) => row.counts[type] ?? 0),
    ]),
  );
}

export const EVENT_COLUMNS = ['time', 'type', 'tool', 'area', 'itemId', 'kind'];

/** The raw event log, one row per event in the order given; the time in ISO 8601, UTC. */
export function eventsToCsv(events: SignpostEvent[]): string {
  return toCsv(
    EVENT_COLUMNS,
    events.map((event) => [isoTime(event.at), event.type, event.tool, event.area, event.itemId, event.kind]),
  );
}
