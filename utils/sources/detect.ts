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
 *
 * The URL rules are ./detect/url.ts, the reading of HTML pages ./detect/page.ts; bytes become text
 * through the one charset decoder (./lib/charset.ts), and a cut-off JSON answer is read by a
 * streaming JSON parser as far as it goes.
 */
import { JSONParser } from '@streamparser/json';
import { Parser } from 'htmlparser2';
import { isRecord } from '../model';
import { type DetectEvidence, type Detection, LOOK_AT, PASTE } from './detect/common';
import { fromPage, readPage } from './detect/page';
import { discourseRoot, dokuWikiRoot, hostedProduct, webAddress } from './detect/url';
import { type Feed, FeedParseError, parseFeed } from './feed';
import { decodeBody } from './lib/charset';
import { endpoints } from './mediawiki';
import { HttpError } from './types';

export type { DetectEvidence, Detection } from './detect/common';
export { guessFromUrl } from './detect/url';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const ACCEPT =
  'application/feed+json, application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, ' +
  'application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, */*;q=0.5';

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
  const text = decodeBody(bytes, contentType, { cut });
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

// ─── JSON ──────────────────────────────────────────────────────────────────────────────────────

function fromJson(text: string, cut: boolean, address: string, base: string): Detection {
  let doc: unknown;
  if (cut) {
    doc = completePart(text);
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
 * The complete part of a JSON object whose text is cut off: the members whose value ended, and,
 * for the member the text ends inside, its elements (or members) that ended. Read by a streaming
 * JSON parser, which takes the text as far as it goes; undefined when it is not an object.
 */
function completePart(text: string): Record<string, unknown> | undefined {
  if (text.trimStart().charAt(0) !== '{') return undefined;
  const doc: Record<string, unknown> = {};
  /** What ended inside each member that had not ended yet. */
  const inside = new Map<string, unknown[] | Record<string, unknown>>();
  const parser = new JSONParser({ paths: ['$.*', '$.*.*'] });
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1 && typeof key === 'string') {
      doc[key] = value;
      return;
    }
    const owner = stack[1]?.key;
    if (stack.length !== 2 || typeof owner !== 'string') return;
    const part = inside.get(owner) ?? (typeof key === 'number' ? [] : {});
    inside.set(owner, part);
    if (Array.isArray(part)) part.push(value);
    else if (typeof key === 'string') part[key] = value;
  };
  try {
    parser.write(text);
  } catch {
    // Not JSON from some point on: what ended before it stands.
  }
  for (const [key, part] of inside) if (!(key in doc)) doc[key] = part;
  return doc;
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
