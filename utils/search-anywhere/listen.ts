/**
 * Search from anywhere, wired to the browser: the keyboard shortcut is the manifest's
 * `_execute_action` command (the popup focuses its search box on open; the key can be changed in
 * the browser's shortcut settings), the context menu is ./menu.ts and the address bar ./omnibox.ts.
 * Listeners are added synchronously, so that a click or a keystroke wakes a stopped worker.
 */
import type { Browser } from '../browser';
import type { KnowledgeItem } from '../model';
import { openSearch, PENDING_QUERY_KEY, queryFromSelection, SEARCH_MENU_ID } from './menu';
import { type Disposition, omniboxSuggestions, omniboxTarget } from './omnibox';

export interface SearchAnywhereDeps {
  /** Items for a query, best first (the background's index). */
  search: (query: string) => Promise<KnowledgeItem[]>;
  /** Whether omnibox descriptions are XML (Chrome) or plain text (Firefox). */
  markup: boolean;
  now?: () => number;
}

export interface SearchAnywhere {
  /** (Re)creates the context-menu entry; menus persist, so this runs on install and update. */
  createMenu(): Promise<void>;
  /** What a click on the menu entry does (also what the tests drive). */
  menuClicked(info: { menuItemId: string | number; selectionText?: string }): Promise<'popup' | 'tab' | null>;
  /** Suggestions for what was typed after the keyword. */
  suggest(text: string): Promise<{ content: string; description: string }[]>;
  /** What Enter after the keyword does. */
  entered(text: string, disposition: Disposition): Promise<void>;
}

export function listenForSearch(browser: Browser.Browser, deps: SearchAnywhereDeps): SearchAnywhere {
  const now = deps.now ?? Date.now;
  const popupUrl = browser.runtime.getURL('/popup.html');
  const menus = browser.contextMenus ?? (browser as unknown as { menus?: typeof browser.contextMenus }).menus;

  const open = (query: string) =>
    openSearch(query, {
      ...(browser.action?.openPopup ? { openPopup: () => browser.action.openPopup() } : {}),
      handOver: (pending) => browser.storage.session.set({ [PENDING_QUERY_KEY]: pending }),
      openTab: (url) => browser.tabs.create({ url }),
      popupUrl,
      now,
    });

  const api: SearchAnywhere = {
    async createMenu() {
      if (!menus) return;
      await menus.removeAll();
      menus.create({
        id: SEARCH_MENU_ID,
        title: browser.i18n.getMessage('menuSearchSelection') || 'Search Signpost for "%s"',
        contexts: ['selection'],
      });
    },

    async menuClicked(info) {
      if (info.menuItemId !== SEARCH_MENU_ID) return null;
      const query = queryFromSelection(info.selectionText);
      return query ? open(query) : null;
    },

    async suggest(text) {
      const query = queryFromSelection(text);
      return query ? omniboxSuggestions(await deps.search(query), deps.markup) : [];
    },

    async entered(text, disposition) {
      const target = omniboxTarget(text);
      if (!target) return;
      const url = 'open' in target ? target.open : `${popupUrl}?q=${encodeURIComponent(target.search)}`;
      if (disposition === 'currentTab') await browser.tabs.update({ url });
      else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
    },
  };

  menus?.onClicked.addListener((info) => {
    api
      .menuClicked(info)
      .catch((error: unknown) => console.warn('Signpost: search from the menu failed', error));
  });
  if (browser.omnibox) {
    browser.omnibox.onInputChanged.addListener((text, suggest) => {
      api.suggest(text).then(suggest, () => suggest([]));
    });
    browser.omnibox.onInputEntered.addListener((text, disposition) => {
      api.entered(text, disposition).catch((error: unknown) => console.warn('Signpost: omnibox', error));
    });
  }
  return api;
}
