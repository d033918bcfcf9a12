/**
 * Zendesk Help Center articles in one locale (`options.locale`, default en-us).
 *
 *   full: GET /api/v2/help_center/{locale}/articles.json?sort_by=updated_at&sort_order=desc&page[size]=100
 *         (anonymous on public help centers); next: links.next while meta.has_more
 *   incremental, once `options.incremental` is 'true' (it needs an agent or admin token) and a
 *   cursor exists: GET /api/v2/help_center/incremental/articles?start_time=<epoch s>;
 *         next: next_page until end_of_stream or an empty page; end_time is the next start_time
 *
 * Articles that went back to draft in the incremental stream are deletions. Archived articles carry
 * no flag there (they may not appear at all), so a full sync runs daily to drop them.
 * Cursor: { v: 1, startTime (epoch s), fullSyncAt (epoch ms), locale, edge: ["id@updated_at", …] },
 * where edge lists the last page's articles, which the next start_time returns again.
 */
import { isRecord } from '../model';
import type { RawRecord } from './lib/normalize';
import { Collector, getJsonList, pagingProblem } from './lib/paging';
import { type AdapterContext, type AdapterResult, HttpError, type SourceAdapter } from './types';

/** A full sync at least this often, so that archived and deleted articles disappear. */
const FULL_SYNC_EVERY = 86_400_000;
/** A guard against paging that never ends. */
const MAX_REQUESTS = 2000;
/** The incremental export's page size: a page where the sync stops is read again next time. */
const MAX_EDGE = 1000;

interface Cursor {
  v: 1;
  startTime: number;
  fullSyncAt: number;
  locale: string;
  edge: string[];
}

interface Article {
  id: string;
  /** `${id}@${updated_at}`: the same version of the same article. */
  key: string;
  draft: boolean;
  locale?: string;
  /** Epoch seconds of updated_at. */
  time?: number;
  record: RawRecord;
}

const SHAPE_HINT = 'is the URL the help center, e.g. https://acme.zendesk.com?';

/** Reads a stored cursor; anything unexpected means "do a full sync". */
function readCursor(value: unknown, locale: string, now: number): Cursor | undefined {
  if (!isRecord(value) || value.v !== 1 || value.locale !== locale) return undefined;
  const { startTime, fullSyncAt, edge } = value;
  if (typeof startTime !== 'number' || !Number.isInteger(startTime) || startTime < 0) return undefined;
  if (typeof fullSyncAt !== 'number' || !Number.isFinite(fullSyncAt) || fullSyncAt > now) return undefined;
  if (!Array.isArray(edge) || edge.length > MAX_EDGE || !edge.every((key) => typeof key === 'string')) {
    return undefined;
  }
  return { v: 1, startTime, fullSyncAt, locale, edge };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function getJson(context: AdapterContext, url: string): Promise<Record<string, unknown>> {
  return getJsonList(context, url, { vendor: 'Zendesk', listKey: 'articles', hint: SHAPE_HINT });
}

function readArticle(raw: unknown): Article | undefined {
  if (!isRecord(raw)) return undefined;
  const id = typeof raw.id === 'number' || typeof raw.id === 'string' ? String(raw.id) : '';
  if (!id) return undefined;
  const updated = text(raw.updated_at) ?? text(raw.edited_at);
  const ms = updated ? Date.parse(updated) : Number.NaN;
  const tags = Array.isArray(raw.label_names) ? raw.label_names.filter((tag) => typeof tag === 'string') : [];
  const article: Article = {
    id,
    key: `${id}@${updated ?? ''}`,
    draft: raw.draft === true,
    record: {
      externalId: id,
      title: text(raw.title) ?? text(raw.name),
      html: text(raw.body) ?? '',
      url: text(raw.html_url),
      tags,
      updatedAt: updated,
    },
  };
  if (typeof raw.locale === 'string') article.locale = raw.locale.toLowerCase();
  if (Number.isFinite(ms)) article.time = Math.floor(ms / 1000);
  return article;
}

/** An absolute next-page link, only when it stays on the help center's origin. */
function sameOrigin(link: unknown, origin: string): string | undefined {
  if (typeof link !== 'string' || !link) return undefined;
  try {
    const url = new URL(link, origin);
    return url.origin === origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function epochSeconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The start_time a next_page link asks for (when a page gives no end_time). */
function startTimeIn(link: unknown, origin: string): number | undefined {
  if (typeof link !== 'string') return undefined;
  try {
    const value = new URL(link, origin).searchParams.get('start_time');
    return value && /^\d+$/.test(value) ? Number(value) : undefined;
  } catch {
    return undefined;
  }
}

async function fullSync(context: AdapterContext, origin: string, locale: string): Promise<AdapterResult> {
  const collected = new Collector(context);
  // The newest update seen (server time, drafts too) is where the incremental export starts.
  let startTime = 0;
  let edge: string[] = [];
  const base = `${origin}/api/v2/help_center/${locale}/articles.json`;
  let url: string | undefined = `${base}?sort_by=updated_at&sort_order=desc&page[size]=100`;
  const requested = new Set<string>();
  while (url && !collected.stopped) {
    const problem = pagingProblem(requested, url, 'Zendesk', MAX_REQUESTS);
    if (problem) {
      collected.warnings.push(problem);
      break;
    }
    const doc = await getJson(context, url);
    for (const raw of doc.articles as unknown[]) {
      const article = readArticle(raw);
      if (!article) continue;
      if (!article.draft && !collected.add(article)) break;
      if (article.time !== undefined && article.time > startTime) {
        startTime = article.time;
        edge = [];
      }
      if (article.time === startTime && edge.length < MAX_EDGE) edge.push(article.key);
    }
    context.progress?.(collected.size, typeof doc.count === 'number' ? doc.count : undefined);
    url = undefined;
    const meta = isRecord(doc.meta) ? doc.meta : undefined;
    if (meta?.has_more === true) {
      const links = isRecord(doc.links) ? doc.links : {};
      // A help center on its own domain may link to its zendesk.com host: follow the cursor here.
      const after = text(meta.after_cursor);
      url =
        sameOrigin(links.next, origin) ??
        (after
          ? `${base}?sort_by=updated_at&sort_order=desc&page[size]=100&page[after]=${encodeURIComponent(after)}`
          : undefined);
      if (!url && !collected.stopped)
        collected.warnings.push('stopped paging: Zendesk gave no usable next page');
    } else if (!meta) {
      // Offset pagination (older help centers): next_page is null on the last page.
      url = sameOrigin(doc.next_page, origin);
    }
  }
  const cursor: Cursor = { v: 1, startTime, fullSyncAt: context.now, locale, edge };
  return { mode: 'full', ...collected.result(), cursor };
}

async function incrementalSync(
  context: AdapterContext,
  origin: string,
  cursor: Cursor,
): Promise<AdapterResult> {
  const collected = new Collector(context);
  const deletions = new Set<string>();
  let edge = new Set(cursor.edge);
  let startTime = cursor.startTime;
  let url: string | undefined = `${origin}/api/v2/help_center/incremental/articles?start_time=${startTime}`;
  const requested = new Set<string>();
  while (url) {
    const problem = pagingProblem(requested, url, 'Zendesk', MAX_REQUESTS);
    if (problem) {
      collected.warnings.push(problem);
      break;
    }
    const doc = await getJson(context, url);
    const articles = (doc.articles as unknown[]).flatMap((raw) => readArticle(raw) ?? []);
    const pageKeys: string[] = [];
    for (const article of articles) {
      // Already applied: the start time returns the previous page's last articles again.
      if (edge.has(article.key)) {
        pageKeys.push(article.key);
        continue;
      }
      // The export covers every locale; other locales' translations are not this source's.
      if (article.locale && article.locale !== cursor.locale) {
        pageKeys.push(article.key);
        continue;
      }
      const id = `${context.config.id}:${article.id}`;
      // Back to draft: no longer published in this locale.
      if (article.draft) {
        collected.remove(article.id);
        deletions.add(id);
      } else if (collected.add(article, true)) {
        deletions.delete(id);
      } else {
        break;
      }
      pageKeys.push(article.key);
    }
    context.progress?.(collected.size);
    if (collected.stopped) {
      // Read this page again next time, skipping what was applied.
      edge = new Set([...edge, ...pageKeys]);
      break;
    }
    const endTime = epochSeconds(doc.end_time) ?? startTimeIn(doc.next_page, origin);
    if (articles.length > 0) edge = new Set(pageKeys);
    const advanced = endTime !== undefined && endTime > startTime;
    if (advanced) startTime = endTime;
    const next = sameOrigin(doc.next_page, origin);
    if (articles.length === 0 || doc.end_of_stream === true || !doc.next_page || !advanced) break;
    // A help center on its own domain may link to its zendesk.com host: ask here instead.
    url = next ?? `${origin}/api/v2/help_center/incremental/articles?start_time=${startTime}`;
  }
  const keys = [...edge];
  const nextCursor: Cursor = { ...cursor, startTime, edge: keys.slice(Math.max(0, keys.length - MAX_EDGE)) };
  const { items, warnings } = collected.result();
  if (items.length === 0 && deletions.size === 0 && warnings.length === 0) {
    return { mode: 'not-modified', cursor: nextCursor };
  }
  return { mode: 'incremental', upserts: items, deletions: [...deletions], warnings, cursor: nextCursor };
}

/** The locale to read: options.locale, else the one in a /hc/<locale> URL, else en-us. */
function localeOf(url: URL, option: string | undefined): string {
  const locale = (option?.trim() || /^\/hc\/([^/]+)/.exec(url.pathname)?.[1] || 'en-us').toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(locale)) {
    throw new Error(`"${locale}" is not a Help Center locale such as en-us`);
  }
  return locale;
}

const adapter: SourceAdapter = {
  type: 'zendesk',
  async sync(context) {
    const url = new URL(context.config.url);
    const locale = localeOf(url, context.config.options?.locale);
    const cursor = readCursor(context.cursor, locale, context.now);
    const incremental = context.config.options?.incremental === 'true';
    if (!incremental || !cursor || context.now - cursor.fullSyncAt >= FULL_SYNC_EVERY) {
      return fullSync(context, url.origin, locale);
    }
    try {
      return await incrementalSync(context, url.origin, cursor);
    } catch (error) {
      // The export is for agents and admins only: an end user's token still gets the full list.
      if (!(error instanceof HttpError) || error.status !== 403) throw error;
      const result = await fullSync(context, url.origin, locale);
      if (result.mode !== 'full') return result;
      const warning = 'the incremental export needs an agent or admin token (403): did a full sync instead';
      return { ...result, warnings: [warning, ...result.warnings] };
    }
  },
};

export default adapter;
