import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import confluence from '@/utils/sources/confluence';
import { type AdapterContext, type AdapterResult, HttpError } from '@/utils/sources/types';

const FIXTURES = join(import.meta.dirname, '../../fixtures/sources/confluence');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const SITE = 'https://acme.atlassian.net';
const NOW = Date.parse('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const PAGES = `${SITE}/wiki/api/v2/pages?sort=-modified-date&body-format=storage&limit=100`;
const PAGES_2 = `${PAGES}&cursor=eyJpZCI6IjEwMDMifQ`;
const SEARCH_NEXT = `${SITE}/wiki/rest/api/content/search?next=true&cursor=_f_NTA%3D_sa_WyJcdDEwMDIiXQ&limit=50&start=2`;

type Route = string | { body: string; status?: number; headers?: Record<string, string> };

/** A fetch that serves fixtures by exact URL, records what was asked, and fails like the engine's. */
function fakeFetch(routes: Record<string, Route>) {
  const requests: { url: string; headers: Headers }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    requests.push({ url, headers: new Headers(init?.headers) });
    const route = routes[url];
    if (route === undefined) throw new Error(`unexpected request: ${url}`);
    const { body, status = 200, headers = {} } = typeof route === 'string' ? { body: route } : route;
    if (status < 200 || status > 299) throw new HttpError(status, `the server answered ${status}`);
    return new Response(body, { status, headers });
  };
  return { fetch, requests, urls: () => requests.map((request) => request.url) };
}

function source(options?: Record<string, string>, url = `${SITE}/wiki`): SourceConfig {
  return { id: 'kb', type: 'confluence', name: 'Acme KB', url, builtin: false, tools: [], options };
}

function context(
  fetch: AdapterContext['fetch'],
  extra: Partial<AdapterContext> = {},
): AdapterContext & { progressed: [number, number | undefined][] } {
  const progressed: [number, number | undefined][] = [];
  return {
    config: source(),
    fetch,
    now: NOW,
    maxItems: 1000,
    progress: (done, total) => progressed.push([done, total]),
    progressed,
    ...extra,
  };
}

const FULL_ROUTES = { [PAGES]: fixture('pages-1.json'), [PAGES_2]: fixture('pages-2.json') };

function full(result: AdapterResult) {
  if (result.mode !== 'full') throw new Error(`expected a full sync, got ${result.mode}`);
  return result;
}

function incremental(result: AdapterResult) {
  if (result.mode !== 'incremental') throw new Error(`expected an incremental sync, got ${result.mode}`);
  return result;
}

/** The CQL of a content search URL, decoded. */
function cqlOf(url: string): string | null {
  return new URL(url).searchParams.get('cql');
}

const CURSOR = {
  v: 1,
  watermark: Date.parse('2026-11-20T09:30:00.000Z'),
  fullSyncAt: NOW - 2 * HOUR,
  space: '',
};
const CQL_SEARCH = `${SITE}/wiki/rest/api/content/search?cql=${encodeURIComponent(
  'type=page AND lastmodified > "2026/11/19 09:30" order by lastmodified asc',
)}&expand=body.storage,version,metadata.labels&limit=50`;

describe('confluence: full sync', () => {
  it('reads every page of the v2 list and maps pages to items', async () => {
    const net = fakeFetch(FULL_ROUTES);
    const ctx = context(net.fetch);
    const result = full(await confluence.sync(ctx));

    expect(net.urls()).toEqual([PAGES, PAGES_2]);
    expect(net.requests.every((request) => request.headers.get('accept') === 'application/json')).toBe(true);
    expect(result.items).toEqual([
      {
        id: 'kb:1001',
        sourceId: 'kb',
        kind: 'article',
        title: 'Reset your VPN token',
        // The script's text is gone; the macro's body stays.
        summary: 'Before you start Open the Okta dashboard & choose Reset token. Tokens last 90 days.',
        url: `${SITE}/wiki/spaces/KB/pages/1001/Reset+your+VPN+token`,
        tags: [],
        tools: [],
        updatedAt: Date.parse('2026-11-20T09:30:00.000Z'),
      },
      {
        id: 'kb:1002',
        sourceId: 'kb',
        kind: 'article',
        title: 'Expense policy 2026',
        summary: 'Meals up to 40 EUR a day.',
        url: `${SITE}/wiki/spaces/KB/pages/1002/Expense+policy+2026`,
        tags: [],
        tools: [],
        updatedAt: Date.parse('2026-11-18T15:00:00.000Z'),
      },
      {
        id: 'kb:1005',
        sourceId: 'kb',
        kind: 'article',
        title: 'Book a meeting room',
        summary: 'Use the room finder.',
        url: `${SITE}/wiki/spaces/KB/pages/1005/Book+a+meeting+room`,
        tags: [],
        tools: [],
        updatedAt: Date.parse('2026-11-01T07:45:00.000Z'),
      },
    ]);
    // The archived page is not listed; the javascript: link is dropped and said so.
    expect(result.warnings).toEqual(['"1004": dropped, its link is not http(s)']);
    expect(result.cursor).toEqual({
      v: 1,
      watermark: Date.parse('2026-11-20T09:30:00.000Z'),
      fullSyncAt: NOW,
      space: '',
    });
    expect(ctx.progressed).toEqual([
      [2, undefined],
      [3, undefined],
    ]);
  });

  it('accepts the site root without /wiki', async () => {
    const net = fakeFetch(FULL_ROUTES);
    const result = full(await confluence.sync(context(net.fetch, { config: source(undefined, `${SITE}/`) })));
    expect(net.urls()).toEqual([PAGES, PAGES_2]);
    expect(result.items.map((item) => item.url)[0]).toBe(
      `${SITE}/wiki/spaces/KB/pages/1001/Reset+your+VPN+token`,
    );
  });

  it('resolves a space key to its id and filters the list by it', async () => {
    const spaces = `${SITE}/wiki/api/v2/spaces?keys=KB`;
    const inSpace = `${PAGES}&space-id=98304`;
    const net = fakeFetch({ [spaces]: fixture('spaces.json'), [inSpace]: fixture('pages-2.json') });
    const result = full(await confluence.sync(context(net.fetch, { config: source({ space: 'KB' }) })));
    expect(net.urls()).toEqual([spaces, inSpace]);
    expect(result.items.map((item) => item.id)).toEqual(['kb:1005']);
    expect(result.cursor).toMatchObject({ space: 'KB', watermark: Date.parse('2026-11-10T12:00:00.000Z') });
  });

  it('says so when the space does not exist', async () => {
    const net = fakeFetch({ [`${SITE}/wiki/api/v2/spaces?keys=NOPE`]: fixture('spaces-none.json') });
    await expect(confluence.sync(context(net.fetch, { config: source({ space: 'NOPE' }) }))).rejects.toThrow(
      'Confluence has no space with the key "NOPE" that this account can see',
    );
  });

  it('refuses a space key that is not one (it would go into CQL)', async () => {
    const net = fakeFetch({});
    await expect(
      confluence.sync(context(net.fetch, { config: source({ space: 'KB" OR type=blogpost' }) })),
    ).rejects.toThrow('is not a Confluence space key');
    expect(net.requests).toEqual([]);
  });

  it('stops at maxItems and says so', async () => {
    const net = fakeFetch(FULL_ROUTES);
    const result = full(await confluence.sync(context(net.fetch, { maxItems: 1 })));
    expect(net.urls()).toEqual([PAGES]);
    expect(result.items.map((item) => item.id)).toEqual(['kb:1001']);
    expect(result.warnings).toEqual(['stopped at 1 items (the limit for one source)']);
  });

  it('does not follow a next link to another host', async () => {
    const page = JSON.parse(fixture('pages-1.json'));
    page._links.next = 'https://evil.example/wiki/api/v2/pages?cursor=x';
    const net = fakeFetch({ [PAGES]: JSON.stringify(page) });
    const result = full(await confluence.sync(context(net.fetch)));
    expect(net.urls()).toEqual([PAGES]);
    expect(result.warnings).toEqual(['stopped paging: the next page is on another host (evil.example)']);
  });

  it('stops when the server sends the same next link again', async () => {
    const page = JSON.parse(fixture('pages-2.json'));
    page._links.next = '/wiki/api/v2/pages?sort=-modified-date&body-format=storage&limit=100';
    const net = fakeFetch({ [PAGES]: JSON.stringify(page) });
    const result = full(await confluence.sync(context(net.fetch)));
    expect(net.urls()).toEqual([PAGES]);
    expect(result.warnings).toContain('stopped paging: Confluence sent the same next page again');
  });
});

describe('confluence: incremental sync', () => {
  it('asks CQL for pages changed since a day before the watermark and applies what changed', async () => {
    const net = fakeFetch({
      [CQL_SEARCH]: fixture('search-1.json'),
      [SEARCH_NEXT]: fixture('search-2.json'),
    });
    const ctx = context(net.fetch, { cursor: CURSOR });
    const result = incremental(await confluence.sync(ctx));

    expect(net.urls()).toEqual([CQL_SEARCH, SEARCH_NEXT]);
    expect(cqlOf(CQL_SEARCH)).toBe(
      'type=page AND lastmodified > "2026/11/19 09:30" order by lastmodified asc',
    );
    expect(result.upserts).toEqual([
      {
        id: 'kb:1002',
        sourceId: 'kb',
        kind: 'article',
        title: 'Expense policy 2026',
        summary: 'Meals up to 45 EUR a day. File receipts in Concur within 30 days.',
        url: `${SITE}/wiki/spaces/KB/pages/1002/Expense+policy+2026`,
        // Labels are tags; a label that names a tool targets it.
        tags: ['expenses', 'concur'],
        tools: ['concur'],
        updatedAt: Date.parse('2026-11-21T08:00:00.000Z'),
      },
      {
        id: 'kb:1006',
        sourceId: 'kb',
        kind: 'article',
        title: 'Request a new laptop',
        summary: 'Open a ticket in ServiceNow.',
        url: `${SITE}/wiki/spaces/IT/pages/1006/Request+a+new+laptop`,
        tags: ['hardware'],
        tools: [],
        updatedAt: Date.parse('2026-11-22T10:15:00.000Z'),
      },
    ]);
    // 1001 is at the watermark (unchanged); 1005 went to the trash.
    expect(result.deletions).toEqual(['kb:1005']);
    expect(result.warnings).toEqual([]);
    expect(result.cursor).toEqual({ ...CURSOR, watermark: Date.parse('2026-11-22T11:00:00.000Z') });
  });

  it('adds the space to the CQL when one is configured', async () => {
    const spaced = `${SITE}/wiki/rest/api/content/search?cql=${encodeURIComponent(
      'type=page AND lastmodified > "2026/11/19 09:30" AND space="KB" order by lastmodified asc',
    )}&expand=body.storage,version,metadata.labels&limit=50`;
    const net = fakeFetch({ [spaced]: fixture('search-unchanged.json') });
    const result = await confluence.sync(
      context(net.fetch, { config: source({ space: 'KB' }), cursor: { ...CURSOR, space: 'KB' } }),
    );
    expect(net.urls()).toEqual([spaced]);
    expect(result).toEqual({ mode: 'not-modified', cursor: { ...CURSOR, space: 'KB' } });
  });

  it('answers not-modified when the search has nothing newer than the watermark', async () => {
    const net = fakeFetch({ [CQL_SEARCH]: fixture('search-unchanged.json') });
    expect(await confluence.sync(context(net.fetch, { cursor: CURSOR }))).toEqual({
      mode: 'not-modified',
      cursor: CURSOR,
    });
  });

  it('pages by start + limit when a full page comes without a next link', async () => {
    const results = Array.from({ length: 50 }, (_, index) => ({
      id: String(2000 + index),
      type: 'page',
      status: 'current',
      title: `Page ${index}`,
      body: { storage: { value: `<p>Body ${index}</p>` } },
      version: { when: new Date(CURSOR.watermark + (index + 1) * 1000).toISOString() },
      _links: { webui: `/spaces/KB/pages/${2000 + index}` },
    }));
    const next = `${CQL_SEARCH}&start=50`;
    const net = fakeFetch({
      [CQL_SEARCH]: JSON.stringify({ results, start: 0, limit: 50, size: 50, _links: {} }),
      [next]: fixture('search-2.json'),
    });
    const result = incremental(await confluence.sync(context(net.fetch, { cursor: CURSOR })));
    expect(net.urls()).toEqual([CQL_SEARCH, next]);
    expect(result.upserts).toHaveLength(51);
  });

  it('stops at maxItems and keeps the watermark at the last page applied', async () => {
    const net = fakeFetch({
      [CQL_SEARCH]: fixture('search-1.json'),
      [SEARCH_NEXT]: fixture('search-2.json'),
    });
    const result = incremental(await confluence.sync(context(net.fetch, { cursor: CURSOR, maxItems: 1 })));
    expect(net.urls()).toEqual([CQL_SEARCH, SEARCH_NEXT]);
    expect(result.upserts.map((item) => item.id)).toEqual(['kb:1002']);
    expect(result.deletions).toEqual([]);
    expect(result.warnings).toEqual(['stopped at 1 items (the limit for one source)']);
    // Results come oldest first: the next sync carries on after 1002.
    expect(result.cursor).toEqual({ ...CURSOR, watermark: Date.parse('2026-11-21T08:00:00.000Z') });
  });

  it('does a full sync once the last one is a day old, so that deleted pages disappear', async () => {
    const net = fakeFetch(FULL_ROUTES);
    const result = full(
      await confluence.sync(context(net.fetch, { cursor: { ...CURSOR, fullSyncAt: NOW - 24 * HOUR } })),
    );
    expect(net.urls()).toEqual([PAGES, PAGES_2]);
    expect(result.cursor).toMatchObject({ fullSyncAt: NOW });
  });

  it.each([
    ['a string', 'since-yesterday'],
    ['null', null],
    ['an array', [CURSOR]],
    ['another version', { ...CURSOR, v: 2 }],
    ['no watermark', { ...CURSOR, watermark: undefined }],
    ['a text watermark', { ...CURSOR, watermark: '2026-11-20' }],
    ['a negative watermark', { ...CURSOR, watermark: -1 }],
    ['a full sync in the future', { ...CURSOR, fullSyncAt: NOW + HOUR }],
    ['another space', { ...CURSOR, space: 'HR' }],
  ])('does a full sync when the cursor is %s', async (_, cursor) => {
    const net = fakeFetch(FULL_ROUTES);
    const result = full(await confluence.sync(context(net.fetch, { cursor })));
    expect(net.urls()).toEqual([PAGES, PAGES_2]);
    expect(result.items).toHaveLength(3);
  });
});

describe('confluence: answers that are not Confluence', () => {
  it('explains an HTML page (a login page, or the wrong address)', async () => {
    const net = fakeFetch({
      [PAGES]: { body: fixture('login.html'), headers: { 'content-type': 'text/html' } },
    });
    await expect(confluence.sync(context(net.fetch))).rejects.toThrow(
      "the server did not answer with Confluence's JSON (it sent an HTML page): is the URL the site root, e.g. https://acme.atlassian.net?",
    );
  });

  it('explains JSON of another shape', async () => {
    const net = fakeFetch({ [PAGES]: fixture('not-confluence.json') });
    await expect(confluence.sync(context(net.fetch))).rejects.toThrow(
      'the server\'s JSON has no Confluence "results" list: is the URL the site root',
    );
  });

  it('lets the engine’s HTTP errors through', async () => {
    const net = fakeFetch({ [PAGES]: { body: '{}', status: 401 } });
    await expect(confluence.sync(context(net.fetch))).rejects.toBeInstanceOf(HttpError);
  });
});
