import { describe, expect, it } from 'vitest';
import { senderKind, validateMessage } from '@/utils/messages';

const ID = 'elheenjodchghipbonfgdppicomjhpmc';
const ORIGIN = `chrome-extension://${ID}/`;
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

describe('validateMessage', () => {
  const all = ['matchPage', 'listSources', 'setSourceEnabled'] as const;

  it('accepts a well-formed message from the right sender', () => {
    const result = validateMessage({ type: 'matchPage', payload: { context } }, 'tab', all);
    expect(result).toEqual({ message: { type: 'matchPage', payload: { context } } });
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything', payload: {} }, 'extension', 'unknown message type'],
    ['a prototype key as type', { type: 'constructor', payload: {} }, 'extension', 'unknown message type'],
    ['no object', 'matchPage', 'tab', 'unknown message type'],
    [
      'a settings change from a web page',
      { type: 'setSourceEnabled', payload: { sourceId: 'x', enabled: false } },
      'tab',
      'not accepted',
    ],
    [
      'a match request from an extension page',
      { type: 'matchPage', payload: { context } },
      'extension',
      'not accepted',
    ],
    [
      'a malformed context',
      { type: 'matchPage', payload: { context: { ...context, url: 'javascript:1' } } },
      'tab',
      'malformed',
    ],
    [
      'a malformed switch',
      { type: 'setSourceEnabled', payload: { sourceId: 'x', enabled: 'yes' } },
      'extension',
      'malformed',
    ],
    [
      'extra payload on an empty request',
      { type: 'listSources', payload: { x: 1 } },
      'extension',
      'malformed',
    ],
  ] as const)('rejects %s', (_, raw, from, error) => {
    const result = validateMessage(raw, from, all);
    expect('error' in result && result.error).toContain(error);
  });

  it('rejects a message this side does not handle', () => {
    expect(validateMessage({ type: 'describePage', payload: {} }, 'extension', all)).toEqual({
      error: 'describePage is not handled here',
    });
  });
});

describe('the options page’s messages', () => {
  const admin = ['saveSettings', 'getDashboard', 'importConfig', 'detectSource'] as const;
  const check = (raw: unknown, from: 'tab' | 'extension' = 'extension') => validateMessage(raw, from, admin);

  it('accept what the options page sends', () => {
    expect(check({ type: 'saveSettings', payload: { change: { maxItems: 2 } } })).toHaveProperty('message');
    expect(
      check({ type: 'getDashboard', payload: { from: '2026-11-25', to: '2026-12-01', kind: 'tip' } }),
    ).toEqual({
      message: { type: 'getDashboard', payload: { from: '2026-11-25', to: '2026-12-01', kind: 'tip' } },
    });
    expect(check({ type: 'detectSource', payload: { url: ' https://intranet.example/feed ' } })).toEqual({
      message: { type: 'detectSource', payload: { url: 'https://intranet.example/feed' } },
    });
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
  ])('reject %s', (_, raw) => {
    expect(check(raw)).toEqual({ error: `${(raw as { type: string }).type}: malformed payload` });
  });

  it('are not accepted from a web page', () => {
    expect(check({ type: 'saveSettings', payload: { change: { maxItems: 2 } } }, 'tab')).toEqual({
      error: 'saveSettings is not accepted from this sender',
    });
  });
});
