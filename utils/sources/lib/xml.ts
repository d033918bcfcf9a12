/**
 * A small XML element tree for documents read in the service worker, which has no DOMParser:
 * htmlparser2's tokenizer in XML mode (fast, and forgiving where real documents are broken), with
 * namespaces resolved by the caller, entities decoded here, a DTD's own entities never expanded
 * ("billion laughs": the internal subset is blanked out before parsing), and a document that is
 * cut off marked where it ends. Helpers read text, markup, attributes and `xml:base` links.
 */
import { decodeHTMLStrict } from 'entities/decode';
import { Parser } from 'htmlparser2';

export interface XmlElement<V = string> {
  /** Lowercased, without prefix. */
  local: string;
  /** As written (lowercased), with prefix: for messages. */
  name: string;
  /** What the reader makes of the element's namespace (see {@link TreeOptions.vocabulary}). */
  vocabulary: V;
  /** Entity-decoded values; names as written. */
  attrs: Record<string, string>;
  children: (XmlElement<V> | string)[];
  parent: XmlElement<V> | undefined;
  /** Index in the source where the start tag begins. */
  start: number;
  /** Still open when the document ended: the document is cut off inside it. */
  cut: boolean;
}

export interface XmlTree<V = string> {
  /** Undefined when the text has no element at all. */
  root: XmlElement<V> | undefined;
  /** The innermost element open at the end, when the document is cut off. */
  cutInside?: XmlElement<V>;
  /**
   * Reading stopped at {@link XML_LIMITS}: the tree holds the document up to there, with the
   * elements open at that point closed as they were.
   */
  truncated?: boolean;
}

/**
 * What one document may make the reader build. A 20 MB body of empty elements (`<x/>` × 5 million)
 * made 5 million element objects and peaked at 1.2 GB (tests/bench/feed-memory.mjs); real feeds
 * have a few to ten elements per item, so 200,000 elements and attributes hold 20,000 items.
 */
export const XML_LIMITS = { nodes: 200_000 } as const;

/** About how much text is handed to the tokenizer at a time: the limit is checked between chunks. */
const CHUNK = 64 * 1024;

export interface TreeOptions<V> {
  /**
   * An element's vocabulary from its prefix, the namespace URI in scope for it (undefined when none
   * is declared) and the root element's namespace.
   */
  vocabulary: (prefix: string, uri: string | undefined, rootNamespace: string | undefined) => V;
  /** Called with the root element's name before anything else is read; may throw to stop. */
  onRoot?: (name: string, local: string, index: number) => void;
  /** Elements plus attributes read before stopping; default {@link XML_LIMITS}.nodes. */
  maxNodes?: number;
}

/** Deeper elements only keep their text: the tree is walked recursively, and no real document nests this deep. */
const MAX_DEPTH = 256;

/**
 * `<!DOCTYPE x [ … ]>` is replaced by blank lines (line numbers stay right): the parser would
 * otherwise end the declaration at the first '>' inside it, and its entities are never used.
 */
export function withoutInternalSubset(text: string): string {
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
export function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, '') + text.slice(to);
}

/**
 * The element tree of an XML document, read by htmlparser2 in XML mode (forgiving where real
 * documents are broken) without its entity decoding: text and attribute values are decoded here
 * (XML's five, numeric references and HTML's named ones; unknown ones stay as written).
 */
export function buildTree<V>(text: string, options: TreeOptions<V>): XmlTree<V> {
  let root: XmlElement<V> | undefined;
  let current: XmlElement<V> | undefined;
  let cutInside: XmlElement<V> | undefined;
  let inCdata = false;
  let ending = false;
  let depth = 0;
  let flattened = 0;
  const scopes: Map<string, string>[] = [new Map()];
  let rootNamespace: string | undefined;
  const maxNodes = options.maxNodes ?? XML_LIMITS.nodes;
  let nodes = 0;
  let stopped = false;

  const parser = new Parser(
    {
      onattribute() {
        nodes++;
      },
      onopentag(name, attribs) {
        if (stopped) return;
        if (++nodes > maxNodes) {
          // The rest of the current chunk is tokenized, but nothing more is kept.
          stopped = true;
          return;
        }
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
          options.onRoot?.(name, colon > 0 ? name.slice(colon + 1) : name, parser.startIndex);
          rootNamespace = uri;
        }
        const element: XmlElement<V> = {
          local: colon > 0 ? name.slice(colon + 1) : name,
          name,
          vocabulary: options.vocabulary(prefix, uri, rootNamespace),
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
        if (stopped) return;
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
        if (!current || stopped) return;
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
  // Chunks end just after a '>', so that no text run (decoded per piece) is split across two.
  for (let at = 0; at < text.length && !stopped; ) {
    let end = text.lastIndexOf('>', at + CHUNK - 1) + 1;
    if (end <= at) {
      const next = text.indexOf('>', at + CHUNK);
      end = next < 0 ? text.length : next + 1;
    }
    parser.write(text.slice(at, end));
    at = end;
  }
  if (stopped) return { root, truncated: true };
  ending = true;
  parser.end();

  return { root, cutInside };
}

/** XML and HTML named entities, numeric references; unknown ones (a DTD's) stay as written. */
export function decodeText(raw: string): string {
  return raw.includes('&') ? decodeHTMLStrict(raw) : raw;
}

export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** The line of the document's last visible character. */
export function lastLine(text: string): number {
  return lineAt(text, text.trimEnd().length - 1);
}

// ─── Reading the tree ─────────────────────────────────────────────────────────────────────────

export function childrenNamed<V>(
  element: XmlElement<V>,
  local: string,
  vocabularies: readonly V[],
): XmlElement<V>[] {
  const found: XmlElement<V>[] = [];
  for (const child of element.children) {
    if (typeof child !== 'string' && child.local === local && vocabularies.includes(child.vocabulary)) {
      found.push(child);
    }
  }
  return found;
}

export function childNamed<V>(
  element: XmlElement<V> | undefined,
  local: string,
  vocabularies: readonly V[],
): XmlElement<V> | undefined {
  if (!element) return undefined;
  for (const child of element.children) {
    if (typeof child !== 'string' && child.local === local && vocabularies.includes(child.vocabulary)) {
      return child;
    }
  }
  return undefined;
}

export function attr<V>(element: XmlElement<V>, name: string): string | undefined {
  const exact = element.attrs[name];
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(element.attrs)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** All text inside, markup ignored. */
export function textOf<V>(element: XmlElement<V>): string {
  let text = '';
  for (const child of element.children) text += typeof child === 'string' ? child : textOf(child);
  return text;
}

/** Trimmed text, or undefined when there is none. */
export function trimmedText<V>(element: XmlElement<V> | undefined): string | undefined {
  if (!element) return undefined;
  return textOf(element).trim() || undefined;
}

/** Whitespace collapsed: titles are one line. */
export function lineOf<V>(element: XmlElement<V> | undefined): string | undefined {
  if (!element) return undefined;
  return textOf(element).replace(/\s+/g, ' ').trim() || undefined;
}

/** Escaped HTML as text, or markup written straight into the feed, serialised back. */
export function htmlOf<V>(element: XmlElement<V> | undefined): string | undefined {
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
export function serializeChildren<V>(element: XmlElement<V>): string {
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
export function baseOf<V>(element: XmlElement<V>, baseUrl: string | undefined): string | undefined {
  const chain: XmlElement<V>[] = [];
  for (let at: XmlElement<V> | undefined = element; at; at = at.parent) chain.push(at);
  let base = baseUrl;
  for (const at of chain.reverse()) {
    const xmlBase = attr(at, 'xml:base');
    if (xmlBase?.trim()) base = resolve(xmlBase, base) ?? base;
  }
  return base;
}

/** Absolute links stay as written; relative ones resolve against `base` when there is one. */
export function resolve(reference: string | undefined, base: string | undefined): string | undefined {
  const ref = reference?.trim();
  if (!ref) return undefined;
  if (/^[a-z][a-z\d+.-]*:/i.test(ref) || !base) return ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

export function linkIn<V>(
  element: XmlElement<V> | undefined,
  baseUrl: string | undefined,
): string | undefined {
  if (!element) return undefined;
  return resolve(textOf(element), baseOf(element, baseUrl));
}
