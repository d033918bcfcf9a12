/**
 * ServiceNow knowledge articles through the Table API (`kb_knowledge`).
 *
 *   full: workflow_state=published[^<options.query>]^ORDERBYDESCsys_updated_on^ORDERBYsys_id
 *         (newest first, so that the item limit keeps the newest)
 *   incremental: workflow_stateINpublished,retired,outdated^sys_updated_on>javascript:gs.dateGenerate(…)
 *         [^<options.query>]^ORDERBYsys_updated_on^ORDERBYsys_id; retired and outdated articles are
 *         deletions
 *   (sys_id orders articles updated in the same second, so that offset pages neither skip nor repeat)
 *
 *   GET /api/now/table/kb_knowledge?sysparm_query=…&sysparm_fields=…&sysparm_limit=100&sysparm_display_value=false
 *   next: the Link header's rel="next" (same origin only), else sysparm_offset
 *
 * Deleted records leave no trace in the table, so a full sync runs daily.
 * Cursor: { v: 1, watermark: newest sys_updated_on seen ('yyyy-MM-dd HH:mm:ss', UTC), fullSyncAt
 * (epoch ms), query, edge: sys_ids updated in the watermark's second }.
 */
import { isRecord } from '../model';
import type { RawRecord } from './lib/normalize';
import { Collector, pagingProblem } from './lib/paging';
import type { AdapterContext, AdapterResult, SourceAdapter } from './types';

const DAY = 86_400_000;
/** A full sync at least this often, so that deleted articles disappear. */
const FULL_SYNC_EVERY = DAY;
/** A guard against paging that never ends. */
const MAX_REQUESTS = 2000;
const LIMIT = 100;
const MAX_EDGE = 1000;
const FIELDS = 'sys_id,number,short_description,text,sys_updated_on,kb_category,meta,workflow_state';
/** sys_updated_on as the Table API gives it without display values: UTC. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

interface Cursor {
  v: 1;
  /** '' before anything was seen. */
  watermark: string;
  fullSyncAt: number;
  /** The options.query the cursor was made for. */
  query: string;
  edge: string[];
}

interface Article {
  id: string;
  state: string;
  /** sys_updated_on when it is a date ('yyyy-MM-dd HH:mm:ss' sorts as text). */
  time?: string;
  record: RawRecord;
}

const SHAPE_HINT = 'is the URL the instance root, e.g. https://acme.service-now.com?';

/** Reads a stored cursor; anything unexpected means "do a full sync". */
function readCursor(value: unknown, query: string, now: number): Cursor | undefined {
  if (!isRecord(value) || value.v !== 1 || value.query !== query) return undefined;
  const { watermark, fullSyncAt, edge } = value;
  if (typeof watermark !== 'string' || (watermark !== '' && !DATE_TIME.test(watermark))) return undefined;
  if (typeof fullSyncAt !== 'number' || !Number.isFinite(fullSyncAt) || fullSyncAt > now) return undefined;
  if (!Array.isArray(edge) || edge.length > MAX_EDGE || !edge.every((id) => typeof id === 'string')) {
    return undefined;
  }
  return { v: 1, watermark, fullSyncAt, query, edge };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function utcMs(dateTime: string): number {
  return Date.parse(`${dateTime.replace(' ', 'T')}Z`);
}

/** 'yyyy-MM-dd HH:mm:ss' in UTC. */
function utcDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function tableUrl(origin: string, query: string, offset = 0): string {
  const url = `${origin}/api/now/table/kb_knowledge?sysparm_query=${encodeURIComponent(query)}&sysparm_fields=${FIELDS}&sysparm_limit=${LIMIT}&sysparm_display_value=false`;
  return offset > 0 ? `${url}&sysparm_offset=${offset}` : url;
}

async function getPage(context: AdapterContext, url: string) {
  const response = await context.fetch(url, { headers: { accept: 'application/json' } });
  const body = await response.text();
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    const what = body.trimStart().startsWith('<')
      ? ' (it sent an HTML page: a login page, or a hibernating instance?)'
      : '';
    throw new Error(`the server did not answer with ServiceNow's JSON${what}: ${SHAPE_HINT}`);
  }
  if (!isRecord(doc) || !Array.isArray(doc.result)) {
    throw new Error(`the server's JSON has no ServiceNow "result" list: ${SHAPE_HINT}`);
  }
  const total = Number(response.headers.get('x-total-count') ?? Number.NaN);
  return {
    records: doc.result as unknown[],
    link: response.headers.get('link'),
    total: Number.isInteger(total) && total >= 0 ? total : undefined,
  };
}

/**
 * The `<target>params` entries of a Link header, read in one forward pass. The regex this replaces,
 * `/<([^>]*)>([^,<]*)/g`, rescanned to the end from every `<` of a header without `>`: quadratic.
 */
export function* linkEntries(header: string): Generator<{ target: string; params: string }> {
  let at = 0;
  let gt = -1;
  for (;;) {
    const lt = header.indexOf('<', at);
    if (lt < 0) return;
    if (gt <= lt) gt = header.indexOf('>', lt + 1);
    if (gt < 0) return;
    let end = gt + 1;
    while (end < header.length && header[end] !== ',' && header[end] !== '<') end++;
    yield { target: header.slice(lt + 1, gt), params: header.slice(gt + 1, end) };
    at = end;
  }
}

/** The `rel` parameter of one Link entry (`; rel="next"`), or ''. */
function relOf(params: string): string {
  for (const part of params.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim().toLowerCase() !== 'rel') continue;
    return part
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
  }
  return '';
}

/** The rel="next" target of a Link header; `present` says whether the header was there at all. */
function nextLink(header: string | null, origin: string): { present: boolean; url?: string } {
  if (!header) return { present: false };
  for (const { target, params } of linkEntries(header)) {
    const rel = relOf(params);
    if (!rel.toLowerCase().split(/\s+/).includes('next')) continue;
    try {
      const url = new URL(target, origin);
      // Another origin would not get the credentials: page by offset here instead.
      return url.origin === origin ? { present: true, url: url.href } : { present: false };
    } catch {
      return { present: false };
    }
  }
  return { present: true };
}

function readArticle(raw: unknown, origin: string): Article | undefined {
  if (!isRecord(raw)) return undefined;
  const id = text(raw.sys_id);
  if (!id) return undefined;
  const updated = text(raw.sys_updated_on);
  const time = updated && DATE_TIME.test(updated) ? updated : undefined;
  const number = text(raw.number);
  const article: Article = {
    id,
    state: text(raw.workflow_state) ?? '',
    record: {
      externalId: id,
      title: text(raw.short_description),
      html: text(raw.text) ?? '',
      url: number
        ? `${origin}/kb_view.do?sysparm_article=${encodeURIComponent(number)}`
        : `${origin}/kb_view.do?sys_kb_id=${encodeURIComponent(id)}`,
      // meta holds the article's search keywords, separated by commas or spaces.
      tags: (text(raw.meta) ?? '').split(/[\s,;]+/).filter(Boolean),
      updatedAt: time ? utcMs(time) : undefined,
    },
  };
  if (time) article.time = time;
  return article;
}

/**
 * Reads every page of a query, handing each article to `take` (false stops), by the Link header
 * or, without one, by offset.
 */
async function readAll(
  context: AdapterContext,
  origin: string,
  query: string,
  collected: Collector,
  /** X-Total-Count counts what the query matches: a total only when every match is an item. */
  withTotal: boolean,
  take: (article: Article) => boolean,
) {
  let url: string | undefined = tableUrl(origin, query);
  let offset = 0;
  const requested = new Set<string>();
  while (url && !collected.stopped) {
    const problem = pagingProblem(requested, url, 'ServiceNow', MAX_REQUESTS);
    if (problem) {
      collected.warnings.push(problem);
      return;
    }
    const page = await getPage(context, url);
    for (const raw of page.records) {
      const article = readArticle(raw, origin);
      if (article && !take(article)) break;
    }
    context.progress?.(collected.size, withTotal ? page.total : undefined);
    offset += page.records.length;
    const next = nextLink(page.link, origin);
    if (next.present) url = next.url;
    else if (page.records.length >= LIMIT && (page.total === undefined || offset < page.total)) {
      url = tableUrl(origin, query, offset);
    } else url = undefined;
  }
}

async function fullSync(context: AdapterContext, origin: string, query: string): Promise<AdapterResult> {
  const collected = new Collector(context);
  let watermark = '';
  let edge: string[] = [];
  const published = `workflow_state=published${query}^ORDERBYDESCsys_updated_on^ORDERBYsys_id`;
  await readAll(context, origin, published, collected, true, (article) => {
    if (!collected.add(article)) return false;
    if (article.time && article.time > watermark) {
      watermark = article.time;
      edge = [];
    }
    if (article.time && article.time === watermark) edge.push(article.id);
    return true;
  });
  const cursor: Cursor = { v: 1, watermark, fullSyncAt: context.now, query, edge: edge.slice(0, MAX_EDGE) };
  return { mode: 'full', ...collected.result(), cursor };
}

async function incrementalSync(
  context: AdapterContext,
  origin: string,
  cursor: Cursor,
): Promise<AdapterResult> {
  // gs.dateGenerate reads its date in the API user's time zone, which is not known here: ask from
  // a day before the watermark and keep only what changed after it.
  const since = utcDateTime(Math.max(0, (cursor.watermark ? utcMs(cursor.watermark) : 0) - DAY));
  const [date, time] = since.split(' ');
  const changed = `sys_updated_on>javascript:gs.dateGenerate('${date}','${time}')`;
  const query = `workflow_stateINpublished,retired,outdated^${changed}${cursor.query}^ORDERBYsys_updated_on^ORDERBYsys_id`;
  const collected = new Collector(context);
  const deletions = new Set<string>();
  const applied = new Set(cursor.edge);
  let watermark = cursor.watermark;
  let edge = new Set(cursor.edge);
  await readAll(context, origin, query, collected, false, (article) => {
    if (article.time) {
      if (article.time < cursor.watermark) return true;
      // Changed in the watermark's second: new unless it was applied last time.
      if (article.time === cursor.watermark && applied.has(article.id)) return true;
    }
    const id = `${context.config.id}:${article.id}`;
    // Oldest first: what an article became last is what counts.
    if (article.state === 'published') {
      if (!collected.add(article, true)) return false;
      deletions.delete(id);
    } else {
      collected.remove(article.id);
      deletions.add(id);
    }
    if (article.time && article.time > watermark) {
      watermark = article.time;
      edge = new Set();
    }
    if (article.time && article.time === watermark) edge.add(article.id);
    return true;
  });
  const nextCursor: Cursor = { ...cursor, watermark, edge: [...edge].slice(-MAX_EDGE) };
  const { items, warnings } = collected.result();
  if (items.length === 0 && deletions.size === 0 && warnings.length === 0) {
    return { mode: 'not-modified', cursor: nextCursor };
  }
  return { mode: 'incremental', upserts: items, deletions: [...deletions], warnings, cursor: nextCursor };
}

/** options.query as a condition to add with '^'; refuses ^NQ, which would escape the published filter. */
function extraQuery(value: string | undefined): string {
  const query = (value ?? '').trim().replace(/^\^+/, '');
  if (!query) return '';
  if (/\^NQ/.test(query)) {
    throw new Error('the encoded query may not contain ^NQ: it would also list unpublished articles');
  }
  return `^${query}`;
}

const adapter: SourceAdapter = {
  type: 'servicenow',
  async sync(context) {
    const { origin } = new URL(context.config.url);
    const query = extraQuery(context.config.options?.query);
    const cursor = readCursor(context.cursor, query, context.now);
    if (!cursor || context.now - cursor.fullSyncAt >= FULL_SYNC_EVERY) {
      return fullSync(context, origin, query);
    }
    return incrementalSync(context, origin, cursor);
  },
};

export default adapter;
