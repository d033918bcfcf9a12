import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Detection, detectSource, guessFromUrl } from '@/utils/sources/detect';
import { HttpError } from '@/utils/sources/types';
import { fixtureFetch, type Route } from './fixture-fetch';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const file = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

const HTML = 'text/html; charset=utf-8';

/** A route answering `body` as `type`. */
const answer =
  (body: string, type: string): Route =>
  () =>
    new Response(body, { headers: { 'content-type': type } });

/** Detects `url` served `body`; the fetch also fails like the engine's for any other URL. */
async function detect(url: string, body: string, type = HTML): Promise<Detection> {
  const { fetch } = fixtureFetch('', { [url]: answer(body, type) });
  return detectSource(url, fetch);
}

async function failure(url: string, body: string, type = HTML): Promise<string> {
  try {
    await detect(url, body, type);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${url} was detected`);
}

// ─── Bodies shaped like what the products serve ───────────────────────────────────────────────

const MEDIAWIKI_PAGE = `<!DOCTYPE html>
<html class="client-nojs vector-feature-language-in-header-enabled" lang="en" dir="ltr">
<head>
<meta charset="UTF-8">
<title>Main Page - Acme Wiki</title>
<script>(RLQ=window.RLQ||[]).push(function(){mw.config.set({"wgScriptPath":"/w"});});</script>
<link rel="stylesheet" href="/w/load.php?lang=en&amp;modules=site.styles&amp;only=styles&amp;skin=vector-2022">
<script async="" src="/w/load.php?lang=en&amp;modules=startup&amp;only=scripts&amp;raw=1&amp;skin=vector-2022"></script>
<meta name="ResourceLoaderDynamicStyles" content="">
<meta name="generator" content="MediaWiki 1.39.10">
<meta name="referrer" content="origin">
<meta name="format-detection" content="telephone=no">
<link rel="alternate" type="application/x-wiki" title="Edit" href="/w/index.php?title=Main_Page&amp;action=edit">
<link rel="icon" href="/favicon.ico">
<link rel="search" type="application/opensearchdescription+xml" href="/w/opensearch_desc.php" title="Acme Wiki (en)">
<link rel="EditURI" type="application/rsd+xml" href="//wiki.example.com/w/api.php?action=rsd">
<link rel="alternate" type="application/atom+xml" title="Acme Wiki Atom feed" href="/w/index.php?title=Special:RecentChanges&amp;feed=atom">
</head>
<body class="skin-vector mediawiki ltr sitedir-ltr mw-hide-empty-elt ns-0 ns-subject page-Main_Page rootpage-Main_Page action-view">
<h1 id="firstHeading" class="firstHeading mw-first-heading"><span class="mw-page-title-main">Main Page</span></h1>
</body>
</html>`;

const DOKUWIKI_PAGE = `<!DOCTYPE html>
<html lang="en" dir="ltr" class="no-js">
<head>
    <meta charset="utf-8" />
    <title>start [Acme Wiki]</title>
    <script>(function(H){H.className=H.className.replace(/\\bno-js\\b/,'js')})(document.documentElement)</script>
    <meta name="generator" content="DokuWiki"/>
<meta name="theme-color" content="#008800"/>
<meta name="robots" content="index,follow"/>
<link rel="search" type="application/opensearchdescription+xml" href="/dokuwiki/lib/exe/opensearch.php" title="Acme Wiki"/>
<link rel="start" href="/dokuwiki/"/>
<link rel="contents" href="/dokuwiki/doku.php?id=start&amp;do=index" title="Sitemap"/>
<link rel="manifest" href="/dokuwiki/lib/exe/manifest.php"/>
<link rel="alternate" type="application/rss+xml" title="Recent Changes" href="/dokuwiki/feed.php"/>
<link rel="alternate" type="application/rss+xml" title="Current namespace" href="/dokuwiki/feed.php?mode=list&amp;ns="/>
<link rel="alternate" type="text/html" title="Plain HTML" href="/dokuwiki/doku.php?do=export_xhtml&amp;id=start"/>
<link rel="alternate" type="text/plain" title="Wiki Markup" href="/dokuwiki/doku.php?do=export_raw&amp;id=start"/>
<link rel="canonical" href="https://intranet.example/dokuwiki/doku.php?id=start"/>
<link rel="shortcut icon" href="/dokuwiki/lib/tpl/dokuwiki/images/favicon.ico" />
</head>
<body>
    <div id="dokuwiki__site"><div id="dokuwiki__top" class="site dokuwiki mode_show tpl_dokuwiki">
        <div class="page group"><h1 class="sectionedit1" id="welcome">Welcome</h1></div>
    </div></div>
</body>
</html>`;

const DOKUWIKI_RSS1 = `<?xml version="1.0" encoding="utf-8"?>
<!-- generator="FeedCreator 1.8" -->
<?xml-stylesheet href="https://intranet.example/dokuwiki/lib/exe/css.php?s=feed" type="text/css"?>
<rdf:RDF
    xmlns="http://purl.org/rss/1.0/"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
    xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="https://intranet.example/dokuwiki/feed.php">
        <title>Acme Wiki</title>
        <description></description>
        <link>https://intranet.example/dokuwiki/</link>
        <dc:date>2025-06-04T09:30:00+00:00</dc:date>
        <items>
            <rdf:Seq>
                <rdf:li rdf:resource="https://intranet.example/dokuwiki/doku.php?id=kb:vpn&amp;rev=1717493400&amp;do=diff"/>
            </rdf:Seq>
        </items>
    </channel>
    <item rdf:about="https://intranet.example/dokuwiki/doku.php?id=kb:vpn&amp;rev=1717493400&amp;do=diff">
        <dc:format>text/html</dc:format>
        <dc:date>2025-06-04T09:30:00+00:00</dc:date>
        <title>kb:vpn - new client</title>
        <link>https://intranet.example/dokuwiki/doku.php?id=kb:vpn&amp;rev=1717493400&amp;do=diff</link>
        <description>Connect with the new client.</description>
    </item>
</rdf:RDF>`;

const DISCOURSE_TOPIC = `<!DOCTYPE html>
<html lang="en" class="desktop-view not-mobile-device text-size-normal anon">
  <head>
    <meta charset="utf-8">
    <title>VPN drops every hour - IT Help - Acme Community</title>
    <meta name="description" content="Since Monday the VPN disconnects every hour.">
    <meta name="generator" content="Discourse 3.2.0 - https://github.com/discourse/discourse version 1ae5ce5b1bc67d0f1d0ac8c8df6f3e9c5b0d8f71">
    <link rel="icon" type="image/png" href="https://community.example.com/uploads/default/optimized/1X/favicon_32x32.png">
    <meta name="theme-color" media="all" content="#ffffff">
    <link rel="canonical" href="https://community.example.com/t/vpn-drops-every-hour/123" />
    <link rel="search" type="application/opensearchdescription+xml" href="https://community.example.com/opensearch.xml" title="Acme Community Search">
    <link rel="alternate nofollow" type="application/rss+xml" title="RSS feed of &#39;VPN drops every hour&#39;" href="https://community.example.com/t/vpn-drops-every-hour/123.rss" />
    <meta property="og:site_name" content="Acme Community" />
  </head>
  <body class="crawler ">
    <div id="main-outlet" class="wrap" role="main"><h1>VPN drops every hour</h1></div>
  </body>
</html>`;

const CONFLUENCE_SERVER = `<!DOCTYPE html>
<html>
<head>
    <title>Dashboard - Acme Confluence</title>
    <meta http-equiv="X-UA-Compatible" content="IE=EDGE,chrome=IE7">
    <meta charset="UTF-8">
    <meta id="confluence-context-path" name="confluence-context-path" content="">
    <meta id="confluence-base-url" name="confluence-base-url" content="https://confluence.acme.example">
    <meta id="atlassian-token" name="atlassian-token" content="2b1d9f0a1c3e">
    <meta name="ajs-version-number" content="7.19.16">
    <meta name="ajs-build-number" content="8804">
    <meta name="ajs-remote-user" content="">
    <link rel="shortcut icon" href="/s/-gdu4bw/8804/1b5f3a/9/_/favicon.ico">
    <link rel="search" type="application/opensearchdescription+xml" href="/opensearch/osd.action" title="Acme Confluence"/>
</head>
<body id="com-atlassian-confluence" class="theme-default aui-layout aui-theme-default">
  <div id="page"><form name="loginform" method="POST" action="/dologin.action">
    <input type="text" name="os_username" id="os_username"><input type="password" name="os_password" id="os_password">
  </form></div>
</body>
</html>`;

const WORDPRESS_PAGE = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name='robots' content='max-image-preview:large' />
<title>Example Blog &#8211; News from the IT team</title>
<link rel='dns-prefetch' href='//s.w.org' />
<link rel="alternate" type="application/rss+xml" title="Example Blog &raquo; Feed" href="https://example.com/feed/" />
<link rel="alternate" type="application/rss+xml" title="Example Blog &raquo; Comments Feed" href="https://example.com/comments/feed/" />
<link rel="https://api.w.org/" href="https://example.com/wp-json/" />
<link rel="alternate" title="JSON" type="application/json" href="https://example.com/wp-json/wp/v2/pages/2" />
<link rel="EditURI" type="application/rsd+xml" title="RSD" href="https://example.com/xmlrpc.php?rsd" />
<meta name="generator" content="WordPress 6.4.3" />
<link rel="canonical" href="https://example.com/" />
<link rel="alternate" type="application/json+oembed" href="https://example.com/wp-json/oembed/1.0/embed?url=https%3A%2F%2Fexample.com%2F" />
</head>
<body class="home page-template-default page page-id-2 wp-embed-responsive">
<p>Welcome to the IT team's news.</p>
</body>
</html>`;

const WORDPRESS_RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>Example Blog</title>
	<atom:link href="https://example.com/feed/" rel="self" type="application/rss+xml" />
	<link>https://example.com</link>
	<description>News from the IT team</description>
	<lastBuildDate>Mon, 03 Jun 2024 08:00:00 +0000</lastBuildDate>
	<language>en-US</language>
	<generator>https://wordpress.org/?v=6.4.3</generator>
	<item>
		<title>New VPN client</title>
		<link>https://example.com/2024/06/new-vpn-client/</link>
		<dc:creator><![CDATA[it-team]]></dc:creator>
		<pubDate>Mon, 03 Jun 2024 08:00:00 +0000</pubDate>
		<category><![CDATA[Network]]></category>
		<guid isPermaLink="false">https://example.com/?p=42</guid>
		<description><![CDATA[Install the new client before Friday.]]></description>
	</item>
</channel>
</rss>`;

const GITHUB_ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US">
  <id>tag:github.com,2008:https://github.com/acme/agent/releases</id>
  <link type="text/html" rel="alternate" href="https://github.com/acme/agent/releases"/>
  <link type="application/atom+xml" rel="self" href="https://github.com/acme/agent/releases.atom"/>
  <title>Release notes from agent</title>
  <updated>2024-05-01T10:00:00Z</updated>
  <entry>
    <id>tag:github.com,2008:Repository/1234/v2.0.0</id>
    <updated>2024-05-01T10:00:00Z</updated>
    <link rel="alternate" type="text/html" href="https://github.com/acme/agent/releases/tag/v2.0.0"/>
    <title>v2.0.0</title>
    <content type="html">&lt;p&gt;Faster sync.&lt;/p&gt;</content>
    <author><name>octocat</name></author>
    <media:thumbnail height="30" width="30" url="https://avatars.githubusercontent.com/u/1?s=60&amp;v=4"/>
  </entry>
</feed>`;

const SITEINFO = JSON.stringify({
  batchcomplete: true,
  query: {
    general: {
      mainpage: 'Main Page',
      base: 'https://wiki.example.com/wiki/Main_Page',
      sitename: 'Acme Wiki',
      generator: 'MediaWiki 1.39.10',
      phpversion: '8.2.26',
      server: '//wiki.example.com',
      servername: 'wiki.example.com',
      articlepath: '/wiki/$1',
      scriptpath: '/w',
      script: '/w/index.php',
      lang: 'en',
    },
  },
});

const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign In - Acme SSO</title>
<meta name="robots" content="noindex,nofollow"></head>
<body><main><h1>Sign in to Acme</h1>
<form method="post" action="/sso/login" autocomplete="off">
<label for="u">Username</label><input id="u" name="username" type="text" autocomplete="username">
<label for="p">Password</label><input id="p" name="password" type="PASSWORD" autocomplete="current-password">
<button type="submit">Sign in</button></form></main></body>
</html>`;

/** A catalog item of about 500 bytes, like the ones in public/catalog/demo.json. */
function catalogItem(index: number) {
  return {
    id: `kb-${index}`,
    kind: 'article',
    title: `How to set up the printer on floor ${index}`,
    summary: 'Open Settings, choose Printers, add the printer by its name on the label. '.repeat(4),
    url: `https://intranet.example/kb/${index}`,
    tools: ['jira'],
    tags: ['printing', 'office'],
    updatedAt: '2025-05-01T08:00:00Z',
  };
}

// ─── Hosted products: the host is enough ──────────────────────────────────────────────────────

describe('detectSource: hosted products, by host alone', () => {
  it.each([
    [
      'https://acme.atlassian.net/wiki/spaces/KB/pages/123/VPN',
      'confluence',
      'https://acme.atlassian.net',
      'the host ends with .atlassian.net',
    ],
    ['acme.atlassian.net', 'confluence', 'https://acme.atlassian.net', 'the host ends with .atlassian.net'],
    [
      'https://acme.zendesk.com/hc/en-us/articles/360001234-Set-up-the-VPN',
      'zendesk',
      'https://acme.zendesk.com/hc/en-us',
      'the host ends with .zendesk.com',
    ],
    [
      'https://acme.zendesk.com/hc/pt-BR',
      'zendesk',
      'https://acme.zendesk.com/hc/pt-br',
      'the host ends with .zendesk.com',
    ],
    // No locale after /hc/ (Zendesk redirects to the default one): the adapter's default is used.
    [
      'https://acme.zendesk.com/hc/articles/1',
      'zendesk',
      'https://acme.zendesk.com',
      'the host ends with .zendesk.com',
    ],
    ['https://acme.zendesk.com', 'zendesk', 'https://acme.zendesk.com', 'the host ends with .zendesk.com'],
    [
      'https://acme.service-now.com/kb_view.do?sysparm_article=KB0010001',
      'servicenow',
      'https://acme.service-now.com',
      'the host ends with .service-now.com',
    ],
    [
      'https://agency.servicenowservices.com/sp?id=kb_home',
      'servicenow',
      'https://agency.servicenowservices.com',
      'the host ends with .servicenowservices.com',
    ],
  ])('%s → %s', async (url, type, root, hint) => {
    const { fetch, requested } = fixtureFetch('', {});
    expect(await detectSource(url, fetch)).toEqual({ type, url: root, evidence: { kind: 'url', hint } });
    expect(requested).toEqual([]);
  });

  it('wins over a path that names another product', async () => {
    const { fetch } = fixtureFetch('', {});
    expect((await detectSource('https://acme.zendesk.com/wiki/x', fetch)).type).toBe('zendesk');
  });
});

describe('detectSource: the address itself', () => {
  it.each([
    ['', /address is empty/],
    ['   ', /address is empty/],
    [
      'ftp://files.example/kb.json',
      /"ftp:\/\/files\.example\/kb\.json" is not a web address \(http or https\)/,
    ],
    ['not a url', /"not a url" is not a web address/],
  ])('refuses %j', async (input, message) => {
    const { fetch, requested } = fixtureFetch('', {});
    await expect(detectSource(input, fetch)).rejects.toThrow(message);
    expect(requested).toEqual([]);
  });

  it('adds https:// to an address pasted without it', async () => {
    const { fetch, requested } = fixtureFetch('', {
      'https://example.com/feed/': answer(WORDPRESS_RSS, 'application/rss+xml; charset=UTF-8'),
    });
    expect(await detectSource('  example.com/feed/ ', fetch)).toEqual({
      type: 'feed',
      url: 'https://example.com/feed/',
      evidence: { kind: 'feed', format: 'rss' },
    });
    expect(requested).toEqual(['https://example.com/feed/']);
  });

  it('asks once, preferring feeds, JSON and HTML', async () => {
    const asked: [string, string | null][] = [];
    const fetch = async (url: string, init?: RequestInit) => {
      asked.push([url, new Headers(init?.headers).get('accept')]);
      return new Response(GITHUB_ATOM, {
        headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
      });
    };
    await detectSource('https://github.com/acme/agent/releases.atom', fetch);
    expect(asked).toHaveLength(1);
    const accept = asked[0]?.[1] ?? '';
    expect(accept.indexOf('application/atom+xml')).toBeLessThan(accept.indexOf('application/json'));
    expect(accept.indexOf('application/json')).toBeLessThan(accept.indexOf('text/html'));
  });

  it('lets the engine’s HttpError through', async () => {
    const { fetch } = fixtureFetch('', {});
    await expect(detectSource('https://intranet.example/gone', fetch)).rejects.toBeInstanceOf(HttpError);
  });

  it('turns a non-2xx answer of a plain fetch into an HttpError', async () => {
    const fetch = async () => new Response('<html><title>Not found</title></html>', { status: 404 });
    await expect(detectSource('https://intranet.example/gone', fetch)).rejects.toMatchObject({
      name: 'HttpError',
      status: 404,
    });
  });
});

// ─── Feeds ─────────────────────────────────────────────────────────────────────────────────────

describe('detectSource: feeds', () => {
  it.each([
    ['https://example.com/feed/', WORDPRESS_RSS, 'application/rss+xml; charset=UTF-8', 'rss'],
    [
      'https://github.com/acme/agent/releases.atom',
      GITHUB_ATOM,
      'application/atom+xml; charset=utf-8',
      'atom',
    ],
    // Served as text/html by a careless server: the body decides.
    ['https://github.com/acme/agent/releases.atom', GITHUB_ATOM, HTML, 'atom'],
    ['https://news.example/index.rdf', file('feeds/rdf.xml'), 'application/rdf+xml', 'rdf'],
    ['https://updates.example/feed.json', file('feeds/jsonfeed-1.1.json'), 'application/feed+json', 'json'],
    ['https://updates.example/feed.json', file('feeds/jsonfeed-1.0.json'), 'application/json', 'json'],
    ['https://example.com/feed/', file('feeds/utf8-bom.xml'), 'application/rss+xml', 'rss'],
  ])('%s (%s) is a feed', async (url, body, type, format) => {
    expect(await detect(url, body, type)).toEqual({ type: 'feed', url, evidence: { kind: 'feed', format } });
  });

  it('reads a JSON Feed longer than what it looks at', async () => {
    const items = Array.from({ length: 400 }, (_, index) => ({
      id: String(index),
      url: `https://updates.example/${index}`,
      title: `Update ${index}`,
      content_html: `<p>${'Changes to the product. '.repeat(80)}</p>`,
    }));
    const body = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Updates', items });
    expect(body.length).toBeGreaterThan(600_000);
    expect(await detect('https://updates.example/feed.json', body, 'application/feed+json')).toEqual({
      type: 'feed',
      url: 'https://updates.example/feed.json',
      evidence: { kind: 'feed', format: 'json' },
    });
  });

  it('reads an RSS feed longer than what it looks at from its complete items', async () => {
    const item = `<item><title>Post</title><link>https://example.com/p</link><description>${'x'.repeat(5000)}</description></item>`;
    const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${item.repeat(200)}</channel></rss>`;
    expect(await detect('https://example.com/big.rss', body, 'application/rss+xml')).toMatchObject({
      type: 'feed',
      evidence: { kind: 'feed', format: 'rss' },
    });
  });
});

describe('detectSource: DokuWiki feeds', () => {
  it("is DokuWiki's Atom feed.php (FeedCreator), and the wiki root is the source", async () => {
    const { fetch } = fixtureFetch('dokuwiki', { 'https://wiki.example/feed.php': 'feed-recent.xml' });
    expect(await detectSource('https://wiki.example/feed.php', fetch)).toEqual({
      type: 'dokuwiki',
      url: 'https://wiki.example',
      evidence: { kind: 'generator', product: 'FeedCreator 1.8 (info@mypapit.net)' },
    });
  });

  it('is DokuWiki’s default RSS 1.0 feed in a subfolder, named by the generator comment only', async () => {
    const url = 'https://intranet.example/dokuwiki/feed.php?mode=list&ns=kb';
    expect(await detect(url, DOKUWIKI_RSS1, 'application/xml; charset=utf-8')).toEqual({
      type: 'dokuwiki',
      url: 'https://intranet.example/dokuwiki',
      evidence: { kind: 'generator', product: 'FeedCreator 1.8' },
    });
  });

  it("is MediaWiki from its own feeds (index.php's recent changes, a page's history)", async () => {
    const feed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
		<id>https://wiki.example.com/w/api.php?action=feedrecentchanges&amp;feedformat=atom</id>
		<title>Acme Wiki  - Recent changes [en]</title>
		<link rel="self" type="application/atom+xml" href="https://wiki.example.com/w/api.php?action=feedrecentchanges&amp;feedformat=atom"/>
		<link rel="alternate" type="text/html" href="https://wiki.example.com/wiki/Special:RecentChanges"/>
		<updated>2025-06-04T09:30:00Z</updated>
		<subtitle>Track the most recent changes to the wiki in this feed.</subtitle>
		<generator>MediaWiki 1.39.10</generator>
	<entry>
		<id>https://wiki.example.com/w/index.php?title=VPN_setup&amp;diff=42&amp;oldid=41</id>
		<title>VPN setup</title>
		<link rel="alternate" type="text/html" href="https://wiki.example.com/w/index.php?title=VPN_setup&amp;diff=42&amp;oldid=41"/>
		<updated>2025-06-04T09:30:00Z</updated>
		<summary type="html">&lt;p&gt;new client&lt;/p&gt;</summary>
		<author><name>Dana</name></author>
	</entry>
</feed>`;
    for (const url of [
      'https://wiki.example.com/w/index.php?title=Special:RecentChanges&feed=atom',
      'https://wiki.example.com/w/api.php?action=feedrecentchanges&feedformat=atom',
    ]) {
      expect(await detect(url, feed, 'application/atom+xml; charset=utf-8')).toEqual({
        type: 'mediawiki',
        url: 'https://wiki.example.com/w',
        evidence: { kind: 'generator', product: 'MediaWiki 1.39.10' },
      });
    }
    // Another program's index.php feed stays a feed.
    expect(
      (await detect('https://blog.example/index.php?feed=rss2', WORDPRESS_RSS, 'application/rss+xml')).type,
    ).toBe('feed');
  });

  it('is a plain feed when feed.php is another program’s, or FeedCreator writes it elsewhere', async () => {
    expect(await detect('https://forum.example/feed.php', WORDPRESS_RSS, 'application/rss+xml')).toEqual({
      type: 'feed',
      url: 'https://forum.example/feed.php',
      evidence: { kind: 'feed', format: 'rss' },
    });
    expect(await detect('https://cms.example/rss.xml', DOKUWIKI_RSS1, 'application/xml')).toEqual({
      type: 'feed',
      url: 'https://cms.example/rss.xml',
      evidence: { kind: 'feed', format: 'rdf' },
    });
  });
});

// ─── JSON ──────────────────────────────────────────────────────────────────────────────────────

describe('detectSource: JSON', () => {
  it('is a Signpost catalog (the demo content), with its item count', async () => {
    const body = readFileSync(join(import.meta.dirname, '../../../public/catalog/demo.json'), 'utf8');
    const count = (JSON.parse(body) as { items: unknown[] }).items.length;
    expect(await detect('https://intranet.example/signpost/catalog.json', body, 'application/json')).toEqual({
      type: 'catalog',
      url: 'https://intranet.example/signpost/catalog.json',
      evidence: { kind: 'catalog', items: count },
    });
  });

  it('is a catalog without "version" (the schema allows it) when its items are catalog items', async () => {
    const body = JSON.stringify({ title: 'IT tips', items: [catalogItem(1), catalogItem(2)] });
    expect(await detect('https://intranet.example/tips', body, 'text/plain')).toEqual({
      type: 'catalog',
      url: 'https://intranet.example/tips',
      evidence: { kind: 'catalog', items: 2 },
    });
  });

  it('counts the items it read of a catalog longer than what it looks at', async () => {
    const body = `\uFEFF${JSON.stringify({ version: 1, title: 'Big', items: Array.from({ length: 3000 }, (_, i) => catalogItem(i)) }, null, 2)}`;
    expect(body.length).toBeGreaterThan(1_000_000);
    const detection = await detect('https://intranet.example/big.json', body, 'application/json');
    expect(detection).toMatchObject({ type: 'catalog', evidence: { kind: 'catalog', atLeast: true } });
    const items = detection.evidence.kind === 'catalog' ? detection.evidence.items : 0;
    expect(items).toBeGreaterThan(500);
    expect(items).toBeLessThan(3000);
  });

  it('reads the items that ended before the cut of a long catalog, a character cut in two included', async () => {
    // No "version": only the items read before the cut can say it is a catalog. Each title has an
    // "é" (two bytes in UTF-8), so the cut may fall inside one.
    const items = Array.from({ length: 3000 }, (_, i) => ({ ...catalogItem(i), title: `Café printer ${i}` }));
    const head = '{"title":"Big","items":[';
    const encoder = new TextEncoder();
    let end = encoder.encode(head).length;
    let ended = 0;
    for (const item of items) {
      end += encoder.encode(JSON.stringify(item)).length;
      if (end > 512 * 1024) break;
      ended++;
      end += 1; // the comma
    }
    const body = `${head}${items.map((item) => JSON.stringify(item)).join(',')}]}`;
    const detection = await detect('https://intranet.example/tips.json', body, 'application/json');
    expect(detection).toEqual({
      type: 'catalog',
      url: 'https://intranet.example/tips.json',
      evidence: { kind: 'catalog', items: ended, atLeast: true },
    });
  });

  it("is Discourse's latest.json, and the forum root is the source", async () => {
    const { fetch } = fixtureFetch('discourse', { 'https://forum.example/latest.json': 'latest.json' });
    expect(await detectSource('https://forum.example/latest.json', fetch)).toEqual({
      type: 'discourse',
      url: 'https://forum.example',
      evidence: { kind: 'api', product: 'Discourse' },
    });
  });

  it('is a category’s topic list of a forum in a subfolder, and a topic’s JSON', async () => {
    const { fetch } = fixtureFetch('discourse', {
      'https://example.com/community/c/it-help/5.json?page=1': 'latest-page1.json',
      'https://example.com/community/t/101.json': 't-101.json',
    });
    for (const url of [
      'https://example.com/community/c/it-help/5.json?page=1',
      'https://example.com/community/t/101.json',
    ]) {
      expect(await detectSource(url, fetch)).toEqual({
        type: 'discourse',
        url: 'https://example.com/community',
        evidence: { kind: 'api', product: 'Discourse' },
      });
    }
  });

  it("is MediaWiki's api.php siteinfo, and the directory of api.php is the source", async () => {
    const url = 'https://wiki.example.com/w/api.php?action=query&meta=siteinfo&format=json';
    expect(await detect(url, SITEINFO, 'application/json; charset=utf-8')).toEqual({
      type: 'mediawiki',
      url: 'https://wiki.example.com/w',
      evidence: { kind: 'api', product: 'MediaWiki 1.39.10' },
    });
  });

  it('is MediaWiki from siteinfo at another address, api.php being at its scriptpath', async () => {
    const url = 'https://wiki.example.com/mw-proxy?action=query&meta=siteinfo&format=json';
    expect((await detect(url, SITEINFO, 'application/json')).url).toBe('https://wiki.example.com/w');
  });

  it('is MediaWiki when api.php answers with an API error (a private wiki)', async () => {
    const { fetch } = fixtureFetch('mediawiki', {
      'https://wiki.example/w/api.php?action=query&format=json': 'readapidenied.json',
    });
    expect(await detectSource('https://wiki.example/w/api.php?action=query&format=json', fetch)).toEqual({
      type: 'mediawiki',
      url: 'https://wiki.example/w',
      evidence: { kind: 'api', product: 'MediaWiki' },
    });
  });

  it.each([
    // ServiceNow's table API on a custom domain, Google's APIs, GitHub's search: JSON, but none of ours.
    ['https://kb.example/api/now/table/kb_knowledge', '{"result":[{"sys_id":"1"}]}'],
    [
      'https://www.googleapis.com/books/v1/volumes?q=vpn',
      '{"kind":"books#volumes","totalItems":1,"items":[{"kind":"books#volume","id":"x"}]}',
    ],
    ['https://intranet.example/list.json', '[{"id":1}]'],
  ])('names what it reads when %s is other JSON', async (url, body) => {
    await expect(detect(url, body, 'application/json')).rejects.toThrow(
      /JSON (that is none of a Signpost catalog|list)/,
    );
  });

  it('says that JSON does not parse', async () => {
    expect(
      await failure('https://intranet.example/catalog.json', '{"version": 1, "items": [', 'application/json'),
    ).toMatch(/^https:\/\/intranet\.example\/catalog\.json answered with JSON that does not parse/);
  });
});

// ─── HTML pages ────────────────────────────────────────────────────────────────────────────────

describe('detectSource: product pages', () => {
  it('is MediaWiki by its generator; the EditURI link names api.php (protocol-relative)', async () => {
    expect(await detect('https://wiki.example.com/wiki/Main_Page', MEDIAWIKI_PAGE)).toEqual({
      type: 'mediawiki',
      url: 'https://wiki.example.com/w',
      evidence: { kind: 'generator', product: 'MediaWiki 1.39.10' },
    });
  });

  it('finds api.php beside index.php or load.php when the page has no EditURI link', async () => {
    const withoutRsd = MEDIAWIKI_PAGE.replace(/<link rel="EditURI"[^>]*>/, '');
    expect((await detect('https://wiki.example.com/wiki/Main_Page', withoutRsd)).url).toBe(
      'https://wiki.example.com/w',
    );
    const onlyScripts = `<!DOCTYPE html><html><head><meta name="generator" content="MediaWiki 1.43.0">
      <script async src="/mediawiki/load.php?modules=startup&amp;only=scripts"></script></head><body></body></html>`;
    expect(await detect('https://intranet.example/wiki/Start', onlyScripts)).toEqual({
      type: 'mediawiki',
      url: 'https://intranet.example/mediawiki',
      evidence: { kind: 'generator', product: 'MediaWiki 1.43.0' },
    });
  });

  it('falls back to index.php in the URL, and else asks for api.php', async () => {
    const bare = '<html><head><meta name="generator" content="MediaWiki 1.35.1"></head><body></body></html>';
    expect((await detect('https://old.example/wiki/index.php?title=Main_Page', bare)).url).toBe(
      'https://old.example/wiki',
    );
    expect((await detect('https://old.example/index.php/Main_Page', bare)).url).toBe('https://old.example');
    expect(await failure('https://old.example/wiki/Main_Page', bare)).toMatch(
      /is a MediaWiki 1\.35\.1 wiki, but the page does not say where its api\.php is.*Special:Version/,
    );
  });

  it('is DokuWiki by its generator; rel="start" names the root', async () => {
    expect(await detect('https://intranet.example/dokuwiki/doku.php?id=start', DOKUWIKI_PAGE)).toEqual({
      type: 'dokuwiki',
      url: 'https://intranet.example/dokuwiki',
      evidence: { kind: 'generator', product: 'DokuWiki' },
    });
    // URL rewriting on: the page's path says nothing about the root.
    const rewritten = DOKUWIKI_PAGE.replaceAll('/dokuwiki/', '/');
    expect((await detect('https://wiki.example/kb/vpn', rewritten)).url).toBe('https://wiki.example');
  });

  it('is DokuWiki from its feed link or the URL when there is no rel="start"', async () => {
    const noStart = DOKUWIKI_PAGE.replace(/<link rel="start"[^>]*>/, '');
    expect(
      (await detect('https://wiki.example/kb/vpn', noStart.replaceAll('/dokuwiki/', '/team/'))).url,
    ).toBe('https://wiki.example/team');
    const { fetch } = fixtureFetch('dokuwiki', {
      'https://wiki.example/doku.php?id=start': 'doku-page.html',
    });
    expect(await detectSource('https://wiki.example/doku.php?id=start', fetch)).toEqual({
      type: 'dokuwiki',
      url: 'https://wiki.example',
      evidence: { kind: 'generator', product: 'DokuWiki' },
    });
  });

  it('is Discourse by its generator; /opensearch.xml names the forum root', async () => {
    expect(await detect('https://community.example.com/t/vpn-drops-every-hour/123', DISCOURSE_TOPIC)).toEqual(
      {
        type: 'discourse',
        url: 'https://community.example.com',
        evidence: {
          kind: 'generator',
          product:
            'Discourse 3.2.0 - https://github.com/discourse/discourse version 1ae5ce5b1bc67d0f1d0ac8c8df6f3e9c5b0d8f71',
        },
      },
    );
    const subfolder = DISCOURSE_TOPIC.replaceAll(
      'https://community.example.com/',
      'https://example.com/forum/',
    );
    expect((await detect('https://example.com/forum/t/vpn-drops-every-hour/123', subfolder)).url).toBe(
      'https://example.com/forum',
    );
    // Without the search link: the page's own path.
    const bare = DISCOURSE_TOPIC.replace(/<link rel="search"[^>]*>/, '');
    expect((await detect('https://example.com/forum/c/it-help/5', bare)).url).toBe(
      'https://example.com/forum',
    );
  });

  it('refuses Confluence Server and Data Center, saying what to do instead', async () => {
    const message = await failure('https://confluence.acme.example/dashboard.action', CONFLUENCE_SERVER);
    expect(message).toBe(
      "https://confluence.acme.example is Confluence Server or Data Center 7.19.16; Signpost's Confluence source " +
        'reads Confluence Cloud (…atlassian.net) only. Add one of its RSS feeds as a feed source instead ' +
        "(Confluence's Feed Builder, in the Help menu, makes one)",
    );
  });
});

describe('detectSource: pages that link a feed', () => {
  it("is a WordPress site's posts feed (the first feed link), not its REST API or comments", async () => {
    expect(await detect('https://example.com/', WORDPRESS_PAGE)).toEqual({
      type: 'feed',
      url: 'https://example.com/feed/',
      evidence: { kind: 'feed-link', format: 'rss' },
    });
  });

  it('resolves a relative feed link against <base>, else the address', async () => {
    const page = (head: string) =>
      `<!doctype html><html><head><title>Blog</title>${head}</head><body></body></html>`;
    const atom = '<link rel="alternate" type="application/atom+xml" href="atom.xml">';
    expect(await detect('https://example.org/blog/post-1', page(atom))).toEqual({
      type: 'feed',
      url: 'https://example.org/blog/atom.xml',
      evidence: { kind: 'feed-link', format: 'atom' },
    });
    expect((await detect('https://example.org/blog/post-1', page(`<base href="/news/">${atom}`))).url).toBe(
      'https://example.org/news/atom.xml',
    );
    const json =
      '<link rel="Alternate" type="application/feed+json; charset=utf-8" title="JSON Feed" href="/feed.json">';
    expect(await detect('https://example.org/blog/', page(json))).toEqual({
      type: 'feed',
      url: 'https://example.org/feed.json',
      evidence: { kind: 'feed-link', format: 'json' },
    });
  });

  it('resolves against the URL the answer came from, after a redirect', async () => {
    const fetch = async () => {
      const response = new Response(
        '<html><head><link rel="alternate" type="application/rss+xml" href="rss.xml"></head></html>',
        { headers: { 'content-type': HTML } },
      );
      Object.defineProperty(response, 'url', { value: 'https://www.example.org/en/news/' });
      return response;
    };
    expect((await detectSource('https://example.org/news', fetch)).url).toBe(
      'https://www.example.org/en/news/rss.xml',
    );
  });

  it('lets the body win over a path that looks like a forum', async () => {
    expect(await detect('https://example.com/t/vpn/', WORDPRESS_PAGE)).toMatchObject({
      type: 'feed',
      evidence: { kind: 'feed-link' },
    });
  });
});

describe('detectSource: pages Signpost cannot use', () => {
  it('says a plain HTML page has no feed link', async () => {
    const { fetch } = fixtureFetch('discourse', { 'https://intranet.example/': 'not-discourse.html' });
    await expect(detectSource('https://intranet.example/', fetch)).rejects.toThrow(
      'https://intranet.example/ is an HTML page ("Acme Intranet") with no feed link; paste the address of its RSS or Atom feed, ',
    );
  });

  it('says a sign-in page is one', async () => {
    expect(await failure('https://kb.acme.example/', LOGIN_PAGE)).toBe(
      'https://kb.acme.example/ answered with a sign-in page ("Sign In - Acme SSO"): Signpost cannot sign in ' +
        'through a form. Paste the address of a feed or API that answers with a token or without signing in',
    );
    const { fetch } = fixtureFetch('../feeds', { 'https://kb.acme.example/login': 'html-page.html' });
    await expect(detectSource('https://kb.acme.example/login', fetch)).rejects.toThrow(
      /sign-in page \("Sign in"\)/,
    );
  });

  it('says an empty answer is empty', async () => {
    expect(await failure('https://intranet.example/kb', '')).toMatch(
      /^https:\/\/intranet\.example\/kb answered with an empty page; /,
    );
    expect(await failure('https://intranet.example/kb', ' \r\n ')).toMatch(/answered with an empty page/);
    const { fetch } = fixtureFetch('', {
      'https://intranet.example/kb': () => new Response(null, { status: 204 }),
    });
    await expect(detectSource('https://intranet.example/kb', fetch)).rejects.toThrow(/empty page/);
  });

  it('says XML that is not a feed, and text, are not feeds', async () => {
    const sitemap =
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.com/</loc></url></urlset>';
    expect(await failure('https://example.com/sitemap.xml', sitemap, 'application/xml')).toMatch(
      /answered with XML that is not a feed \(not a feed: the document's root is <urlset>/,
    );
    expect(await failure('https://example.com/robots.txt', 'User-agent: *\nDisallow:', 'text/plain')).toMatch(
      /answered with something that is not a feed, JSON or a web page/,
    );
  });
});

describe('detectSource: the path, when the body names nothing', () => {
  const plain = '<!DOCTYPE html><html><head><title>Start</title></head><body><p>Hello</p></body></html>';

  it.each([
    [
      'https://intranet.example/wiki/doku.php?id=start',
      'dokuwiki',
      'https://intranet.example/wiki',
      'the path has doku.php',
    ],
    [
      'https://intranet.example/w/index.php?title=Main_Page',
      'mediawiki',
      'https://intranet.example/w',
      'the path has /index.php',
    ],
    [
      'https://intranet.example/c/it-help/5',
      'discourse',
      'https://intranet.example',
      'the path starts with /c/',
    ],
    [
      'https://help.example.com/hc/en-gb/articles/1-VPN',
      'zendesk',
      'https://help.example.com/hc/en-gb',
      'the path has /hc/',
    ],
  ])('%s → %s', async (url, type, root, hint) => {
    expect(await detect(url, plain)).toEqual({ type, url: root, evidence: { kind: 'url', hint } });
  });

  it('does not take /wiki for Confluence', async () => {
    expect(await failure('https://intranet.example/wiki/Start', plain)).toMatch(
      /is an HTML page \("Start"\) with no feed link/,
    );
  });
});

// ─── The URL-only guess ────────────────────────────────────────────────────────────────────────

describe('guessFromUrl', () => {
  const urls: [string, string][] = [
    ['https://acme.atlassian.net/wiki/home', 'confluence'],
    ['https://intranet.example/wiki/Main_Page', 'mediawiki'],
    ['https://acme.zendesk.com/hc/en-us', 'zendesk'],
    ['https://help.example.com/hc/de/articles/1', 'zendesk'],
    ['https://acme.service-now.com/kb', 'servicenow'],
    ['https://agency.servicenowservices.com/', 'servicenow'],
    ['https://wiki.example/w/api.php', 'mediawiki'],
    ['https://wiki.example/w/index.php?title=X', 'mediawiki'],
    ['https://wiki.example/doku.php?id=start', 'dokuwiki'],
    ['https://wiki.example/feed.php', 'dokuwiki'],
    ['https://forum.example/latest.json', 'discourse'],
    ['https://forum.example/c/it/5', 'discourse'],
    ['https://forum.example/t/x/1', 'discourse'],
    ['https://intranet.example/catalog.json', 'catalog'],
    ['https://updates.example/feed.json', 'feed'],
    ['https://example.com/feed/', 'feed'],
    ['https://acme.zendesk.com/wiki/x', 'zendesk'],
    ['not a url', 'feed'],
    ['', 'feed'],
  ];

  it.each(urls)('guesses %j as %s (a feed when the URL names nothing)', (url, type) => {
    expect(guessFromUrl(url)?.type ?? 'feed').toBe(type);
  });

  it('says why, and nothing when the URL names nothing', () => {
    expect(guessFromUrl('https://wiki.example/w/api.php')).toEqual({
      type: 'mediawiki',
      hint: 'the path ends with api.php',
    });
    expect(guessFromUrl('https://example.com/feed/')).toBeNull();
    expect(guessFromUrl('not a url')).toBeNull();
  });
});
