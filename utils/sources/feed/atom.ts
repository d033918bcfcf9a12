/** Atom 1.0 (and 0.3): text constructs (text, html, xhtml, base64), authors inherited from source and feed. */
import { decodeBody } from '../lib/charset';
import { htmlToText } from '../lib/html-to-text';
import {
  attr,
  childNamed,
  childrenNamed,
  htmlOf,
  lineOf,
  serializeChildren,
  textOf,
  trimmedText,
} from '../lib/xml';
import {
  ATOM_OWN,
  atomLink,
  completeItems,
  escapeHtml,
  type FeedElement,
  isUsable,
  unique,
} from './elements';
import { FEED_LIMITS, type Feed, type FeedItem } from './types';

export function fromAtom(
  feed: FeedElement,
  text: string,
  cutInside: FeedElement | undefined,
  baseUrl: string | undefined,
): Feed {
  const feedAuthor = atomAuthor(feed);
  const complete = completeItems(childrenNamed(feed, 'entry', ATOM_OWN), feed, text, cutInside);
  const items = complete
    .slice(0, FEED_LIMITS.items)
    .map((entry) => atomEntry(entry, feedAuthor, baseUrl))
    .filter(isUsable);
  return {
    format: 'atom',
    title: atomTitle(childNamed(feed, 'title', ATOM_OWN)) ?? '',
    link: atomLink(feed, ATOM_OWN, baseUrl),
    description: atomText(childNamed(feed, 'subtitle', ATOM_OWN) ?? childNamed(feed, 'tagline', ATOM_OWN)),
    items,
    ...(complete.length > FEED_LIMITS.items ? { truncated: true } : {}),
  };
}

function atomEntry(
  entry: FeedElement,
  feedAuthor: string | undefined,
  baseUrl: string | undefined,
): FeedItem {
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

function atomAuthor(element: FeedElement | undefined): string | undefined {
  return lineOf(childNamed(childNamed(element, 'author', ATOM_OWN), 'name', ATOM_OWN));
}

/** A text construct's kind: 'text', 'html' or 'xhtml' (Atom 0.3's `mode` and MIME types mapped). */
function atomKind(element: FeedElement): 'text' | 'html' | 'xhtml' | 'base64' | 'other' {
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
function atomText(element: FeedElement | undefined): string | undefined {
  if (!element || attr(element, 'src')) return undefined;
  switch (atomKind(element)) {
    case 'xhtml': {
      // The XHTML is wrapped in one <div> that is not part of the content.
      const elements = element.children.filter((child) => typeof child !== 'string');
      const [only] = elements;
      const wrapper = elements.length === 1 && only && only.local === 'div' ? only : element;
      return serializeChildren(wrapper).trim() || undefined;
    }
    case 'base64': {
      // Atom 0.3: `type` is the media type of what was encoded.
      const type = (attr(element, 'type') ?? 'text/html').trim().toLowerCase();
      const decoded = fromBase64(textOf(element));
      if (type === 'text' || type === 'text/plain') return decoded && escapeHtml(decoded);
      const readable = type === 'html' || type.startsWith('text/') || type.endsWith('xml');
      return readable ? decoded : undefined;
    }
    case 'other':
      return undefined;
    default:
      return htmlOf(element);
  }
}

/** Titles are plain text, whatever type the feed gave them. */
function atomTitle(element: FeedElement | undefined): string | undefined {
  if (!element) return undefined;
  const kind = atomKind(element);
  if (kind === 'text') return lineOf(element);
  return htmlToText(atomText(element) ?? '') || undefined;
}

function fromBase64(value: string): string | undefined {
  try {
    const binary = atob(value.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return decodeBody(bytes).trim() || undefined;
  } catch {
    return undefined;
  }
}
