/**
 * Measurement events: what happened to which item on which tool, never where (no URL, no page
 * text, no search words). The background records them; the dashboard and the daily report read
 * their aggregates.
 *
 *   event ──(same transaction)──► raw log `events` (kept 30 days, for the detailed export)
 *                            └──► daily aggregate `daily` [day, tool, itemId] → counts per type
 *                                   (kept 13 months; the dashboard and reports read only these)
 *
 * Pure: storage belongs to the caller (./event-log.ts); the aggregates are ./daily.ts, the
 * dashboard's figures ./figures.ts, calendar days ./days.ts.
 */
import { type ItemKind, isRecord } from '../model';

export const EVENT_TYPES = [
  'impression',
  'panel',
  'open',
  'helpful',
  'not-helpful',
  'snooze',
  'dismiss',
  'pause',
  'announce',
  'announce-dismissed',
  /** A champion's search found nothing (the words stay in the `gaps` store, never in an event). */
  'gap',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface SignpostEvent {
  at: number;
  type: EventType;
  tool: string;
  area?: string;
  itemId?: string;
  /** The item's kind when the event is about an item (tips and articles are measured apart). */
  kind?: ItemKind;
}

/** Builds an event from untrusted parts, keeping only the fields that may be stored. */
export function makeEvent(
  type: EventType,
  at: number,
  tool: string,
  area?: string,
  itemId?: string,
  kind?: ItemKind,
): SignpostEvent {
  const event: SignpostEvent = { at, type, tool: tool.slice(0, 60) };
  if (area) event.area = area.slice(0, 60);
  if (itemId) event.itemId = itemId.slice(0, 300);
  if (kind === 'tip' || kind === 'article') event.kind = kind;
  return event;
}

export function isEvent(value: unknown): value is SignpostEvent {
  return (
    isRecord(value) &&
    typeof value.at === 'number' &&
    Number.isFinite(value.at) &&
    typeof value.tool === 'string' &&
    (EVENT_TYPES as readonly unknown[]).includes(value.type)
  );
}
