/**
 * The employee's page: what to show on a screen, the nudge's UI for it, what the person did with
 * an item, and pausing Signpost on a site. `matchPage`, `loadNudge`, `recordAction`,
 * `searchKnowledge`, `openSignpost` and `pauseSite` come from the content script.
 */
import { withTool } from '../context';
import { getDb } from '../db';
import { LIMITS, MESSAGE_LIMITS } from '../limits';
import { matchItems } from '../match';
import {
  applyAction,
  excludedItems,
  feedbackSignals,
  ITEM_ACTIONS,
  type ItemAction,
} from '../match/feedback';
import { recordEvents } from '../measurement/event-log';
import { type EventType, makeEvent } from '../measurement/events';
import { empty } from '../messages/payload';
import type { Request } from '../messages/protocol';
import { isHostName, isHttpUrl, isRecord, parseKnowledgeItem, parsePageContext } from '../model';
import { detectWithRules } from '../rules/tool-rules';
import { searchIndex } from '../search';
import { readSearchTerms, readSettings, updateSettings } from '../settings/settings';
import type { PageHints } from '../tools';
import type { State } from './state';
import { pickAnnouncement, spendOnReaction } from './state/attention';
import { endorsedItems, readActiveFeedback, readFeedback, writeFeedback } from './state/signals';
import { defineHandlers } from './types';

/** Search hits the nudge shows; the popup (See all) shows the rest. */
const SEARCH_HITS_IN_PAGE = 8;

const ACTIONS: readonly unknown[] = [...ITEM_ACTIONS, 'announce-dismissed'];
/** Actions that change a choice synced to the person's other browsers (utils/personal-sync). */
const SYNCED_ACTIONS: ReadonlySet<string> = new Set([
  'helpful',
  'not-helpful',
  'snooze-day',
  'snooze-week',
  'dismiss',
]);

/** A page's hints (utils/tools/hints.ts): undefined when none were sent, null when they are not valid. */
function parseHints(value: unknown): PageHints | undefined | null {
  if (value === undefined) return undefined;
  if (!isRecord(value) || typeof value.title !== 'string') return null;
  const { dataPage } = value;
  if (dataPage !== undefined && (typeof dataPage !== 'string' || dataPage.length > LIMITS.dataPage))
    return null;
  return { title: value.title.slice(0, LIMITS.title), ...(dataPage ? { dataPage } : {}) };
}

export function pageHandlers({ caches, deps, now: clock, whatsNew }: State) {
  /** Pauses or resumes Signpost on a host. */
  async function setSitePaused(host: string, paused: boolean): Promise<Record<string, never>> {
    const { pausedSites } = await readSettings();
    const next = paused ? [...new Set([...pausedSites, host])] : pausedSites.filter((site) => site !== host);
    await updateSettings({ pausedSites: next });
    const now = clock();
    if (paused) await recordEvents(await getDb(), [makeEvent('pause', now, '')], now);
    return {};
  }

  return defineHandlers({
    matchPage: {
      validate(payload) {
        if (!isRecord(payload)) return null;
        const context = parsePageContext(payload.context);
        const hints = parseHints(payload.hints);
        const { hasUi } = payload;
        if (!context || hints === null || (hasUi !== undefined && typeof hasUi !== 'boolean')) return null;
        const request: Request<'matchPage'> = {
          context,
          ...(hints ? { hints } : {}),
          ...(hasUi ? { hasUi } : {}),
        };
        const { seen } = payload;
        if (seen === undefined) return request;
        if (
          !Array.isArray(seen) ||
          seen.length > MESSAGE_LIMITS.idsPerRequest ||
          !seen.every((id) => typeof id === 'string' && id.length <= MESSAGE_LIMITS.itemId)
        )
          return null;
        return { ...request, seen: seen as string[] };
      },
      async handle({ context: asked, hints, seen, hasUi }, caller) {
        const now = clock();
        const [matchIndex, settings, db] = await Promise.all([caches.matchIndex(), readSettings(), getDb()]);
        const tool = detectWithRules(asked.url, hints ?? { title: asked.title }, settings.toolRules);
        if (!tool) return { tool: null, matches: [] };
        const context = withTool(asked, tool);
        if (
          settings.disabledTools.includes(tool.id) ||
          settings.pausedSites.includes(new URL(context.url).host)
        )
          return { tool, matches: [] };
        // The very first recognised page announces nothing (the welcome page has just said hello).
        // A screen visit counts once, not again when the same visit asks again (`seen` holds what
        // it showed). Counting it needs no match, so it is read and written beside the signals.
        const [records, endorsed, { first }] = await Promise.all([
          readActiveFeedback(db, now, settings.nudges.maxViews),
          endorsedItems(db),
          seen !== undefined ? whatsNew.firstPage(db) : whatsNew.visit(db, context.tool),
        ]);
        const matches = matchItems(matchIndex, context, {
          limit: settings.maxItems,
          now,
          reasonText: deps.reasonText,
          exclude: excludedItems(records, settings.nudges, now),
          audiences: settings.audiences,
          signals: { feedback: feedbackSignals(records), endorsed },
        });
        // A page with something to show and no UI yet gets it while the visit is recorded, so that
        // the answer finds it there (the content script asks with `loadNudge` only if it is not).
        const injectUi = async () => {
          if (caller.tabId === undefined || !deps.injectNudge) return;
          await deps
            .injectNudge(caller.tabId, caller.frameId ?? 0)
            .catch((error: unknown) => console.warn('Signpost: the nudge UI was not injected', error));
        };
        let injecting = !hasUi && matches.length > 0 ? injectUi() : undefined;
        // One impression per item per screen visit: a title that keeps changing (unread counters)
        // asks again, but what this visit already showed is not counted again.
        const already = new Set(seen);
        const events = matches
          .filter((m) => !already.has(m.item.id))
          .map((m) => makeEvent('impression', now, context.tool ?? '', context.area, m.item.id, m.item.kind));
        // After the first page, a due weekly digest takes the announcement slot before any single tip.
        const digest = first ? undefined : await whatsNew.digest(db, settings);
        if (!hasUi && !injecting && digest?.length) injecting = injectUi();
        const announce =
          first || digest ? undefined : await pickAnnouncement(db, context, matches, settings.nudges, now);
        if (announce) events.push(makeEvent('announce', now, context.tool, context.area, announce, 'tip'));
        await Promise.all([recordEvents(db, events, now), injecting]);
        const shown = new Set(matches.map((m) => m.item.id));
        const votes = Object.fromEntries(
          records
            .filter((r) => r.vote && shown.has(r.itemId))
            .map((r) => [r.itemId, r.vote as 'helpful' | 'not-helpful']),
        );
        return { tool, matches, votes, ...(announce ? { announce } : {}), ...(digest ? { digest } : {}) };
      },
    },

    detectPage: {
      validate(payload) {
        if (!isRecord(payload) || !isHttpUrl(payload.url) || payload.url.length > LIMITS.url) return null;
        const hints = parseHints(payload.hints);
        if (hints === null) return null;
        return { url: payload.url, ...(hints ? { hints } : {}) };
      },
      async handle({ url, hints }) {
        const { toolRules } = await readSettings();
        return { tool: detectWithRules(url, hints, toolRules) };
      },
    },

    recordAction: {
      validate(payload) {
        if (!isRecord(payload)) return null;
        const { itemId, action, tool, area } = payload;
        if (
          typeof itemId !== 'string' ||
          !itemId ||
          itemId.length > MESSAGE_LIMITS.itemId ||
          !ACTIONS.includes(action)
        )
          return null;
        if (typeof tool !== 'string' || !tool || tool.length > LIMITS.toolId) return null;
        if (area !== undefined && (typeof area !== 'string' || area.length > LIMITS.area)) return null;
        const request: Request<'recordAction'> = { itemId, action: action as ItemAction, tool };
        if (area) request.area = area;
        return request;
      },
      async handle({ itemId, action, tool, area }) {
        const now = clock();
        const [db, settings] = await Promise.all([getDb(), readSettings()]);
        if (action === 'announce-dismissed') {
          await spendOnReaction(db, settings.nudges, 'dismissed', now);
        } else {
          const previous = (await readFeedback(db, itemId)) ?? undefined;
          await writeFeedback(db, applyAction(previous, itemId, action, now));
          if (action !== 'panel') await spendOnReaction(db, settings.nudges, 'engaged', now);
          // An item opened from the page is read in What's new too.
          if (action === 'open') await whatsNew.markRead([itemId]);
        }
        const type: EventType = action === 'snooze-day' || action === 'snooze-week' ? 'snooze' : action;
        const kind = parseKnowledgeItem(await db.get('items', itemId))?.kind;
        await recordEvents(db, [makeEvent(type, now, tool, area, itemId, kind)], now);
        return {};
      },
      // Votes, snoozes and "don't show again" follow the person to their other browsers.
      effects: ({ action }) => (SYNCED_ACTIONS.has(action) ? ['personalSync'] : []),
    },

    /** The nudge's search field: the same search as the popup's, over all knowledge. */
    searchKnowledge: {
      validate: (payload) =>
        isRecord(payload) && typeof payload.query === 'string' && payload.query.length <= MESSAGE_LIMITS.query
          ? { query: payload.query }
          : null,
      async handle({ query }) {
        const [index, terms] = await Promise.all([caches.matchIndex(), readSearchTerms()]);
        const hits = searchIndex(index, query, { terms });
        return { hits: hits.slice(0, SEARCH_HITS_IN_PAGE).map(({ item }) => item) };
      },
    },

    /** "See all in Signpost": Signpost's page in a new tab, with the search typed in the nudge. */
    openSignpost: {
      validate(payload) {
        if (!isRecord(payload)) return null;
        const { query } = payload;
        if (query === undefined) return {};
        return typeof query === 'string' && query.length <= MESSAGE_LIMITS.query ? { query } : null;
      },
      async handle({ query }) {
        if (!deps.openPage) throw new Error('cannot open pages here');
        await deps.openPage(query ? `popup.html?q=${encodeURIComponent(query)}` : 'popup.html');
        return {};
      },
    },

    loadNudge: {
      validate: empty,
      // Only ever into the sender's own tab and frame: a page cannot have the UI put anywhere else.
      async handle(_request, caller) {
        if (caller.tabId === undefined) throw new Error('no sender tab');
        if (!deps.injectNudge) throw new Error('cannot show the nudge here');
        await deps.injectNudge(caller.tabId, caller.frameId ?? 0);
        return {};
      },
    },

    pauseSite: {
      validate: (payload) =>
        isRecord(payload) && typeof payload.paused === 'boolean' ? { paused: payload.paused } : null,
      // The site is the sender's own page, never one named in the payload.
      async handle({ paused }, caller) {
        const host = caller.url ? new URL(caller.url).host : '';
        if (!host) throw new Error('no sender page');
        return setSitePaused(host, paused);
      },
      effects: () => ['personalSync'],
    },

    setSitePaused: {
      validate(payload) {
        if (!isRecord(payload) || typeof payload.paused !== 'boolean' || typeof payload.host !== 'string')
          return null;
        const host = payload.host.toLowerCase();
        return isHostName(host) ? { host, paused: payload.paused } : null;
      },
      handle: ({ host, paused }) => setSitePaused(host, paused),
      effects: () => ['personalSync'],
    },
  });
}
