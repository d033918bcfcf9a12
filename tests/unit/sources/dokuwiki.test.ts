import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import dokuwiki from '@/utils/sources/dokuwiki';
import { parseFeed } from '@/utils/sources/feed';
import type { AdapterContext } from '@/utils/sources/types';
import { fixtureFetch, type Route } from './fixture-fetch';

const FIXTURES = join(import.meta.dirname, '../../fixtures/sources/dokuwiki');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

function fakeFetch(routes: Record<string, Route>) {
  return fixtureFetch('dokuwiki', routes);
}

const FEED =
  'https://wiki.example/feed.php?type=atom1&mode=recent&content=html&num=100&linkto=current&minor=1&view=pages';
const NOW = Date.parse('2025-06-05T12:00:00Z');
const config: SourceConfig = {
  id: 'doku',
  type: 'dokuwiki',
  name: 'Acme wiki',
  url: 'https://wiki.example/',
  builtin: false,
  tools: [],
};

function context(fetch: AdapterContext['fetch'], extra: Partial<AdapterContext> = {}): AdapterContext {
  return { config, fetch, now: NOW, maxItems: 500, ...extra };
}

describe('dokuwiki adapter', () => {
  it('maps the feed: escaped HTML content, one item per page (the newest revision), page links', async () => {
    const { fetch, requested } = fakeFetch({ [FEED]: 'feed-recent.xml' });
    const progress: [number, number | undefined][] = [];
    const result = await dokuwiki.sync(
      context(fetch, { progress: (done, total) => progress.push([done, total]) }),
    );
    expect(requested).toEqual([FEED]);
    expect(progress).toEqual([[4, 4]]);
    expect(result).toEqual({
      mode: 'full',
      items: [
        expect.objectContaining({
          id: 'doku:kb:vpn',
          // The first heading, not "kb:vpn - new client".
          title: 'VPN',
          summary: 'Connect with the new client and restart.',
          url: 'https://wiki.example/doku.php?id=kb:vpn',
          tags: ['kb'],
          updatedAt: Date.parse('2025-06-04T09:00:00Z'),
        }),
        expect.objectContaining({
          id: 'doku:kb:expense_policy',
          title: 'Expense policy',
          summary: 'File expenses within 30 days & keep the receipts. Questions? Ask finance.',
          url: 'https://wiki.example/doku.php?id=kb:expense_policy',
          tags: ['finance'],
          updatedAt: Date.parse('2025-06-04T09:30:00Z'),
        }),
        expect.objectContaining({
          id: 'doku:start',
          // No heading: the page's name.
          title: 'start',
          summary: 'Welcome to the team wiki.',
          url: 'https://wiki.example/doku.php?id=start',
          tags: [],
        }),
        expect.objectContaining({
          // URL rewriting: the id comes from the path.
          id: 'doku:it:printers:floor_3',
          title: 'Floor 3 printer',
          summary: 'Use the printer on floor 2 until Friday.',
          url: 'https://wiki.example/it/printers/floor_3',
          tags: ['it:printers'],
        }),
      ],
      warnings: ['"javascript:alert(1)": dropped, its link is not http(s)'],
    });
    if (result.mode !== 'full') return;
    for (const item of result.items) expect(item.summary).not.toMatch(/xss|alert|<script|&lt;|&amp;/);
  });

  it('relies on parseFeed handing over the untyped, escaped <content> as HTML', () => {
    // Atom without `type` means text; DokuWiki means HTML. The adapter reads it as HTML.
    const [first] = parseFeed(fixture('feed-recent.xml')).items;
    expect(first?.content).toMatch(/^<h1 class="sectionedit1" id="vpn">VPN<\/h1>\n<div class="level1">/);
  });

  it('answers not-modified on a 304', async () => {
    const { fetch } = fakeFetch({ [FEED]: () => new Response(null, { status: 304 }) });
    expect(await dokuwiki.sync(context(fetch))).toEqual({ mode: 'not-modified' });
  });

  it('stops at maxItems with a warning', async () => {
    const { fetch } = fakeFetch({ [FEED]: 'feed-recent.xml' });
    const result = await dokuwiki.sync(context(fetch, { maxItems: 2 }));
    expect(result).toMatchObject({
      mode: 'full',
      items: [{ id: 'doku:kb:vpn' }, { id: 'doku:kb:expense_policy' }],
      warnings: ['stopped at 2 items (the limit for one source)'],
    });
  });

  it.each([
    'https://wiki.example',
    'https://wiki.example/doku.php',
    'https://wiki.example/doku.php?id=start',
    'https://wiki.example/doku.php/start',
    'https://wiki.example/feed.php',
  ])('reads the feed of the wiki at %s', async (url) => {
    const { fetch, requested } = fakeFetch({ [FEED]: 'feed-recent.xml' });
    await dokuwiki.sync(context(fetch, { config: { ...config, url } }));
    expect(requested).toEqual([FEED]);
  });

  it('lists a namespace with options.mode = "list"', async () => {
    const { fetch, requested } = fakeFetch({});
    const options = { mode: 'list', namespace: 'kb' };
    await expect(
      dokuwiki.sync(context(fetch, { config: { ...config, url: 'https://example.org/wiki/', options } })),
    ).rejects.toThrow();
    expect(requested).toEqual([
      'https://example.org/wiki/feed.php?type=atom1&mode=list&content=html&num=100&linkto=current&minor=1&view=pages&ns=kb',
    ]);
    await expect(
      dokuwiki.sync(context(fetch, { config: { ...config, options: { mode: 'all' } } })),
    ).rejects.toThrow('the "mode" option must be "recent" or "list", not "all"');
  });

  it('ignores any cursor: every sync reads the whole feed', async () => {
    const { fetch } = fakeFetch({ [FEED]: 'feed-recent.xml' });
    const result = await dokuwiki.sync(context(fetch, { cursor: { broken: true } }));
    expect(result.mode).toBe('full');
    expect(result.cursor).toBeUndefined();
  });

  it('explains an answer that is not a feed', async () => {
    const { fetch } = fakeFetch({ [FEED]: 'doku-page.html' });
    await expect(dokuwiki.sync(context(fetch))).rejects.toThrow(
      /^the server did not answer with DokuWiki's feed: is the URL the wiki root where doku\.php and feed\.php live\? \(not a feed: the document's root is <html>/,
    );
  });
});
