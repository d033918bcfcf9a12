/** RSS 0.9x/2.0 and RDF (RSS 1.0): items beside or inside the channel, Dublin Core and Atom links read too. */
import {
  attr,
  childNamed,
  childrenNamed,
  htmlOf,
  lineOf,
  linkIn,
  serializeChildren,
  textOf,
  trimmedText,
} from '../lib/xml';
import {
  atomLink,
  completeItems,
  escapeHtml,
  FEED_OWN,
  type FeedElement,
  isUsable,
  unique,
  type Vocabulary,
} from './elements';
import { FEED_LIMITS, type Feed, type FeedItem } from './types';

export function fromRss(
  root: FeedElement,
  format: 'rss' | 'rdf',
  text: string,
  cutInside: FeedElement | undefined,
  baseUrl: string | undefined,
): Feed {
  const channel = root.local === 'channel' ? root : (childNamed(root, 'channel', FEED_OWN) ?? root);
  // RDF and RSS 0.90 put items beside the channel, RSS 2.0 inside it.
  const found = [
    ...(channel === root ? [] : childrenNamed(root, 'item', FEED_OWN)),
    ...childrenNamed(channel, 'item', FEED_OWN),
  ];
  const container = format === 'rdf' ? root : channel;
  const complete = completeItems(found, container, text, cutInside);
  // Only what is kept is mapped: a hostile feed's 200,000 empty items make no 200,000 objects more.
  const items = complete
    .slice(0, FEED_LIMITS.items)
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
    ...(complete.length > FEED_LIMITS.items ? { truncated: true } : {}),
  };
}

function rssItem(item: FeedElement, baseUrl: string | undefined): FeedItem {
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
  // Media RSS puts its title and description on the item, or in a media:group or media:content.
  const media = [item, childNamed(item, 'group', MEDIA), childNamed(item, 'content', MEDIA)];
  const mediaChild = (local: string) =>
    media.map((parent) => childNamed(parent, local, MEDIA)).find((found) => found !== undefined);
  return {
    id: id || undefined,
    title:
      lineOf(childNamed(item, 'title', FEED_OWN) ?? childNamed(item, 'title', ['dc'])) ??
      lineOf(mediaChild('title')),
    link:
      linkIn(childNamed(item, 'link', FEED_OWN), baseUrl) ?? atomLink(item, ['atom'], baseUrl) ?? guidLink,
    summary:
      htmlOf(childNamed(item, 'description', FEED_OWN)) ??
      htmlOf(childNamed(item, 'description', ['dc'])) ??
      // Podcasts: the episode's summary (HTML in CDATA as often as text), else its one-line subtitle.
      htmlOf(childNamed(item, 'summary', ['itunes'])) ??
      htmlOf(childNamed(item, 'subtitle', ['itunes'])) ??
      mediaText(mediaChild('description')),
    content:
      htmlOf(childNamed(item, 'encoded', ['content'])) ?? xhtmlBody(childNamed(item, 'body', ['xhtml'])),
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

const MEDIA: readonly Vocabulary[] = ['media'];

/** Media RSS text: `type="html"` is HTML; plain (the default) is text, escaped so it stays text. */
function mediaText(element: FeedElement | undefined): string | undefined {
  if (!element) return undefined;
  if (attr(element, 'type')?.trim().toLowerCase() === 'html') return htmlOf(element);
  const text = trimmedText(element);
  return text ? escapeHtml(text) : undefined;
}

/** A full item written as inline XHTML (`<xhtml:body>` or `<body xmlns="…xhtml">`), as HTML. */
function xhtmlBody(element: FeedElement | undefined): string | undefined {
  return element ? serializeChildren(element).trim() || undefined : undefined;
}
