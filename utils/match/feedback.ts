/**
 * What one person said about items: votes, snoozes, "don't show again", how often the panel showed
 * an item, and whether it was announced. Pure rules over the stored records.
 */

import { isRecord } from '../model';
import type { BudgetSettings } from './budget';

export type ItemAction =
  | 'panel'
  | 'open'
  | 'helpful'
  | 'not-helpful'
  | 'snooze-day'
  | 'snooze-week'
  | 'dismiss';
export const ITEM_ACTIONS: readonly ItemAction[] = [
  'panel',
  'open',
  'helpful',
  'not-helpful',
  'snooze-day',
  'snooze-week',
  'dismiss',
];

export interface ItemFeedback {
  itemId: string;
  vote?: 'helpful' | 'not-helpful';
  snoozedUntil?: number;
  dismissed?: boolean;
  /** Times the panel showed the item. */
  views: number;
  announcedAt?: number;
  updatedAt: number;
}

const DAY = 24 * 3600_000;

/** The record after an action. */
export function applyAction(
  previous: ItemFeedback | undefined,
  itemId: string,
  action: ItemAction,
  now: number,
) {
  const next: ItemFeedback = { ...(previous ?? { itemId, views: 0 }), updatedAt: now };
  switch (action) {
    case 'panel':
      next.views += 1;
      break;
    case 'open':
      break;
    case 'helpful':
    case 'not-helpful':
      // Pressing the same vote again takes it back.
      if (next.vote === action) delete next.vote;
      else next.vote = action;
      break;
    case 'snooze-day':
      next.snoozedUntil = now + DAY;
      break;
    case 'snooze-week':
      next.snoozedUntil = now + 7 * DAY;
      break;
    case 'dismiss':
      next.dismissed = true;
      break;
  }
  return next;
}

/** Items not to offer now: dismissed, snoozed, or seen often enough without being found helpful. */
export function excludedItems(
  records: Iterable<ItemFeedback>,
  budget: BudgetSettings,
  now: number,
): Set<string> {
  const out = new Set<string>();
  for (const record of records) {
    const tired = record.views >= budget.maxViews && record.vote !== 'helpful';
    if (record.dismissed || (record.snoozedUntil ?? 0) > now || tired) out.add(record.itemId);
  }
  return out;
}

/** Votes as ranking signals. */
export function feedbackSignals(
  records: Iterable<ItemFeedback>,
): Map<string, { helpful: number; notHelpful: number }> {
  const out = new Map<string, { helpful: number; notHelpful: number }>();
  for (const record of records) {
    if (record.vote) {
      out.set(record.itemId, {
        helpful: record.vote === 'helpful' ? 1 : 0,
        notHelpful: record.vote === 'not-helpful' ? 1 : 0,
      });
    }
  }
  return out;
}

export function parseFeedback(value: unknown): ItemFeedback | null {
  if (!isRecord(value) || typeof value.itemId !== 'string' || typeof value.updatedAt !== 'number')
    return null;
  const record: ItemFeedback = {
    itemId: value.itemId,
    views: typeof value.views === 'number' && value.views >= 0 ? value.views : 0,
    updatedAt: value.updatedAt,
  };
  if (value.vote === 'helpful' || value.vote === 'not-helpful') record.vote = value.vote;
  if (typeof value.snoozedUntil === 'number') record.snoozedUntil = value.snoozedUntil;
  if (value.dismissed === true) record.dismissed = true;
  if (typeof value.announcedAt === 'number') record.announcedAt = value.announcedAt;
  return record;
}
