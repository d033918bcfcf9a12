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
 * Entities are decoded here, not by the parser: XML's five, numeric references and HTML's named
 * ones (feeds use &nbsp; and &eacute; without declaring them). A DTD's own entities are never
 * expanded ("billion laughs"): the internal subset is blanked out before parsing and unknown
 * references stay as written.
 */

import { decodeHTMLStrict } from 'entities/decode';
import { Parser } from 'htmlparser2';
import { isRecord } from '../model';
import { htmlToText } from './lib/html-to-text';
import { normalizeAll, type RawRecord } from './lib/normalize';
import type { SourceAdapter } from './types';

export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

export interface FeedItem {
  id?: string;
  /** Text with whitespace collapsed (Atom html/xhtml titles are turned into text). */
  title?: string;
  /** Absolute when the feed gives a base (xml:base or `opts.baseUrl`). */
  link?: string;
  /** HTML as the feed gives it (Atom `type="text"` stays text). */
  summary?: string;
  /** HTML as the feed gives it (Atom `type="text"` stays text). */
  content?: string;
  /** The date string as written in the feed, trimmed. */
  published?: string;
  updated?: string;
  categories: string[];
  author?: string;
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string;
  link?: string;
  description?: string;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  /** The response's Content-Type header: its charset decides how bytes are read. */
  contentType?: string;
  /** The feed's own URL: relative links resolve against it. */
  baseUrl?: string;
}

/** Parses an RSS, RDF, Atom or JSON feed. Throws {@link FeedParseError} saying what is wrong. */
export function parseFeed(input: string | Uint8Array | ArrayBuffer, opts: ParseFeedOptions = {}): Feed {
  const raw = typeof input === 'string' ? input : decodeBytes(toBytes(input), opts.contentType);
  // Control characters are not allowed in XML and only ever appear in feeds by accident.
  const text = raw.replace(/^\uFEFF/, '').replace(CONTROL_CHARS, '');
  const start = text.search(/\S/);
  if (start < 0) throw new FeedParseError('empty document');
  const first = text.charAt(start);
  if (first === '{' || first === '[') return fromJson(text, opts.baseUrl);
  if (first === '<') return fromXml(text, opts.baseUrl);
  // Some servers print a warning before the feed: skip to where the XML starts.
  const xmlStart = text.search(/<(\?xml|rss|feed|rdf:RDF)\b/);
  if (xmlStart > 0) return fromXml(blank(text, 0, xmlStart), opts.baseUrl);
  throw new FeedParseError(
    `not a feed: the document is neither XML nor JSON (it starts with "${text.slice(start, start + 40).trim()}")`,
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// ─── Bytes → text ──────────────────────────────────────────────────────────────────────────────

function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return ArrayBuffer.isView(input)
    ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input);
}

/**
 * A byte order mark wins over any label, as the Encoding Standard's "decode" has it (a server's
 * charset is more often wrong than a BOM); then the Content-Type charset, the XML declaration,
 * UTF-16 recognised by its first "<", and UTF-8.
 */
function decodeBytes(bytes: Uint8Array, contentType?: string): string {
  const label =
    sniffBom(bytes) ??
    usable(/;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1]) ??
    usable(declaredEncoding(bytes)) ??
    sniffUtf16(bytes);
  if (label) return decodeAs(label, bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Nothing declared and not valid UTF-8: most likely an old Latin-1 (windows-1252) feed.
    return decodeAs('windows-1252', bytes);
  }
}

/** windows-1252's 0x80–0x9F (ISO-8859-1 and US-ASCII labels mean windows-1252 too). */
const WINDOWS_1252_C1 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

function decodeAs(label: string, bytes: Uint8Array): string {
  const decoder = new TextDecoder(label);
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  // Node 20 decodes windows-1252 as plain Latin-1 (https://github.com/nodejs/node/issues/60888);
  // browsers already give these characters, so this changes nothing there.
  return text.replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_C1.charAt(char.charCodeAt(0) - 0x80));
}

/** The label if TextDecoder knows it. */
function usable(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function sniffBom(bytes: Uint8Array): string | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM still starts with an ASCII character next to a zero byte. */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  const [a, b] = bytes;
  if (a !== undefined && a !== 0 && b === 0) return 'utf-16le';
  if (a === 0 && b !== undefined && b !== 0) return 'utf-16be';
  return undefined;
}

/** `<?xml … encoding="…"?>`, read as ASCII, which every encoding the declaration can name agrees on. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 512));
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']\s*([A-Za-z][\w.:-]*)\s*["']/.exec(head)?.[1];
  // A declaration readable as ASCII cannot be in UTF-16, whatever it says.
  return declared && !/^utf-?16/i.test(declared) ? declared : undefined;
}

// ─── XML → element tree ────────────────────────────────────────────────────────────────────────

/** Vocabularies by namespace; '' is the feed's own (RSS has none, RSS 1.0 has its own). */
type Vocabulary = '' | 'atom' | 'rdf' | 'dc' | 'content' | 'xhtml' | 'other';

const NAMESPACES: Record<string, Vocabulary> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/1999/xhtml': 'xhtml',
};

/** Prefixes that feeds use without declaring them. */
const USUAL_PREFIXES: Record<string, Vocabulary> = {
  atom: 'atom',
  rdf: 'rdf',
  dc: 'dc',
  content: 'content',
  xhtml: 'xhtml',
};

interface XmlElement {
  /** Lowercased, without prefix. */
  local: string;
  /** As written (lowercased), with prefix: for messages. */
  name: string;
  vocabulary: Vocabulary;
  /** Entity-decoded values; names as written. */
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
  parent: XmlElement | undefined;
  /** Index in the source where the start tag begins. */
  start: number;
  /** Still open when the document ended: the document is cut off inside it. */
  cut: boolean;
}

interface XmlTree {
  root: XmlElement;
  /** The innermost element open at the end, when the document is cut off. */
  cutInside?: XmlElement;
}

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed', 'channel']);

/** Deeper elements only keep their text: the tree is walked recursively, and no real feed nests this deep. */
const MAX_DEPTH = 256;

function fromXml(text: string, baseUrl: string | undefined): Feed {
  const { root, cutInside } = buildTree(withoutInternalSubset(text));
  const local = root.local;
  if (local === 'feed') return fromAtom(root, text, cutInside, baseUrl);
  return fromRss(root, local === 'rdf' ? 'rdf' : 'rss', text, cutInside, baseUrl);
}

/**
 * `<!DOCTYPE x [ … ]>` is replaced by blank lines (line numbers stay right): the parser would
 * otherwise end the declaration at the first '>' inside it, and its entities are never used.
 */
function withoutInternalSubset(text: string): string {
  const doctype = /<!DOCTYPE\b/i.exec(text);
  if (!doctype || /<[A-Za-z]/.test(text.slice(0, doctype.index))) return text;
  let depth = 0;
  let quote = '';
  for (let index = doctype.index + 9; index < text.length; index++) {
    const char = text.charAt(index);
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '<' && text.startsWith('<!--', index)) {
      // A comment may hold a lone quote ("it's"): skip it whole.
      const end = text.indexOf('-->', index + 4);
      if (end < 0) break;
      index = end + 2;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[') depth++;
    else if (char === ']') depth = Math.max(0, depth - 1);
    else if (char === '>' && depth === 0) return blank(text, doctype.index, index + 1);
  }
  return blank(text, doctype.index, text.length);
}

/** Text with [from, to) replaced by its line breaks only. */
function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, '') + text.slice(to);
}

function buildTree(text: string): XmlTree {
  let root: XmlElement | undefined;
  let current: XmlElement | undefined;
  let cutInside: XmlElement | undefined;
  let inCdata = false;
  let ending = false;
  let depth = 0;
  let flattened = 0;
  const scopes: Map<string, string>[] = [new Map()];
  let rootNamespace: string | undefined;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (depth >= MAX_DEPTH) {
          flattened++;
          return;
        }
        depth++;
        const parentScope = scopes.at(-1) ?? new Map<string, string>();
        let scope = parentScope;
        // The parser hands over a fresh object per tag: decode its values in place.
        const attrs = attribs;
        for (const key in attrs) {
          const decoded = decodeText(attrs[key] ?? '');
          attrs[key] = decoded;
          if (key.startsWith('xmlns') && (key.length === 5 || key.charAt(5) === ':')) {
            if (scope === parentScope) scope = new Map(parentScope);
            scope.set(key.slice(6).toLowerCase(), decoded.trim().toLowerCase());
          }
        }
        scopes.push(scope);
        const colon = name.indexOf(':');
        const prefix = colon > 0 ? name.slice(0, colon) : '';
        const uri = scope.get(prefix);
        if (!root) {
          checkRoot(name, colon > 0 ? name.slice(colon + 1) : name, text, parser.startIndex);
          rootNamespace = uri;
        }
        const element: XmlElement = {
          local: colon > 0 ? name.slice(colon + 1) : name,
          name,
          vocabulary: vocabularyOf(prefix, uri, rootNamespace),
          attrs,
          children: [],
          parent: current,
          start: parser.startIndex,
          cut: false,
        };
        if (current) current.children.push(element);
        else root ??= element;
        current = element;
      },
      onclosetag() {
        // Closes come innermost first, so the flattened elements close before any kept one.
        if (flattened > 0) {
          flattened--;
          return;
        }
        if (!current) return;
        depth--;
        if (ending) {
          current.cut = true;
          cutInside ??= current;
        }
        scopes.pop();
        current = current.parent;
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
      ontext(data) {
        if (!current) return;
        const value = inCdata ? data : decodeText(data);
        const { children } = current;
        const last = children.length - 1;
        const previous = children[last];
        // Text arrives in pieces (around CDATA sections, comments): keep one string per run.
        if (typeof previous === 'string') children[last] = previous + value;
        else children.push(value);
      },
    },
    { xmlMode: true, decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: false },
  );
  parser.write(text);
  ending = true;
  parser.end();

  if (!root) {
    if (/<[A-Za-z]/.test(text)) throw new FeedParseError(`XML is cut off at line ${lastLine(text)}`);
    throw new FeedParseError('not a feed: the XML has no root element');
  }
  return { root, cutInside };
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

function vocabularyOf(
  prefix: string,
  uri: string | undefined,
  rootNamespace: string | undefined,
): Vocabulary {
  if (uri === undefined) return prefix ? (USUAL_PREFIXES[prefix] ?? 'other') : '';
  const known = NAMESPACES[uri] ?? NAMESPACES[uri.replace(/\/$/, '')];
  if (known !== undefined) return known;
  // A feed whose own elements sit in a namespace we do not know is still that feed.
  return uri === rootNamespace ? '' : 'other';
}

/** XML and HTML named entities, numeric references; unknown ones (a DTD's) stay as written. */
function decodeText(raw: string): string {
  return raw.includes('&') ? decodeHTMLStrict(raw) : raw;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** The line of the document's last visible character. */
function lastLine(text: string): number {
  return lineAt(text, text.trimEnd().length - 1);
}

// ─── Element tree helpers ──────────────────────────────────────────────────────────────────────

const FEED_OWN: readonly Vocabulary[] = [''];
const ATOM_OWN: readonly Vocabulary[] = ['atom', ''];

function childrenNamed(
  element: XmlElement,
  local: string,
  vocabularies: readonly Vocabulary[],
): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child !== 'string' && child.local === local && vocabularies.includes(child.vocabulary)) {
      found.push(child);
    }
  }
  return found;
}

function childNamed(
  element: XmlElement | undefined,
  local: string,
  vocabularies: readonly Vocabulary[],
): XmlElement | undefined {
  if (!element) return undefined;
  for (const child of element.children) {
    if (typeof child !== 'string' && child.local === local && vocabularies.includes(child.vocabulary)) {
      return child;
    }
  }
  return undefined;
}

function attr(element: XmlElement, name: string): string | undefined {
  const exact = element.attrs[name];
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(element.attrs)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** All text inside, markup ignored. */
function textOf(element: XmlElement): string {
  let text = '';
  for (const child of element.children) text += typeof child === 'string' ? child : textOf(child);
  return text;
}

/** Trimmed text, or undefined when there is none. */
function trimmedText(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  return textOf(element).trim() || undefined;
}

/** Whitespace collapsed: titles are one line. */
function lineOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  return textOf(element).replace(/\s+/g, ' ').trim() || undefined;
}

/** Escaped HTML as text, or markup written straight into the feed, serialised back. */
function htmlOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const hasMarkup = element.children.some((child) => typeof child !== 'string');
  return (hasMarkup ? serializeChildren(element) : textOf(element)).trim() || undefined;
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Children as HTML: prefixes and namespace declarations dropped, text and attributes escaped. */
function serializeChildren(element: XmlElement): string {
  let html = '';
  for (const child of element.children) {
    if (typeof child === 'string') {
      html += child.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
      continue;
    }
    let tag = `<${child.local}`;
    for (const [key, value] of Object.entries(child.attrs)) {
      // Namespace declarations mean nothing in HTML; a name the forgiving tokenizer let through with
      // quotes or brackets in it would break the markup.
      if (key === 'xmlns' || key.startsWith('xmlns:') || !/^[^\s"'<>/=]+$/.test(key)) continue;
      tag += ` ${key}="${value.replace(/[&"<]/g, (char) => (char === '&' ? '&amp;' : char === '"' ? '&quot;' : '&lt;'))}"`;
    }
    html +=
      VOID_ELEMENTS.has(child.local) && child.children.length === 0
        ? `${tag}>`
        : `${tag}>${serializeChildren(child)}</${child.local}>`;
  }
  return html;
}

/** The element's base URL: `xml:base` of it and its ancestors, over the feed's URL. */
function baseOf(element: XmlElement, baseUrl: string | undefined): string | undefined {
  const chain: XmlElement[] = [];
  for (let at: XmlElement | undefined = element; at; at = at.parent) chain.push(at);
  let base = baseUrl;
  for (const at of chain.reverse()) {
    const xmlBase = attr(at, 'xml:base');
    if (xmlBase?.trim()) base = resolve(xmlBase, base) ?? base;
  }
  return base;
}

/** Absolute links stay as written; relative ones resolve against `base` when there is one. */
function resolve(reference: string | undefined, base: string | undefined): string | undefined {
  const ref = reference?.trim();
  if (!ref) return undefined;
  if (/^[a-z][a-z\d+.-]*:/i.test(ref) || !base) return ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

function linkIn(element: XmlElement | undefined, baseUrl: string | undefined): string | undefined {
  if (!element) return undefined;
  return resolve(textOf(element), baseOf(element, baseUrl));
}

/** Rels that name something other than the page itself. */
const NOT_THE_PAGE = new Set(['self', 'edit', 'edit-media', 'hub', 'replies', 'enclosure', 'license']);

/** Atom links: `rel="alternate"` (or no rel) first, then any other link to a page (not `self`). */
function atomLink(
  element: XmlElement,
  vocabularies: readonly Vocabulary[],
  baseUrl: string | undefined,
): string | undefined {
  const links = childrenNamed(element, 'link', vocabularies).filter((link) => attr(link, 'href')?.trim());
  const rel = (link: XmlElement) => (attr(link, 'rel') ?? 'alternate').trim().toLowerCase() || 'alternate';
  const chosen =
    links.find((link) => rel(link) === 'alternate') ?? links.find((link) => !NOT_THE_PAGE.has(rel(link)));
  return chosen ? resolve(attr(chosen, 'href'), baseOf(chosen, baseUrl)) : undefined;
}

function unique(values: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const clean = value?.replace(/\s+/g, ' ').trim();
    if (clean) seen.add(clean);
  }
  return [...seen];
}

/** Items past the cut are partial: keep the complete ones, and give up only when none is left. */
function completeItems(
  items: XmlElement[],
  container: XmlElement,
  text: string,
  cutInside: XmlElement | undefined,
): XmlElement[] {
  if (!cutInside) return items;
  const complete = items.filter((item) => !item.cut);
  if (complete.length > 0 || !container.cut) return complete;
  const inside =
    cutInside === container ? '' : `, inside <${cutInside.name}> from line ${lineAt(text, cutInside.start)}`;
  throw new FeedParseError(
    `XML is cut off at line ${lastLine(text)}${inside}, and no complete item comes before the cut`,
  );
}

function isUsable(item: FeedItem): boolean {
  return Boolean(item.title || item.link || item.summary || item.content || item.id);
}

// ─── RSS 0.9x/2.0 and RDF (RSS 1.0) ────────────────────────────────────────────────────────────

function fromRss(
  root: XmlElement,
  format: 'rss' | 'rdf',
  text: string,
  cutInside: XmlElement | undefined,
  baseUrl: string | undefined,
): Feed {
  const channel = root.local === 'channel' ? root : (childNamed(root, 'channel', FEED_OWN) ?? root);
  // RDF and RSS 0.90 put items beside the channel, RSS 2.0 inside it.
  const found = [
    ...(channel === root ? [] : childrenNamed(root, 'item', FEED_OWN)),
    ...childrenNamed(channel, 'item', FEED_OWN),
  ];
  const container = format === 'rdf' ? root : channel;
  const items = completeItems(found, container, text, cutInside)
    .map((item) => rssItem(item, baseUrl))
    .filter(isUsable);
  return {
    format,
    title: lineOf(childNamed(channel, 'title', FEED_OWN) ?? childNamed(channel, 'title', ['dc'])) ?? '',
    link: linkIn(childNamed(channel, 'link', FEED_OWN), baseUrl) ?? atomLink(channel, ['atom'], baseUrl),
    description:
      htmlOf(childNamed(channel, 'description', FEED_OWN)) ??
      htmlOf(childNamed(channel, 'description', ['dc'])),
    items,
  };
}

function rssItem(item: XmlElement, baseUrl: string | undefined): FeedItem {
  const guid = childNamed(item, 'guid', FEED_OWN);
  const id =
    trimmedText(guid) ||
    attr(item, 'rdf:about')?.trim() ||
    trimmedText(childNamed(item, 'identifier', ['dc']));
  // A guid is the item's address unless it says isPermaLink="false".
  const guidLink =
    guid && attr(guid, 'isPermaLink')?.trim().toLowerCase() !== 'false' && /^https?:\/\//i.test(id ?? '')
      ? id
      : undefined;
  return {
    id: id || undefined,
    title: lineOf(childNamed(item, 'title', FEED_OWN) ?? childNamed(item, 'title', ['dc'])),
    link:
      linkIn(childNamed(item, 'link', FEED_OWN), baseUrl) ?? atomLink(item, ['atom'], baseUrl) ?? guidLink,
    summary:
      htmlOf(childNamed(item, 'description', FEED_OWN)) ?? htmlOf(childNamed(item, 'description', ['dc'])),
    content: htmlOf(childNamed(item, 'encoded', ['content'])),
    published:
      trimmedText(childNamed(item, 'pubdate', FEED_OWN)) ?? trimmedText(childNamed(item, 'date', ['dc'])),
    updated: trimmedText(childNamed(item, 'updated', ['atom'])),
    categories: unique([
      ...childrenNamed(item, 'category', FEED_OWN).map(textOf),
      ...childrenNamed(item, 'subject', ['dc']).map(textOf),
    ]),
    author:
      trimmedText(childNamed(item, 'author', FEED_OWN)) ?? trimmedText(childNamed(item, 'creator', ['dc'])),
  };
}

// ─── Atom 1.0 (and 0.3) ────────────────────────────────────────────────────────────────────────

function fromAtom(
  feed: XmlElement,
  text: string,
  cutInside: XmlElement | undefined,
  baseUrl: string | undefined,
): Feed {
  const feedAuthor = atomAuthor(feed);
  const items = completeItems(childrenNamed(feed, 'entry', ATOM_OWN), feed, text, cutInside)
    .map((entry) => atomEntry(entry, feedAuthor, baseUrl))
    .filter(isUsable);
  return {
    format: 'atom',
    title: atomTitle(childNamed(feed, 'title', ATOM_OWN)) ?? '',
    link: atomLink(feed, ATOM_OWN, baseUrl),
    description: atomText(childNamed(feed, 'subtitle', ATOM_OWN) ?? childNamed(feed, 'tagline', ATOM_OWN)),
    items,
  };
}

function atomEntry(entry: XmlElement, feedAuthor: string | undefined, baseUrl: string | undefined): FeedItem {
  return {
    id: trimmedText(childNamed(entry, 'id', ATOM_OWN)),
    title: atomTitle(childNamed(entry, 'title', ATOM_OWN)),
    link: atomLink(entry, ATOM_OWN, baseUrl),
    summary: atomText(childNamed(entry, 'summary', ATOM_OWN)),
    content: atomText(childNamed(entry, 'content', ATOM_OWN)),
    published: trimmedText(childNamed(entry, 'published', ATOM_OWN) ?? childNamed(entry, 'issued', ATOM_OWN)),
    updated: trimmedText(childNamed(entry, 'updated', ATOM_OWN) ?? childNamed(entry, 'modified', ATOM_OWN)),
    categories: unique([
      ...childrenNamed(entry, 'category', ATOM_OWN).map(
        (category) => attr(category, 'term') ?? attr(category, 'label'),
      ),
      ...childrenNamed(entry, 'subject', ['dc']).map(textOf),
    ]),
    // An entry without its own author has the one of its source, then of the feed.
    author:
      atomAuthor(entry) ??
      atomAuthor(childNamed(entry, 'source', ATOM_OWN)) ??
      trimmedText(childNamed(entry, 'creator', ['dc'])) ??
      feedAuthor,
  };
}

function atomAuthor(element: XmlElement | undefined): string | undefined {
  return lineOf(childNamed(childNamed(element, 'author', ATOM_OWN), 'name', ATOM_OWN));
}

/** A text construct's kind: 'text', 'html' or 'xhtml' (Atom 0.3's `mode` and MIME types mapped). */
function atomKind(element: XmlElement): 'text' | 'html' | 'xhtml' | 'base64' | 'other' {
  const mode = attr(element, 'mode')?.trim().toLowerCase();
  if (mode === 'base64') return 'base64';
  if (mode === 'xml') return 'xhtml';
  if (mode === 'escaped') return 'html';
  const type = (attr(element, 'type') ?? 'text').trim().toLowerCase();
  if (type === 'text' || type === 'text/plain' || type === '') return 'text';
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  // Any other text or XML type is readable as it is; other media types are base64 (RFC 4287 §4.1.3.3).
  return type.startsWith('text/') || type.endsWith('xml') ? 'text' : 'other';
}

/** Summary or content: HTML stays HTML, XHTML becomes its inner markup, text stays text. */
function atomText(element: XmlElement | undefined): string | undefined {
  if (!element || attr(element, 'src')) return undefined;
  switch (atomKind(element)) {
    case 'xhtml': {
      // The XHTML is wrapped in one <div> that is not part of the content.
      const elements = element.children.filter((child) => typeof child !== 'string');
      const [only] = elements;
      const wrapper = elements.length === 1 && only && only.local === 'div' ? only : element;
      return serializeChildren(wrapper).trim() || undefined;
    }
    case 'base64':
      return fromBase64(textOf(element));
    case 'other':
      return undefined;
    default:
      return htmlOf(element);
  }
}

/** Titles are plain text, whatever type the feed gave them. */
function atomTitle(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const kind = atomKind(element);
  if (kind === 'text') return lineOf(element);
  return htmlToText(atomText(element) ?? '') || undefined;
}

function fromBase64(value: string): string | undefined {
  try {
    const binary = atob(value.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder().decode(bytes).trim() || undefined;
  } catch {
    return undefined;
  }
}

// ─── JSON Feed 1.0/1.1 ─────────────────────────────────────────────────────────────────────────

function fromJson(text: string, baseUrl: string | undefined): Feed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(jsonError(text, (error as Error).message));
  }
  if (!isRecord(doc)) throw new FeedParseError('not a feed: the JSON is not an object with an "items" list');
  if (!Array.isArray(doc.items)) throw new FeedParseError('not a feed: the JSON has no "items" list');
  const feedAuthor = jsonAuthor(doc);
  const items = doc.items
    .filter(isRecord)
    .map((item) => jsonItem(item, feedAuthor, baseUrl))
    .filter(isUsable);
  return {
    format: 'json',
    title: oneLine(doc.title) ?? '',
    link: resolve(string(doc.home_page_url), baseUrl),
    description: string(doc.description)?.trim() || undefined,
    items,
  };
}

function jsonItem(
  item: Record<string, unknown>,
  feedAuthor: string | undefined,
  baseUrl: string | undefined,
): FeedItem {
  const id =
    typeof item.id === 'number' && Number.isFinite(item.id) ? String(item.id) : string(item.id)?.trim();
  const tags = Array.isArray(item.tags) ? item.tags : [];
  return {
    id: id || undefined,
    title: oneLine(item.title),
    link: resolve(string(item.url), baseUrl) ?? resolve(string(item.external_url), baseUrl),
    summary: string(item.summary)?.trim() || undefined,
    content: string(item.content_html)?.trim() || string(item.content_text)?.trim() || undefined,
    published: string(item.date_published)?.trim() || undefined,
    updated: string(item.date_modified)?.trim() || undefined,
    categories: unique(tags.map(string)),
    author: jsonAuthor(item) ?? feedAuthor,
  };
}

/** JSON Feed 1.1 `authors[0].name`, 1.0 `author.name`. */
function jsonAuthor(value: Record<string, unknown>): string | undefined {
  const first = Array.isArray(value.authors) ? value.authors[0] : undefined;
  const author = isRecord(first) ? first : isRecord(value.author) ? value.author : undefined;
  return oneLine(author?.name);
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function oneLine(value: unknown): string | undefined {
  return string(value)?.replace(/\s+/g, ' ').trim() || undefined;
}

/** JSON.parse's message, with a line number, and "cut off" when the text simply ends. */
function jsonError(text: string, message: string): string {
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? Number.NaN);
  const end = text.trimEnd().length;
  if (/end of (JSON )?input|Unterminated/i.test(message) || position >= end) {
    return `JSON is cut off at line ${lastLine(text)}`;
  }
  const where = Number.isNaN(position) ? '' : ` at line ${lineAt(text, position)}`;
  // V8 quotes the text around the error, line breaks included: keep the message on one line.
  return `not valid JSON${where}: ${message.replace(/\s+/g, ' ')}`;
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
