import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import discourse, { FULL_SYNC_EVERY_MS, MAX_TOPIC_FETCHES } from '@/utils/sources/discourse';
import { type AdapterContext, HttpError } from '@/utils/sources/types';
import { fixtureFetch, type Route } from './fixture-fetch';

function fakeFetch(routes: Record<string, Route>) {
  return fixtureFetch('discourse', routes);
}

const ROOT = 'https://forum.example';
const NOW = Date.parse('2025-06-05T12:00:00Z');
const config: SourceConfig = {
  id: 'forum',
  type: 'discourse',
  name: 'Help forum',
  url: `${ROOT}/`,
  builtin: false,
  tools: [],
};

const FULL_ROUTES: Record<string, Route> = {
  [`${ROOT}/latest.json`]: 'latest.json',
  [`${ROOT}/latest.json?no_definitions=true&page=1`]: 'latest-page1.json',
  [`${ROOT}/t/101.json`]: 't-101.json',
  [`${ROOT}/t/102.json`]: 't-102.json',
  [`${ROOT}/t/103.json`]: 't-103.json',
  [`${ROOT}/t/104.json`]: 't-104.json',
  [`${ROOT}/t/105.json`]: 't-105.json',
};

function context(fetch: AdapterContext['fetch'], extra: Partial<AdapterContext> = {}): AdapterContext {
  return { config, fetch, now: NOW, maxItems: 500, ...extra };
}

describe('discourse adapter: full sync', () => {
  it('reads every page, the first posts of topics without an excerpt, and maps the topics', async () => {
    const { fetch, requested } = fakeFetch(FULL_ROUTES);
    const progress: number[] = [];
    const result = await discourse.sync(context(fetch, { progress: (done) => progress.push(done) }));

    expect(requested).toEqual([
      `${ROOT}/latest.json`,
      `${ROOT}/latest.json?no_definitions=true&page=1`,
      `${ROOT}/t/101.json`,
      `${ROOT}/t/102.json`,
      `${ROOT}/t/103.json`,
      `${ROOT}/t/104.json`,
    ]);
    expect(progress).toEqual([3, 5]);
    expect(result).toEqual({
      mode: 'full',
      warnings: [],
      cursor: { v: 1, bumpedAt: Date.parse('2025-06-03T10:00:00.000Z'), fullAt: NOW },
      items: [
        expect.objectContaining({
          id: 'forum:7',
          title: 'Welcome to the Help forum',
          // The list's excerpt: no request for the pinned topic.
          summary: 'Read this first: how to ask a good question & get an answer fast…',
          url: `${ROOT}/t/welcome-to-the-help-forum/7`,
          tags: [],
          updatedAt: Date.parse('2025-01-10T08:00:00.000Z'),
        }),
        expect.objectContaining({
          id: 'forum:101',
          title: 'How do I reset my VPN token?',
          summary:
            'Open the self-service portal and press Reset token. The new token works within 5 minutes.',
          url: `${ROOT}/t/how-do-i-reset-my-vpn-token/101`,
          tags: ['vpn', 'security'],
          updatedAt: Date.parse('2025-06-03T10:00:00.000Z'),
        }),
        expect.objectContaining({
          id: 'forum:102',
          // Tags as objects (newer Discourse versions).
          tags: ['finance', 'approvals'],
          url: `${ROOT}/t/expense-report-stuck-in-approval/102`,
        }),
        expect.objectContaining({
          id: 'forum:103',
          summary: 'The floor 3 printer is being replaced; use the one on floor 2.',
        }),
        expect.objectContaining({
          id: 'forum:104',
          summary: 'When do we get new laptops? Every three years, in your hire month.',
        }),
      ],
    });
    // The unlisted topic is left out; the topic that moved to the next page comes once.
    if (result.mode !== 'full') throw new Error('expected a full sync');
    expect(result.items.map((item) => item.id)).toEqual([
      'forum:7',
      'forum:101',
      'forum:102',
      'forum:103',
      'forum:104',
    ]);
    for (const item of result.items) expect(item.summary).not.toMatch(/xss|alert|<script/);
  });

  it('stops at maxItems with a warning, without reading further pages', async () => {
    const { fetch, requested } = fakeFetch(FULL_ROUTES);
    const result = await discourse.sync(context(fetch, { maxItems: 2 }));
    expect(requested).toEqual([`${ROOT}/latest.json`, `${ROOT}/t/101.json`]);
    expect(result).toMatchObject({
      mode: 'full',
      warnings: ['stopped at 2 items (the limit for one source)'],
      items: [{ id: 'forum:7' }, { id: 'forum:101' }],
    });
  });

  it(`reads at most ${MAX_TOPIC_FETCHES} first posts per sync and says how many topics have no summary`, async () => {
    const topics = Array.from({ length: 55 }, (_, index) => ({
      id: 1000 + index,
      title: `Question ${index}`,
      slug: `question-${index}`,
      bumped_at: new Date(NOW - index * 60_000).toISOString(),
      tags: [],
    }));
    const routes: Record<string, Route> = {
      [`${ROOT}/latest.json`]: () => Response.json({ topic_list: { topics } }),
    };
    for (const topic of topics) {
      routes[`${ROOT}/t/${topic.id}.json`] = () =>
        Response.json({ post_stream: { posts: [{ post_number: 1, cooked: `<p>Answer ${topic.id}</p>` }] } });
    }
    const { fetch, requested } = fakeFetch(routes);
    const result = await discourse.sync(context(fetch));
    expect(requested).toHaveLength(1 + MAX_TOPIC_FETCHES);
    if (result.mode !== 'full') throw new Error('expected a full sync');
    expect(result.items).toHaveLength(55);
    expect(result.items[49]?.summary).toBe('Answer 1049');
    expect(result.items[50]?.summary).toBe('');
    expect(result.warnings).toEqual([
      '5 topics have no summary: at most 50 topics are read per sync, the rest on later syncs',
    ]);
  });

  it('keeps a topic whose first post is gone, with a warning', async () => {
    const { fetch } = fakeFetch({
      ...FULL_ROUTES,
      [`${ROOT}/latest.json?no_definitions=true&page=1`]: () => Response.json({ topic_list: { topics: [] } }),
      [`${ROOT}/t/102.json`]: () => {
        throw new HttpError(404, 'Not Found');
      },
    });
    const result = await discourse.sync(context(fetch));
    expect(result).toMatchObject({
      mode: 'full',
      warnings: ['topic 102: its first post could not be read (HTTP 404)'],
    });
    if (result.mode !== 'full') return;
    expect(result.items.find((item) => item.id === 'forum:102')?.summary).toBe('');
  });

  it('fails the sync when a topic answers with a server error', async () => {
    const { fetch } = fakeFetch({
      ...FULL_ROUTES,
      [`${ROOT}/t/101.json`]: () => {
        throw new HttpError(503, 'Service Unavailable');
      },
    });
    await expect(discourse.sync(context(fetch))).rejects.toThrow('Service Unavailable');
  });

  it('follows more_topics_url on a forum under a subfolder', async () => {
    const root = 'https://example.org/community';
    const page = (more?: string) => () =>
      Response.json({
        topic_list: {
          more_topics_url: more,
          topics: [
            { id: more ? 1 : 2, title: 'T', slug: 't', excerpt: 'E', bumped_at: '2025-06-01T00:00:00Z' },
          ],
        },
      });
    const { fetch, requested } = fakeFetch({
      [`${root}/latest.json`]: page('/community/latest?page=1'),
      [`${root}/latest.json?page=1`]: page(),
    });
    const result = await discourse.sync(context(fetch, { config: { ...config, url: `${root}/latest` } }));
    expect(requested).toEqual([`${root}/latest.json`, `${root}/latest.json?page=1`]);
    expect(result).toMatchObject({
      mode: 'full',
      items: [{ url: `${root}/t/t/1` }, { url: `${root}/t/t/2` }],
    });
  });

  it('explains an answer that is not the topic list', async () => {
    const { fetch } = fakeFetch({ [`${ROOT}/latest.json`]: 'not-discourse.html' });
    await expect(discourse.sync(context(fetch))).rejects.toThrow(
      "the server did not answer with Discourse's topic list JSON: is the URL the forum's root (where /latest.json is)?",
    );
    const json = fakeFetch({ [`${ROOT}/latest.json`]: () => Response.json({ errors: ['not found'] }) });
    await expect(discourse.sync(context(json.fetch))).rejects.toThrow(/topic list JSON/);
  });
});

describe('discourse adapter: incremental sync', () => {
  const cursor = { v: 1, bumpedAt: Date.parse('2025-06-03T10:00:00.000Z'), fullAt: NOW - 60 * 60 * 1000 };
  const routes = { ...FULL_ROUTES, [`${ROOT}/latest.json`]: 'latest-incremental.json' };

  it('upserts the topics bumped since the cursor and stops at the first older one', async () => {
    const { fetch, requested } = fakeFetch(routes);
    const result = await discourse.sync(context(fetch, { cursor }));
    // The pinned topic is older but does not end the walk; the next page is never read.
    expect(requested).toEqual([`${ROOT}/latest.json`, `${ROOT}/t/105.json`, `${ROOT}/t/101.json`]);
    expect(result).toEqual({
      mode: 'incremental',
      upserts: [
        expect.objectContaining({
          id: 'forum:105',
          title: 'Teams calls drop after 60 minutes',
          summary: 'Update the Teams client to the latest version.',
          tags: ['teams'],
          tools: ['teams'],
          updatedAt: Date.parse('2025-06-04T09:15:00.000Z'),
        }),
        expect.objectContaining({ id: 'forum:101', updatedAt: Date.parse('2025-06-03T18:20:00.000Z') }),
      ],
      deletions: [],
      warnings: [],
      cursor: { v: 1, bumpedAt: Date.parse('2025-06-04T09:15:00.000Z'), fullAt: cursor.fullAt },
    });
  });

  it('answers not-modified when nothing was bumped', async () => {
    const { fetch, requested } = fakeFetch(routes);
    const latest = { ...cursor, bumpedAt: Date.parse('2025-06-04T09:15:00.000Z') };
    expect(await discourse.sync(context(fetch, { cursor: latest }))).toEqual({
      mode: 'not-modified',
      cursor: latest,
    });
    expect(requested).toEqual([`${ROOT}/latest.json`]);
  });

  it('runs a full sync once a day, since deletions only show there', async () => {
    const { fetch } = fakeFetch(routes);
    const old = { ...cursor, fullAt: NOW - FULL_SYNC_EVERY_MS };
    const result = await discourse.sync(context(fetch, { cursor: old }));
    expect(result).toMatchObject({ mode: 'full', cursor: { fullAt: NOW } });
  });

  it('runs a full sync when there are more changes than maxItems', async () => {
    const { fetch } = fakeFetch(routes);
    const result = await discourse.sync(context(fetch, { cursor, maxItems: 1 }));
    expect(result).toMatchObject({
      mode: 'full',
      warnings: ['stopped at 1 items (the limit for one source)'],
    });
  });

  it.each([
    ['garbage', 'yesterday'],
    ['no version', { bumpedAt: 1, fullAt: NOW }],
    ['a date string', { v: 1, bumpedAt: '2025-06-03', fullAt: NOW }],
    ['no fullAt', { v: 1, bumpedAt: 1 }],
    ['a future fullAt', { v: 1, bumpedAt: 1, fullAt: NOW + 1000 }],
  ])('runs a full sync when the cursor is malformed (%s)', async (_, bad) => {
    const { fetch, requested } = fakeFetch(routes);
    const result = await discourse.sync(context(fetch, { cursor: bad }));
    expect(result.mode).toBe('full');
    expect(requested).toContain(`${ROOT}/latest.json?no_definitions=true&page=1`);
  });
});
