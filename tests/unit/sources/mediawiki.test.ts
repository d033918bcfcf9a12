import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import mediawiki, { endpoints, FULL_SYNC_AFTER_MS } from '@/utils/sources/mediawiki';
import type { AdapterContext } from '@/utils/sources/types';
import { fixtureFetch, type Route } from './fixture-fetch';

const FIXTURES = join(import.meta.dirname, '../../fixtures/sources/mediawiki');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function fakeFetch(routes: Record<string, Route>) {
  return fixtureFetch('mediawiki', routes);
}

const API = 'https://wiki.example/w/api.php';
/** An api.php URL from a readable query (`|` and spaces as they are), encoded as a browser would. */
const api = (query: string) => `${API}?${new URLSearchParams(`${query}&format=json&formatversion=2`)}`;

const NOW = Date.parse('2025-06-05T12:00:00Z');
const config: SourceConfig = {
  id: 'wiki',
  type: 'mediawiki',
  name: 'Acme wiki',
  url: 'https://wiki.example/w',
  builtin: false,
  tools: [],
};

const RC_NEWEST = api(
  'action=query&list=recentchanges&rcnamespace=0&rcprop=timestamp|ids&rctype=edit|new|log&rclimit=1',
);
const ALLPAGES = api('action=query&list=allpages&apnamespace=0&apfilterredir=nonredirects&aplimit=50');
const ALLPAGES_2 = api(
  'action=query&list=allpages&apnamespace=0&apfilterredir=nonredirects&aplimit=50&apcontinue=Printer_setup&continue=-||',
);
const content = (titles: string) =>
  api(
    `action=query&prop=extracts|info|categories&exintro=1&explaintext=1&titles=${titles}&inprop=url&cllimit=max&clshow=!hidden`,
  );
const parse = (page: string) =>
  api(
    `action=parse&page=${page}&prop=text|categories&disableeditsection=1&disabletoc=1&disablelimitreport=1`,
  );

const FULL_ROUTES: Record<string, Route> = {
  [RC_NEWEST]: 'rc-newest.json',
  [ALLPAGES]: 'allpages-1.json',
  [ALLPAGES_2]: 'allpages-2.json',
  [content('Expense policy|Main Page|Printer setup|VPN setup')]: 'pages-plain.json',
  [parse('Expense policy')]: 'parse-expense-policy.json',
  [parse('Main Page')]: 'parse-main-page.json',
  [parse('Printer setup')]: 'parse-printer-setup.json',
  [parse('VPN setup')]: 'parse-vpn-setup.json',
};

function context(fetch: AdapterContext['fetch'], extra: Partial<AdapterContext> = {}): AdapterContext {
  return { config, fetch, now: NOW, maxItems: 500, ...extra };
}

describe('mediawiki adapter: full sync', () => {
  it('lists the namespace with continue, and reads each page with action=parse when there are no extracts', async () => {
    const { fetch, requested } = fakeFetch(FULL_ROUTES);
    const progress: [number, number | undefined][] = [];
    const result = await mediawiki.sync(
      context(fetch, { progress: (done, total) => progress.push([done, total]) }),
    );

    expect(requested).toEqual([
      RC_NEWEST,
      ALLPAGES,
      ALLPAGES_2,
      content('Expense policy|Main Page|Printer setup|VPN setup'),
      parse('Expense policy'),
      parse('Main Page'),
      parse('Printer setup'),
      parse('VPN setup'),
    ]);
    // The exact parameters, spelled out once.
    expect(requested[3]).toBe(
      'https://wiki.example/w/api.php?action=query&prop=extracts%7Cinfo%7Ccategories&exintro=1&explaintext=1' +
        '&titles=Expense+policy%7CMain+Page%7CPrinter+setup%7CVPN+setup&inprop=url&cllimit=max&clshow=%21hidden' +
        '&format=json&formatversion=2',
    );
    expect(progress).toEqual([[4, 4]]);
    expect(result).toEqual({
      mode: 'full',
      warnings: [],
      cursor: { v: 1, namespace: 0, rcTimestamp: '2025-06-03T10:00:00Z', rcId: 41, syncedAt: NOW },
      items: [
        expect.objectContaining({
          id: 'wiki:Expense_policy',
          title: 'Expense policy',
          summary:
            'Expense policy: file expenses in the expense tool within 30 days. Receipts Keep every receipt & scan it.',
          url: 'https://wiki.example/wiki/Expense_policy',
          tags: ['finance', 'how to'],
          updatedAt: Date.parse('2025-05-20T08:00:00Z'),
        }),
        expect.objectContaining({
          id: 'wiki:Main_Page',
          title: 'Main Page',
          summary: 'MediaWiki has been installed.',
          tags: [],
        }),
        expect.objectContaining({
          id: 'wiki:Printer_setup',
          summary: 'Printers are added from the self-service portal.',
          tags: ['hardware'],
        }),
        expect.objectContaining({
          id: 'wiki:VPN_setup',
          summary: 'Steps Install the VPN client, then sign in.',
          url: 'https://wiki.example/wiki/VPN_setup',
          tags: ['network'],
          updatedAt: Date.parse('2025-06-03T10:00:00Z'),
        }),
      ],
    });
    if (result.mode !== 'full') return;
    for (const item of result.items) expect(item.summary).not.toMatch(/evil|mw\.loader|color:red|<script/);
  });

  it('uses the extracts when the wiki has TextExtracts, without any parse request', async () => {
    const pages = JSON.parse(fixture('pages-plain.json'));
    delete pages.warnings;
    for (const page of pages.query.pages) page.extract = `Intro of ${page.title}.`;
    const { fetch, requested } = fakeFetch({
      ...FULL_ROUTES,
      [content('Expense policy|Main Page|Printer setup|VPN setup')]: () => Response.json(pages),
    });
    const result = await mediawiki.sync(context(fetch));
    expect(requested.some((url) => url.includes('action=parse'))).toBe(false);
    expect(result).toMatchObject({
      mode: 'full',
      items: [
        { id: 'wiki:Expense_policy', summary: 'Intro of Expense policy.', tags: ['finance', 'how to'] },
        { summary: 'Intro of Main Page.' },
        { summary: 'Intro of Printer setup.' },
        { summary: 'Intro of VPN setup.' },
      ],
    });
  });

  it('asks for 20 titles at a time', async () => {
    const titles = Array.from({ length: 25 }, (_, index) => `Page ${String(index).padStart(2, '0')}`);
    const pageInfo = (title: string) => ({
      pageid: 100 + titles.indexOf(title),
      ns: 0,
      title,
      extract: `About ${title}.`,
      fullurl: `https://wiki.example/wiki/${title.replace(/ /g, '_')}`,
    });
    const { fetch, requested } = fakeFetch({
      [RC_NEWEST]: 'rc-empty.json',
      [ALLPAGES]: () => Response.json({ query: { allpages: titles.map((title) => ({ ns: 0, title })) } }),
      [content(titles.slice(0, 20).join('|'))]: () =>
        Response.json({ query: { pages: titles.slice(0, 20).map(pageInfo) } }),
      [content(titles.slice(20).join('|'))]: () =>
        Response.json({ query: { pages: titles.slice(20).map(pageInfo) } }),
    });
    const result = await mediawiki.sync(context(fetch));
    expect(requested).toHaveLength(4);
    // No recent changes yet: the next sync reads them from the start.
    expect(result).toMatchObject({ mode: 'full', cursor: { rcTimestamp: null, rcId: 0 } });
    if (result.mode === 'full') expect(result.items).toHaveLength(25);
  });

  it('stops at maxItems with a warning, without reading further pages of the list', async () => {
    const { fetch, requested } = fakeFetch({
      ...FULL_ROUTES,
      [content('Expense policy|Main Page')]: 'pages-plain.json',
    });
    const result = await mediawiki.sync(context(fetch, { maxItems: 2 }));
    expect(requested).toEqual([
      RC_NEWEST,
      ALLPAGES,
      content('Expense policy|Main Page'),
      parse('Expense policy'),
      parse('Main Page'),
    ]);
    expect(result).toMatchObject({
      mode: 'full',
      warnings: ['stopped at 2 items (the limit for one source)'],
      items: [{ id: 'wiki:Expense_policy' }, { id: 'wiki:Main_Page' }],
    });
  });

  it('does not follow a continuation it has followed already', async () => {
    const { fetch, requested } = fakeFetch({
      ...FULL_ROUTES,
      // The second page hands out the first page's continuation again.
      [ALLPAGES_2]: 'allpages-1.json',
      [content('Expense policy|Main Page')]: 'pages-plain.json',
    });
    const result = await mediawiki.sync(context(fetch));
    expect(requested.filter((url) => url.includes('list=allpages'))).toEqual([ALLPAGES, ALLPAGES_2]);
    expect(result).toMatchObject({
      mode: 'full',
      items: [{ id: 'wiki:Expense_policy' }, { id: 'wiki:Main_Page' }],
    });
  });

  it('drops a page whose link is not http(s), with a warning', async () => {
    const pages = JSON.parse(fixture('pages-plain.json'));
    pages.query.pages[1].fullurl = 'javascript:alert(1)';
    const { fetch } = fakeFetch({
      ...FULL_ROUTES,
      [content('Expense policy|Main Page|Printer setup|VPN setup')]: () => Response.json(pages),
    });
    const result = await mediawiki.sync(context(fetch));
    expect(result).toMatchObject({
      mode: 'full',
      warnings: ['"Main_Page": dropped, its link is not http(s)'],
    });
    if (result.mode === 'full') expect(result.items.map((item) => item.id)).not.toContain('wiki:Main_Page');
  });

  it('links to index.php when the wiki gives no fullurl', async () => {
    const pages = JSON.parse(fixture('pages-plain.json'));
    delete pages.query.pages[0].fullurl;
    const { fetch } = fakeFetch({
      ...FULL_ROUTES,
      [content('Expense policy|Main Page|Printer setup|VPN setup')]: () => Response.json(pages),
    });
    const result = await mediawiki.sync(context(fetch));
    if (result.mode !== 'full') throw new Error('expected a full sync');
    expect(result.items[0]?.url).toBe('https://wiki.example/w/index.php?title=Expense_policy');
  });

  it('uses options.namespace', async () => {
    const { fetch, requested } = fakeFetch({});
    await expect(
      mediawiki.sync(context(fetch, { config: { ...config, options: { namespace: '12' } } })),
    ).rejects.toThrow();
    expect(new URL(requested[0] ?? '').searchParams.get('rcnamespace')).toBe('12');
    await expect(
      mediawiki.sync(context(fetch, { config: { ...config, options: { namespace: 'Help' } } })),
    ).rejects.toThrow('the "namespace" option must be a namespace number (0 for articles), not "Help"');
  });

  it('explains an HTML answer, and passes on the API error', async () => {
    const html = fakeFetch({ [RC_NEWEST]: 'index.html' });
    await expect(mediawiki.sync(context(html.fetch))).rejects.toThrow(
      "the server did not answer with MediaWiki's API JSON: is the URL the wiki root where api.php lives?",
    );
    const other = fakeFetch({ [RC_NEWEST]: () => Response.json({ status: 'ok' }) });
    await expect(mediawiki.sync(context(other.fetch))).rejects.toThrow(/MediaWiki's API JSON/);
    const denied = fakeFetch({ [RC_NEWEST]: 'readapidenied.json' });
    await expect(mediawiki.sync(context(denied.fetch))).rejects.toThrow(
      `the wiki's API answered "readapidenied": You need read permission to use this module.`,
    );
  });
});

describe('mediawiki adapter: incremental sync', () => {
  const cursor = {
    v: 1,
    namespace: 0,
    rcTimestamp: '2025-06-03T10:00:00Z',
    rcId: 41,
    syncedAt: NOW - 3_600_000,
  };
  const RC = 'action=query&list=recentchanges&rcstart=2025-06-03T10:00:00Z&rcdir=newer&rcnamespace=0';
  const RC_1 = api(`${RC}&rcprop=title|timestamp|ids|loginfo&rctype=edit|new|log&rclimit=100`);
  const RC_2 = api(
    `${RC}&rcprop=title|timestamp|ids|loginfo&rctype=edit|new|log&rclimit=100&rccontinue=20250604091500|45&continue=-||`,
  );
  const CHANGED = content('VPN setup|Travel policy|Printer setup|Printer guide');
  const routes: Record<string, Route> = {
    [RC_1]: 'rc-1.json',
    [RC_2]: 'rc-2.json',
    [CHANGED]: 'pages-changed.json',
    [parse('VPN setup')]: 'parse-vpn-setup-2.json',
  };

  it('turns recent changes into upserts and deletions', async () => {
    const { fetch, requested } = fakeFetch(routes);
    const result = await mediawiki.sync(context(fetch, { cursor }));
    expect(requested).toEqual([RC_1, RC_2, CHANGED, parse('VPN setup')]);
    expect(result).toEqual({
      mode: 'incremental',
      upserts: [
        // The extract is empty (the page starts with a heading): the rendered page instead.
        expect.objectContaining({
          id: 'wiki:VPN_setup',
          summary: 'Steps Install the new VPN client from the portal.',
          updatedAt: Date.parse('2025-06-04T08:00:00Z'),
        }),
        expect.objectContaining({
          id: 'wiki:Travel_policy',
          title: 'Travel policy',
          summary: 'Book trips through the travel desk. Trains before planes under 500 km.',
          url: 'https://wiki.example/wiki/Travel_policy',
          tags: ['finance'],
        }),
        // Moved here from "Printer setup".
        expect.objectContaining({ id: 'wiki:Printer_guide', tags: ['hardware'] }),
      ],
      // Deleted, and the old title of the move (a redirect now).
      deletions: ['wiki:Main_Page', 'wiki:Printer_setup'],
      warnings: [],
      cursor: { v: 1, namespace: 0, rcTimestamp: '2025-06-04T09:20:00Z', rcId: 46, syncedAt: NOW },
    });
  });

  it('brings back a page deleted and then re-created', async () => {
    const rc = JSON.parse(fixture('rc-1.json'));
    delete rc.continue;
    rc.query.recentchanges.push({
      type: 'new',
      ns: 0,
      title: 'Main Page',
      pageid: 11,
      revid: 70,
      rcid: 47,
      timestamp: '2025-06-04T10:00:00Z',
    });
    const pages = JSON.parse(fixture('pages-changed.json'));
    pages.query.pages = [
      pages.query.pages[1],
      {
        pageid: 11,
        ns: 0,
        title: 'Main Page',
        extract: 'Welcome back.',
        fullurl: 'https://wiki.example/wiki/Main_Page',
      },
    ];
    const { fetch } = fakeFetch({
      [RC_1]: () => Response.json(rc),
      [content('VPN setup|Travel policy|Main Page')]: () => Response.json(pages),
    });
    const result = await mediawiki.sync(context(fetch, { cursor }));
    // The VPN page is missing from this answer: it counts as gone.
    expect(result).toMatchObject({
      mode: 'incremental',
      upserts: [{ id: 'wiki:Travel_policy' }, { id: 'wiki:Main_Page', summary: 'Welcome back.' }],
      deletions: ['wiki:VPN_setup'],
    });
  });

  it('answers not-modified when only the cursor entry comes back', async () => {
    const rc = JSON.parse(fixture('rc-1.json'));
    delete rc.continue;
    rc.query.recentchanges = rc.query.recentchanges.slice(0, 1);
    const { fetch, requested } = fakeFetch({ [RC_1]: () => Response.json(rc) });
    expect(await mediawiki.sync(context(fetch, { cursor }))).toEqual({
      mode: 'not-modified',
      cursor: { ...cursor, syncedAt: NOW },
    });
    expect(requested).toEqual([RC_1]);
  });

  it('reads all recent changes when the wiki had none at the last sync', async () => {
    const { fetch, requested } = fakeFetch({
      [api(
        'action=query&list=recentchanges&rcdir=newer&rcnamespace=0&rcprop=title|timestamp|ids|loginfo&rctype=edit|new|log&rclimit=100',
      )]: 'rc-empty.json',
    });
    const result = await mediawiki.sync(
      context(fetch, { cursor: { ...cursor, rcTimestamp: null, rcId: 0 } }),
    );
    expect(result.mode).toBe('not-modified');
    expect(requested[0]).not.toContain('rcstart');
  });

  it('runs a full sync when there are more changed pages than maxItems', async () => {
    const { fetch, requested } = fakeFetch({
      ...routes,
      ...FULL_ROUTES,
      [content('Expense policy')]: 'pages-plain.json',
    });
    const result = await mediawiki.sync(context(fetch, { cursor, maxItems: 1 }));
    expect(requested.slice(0, 2)).toEqual([RC_1, RC_NEWEST]);
    expect(result).toMatchObject({
      mode: 'full',
      warnings: ['stopped at 1 items (the limit for one source)'],
    });
  });

  it.each([
    ['garbage', 'rc=123'],
    ['no version', { namespace: 0, rcTimestamp: '2025-06-03T10:00:00Z', rcId: 41, syncedAt: NOW }],
    ['a bad timestamp', { ...cursor, rcTimestamp: 'yesterday' }],
    ['a bad rcId', { ...cursor, rcId: '41' }],
    ['another namespace', { ...cursor, namespace: 4 }],
    ['an old one', { ...cursor, syncedAt: NOW - FULL_SYNC_AFTER_MS - 1 }],
    ['one from the future', { ...cursor, syncedAt: NOW + 60_000 }],
  ])('runs a full sync when the cursor is not usable (%s)', async (_, bad) => {
    const { fetch, requested } = fakeFetch(FULL_ROUTES);
    const result = await mediawiki.sync(context(fetch, { cursor: bad }));
    expect(result.mode).toBe('full');
    expect(requested[0]).toBe(RC_NEWEST);
  });
});

describe('mediawiki endpoints', () => {
  it.each([
    'https://wiki.example/w',
    'https://wiki.example/w/',
    'https://wiki.example/w/api.php',
    'https://wiki.example/w/index.php?title=Main_Page',
  ])('finds api.php from %s', (url) => {
    expect(endpoints(url)).toEqual({ api: API, root: 'https://wiki.example/w' });
  });
});
