/** What an HTML page says about the site it is on: generator, feed links, a sign-in form, Confluence Server. */
import { Parser } from 'htmlparser2';
import { endpoints } from '../mediawiki';
import { type Detection, LOOK_AT, PASTE } from './common';
import { discourseRoot, dokuWikiRoot, fromPath } from './url';

// ─── HTML pages ────────────────────────────────────────────────────────────────────────────────

interface PageLink {
  rel: string[];
  type: string;
  href: string;
}

export interface Page {
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

export function readPage(text: string): Page {
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

export function fromPage(
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
