/**
 * Discourse forums: topics from `/latest.json`, newest activity first.
 *
 *   full         /latest.json ─▶ more_topics_url ─▶ … (until maxItems)
 *   incremental  the same pages, stopping at the first unpinned topic not bumped since the cursor
 *   summaries    the topic's `excerpt` when the list has one (pinned topics), else the first post's
 *                `cooked` HTML from /t/{id}.json, at most {@link MAX_TOPIC_FETCHES} per sync
 *
 * Discourse does not report deleted topics, so a full sync runs every {@link FULL_SYNC_EVERY_MS}.
 * Auth (`Api-Key`/`Api-Username`) is added by the engine's fetch.
 */
import { isRecord } from '../model';
import { normalizeAll, type RawRecord } from './lib/normalize';
import { type AdapterContext, type AdapterResult, HttpError, type SourceAdapter } from './types';

/** Topic fetches (one request each) allowed in one sync. */
export const MAX_TOPIC_FETCHES = 50;
/** Deleted topics only disappear in a full sync. */
export const FULL_SYNC_EVERY_MS = 24 * 60 * 60 * 1000;

interface DiscourseCursor {
  v: 1;
  /** Newest `bumped_at` seen, epoch ms. */
  bumpedAt: number;
  /** When the last full sync ran, epoch ms. */
  fullAt: number;
}

interface Topic {
  id: number;
  title: string;
  slug: string;
  excerpt?: string;
  tags: string[];
  bumpedAt?: number;
  updatedAt?: string;
  pinned: boolean;
}

const NOT_DISCOURSE =
  "the server did not answer with Discourse's topic list JSON: is the URL the forum's root (where /latest.json is)?";

function parseCursor(value: unknown): DiscourseCursor | undefined {
  if (!isRecord(value) || value.v !== 1) return undefined;
  const { bumpedAt, fullAt } = value;
  if (typeof bumpedAt !== 'number' || !Number.isFinite(bumpedAt)) return undefined;
  if (typeof fullAt !== 'number' || !Number.isFinite(fullAt)) return undefined;
  return { v: 1, bumpedAt, fullAt };
}

/** The forum root without a trailing slash (a pasted `/latest` or `/latest.json` is dropped). */
function forumRoot(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  parsed.pathname = parsed.pathname.replace(/\/latest(\.json)?\/?$/, '').replace(/\/+$/, '');
  return parsed.href.replace(/\/+$/, '');
}

/**
 * `more_topics_url` is a page path without `.json` (`/latest?page=1`); on a forum under a
 * subfolder it may or may not carry the subfolder.
 */
function nextPageUrl(more: string, root: string): string | undefined {
  const base = new URL(`${root}/`);
  const prefix = base.pathname.replace(/\/$/, '');
  const path = more.startsWith('/') && prefix && !more.startsWith(`${prefix}/`) ? `${prefix}${more}` : more;
  let next: URL;
  try {
    next = new URL(path, base);
  } catch {
    return undefined;
  }
  // Only the forum's own pages: the engine's auth headers must not travel elsewhere.
  if (next.origin !== base.origin) return undefined;
  if (!next.pathname.endsWith('.json')) next.pathname = `${next.pathname.replace(/\/$/, '')}.json`;
  return next.href;
}

function epoch(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function parseTopic(value: unknown): Topic | undefined {
  if (!isRecord(value)) return undefined;
  const { id, title, slug } = value;
  if (typeof id !== 'number' || !Number.isInteger(id) || typeof title !== 'string') return undefined;
  // Unlisted topics are hidden from the forum's own lists; staff API keys still see them.
  if (value.visible === false) return undefined;
  const tags = Array.isArray(value.tags)
    ? value.tags.flatMap((tag) => {
        // Newer versions send `{ id, name, slug }` objects instead of names.
        const name = typeof tag === 'string' ? tag : isRecord(tag) ? tag.name : undefined;
        return typeof name === 'string' ? [name] : [];
      })
    : [];
  const updated = [value.bumped_at, value.last_posted_at, value.created_at].find(
    (date) => epoch(date) !== undefined,
  );
  return {
    id,
    title,
    slug: typeof slug === 'string' && slug ? slug : 'topic',
    excerpt: typeof value.excerpt === 'string' && value.excerpt.trim() ? value.excerpt : undefined,
    tags,
    bumpedAt: epoch(value.bumped_at) ?? epoch(value.last_posted_at),
    updatedAt: typeof updated === 'string' ? updated : undefined,
    pinned: value.pinned === true,
  };
}

/** The body as JSON, or undefined when it is not JSON (an HTML error page, a login form). */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface TopicPage {
  topics: Topic[];
  next?: string;
}

async function fetchTopicPage(context: AdapterContext, url: string, root: string): Promise<TopicPage> {
  const response = await context.fetch(url, { headers: { accept: 'application/json' } });
  const doc = await readJson(response);
  const list = isRecord(doc) ? doc.topic_list : undefined;
  if (!isRecord(list) || !Array.isArray(list.topics)) throw new Error(NOT_DISCOURSE);
  const topics = list.topics.map(parseTopic).filter((topic): topic is Topic => topic !== undefined);
  const more = typeof list.more_topics_url === 'string' && list.more_topics_url ? list.more_topics_url : '';
  return { topics, next: more ? nextPageUrl(more, root) : undefined };
}

/** The first post's HTML, or a warning when the topic cannot be read. */
async function firstPost(
  context: AdapterContext,
  root: string,
  topic: Topic,
): Promise<{ html: string } | { warning: string }> {
  let response: Response;
  try {
    response = await context.fetch(`${root}/t/${topic.id}.json`, { headers: { accept: 'application/json' } });
  } catch (error) {
    // A topic deleted or made private since the list was read; anything else is the sync's failure.
    if (error instanceof HttpError && [403, 404, 410].includes(error.status)) {
      return { warning: `topic ${topic.id}: its first post could not be read (HTTP ${error.status})` };
    }
    throw error;
  }
  const doc = await readJson(response);
  const posts = isRecord(doc) && isRecord(doc.post_stream) ? doc.post_stream.posts : undefined;
  const first = Array.isArray(posts)
    ? (posts.find((post) => isRecord(post) && post.post_number === 1) ?? posts[0])
    : undefined;
  if (!isRecord(first) || typeof first.cooked !== 'string') {
    return { warning: `topic ${topic.id}: the answer has no first post` };
  }
  return { html: first.cooked };
}

interface Collected {
  topics: Topic[];
  /** A topic or page was left out because of maxItems. */
  truncated: boolean;
}

/** Walks the pages; `since` stops at the first unpinned topic not bumped after it. */
async function collectTopics(context: AdapterContext, root: string, since?: number): Promise<Collected> {
  const topics: Topic[] = [];
  const seen = new Set<number>();
  const visited = new Set<string>();
  let url: string | undefined = `${root}/latest.json`;
  while (url && !visited.has(url)) {
    visited.add(url);
    const page = await fetchTopicPage(context, url, root);
    for (const topic of page.topics) {
      // Pinned topics lead the first page whatever their age: they say nothing about where to stop.
      if (since !== undefined && (topic.bumpedAt ?? 0) <= since) {
        if (topic.pinned) continue;
        return { topics, truncated: false };
      }
      // Topics move up while the pages are read: the same one can come twice.
      if (seen.has(topic.id)) continue;
      if (topics.length >= context.maxItems) return { topics, truncated: true };
      seen.add(topic.id);
      topics.push(topic);
    }
    context.progress?.(topics.length);
    if (topics.length >= context.maxItems) return { topics, truncated: page.next !== undefined };
    url = page.next;
  }
  return { topics, truncated: false };
}

async function toItems(context: AdapterContext, root: string, topics: Topic[]) {
  const warnings: string[] = [];
  const records: RawRecord[] = [];
  let fetches = 0;
  let skipped = 0;
  for (const topic of topics) {
    let html = topic.excerpt;
    if (html === undefined) {
      if (fetches < MAX_TOPIC_FETCHES) {
        fetches++;
        const post = await firstPost(context, root, topic);
        if ('html' in post) html = post.html;
        else warnings.push(post.warning);
      } else skipped++;
    }
    records.push({
      externalId: String(topic.id),
      title: topic.title,
      html,
      url: `${root}/t/${encodeURIComponent(topic.slug)}/${topic.id}`,
      tags: topic.tags,
      updatedAt: topic.updatedAt,
    });
  }
  if (skipped > 0) {
    warnings.push(
      `${skipped} topics have no summary: at most ${MAX_TOPIC_FETCHES} topics are read per sync, the rest on later syncs`,
    );
  }
  const normalized = normalizeAll(records, context.config, context.now);
  return { items: normalized.items, warnings: [...warnings, ...normalized.warnings] };
}

function newest(topics: Topic[], floor: number): number {
  return topics.reduce((max, topic) => Math.max(max, topic.bumpedAt ?? 0), floor);
}

function limitWarning(maxItems: number): string {
  return `stopped at ${maxItems} items (the limit for one source)`;
}

async function fullSync(context: AdapterContext, root: string): Promise<AdapterResult> {
  const { topics, truncated } = await collectTopics(context, root);
  const { items, warnings } = await toItems(context, root, topics);
  const cursor: DiscourseCursor = { v: 1, bumpedAt: newest(topics, 0), fullAt: context.now };
  return {
    mode: 'full',
    items,
    warnings: truncated ? [limitWarning(context.maxItems), ...warnings] : warnings,
    cursor,
  };
}

const adapter: SourceAdapter = {
  type: 'discourse',
  async sync(context) {
    const root = forumRoot(context.config.url);
    const cursor = parseCursor(context.cursor);
    if (!cursor || context.now - cursor.fullAt >= FULL_SYNC_EVERY_MS || context.now < cursor.fullAt) {
      return fullSync(context, root);
    }
    const { topics, truncated } = await collectTopics(context, root, cursor.bumpedAt);
    // More changes than one source may hold: a full sync gives the newest ones and a fresh cursor.
    if (truncated) return fullSync(context, root);
    const next: DiscourseCursor = { ...cursor, bumpedAt: newest(topics, cursor.bumpedAt) };
    if (topics.length === 0) return { mode: 'not-modified', cursor: next };
    const { items, warnings } = await toItems(context, root, topics);
    return { mode: 'incremental', upserts: items, deletions: [], warnings, cursor: next };
  },
};

export default adapter;
