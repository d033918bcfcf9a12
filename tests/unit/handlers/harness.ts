/**
 * The background's handlers and tasks as one object of plain functions (`bg.matchPage(request)`),
 * called the way the router calls them after validation, with catalogs and fetches to feed them.
 */
import { type BackgroundDeps, createBackground } from '@/utils/handlers';
import {
  type BackgroundMessage,
  type Request,
  type Response,
  SENT_FROM_TABS,
} from '@/utils/messages/protocol';
import type { Entry } from '@/utils/messages/route';

/** Empty requests may be left out, as `bg.listSources()`. */
type Calls = {
  [T in BackgroundMessage]: (
    ...request: Request<T> extends Record<string, never> ? [request?: Request<T>] : [request: Request<T>]
  ) => Promise<Response<T>>;
};

/** A content script on a Jira board, or one of Signpost's own pages. */
const TAB_PAGE = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';

export function createTestBackground(deps: BackgroundDeps) {
  const { handlers, tasks } = createBackground(deps);
  const calls: Partial<Record<string, (request: unknown) => Promise<unknown>>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, Entry<unknown, unknown, string>][]) {
    const fromTab = (SENT_FROM_TABS as readonly string[]).includes(name);
    calls[name] = (request = {}) =>
      handler.handle(request, fromTab ? { from: 'tab', url: TAB_PAGE, tabId: 1 } : { from: 'extension' });
  }
  return { ...(calls as Calls), ...tasks };
}

/** A catalog of Jira articles with these titles (ids i0, i1, …). */
export const catalog = (titles: string[]) =>
  JSON.stringify({
    version: 1,
    items: titles.map((title, i) => ({
      id: `i${i}`,
      kind: 'article',
      title,
      summary: `${title}: how to do it well.`,
      url: `https://kb.example/${i}`,
      tools: ['jira'],
      tags: ['board', 'sprint'],
      updatedAt: '2026-10-01',
    })),
  });

/** An article and a new-capability tip for the Jira board. */
export const tipCatalog = JSON.stringify({
  version: 1,
  items: ['Plan a sprint on the board', 'New: sprint insights on the board'].map((title, i) => ({
    id: `t${i}`,
    kind: i ? 'tip' : 'article',
    title,
    summary: title,
    url: `https://kb.example/${i}`,
    tools: ['jira'],
    tags: ['board', 'sprint'],
    updatedAt: '2026-10-01',
  })),
});

/** A fetch that serves the given bodies in turn (the last one repeats); `Error` bodies fail. */
export function serve(...bodies: (string | Error)[]) {
  const calls: string[] = [];
  const fetchFn = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    const body = bodies[Math.min(calls.length - 1, bodies.length - 1)];
    if (body instanceof Error) throw body;
    return new Response(body, { status: 200 });
  }) as typeof fetch;
  return { fetchFn, calls };
}

/** The background with a fetch for its sources (the built-in catalog under chrome-extension://test/). */
export function background(fetchFn: typeof fetch, now?: () => number) {
  return createTestBackground({
    fetch: fetchFn,
    resolveBuiltin: (path) => `chrome-extension://test/${path}`,
    ...(now ? { now } : {}),
  });
}

export const NOW = new Date(2026, 11, 1, 10).getTime();
export const DAY = 24 * 3600_000;

/** The demo catalog the options page's tests start from: an article and an old tip with no summary. */
export const demo = JSON.stringify({
  version: 1,
  items: [
    {
      id: 'plan',
      kind: 'article',
      title: 'Plan a sprint on the board',
      summary: 'How to plan a sprint.',
      url: 'https://kb.example/plan',
      tools: ['jira'],
      tags: ['board', 'sprint'],
      updatedAt: '2026-10-01',
    },
    {
      id: 'insights',
      kind: 'tip',
      title: 'New: sprint insights on the board',
      summary: '',
      url: 'https://kb.example/insights',
      tools: ['jira'],
      tags: ['board', 'sprint'],
      updatedAt: '2024-01-01',
    },
  ],
});

/** A team's feed: one over-long item and one with a link that is not http(s). */
export const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Team</title>
<item><guid>1</guid><title>Sprint review checklist for the board</title><link>https://team.example/1</link>
<description>${'Clean up the board before the review. '.repeat(80)}</description></item>
<item><guid>2</guid><title>Broken link on the board</title><link>javascript:alert(1)</link></item>
</channel></rss>`;

export const teamFeed = {
  id: 'team',
  type: 'feed',
  name: 'Team',
  url: 'https://team.example/feed.xml',
  tools: ['jira'],
};

/** The background the options page talks to: the demo catalog and the team's feed, requests logged. */
export function optionsBackground(now = () => NOW) {
  const requests: string[] = [];
  const bg = createTestBackground({
    fetch: (async (input: RequestInfo | URL) => {
      const url = String(input);
      requests.push(url);
      if (url.startsWith('chrome-extension://')) return new Response(demo);
      if (url.startsWith('https://team.example/')) return new Response(feed);
      return new Response('not found', { status: 404 });
    }) as typeof fetch,
    resolveBuiltin: (path) => `chrome-extension://test/${path}`,
    now,
  });
  return { bg, requests };
}
