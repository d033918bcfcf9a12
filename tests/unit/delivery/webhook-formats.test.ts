import { describe, expect, it } from 'vitest';
import { newEntry, type ReactionRecord } from '@/utils/delivery/outbox';
import { webhookRequest } from '@/utils/delivery/webhook-formats';

/** Monday 5 January 2026, 09:00:00 UTC. */
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const SEC = 1000;

function record(overrides: Partial<ReactionRecord> = {}): ReactionRecord {
  return {
    key: 'key-1',
    itemId: 'kb:1',
    title: 'Reset a password',
    url: 'https://kb.example.com/articles/1',
    sourceId: 'kb',
    reaction: { kind: 'flag', reason: 'outdated', comment: 'The screens changed in May' },
    createdAt: T0,
    ...overrides,
  };
}

describe('webhookRequest', () => {
  const meta = { extensionVersion: '1.4.0', now: T0 + 90 * SEC };
  const flag = newEntry(record(), true, T0);
  const headers = { 'content-type': 'application/json', 'idempotency-key': 'key-1' };

  it('sends a generic flag with only the documented fields', () => {
    const request = webhookRequest(flag, 'generic', meta);
    expect(request.headers).toEqual(headers);
    expect(JSON.parse(request.body)).toEqual({
      type: 'signpost.flag',
      idempotencyKey: 'key-1',
      item: {
        id: 'kb:1',
        title: 'Reset a password',
        url: 'https://kb.example.com/articles/1',
        sourceId: 'kb',
      },
      reason: 'outdated',
      comment: 'The screens changed in May',
      createdAt: '2026-01-05T09:00:00.000Z',
      sentAt: '2026-01-05T09:01:30.000Z',
      extensionVersion: '1.4.0',
    });
  });

  it('sends a generic endorsement and a missing-article flag', () => {
    const endorse = newEntry(record({ key: 'e', reaction: { kind: 'endorse' } }), true, T0);
    const body = JSON.parse(webhookRequest(endorse, 'generic', meta).body);
    expect(Object.keys(body)).toEqual([
      'type',
      'idempotencyKey',
      'item',
      'createdAt',
      'sentAt',
      'extensionVersion',
    ]);
    expect(body.type).toBe('signpost.endorsement');
    expect(Object.keys(body.item)).toEqual(['id', 'title', 'url', 'sourceId']);

    const missing = newEntry(
      record({ reaction: { kind: 'flag', reason: 'missing', missingTitle: 'Expenses in Workday' } }),
      true,
      T0,
    );
    const missingBody = JSON.parse(webhookRequest(missing, 'generic', meta).body);
    expect(missingBody.reason).toBe('missing');
    expect(missingBody.missingTitle).toBe('Expenses in Workday');
    expect('comment' in missingBody).toBe(false);
  });

  it('sends Slack text and blocks', () => {
    const request = webhookRequest(flag, 'slack', meta);
    expect(request.headers).toEqual(headers);
    expect(JSON.parse(request.body)).toEqual({
      text: 'Flagged as outdated: <https://kb.example.com/articles/1|Reset a password>',
      blocks: [
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: ':triangular_flag_on_post: *Flagged as outdated*\n<https://kb.example.com/articles/1|Reset a password>',
          },
        },
        { type: 'section', text: { type: 'mrkdwn', text: '*Comment:*\nThe screens changed in May' } },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: 'Signpost 1.4.0 · source kb · <!date^1767603600^{date_short_pretty} {time}|2026-01-05T09:00:00.000Z>',
            },
          ],
        },
      ],
    });
  });

  it('escapes &, < and > in what people typed for Slack', () => {
    const entry = newEntry(
      record({
        title: 'Q&A <draft>',
        url: 'https://kb.example.com/a?x=1&y=a|b',
        sourceId: 'kb<1>',
        reaction: {
          kind: 'flag',
          reason: 'missing',
          missingTitle: 'Tom & Jerry <3',
          comment: '<!channel> see <https://evil.example|here> & fix > now',
        },
      }),
      true,
      T0,
    );
    const body = JSON.parse(webhookRequest(entry, 'slack', meta).body);
    expect(body.text).toBe(
      'Flagged: an article is missing: <https://kb.example.com/a?x=1&amp;y=a%7Cb|Q&amp;A &lt;draft&gt;>',
    );
    expect(body.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '*Missing article:* Tom &amp; Jerry &lt;3' },
    });
    expect(body.blocks[2].text.text).toBe(
      '*Comment:*\n&lt;!channel&gt; see &lt;https://evil.example|here&gt; &amp; fix &gt; now',
    );
    expect(body.blocks[3].elements[0].text).toContain('source kb&lt;1&gt;');
    // Nothing a person typed can open a link or a mention: every `<` left is one the payload wrote.
    expect(body.blocks[2].text.text).not.toContain('<');
  });

  it('sends a Teams Workflows message with an Adaptive Card', () => {
    const request = webhookRequest(flag, 'teams', meta);
    expect(request.headers).toEqual(headers);
    expect(JSON.parse(request.body)).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              {
                type: 'TextBlock',
                text: 'Flagged as outdated',
                weight: 'Bolder',
                size: 'Medium',
                wrap: true,
              },
              { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Reset a password' }] },
              { type: 'TextBlock', text: 'Comment', weight: 'Bolder', wrap: true, spacing: 'Medium' },
              { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'The screens changed in May' }] },
              {
                type: 'RichTextBlock',
                inlines: [
                  {
                    type: 'TextRun',
                    text: 'Signpost 1.4.0 · source kb · 2026-01-05T09:00:00.000Z',
                    size: 'Small',
                    isSubtle: true,
                  },
                ],
              },
            ],
            actions: [
              { type: 'Action.OpenUrl', title: 'Open article', url: 'https://kb.example.com/articles/1' },
            ],
          },
        },
      ],
    });
  });

  it('keeps Markdown people typed as text in Teams', () => {
    const entry = newEntry(
      record({
        reaction: {
          kind: 'flag',
          reason: 'missing',
          missingTitle: '**Payroll**',
          comment: '[Open](https://evil.example)',
        },
      }),
      true,
      T0,
    );
    const card = JSON.parse(webhookRequest(entry, 'teams', meta).body).attachments[0].content;
    expect(card.body.slice(2, 6)).toEqual([
      { type: 'TextBlock', text: 'Missing article', weight: 'Bolder', wrap: true, spacing: 'Medium' },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '**Payroll**' }] },
      { type: 'TextBlock', text: 'Comment', weight: 'Bolder', wrap: true, spacing: 'Medium' },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '[Open](https://evil.example)' }] },
    ]);
    // Markdown-reading TextBlocks carry only fixed labels.
    const textBlocks = card.body.filter((block: { type: string }) => block.type === 'TextBlock');
    expect(textBlocks.map((block: { text: string }) => block.text)).toEqual([
      'Flagged: an article is missing',
      'Missing article',
      'Comment',
    ]);
  });
});
