/**
 * The webhook's formats for a champion's reaction: generic JSON, a Slack message (Block Kit) and a
 * Microsoft Teams message (an Adaptive Card). Each carries only what the champion said about an
 * item — no page URL, page text or identity — and the entry's idempotency key. Pure.
 */
import { isHttpUrl } from '../model';
import { escapeSlack, isoTime, label, type PayloadMeta, plainBlock, slackLink, teamsCard } from './chat-text';
import { type ItemReactionEntry, isSuggestionEntry, type OutboxEntry } from './outbox';
import type { FlagReason, Reaction, WebhookFormat } from './reactions';
import { suggestionRequest } from './suggestion-formats';

export { escapeSlack, isoTime, type PayloadMeta } from './chat-text';

/** The one-line headline of a reaction, used in chat messages. */
const HEADLINES: Record<FlagReason | 'endorse', string> = {
  endorse: 'Endorsed',
  outdated: 'Flagged as outdated',
  incorrect: 'Flagged as incorrect',
  incomplete: 'Flagged as incomplete',
  duplicate: 'Flagged as a duplicate',
  missing: 'Flagged: an article is missing',
  other: 'Flagged',
};

function headline(reaction: Reaction): string {
  return HEADLINES[reaction.kind === 'endorse' ? 'endorse' : reaction.reason];
}

/** Only what the champion said about an item: no page URL, page text or identity. */
function genericBody(entry: ItemReactionEntry, meta: PayloadMeta) {
  const { reaction } = entry;
  return {
    type: reaction.kind === 'flag' ? 'signpost.flag' : 'signpost.endorsement',
    idempotencyKey: entry.key,
    item: { id: entry.itemId, title: entry.title, url: entry.url, sourceId: entry.sourceId },
    ...(reaction.kind === 'flag' ? { reason: reaction.reason } : {}),
    ...(reaction.kind === 'flag' && reaction.comment ? { comment: reaction.comment } : {}),
    ...(reaction.kind === 'flag' && reaction.missingTitle ? { missingTitle: reaction.missingTitle } : {}),
    createdAt: isoTime(entry.createdAt),
    sentAt: isoTime(meta.now),
    extensionVersion: meta.extensionVersion,
  };
}

function slackBody(entry: ItemReactionEntry, meta: PayloadMeta) {
  const { reaction } = entry;
  const link = slackLink(entry.url, entry.title);
  const emoji = reaction.kind === 'endorse' ? ':+1:' : ':triangular_flag_on_post:';
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${emoji} *${headline(reaction)}*\n${link}` } },
  ];
  if (reaction.kind === 'flag' && reaction.missingTitle) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Missing article:* ${escapeSlack(reaction.missingTitle)}` },
    });
  }
  if (reaction.kind === 'flag' && reaction.comment) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Comment:*\n${escapeSlack(reaction.comment)}` },
    });
  }
  const created = isoTime(entry.createdAt);
  // Slack shows the date in each reader's own time zone; the ISO text is its fallback.
  const when = created
    ? ` · <!date^${Math.floor(entry.createdAt / 1000)}^{date_short_pretty} {time}|${created}>`
    : '';
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `Signpost ${escapeSlack(meta.extensionVersion)} · source ${escapeSlack(entry.sourceId)}${when}`,
      },
    ],
  });
  // `text` is what notifications show; with blocks present the message itself shows the blocks.
  return { text: `${headline(reaction)}: ${link}`, blocks };
}

function teamsBody(entry: ItemReactionEntry, meta: PayloadMeta) {
  const { reaction } = entry;
  const body: unknown[] = [
    { type: 'TextBlock', text: headline(reaction), weight: 'Bolder', size: 'Medium', wrap: true },
    plainBlock(entry.title || entry.url),
  ];
  if (reaction.kind === 'flag' && reaction.missingTitle) {
    body.push(label('Missing article'), plainBlock(reaction.missingTitle));
  }
  if (reaction.kind === 'flag' && reaction.comment) body.push(label('Comment'), plainBlock(reaction.comment));
  body.push(
    plainBlock(`Signpost ${meta.extensionVersion} · source ${entry.sourceId} · ${isoTime(entry.createdAt)}`, {
      size: 'Small',
      isSubtle: true,
    }),
  );
  const actions = isHttpUrl(entry.url)
    ? [{ type: 'Action.OpenUrl', title: 'Open article', url: entry.url }]
    : [];
  return teamsCard(body, actions);
}

/** The POST for one entry (a suggestion's in ./suggestion-formats.ts): JSON in the webhook's format, with the entry's idempotency key as a header. */
export function webhookRequest(
  entry: OutboxEntry,
  format: WebhookFormat,
  meta: PayloadMeta,
): { headers: Record<string, string>; body: string } {
  if (isSuggestionEntry(entry)) return suggestionRequest(entry, format, meta);
  const item = entry as ItemReactionEntry;
  const payload =
    format === 'slack'
      ? slackBody(item, meta)
      : format === 'teams'
        ? teamsBody(item, meta)
        : genericBody(item, meta);
  return {
    headers: { 'content-type': 'application/json', 'idempotency-key': entry.key },
    body: JSON.stringify(payload),
  };
}
