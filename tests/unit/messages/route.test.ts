/**
 * The router: sender classes, unknown names, invalid payloads, handler errors and declared
 * effects — with a small table of its own, and with the background's real handlers.
 */
import { describe, expect, it, vi } from 'vitest';
import { createBackground } from '@/utils/handlers';
import { SENT_FROM_TABS } from '@/utils/messages/protocol';
import { type Entry, route, type SenderInfo, senderKind } from '@/utils/messages/route';

const ID = 'elheenjodchghipbonfgdppicomjhpmc';
const ORIGIN = `chrome-extension://${ID}/`;
const POPUP: SenderInfo = { id: ID, url: `${ORIGIN}popup.html` };
const TAB: SenderInfo = {
  id: ID,
  url: 'https://acme.atlassian.net/browse/KAN-1',
  tab: { id: 7 },
  frameId: 0,
};
const STRANGER: SenderInfo = { id: 'other-extension', url: 'https://github.com/', tab: { id: 1 } };
const context = {
  tool: 'jira',
  url: 'https://acme.atlassian.net/browse/KAN-1',
  title: 'T',
  headings: [],
  keywords: [],
};

describe('senderKind', () => {
  it('tells our pages, our content scripts and strangers apart', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension');
    expect(senderKind({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 } }, ID, ORIGIN)).toBe(
      'extension',
    );
    expect(senderKind({ id: ID, url: 'https://github.com/', tab: { id: 1 } }, ID, ORIGIN)).toBe('tab');
    expect(
      senderKind({ id: 'other-extension', url: 'https://github.com/', tab: { id: 1 } }, ID, ORIGIN),
    ).toBeNull();
    expect(senderKind({ id: ID, url: 'https://github.com/' }, ID, ORIGIN)).toBeNull();
  });
});

describe('route', () => {
  type Effect = 'changed';
  const positive = (payload: unknown) =>
    typeof payload === 'object' &&
    payload !== null &&
    'n' in payload &&
    typeof payload.n === 'number' &&
    payload.n > 0
      ? { n: payload.n }
      : null;
  function table() {
    const calls: { name: string; request: unknown; caller: unknown }[] = [];
    const entries = {
      double: {
        validate: positive,
        async handle(request, caller) {
          calls.push({ name: 'double', request, caller });
          return { n: request.n * 2 };
        },
        effects: (_request, response) => (response.n > 10 ? ['changed'] : []),
      } satisfies Entry<{ n: number }, { n: number }, Effect>,
      seen: {
        validate: positive,
        async handle(request, caller) {
          calls.push({ name: 'seen', request, caller });
          return {};
        },
      } satisfies Entry<{ n: number }, Record<string, never>, Effect>,
      broken: {
        validate: positive,
        async handle(): Promise<never> {
          throw new Error('the disk is full');
        },
        effects: () => ['changed'],
      } satisfies Entry<{ n: number }, never, Effect>,
    };
    const changed = vi.fn();
    const onError = vi.fn();
    const listener = route(entries, {
      extensionId: ID,
      extensionOrigin: ORIGIN,
      fromTabs: ['seen'],
      effects: { changed },
      onError,
    });
    return { listener, calls, changed, onError };
  }

  it('hands a valid message to its handler with the checked sender, and answers its value', async () => {
    const { listener, calls } = table();
    expect(await listener({ type: 'double', payload: { n: 2, extra: 'dropped' } }, POPUP)).toEqual({
      ok: true,
      value: { n: 4 },
    });
    expect(await listener({ type: 'seen', payload: { n: 1 } }, TAB)).toEqual({ ok: true, value: {} });
    expect(calls).toEqual([
      { name: 'double', request: { n: 2 }, caller: { from: 'extension', url: POPUP.url } },
      { name: 'seen', request: { n: 1 }, caller: { from: 'tab', url: TAB.url, tabId: 7, frameId: 0 } },
    ]);
  });

  it.each([
    ['an unknown name', { type: 'deleteEverything', payload: {} }, POPUP, 'unknown message type'],
    ['a prototype key as name', { type: 'constructor', payload: {} }, POPUP, 'unknown message type'],
    ['no object', 'double', POPUP, 'unknown message type'],
    ['a page-only message from a tab', { type: 'double', payload: { n: 1 } }, TAB, 'not accepted'],
    ['a tab message from an extension page', { type: 'seen', payload: { n: 1 } }, POPUP, 'not accepted'],
    ['another extension', { type: 'double', payload: { n: 1 } }, STRANGER, 'not accepted'],
    ['a web page without a tab', { type: 'seen', payload: { n: 1 } }, { id: ID }, 'not accepted'],
    ['an invalid payload', { type: 'double', payload: { n: -1 } }, POPUP, 'double: malformed payload'],
  ] as const)('rejects %s without calling a handler', async (_, raw, sender, error) => {
    const { listener, calls, changed } = table();
    const reply = await listener(raw, sender);
    expect(reply).toMatchObject({ ok: false });
    expect(reply && !reply.ok && reply.error).toContain(error);
    expect(calls).toEqual([]);
    expect(changed).not.toHaveBeenCalled();
  });

  it('answers a handler error with its message, and runs no effect', async () => {
    const { listener, changed, onError } = table();
    expect(await listener({ type: 'broken', payload: { n: 1 } }, POPUP)).toEqual({
      ok: false,
      error: 'the disk is full',
    });
    expect(onError).toHaveBeenCalledWith('broken', expect.any(Error));
    expect(changed).not.toHaveBeenCalled();
  });

  it('runs the effects a handler declares for its answer, after it answered', async () => {
    const { listener, changed } = table();
    await listener({ type: 'double', payload: { n: 2 } }, POPUP);
    expect(changed).not.toHaveBeenCalled();
    await listener({ type: 'double', payload: { n: 6 } }, POPUP);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('leaves messages it does not take to other listeners when asked to', () => {
    const listener = route(
      { seen: { validate: positive, handle: async () => ({}) } },
      { extensionId: ID, extensionOrigin: ORIGIN, fromTabs: [], ignoreUnknown: true },
    );
    expect(listener({ type: 'matchPage', payload: {} }, TAB)).toBeUndefined();
    expect(listener({ type: 'seen', payload: { n: 1 } }, TAB)).toBeUndefined();
  });
});

describe('the background’s messages through the router', () => {
  const { handlers } = createBackground({
    fetch: (async () => new Response('{}')) as typeof fetch,
    resolveBuiltin: (path) => `chrome-extension://test/${path}`,
  });
  const listener = route(handlers, { extensionId: ID, extensionOrigin: ORIGIN, fromTabs: SENT_FROM_TABS });
  const rejected = async (raw: unknown, sender: SenderInfo) => {
    const reply = await listener(raw, sender);
    return reply && !reply.ok ? reply.error : 'accepted';
  };

  it('normalise what the pages send', () => {
    expect(handlers.matchPage.validate({ context })).toEqual({ context });
    expect(handlers.saveSettings.validate({ change: { maxItems: 2 } })).toEqual({ change: { maxItems: 2 } });
    expect(handlers.getDashboard.validate({ from: '2026-11-25', to: '2026-12-01', kind: 'tip' })).toEqual({
      from: '2026-11-25',
      to: '2026-12-01',
      kind: 'tip',
    });
    expect(handlers.detectSource.validate({ url: ' https://intranet.example/feed ' })).toEqual({
      url: 'https://intranet.example/feed',
    });
  });

  it.each([
    [
      'a settings change from a web page',
      { type: 'setSourceEnabled', payload: { sourceId: 'x', enabled: false } },
      TAB,
      'not accepted',
    ],
    [
      'a match request from an extension page',
      { type: 'matchPage', payload: { context } },
      POPUP,
      'not accepted',
    ],
    [
      'a malformed context',
      { type: 'matchPage', payload: { context: { ...context, url: 'javascript:1' } } },
      TAB,
      'malformed',
    ],
    [
      'a malformed switch',
      { type: 'setSourceEnabled', payload: { sourceId: 'x', enabled: 'yes' } },
      POPUP,
      'malformed',
    ],
    ['extra payload on an empty request', { type: 'listSources', payload: { x: 1 } }, POPUP, 'malformed'],
    [
      'the content script’s own message',
      { type: 'describePage', payload: {} },
      POPUP,
      'unknown message type',
    ],
  ] as const)('reject %s', async (_, raw, sender, error) => {
    expect(await rejected(raw, sender)).toContain(error);
  });

  it.each([
    [
      'a settings key the options page may not set this way',
      { type: 'saveSettings', payload: { change: { sources: [] } } },
    ],
    ['an empty change', { type: 'saveSettings', payload: { change: {} } }],
    [
      'a day that is not YYYY-MM-DD',
      { type: 'getDashboard', payload: { from: 'last week', to: '2026-12-01' } },
    ],
    [
      'a range that ends before it starts',
      { type: 'getDashboard', payload: { from: '2026-12-02', to: '2026-12-01' } },
    ],
    [
      'an unknown kind',
      { type: 'getDashboard', payload: { from: '2026-12-01', to: '2026-12-01', kind: 'video' } },
    ],
    ['a configuration over 1 MB', { type: 'importConfig', payload: { text: 'x'.repeat(1_000_001) } }],
  ])('reject %s from the options page', async (_, raw) => {
    expect(await rejected(raw, POPUP)).toBe(`${raw.type}: malformed payload`);
  });

  it('refuse the options page’s messages from a web page', async () => {
    expect(await rejected({ type: 'saveSettings', payload: { change: { maxItems: 2 } } }, TAB)).toBe(
      'saveSettings is not accepted from this sender',
    );
  });
});
