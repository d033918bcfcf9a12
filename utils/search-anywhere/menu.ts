/**
 * Search from anywhere, the context menu: *Search Signpost for "…"* on selected text opens
 * Signpost's search with that text. The popup opens where the browser lets an extension open it
 * (`action.openPopup`: Chrome 127+, Firefox from a user action), with the query handed over in
 * `storage.session`; otherwise the same search page opens in a tab with `?q=`.
 */

import { cut } from '../delivery/reactions';
import { MESSAGE_LIMITS } from '../limits';

export const SEARCH_MENU_ID = 'signpost-search-selection';
/** The storage.session key of a query waiting for the popup. */
export const PENDING_QUERY_KEY = 'pendingSearch';
/** A query handed to the popup is used only this soon after the click. */
export const PENDING_QUERY_MS = 60_000;

/** Selected text as a search: one line, trimmed, cut to what a search may hold; null when empty. */
export function queryFromSelection(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const query = cut(text.replace(/\s+/g, ' ').trim(), MESSAGE_LIMITS.query).trim();
  return query || null;
}

/** The popup page as a tab, with the search filled in. */
export function searchPageUrl(popupUrl: string, query: string): string {
  return `${popupUrl}?q=${encodeURIComponent(query)}`;
}

export interface OpenSearchDeps {
  /** `browser.action.openPopup`, where the browser has it. */
  openPopup?: () => Promise<void>;
  /** Stores the query for the popup to pick up. */
  handOver: (pending: { query: string; at: number }) => Promise<void>;
  openTab: (url: string) => Promise<unknown>;
  popupUrl: string;
  now: () => number;
}

/** Opens Signpost's search with `query`: the popup where possible, else the search page in a tab. */
export async function openSearch(query: string, deps: OpenSearchDeps): Promise<'popup' | 'tab'> {
  if (deps.openPopup) {
    try {
      // Firefox opens the popup only within the user's action, which ends at the first await:
      // both calls start at once (the storage write is queued before the popup can read it).
      const handedOver = deps.handOver({ query, at: deps.now() });
      await Promise.all([handedOver, deps.openPopup()]);
      return 'popup';
    } catch {
      // No window to open it in, or the browser wants a user gesture it does not see: use a tab.
    }
  }
  await deps.openTab(searchPageUrl(deps.popupUrl, query));
  return 'tab';
}

/** The query the popup starts with: `?q=` (a tab), else a fresh hand-over from the menu or omnibox. */
export function initialQuery(search: string, pending: unknown, now: number): string {
  const fromUrl = queryFromSelection(new URLSearchParams(search).get('q'));
  if (fromUrl) return fromUrl;
  if (typeof pending !== 'object' || pending === null) return '';
  const { query, at } = pending as { query?: unknown; at?: unknown };
  if (typeof at !== 'number' || now - at > PENDING_QUERY_MS || now < at) return '';
  return queryFromSelection(query) ?? '';
}
