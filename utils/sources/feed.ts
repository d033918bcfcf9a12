/**
 * Feed parser: RSS 0.9x/2.0, RDF/RSS 1.0, Atom 1.0 (and 0.3) and JSON Feed 1.0/1.1 → one shape.
 * It runs in the service worker, which has no DOMParser, so XML goes through htmlparser2's
 * tokenizer in XML mode: fast, and forgiving where real feeds are broken.
 *
 *   bytes ─ charset (BOM, Content-Type, <?xml encoding?>) ─▶ text
 *   text ─┬─ '{' ─▶ JSON.parse ─▶ fromJson
 *         └─ '<' ─▶ htmlparser2 (xmlMode, no entity decoding) ─▶ small element tree
 *                    ─▶ fromRss (rss, RDF) / fromAtom
 *
 * Entities are decoded by ./lib/xml.ts, not by the parser: XML's five, numeric references and
 * HTML's named ones (feeds use &nbsp; and &eacute; without declaring them). A DTD's own entities
 * are never expanded ("billion laughs"): the internal subset is blanked out before parsing and
 * unknown references stay as written. Bytes → text is ./lib/charset.ts; each format is mapped in
 * ./feed/ (rss.ts, atom.ts, json.ts).
 */

import { fromAtom } from './feed/atom';
import { vocabularyOf } from './feed/elements';
import { fromJson } from './feed/json';
import { fromRss } from './feed/rss';
import { FEED_LIMITS, type Feed, type FeedItem, FeedParseError, type ParseFeedOptions } from './feed/types';
import { decodeBody } from './lib/charset';
import { normalizeAll, type RawRecord } from './lib/normalize';
import { blank, buildTree, lastLine, lineAt, withoutInternalSubset } from './lib/xml';
import type { SourceAdapter } from './types';

export { FEED_LIMITS, type Feed, type FeedItem, FeedParseError, type ParseFeedOptions } from './feed/types';

/** Parses an RSS, RDF, Atom or JSON feed. Throws {@link FeedParseError} saying what is wrong. */
export function parseFeed(input: string | Uint8Array | ArrayBuffer, opts: ParseFeedOptions = {}): Feed {
  const raw = typeof input === 'string' ? input : decodeBody(input, opts.contentType);
  // Control characters are not allowed in XML and only ever appear in feeds by accident.
  const text = raw.replace(/^\uFEFF/, '').replace(CONTROL_CHARS, '');
  const start = text.search(/\S/);
  if (start < 0) throw new FeedParseError('empty document');
  const first = text.charAt(start);
  if (first === '{' || first === '[') return capped(fromJson(text, opts.baseUrl));
  if (first === '<') return capped(fromXml(text, opts.baseUrl));
  // Some servers print a warning before the feed: skip to where the XML starts.
  const xmlStart = text.search(/<(\?xml|rss|feed|rdf:RDF)\b/);
  if (xmlStart > 0) return capped(fromXml(blank(text, 0, xmlStart), opts.baseUrl));
  throw new FeedParseError(
    `not a feed: the document is neither XML nor JSON (it starts with "${text.slice(start, start + 40).trim()}")`,
  );
}

/** At most {@link FEED_LIMITS}.items items, `truncated` when there were more. */
function capped(feed: Feed): Feed {
  if (feed.items.length <= FEED_LIMITS.items) return feed;
  return { ...feed, items: feed.items.slice(0, FEED_LIMITS.items), truncated: true };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// ─── XML: the root decides the format ─────────────────────────────────────────────────────────

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel']);

function fromXml(text: string, baseUrl: string | undefined): Feed {
  const xml = withoutInternalSubset(text);
  const { root, cutInside, truncated } = buildTree(xml, {
    vocabulary: vocabularyOf,
    onRoot: (name, local, index) => checkRoot(name, local, xml, index),
  });
  if (!root) {
    if (/<[A-Za-z]/.test(xml)) throw new FeedParseError(`XML is cut off at line ${lastLine(xml)}`);
    throw new FeedParseError('not a feed: the XML has no root element');
  }
  const local = root.local;
  const feed =
    local === 'feed'
      ? fromAtom(root, text, cutInside, baseUrl)
      : fromRss(root, local === 'rdf' ? 'rdf' : 'rss', text, cutInside, baseUrl);
  return truncated && !feed.truncated ? { ...feed, truncated } : feed;
}

function checkRoot(name: string, local: string, text: string, index: number): void {
  if (FEED_ROOTS.has(local)) return;
  const where = `line ${lineAt(text, index)}`;
  if (local === 'html' || local === 'head' || local === 'body') {
    throw new FeedParseError(
      `not a feed: the document's root is <${name}> (${where}), an HTML page rather than RSS, Atom or RDF; ` +
        'check that the URL is the feed itself',
    );
  }
  throw new FeedParseError(
    `not a feed: the document's root is <${name}> (${where}); expected <rss>, <feed> (Atom) or <rdf:RDF>`,
  );
}

// ---------------------------------------------------------------------------------------------
// The feed source adapter

/** A stable, short external id: the entry's id or link, hashed when very long. */
function externalId(item: FeedItem, index: number): string {
  const raw = item.id || item.link || item.title || `entry-${index}`;
  if (raw.length <= 200) return raw;
  let hash = 2166136261;
  for (let i = 0; i < raw.length; i++) hash = Math.imul(hash ^ raw.charCodeAt(i), 16777619);
  return `h${(hash >>> 0).toString(36)}-${raw.slice(0, 60)}`;
}

/** In the source's status when a feed was cut at the parser's limits. */
export const TRUNCATED_WARNING =
  'the feed is larger than Signpost reads (20,000 items or 200,000 XML elements): only its first part was read';

/** RSS, RDF, Atom and JSON Feed sources: one conditional GET; 304 keeps what is cached. */
const adapter: SourceAdapter = {
  type: 'feed',
  async sync({ config, fetch, now, maxItems }) {
    const response = await fetch(config.url, {
      headers: {
        accept:
          'application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8',
      },
    });
    if (response.status === 304) return { mode: 'not-modified' };
    const feed = parseFeed(new Uint8Array(await response.arrayBuffer()), {
      contentType: response.headers.get('content-type') ?? undefined,
      baseUrl: response.url || config.url,
    });
    const warnings: string[] = [];
    if (feed.truncated) warnings.push(TRUNCATED_WARNING);
    if (feed.items.length > maxItems)
      warnings.push(`stopped at ${maxItems} items (the limit for one source)`);
    const seen = new Set<string>();
    const records: RawRecord[] = [];
    feed.items.slice(0, maxItems).forEach((item, index) => {
      const id = externalId(item, index);
      if (seen.has(id)) return;
      seen.add(id);
      records.push({
        externalId: id,
        title: item.title,
        html: item.content ?? item.summary,
        url: item.link,
        tags: item.categories,
        updatedAt: item.updated ?? item.published,
        owner: item.author,
      });
    });
    const normalized = normalizeAll(records, config, now);
    return { mode: 'full', items: normalized.items, warnings: [...warnings, ...normalized.warnings] };
  },
};

export default adapter;
