/** The XML feed formats' elements: namespaces as vocabularies, and what RSS, RDF and Atom read alike. */
import { attr, baseOf, childrenNamed, lastLine, lineAt, resolve, type XmlElement } from '../lib/xml';
import { type FeedItem, FeedParseError } from './types';

/** Vocabularies by namespace; '' is the feed's own (RSS has none, RSS 1.0 has its own). */
export type Vocabulary = '' | 'atom' | 'rdf' | 'dc' | 'content' | 'xhtml' | 'itunes' | 'media' | 'other';

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
  // Podcasts (Apple's namespace URI is spelled in two cases in the wild; URIs are lowercased here).
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  // Media RSS (video and podcast feeds): media:title, media:description, often in a media:group.
  'http://search.yahoo.com/mrss/': 'media',
};

/** Prefixes that feeds use without declaring them. */
const USUAL_PREFIXES: Record<string, Vocabulary> = {
  atom: 'atom',
  rdf: 'rdf',
  dc: 'dc',
  content: 'content',
  xhtml: 'xhtml',
  itunes: 'itunes',
  media: 'media',
};

export type FeedElement = XmlElement<Vocabulary>;

export const FEED_OWN: readonly Vocabulary[] = [''];
export const ATOM_OWN: readonly Vocabulary[] = ['atom', ''];

export function vocabularyOf(
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

/** Rels that name something other than the page itself. */
const NOT_THE_PAGE = new Set(['self', 'edit', 'edit-media', 'hub', 'replies', 'enclosure', 'license']);

/** Atom links: `rel="alternate"` (or no rel) first, then any other link to a page (not `self`). */
export function atomLink(
  element: FeedElement,
  vocabularies: readonly Vocabulary[],
  baseUrl: string | undefined,
): string | undefined {
  const links = childrenNamed(element, 'link', vocabularies).filter((link) => attr(link, 'href')?.trim());
  const rel = (link: FeedElement) => (attr(link, 'rel') ?? 'alternate').trim().toLowerCase() || 'alternate';
  const chosen =
    links.find((link) => rel(link) === 'alternate') ?? links.find((link) => !NOT_THE_PAGE.has(rel(link)));
  return chosen ? resolve(attr(chosen, 'href'), baseOf(chosen, baseUrl)) : undefined;
}

export function unique(values: (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const clean = value?.replace(/\s+/g, ' ').trim();
    if (clean) seen.add(clean);
  }
  return [...seen];
}

/** Items past the cut are partial: keep the complete ones, and give up only when none is left. */
export function completeItems(
  items: FeedElement[],
  container: FeedElement,
  text: string,
  cutInside: FeedElement | undefined,
): FeedElement[] {
  if (!cutInside) return items;
  const complete = items.filter((item) => !item.cut);
  if (complete.length > 0 || !container.cut) return complete;
  const inside =
    cutInside === container ? '' : `, inside <${cutInside.name}> from line ${lineAt(text, cutInside.start)}`;
  throw new FeedParseError(
    `XML is cut off at line ${lastLine(text)}${inside}, and no complete item comes before the cut`,
  );
}

/** Plain text as HTML that reads back as the same text (`a < b` stays `a < b`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

export function isUsable(item: FeedItem): boolean {
  return Boolean(item.title || item.link || item.summary || item.content || item.id);
}
