/**
 * Which kind of source an address is, for the options page: from the URL, then from one GET.
 *
 *   host *.atlassian.net · *.zendesk.com · *.service-now.com ─▶ that product, no request
 *   GET (feeds, JSON, HTML preferred), the first LOOK_AT bytes of the answer looked at
 *     JSON ─▶ MediaWiki API · Discourse topic list or topic · Signpost catalog · JSON Feed
 *     XML  ─▶ parseFeed ─▶ DokuWiki's feed.php · MediaWiki's index.php feeds · any other feed
 *     HTML ─▶ generator MediaWiki / DokuWiki / Discourse · Confluence Server (refused)
 *             · a linked feed · a sign-in page (refused) · the URL's path · no feed link (refused)
 *
 * When signals disagree, what the answer says about itself wins over the URL, and the product
 * over a feed it links: a MediaWiki page links its recent-changes feed, but the wiki's API is the
 * better source; `/t/…` on a WordPress blog is the blog's feed. The path (doku.php, api.php,
 * /c/, /hc/ …) decides only when the body names nothing. Hosted products go by host alone: to an
 * anonymous GET they answer with a sign-in page.
 */
import { Parser } from 'htmlparser2';
import { isRecord, type SourceType } from '../model';
import { type Feed, FeedParseError, parseFeed } from './feed';
import { endpoints } from './mediawiki';
import { HttpError } from './types';

export type DetectEvidence =
  | { kind: 'url'; hint: string }
  | { kind: 'generator'; product: string }
  | { kind: 'feed'; format: string }
  | { kind: 'feed-link'; format: string }
  /** `atLeast`: the catalog is longer than what was read, and `items` counts the part read. */
  | { kind: 'catalog'; items: number; atLeast?: true }
  | { kind: 'api'; product: string };

export interface Detection {
  type: SourceType;
  /** The address to configure: the one pasted, or the root its adapter wants. */
  url: string;
  evidence: DetectEvidence;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Enough for any page's <head>, a feed's first items and an API answer. */
const LOOK_AT = 512 * 1024;

const ACCEPT =
  'application/feed+json, application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, ' +
  'application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, */*;q=0.5';

const PASTE = 'paste the address of an RSS or Atom feed, a Signpost catalog, or a wiki, forum or help center';

/** What the address is, from the URL alone and then from the server's answer; throws an Error whose message an admin can act on when it is none of them. */
export async function detectSource(url: string, fetch: Fetch): Promise<Detection> {
  const address = webAddress(url);
  const hosted = hostedProduct(new URL(address));
  if (hosted) return hosted;

  const response = await fetch(address, { headers: { accept: ACCEPT } });
  if (!response.ok) {
    throw new HttpError(response.status, `the server answered ${response.status} for ${address}`);
  }
  // The engine's fetch hands over a copy of the answer, without the URL it came from.
  const base = response.url || address;
  const contentType = response.headers.get('content-type') ?? '';
  const { bytes, cut } = await firstBytes(response, LOOK_AT);
  const text = decode(bytes, contentType);
  const start = text.search(/\S/);
  if (start < 0) throw new Error(`${address} answered with an empty page; ${PASTE}`);
  const first = text.charAt(start);
  if (first === '{' || first === '[') return fromJson(text, cut, address, base);

  let feed: Feed | undefined;
  let notFeed = '';
  try {
    feed = parseFeed(bytes, { contentType, baseUrl: base });
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    notFeed = error.message;
  }
  if (feed) return fromFeed(feed, text, address);
  return fromPage(readPage(text), text, cut, notFeed, address, base);
}

/** The type an address suggests by its host and path alone (the options page's first guess); null when it names nothing. */
export function guessFromUrl(url: string): { type: SourceType; hint: string } | null {
  return matchUrl(url, () => true);
}

interface UrlRule {
  type: SourceType;
  hint: string;
  test: (host: string, path: string) => boolean;
  /** Names the product by its path, whatever the host. */
  byPath?: true;
}

/** The URL rules in order, hosts before paths: the first that matches wins. `path` is lowercased. */
const URL_RULES: readonly UrlRule[] = [
  {
    type: 'confluence',
    hint: 'the host ends with .atlassian.net',
    test: (host) => host.endsWith('.atlassian.net'),
  },
  { type: 'zendesk', hint: 'the host ends with .zendesk.com', test: (host) => host.endsWith('.zendesk.com') },
  {
    type: 'servicenow',
    hint: 'the host ends with .service-now.com',
    test: (host) => host.endsWith('.service-now.com'),
  },
  {
    type: 'servicenow',
    hint: 'the host ends with .servicenowservices.com',
    test: (host) => host.endsWith('.servicenowservices.com'),
  },
  { type: 'zendesk', hint: 'the path has /hc/', test: (_, path) => path.includes('/hc/'), byPath: true },
  // Confluence Cloud is recognised by its host; on other hosts /wiki/ is MediaWiki's article path.
  { type: 'mediawiki', hint: 'the path starts with /wiki/', test: (_, path) => path.startsWith('/wiki/') },
  {
    type: 'mediawiki',
    hint: 'the path ends with api.php',
    test: (_, path) => path.endsWith('api.php'),
    byPath: true,
  },
  {
    type: 'mediawiki',
    hint: 'the path has /index.php',
    test: (_, path) => path.includes('/index.php'),
    byPath: true,
  },
  {
    type: 'dokuwiki',
    hint: 'the path has doku.php',
    test: (_, path) => path.includes('doku.php'),
    byPath: true,
  },
  {
    type: 'dokuwiki',
    hint: 'the path has feed.php',
    test: (_, path) => path.includes('feed.php'),
    byPath: true,
  },
  {
    type: 'discourse',
    hint: 'the path ends with latest.json',
    test: (_, path) => path.endsWith('latest.json'),
    byPath: true,
  },
  {
    type: 'discourse',
    hint: 'the path starts with /c/',
    test: (_, path) => path.startsWith('/c/'),
    byPath: true,
  },
  {
    type: 'discourse',
    hint: 'the path starts with /t/',
    test: (_, path) => path.startsWith('/t/'),
    byPath: true,
  },
  {
    type: 'catalog',
    hint: 'the path ends with .json',
    test: (_, path) => path.endsWith('.json') && !path.endsWith('feed.json'),
  },
];

function matchUrl(
  url: string,
  usable: (rule: UrlRule) => boolean,
): { type: SourceType; hint: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const path = parsed.pathname.toLowerCase();
  const rule = URL_RULES.find((candidate) => usable(candidate) && candidate.test(parsed.hostname, path));
  return rule ? { type: rule.type, hint: rule.hint } : null;
}

/** The hint of the host rule that matches `host`. */
function hostHint(host: string): string {
  return URL_RULES.find((rule) => !rule.byPath && rule.test(host, ''))?.hint ?? host;
}

// ─── The URL ───────────────────────────────────────────────────────────────────────────────────

/** The pasted text as an http(s) URL; `wiki.example.com/x` gets https://. */
function webAddress(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) throw new Error(`the address is empty; ${PASTE}`);
  const hasScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed);
  const address = hasScheme ? trimmed : `https://${trimmed}`;
  let parsed: URL | undefined;
  try {
    parsed = new URL(address);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new Error(`"${trimmed}" is not a web address (http or https); ${PASTE}`);
  }
  return address;
}

/** Hosted products, known by their host: the adapters want the site (Zendesk: with its locale). */
function hostedProduct(url: URL): Detection | null {
  const host = url.hostname;
  const evidence: DetectEvidence = { kind: 'url', hint: hostHint(host) };
  if (host.endsWith('.atlassian.net')) return { type: 'confluence', url: url.origin, evidence };
  if (host.endsWith('.zendesk.com')) return { type: 'zendesk', url: helpCenter(url), evidence };
  if (host.endsWith('.service-now.com') || host.endsWith('.servicenowservices.com')) {
    return { type: 'servicenow', url: url.origin, evidence };
  }
  return null;
}

/** The help center with its locale: the adapter reads it from /hc/<locale>, and nothing else after /hc/. */
function helpCenter(url: URL): string {
  const locale = /^\/hc\/([^/]+)/i.exec(url.pathname)?.[1]?.toLowerCase();
  return locale && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(locale) ? `${url.origin}/hc/${locale}` : url.origin;
}

/**
 * The path hints that name a product well enough when the answer names nothing. Not `/wiki`: it is
 * as often MediaWiki's article path as Confluence's; not `.json`: that was read, and is no catalog.
 */
function fromPath(address: string): Detection | null {
  const guess = matchUrl(address, (rule) => rule.byPath === true);
  const evidence: DetectEvidence = { kind: 'url', hint: guess?.hint ?? '' };
  switch (guess?.type) {
    case 'mediawiki': {
      const url = new URL(address);
      url.pathname = url.pathname.replace(/\/(api|index)\.php(\/.*)?$/i, '/api.php');
      return { type: 'mediawiki', url: endpoints(url.href).root, evidence };
    }
    case 'dokuwiki':
      return { type: 'dokuwiki', url: dokuWikiRoot(address), evidence };
    case 'discourse':
      return { type: 'discourse', url: discourseRoot(address), evidence };
    case 'zendesk':
      // A help center on its own domain: https://help.example.com/hc/en-us/articles/1-VPN
      return { type: 'zendesk', url: helpCenter(new URL(address)), evidence };
    default:
      return null;
  }
}

/** DokuWiki's root, as its adapter's wikiRoot reads it: `…/doku.php?id=start` and `…/feed.php` name it. */
function dokuWikiRoot(address: string): string {
  const url = new URL(address);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/(doku|feed)\.php(\/.*)?$/i, '').replace(/\/+$/, '');
  return url.href.replace(/\/+$/, '');
}

/** Discourse's pages sit below the forum root (which may be a subfolder): `/t/…`, `/c/…`, `/latest.json`. */
const DISCOURSE_PAGE =
  /\/(t|c|tag|tags|u|g|latest|top|new|unread|categories|search|about|faq|guidelines|badges|login|posts)(\/|\.json|\.rss|$).*$/i;

function discourseRoot(address: string): string {
  const url = new URL(address);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(DISCOURSE_PAGE, '').replace(/\/+$/, '');
  return url.href.replace(/\/+$/, '');
}

// ─── The answer ────────────────────────────────────────────────────────────────────────────────

async function firstBytes(response: Response, limit: number): Promise<{ bytes: Uint8Array; cut: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(0), cut: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size <= limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const cut = size > limit;
  if (cut) await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, cut };
}

/** As text, for JSON and HTML (feeds are decoded by parseFeed): the declared charset, else UTF-8. */
function decode(bytes: Uint8Array, contentType: string): string {
  const label = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

// ─── JSON ──────────────────────────────────────────────────────────────────────────────────────

function fromJson(text: string, cut: boolean, address: string, base: string): Detection {
  let doc: unknown;
  if (cut) {
    doc = topLevel(text);
  } else {
    try {
      doc = JSON.parse(text);
    } catch (error) {
      throw new Error(`${address} answered with JSON that does not parse (${(error as Error).message})`);
    }
  }
  if (!isRecord(doc))
    throw new Error(`${address} answered with a JSON list, not a document Signpost reads; ${PASTE}`);

  const general = isRecord(doc.query) && isRecord(doc.query.general) ? doc.query.general : undefined;
  const generator = typeof general?.generator === 'string' ? general.generator.trim() : '';
  const isApiPhp = /\/api\.php$/i.test(new URL(address).pathname);
  if (/^MediaWiki\b/i.test(generator)) {
    // siteinfo: api.php lives at scriptpath (on the host pasted, which may be a name $wgServer lacks).
    const scriptPath = typeof general?.scriptpath === 'string' ? general.scriptpath : '';
    const api = isApiPhp ? address : new URL(`${scriptPath}/api.php`, address).href;
    return { type: 'mediawiki', url: endpoints(api).root, evidence: { kind: 'api', product: generator } };
  }
  if (isApiPhp && isMediaWikiAnswer(doc)) {
    return {
      type: 'mediawiki',
      url: endpoints(address).root,
      evidence: { kind: 'api', product: 'MediaWiki' },
    };
  }
  if (isRecord(doc.topic_list) || (isRecord(doc.post_stream) && 'slug' in doc)) {
    return {
      type: 'discourse',
      url: discourseRoot(address),
      evidence: { kind: 'api', product: 'Discourse' },
    };
  }
  if (typeof doc.version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//i.test(doc.version)) {
    if (cut) return { type: 'feed', url: address, evidence: { kind: 'feed', format: 'json' } };
    try {
      const feed = parseFeed(text, { baseUrl: base });
      return { type: 'feed', url: address, evidence: { kind: 'feed', format: feed.format } };
    } catch (error) {
      if (error instanceof FeedParseError)
        throw new Error(`${address} is a JSON Feed Signpost cannot read: ${error.message}`);
      throw error;
    }
  }
  if (
    Array.isArray(doc.items) &&
    (typeof doc.version === 'number' || (doc.version === undefined && catalogLike(doc.items)))
  ) {
    const evidence: DetectEvidence = { kind: 'catalog', items: doc.items.length };
    if (cut) evidence.atLeast = true;
    return { type: 'catalog', url: address, evidence };
  }
  throw new Error(
    `${address} answered with JSON that is none of a Signpost catalog ("version" and "items"), a JSON Feed, ` +
      `Discourse's topic list or MediaWiki's api.php; ${PASTE}`,
  );
}

/** An api.php answer without siteinfo: a query, a continuation, or an API error (readapidenied …). */
function isMediaWikiAnswer(doc: Record<string, unknown>): boolean {
  return (
    'batchcomplete' in doc ||
    isRecord(doc.query) ||
    isRecord(doc.continue) ||
    (isRecord(doc.error) && typeof doc.error.code === 'string')
  );
}

/** The schema makes "version" optional: then the items must look like catalog items. */
function catalogLike(items: unknown[]): boolean {
  const [first] = items;
  return isRecord(first) && (first.kind === 'article' || first.kind === 'tip');
}

/**
 * The top level of a JSON object that is cut off: scalars as they are, objects as `{}`, arrays as
 * one `null` per complete element; it stops where the text does. Enough to tell what the document
 * is without its end.
 */
function topLevel(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let at = skipSpace(text, 0);
  if (text.charAt(at) !== '{') return undefined;
  at++;
  for (;;) {
    at = skipSpace(text, at);
    if (text.charAt(at) === ',') at = skipSpace(text, at + 1);
    if (text.charAt(at) !== '"') return out;
    const keyEnd = stringEnd(text, at);
    if (keyEnd < 0) return out;
    const key = JSON.parse(text.slice(at, keyEnd)) as string;
    at = skipSpace(text, keyEnd);
    if (text.charAt(at) !== ':') return out;
    at = skipSpace(text, at + 1);
    const { value, end } = valueAt(text, at);
    if (value !== undefined) out[key] = value;
    if (end < 0) return out;
    at = end;
  }
}

/** The value at `at` and the index after it (-1 when the text ends inside it). */
function valueAt(text: string, at: number): { value: unknown; end: number } {
  const first = text.charAt(at);
  if (first === '"') {
    const end = stringEnd(text, at);
    return end < 0 ? { value: undefined, end } : { value: JSON.parse(text.slice(at, end)), end };
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    let complete = 0;
    let pending = false;
    for (let index = at; index < text.length; index++) {
      const char = text.charAt(index);
      if (char === '"') {
        const end = stringEnd(text, index);
        if (end < 0) break;
        index = end - 1;
        if (depth === 1) pending = true;
      } else if (char === '{' || char === '[') {
        depth++;
        if (depth === 2) pending = true;
      } else if (char === '}' || char === ']') {
        depth--;
        if (depth === 0) {
          const value = first === '[' ? new Array(complete + (pending ? 1 : 0)).fill(null) : {};
          return { value, end: index + 1 };
        }
      } else if (depth === 1 && char === ',') {
        complete++;
        pending = false;
      } else if (depth === 1 && !/\s/.test(char)) {
        pending = true;
      }
    }
    return { value: first === '[' ? new Array(complete).fill(null) : {}, end: -1 };
  }
  const scalar = /^[^,}\]\s]+/.exec(text.slice(at, at + 64))?.[0] ?? '';
  const end = at + scalar.length;
  if (end >= text.length) return { value: undefined, end: -1 };
  try {
    return { value: JSON.parse(scalar), end };
  } catch {
    return { value: undefined, end: -1 };
  }
}

function skipSpace(text: string, at: number): number {
  let index = at;
  while (index < text.length && /\s/.test(text.charAt(index))) index++;
  return index;
}

/** The index after the string that starts at `at` (a quote), or -1 when the text ends first. */
function stringEnd(text: string, at: number): number {
  for (let index = at + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '\\') index++;
    else if (char === '"') return index + 1;
  }
  return -1;
}

// ─── Feeds ─────────────────────────────────────────────────────────────────────────────────────

function fromFeed(feed: Feed, text: string, address: string): Detection {
  const path = new URL(address).pathname;
  // DokuWiki's feed.php: FeedCreator writes it (`<!-- generator="FeedCreator 1.8" -->`, and
  // <generator> in Atom). MediaWiki's feeds come from index.php or api.php (recent changes, a
  // page's history): its API has every page. Both adapters want the wiki root.
  const dokuWiki = /\/feed\.php$/i.test(path);
  const mediaWiki = /\/(index|api)\.php$/i.test(path);
  const generator = dokuWiki || mediaWiki ? xmlGenerator(text) : undefined;
  if (generator && dokuWiki && /^FeedCreator\b/i.test(generator)) {
    return {
      type: 'dokuwiki',
      url: dokuWikiRoot(address),
      evidence: { kind: 'generator', product: generator },
    };
  }
  if (generator && mediaWiki && /^MediaWiki\b/i.test(generator)) {
    return {
      type: 'mediawiki',
      url: endpoints(address).root,
      evidence: { kind: 'generator', product: generator },
    };
  }
  return { type: 'feed', url: address, evidence: { kind: 'feed', format: feed.format } };
}

/** The feed's <generator> text, else a `generator="…"` comment. */
function xmlGenerator(text: string): string | undefined {
  let element: string | undefined;
  let comment: string | undefined;
  let inside = false;
  let collected = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (element === undefined && /(^|:)generator$/.test(name)) inside = true;
      },
      ontext(data) {
        if (inside) collected += data;
      },
      onclosetag() {
        if (!inside) return;
        inside = false;
        element = collected.replace(/\s+/g, ' ').trim();
      },
      oncomment(data) {
        comment ??= /^\s*generator="([^"]*)"/.exec(data)?.[1];
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return element || comment;
}

// ─── HTML pages ────────────────────────────────────────────────────────────────────────────────

interface PageLink {
  rel: string[];
  type: string;
  href: string;
}

interface Page {
  /** An <html>, <head> or <body> was there. */
  html: boolean;
  title: string;
  base?: string;
  generators: string[];
  /** Other <meta name> values, names lowercased, the first of each. */
  meta: Map<string, string>;
  links: PageLink[];
  scripts: string[];
  password: boolean;
}

function readPage(text: string): Page {
  const page: Page = {
    html: false,
    title: '',
    generators: [],
    meta: new Map(),
    links: [],
    scripts: [],
    password: false,
  };
  let inTitle = false;
  let titled = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'html' || name === 'head' || name === 'body') page.html = true;
        else if (name === 'title' && !titled) inTitle = true;
        else if (name === 'base' && attrs.href && page.base === undefined) page.base = attrs.href;
        else if (name === 'meta' && attrs.name) {
          const key = attrs.name.trim().toLowerCase();
          const content = (attrs.content ?? '').trim();
          if (key === 'generator') page.generators.push(content);
          else if (!page.meta.has(key)) page.meta.set(key, content);
        } else if (name === 'link' && attrs.href) {
          page.links.push({
            rel: (attrs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean),
            type: (attrs.type ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
            href: attrs.href,
          });
        } else if (name === 'script' && attrs.src) page.scripts.push(attrs.src);
        else if (name === 'input' && attrs.type?.trim().toLowerCase() === 'password') page.password = true;
      },
      ontext(data) {
        if (inTitle) page.title += data;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titled = true;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(text);
  page.title = page.title.replace(/\s+/g, ' ').trim();
  return page;
}

const FEED_TYPES: Record<string, string> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
};

function fromPage(
  page: Page,
  text: string,
  cut: boolean,
  notFeed: string,
  address: string,
  base: string,
): Detection {
  const docBase = (page.base && absolute(page.base, base)?.href) || base;
  const href = (link: { href: string }) => absolute(link.href, docBase);
  const generator = (product: RegExp) => page.generators.find((content) => product.test(content));

  const mediaWiki = generator(/^MediaWiki\b/i);
  if (mediaWiki) {
    return {
      type: 'mediawiki',
      url: mediaWikiRoot(page, docBase, address, mediaWiki),
      evidence: { kind: 'generator', product: mediaWiki },
    };
  }
  const dokuWiki = generator(/^DokuWiki\b/i);
  if (dokuWiki) {
    // <link rel="start" href="{DOKU_BASE}"> names the root even with URL rewriting on.
    const start = page.links.find((link) => link.rel.includes('start'));
    const startUrl = start && href(start);
    const feedPhp = page.links.map(href).find((url) => url && /\/feed\.php$/i.test(url.pathname));
    const root = startUrl ? dokuWikiRoot(startUrl.href) : dokuWikiRoot(feedPhp?.href ?? address);
    return { type: 'dokuwiki', url: root, evidence: { kind: 'generator', product: dokuWiki } };
  }
  const discourse = generator(/^Discourse\b/i);
  if (discourse) {
    // /opensearch.xml sits at the forum root, which may be a subfolder; so do /latest.rss and /posts.rss.
    const urls = page.links.map(href);
    const search = urls.find((url) => url && /\/opensearch\.xml$/i.test(url.pathname));
    const feed = urls.find((url) => url && /\/(latest|posts)\.rss$/i.test(url.pathname));
    const root = search
      ? new URL('.', search).href.replace(/\/+$/, '')
      : discourseRoot(feed?.href ?? address);
    return { type: 'discourse', url: root, evidence: { kind: 'generator', product: discourse } };
  }

  const confluenceBase = page.meta.get('confluence-base-url');
  const confluence =
    confluenceBase !== undefined ||
    page.meta.has('confluence-context-path') ||
    (page.meta.has('ajs-version-number') &&
      /confluence/i.test(`${page.meta.get('application-name') ?? ''} ${page.title}`));
  if (confluence) {
    const version = page.meta.get('ajs-version-number');
    throw new Error(
      `${confluenceBase || address} is Confluence Server or Data Center${version ? ` ${version}` : ''}; ` +
        "Signpost's Confluence source reads Confluence Cloud (…atlassian.net) only. Add one of its RSS feeds as a " +
        "feed source instead (Confluence's Feed Builder, in the Help menu, makes one)",
    );
  }

  for (const link of page.links) {
    const format = FEED_TYPES[link.type];
    const url = format && link.rel.includes('alternate') ? href(link) : undefined;
    if (format && url) return { type: 'feed', url: url.href, evidence: { kind: 'feed-link', format } };
  }

  const titled = page.title ? ` ("${page.title.slice(0, 80)}")` : '';
  if (page.password) {
    throw new Error(
      `${address} answered with a sign-in page${titled}: Signpost cannot sign in through a form. ` +
        'Paste the address of a feed or API that answers with a token or without signing in',
    );
  }
  const byPath = fromPath(address);
  if (byPath) return byPath;
  if (page.html) {
    throw new Error(
      `${address} is an HTML page${titled} with no feed link; paste the address of its RSS or Atom feed, ` +
        'a Signpost catalog, or the root of a MediaWiki, DokuWiki, Discourse, Confluence Cloud, Zendesk or ServiceNow site',
    );
  }
  if (cut && /cut off/.test(notFeed)) {
    throw new Error(
      `${address} starts like a feed, but its first ${LOOK_AT / 1024} KB hold no complete item`,
    );
  }
  const what = text.trimStart().startsWith('<')
    ? 'XML that is not a feed'
    : 'something that is not a feed, JSON or a web page';
  throw new Error(`${address} answered with ${what} (${notFeed}); ${PASTE}`);
}

/**
 * Where api.php lives: the page's `<link rel="EditURI" href="…/api.php?action=rsd">`, else any
 * link to index.php or opensearch_desc.php (beside api.php), else load.php (the styles and scripts).
 */
function mediaWikiRoot(page: Page, docBase: string, address: string, product: string): string {
  const rsd = page.links.filter((link) => link.rel.includes('edituri')).map((link) => link.href);
  const linked = page.links.map((link) => link.href);
  const loaded = [...page.scripts, ...linked];
  for (const [hrefs, script] of [
    [rsd, /\/api\.php$/i],
    [linked, /\/(api|index|opensearch_desc)\.php$/i],
    [loaded, /\/load\.php$/i],
  ] as const) {
    for (const href of hrefs) {
      const url = absolute(href, docBase);
      if (url && script.test(url.pathname)) return endpoints(new URL('api.php', url).href).root;
    }
  }
  const byPath = fromPath(address);
  if (byPath?.type === 'mediawiki') return byPath.url;
  throw new Error(
    `${address} is a ${product} wiki, but the page does not say where its api.php is; paste that address ` +
      '(Special:Version lists it under "Entry point URLs")',
  );
}

/** An http(s) URL for `href` against `base`, or undefined. */
function absolute(href: string, base: string): URL | undefined {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
