import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import servicenow from '@/utils/sources/servicenow';
import { type AdapterContext, type AdapterResult, HttpError } from '@/utils/sources/types';

const FIXTURES = join(import.meta.dirname, '../../fixtures/sources/servicenow');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const HOST = 'https://acme.service-now.com';
const NOW = Date.parse('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const FIELDS = 'sys_id,number,short_description,text,sys_updated_on,kb_category,meta,workflow_state';
const table = (query: string) =>
  `${HOST}/api/now/table/kb_knowledge?sysparm_query=${encodeURIComponent(query)}&sysparm_fields=${FIELDS}&sysparm_limit=100&sysparm_display_value=false`;
const FULL = table('workflow_state=published^ORDERBYDESCsys_updated_on^ORDERBYsys_id');
/** What ServiceNow puts in its Link header: its own parameter order, commas and all. */
const linked = (offset: number) =>
  `${HOST}/api/now/table/kb_knowledge?sysparm_display_value=false&sysparm_fields=${FIELDS}&sysparm_limit=3&sysparm_offset=${offset}&sysparm_query=workflow_state%3Dpublished%5EORDERBYDESCsys_updated_on%5EORDERBYsys_id`;
const LINK_1 = `<${linked(0)}>;rel="first",<${linked(3)}>;rel="next",<${linked(3)}>;rel="last"`;
const LINK_2 = `<${linked(0)}>;rel="first",<${linked(0)}>;rel="prev",<${linked(3)}>;rel="last"`;

const A1 = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const B0 = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e';

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

function source(options?: Record<string, string>): SourceConfig {
  return {
    id: 'sn',
    type: 'servicenow',
    name: 'Acme IT',
    url: `${HOST}/`,
    builtin: false,
    tools: [],
    options,
  };
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

/** A page of `count` published articles, one second apart, newest first. */
function articles(count: number, from = 0) {
  return JSON.stringify({
    result: Array.from({ length: count }, (_, index) => ({
      sys_id: `id${from + index}`,
      number: `KB${from + index}`,
      short_description: `Article ${from + index}`,
      text: '<p>Body</p>',
      sys_updated_on: new Date(Date.parse('2026-11-01T00:00:00Z') - (from + index) * 1000)
        .toISOString()
        .slice(0, 19)
        .replace('T', ' '),
      workflow_state: 'published',
    })),
  });
}

const FULL_ROUTES = {
  [FULL]: { body: fixture('full-1.json'), headers: { link: LINK_1, 'x-total-count': '5' } },
  [linked(3)]: { body: fixture('full-2.json'), headers: { link: LINK_2, 'x-total-count': '5' } },
};
const CURSOR = { v: 1, watermark: '2026-11-22 08:15:00', fullSyncAt: NOW - 2 * HOUR, query: '', edge: [A1] };
const INCREMENTAL_QUERY =
  "workflow_stateINpublished,retired,outdated^sys_updated_on>javascript:gs.dateGenerate('2026-11-21','08:15:00')^ORDERBYsys_updated_on^ORDERBYsys_id";
const INCREMENTAL = table(INCREMENTAL_QUERY);

describe('servicenow: full sync', () => {
  it('reads published articles newest first, paging by the Link header', async () => {
    const net = fakeFetch(FULL_ROUTES);
    const ctx = context(net.fetch);
    const result = full(await servicenow.sync(ctx));

    expect(net.urls()).toEqual([FULL, linked(3)]);
    expect(new URL(FULL).searchParams.get('sysparm_query')).toBe(
      'workflow_state=published^ORDERBYDESCsys_updated_on^ORDERBYsys_id',
    );
    expect(FULL).toContain(
      'sysparm_query=workflow_state%3Dpublished%5EORDERBYDESCsys_updated_on%5EORDERBYsys_id&',
    );
    expect(net.requests.every((request) => request.headers.get('accept') === 'application/json')).toBe(true);
    expect(result.items).toEqual([
      {
        id: `sn:${B0}`,
        sourceId: 'sn',
        kind: 'article',
        title: 'Request software',
        summary: 'Self-service Open the portal → Software.',
        url: `${HOST}/kb_view.do?sysparm_article=KB0010002`,
        tags: [],
        tools: [],
        updatedAt: Date.parse('2026-11-22T08:15:00Z'),
      },
      {
        id: `sn:${A1}`,
        sourceId: 'sn',
        kind: 'article',
        title: 'Connect to the office Wi-Fi',
        summary: 'Choose Acme-Staff and sign in with Okta. Guests use Acme-Guest.',
        url: `${HOST}/kb_view.do?sysparm_article=KB0010001`,
        // meta keywords are tags; one names a tool.
        tags: ['wifi', 'network', 'okta'],
        tools: ['okta'],
        updatedAt: Date.parse('2026-11-22T08:15:00Z'),
      },
      {
        id: 'sn:c3d4e5f60718293a4b5c6d7e8f90a1b2',
        sourceId: 'sn',
        kind: 'article',
        title: 'Password policy',
        summary: 'Passwords need 14 characters.',
        url: `${HOST}/kb_view.do?sysparm_article=KB0010003`,
        tags: ['security', 'passwords', 'policy'],
        tools: [],
        updatedAt: Date.parse('2026-11-10T17:45:30Z'),
      },
      {
        id: 'sn:e5f60718293a4b5c6d7e8f90a1b2c3d4',
        sourceId: 'sn',
        kind: 'article',
        title: 'Printer queue',
        summary: 'Send jobs to \\\\print01\\follow-me.',
        // No number: the article's sys_id opens it.
        url: `${HOST}/kb_view.do?sys_kb_id=e5f60718293a4b5c6d7e8f90a1b2c3d4`,
        tags: ['printing'],
        tools: [],
        updatedAt: Date.parse('2026-09-15T23:59:59Z'),
      },
    ]);
    expect(result.warnings).toEqual(['"d4e5f60718293a4b5c6d7e8f90a1b2c3": no title']);
    // Both articles of the newest second are in the edge: the next sync asks from before them.
    expect(result.cursor).toEqual({
      v: 1,
      watermark: '2026-11-22 08:15:00',
      fullSyncAt: NOW,
      query: '',
      edge: [B0, A1],
    });
    expect(ctx.progressed).toEqual([
      [3, 5],
      [4, 5],
    ]);
  });

  it('adds the configured encoded query to the filter', async () => {
    const query = 'kb_knowledge_base=dfc19531bf2021003f07e2c1ac0739ab^ORkb_knowledge_base=0a1b';
    const url = table(`workflow_state=published^${query}^ORDERBYDESCsys_updated_on^ORDERBYsys_id`);
    const net = fakeFetch({ [url]: fixture('empty.json') });
    const result = full(
      await servicenow.sync(context(net.fetch, { config: source({ query: `^${query}` }) })),
    );
    expect(net.urls()).toEqual([url]);
    expect(result.cursor).toEqual({ v: 1, watermark: '', fullSyncAt: NOW, query: `^${query}`, edge: [] });
  });

  it('refuses a query with ^NQ, which would list unpublished articles too', async () => {
    const net = fakeFetch({});
    await expect(
      servicenow.sync(
        context(net.fetch, { config: source({ query: 'active=true^NQworkflow_state=draft' }) }),
      ),
    ).rejects.toThrow('the encoded query may not contain ^NQ');
    expect(net.requests).toEqual([]);
  });

  it('pages by sysparm_offset when there is no Link header', async () => {
    const net = fakeFetch({
      [FULL]: { body: articles(100), headers: { 'x-total-count': '101' } },
      [`${FULL}&sysparm_offset=100`]: { body: articles(1, 100), headers: { 'x-total-count': '101' } },
    });
    const result = full(await servicenow.sync(context(net.fetch)));
    expect(net.urls()).toEqual([FULL, `${FULL}&sysparm_offset=100`]);
    expect(result.items).toHaveLength(101);
  });

  it('pages by offset on its own origin when the Link header points elsewhere', async () => {
    const net = fakeFetch({
      [FULL]: {
        body: articles(100),
        headers: { link: '<https://evil.example/api/now/table/kb_knowledge>;rel="next"' },
      },
      [`${FULL}&sysparm_offset=100`]: fixture('empty.json'),
    });
    full(await servicenow.sync(context(net.fetch)));
    expect(net.urls()).toEqual([FULL, `${FULL}&sysparm_offset=100`]);
  });

  it('stops at maxItems and says so', async () => {
    const net = fakeFetch(FULL_ROUTES);
    const result = full(await servicenow.sync(context(net.fetch, { maxItems: 2 })));
    expect(net.urls()).toEqual([FULL]);
    expect(result.items.map((item) => item.id)).toEqual([`sn:${B0}`, `sn:${A1}`]);
    expect(result.warnings).toEqual(['stopped at 2 items (the limit for one source)']);
  });
});

describe('servicenow: incremental sync', () => {
  it('asks for changes since a day before the watermark, oldest first, and applies them', async () => {
    const net = fakeFetch({
      [INCREMENTAL]: { body: fixture('incremental.json'), headers: { 'x-total-count': '6' } },
    });
    const ctx = context(net.fetch, { cursor: CURSOR });
    const result = incremental(await servicenow.sync(ctx));

    expect(net.urls()).toEqual([INCREMENTAL]);
    expect(new URL(INCREMENTAL).searchParams.get('sysparm_query')).toBe(INCREMENTAL_QUERY);
    expect(INCREMENTAL).toContain(
      "sysparm_query=workflow_stateINpublished%2Cretired%2Coutdated%5Esys_updated_on%3Ejavascript%3Ags.dateGenerate('2026-11-21'%2C'08%3A15%3A00')%5EORDERBYsys_updated_on%5EORDERBYsys_id&",
    );
    expect(result.upserts).toEqual([
      {
        id: `sn:${B0}`,
        sourceId: 'sn',
        kind: 'article',
        title: 'Request software',
        summary: 'Open the portal and choose Software.',
        url: `${HOST}/kb_view.do?sysparm_article=KB0010002`,
        tags: ['software'],
        tools: [],
        updatedAt: Date.parse('2026-11-22T08:15:00Z'),
      },
      {
        id: 'sn:b8c9d0e1f20314253647586970a1b2c3',
        sourceId: 'sn',
        kind: 'article',
        title: 'Expense claims',
        summary: 'Claims now go through Concur.',
        url: `${HOST}/kb_view.do?sysparm_article=KB0010008`,
        tags: ['concur', 'expenses'],
        tools: ['concur'],
        updatedAt: Date.parse('2026-11-22T11:30:00Z'),
      },
    ]);
    // Older than the watermark or applied in its second: skipped. Retired and outdated: gone.
    expect(result.deletions).toEqual([
      'sn:f60718293a4b5c6d7e8f90a1b2c3d4e5',
      'sn:a7b8c9d0e1f20314253647586970a1b2',
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.cursor).toEqual({
      ...CURSOR,
      watermark: '2026-11-22 11:30:00',
      edge: ['a7b8c9d0e1f20314253647586970a1b2', 'b8c9d0e1f20314253647586970a1b2c3'],
    });
    // X-Total-Count counts the day before the watermark too: no total.
    expect(ctx.progressed).toEqual([[2, undefined]]);
  });

  it('adds the configured query after the watermark', async () => {
    const url = table(
      "workflow_stateINpublished,retired,outdated^sys_updated_on>javascript:gs.dateGenerate('2026-11-21','08:15:00')^kb_knowledge_base=abc^ORDERBYsys_updated_on^ORDERBYsys_id",
    );
    const net = fakeFetch({ [url]: fixture('empty.json') });
    const cursor = { ...CURSOR, query: '^kb_knowledge_base=abc' };
    const result = await servicenow.sync(
      context(net.fetch, { config: source({ query: 'kb_knowledge_base=abc' }), cursor }),
    );
    expect(net.urls()).toEqual([url]);
    expect(result).toEqual({ mode: 'not-modified', cursor });
  });

  it('answers not-modified when nothing changed', async () => {
    const net = fakeFetch({ [INCREMENTAL]: fixture('empty.json') });
    expect(await servicenow.sync(context(net.fetch, { cursor: CURSOR }))).toEqual({
      mode: 'not-modified',
      cursor: CURSOR,
    });
  });

  it('stops at maxItems and keeps the watermark at the last article applied', async () => {
    const net = fakeFetch({ [INCREMENTAL]: fixture('incremental.json') });
    const result = incremental(await servicenow.sync(context(net.fetch, { cursor: CURSOR, maxItems: 1 })));
    expect(result.upserts.map((item) => item.id)).toEqual([`sn:${B0}`]);
    expect(result.deletions).toEqual([
      'sn:f60718293a4b5c6d7e8f90a1b2c3d4e5',
      'sn:a7b8c9d0e1f20314253647586970a1b2',
    ]);
    expect(result.warnings).toEqual(['stopped at 1 items (the limit for one source)']);
    // The outdated article of 11:30:00 was applied, its published sibling was not: next time it is.
    expect(result.cursor).toEqual({
      ...CURSOR,
      watermark: '2026-11-22 11:30:00',
      edge: ['a7b8c9d0e1f20314253647586970a1b2'],
    });
  });

  it('does a full sync once the last one is a day old, so that deleted records disappear', async () => {
    const net = fakeFetch(FULL_ROUTES);
    full(await servicenow.sync(context(net.fetch, { cursor: { ...CURSOR, fullSyncAt: NOW - 25 * HOUR } })));
    expect(net.urls()).toEqual([FULL, linked(3)]);
  });

  it.each([
    ['undefined', undefined],
    ['a date string', '2026-11-22 08:15:00'],
    ['another version', { ...CURSOR, v: 2 }],
    ['an ISO watermark', { ...CURSOR, watermark: '2026-11-22T08:15:00Z' }],
    ['a watermark with SQL in it', { ...CURSOR, watermark: "2026-11-22 08:15:00')^NQ" }],
    ['no full sync time', { ...CURSOR, fullSyncAt: undefined }],
    ['no edge', { ...CURSOR, edge: undefined }],
    ['another query', { ...CURSOR, query: '^kb_knowledge_base=abc' }],
  ])('does a full sync when the cursor is %s', async (_, cursor) => {
    const net = fakeFetch(FULL_ROUTES);
    full(await servicenow.sync(context(net.fetch, { cursor })));
    expect(net.urls()).toEqual([FULL, linked(3)]);
  });
});

describe('servicenow: answers that are not ServiceNow', () => {
  it('explains an HTML page (a login page, or a hibernating instance)', async () => {
    const net = fakeFetch({
      [FULL]: { body: fixture('hibernating.html'), headers: { 'content-type': 'text/html' } },
    });
    await expect(servicenow.sync(context(net.fetch))).rejects.toThrow(
      "the server did not answer with ServiceNow's JSON (it sent an HTML page: a login page, or a hibernating instance?): is the URL the instance root, e.g. https://acme.service-now.com?",
    );
  });

  it('explains JSON of another shape', async () => {
    const net = fakeFetch({ [FULL]: fixture('not-servicenow.json') });
    await expect(servicenow.sync(context(net.fetch))).rejects.toThrow(
      'the server\'s JSON has no ServiceNow "result" list',
    );
  });
});
