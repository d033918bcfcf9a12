/**
 * A champion's "fix it" (KCS): an edit of an item's title and summary, kept as a before/after, or a
 * new tip for a screen with its tool and area. Validated here for the message, for storage and for
 * the form as the champion types. Only what the champion wrote travels: no page URL or page text,
 * unless they paste it into the note themselves.
 */
import { COMMENT_MAX, ID_MAX, LIMITS, SUGGESTION_LIMITS } from '../limits';
import { isRecord } from '../model';
import { cleanText, cut } from './reactions';

export interface TitleAndSummary {
  title: string;
  summary: string;
}

export type Suggestion =
  | { mode: 'edit'; before: TitleAndSummary; after: TitleAndSummary; note?: string }
  | { mode: 'new'; tool: string; area?: string; title: string; summary: string; note?: string };

/** The outbox reaction of a suggestion (beside endorse and flag). */
export interface SuggestReaction {
  kind: 'suggest';
  suggestion: Suggestion;
}

/** What the popup sends: the edit's "after" (the background adds "before" from its cache), or a new tip. */
export type SuggestionDraft =
  | { mode: 'edit'; itemId: string; title: string; summary: string; note?: string }
  | { mode: 'new'; tool: string; area?: string; title: string; summary: string; note?: string };

export type SuggestionProblem =
  | 'titleEmpty'
  | 'titleTooLong'
  | 'summaryEmpty'
  | 'summaryTooLong'
  | 'tooLongToRead';

/** Seconds an average reader needs for the text (about 200 words a minute), rounded up. */
export function readingSeconds(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.ceil((words * 60) / SUGGESTION_LIMITS.wordsPerMinute);
}

/** A title is one line: whitespace runs become one space. */
function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

function paragraph(text: string): string {
  return cleanText(text).trim();
}

/** What is wrong with a title and summary as the champion types them (empty list: fine), and the reading time. */
export function checkSuggestion(
  title: string,
  summary: string,
): { problems: SuggestionProblem[]; seconds: number } {
  const problems: SuggestionProblem[] = [];
  const line = oneLine(title);
  const body = paragraph(summary);
  if (!line) problems.push('titleEmpty');
  else if (line.length > SUGGESTION_LIMITS.title) problems.push('titleTooLong');
  if (!body) problems.push('summaryEmpty');
  else if (body.length > SUGGESTION_LIMITS.summary) problems.push('summaryTooLong');
  const seconds = readingSeconds(`${line} ${body}`);
  if (seconds > SUGGESTION_LIMITS.readingSeconds) problems.push('tooLongToRead');
  return { problems, seconds };
}

function validNote(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return null;
  const note = cut(paragraph(value), COMMENT_MAX).trimEnd();
  return note || undefined;
}

/** Title and summary, normalised, or null when they break a rule. */
function validText(title: unknown, summary: unknown): TitleAndSummary | null {
  if (typeof title !== 'string' || typeof summary !== 'string') return null;
  if (checkSuggestion(title, summary).problems.length) return null;
  return { title: oneLine(title), summary: paragraph(summary) };
}

const isToolId = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(value) && value.length <= ID_MAX;

/** A draft from the popup (message payload), or null. */
export function validateDraft(value: unknown): SuggestionDraft | null {
  if (!isRecord(value)) return null;
  const text = validText(value.title, value.summary);
  const note = validNote(value.note);
  if (!text || note === null) return null;
  const extra = note ? { note } : {};
  if (value.mode === 'edit') {
    const { itemId } = value;
    if (typeof itemId !== 'string' || !itemId || itemId.length > 300) return null;
    return { mode: 'edit', itemId, ...text, ...extra };
  }
  if (value.mode !== 'new' || !isToolId(value.tool)) return null;
  const { area } = value;
  if (area !== undefined && (typeof area !== 'string' || area.length > LIMITS.area)) return null;
  return { mode: 'new', tool: value.tool, ...(area ? { area } : {}), ...text, ...extra };
}

/** A stored suggestion reaction, or null. `before` is the item as it was: only cut, never checked against the rules. */
export function validateSuggestReaction(value: unknown): SuggestReaction | null {
  if (!isRecord(value) || value.kind !== 'suggest' || !isRecord(value.suggestion)) return null;
  const raw = value.suggestion;
  const note = validNote(raw.note);
  if (note === null) return null;
  const extra = note ? { note } : {};
  if (raw.mode === 'edit') {
    const { before, after } = raw;
    if (!isRecord(before) || typeof before.title !== 'string' || typeof before.summary !== 'string')
      return null;
    const fixed = isRecord(after) ? validText(after.title, after.summary) : null;
    if (!fixed) return null;
    const was = {
      title: cut(before.title, LIMITS.itemTitle),
      summary: cut(before.summary, LIMITS.itemSummary),
    };
    return { kind: 'suggest', suggestion: { mode: 'edit', before: was, after: fixed, ...extra } };
  }
  const draft = validateDraft({ ...raw, mode: raw.mode === 'new' ? 'new' : 'invalid' });
  if (draft?.mode !== 'new') return null;
  return { kind: 'suggest', suggestion: draft };
}
