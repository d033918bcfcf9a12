/**
 * Text helpers shared by the webhook's formats (./webhook-formats.ts, ./suggestion-formats.ts):
 * times, Slack escaping and links, and Teams text that is never read as Markdown. Pure.
 */
import { isHttpUrl } from '../model';

export interface PayloadMeta {
  extensionVersion: string;
  now: number;
}

/** ISO 8601 for an epoch-ms time; '' for one Date cannot hold. */
export function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** Slack reads `&`, `<` and `>` as markup (`<!channel>` would ping everyone), so user text escapes them. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's limit on a section's text. */
const SLACK_SECTION_MAX = 3000;

/** `<url|title>`; the bare title when the URL is not http(s) or the link would not fit a section. */
export function slackLink(url: string, title: string): string {
  const label = escapeSlack(title.trim() || url);
  if (!isHttpUrl(url)) return label;
  // `|` ends the URL part of a link.
  const link = `<${escapeSlack(url.replace(/\|/g, '%7C'))}|${label}>`;
  return link.length <= SLACK_SECTION_MAX - 200 ? link : label;
}

/** Plain text in a card: a TextRun, unlike a TextBlock, is never read as Markdown, so `[x](url)` stays text. */
export function plainBlock(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...extra }] };
}

export function label(text: string) {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' };
}

/** A Teams incoming-webhook message holding one Adaptive Card (1.4) with these body elements and actions. */
export function teamsCard(body: unknown[], actions: unknown[]) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions,
        },
      },
    ],
  };
}
