import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import { type AdapterContext, type AdapterResult, HttpError } from '@/utils/sources/types';
import zendesk from '@/utils/sources/zendesk';

const FIXTURES = join(import.meta.dirname, '../../fixtures/sources/zendesk');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const HOST = 'https://acme.zendesk.com';
const NOW = Date.parse('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const LIST = `${HOST}/api/v2/help_center/en-us/articles.json?sort_by=updated_at&sort_order=desc&page[size]=100`;
const LIST_2 = `${HOST}/api/v2/help_center/en-us/articles.json?page[after]=aGVsbG8&page[size]=100&sort_by=updated_at&sort_order=desc`;
const EXPORT = `${HOST}/api/v2/help_center/incremental/articles?start_time=1795255200`;
const EXPORT_2 = `${HOST}/api/v2/help_center/incremental/articles.json?start_time=1795365000`;

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

function source(options?: Record<string, string>, url = HOST): SourceConfig {
  return { id: 'zd', type: 'zendesk', name: 'Acme Help Center', url, builtin: false, tools: [], options };
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

function full(result: AdapterResult) {
  if (result.mode !== 'full') throw new Error(`expected a full sync, got ${result.mode}`);
  return result;
}

function incremental(result: AdapterResult) {
  if (result.mode !== 'incremental') throw new Error(`expected an incremental sync, got ${result.mode}`);
  return result;
}

const LIST_ROUTES = { [LIST]: fixture('articles-1.json'), [LIST_2]: fixture('articles-2.json') };
const INCREMENTAL = source({ incremental: 'true' });
const CURSOR = {
  v: 1,
  startTime: 1795255200,
  fullSyncAt: NOW - 2 * HOUR,
  locale: 'en-us',
  edge: ['360001@2026-11-21T10:00:00Z'],
};

describe('zendesk: full sync', () => {
  it('reads every page of the article list, skipping drafts', async () => {
    const net = fakeFetch(LIST_ROUTES);
    const ctx = context(net.fetch);
    const result = full(await zendesk.sync(ctx));

    expect(net.urls()).toEqual([LIST, LIST_2]);
    expect(net.requests.every((request) => request.headers.get('accept') === 'application/json')).toBe(true);
    expect(result.items).toEqual([
      {
        id: 'zd:360001',
        sourceId: 'zd',
        kind: 'article',
        title: 'How do I reset my password?',
        summary: 'Go to Okta and choose Forgot password. Enter your e-mail. Follow the link we send you.',
        url: `${HOST}/hc/en-us/articles/360001-How-do-I-reset-my-password`,
        tags: ['password', 'okta'],
        tools: ['okta'],
        updatedAt: Date.parse('2026-11-21T10:00:00Z'),
      },
      {
        id: 'zd:360004',
        sourceId: 'zd',
        kind: 'article',
        title: 'Travel booking',
        summary: 'Flights Book flights in Concur.',
        url: `${HOST}/hc/en-us/articles/360004-Travel-booking`,
        tags: [],
        tools: [],
        updatedAt: Date.parse('2026-11-15T12:30:00Z'),
      },
    ]);
    expect(result.warnings).toEqual(['"360003": dropped, its link is not http(s)']);
    // The export starts at the newest update seen (the draft's), which it will list again.
    expect(result.cursor).toEqual({
      v: 1,
      startTime: 1795338000,
      fullSyncAt: NOW,
      locale: 'en-us',
      edge: ['360002@2026-11-22T09:00:00Z'],
    });
    expect(ctx.progressed).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
  });

  it('reads the configured locale', async () => {
    const list = `${HOST}/api/v2/help_center/de/articles.json?sort_by=updated_at&sort_order=desc&page[size]=100`;
    const net = fakeFetch({ [list]: fixture('articles-2.json') });
    const result = full(await zendesk.sync(context(net.fetch, { config: source({ locale: 'DE' }) })));
    expect(net.urls()).toEqual([list]);
    expect(result.cursor).toMatchObject({ locale: 'de' });
  });

  it('takes the locale from a /hc/<locale> address', async () => {
    const list = `${HOST}/api/v2/help_center/fr-ca/articles.json?sort_by=updated_at&sort_order=desc&page[size]=100`;
    const net = fakeFetch({ [list]: fixture('articles-2.json') });
    await zendesk.sync(context(net.fetch, { config: source(undefined, `${HOST}/hc/fr-ca`) }));
    expect(net.urls()).toEqual([list]);
  });

  it('refuses a locale that is not one (it goes into the path)', async () => {
    const net = fakeFetch({});
    await expect(
      zendesk.sync(context(net.fetch, { config: source({ locale: '../users' }) })),
    ).rejects.toThrow('"../users" is not a Help Center locale such as en-us');
    expect(net.requests).toEqual([]);
  });

  it('on its own domain, pages with the after cursor instead of a link to another host', async () => {
    const help = 'https://help.acme.example';
    const list = `${help}/api/v2/help_center/en-us/articles.json?sort_by=updated_at&sort_order=desc&page[size]=100`;
    const net = fakeFetch({
      [list]: fixture('articles-1.json'),
      [`${list}&page[after]=aGVsbG8`]: fixture('articles-2.json'),
    });
    const result = full(
      await zendesk.sync(context(net.fetch, { config: source(undefined, `${help}/hc/en-us`) })),
    );
    expect(net.urls()).toEqual([list, `${list}&page[after]=aGVsbG8`]);
    expect(result.items.map((item) => item.id)).toEqual(['zd:360001', 'zd:360004']);
  });

  it('stops at maxItems and says so', async () => {
    const net = fakeFetch(LIST_ROUTES);
    const result = full(await zendesk.sync(context(net.fetch, { maxItems: 1 })));
    expect(net.urls()).toEqual([LIST]);
    expect(result.items.map((item) => item.id)).toEqual(['zd:360001']);
    expect(result.warnings).toEqual(['stopped at 1 items (the limit for one source)']);
  });

  it('does a full sync when incremental is not enabled, whatever the cursor', async () => {
    const net = fakeFetch(LIST_ROUTES);
    full(await zendesk.sync(context(net.fetch, { cursor: CURSOR })));
    expect(net.urls()).toEqual([LIST, LIST_2]);
  });
});

describe('zendesk: incremental sync', () => {
  it('follows the export from the cursor and turns drafts into deletions', async () => {
    const net = fakeFetch({
      [EXPORT]: fixture('incremental-1.json'),
      [EXPORT_2]: fixture('incremental-2.json'),
    });
    const result = incremental(
      await zendesk.sync(context(net.fetch, { config: INCREMENTAL, cursor: CURSOR })),
    );

    expect(net.urls()).toEqual([EXPORT, EXPORT_2]);
    expect(result.upserts).toEqual([
      {
        id: 'zd:360002',
        sourceId: 'zd',
        kind: 'article',
        title: 'New VPN client',
        summary: 'Install AcmeVPN 5 from the Software Center.',
        url: `${HOST}/hc/en-us/articles/360002-New-VPN-client`,
        tags: ['vpn'],
        tools: [],
        updatedAt: Date.parse('2026-11-22T14:00:00Z'),
      },
      {
        id: 'zd:360005',
        sourceId: 'zd',
        kind: 'article',
        title: 'Macros for refunds',
        summary: 'Use the Refund macro.',
        url: `${HOST}/hc/en-us/articles/360005-Macros-for-refunds`,
        tags: ['zendesk', 'macros'],
        tools: ['zendesk'],
        updatedAt: Date.parse('2026-11-23T09:00:00Z'),
      },
    ]);
    // 360001 was applied last time (edge); 360010 is German; 360004 went back to draft.
    expect(result.deletions).toEqual(['zd:360004']);
    expect(result.warnings).toEqual([]);
    expect(result.cursor).toEqual({
      ...CURSOR,
      startTime: 1795424400,
      edge: ['360004@2026-11-22T16:30:00Z', '360005@2026-11-23T09:00:00Z'],
    });
  });

  it('answers not-modified when the export is empty', async () => {
    const net = fakeFetch({ [EXPORT]: fixture('incremental-empty.json') });
    expect(await zendesk.sync(context(net.fetch, { config: INCREMENTAL, cursor: CURSOR }))).toEqual({
      mode: 'not-modified',
      cursor: CURSOR,
    });
  });

  it('answers not-modified when the export only repeats what was applied', async () => {
    const net = fakeFetch({ [EXPORT]: fixture('incremental-repeat.json') });
    expect(await zendesk.sync(context(net.fetch, { config: INCREMENTAL, cursor: CURSOR }))).toEqual({
      mode: 'not-modified',
      cursor: CURSOR,
    });
    // end_time did not move: the same next_page is not asked for.
    expect(net.urls()).toEqual([EXPORT]);
  });

  it('stops at maxItems and reads the unfinished page again next time', async () => {
    const net = fakeFetch({
      [EXPORT]: fixture('incremental-1.json'),
      [EXPORT_2]: fixture('incremental-2.json'),
    });
    const result = incremental(
      await zendesk.sync(context(net.fetch, { config: INCREMENTAL, cursor: CURSOR, maxItems: 1 })),
    );
    expect(result.upserts.map((item) => item.id)).toEqual(['zd:360002']);
    expect(result.deletions).toEqual(['zd:360004']);
    expect(result.warnings).toEqual(['stopped at 1 items (the limit for one source)']);
    expect(result.cursor).toEqual({
      ...CURSOR,
      startTime: 1795365000,
      edge: [
        '360001@2026-11-21T10:00:00Z',
        '360002@2026-11-22T14:00:00Z',
        '360004@2026-11-22T16:30:00Z',
        '360010@2026-11-22T16:30:00Z',
      ],
    });
  });

  it('falls back to a full sync when the token may not use the export (403)', async () => {
    const net = fakeFetch({ [EXPORT]: { body: '{"error":"Forbidden"}', status: 403 }, ...LIST_ROUTES });
    const result = full(await zendesk.sync(context(net.fetch, { config: INCREMENTAL, cursor: CURSOR })));
    expect(net.urls()).toEqual([EXPORT, LIST, LIST_2]);
    expect(result.warnings[0]).toBe(
      'the incremental export needs an agent or admin token (403): did a full sync instead',
    );
  });

  it('does a full sync once the last one is a day old', async () => {
    const net = fakeFetch(LIST_ROUTES);
    const cursor = { ...CURSOR, fullSyncAt: NOW - 24 * HOUR };
    full(await zendesk.sync(context(net.fetch, { config: INCREMENTAL, cursor })));
    expect(net.urls()).toEqual([LIST, LIST_2]);
  });

  it.each([
    ['a number', 1795255200],
    ['an empty object', {}],
    ['another version', { ...CURSOR, v: 0 }],
    ['a fractional start time', { ...CURSOR, startTime: 1.5 }],
    ['a text start time', { ...CURSOR, startTime: '1795255200' }],
    ['an edge that is not a list of strings', { ...CURSOR, edge: [360001] }],
    ['another locale', { ...CURSOR, locale: 'de' }],
    ['a full sync in the future', { ...CURSOR, fullSyncAt: NOW + 1 }],
  ])('does a full sync when the cursor is %s', async (_, cursor) => {
    const net = fakeFetch(LIST_ROUTES);
    full(await zendesk.sync(context(net.fetch, { config: INCREMENTAL, cursor })));
    expect(net.urls()).toEqual([LIST, LIST_2]);
  });
});

describe('zendesk: answers that are not Zendesk', () => {
  it('explains an HTML page', async () => {
    const net = fakeFetch({ [LIST]: fixture('error.html') });
    await expect(zendesk.sync(context(net.fetch))).rejects.toThrow(
      "the server did not answer with Zendesk's JSON (it sent an HTML page): is the URL the help center, e.g. https://acme.zendesk.com?",
    );
  });

  it('explains JSON of another shape', async () => {
    const net = fakeFetch({ [EXPORT]: fixture('not-zendesk.json') });
    await expect(zendesk.sync(context(net.fetch, { config: INCREMENTAL, cursor: CURSOR }))).rejects.toThrow(
      'the server\'s JSON has no Zendesk "articles" list',
    );
  });
});
