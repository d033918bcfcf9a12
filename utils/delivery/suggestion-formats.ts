/**
 * The webhook's formats for a champion's suggestion (KCS "fix it"): generic JSON with the before
 * and after, a Slack message (Block Kit) and a Microsoft Teams message (an Adaptive Card). User
 * text is escaped as for flags (Slack markup escaped, Teams text in TextRuns that are never read
 * as Markdown). Only what the champion wrote travels, with the entry's idempotency key. Pure.
 */
import { isHttpUrl } from '../model';
import { escapeSlack, isoTime, label, type PayloadMeta, plainBlock, slackLink, teamsCard } from './chat-text';
import type { SuggestionEntry } from './outbox';
import { cut, type WebhookFormat } from './reactions';
import type { TitleAndSummary } from './suggestions';

/** A summary as it was can be long (an article's); chat messages show its start. */
const BEFORE_SUMMARY_MAX = 1500;

function headline(entry: SuggestionEntry): string {
  return entry.reaction.suggestion.mode === 'edit' ? 'Suggested fix' : 'Suggested new tip';
}

function genericBody(entry: SuggestionEntry, meta: PayloadMeta) {
  const { suggestion } = entry.reaction;
  const common = {
    type: 'signpost.suggestion',
    idempotencyKey: entry.key,
    mode: suggestion.mode,
    ...(suggestion.note ? { note: suggestion.note } : {}),
    createdAt: isoTime(entry.createdAt),
    sentAt: isoTime(meta.now),
    extensionVersion: meta.extensionVersion,
  };
  if (suggestion.mode === 'edit') {
    return {
      ...common,
      item: { id: entry.itemId, title: entry.title, url: entry.url, sourceId: entry.sourceId },
      before: suggestion.before,
      after: suggestion.after,
    };
  }
  return {
    ...common,
    tool: suggestion.tool,
    ...(suggestion.area ? { area: suggestion.area } : {}),
    tip: { title: suggestion.title, summary: suggestion.summary },
  };
}

function slackText(text: TitleAndSummary, max = BEFORE_SUMMARY_MAX): string {
  return `*${escapeSlack(text.title)}*\n${escapeSlack(cut(text.summary, max))}`;
}

function slackBody(entry: SuggestionEntry, meta: PayloadMeta) {
  const { suggestion } = entry.reaction;
  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
  const blocks: unknown[] = [];
  let summaryLine: string;
  if (suggestion.mode === 'edit') {
    const link = slackLink(entry.url, entry.title);
    summaryLine = `${headline(entry)}: ${link}`;
    blocks.push(
      section(`:pencil2: *${headline(entry)}*\n${link}`),
      section(`*Before:*\n${slackText(suggestion.before)}`),
      section(`*After:*\n${slackText(suggestion.after)}`),
    );
  } else {
    const where = escapeSlack(suggestion.area ? `${suggestion.tool} · ${suggestion.area}` : suggestion.tool);
    summaryLine = `${headline(entry)} for ${where}: ${escapeSlack(suggestion.title)}`;
    blocks.push(section(`:bulb: *${headline(entry)}* for ${where}`), section(slackText(suggestion)));
  }
  if (suggestion.note) blocks.push(section(`*Note:*\n${escapeSlack(suggestion.note)}`));
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Signpost ${escapeSlack(meta.extensionVersion)} · ${isoTime(entry.createdAt)}`,
      },
    ],
  });
  return { text: summaryLine, blocks };
}

function teamsText(text: TitleAndSummary): unknown[] {
  return [plainBlock(text.title, { weight: 'Bolder' }), plainBlock(cut(text.summary, BEFORE_SUMMARY_MAX))];
}

function teamsBody(entry: SuggestionEntry, meta: PayloadMeta) {
  const { suggestion } = entry.reaction;
  const body: unknown[] = [
    { type: 'TextBlock', text: headline(entry), weight: 'Bolder', size: 'Medium', wrap: true },
  ];
  if (suggestion.mode === 'edit') {
    body.push(
      plainBlock(entry.title || entry.url),
      label('Before'),
      ...teamsText(suggestion.before),
      label('After'),
      ...teamsText(suggestion.after),
    );
  } else {
    body.push(
      plainBlock(suggestion.area ? `${suggestion.tool} · ${suggestion.area}` : suggestion.tool),
      label('New tip'),
      ...teamsText(suggestion),
    );
  }
  if (suggestion.note) body.push(label('Note'), plainBlock(suggestion.note));
  body.push(
    plainBlock(`Signpost ${meta.extensionVersion} · ${isoTime(entry.createdAt)}`, {
      size: 'Small',
      isSubtle: true,
    }),
  );
  const actions =
    suggestion.mode === 'edit' && isHttpUrl(entry.url)
      ? [{ type: 'Action.OpenUrl', title: 'Open article', url: entry.url }]
      : [];
  return teamsCard(body, actions);
}

/** The POST for one suggestion: JSON in the webhook's format, with the idempotency key as a header. */
export function suggestionRequest(
  entry: SuggestionEntry,
  format: WebhookFormat,
  meta: PayloadMeta,
): { headers: Record<string, string>; body: string } {
  const payload =
    format === 'slack'
      ? slackBody(entry, meta)
      : format === 'teams'
        ? teamsBody(entry, meta)
        : genericBody(entry, meta);
  return {
    headers: { 'content-type': 'application/json', 'idempotency-key': entry.key },
    body: JSON.stringify(payload),
  };
}
