/**
 * detectSource against the real wikis (tests/integration/servers.ts): the addresses an admin
 * would paste — a start page, a page, api.php, a feed — each name the wiki and the root its
 * adapter wants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import { detectSource } from '@/utils/sources/detect';
import dokuwiki from '@/utils/sources/dokuwiki';
import mediawiki from '@/utils/sources/mediawiki';
import { HttpError, type SourceAdapter } from '@/utils/sources/types';
import { missingDokuWiki, missingMediaWiki, startDokuWiki, startMediaWiki, type Wiki } from './servers';

for (const [wiki, reason] of [
  ['MediaWiki', missingMediaWiki],
  ['DokuWiki', missingDokuWiki],
]) {
  if (reason)
    console.warn(`skipping the ${wiki} detection tests: ${reason}; run tests/integration/install-wikis.sh`);
}

/**
 * What the sync engine's fetch hands an adapter: HttpError for non-2xx answers, and a copy of the
 * body that no longer knows the URL it came from after a redirect.
 */
async function engineFetch(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new HttpError(response.status, `HTTP ${response.status} from ${url}`);
  return new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers });
}

/** The detected address, configured as the detected type, syncs. */
async function syncs(adapter: SourceAdapter, url: string): Promise<string[]> {
  const config: SourceConfig = {
    id: 'wiki',
    type: adapter.type,
    name: 'Wiki',
    url,
    builtin: false,
    tools: [],
  };
  const result = await adapter.sync({ config, fetch: engineFetch, now: Date.now(), maxItems: 100 });
  return result.mode === 'full' ? result.items.map((item) => item.id).sort() : [];
}

describe.skipIf(Boolean(missingMediaWiki))('detectSource on MediaWiki 1.39 (Debian package)', () => {
  let wiki: Wiki | undefined;
  let root = '';
  beforeAll(async () => {
    wiki = await startMediaWiki();
    root = wiki.root;
  });
  afterAll(() => wiki?.close());

  it.each([
    ['the start page', '/index.php/Main_Page'],
    ['the wiki’s root', '/'],
    ['a page through index.php', '/index.php?title=Main_Page&action=history'],
  ])('names the wiki from %s (generator and EditURI)', async (_, path) => {
    const detection = await detectSource(`${root}${path}`, engineFetch);
    expect(detection).toEqual({
      type: 'mediawiki',
      url: root,
      evidence: { kind: 'generator', product: expect.stringMatching(/^MediaWiki 1\.39\.\d+$/) },
    });
  });

  it('names the wiki from an api.php answer', async () => {
    const detection = await detectSource(
      `${root}/api.php?action=query&meta=siteinfo&format=json`,
      engineFetch,
    );
    expect(detection).toEqual({
      type: 'mediawiki',
      url: root,
      evidence: { kind: 'api', product: expect.stringMatching(/^MediaWiki 1\.39\.\d+$/) },
    });
  });

  it('names the wiki from api.php itself (its HTML help page)', async () => {
    const detection = await detectSource(`${root}/api.php`, engineFetch);
    expect(detection).toMatchObject({ type: 'mediawiki', url: root });
  });

  it('names the wiki from its recent-changes feed', async () => {
    const detection = await detectSource(
      `${root}/index.php?title=Special:RecentChanges&feed=atom`,
      engineFetch,
    );
    expect(detection).toEqual({
      type: 'mediawiki',
      url: root,
      evidence: { kind: 'generator', product: expect.stringMatching(/^MediaWiki 1\.39\.\d+$/) },
    });
  });

  it('gives an address the MediaWiki adapter syncs', async () => {
    const detection = await detectSource(`${root}/index.php/Main_Page`, engineFetch);
    expect(await syncs(mediawiki, detection.url)).toEqual(['wiki:Main_Page']);
  });
});

describe.skipIf(Boolean(missingDokuWiki))('detectSource on DokuWiki (Debian package)', () => {
  let wiki: (Wiki & { commit(id: string, text: string): void }) | undefined;
  let root = '';
  beforeAll(async () => {
    wiki = await startDokuWiki();
    root = wiki.root;
    wiki.commit('kb:vpn', '====== VPN ======\n\nConnect with the new client.\n');
  });
  afterAll(() => wiki?.close());

  it.each([
    ['the start page', '/doku.php?id=start'],
    ['a page in a namespace', '/doku.php?id=kb:vpn'],
    ['the wiki’s root', '/'],
    ['a page’s history', '/doku.php?id=kb:vpn&do=revisions'],
  ])('names the wiki from %s (generator)', async (_, path) => {
    expect(await detectSource(`${root}${path}`, engineFetch)).toEqual({
      type: 'dokuwiki',
      url: root,
      evidence: { kind: 'generator', product: 'DokuWiki' },
    });
  });

  it.each([
    ['its default feed', '/feed.php'],
    ['its Atom feed of a namespace', '/feed.php?type=atom1&mode=list&ns=kb'],
    ['its RSS 2.0 feed', '/feed.php?type=rss2'],
  ])('names the wiki from %s (FeedCreator)', async (_, path) => {
    expect(await detectSource(`${root}${path}`, engineFetch)).toEqual({
      type: 'dokuwiki',
      url: root,
      evidence: { kind: 'generator', product: expect.stringMatching(/^FeedCreator 1\.\d/) },
    });
  });

  it('gives an address the DokuWiki adapter syncs', async () => {
    const detection = await detectSource(`${root}/feed.php`, engineFetch);
    expect(await syncs(dokuwiki, detection.url)).toEqual(['wiki:kb:vpn', 'wiki:start']);
  });
});
