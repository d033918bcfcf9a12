/**
 * Signpost's own catalog format: a JSON document with curated items and their targeting.
 * The embedded demo content (public/catalog/demo.json) uses it.
 *
 *   { "version": 1, "title": "…", "items": [ { "id", "kind", "title", "summary", "url",
 *     "tools"?, "tags"?, "audiences"?, "urlPatterns"?, "startsAt"?, "endsAt"?,
 *     "updatedAt", "owner"?, "reviewBy"?, "lang"? } ] }
 *
 * Dates are ISO 8601 strings or epoch milliseconds.
 */
import { LIMITS } from '../limits';
import { normalizeUrlPatterns } from '../match/url-pattern';
import { isHttpUrl, isRecord, type KnowledgeItem, parseKnowledgeItem, type ToolId } from '../model';
import { fullReadingMinutes } from './lib/html-to-text';
import { DROPPED_LINK } from './lib/normalize';
import type { SourceAdapter } from './types';

export class CatalogParseError extends Error {
  override name = 'CatalogParseError';
}

export interface CatalogResult {
  title: string;
  items: KnowledgeItem[];
  /** One line per item that was dropped, saying why. */
  warnings: string[];
}

export const CATALOG_VERSION = 1;

function toEpoch(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Parses a catalog document into items of the source `sourceId`. Throws {@link CatalogParseError}. */
export function parseCatalog(text: string, sourceId: string, sourceTools: ToolId[] = []): CatalogResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new CatalogParseError(`not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(doc)) throw new CatalogParseError('the catalog must be a JSON object with an "items" list');
  if (typeof doc.version === 'number' && doc.version > CATALOG_VERSION) {
    throw new CatalogParseError(
      `catalog version ${doc.version} is newer than this Signpost understands (${CATALOG_VERSION}); update Signpost`,
    );
  }
  if (!Array.isArray(doc.items)) throw new CatalogParseError('the catalog has no "items" list');

  const items: KnowledgeItem[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of doc.items.entries()) {
    const where = `item ${index + 1}`;
    if (!isRecord(raw)) {
      warnings.push(`${where}: not an object`);
      continue;
    }
    const externalId = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : '';
    if (!externalId) {
      warnings.push(`${where}: no "id"`);
      continue;
    }
    if (seen.has(externalId)) {
      warnings.push(`${where}: duplicate id "${externalId}"`);
      continue;
    }
    if (!isHttpUrl(raw.url)) {
      warnings.push(`${where} (${externalId}): "url" ${DROPPED_LINK}`);
      continue;
    }
    const dates = {
      updatedAt: toEpoch(raw.updatedAt),
      startsAt: toEpoch(raw.startsAt),
      endsAt: toEpoch(raw.endsAt),
      reviewBy: toEpoch(raw.reviewBy),
    };
    const badDate = Object.entries(dates).find(([, ms]) => ms === null);
    if (badDate) {
      warnings.push(`${where} (${externalId}): "${badDate[0]}" is not a date`);
      continue;
    }
    if (Array.isArray(raw.urlPatterns)) {
      const texts = raw.urlPatterns.filter((entry): entry is string => typeof entry === 'string');
      const { kept, problems } = normalizeUrlPatterns(texts);
      for (const problem of problems) warnings.push(`${where} (${externalId}): ${problem}`);
      if (problems.length && !kept.length) {
        warnings.push(`${where} (${externalId}): left out, since none of its "urlPatterns" can be used`);
        continue;
      }
    }
    const tools = Array.isArray(raw.tools) ? raw.tools : [];
    const summary = typeof raw.summary === 'string' ? raw.summary : '';
    const item = parseKnowledgeItem({
      ...raw,
      ...dates,
      updatedAt: dates.updatedAt ?? 0,
      id: `${sourceId}:${externalId}`,
      sourceId,
      summary,
      // A summary longer than an item holds is cut: content health says how long it was.
      ...(summary.length > LIMITS.itemSummary ? { fullMinutes: fullReadingMinutes(summary) } : {}),
      tags: Array.isArray(raw.tags) ? raw.tags : [],
      tools: [...new Set([...sourceTools, ...tools])],
    });
    if (!item) {
      warnings.push(`${where} (${externalId}): needs "kind" (article or tip) and a "title"`);
      continue;
    }
    seen.add(externalId);
    items.push(item);
  }
  const title = typeof doc.title === 'string' ? doc.title : '';
  return { title, items, warnings };
}

/** Signpost catalog documents: one GET; unchanged documents answer 304 through the engine. */
const adapter: SourceAdapter = {
  type: 'catalog',
  async sync({ config, fetch }) {
    const response = await fetch(config.url, { headers: { accept: 'application/json' } });
    if (response.status === 304) return { mode: 'not-modified' };
    const { items, warnings } = parseCatalog(await response.text(), config.id, config.tools);
    return { mode: 'full', items, warnings };
  },
};

export default adapter;
