/**
 * Everything the background answers and does, per domain. `handlers` is the router's table (one
 * typed map per domain, merged); `tasks` are what the background's alarms and lifecycle events run.
 *
 *   page · champion · sources · settings · measurement · reports · whatsnew ─► handlers (route(handlers))
 *   state/: caches · index snapshot · attention budget · outbox delivery · source store · reporting
 */
import type { KnowledgeItem } from '../model';
import { searchIndex } from '../search';
import { readSearchTerms } from '../settings/settings';
import { championHandlers } from './champion';
import { measurementHandlers } from './measurement';
import { pageHandlers } from './page';
import { reportHandlers } from './reports';
import { settingsHandlers } from './settings';
import { sourceHandlers } from './sources';
import { type BackgroundDeps, createState } from './state';
import { housekeeping } from './state/reporting';
import { toolSettings } from './state/tool-rules';
import type { Handlers } from './types';
import { whatsNewHandlers } from './whatsnew';

export type { BackgroundDeps } from './state';
export type { Effect, Handler, Handlers } from './types';

export function createBackground(deps: BackgroundDeps) {
  const state = createState(deps);
  const handlers: Handlers = {
    ...pageHandlers(state),
    ...championHandlers(state),
    ...sourceHandlers(state),
    ...settingsHandlers(state),
    ...measurementHandlers(state),
    ...reportHandlers(state),
    ...whatsNewHandlers(state),
  };
  const tasks = {
    /** Sends the outbox's due entries (alarm, start-up). */
    deliver: state.outbox.deliver,
    /** Packs days, compacts events, makes and sends daily reports (hourly alarm, start-up). */
    housekeeping: () => housekeeping(deps),
    /** Which sources sync how often (for their alarms). */
    schedule: state.sources.schedule,
    /** Syncs a source by id (its alarm). */
    syncById: state.sources.syncById,
    /** Syncs every configured source that never synced. */
    syncNew: state.sources.syncNew,
    /** Re-reads the built-in sources (install or update of the extension). */
    async syncBuiltins() {
      await state.builtins.resync();
      state.caches.invalidate();
    },
    /** Re-registers the rule hosts' content script for the current rules and grants. */
    syncRules: toolSettings,
    /** The best items for a query (the address bar's suggestions). */
    async search(query: string, limit = 8): Promise<KnowledgeItem[]> {
      const [index, terms] = await Promise.all([state.caches.matchIndex(), readSearchTerms()]);
      return searchIndex(index, query, { limit, terms }).map(({ item }) => item);
    },
    /** Shows What's new's unread count on the toolbar icon (start-up, after syncs, hourly). */
    refreshBadge: async () => {
      await state.whatsNew.refreshBadge();
    },
  };
  return { handlers, tasks };
}

export type Background = ReturnType<typeof createBackground>;
