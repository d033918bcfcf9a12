/**
 * DokuWiki: its Atom feed with each page rendered as HTML, one GET per sync; the engine's
 * conditional request turns an unchanged feed into a 304.
 *
 *   {root}/feed.php?type=atom1&mode=recent&content=html&num=100&linkto=current&minor=1&view=pages
 *
 * - `linkto=current` links entries to the page rather than to a diff; `minor=1` keeps a page whose
 *   last edit was minor at its newest revision (otherwise an older one is listed); `view=pages`
 *   leaves media files out.
 * - The recent feed lists the pages changed within the wiki's `recent_days` (7 by default, at least
 *   its `recent` newest changes), and a deleted page with its last content (unless the wiki sets
 *   `rss_show_deleted = 0`). `options.mode = 'list'` lists every page of `options.namespace`
 *   instead (that namespace only, not the ones below it).
 * - Atom `<content>` holds escaped HTML without a `type` attribute, which Atom would read as text:
 *   it is HTML here, and parseFeed hands it over unescaped, so it is read as HTML.
 * - Titles are the page's id plus the edit summary ("kb:vpn - fixed typo"): the page's first heading
 *   is its title, as DokuWiki's `useheading` does, else its name.
 */
import { isHttpUrl } from '../model';
import { type FeedItem, FeedParseError, parseFeed, TRUNCATED_WARNING } from './feed';
import { firstHeading } from './lib/headings';
import { htmlToText } from './lib/html-to-text';
import { normalizeAll, type RawRecord } from './lib/normalize';
import type { AdapterContext, SourceAdapter } from './types';

const NOT_DOKUWIKI =
  "the server did not answer with DokuWiki's feed: is the URL the wiki root where doku.php and feed.php live?";

/** The wiki root without a trailing slash: `…/doku.php?id=start` and `…/feed.php` name it too. */
function wikiRoot(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  parsed.pathname = parsed.pathname.replace(/\/(doku|feed)\.php(\/.*)?$/, '').replace(/\/+$/, '');
  return parsed.href.replace(/\/+$/, '');
}

/** The feed's address for this source's options. */
export function feedUrl(context: AdapterContext): string {
  const options = context.config.options ?? {};
  const mode = options.mode?.trim() || 'recent';
  if (mode !== 'recent' && mode !== 'list') {
    throw new Error(`the "mode" option must be "recent" or "list", not "${mode}"`);
  }
  const params = new URLSearchParams({
    type: 'atom1',
    mode,
    content: 'html',
    num: '100',
    linkto: 'current',
    minor: '1',
    view: 'pages',
  });
  const namespace = options.namespace?.trim();
  if (namespace) params.set('ns', namespace);
  return `${wikiRoot(context.config.url)}/feed.php?${params}`;
}

/** The page link without revision or action: `doku.php?id=ns:page`. */
function pageLink(link: string | undefined): string | undefined {
  if (!link || !isHttpUrl(link)) return link;
  const url = new URL(link);
  // Filtered as written: URLSearchParams would re-encode `id=ns:page` as `id=ns%3Apage`.
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !/^(rev|do)(=|$)/.test(pair));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}

/**
 * The page id: the `id` parameter, or the path with URL rewriting on
 * (`/ns/page`, `/ns:page`, `/doku.php/ns:page`).
 */
function pageId(link: string | undefined, root: string): string | undefined {
  if (!link || !isHttpUrl(link)) return undefined;
  const url = new URL(link);
  const fromQuery = url.searchParams.get('id');
  if (fromQuery) return fromQuery.replace(/^:+/, '');
  const base = new URL(`${root}/`).pathname;
  let path = decodeURIComponent(url.pathname);
  if (path.startsWith(base)) path = path.slice(base.length);
  path = path.replace(/^doku\.php\/?/, '');
  const id = path.replace(/\//g, ':').replace(/^:+|:+$/g, '');
  return id || undefined;
}

/** The first heading as the title, and the HTML without it (the summary would repeat it). */
function titleAndBody(html: string | undefined, id: string): { title: string; html?: string } {
  const match = html ? firstHeading(html) : null;
  const heading = match ? htmlToText(match.inner) : '';
  if (html && match && heading) {
    return { title: heading, html: html.slice(0, match.start) + html.slice(match.end) };
  }
  // `ns:page_name` → `page name`, as the wiki shows a page without a heading.
  const name = id.slice(id.lastIndexOf(':') + 1).replace(/_/g, ' ');
  return { title: name || id, html };
}

function timeOf(item: FeedItem): number {
  const ms = Date.parse(item.updated ?? item.published ?? '');
  return Number.isFinite(ms) ? ms : 0;
}

const adapter: SourceAdapter = {
  type: 'dokuwiki',
  async sync(context) {
    const url = feedUrl(context);
    const root = wikiRoot(context.config.url);
    const response = await context.fetch(url, {
      headers: { accept: 'application/atom+xml, application/xml;q=0.9, */*;q=0.8' },
    });
    if (response.status === 304) return { mode: 'not-modified' };
    let entries: FeedItem[];
    let truncated: boolean | undefined;
    try {
      ({ items: entries, truncated } = parseFeed(new Uint8Array(await response.arrayBuffer()), {
        contentType: response.headers.get('content-type') ?? undefined,
        baseUrl: response.url || url,
      }));
    } catch (error) {
      if (error instanceof FeedParseError) throw new Error(`${NOT_DOKUWIKI} (${error.message})`);
      throw error;
    }

    // One entry per page, the newest (the feed may list several revisions of a page).
    const newest = new Map<string, FeedItem>();
    for (const entry of entries) {
      const id = pageId(entry.link, root) ?? entry.id ?? entry.link ?? entry.title;
      if (!id) continue;
      const known = newest.get(id);
      if (!known || timeOf(entry) > timeOf(known)) newest.set(id, entry);
    }

    const warnings: string[] = truncated ? [TRUNCATED_WARNING] : [];
    let pages = [...newest.entries()];
    if (pages.length > context.maxItems) {
      warnings.push(`stopped at ${context.maxItems} items (the limit for one source)`);
      pages = pages.slice(0, context.maxItems);
    }
    const records: RawRecord[] = pages.map(([id, entry]) => {
      const { title, html } = titleAndBody(entry.content ?? entry.summary, id);
      return {
        externalId: id,
        title,
        html,
        url: pageLink(entry.link),
        tags: entry.categories,
        updatedAt: entry.updated ?? entry.published,
        owner: entry.author,
      };
    });
    const normalized = normalizeAll(records, context.config, context.now);
    context.progress?.(normalized.items.length, normalized.items.length);
    return { mode: 'full', items: normalized.items, warnings: [...warnings, ...normalized.warnings] };
  },
};

export default adapter;
