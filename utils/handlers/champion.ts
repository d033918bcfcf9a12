/**
 * The champion's popup: searching the whole cache, content gaps, endorsing and flagging items, and
 * the delivery of those reactions to the owners.
 */
import { getDb } from '../db';
import { CONTENT_REQUEST, newEntry, parseOutboxEntry, type ReactionRecord } from '../delivery/outbox';
import { validateReaction } from '../delivery/reactions';
import { type SuggestReaction, validateDraft } from '../delivery/suggestions';
import { LIMITS, MESSAGE_LIMITS } from '../limits';
import { recordEvents } from '../measurement/event-log';
import { makeEvent } from '../measurement/events';
import { empty } from '../messages/payload';
import { isRecord, parseKnowledgeItem } from '../model';
import { isContentGap, searchIndex } from '../search';
import { readSearchTerms, readSettings } from '../settings/settings';
import type { State } from './state';
import { defineHandlers } from './types';

export function championHandlers({ caches, deps, now, outbox }: State) {
  return defineHandlers({
    searchItems: {
      validate(payload) {
        if (
          !isRecord(payload) ||
          typeof payload.query !== 'string' ||
          payload.query.length > MESSAGE_LIMITS.query
        )
          return null;
        const { tool, kind } = payload;
        if (tool !== undefined && (typeof tool !== 'string' || tool.length > LIMITS.toolId)) return null;
        if (kind !== undefined && kind !== 'tip' && kind !== 'article') return null;
        return { query: payload.query, ...(tool ? { tool } : {}), ...(kind ? { kind } : {}) };
      },
      async handle({ query, tool, kind }) {
        const [index, terms] = await Promise.all([caches.matchIndex(), readSearchTerms()]);
        const hits = searchIndex(index, query, {
          ...(tool ? { tool } : {}),
          ...(kind ? { kind } : {}),
          terms,
        });
        const matched: Record<string, string[]> = {};
        for (const hit of hits) matched[hit.item.id] = hit.matched;
        return { hits: hits.map(({ item }) => item), matched };
      },
    },

    /** The tools that have items of their own (general items fit every tool and name none). */
    listContentTools: {
      validate: empty,
      async handle() {
        const tools = new Set<string>();
        for (const item of (await caches.matchIndex()).items) for (const tool of item.tools) tools.add(tool);
        return { tools: [...tools].sort() };
      },
    },

    /** Counts a search that found nothing: the query text only, as a content-gap signal. */
    recordGap: {
      validate: (payload) =>
        isRecord(payload) && typeof payload.query === 'string' && payload.query.length <= MESSAGE_LIMITS.query
          ? { query: payload.query }
          : null,
      async handle({ query }) {
        const key = query.trim().toLowerCase().replace(/\s+/g, ' ');
        if (!key) return {};
        // Only a search that finds nothing after all that search understands (the organisation's
        // own terms included) is missing content.
        const [index, terms] = await Promise.all([caches.matchIndex(), readSearchTerms()]);
        if (!isContentGap(index, key, { terms })) return {};
        const db = await getDb();
        const at = now();
        const tx = db.transaction('gaps', 'readwrite');
        const previous = await tx.store.get(key);
        await tx.store.put({ query: key, count: (previous?.count ?? 0) + 1, lastAt: at });
        await tx.done;
        // Counted per day for the dashboard and the report; the words stay in `gaps`.
        await recordEvents(db, [makeEvent('gap', at, '')], at);
        return {};
      },
    },

    /** Stores an endorsement or flag in the outbox (before answering), then tries to deliver it. */
    react: {
      validate(payload) {
        if (
          !isRecord(payload) ||
          typeof payload.itemId !== 'string' ||
          payload.itemId.length > MESSAGE_LIMITS.itemId
        )
          return null;
        const reaction = validateReaction(payload.reaction);
        return reaction ? { itemId: payload.itemId, reaction } : null;
      },
      async handle({ itemId, reaction }) {
        const [db, settings] = await Promise.all([getDb(), readSettings()]);
        if (settings.role === 'employee') throw new Error('endorsing and flagging are for champions here');
        const item = parseKnowledgeItem(await db.get('items', itemId));
        if (!item) throw new Error(`no item "${itemId}" in the cache`);
        const at = now();
        const record = {
          key: deps.newKey?.() ?? crypto.randomUUID(),
          itemId,
          title: item.title,
          url: item.url,
          sourceId: item.sourceId,
          reaction,
          createdAt: at,
        };
        await db.put('outbox', newEntry(record, settings.flagWebhook !== '', at));
        outbox.deliverSoon();
        return outbox.activity();
      },
      // Endorsements follow the person to their other browsers.
      effects: ({ reaction }) => (reaction.kind === 'endorse' ? ['personalSync'] : []),
    },

    /**
     * A suggested fix (the item's title and summary as they are now become the "before") or a new
     * tip for a screen: into the outbox before the answer, like a flag. Only the champion's words.
     */
    suggestFix: {
      validate(payload) {
        if (!isRecord(payload)) return null;
        const suggestion = validateDraft(payload.suggestion);
        return suggestion ? { suggestion } : null;
      },
      async handle({ suggestion }) {
        const [db, settings] = await Promise.all([getDb(), readSettings()]);
        if (settings.role === 'employee') throw new Error('suggesting fixes is for champions here');
        const at = now();
        const key = deps.newKey?.() ?? crypto.randomUUID();
        const { note, title, summary } = suggestion;
        const extra = note ? { note } : {};
        let record: ReactionRecord;
        if (suggestion.mode === 'edit') {
          const item = parseKnowledgeItem(await db.get('items', suggestion.itemId));
          if (!item) throw new Error(`no item "${suggestion.itemId}" in the cache`);
          if (item.title === title && item.summary === summary) throw new Error('nothing was changed');
          const reaction: SuggestReaction = {
            kind: 'suggest',
            suggestion: {
              mode: 'edit',
              before: { title: item.title, summary: item.summary },
              after: { title, summary },
              ...extra,
            },
          };
          record = {
            key,
            itemId: item.id,
            title: item.title,
            url: item.url,
            sourceId: item.sourceId,
            reaction,
            createdAt: at,
          };
        } else {
          const { tool, area } = suggestion;
          const reaction: SuggestReaction = {
            kind: 'suggest',
            suggestion: { mode: 'new', tool, ...(area ? { area } : {}), title, summary, ...extra },
          };
          record = { key, itemId: '', title, url: '', sourceId: '', reaction, createdAt: at };
        }
        await db.put('outbox', newEntry(record, settings.flagWebhook !== '', at));
        outbox.deliverSoon();
        return outbox.activity();
      },
    },

    /** A search found nothing and the champion asks for it: a 'missing' flag that names no item. */
    requestContent: {
      validate(payload) {
        if (!isRecord(payload)) return null;
        const reaction = validateReaction({
          kind: 'flag',
          reason: 'missing',
          missingTitle: payload.title,
          comment: payload.comment,
        });
        return reaction?.kind === 'flag' && reaction.missingTitle
          ? { title: reaction.missingTitle, ...(reaction.comment ? { comment: reaction.comment } : {}) }
          : null;
      },
      async handle({ title, comment }) {
        const [db, settings] = await Promise.all([getDb(), readSettings()]);
        if (settings.role === 'employee') throw new Error('requesting content is for champions here');
        const at = now();
        const record = {
          key: deps.newKey?.() ?? crypto.randomUUID(),
          itemId: CONTENT_REQUEST,
          title,
          url: '',
          sourceId: CONTENT_REQUEST,
          reaction: {
            kind: 'flag',
            reason: 'missing',
            missingTitle: title,
            ...(comment ? { comment } : {}),
          } as const,
          createdAt: at,
        };
        await db.put('outbox', newEntry(record, settings.flagWebhook !== '', at));
        outbox.deliverSoon();
        return outbox.activity();
      },
    },

    /**
     * Takes back an endorsement or flag: one not yet sent never leaves the browser; one already sent
     * is forgotten here (the owners keep what they received). Not while it is on its way.
     */
    withdrawReaction: {
      validate: (payload) =>
        isRecord(payload) && typeof payload.key === 'string' && payload.key.length <= MESSAGE_LIMITS.outboxKey
          ? { key: payload.key }
          : null,
      async handle({ key }) {
        const db = await getDb();
        const tx = db.transaction('outbox', 'readwrite');
        const entry = parseOutboxEntry(await tx.store.get(key));
        if (!entry) throw new Error('no such flag or endorsement');
        if (entry.state === 'sending') throw new Error('it is being sent right now; try again in a moment');
        await tx.store.delete(key);
        await tx.done;
        return { activity: await outbox.activity(), reachedOwners: entry.state === 'sent' };
      },
      effects: () => ['personalSync'],
    },

    listActivity: { validate: empty, handle: () => outbox.activity() },

    /** "Send now": queued deliveries go at once instead of at their next retry. */
    deliverNow: {
      validate: empty,
      async handle() {
        await outbox.deliverNow();
        return outbox.activity();
      },
    },

    retryDelivery: {
      validate: (payload) =>
        isRecord(payload) && typeof payload.key === 'string' && payload.key.length <= MESSAGE_LIMITS.outboxKey
          ? { key: payload.key }
          : null,
      async handle({ key }) {
        await outbox.retry(key);
        return outbox.activity();
      },
    },
  });
}
