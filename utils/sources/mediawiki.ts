/**
 * (Over 400 lines: one adapter whose full and incremental syncs share the request and content
 * code above them; split by role it would be files only this adapter reads.)
 *
 * MediaWiki: the pages of one namespace (`options.namespace`, default 0) through api.php.
 *
 *   full         recentchanges (newest entry → cursor) ─▶ allpages (+continue) ─▶ content
 *   incremental  recentchanges since the cursor (+continue) ─▶ deleted titles, changed titles ─▶ content
 *   content      prop=extracts|info|categories, 20 titles a request (TextExtracts' limit);
 *                action=parse, one page a request, where there is no extract (a plain MediaWiki
 *                has no TextExtracts)
 *
 * Items are keyed by title with spaces as underscores: deletions only name the title.
 * Redirects are not articles: they are left out, and a page that became one is deleted.
 */
import { isRecord } from '../model';
import { normalizeAll, type RawRecord } from './lib/normalize';
import type { AdapterContext, AdapterResult, SourceAdapter } from './types';

/** recentchanges entries are kept for $wgRCMaxAge (90 days by default): come back well before. */
export const FULL_SYNC_AFTER_MS = 30 * 24 * 60 * 60 * 1000;
/** TextExtracts gives at most 20 extracts a request. */
const BATCH = 20;

interface MediaWikiCursor {
  v: 1;
  namespace: number;
  /** Newest recentchanges entry seen; null when the wiki had none. */
  rcTimestamp: string | null;
  rcId: number;
  /** Last sync, epoch ms. */
  syncedAt: number;
}

interface Endpoints {
  api: string;
  /** Where index.php lives. */
  root: string;
}

interface PageContent {
  title: string;
  missing: boolean;
  redirect: boolean;
  fullurl?: string;
  touched?: string;
  categories: string[];
  extract?: string;
}

interface RecentChange {
  rcid: number;
  timestamp: string;
  type: string;
  ns: number;
  title: string;
  logtype?: string;
  logaction?: string;
  targetTitle?: string;
  targetNs?: number;
}

const NOT_MEDIAWIKI =
  "the server did not answer with MediaWiki's API JSON: is the URL the wiki root where api.php lives?";

/** `https://wiki.example/w`, `…/w/`, `…/w/api.php` and `…/w/index.php` all name the same wiki. */
export function endpoints(url: string): Endpoints {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  parsed.pathname = parsed.pathname.replace(/\/(api|index)\.php$/, '').replace(/\/+$/, '');
  const root = parsed.href.replace(/\/+$/, '');
  return { api: `${root}/api.php`, root };
}

/** The id of a page: its title with spaces as underscores, as in the wiki's own links. */
export function pageKey(title: string): string {
  return title.trim().replace(/ /g, '_');
}

function namespaceOption(context: AdapterContext): number {
  const raw = context.config.options?.namespace?.trim();
  if (raw === undefined || raw === '') return 0;
  if (!/^-?\d+$/.test(raw)) {
    throw new Error(`the "namespace" option must be a namespace number (0 for articles), not "${raw}"`);
  }
  return Number(raw);
}

function parseCursor(value: unknown, namespace: number): MediaWikiCursor | undefined {
  if (!isRecord(value) || value.v !== 1 || value.namespace !== namespace) return undefined;
  const { rcTimestamp, rcId, syncedAt } = value;
  if (
    rcTimestamp !== null &&
    (typeof rcTimestamp !== 'string' || !Number.isFinite(Date.parse(rcTimestamp)))
  ) {
    return undefined;
  }
  if (typeof rcId !== 'number' || !Number.isInteger(rcId) || rcId < 0) return undefined;
  if (typeof syncedAt !== 'number' || !Number.isFinite(syncedAt)) return undefined;
  return { v: 1, namespace, rcTimestamp, rcId, syncedAt };
}

// ─── Requests ──────────────────────────────────────────────────────────────────────────────────

type Params = [string, string][];

class MediaWikiApiError extends Error {
  override name = 'MediaWikiApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One API request: JSON with formatversion 2, or an Error saying what the server is instead. */
async function call(context: AdapterContext, api: string, params: Params): Promise<Record<string, unknown>> {
  const query = new URLSearchParams([...params, ['format', 'json'], ['formatversion', '2']]);
  const response = await context.fetch(`${api}?${query}`, { headers: { accept: 'application/json' } });
  const text = await response.text();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error(NOT_MEDIAWIKI);
  }
  if (!isRecord(doc)) throw new Error(NOT_MEDIAWIKI);
  if (isRecord(doc.error)) {
    const code = typeof doc.error.code === 'string' ? doc.error.code : 'error';
    const info = typeof doc.error.info === 'string' ? doc.error.info : 'no details';
    throw new MediaWikiApiError(code, `the wiki's API answered "${code}": ${info}`);
  }
  return doc;
}

/**
 * `continue` as parameters for the next request, or undefined at the end; also at a continuation
 * already followed, so that a server answering the same one again cannot loop the sync.
 */
function continuation(doc: Record<string, unknown>, followed: Set<string>): Params | undefined {
  if (!isRecord(doc.continue)) return undefined;
  const params: Params = [];
  for (const [key, value] of Object.entries(doc.continue)) {
    if (typeof value === 'string' || typeof value === 'number') params.push([key, String(value)]);
  }
  const key = new URLSearchParams(params).toString();
  if (params.length === 0 || followed.has(key)) return undefined;
  followed.add(key);
  return params;
}

/** `query.<list>` as an array, or an Error when the answer has no such list. */
function queryList(doc: Record<string, unknown>, list: string): unknown[] {
  const query = doc.query;
  // Some empty answers have no `query` at all.
  if (query === undefined && doc.batchcomplete !== undefined) return [];
  if (!isRecord(query) || !Array.isArray(query[list])) throw new Error(NOT_MEDIAWIKI);
  return query[list] as unknown[];
}

function parseRecentChange(value: unknown): RecentChange | undefined {
  if (!isRecord(value)) return undefined;
  const { rcid, timestamp, type, ns, title } = value;
  if (typeof rcid !== 'number' || typeof timestamp !== 'string' || typeof type !== 'string') return undefined;
  const change: RecentChange = {
    rcid,
    timestamp,
    type,
    ns: typeof ns === 'number' ? ns : 0,
    title: typeof title === 'string' ? title : '',
  };
  if (typeof value.logtype === 'string') change.logtype = value.logtype;
  if (typeof value.logaction === 'string') change.logaction = value.logaction;
  if (isRecord(value.logparams)) {
    const { target_title: targetTitle, target_ns: targetNs } = value.logparams;
    if (typeof targetTitle === 'string') change.targetTitle = targetTitle;
    if (typeof targetNs === 'number') change.targetNs = targetNs;
  }
  return change;
}

function pageContent(value: unknown): PageContent | undefined {
  if (!isRecord(value) || typeof value.title !== 'string') return undefined;
  const categories = Array.isArray(value.categories)
    ? value.categories.flatMap((category) =>
        isRecord(category) && typeof category.title === 'string' ? [withoutNamespace(category.title)] : [],
      )
    : [];
  return {
    title: value.title,
    missing: value.missing === true || value.invalid === true,
    redirect: value.redirect === true,
    fullurl: typeof value.fullurl === 'string' ? value.fullurl : undefined,
    touched: typeof value.touched === 'string' ? value.touched : undefined,
    categories,
    extract: typeof value.extract === 'string' ? value.extract : undefined,
  };
}

/** `Category:How to` → `How to` (the prefix is in the wiki's language). */
function withoutNamespace(title: string): string {
  const colon = title.indexOf(':');
  return colon >= 0 ? title.slice(colon + 1) : title;
}

/** Content of up to {@link BATCH} pages, by page key; continues until the batch is complete. */
async function fetchBatch(context: AdapterContext, api: string, titles: string[]) {
  const pages = new Map<string, PageContent>();
  const base: Params = [
    ['action', 'query'],
    ['prop', 'extracts|info|categories'],
    ['exintro', '1'],
    ['explaintext', '1'],
    ['titles', titles.join('|')],
    ['inprop', 'url'],
    ['cllimit', 'max'],
    ['clshow', '!hidden'],
  ];
  const followed = new Set<string>();
  let next: Params | undefined = [];
  // Categories past `cllimit` come in later rounds; a handful of rounds at most.
  for (let round = 0; next && round < 10; round++) {
    const doc = await call(context, api, [...base, ...next]);
    for (const value of queryList(doc, 'pages')) {
      const page = pageContent(value);
      if (!page) continue;
      const key = pageKey(page.title);
      const known = pages.get(key);
      if (!known) pages.set(key, page);
      else {
        known.categories.push(...page.categories);
        known.extract ??= page.extract;
      }
    }
    next = continuation(doc, followed);
  }
  return pages;
}

/** The rendered page, for wikis without TextExtracts; undefined when the page is gone. */
async function parsePage(context: AdapterContext, api: string, title: string) {
  let doc: Record<string, unknown>;
  try {
    doc = await call(context, api, [
      ['action', 'parse'],
      ['page', title],
      ['prop', 'text|categories'],
      ['disableeditsection', '1'],
      ['disabletoc', '1'],
      ['disablelimitreport', '1'],
    ]);
  } catch (error) {
    // Deleted since it was listed.
    if (error instanceof MediaWikiApiError && error.code === 'missingtitle') return undefined;
    throw error;
  }
  const parse = doc.parse;
  if (!isRecord(parse) || typeof parse.text !== 'string') throw new Error(NOT_MEDIAWIKI);
  const categories = Array.isArray(parse.categories)
    ? parse.categories.flatMap((category) =>
        isRecord(category) && typeof category.category === 'string' && category.hidden !== true
          ? [category.category.replace(/_/g, ' ')]
          : [],
      )
    : [];
  return { html: parse.text, categories };
}

interface Content {
  records: RawRecord[];
  /** Keys of pages that are gone or are redirects now. */
  gone: string[];
}

/** Reads the pages' content in batches, with the parse fallback where there is no extract. */
async function fetchContent(
  context: AdapterContext,
  { api, root }: Endpoints,
  titles: string[],
  total: number,
): Promise<Content> {
  const records: RawRecord[] = [];
  const gone: string[] = [];
  for (let start = 0; start < titles.length; start += BATCH) {
    const batch = titles.slice(start, start + BATCH);
    const pages = await fetchBatch(context, api, batch);
    for (const title of batch) {
      const key = pageKey(title);
      const page = pages.get(key);
      if (!page || page.missing || page.redirect) {
        gone.push(key);
        continue;
      }
      const record: RawRecord = {
        externalId: key,
        title: page.title,
        url: page.fullurl ?? `${root}/index.php?title=${encodeURIComponent(key)}`,
        tags: page.categories,
        updatedAt: page.touched,
      };
      if (page.extract?.trim()) record.text = page.extract;
      else {
        // No TextExtracts, or an intro without text (the page starts with a heading).
        const parsed = await parsePage(context, api, page.title);
        if (!parsed) {
          gone.push(key);
          continue;
        }
        record.html = parsed.html;
        if (record.tags?.length === 0) record.tags = parsed.categories;
      }
      records.push(record);
    }
    context.progress?.(records.length, total);
  }
  return { records, gone };
}

// ─── Syncs ─────────────────────────────────────────────────────────────────────────────────────

const RC_TYPES = 'edit|new|log';

/** The newest recentchanges entry of the namespace: where the next incremental sync starts. */
async function newestChange(context: AdapterContext, api: string, namespace: number) {
  const doc = await call(context, api, [
    ['action', 'query'],
    ['list', 'recentchanges'],
    ['rcnamespace', String(namespace)],
    ['rcprop', 'timestamp|ids'],
    ['rctype', RC_TYPES],
    ['rclimit', '1'],
  ]);
  const [newest] = queryList(doc, 'recentchanges').map(parseRecentChange);
  return newest ? { rcTimestamp: newest.timestamp, rcId: newest.rcid } : { rcTimestamp: null, rcId: 0 };
}

function limitWarning(maxItems: number): string {
  return `stopped at ${maxItems} items (the limit for one source)`;
}

async function fullSync(
  context: AdapterContext,
  where: Endpoints,
  namespace: number,
): Promise<AdapterResult> {
  // Read first, so that edits made while the pages are listed come in the next sync.
  const newest = await newestChange(context, where.api, namespace);
  const titles: string[] = [];
  const listed = new Set<string>();
  let truncated = false;
  const followed = new Set<string>();
  let next: Params | undefined = [];
  while (next) {
    const doc = await call(context, where.api, [
      ['action', 'query'],
      ['list', 'allpages'],
      ['apnamespace', String(namespace)],
      ['apfilterredir', 'nonredirects'],
      ['aplimit', '50'],
      ...next,
    ]);
    for (const value of queryList(doc, 'allpages')) {
      if (!isRecord(value) || typeof value.title !== 'string' || listed.has(value.title)) continue;
      if (titles.length >= context.maxItems) {
        truncated = true;
        break;
      }
      listed.add(value.title);
      titles.push(value.title);
    }
    next = continuation(doc, followed);
    if (titles.length >= context.maxItems && next) truncated = true;
    if (truncated) break;
  }
  const { records } = await fetchContent(context, where, titles, titles.length);
  const { items, warnings } = normalizeAll(records, context.config, context.now);
  const cursor: MediaWikiCursor = { v: 1, namespace, ...newest, syncedAt: context.now };
  return {
    mode: 'full',
    items,
    warnings: truncated ? [limitWarning(context.maxItems), ...warnings] : warnings,
    cursor,
  };
}

async function incrementalSync(
  context: AdapterContext,
  where: Endpoints,
  namespace: number,
  cursor: MediaWikiCursor,
): Promise<AdapterResult> {
  // What happened last to each title, in order: a page deleted and then re-created is back.
  const state = new Map<string, { title: string; deleted: boolean }>();
  const touch = (title: string, deleted: boolean) => {
    const key = pageKey(title);
    state.delete(key);
    state.set(key, { title, deleted });
  };
  let newest = { rcTimestamp: cursor.rcTimestamp, rcId: cursor.rcId };
  const followed = new Set<string>();
  let next: Params | undefined = [];
  while (next) {
    const doc = await call(context, where.api, [
      ['action', 'query'],
      ['list', 'recentchanges'],
      ...(cursor.rcTimestamp ? ([['rcstart', cursor.rcTimestamp]] as Params) : []),
      ['rcdir', 'newer'],
      ['rcnamespace', String(namespace)],
      ['rcprop', 'title|timestamp|ids|loginfo'],
      ['rctype', RC_TYPES],
      ['rclimit', '100'],
      ...next,
    ]);
    for (const change of queryList(doc, 'recentchanges').map(parseRecentChange)) {
      // rcstart is inclusive: the entry the cursor points at comes again.
      if (!change || change.rcid <= cursor.rcId || !change.title) continue;
      if (change.rcid > newest.rcId) newest = { rcTimestamp: change.timestamp, rcId: change.rcid };
      if (change.type !== 'log') touch(change.title, false);
      else if (change.logtype === 'delete' && change.logaction === 'delete') touch(change.title, true);
      else if (change.logtype === 'delete' || change.logtype === 'import') touch(change.title, false);
      else if (change.logtype === 'move') {
        // The old title is a redirect now, or gone: reading it tells which.
        touch(change.title, false);
        if (change.targetTitle && (change.targetNs ?? change.ns) === namespace)
          touch(change.targetTitle, false);
      }
    }
    // More changed pages than one source may hold: a full sync gives a consistent set.
    if (state.size > context.maxItems) return fullSync(context, where, namespace);
    next = continuation(doc, followed);
  }
  const nextCursor: MediaWikiCursor = { v: 1, namespace, ...newest, syncedAt: context.now };
  if (state.size === 0) return { mode: 'not-modified', cursor: nextCursor };

  const changed = [...state.values()];
  const deleted = changed.filter((entry) => entry.deleted).map((entry) => pageKey(entry.title));
  const titles = changed.filter((entry) => !entry.deleted).map((entry) => entry.title);
  const { records, gone } = await fetchContent(context, where, titles, titles.length);
  const { items, warnings } = normalizeAll(records, context.config, context.now);
  return {
    mode: 'incremental',
    upserts: items,
    deletions: [...deleted, ...gone].map((key) => `${context.config.id}:${key}`),
    warnings,
    cursor: nextCursor,
  };
}

const adapter: SourceAdapter = {
  type: 'mediawiki',
  async sync(context) {
    const where = endpoints(context.config.url);
    const namespace = namespaceOption(context);
    const cursor = parseCursor(context.cursor, namespace);
    const age = cursor ? context.now - cursor.syncedAt : Number.NaN;
    // No cursor, a broken one, one from another namespace, or one older than the wiki's memory.
    if (!cursor || !(age >= 0 && age <= FULL_SYNC_AFTER_MS)) return fullSync(context, where, namespace);
    return incrementalSync(context, where, namespace, cursor);
  },
};

export default adapter;
