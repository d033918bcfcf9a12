import { describe, expect, it } from 'vitest';
import { newEntry, parseOutboxEntry, type ReactionRecord } from '@/utils/delivery/outbox';
import {
  checkSuggestion,
  readingSeconds,
  validateDraft,
  validateSuggestReaction,
} from '@/utils/delivery/suggestions';
import { webhookRequest } from '@/utils/delivery/webhook-formats';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const meta = { extensionVersion: '1.4.0', now: T0 + 60_000 };

function edit(overrides: Partial<ReactionRecord> = {}): ReactionRecord {
  return {
    key: 'key-s',
    itemId: 'kb:1',
    title: 'Reset a password',
    url: 'https://kb.example.com/articles/1',
    sourceId: 'kb',
    reaction: {
      kind: 'suggest',
      suggestion: {
        mode: 'edit',
        before: { title: 'Reset a password', summary: 'Open settings.' },
        after: {
          title: 'Reset your password <!channel>',
          summary: 'Open *Profile* > Security & [x](https://evil.example)',
        },
        note: 'Menu moved <@U123>',
      },
    },
    createdAt: T0,
    ...overrides,
  };
}

const newTip: ReactionRecord = {
  key: 'key-n',
  itemId: '',
  title: 'Filter the board by assignee',
  url: '',
  sourceId: '',
  reaction: {
    kind: 'suggest',
    suggestion: {
      mode: 'new',
      tool: 'jira',
      area: 'board',
      title: 'Filter the board by assignee',
      summary: 'Press Q.',
    },
  },
  createdAt: T0,
};

describe('checkSuggestion (as the champion types)', () => {
  it('accepts a short title and summary and says how long it takes to read', () => {
    expect(checkSuggestion('Filter by assignee', 'Press Q on the board to filter by assignee.')).toEqual({
      problems: [],
      seconds: 4,
    });
  });

  it('flags an empty or over-long title and summary at the limits, not before', () => {
    expect(checkSuggestion('x'.repeat(80), 'y'.repeat(600)).problems).toEqual([]);
    expect(checkSuggestion('x'.repeat(81), 'y'.repeat(601)).problems).toEqual([
      'titleTooLong',
      'summaryTooLong',
    ]);
    expect(checkSuggestion('   ', '\n').problems).toEqual(['titleEmpty', 'summaryEmpty']);
  });

  it('applies the two-minute rule at about 200 words a minute', () => {
    expect(readingSeconds('one two three four five six seven eight nine ten')).toBe(3);
    // 401 words take more than two minutes (they also break the length rule, which is checked apart).
    const words = Array.from({ length: 401 }, () => 'a').join(' ');
    expect(checkSuggestion('Title', words).problems).toContain('tooLongToRead');
    expect(checkSuggestion('Title', Array.from({ length: 300 }, () => 'a').join(' ')).problems).toEqual([]);
  });
});

describe('validateDraft (the suggestFix message)', () => {
  it('keeps an edit and a new tip, normalising the title to one line', () => {
    expect(
      validateDraft({
        mode: 'edit',
        itemId: 'kb:1',
        title: ' Reset\n your password ',
        summary: 'Open it.\r\n',
      }),
    ).toEqual({
      mode: 'edit',
      itemId: 'kb:1',
      title: 'Reset your password',
      summary: 'Open it.',
    });
    expect(
      validateDraft({ mode: 'new', tool: 'jira', area: 'board', title: 'T', summary: 'S', note: ' pasted ' }),
    ).toEqual({
      mode: 'new',
      tool: 'jira',
      area: 'board',
      title: 'T',
      summary: 'S',
      note: 'pasted',
    });
  });

  it('rejects broken rules, unknown modes and odd tool ids', () => {
    for (const bad of [
      null,
      { mode: 'edit', title: 'T', summary: 'S' },
      { mode: 'edit', itemId: 'kb:1', title: 'x'.repeat(81), summary: 'S' },
      { mode: 'new', tool: 'jira', title: 'T', summary: 'y'.repeat(601) },
      { mode: 'new', tool: 'Jira Cloud', title: 'T', summary: 'S' },
      { mode: 'rewrite', tool: 'jira', title: 'T', summary: 'S' },
      { mode: 'new', tool: 'jira', title: 'T', summary: 'S', note: 5 },
    ])
      expect(validateDraft(bad)).toBeNull();
  });
});

describe('suggestions in the outbox', () => {
  it('survive a round trip through storage; a new tip names no item, an edit must', () => {
    for (const record of [edit(), newTip]) {
      const entry = newEntry(record, true, T0);
      expect(parseOutboxEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
    }
    expect(
      parseOutboxEntry({ ...newEntry(newTip, true, T0), url: 'https://page.example/secret' }),
    ).toBeNull();
    expect(parseOutboxEntry({ ...newEntry(edit(), true, T0), itemId: '' })).toBeNull();
    expect(
      validateSuggestReaction({ kind: 'suggest', suggestion: { mode: 'edit', before: { title: 'a' } } }),
    ).toBeNull();
  });
});

describe('suggestion payloads', () => {
  it('sends a generic before/after with only what the champion wrote', () => {
    const body = JSON.parse(webhookRequest(newEntry(edit(), true, T0), 'generic', meta).body);
    expect(body).toEqual({
      type: 'signpost.suggestion',
      idempotencyKey: 'key-s',
      mode: 'edit',
      note: 'Menu moved <@U123>',
      createdAt: '2026-01-05T09:00:00.000Z',
      sentAt: '2026-01-05T09:01:00.000Z',
      extensionVersion: '1.4.0',
      item: {
        id: 'kb:1',
        title: 'Reset a password',
        url: 'https://kb.example.com/articles/1',
        sourceId: 'kb',
      },
      before: { title: 'Reset a password', summary: 'Open settings.' },
      after: {
        title: 'Reset your password <!channel>',
        summary: 'Open *Profile* > Security & [x](https://evil.example)',
      },
    });
    const tip = JSON.parse(webhookRequest(newEntry(newTip, true, T0), 'generic', meta).body);
    expect(tip).toMatchObject({
      mode: 'new',
      tool: 'jira',
      area: 'board',
      tip: { title: 'Filter the board by assignee' },
    });
    expect(tip).not.toHaveProperty('item');
  });

  it('escapes Slack markup in every piece of user text, as for flags', () => {
    const request = webhookRequest(newEntry(edit(), true, T0), 'slack', meta);
    expect(request.headers['idempotency-key']).toBe('key-s');
    const text = JSON.stringify(JSON.parse(request.body));
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U123>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('Security &amp; [x]');
    const blocks = JSON.parse(request.body).blocks.map(
      (block: { text?: { text: string } }) => block.text?.text ?? '',
    );
    expect(blocks[1]).toMatch(/^\*Before:\*/);
    expect(blocks[2]).toMatch(/^\*After:\*/);
  });

  it('puts user text in Teams TextRuns, never Markdown TextBlocks', () => {
    const card = JSON.parse(webhookRequest(newEntry(edit(), true, T0), 'teams', meta).body).attachments[0]
      .content;
    const markdownTexts = card.body
      .filter((block: { type: string }) => block.type === 'TextBlock')
      .map((block: { text: string }) => block.text);
    expect(markdownTexts).toEqual(['Suggested fix', 'Before', 'After', 'Note']);
    const runs = card.body
      .filter((block: { type: string }) => block.type === 'RichTextBlock')
      .map((block: { inlines: { text: string }[] }) => block.inlines[0]?.text);
    expect(runs).toContain('Reset your password <!channel>');
    expect(runs).toContain('Open *Profile* > Security & [x](https://evil.example)');
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open article', url: 'https://kb.example.com/articles/1' },
    ]);
    const tipCard = JSON.parse(webhookRequest(newEntry(newTip, true, T0), 'teams', meta).body).attachments[0]
      .content;
    expect(tipCard.actions).toEqual([]);
  });
});
