/** The one shape every feed format is read into, and the error that says why a document is none. */

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
  /**
   * The document was larger than Signpost reads ({@link FEED_LIMITS}, or the XML reader's element
   * limit): `items` holds what came before the cut.
   */
  truncated?: boolean;
}

/** Items kept from one feed document; the sync engine keeps at most 20,000 items per source anyway. */
export const FEED_LIMITS = { items: 20_000 } as const;

export interface ParseFeedOptions {
  /** The response's Content-Type header: its charset decides how bytes are read. */
  contentType?: string;
  /** The feed's own URL: relative links resolve against it. */
  baseUrl?: string;
}
