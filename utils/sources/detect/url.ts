/** What an address says by its host and path alone, and the roots the adapters want from it. */
import type { SourceType } from '../../model';
import { endpoints } from '../mediawiki';
import { type DetectEvidence, type Detection, PASTE } from './common';

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
export function webAddress(input: string): string {
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
export function hostedProduct(url: URL): Detection | null {
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
export function fromPath(address: string): Detection | null {
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
export function dokuWikiRoot(address: string): string {
  const url = new URL(address);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/(doku|feed)\.php(\/.*)?$/i, '').replace(/\/+$/, '');
  return url.href.replace(/\/+$/, '');
}

/** Discourse's pages sit below the forum root (which may be a subfolder): `/t/…`, `/c/…`, `/latest.json`. */
const DISCOURSE_PAGE =
  /\/(t|c|tag|tags|u|g|latest|top|new|unread|categories|search|about|faq|guidelines|badges|login|posts)(\/|\.json|\.rss|$).*$/i;

export function discourseRoot(address: string): string {
  const url = new URL(address);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(DISCOURSE_PAGE, '').replace(/\/+$/, '');
  return url.href.replace(/\/+$/, '');
}
