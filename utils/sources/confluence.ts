/**
 * Confluence Cloud pages.
 *
 *   no valid cursor, another space, or the last full sync a day old
 *     ─▶ full: GET /wiki/api/v2/pages?sort=-modified-date&body-format=storage&limit=100[&space-id=…]
 *              (a space key becomes its id through /wiki/api/v2/spaces?keys=KEY); next: _links.next
 *   otherwise
 *     ─▶ incremental: GET /wiki/rest/api/content/search?cql=type=page AND lastmodified > "…"…
 *              (v2 has no "changed since" filter); next: _links.next, else start + limit
 *
 * Confluence lists no deletions, so the daily full sync is what removes deleted pages.
 * Cursor: { v: 1, watermark: newest page version seen (epoch ms), fullSyncAt (epoch ms), space }.
 */
import { isRecord } from '../model';
import type { RawRecord } from './lib/normalize';
import { Collector, getJsonList, pagingProblem } from './lib/paging';
import type { AdapterContext, AdapterResult, SourceAdapter } from './types';

const DAY = 86_400_000;
/** A full sync at least this often, so that deleted pages disappear. */
const FULL_SYNC_EVERY = DAY;
/** A guard against paging that never ends. */
const MAX_REQUESTS = 2000;
const V1_LIMIT = 50;

interface Cursor {
  v: 1;
  watermark: number;
  fullSyncAt: number;
  /** The space key the cursor was made for ('' = all spaces). */
  space: string;
}

interface Site {
  origin: string;
  /** Where Confluence Cloud lives on the site: `${origin}/wiki`. */
  wiki: string;
}

interface Page {
  id: string;
  status?: string;
  /** The page's last version (epoch ms). */
  time?: number;
  record: RawRecord;
}

const SHAPE_HINT = 'is the URL the site root, e.g. https://acme.atlassian.net?';

/** Reads a stored cursor; anything unexpected means "do a full sync". */
function readCursor(value: unknown, space: string, now: number): Cursor | undefined {
  if (!isRecord(value) || value.v !== 1 || value.space !== space) return undefined;
  const { watermark, fullSyncAt } = value;
  if (typeof watermark !== 'number' || !Number.isFinite(watermark) || watermark < 0) return undefined;
  if (typeof fullSyncAt !== 'number' || !Number.isFinite(fullSyncAt) || fullSyncAt > now) return undefined;
  return { v: 1, watermark, fullSyncAt, space };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function getJson(context: AdapterContext, url: string): Promise<Record<string, unknown>> {
  return getJsonList(context, url, { vendor: 'Confluence', listKey: 'results', hint: SHAPE_HINT });
}

/** `YYYY/MM/DD HH:mm` in UTC, the date format CQL accepts. */
function cqlDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ').replaceAll('-', '/');
}

function labels(raw: Record<string, unknown>): string[] {
  // v1: metadata.labels.results; v2 (single-page reads with include-labels): labels.results.
  const holder = isRecord(raw.metadata) ? raw.metadata.labels : raw.labels;
  const list = isRecord(holder) && Array.isArray(holder.results) ? holder.results : [];
  return list.flatMap((label) => (isRecord(label) && typeof label.name === 'string' ? [label.name] : []));
}

/** A v2 page or a v1 content result → a page; undefined when it has no id. */
function readPage(raw: unknown, site: Site): Page | undefined {
  if (!isRecord(raw)) return undefined;
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : '';
  if (!id) return undefined;
  const version = isRecord(raw.version) ? raw.version : {};
  const when = text(version.createdAt) ?? text(version.when);
  const parsed = when ? Date.parse(when) : Number.NaN;
  const storage = isRecord(raw.body) && isRecord(raw.body.storage) ? raw.body.storage : {};
  const webui = isRecord(raw._links) ? text(raw._links.webui) : undefined;
  const page: Page = {
    id,
    record: {
      externalId: id,
      title: text(raw.title),
      html: text(storage.value) ?? '',
      // Both APIs give webui relative to /wiki; anything else goes to normalize as it is.
      url: webui?.startsWith('/') ? `${site.wiki}${webui}` : webui,
      tags: labels(raw),
      updatedAt: when,
    },
  };
  if (typeof raw.status === 'string') page.status = raw.status;
  if (Number.isFinite(parsed)) page.time = parsed;
  return page;
}

/** The next page's URL, or a warning when it leads off the site. */
function nextLink(doc: Record<string, unknown>, site: Site): { url?: string; warning?: string } {
  const next = isRecord(doc._links) ? text(doc._links.next) : undefined;
  if (!next) return {};
  // v2 links start at the site root (/wiki/api/v2/…), v1 links at /wiki (/rest/api/…).
  const absolute = next.startsWith('/wiki/')
    ? site.origin + next
    : next.startsWith('/')
      ? site.wiki + next
      : next;
  try {
    const url = new URL(absolute);
    if (url.origin === site.origin) return { url: url.href };
    return { warning: `stopped paging: the next page is on another host (${url.host})` };
  } catch {
    return { warning: 'stopped paging: the next page link is not an address' };
  }
}

async function spaceId(context: AdapterContext, site: Site, key: string): Promise<string> {
  const doc = await getJson(context, `${site.wiki}/api/v2/spaces?keys=${encodeURIComponent(key)}`);
  const match = (doc.results as unknown[]).find(
    (space) =>
      isRecord(space) && typeof space.key === 'string' && space.key.toLowerCase() === key.toLowerCase(),
  );
  const id =
    isRecord(match) && (typeof match.id === 'string' || typeof match.id === 'number') ? match.id : '';
  if (!id) throw new Error(`Confluence has no space with the key "${key}" that this account can see`);
  return String(id);
}

async function fullSync(context: AdapterContext, site: Site, space: string): Promise<AdapterResult> {
  const collected = new Collector(context);
  let watermark = 0;
  let url: string | undefined = `${site.wiki}/api/v2/pages?sort=-modified-date&body-format=storage&limit=100`;
  if (space) url += `&space-id=${encodeURIComponent(await spaceId(context, site, space))}`;
  const requested = new Set<string>();
  while (url && !collected.stopped) {
    const problem = pagingProblem(requested, url, 'Confluence', MAX_REQUESTS);
    if (problem) {
      collected.warnings.push(problem);
      break;
    }
    const doc = await getJson(context, url);
    for (const raw of doc.results as unknown[]) {
      const page = readPage(raw, site);
      // v2 also lists archived pages: they are not knowledge to show.
      if (!page || (page.status && page.status !== 'current')) continue;
      if (!collected.add(page)) break;
      watermark = Math.max(watermark, page.time ?? 0);
    }
    context.progress?.(collected.size);
    const next = nextLink(doc, site);
    if (next.warning && !collected.stopped) collected.warnings.push(next.warning);
    url = next.url;
  }
  const cursor: Cursor = { v: 1, watermark, fullSyncAt: context.now, space };
  return { mode: 'full', ...collected.result(), cursor };
}

async function incrementalSync(context: AdapterContext, site: Site, cursor: Cursor): Promise<AdapterResult> {
  // CQL reads dates in the API user's time zone, which is not known here: ask from a day before
  // the watermark and keep only the pages whose version is newer than it.
  let cql = `type=page AND lastmodified > "${cqlDate(Math.max(0, cursor.watermark - DAY))}"`;
  if (cursor.space) cql += ` AND space="${cursor.space}"`;
  // Oldest first, so that a sync stopped at the limit carries on from where it stopped.
  cql += ' order by lastmodified asc';
  const base = `${site.wiki}/rest/api/content/search?cql=${encodeURIComponent(cql)}&expand=body.storage,version,metadata.labels&limit=${V1_LIMIT}`;
  const collected = new Collector(context);
  const deletions = new Set<string>();
  let watermark = cursor.watermark;
  let url: string | undefined = base;
  const requested = new Set<string>();
  while (url && !collected.stopped) {
    const problem = pagingProblem(requested, url, 'Confluence', MAX_REQUESTS);
    if (problem) {
      collected.warnings.push(problem);
      break;
    }
    const doc = await getJson(context, url);
    const results = doc.results as unknown[];
    for (const raw of results) {
      const page = readPage(raw, site);
      if (!page || (page.time !== undefined && page.time <= cursor.watermark)) continue;
      // Results come oldest first: what a page became last is what counts.
      if (page.status && page.status !== 'current') {
        collected.remove(page.id);
        deletions.add(`${context.config.id}:${page.id}`);
      } else if (collected.add(page, true)) {
        deletions.delete(`${context.config.id}:${page.id}`);
      } else {
        break;
      }
      watermark = Math.max(watermark, page.time ?? 0);
    }
    // No total: the search also counts the day before the watermark.
    context.progress?.(collected.size);
    const next = nextLink(doc, site);
    if (next.warning && !collected.stopped) collected.warnings.push(next.warning);
    url = next.url;
    // Without a next link, a full page may still be followed by more: ask from start + limit.
    if (!url && !next.warning && typeof doc.start === 'number' && results.length >= V1_LIMIT) {
      url = `${base}&start=${doc.start + results.length}`;
    }
  }
  const nextCursor: Cursor = { ...cursor, watermark };
  const { items, warnings } = collected.result();
  if (items.length === 0 && deletions.size === 0 && warnings.length === 0) {
    return { mode: 'not-modified', cursor: nextCursor };
  }
  return { mode: 'incremental', upserts: items, deletions: [...deletions], warnings, cursor: nextCursor };
}

/** A space key as Confluence writes them (personal spaces start with ~); it goes into CQL. */
function spaceKey(value: string | undefined): string {
  const key = (value ?? '').trim();
  if (key && !/^~?[A-Za-z0-9_-]{1,255}$/.test(key)) {
    throw new Error(`"${key}" is not a Confluence space key (letters and digits, e.g. KB)`);
  }
  return key;
}

const adapter: SourceAdapter = {
  type: 'confluence',
  async sync(context) {
    const { origin } = new URL(context.config.url);
    // https://acme.atlassian.net and https://acme.atlassian.net/wiki name the same site.
    const site: Site = { origin, wiki: `${origin}/wiki` };
    const space = spaceKey(context.config.options?.space);
    const cursor = readCursor(context.cursor, space, context.now);
    if (!cursor || context.now - cursor.fullSyncAt >= FULL_SYNC_EVERY) return fullSync(context, site, space);
    return incrementalSync(context, site, cursor);
  },
};

export default adapter;
