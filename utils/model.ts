/**
 * Core types shared by every part of Signpost, and the validation of values that come from
 * outside the extension's own code (messages, storage, IndexedDB, sources).
 */

import { LIMITS } from './limits';
import { normalizeUrlPatterns } from './match/url-pattern';

/** Built-in ids ('jira', 'salesforce', …) or an admin's own. */
export type ToolId = string;

export type ItemKind = 'article' | 'tip';

export interface KnowledgeItem {
  /** `${sourceId}:${externalId}`, stable across syncs. */
  id: string;
  sourceId: string;
  /** `tip` = announcement of a new capability. */
  kind: ItemKind;
  /** Plain text. */
  title: string;
  /** Plain text, the two-minute read. */
  summary: string;
  /** http(s) only: the item in its home KB. */
  url: string;
  /** Lowercase. */
  tags: string[];
  /** [] = general, any tool. */
  tools: ToolId[];
  /** Absent or [] = everyone. */
  audiences?: string[];
  /** A tip aimed at particular screens (match patterns). */
  urlPatterns?: string[];
  /** Epoch ms; a tip's window. */
  startsAt?: number;
  endsAt?: number;
  /** Epoch ms. */
  updatedAt: number;
  owner?: string;
  /** Epoch ms; after this the item is stale. */
  reviewBy?: number;
  lang?: string;
  /** Minutes the whole text at the source takes to read, when the summary is a cut of it. */
  fullMinutes?: number;
}

export interface PageContext {
  /** null: not a recognised tool. */
  tool: ToolId | null;
  url: string;
  title: string;
  headings: string[];
  /** Field labels, status values, button labels seen on the screen. */
  keywords: string[];
  /** The tool's screen: 'issue', 'board', 'opportunity', … */
  area?: string;
}

export interface Match {
  item: KnowledgeItem;
  score: number;
  reasons: string[];
}

export const SOURCE_TYPES = [
  'catalog',
  'feed',
  'confluence',
  'zendesk',
  'servicenow',
  'discourse',
  'mediawiki',
  'dokuwiki',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** A configured knowledge source. `builtin` sources ship inside the extension. */
export interface SourceConfig {
  id: string;
  type: SourceType;
  name: string;
  /** The source's base URL (a feed or catalog document; a KB's site root). */
  url: string;
  builtin: boolean;
  /** Tools every item of this source is aimed at, on top of the item's own targeting. */
  tools: ToolId[];
  /** Minutes between syncs (default 60). */
  intervalMinutes?: number;
  /**
   * Adapter options, e.g. Confluence `space` (a space key), Zendesk `locale` (en-us),
   * ServiceNow `query` (an encoded query added to the knowledge filter), MediaWiki `namespace`.
   */
  options?: Record<string, string>;
  /** false: kept with its settings but not synced or shown (the person's own sources). */
  enabled?: boolean;
}

export interface SourceStatus {
  sourceId: string;
  /** When the last sync started (the last attempt, good or not). */
  lastSyncAt?: number;
  /** When the last good sync finished. */
  lastSuccessAt?: number;
  /** When the syncs began to fail: the first failed attempt since the last good one (absent while syncing well). */
  failingSince?: number;
  itemCount: number;
  /** What went wrong in the last sync, in words an admin can act on. */
  error?: string;
  /** Items the last sync dropped, with the reason (e.g. a non-http link); the first 50. */
  warnings: string[];
  /** How many records the last sync dropped because their link was not http(s). */
  droppedLinks?: number;
  /** How long the last sync took. */
  durationMs?: number;
  /** The engine's own state between syncs (adapter cursor, ETag, Last-Modified). */
  state?: unknown;
}

/** What the options page and popup see of a source. */
export interface SourceView extends SourceConfig {
  enabled: boolean;
  /** Where the source comes from: shipped, set by the organisation's policy, or added by the person. */
  origin: 'builtin' | 'policy' | 'own';
  status: SourceStatus;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an absolute `http:` or `https:` URL; everything else (javascript:, data:, garbage) is not a link. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > LIMITS.url) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A host name as `URL.host` gives it (optionally with a port), lowercase. */
export function isHostName(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9.-]{1,253}(:\d{1,5})?$/.test(value);
}

function stringList(value: unknown, maxItems: number, maxLength: number): string[] | null {
  if (!Array.isArray(value)) return null;
  const out: string[] = [];
  for (const entry of value) {
    if (typeof entry !== 'string') return null;
    const trimmed = entry.trim();
    if (trimmed) out.push(trimmed.slice(0, maxLength));
    if (out.length >= maxItems) break;
  }
  return out;
}

function optionalNumber(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Validates a page context that arrived in a message. Returns null when the shape is wrong;
 * over-long strings and lists are cut to {@link LIMITS}.
 */
export function parsePageContext(value: unknown): PageContext | null {
  if (!isRecord(value)) return null;
  const { tool, url, title, area } = value;
  if (tool !== null && (typeof tool !== 'string' || !tool || tool.length > LIMITS.toolId)) return null;
  if (!isHttpUrl(url) || typeof title !== 'string') return null;
  if (area !== undefined && typeof area !== 'string') return null;
  const headings = stringList(value.headings, LIMITS.headings, LIMITS.heading);
  const keywords = stringList(value.keywords, LIMITS.keywords, LIMITS.keyword);
  if (!headings || !keywords) return null;
  const context: PageContext = { tool, url, title: title.slice(0, LIMITS.title), headings, keywords };
  if (area) context.area = area.slice(0, LIMITS.area);
  return context;
}

/**
 * Validates a knowledge item read back from storage. Returns null for anything that is not a
 * complete item with an http(s) link, so that corrupt records are dropped instead of rendered.
 */
export function parseKnowledgeItem(value: unknown): KnowledgeItem | null {
  if (!isRecord(value)) return null;
  const { id, sourceId, kind, title, summary, url, updatedAt } = value;
  if (typeof id !== 'string' || !id || typeof sourceId !== 'string' || !sourceId) return null;
  if (kind !== 'article' && kind !== 'tip') return null;
  if (typeof title !== 'string' || !title.trim() || typeof summary !== 'string') return null;
  if (!isHttpUrl(url)) return null;
  if (typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) return null;
  const tags = stringList(value.tags, LIMITS.tags, LIMITS.tag);
  const tools = stringList(value.tools, LIMITS.tags, LIMITS.toolId);
  if (!tags || !tools) return null;
  const startsAt = optionalNumber(value.startsAt);
  const endsAt = optionalNumber(value.endsAt);
  const reviewBy = optionalNumber(value.reviewBy);
  if (startsAt === null || endsAt === null || reviewBy === null) return null;
  const item: KnowledgeItem = {
    id,
    sourceId,
    kind,
    title: title.slice(0, LIMITS.itemTitle),
    summary: summary.slice(0, LIMITS.itemSummary),
    url,
    tags: tags.map((tag) => tag.toLowerCase()),
    tools,
    updatedAt,
  };
  if (startsAt !== undefined) item.startsAt = startsAt;
  if (endsAt !== undefined) item.endsAt = endsAt;
  if (reviewBy !== undefined) item.reviewBy = reviewBy;
  const { fullMinutes } = value;
  if (typeof fullMinutes === 'number' && Number.isInteger(fullMinutes) && fullMinutes > 0)
    item.fullMinutes = fullMinutes;
  for (const key of ['owner', 'lang'] as const) {
    const text = value[key];
    if (typeof text === 'string' && text) item[key] = text.slice(0, LIMITS.title);
  }
  const audiences = stringList(value.audiences, LIMITS.tags, LIMITS.url);
  if (audiences?.length) item.audiences = audiences;
  const patterns = stringList(value.urlPatterns, LIMITS.tags, LIMITS.url);
  if (patterns?.length) {
    const { kept } = normalizeUrlPatterns(patterns);
    // An item aimed at particular screens whose every pattern is refused would otherwise show everywhere.
    if (!kept.length) return null;
    item.urlPatterns = kept;
  }
  return item;
}
