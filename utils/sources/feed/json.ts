/** JSON Feed 1.0/1.1. */
import { isRecord } from '../../model';
import { lastLine, lineAt, resolve } from '../lib/xml';
import { isUsable, unique } from './elements';
import { type Feed, type FeedItem, FeedParseError } from './types';

/**
 * Objects and lists one JSON Feed may hold, counted before `JSON.parse` builds them: 20 MB of `{},`
 * made 7 million objects and peaked at 1.8 GB (tests/bench/feed-memory.mjs). A real item has a
 * handful (itself, authors, tags, attachments), so this holds 20,000 items with room to spare.
 */
export const JSON_CONTAINERS_MAX = 200_000;

/** `{` and `[` outside strings, counting no further than `max + 1`. */
function containers(text: string, max: number): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if ((code === 0x7b || code === 0x5b) && ++count > max) return count;
  }
  return count;
}

export function fromJson(text: string, baseUrl: string | undefined): Feed {
  if (containers(text, JSON_CONTAINERS_MAX) > JSON_CONTAINERS_MAX) {
    throw new FeedParseError(
      `the JSON feed holds more than ${JSON_CONTAINERS_MAX.toLocaleString('en')} objects and lists, more than Signpost reads from one document`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(jsonError(text, (error as Error).message));
  }
  if (!isRecord(doc)) throw new FeedParseError('not a feed: the JSON is not an object with an "items" list');
  if (!Array.isArray(doc.items)) throw new FeedParseError('not a feed: the JSON has no "items" list');
  const feedAuthor = jsonAuthor(doc);
  const items = doc.items
    .filter(isRecord)
    .map((item) => jsonItem(item, feedAuthor, baseUrl))
    .filter(isUsable);
  return {
    format: 'json',
    title: oneLine(doc.title) ?? '',
    link: resolve(string(doc.home_page_url), baseUrl),
    description: string(doc.description)?.trim() || undefined,
    items,
  };
}

function jsonItem(
  item: Record<string, unknown>,
  feedAuthor: string | undefined,
  baseUrl: string | undefined,
): FeedItem {
  const id =
    typeof item.id === 'number' && Number.isFinite(item.id) ? String(item.id) : string(item.id)?.trim();
  const tags = Array.isArray(item.tags) ? item.tags : [];
  return {
    id: id || undefined,
    title: oneLine(item.title),
    link: resolve(string(item.url), baseUrl) ?? resolve(string(item.external_url), baseUrl),
    summary: string(item.summary)?.trim() || undefined,
    content: string(item.content_html)?.trim() || string(item.content_text)?.trim() || undefined,
    published: string(item.date_published)?.trim() || undefined,
    updated: string(item.date_modified)?.trim() || undefined,
    categories: unique(tags.map(string)),
    author: jsonAuthor(item) ?? feedAuthor,
  };
}

/** JSON Feed 1.1 `authors[0].name`, 1.0 `author.name`. */
function jsonAuthor(value: Record<string, unknown>): string | undefined {
  const first = Array.isArray(value.authors) ? value.authors[0] : undefined;
  const author = isRecord(first) ? first : isRecord(value.author) ? value.author : undefined;
  return oneLine(author?.name);
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function oneLine(value: unknown): string | undefined {
  return string(value)?.replace(/\s+/g, ' ').trim() || undefined;
}

/** JSON.parse's message, with a line number, and "cut off" when the text simply ends. */
function jsonError(text: string, message: string): string {
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
  const end = text.trimEnd().length;
  if (/end of (JSON )?input|Unterminated/i.test(message) || position >= end) {
    return `JSON is cut off at line ${lastLine(text)}`;
  }
  const where = Number.isNaN(position) ? '' : ` at line ${lineAt(text, position)}`;
  // V8 quotes the text around the error, line breaks included: keep the message on one line.
  return `not valid JSON${where}: ${message.replace(/\s+/g, ' ')}`;
}
