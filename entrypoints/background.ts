/**
 * The background service worker: wiring only. Messages go through `route(handlers)` (the protocol
 * in utils/messages/, one handler map per domain in utils/handlers/); alarms and lifecycle events
 * run the handlers' tasks. Listeners are registered synchronously so that a message or an alarm
 * wakes a stopped worker.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { NUDGE_SCRIPT } from '@/entrypoints/nudge/scope';
import { browser } from '@/utils/browser';
import { createBackground, type Effect } from '@/utils/handlers';
import { reconcileSourceAlarms, sourceOfAlarm } from '@/utils/handlers/state/source-alarms';
import { englishReason, type ReasonText } from '@/utils/match';
import { acceptProgressPorts } from '@/utils/messages/progress';
import { SENT_FROM_TABS } from '@/utils/messages/protocol';
import { route } from '@/utils/messages/route';
import { syncPersonalState } from '@/utils/personal-sync';
import { originPattern } from '@/utils/rules/tool-rules';
import { listenForSearch } from '@/utils/search-anywhere/listen';
import { watchPolicy } from '@/utils/settings/managed';

const OUTBOX_ALARM = 'signpost-outbox';
/** Retries of daily reports. */
const REPORT_ALARM = 'signpost-reports';
/** Hourly: compaction, daily reports. */
const HOUSEKEEPING_ALARM = 'signpost-housekeeping';

const reasonText: ReasonText = (key, subs) => browser.i18n.getMessage(key, subs) || englishReason(key, subs);

/** Sets (or clears, with null) a one-off alarm; Chrome fires alarms no sooner than 30 s after they are set. */
async function wakeAt(name: string, when: number | null): Promise<void> {
  if (when === null) await browser.alarms.clear(name);
  else await browser.alarms.create(name, { when: Math.max(when, Date.now() + 30_000) });
}

export default defineBackground(() => {
  // Options pages that want "Sync now" progress; only Signpost's own pages may connect.
  const progress = acceptProgressPorts();

  const { handlers, tasks } = createBackground({
    progress,
    estimate: () => navigator.storage.estimate(),
    fetch: (input, init) => fetch(input, init),
    resolveBuiltin: (path) => browser.runtime.getURL(`/${path}` as '/'),
    openPage: async (path) =>
      void (await browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/') })),
    reasonText,
    extensionVersion: browser.runtime.getManifest().version,
    newKey: () => crypto.randomUUID(),
    canReach: async (url) => !url || browser.permissions.contains({ origins: [originPattern(url)] }),
    scheduleDelivery: (when) => wakeAt(OUTBOX_ALARM, when),
    scheduleReports: (when) => wakeAt(REPORT_ALARM, when),
    // The nudge's UI, only into a frame whose content script has something to show.
    injectNudge: async (tabId, frameId) =>
      void (await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: [NUDGE_SCRIPT],
      })),
    // What's new's unread count on the toolbar icon; no system notifications.
    setBadge: (text) => browser.action.setBadgeText({ text }),
  });
  const refreshBadge = () =>
    tasks.refreshBadge().catch((error: unknown) => console.warn('Signpost: badge not updated', error));
  const deliver = () =>
    tasks.deliver().catch((error: unknown) => console.warn('Signpost: delivery will be retried', error));
  const housekeeping = () =>
    tasks
      .housekeeping()
      .catch((error: unknown) => console.warn('Signpost: housekeeping will run again', error));

  /** One alarm per configured source at its interval; sources that never synced sync now. */
  const scheduleSources = async () => {
    await reconcileSourceAlarms(browser.alarms, await tasks.schedule());
    await tasks.syncNew();
  };
  /** The hourly housekeeping alarm (kept across restarts), and one run now. */
  const ensureHousekeeping = async () => {
    if (!(await browser.alarms.get(HOUSEKEEPING_ALARM)))
      await browser.alarms.create(HOUSEKEEPING_ALARM, { periodInMinutes: 60, delayInMinutes: 60 });
    housekeeping();
  };

  const schedule = () =>
    scheduleSources().catch((error: unknown) => console.warn('Signpost: source schedule not updated', error));

  const syncRules = () =>
    tasks.syncRules().catch((error: unknown) => console.error('Signpost: rule hosts not updated', error));

  // Search from anywhere: the context menu and the address bar (`sp`).
  const searchAnywhere = listenForSearch(browser, {
    search: (query) => tasks.search(query),
    markup: import.meta.env.BROWSER !== 'firefox',
  });

  // My choices on every device: votes, snoozes, paused sites, endorsements, follows via storage.sync.
  const personalSync = () =>
    syncPersonalState({ area: browser.storage.sync, now: Date.now }).catch((error: unknown) =>
      console.warn('Signpost: choices not synced', error),
    );

  // Listeners are registered synchronously so that a message or an alarm wakes a stopped worker.
  const effects: Record<Effect, () => void> = {
    sourcesChanged: () => void schedule(),
    housekeeping,
    personalSync: () => void personalSync(),
  };
  browser.runtime.onMessage.addListener(
    route(handlers, {
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      fromTabs: SENT_FROM_TABS,
      effects,
    }),
  );
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: a short welcome page (what Signpost does, that matching stays here, how to pause).
    if (reason === 'install')
      browser.tabs
        .create({ url: browser.runtime.getURL('/welcome.html') })
        .catch((error: unknown) => console.warn('Signpost: welcome page not opened', error));
    // Install or update: (re)load the embedded content shipped with this version.
    tasks
      .syncBuiltins()
      .then(refreshBadge)
      .catch((error: unknown) => console.error('Signpost: loading built-in content failed', error));
    void syncRules();
    void schedule();
    void ensureHousekeeping();
    searchAnywhere.createMenu().catch((error: unknown) => console.warn('Signpost: no search menu', error));
    void personalSync();
  });
  // Deliveries that were waiting when the browser or the worker stopped.
  browser.runtime.onStartup.addListener(() => {
    void refreshBadge();
    void deliver();
    void schedule();
    void ensureHousekeeping();
    void personalSync();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void deliver();
    if (alarm.name === HOUSEKEEPING_ALARM || alarm.name === REPORT_ALARM) void housekeeping();
    if (alarm.name === HOUSEKEEPING_ALARM) void refreshBadge();
    const sourceId = sourceOfAlarm(alarm.name);
    if (sourceId !== null)
      tasks
        .syncById(sourceId)
        .then(refreshBadge)
        .catch((error: unknown) => console.warn(error));
  });
  // Another browser's choices arrived, or follows changed here.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' || (area === 'local' && 'follows' in changes)) void personalSync();
  });
  // A policy arriving or changing: new sources, new rules, maybe a report endpoint.
  watchPolicy(() => {
    void schedule();
    void syncRules();
    void housekeeping();
  });
  // Host grants can change outside Signpost's pages (the browser's own extension menu).
  browser.permissions.onAdded.addListener(() => void syncRules());
  browser.permissions.onRemoved.addListener(() => void syncRules());
});
