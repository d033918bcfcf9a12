/**
 * Measurement events: what happened to which item on which tool, never where (no URL, no page
 * text). The background records them; the dashboard aggregates them.
 */
import { isRecord } from './model';

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
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface SignpostEvent {
  at: number;
  type: EventType;
  tool: string;
  area?: string;
  itemId?: string;
}

/** Builds an event from untrusted parts, keeping only the fields that may be stored. */
export function makeEvent(
  type: EventType,
  at: number,
  tool: string,
  area?: string,
  itemId?: string,
): SignpostEvent {
  const event: SignpostEvent = { at, type, tool: tool.slice(0, 60) };
  if (area) event.area = area.slice(0, 60);
  if (itemId) event.itemId = itemId.slice(0, 300);
  return event;
}

export function isEvent(value: unknown): value is SignpostEvent {
  return (
    isRecord(value) &&
    typeof value.at === 'number' &&
    typeof value.tool === 'string' &&
    (EVENT_TYPES as readonly unknown[]).includes(value.type)
  );
}
