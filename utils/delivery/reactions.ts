/**
 * What a champion can say about an item (endorse, or flag with a KCS reason) and where it can be
 * sent, validated. Kept apart from the outbox so that message validation stays small.
 */
import { COMMENT_MAX, MISSING_TITLE_MAX } from '../limits';
import { isRecord } from '../model';

export type FlagReason = 'outdated' | 'incorrect' | 'incomplete' | 'duplicate' | 'missing' | 'other';
export const FLAG_REASONS: readonly FlagReason[] = [
  'outdated',
  'incorrect',
  'incomplete',
  'duplicate',
  'missing',
  'other',
];

export type Reaction =
  | { kind: 'endorse' }
  | { kind: 'flag'; reason: FlagReason; comment?: string; missingTitle?: string };

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** Line breaks normalised, other control characters dropped (they would garble chat messages and CSV). */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/(?![\n\t])\p{Cc}/gu, '');
}

/**
 * Validates a reaction from a message or from storage: unknown kinds and reasons are rejected, a
 * comment is trimmed and cut to {@link COMMENT_MAX}, and a 'missing' flag needs the missing
 * article's title (1–200 characters). Fields that do not belong to the reason are dropped.
 */
export function validateReaction(value: unknown): Reaction | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'endorse') return { kind: 'endorse' };
  if (value.kind !== 'flag') return null;
  const reason = FLAG_REASONS.find((known) => known === value.reason);
  if (!reason) return null;
  const reaction: Reaction = { kind: 'flag', reason };

  const { comment, missingTitle } = value;
  if (comment !== undefined && comment !== null) {
    if (typeof comment !== 'string') return null;
    const text = cut(cleanText(comment).trim(), COMMENT_MAX).trimEnd();
    if (text) reaction.comment = text;
  }
  if (reason === 'missing') {
    if (typeof missingTitle !== 'string') return null;
    // A title is one line.
    const title = cleanText(missingTitle).replace(/\s+/g, ' ').trim();
    if (!title || title.length > MISSING_TITLE_MAX) return null;
    reaction.missingTitle = title;
  }
  return reaction;
}

export type WebhookFormat = 'generic' | 'slack' | 'teams';
export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['generic', 'slack', 'teams'];
