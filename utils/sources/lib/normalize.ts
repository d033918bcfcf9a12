/**
 * One record of any source → a KnowledgeItem: plain-text title and summary (HTML turned into
 * text, cut at a sentence boundary near 600 characters), an http(s) link resolved against the
 * source, lowercase tags, and tools from the source's targeting plus tags that name a tool.
 */

import { LIMITS } from '../../limits';
import type { ItemKind, KnowledgeItem, SourceConfig } from '../../model';
import { isHttpUrl } from '../../model';
import { DETECTORS } from '../../tools';
import { fullReadingMinutes, htmlToText, summarize } from './html-to-text';

export interface RawRecord {
  /** The source's own id for the record (page id, article id, sys_id, wiki page title…). */
  externalId: string;
  title?: string;
  /** Body or excerpt as HTML… */
  html?: string;
  /** …or as plain text. */
  text?: string;
  /** Link to the record in its home KB; relative links resolve against the source URL. */
  url?: string;
  tags?: string[];
  /** ISO date, RFC 2822 date or epoch ms. */
  updatedAt?: string | number;
  kind?: ItemKind;
  owner?: string;
  lang?: string;
}

const TOOL_IDS = new Set(DETECTORS.map((detector) => detector.id));

function parseDate(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function resolve(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/**
 * What a source's text may not carry into Signpost: the explicit bidirectional embeddings,
 * overrides and isolates, with which a title can read differently from the characters it holds
 * (the "Trojan Source" trick), and the invisible zero-width space, word joiner and byte-order mark,
 * which split a word for search but not for the eye. Zero-width (non-)joiners stay: scripts and
 * emoji need them.
 */
const DECEPTIVE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g;

/** A source's text without deceptive characters, control characters as spaces. */
function plain(text: string): string {
  return text.replace(DECEPTIVE, '').replace(/\p{Cc}/gu, ' ');
}

export type Normalized = { item: KnowledgeItem } | { warning: string };

/** How every adapter's warning for a record dropped for its link ends (content health counts them). */
export const DROPPED_LINK = 'dropped, its link is not http(s)';

/** Maps a record to an item, or says why it was dropped. */
export function normalize(record: RawRecord, config: SourceConfig, now: number): Normalized {
  const where = `"${record.externalId}"`;
  const title = plain(htmlToText(record.title ?? ''))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, LIMITS.itemTitle);
  if (!title) return { warning: `${where}: no title` };
  const url = resolve(record.url, config.url);
  if (!url || !isHttpUrl(url)) return { warning: `${where}: ${DROPPED_LINK}` };
  const body = record.html !== undefined ? htmlToText(record.html) : (record.text ?? '');
  const tags = [
    ...new Set((record.tags ?? []).map((tag) => plain(tag).trim().toLowerCase()).filter(Boolean)),
  ].slice(0, LIMITS.tags);
  const tools = [...new Set([...config.tools, ...tags.filter((tag) => TOOL_IDS.has(tag))])];
  const text = plain(body).replace(/\s+/g, ' ').trim();
  const summary = summarize(text, 600);
  const item: KnowledgeItem = {
    id: `${config.id}:${record.externalId}`,
    sourceId: config.id,
    kind: record.kind ?? 'article',
    title,
    summary,
    url,
    tags,
    tools,
    updatedAt: parseDate(record.updatedAt) ?? now,
  };
  // The summary is a cut of a longer text: say how long the whole is (content health, the nudge).
  if (summary !== text) item.fullMinutes = fullReadingMinutes(text);
  const owner = plain(record.owner ?? '').trim();
  if (owner) item.owner = owner.slice(0, LIMITS.title);
  if (record.lang) item.lang = record.lang.slice(0, 20);
  return { item };
}

/** Normalises a batch, collecting the dropped records' reasons. */
export function normalizeAll(records: RawRecord[], config: SourceConfig, now: number) {
  const items: KnowledgeItem[] = [];
  const warnings: string[] = [];
  for (const record of records) {
    const result = normalize(record, config, now);
    if ('item' in result) items.push(result.item);
    else warnings.push(result.warning);
  }
  return { items, warnings };
}
