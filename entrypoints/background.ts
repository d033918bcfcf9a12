import { defineBackground } from 'wxt/utils/define-background';
import { type Browser, browser } from '@/utils/browser';
import { englishReason, type ReasonText } from '@/utils/match';
import {
  errorReply,
  type MessageType,
  PROGRESS_PORT,
  type Reply,
  type SyncProgress,
  senderKind,
  validateMessage,
} from '@/utils/messages';
import { originPattern } from '@/utils/rules/tool-rules';
import { createService, type Service } from '@/utils/service';

/** Messages the background answers; `describePage` is the content script's. */
const HANDLED: readonly MessageType[] = [
  'matchPage',
  'listSources',
  'setSourceEnabled',
  'getToolSettings',
  'saveToolRules',
  'recordAction',
  'pauseSite',
  'setSitePaused',
  'searchItems',
  'recordGap',
  'react',
  'listActivity',
  'deliverNow',
  'retryDelivery',
  'getWebhook',
  'saveWebhook',
  'previewSource',
  'saveSource',
  'removeSource',
  'syncNow',
  'getSettings',
  'saveSettings',
  'getDashboard',
  'exportDaily',
  'exportEvents',
  'itemTitles',
  'exportConfig',
  'checkConfig',
  'importConfig',
  'getPolicy',
  'sourceHealth',
  'detectSource',
  'getReports',
  'deliverReportsNow',
];

const OUTBOX_ALARM = 'signpost-outbox';
/** Retries of daily reports. */
const REPORT_ALARM = 'signpost-reports';
/** Hourly: compaction, daily reports. */
const HOUSEKEEPING_ALARM = 'signpost-housekeeping';
/** Followed by the source id. */
const SOURCE_ALARM = 'signpost-sync:';

const reasonText: ReasonText = (key, subs) => browser.i18n.getMessage(key, subs) || englishReason(key, subs);

interface Hooks {
  /** Sources were added, removed or switched: update their alarms and sync new ones. */
  sourcesChanged: () => void;
  /** Compaction and daily reports (after the report endpoint changed). */
  housekeeping: () => void;
}

async function handle(
  service: Service,
  raw: unknown,
  sender: Browser.Runtime.MessageSender,
  { sourcesChanged, housekeeping }: Hooks,
): Promise<Reply> {
  const from = senderKind(sender, browser.runtime.id, browser.runtime.getURL('/'));
  const checked = validateMessage(raw, from, HANDLED);
  if ('error' in checked) return errorReply(checked.error);
  const { message } = checked;
  try {
    switch (message.type) {
      case 'matchPage':
        return { ok: true, value: await service.matchPage(message.payload) };
      case 'listSources':
        return { ok: true, value: await service.listSources() };
      case 'setSourceEnabled': {
        const value = await service.setSourceEnabled(message.payload);
        sourcesChanged();
        return { ok: true, value };
      }
      case 'recordAction':
        return { ok: true, value: await service.recordAction(message.payload) };
      case 'pauseSite': {
        // The site is the sender's own page, never one named in the payload.
        const host = sender.url ? new URL(sender.url).host : '';
        if (!host) return errorReply('pauseSite: no sender page');
        return { ok: true, value: await service.setSitePaused(host, message.payload.paused) };
      }
      case 'setSitePaused':
        return { ok: true, value: await service.setSitePaused(message.payload.host, message.payload.paused) };
      case 'searchItems':
        return { ok: true, value: await service.searchItems(message.payload) };
      case 'recordGap':
        return { ok: true, value: await service.recordGap(message.payload) };
      case 'react':
        return { ok: true, value: await service.react(message.payload) };
      case 'listActivity':
        return { ok: true, value: await service.listActivity() };
      case 'deliverNow':
        return { ok: true, value: await service.deliverNow() };
      case 'retryDelivery':
        return { ok: true, value: await service.retryDelivery(message.payload) };
      case 'previewSource':
        return { ok: true, value: await service.previewSource(message.payload) };
      case 'saveSource': {
        const value = await service.saveSource(message.payload);
        sourcesChanged();
        return { ok: true, value };
      }
      case 'removeSource': {
        const value = await service.removeSource(message.payload);
        sourcesChanged();
        return { ok: true, value };
      }
      case 'syncNow':
        return { ok: true, value: await service.syncNow(message.payload) };
      case 'getWebhook':
        return { ok: true, value: await service.getWebhook() };
      case 'saveWebhook':
        return { ok: true, value: await service.saveWebhook(message.payload) };
      case 'getToolSettings':
        return { ok: true, value: await service.getToolSettings() };
      case 'saveToolRules':
        return { ok: true, value: await service.saveToolRules(message.payload) };
      case 'getSettings':
        return { ok: true, value: await service.getSettings() };
      case 'saveSettings': {
        const value = await service.saveSettings(message.payload);
        if ('reportEndpoint' in message.payload.change) housekeeping();
        return { ok: true, value };
      }
      case 'getDashboard':
        return { ok: true, value: await service.getDashboard(message.payload) };
      case 'exportDaily':
        return { ok: true, value: await service.exportDaily(message.payload) };
      case 'exportEvents':
        return { ok: true, value: await service.exportEvents() };
      case 'itemTitles':
        return { ok: true, value: await service.itemTitles(message.payload) };
      case 'exportConfig':
        return { ok: true, value: await service.exportConfig() };
      case 'checkConfig':
        return { ok: true, value: await service.checkConfig(message.payload) };
      case 'importConfig': {
        const value = await service.importConfig(message.payload);
        if (value.ok) sourcesChanged();
        return { ok: true, value };
      }
      case 'getPolicy':
        return { ok: true, value: await service.getPolicy() };
      case 'sourceHealth':
        return { ok: true, value: await service.sourceHealth(message.payload) };
      case 'detectSource':
        return { ok: true, value: await service.detectSource(message.payload) };
      case 'getReports':
        return { ok: true, value: await service.getReports() };
      case 'deliverReportsNow':
        return { ok: true, value: await service.deliverReportsNow() };
      default:
        return errorReply(`${message.type} is not handled here`);
    }
  } catch (error) {
    console.error(`Signpost: ${message.type} failed`, error);
    return errorReply(error instanceof Error ? error.message : String(error));
  }
}

/** Sets (or clears, with null) a one-off alarm; Chrome fires alarms no sooner than 30 s after they are set. */
async function wakeAt(name: string, when: number | null): Promise<void> {
  if (when === null) await browser.alarms.clear(name);
  else await browser.alarms.create(name, { when: Math.max(when, Date.now() + 30_000) });
}

export default defineBackground(() => {
  // Options pages that want "Sync now" progress; only Signpost's own pages may connect.
  const progressPorts = new Set<Browser.Runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    const from = port.sender
      ? senderKind(port.sender, browser.runtime.id, browser.runtime.getURL('/'))
      : null;
    if (port.name !== PROGRESS_PORT || from !== 'extension') {
      port.disconnect();
      return;
    }
    progressPorts.add(port);
    port.onDisconnect.addListener(() => progressPorts.delete(port));
  });
  const progress = (sourceId: string, done: number, total?: number) => {
    const update: SyncProgress = { sourceId, done, ...(total !== undefined ? { total } : {}) };
    for (const port of progressPorts) port.postMessage(update);
  };

  const service = createService({
    progress,
    estimate: () => navigator.storage.estimate(),
    fetch: (input, init) => fetch(input, init),
    resolveBuiltin: (path) => browser.runtime.getURL(`/${path}` as '/'),
    reasonText,
    extensionVersion: browser.runtime.getManifest().version,
    newKey: () => crypto.randomUUID(),
    canReach: async (url) => !url || browser.permissions.contains({ origins: [originPattern(url)] }),
    scheduleDelivery: (when) => wakeAt(OUTBOX_ALARM, when),
    scheduleReports: (when) => wakeAt(REPORT_ALARM, when),
  });
  const deliver = () =>
    service.deliver().catch((error: unknown) => console.warn('Signpost: delivery will be retried', error));
  const housekeeping = () =>
    service
      .housekeeping()
      .catch((error: unknown) => console.warn('Signpost: housekeeping will run again', error));

  /** One alarm per configured source at its interval; sources that never synced sync now. */
  const scheduleSources = async () => {
    const wanted = await service.schedule();
    const existing = (await browser.alarms.getAll()).filter((alarm) => alarm.name.startsWith(SOURCE_ALARM));
    for (const alarm of existing) {
      const source = wanted.find((entry) => `${SOURCE_ALARM}${entry.id}` === alarm.name);
      if (!source || alarm.periodInMinutes !== source.intervalMinutes) await browser.alarms.clear(alarm.name);
    }
    for (const { id, intervalMinutes } of wanted) {
      const name = `${SOURCE_ALARM}${id}`;
      if (!(await browser.alarms.get(name))) {
        await browser.alarms.create(name, {
          periodInMinutes: intervalMinutes,
          delayInMinutes: intervalMinutes,
        });
      }
    }
    await service.syncNew();
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
    service
      .getToolSettings()
      .catch((error: unknown) => console.error('Signpost: rule hosts not updated', error));

  // Listeners are registered synchronously so that a message or an alarm wakes a stopped worker.
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.Runtime.MessageSender) =>
    handle(service, raw, sender, { sourcesChanged: () => void schedule(), housekeeping }),
  );
  browser.runtime.onInstalled.addListener(() => {
    // Install or update: (re)load the embedded content shipped with this version.
    service
      .syncBuiltins()
      .catch((error: unknown) => console.error('Signpost: loading built-in content failed', error));
    void syncRules();
    void schedule();
    void ensureHousekeeping();
  });
  // Deliveries that were waiting when the browser or the worker stopped.
  browser.runtime.onStartup.addListener(() => {
    void deliver();
    void schedule();
    void ensureHousekeeping();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void deliver();
    if (alarm.name === HOUSEKEEPING_ALARM || alarm.name === REPORT_ALARM) void housekeeping();
    if (alarm.name.startsWith(SOURCE_ALARM)) {
      service.syncById(alarm.name.slice(SOURCE_ALARM.length)).catch((error: unknown) => console.warn(error));
    }
  });
  // A policy arriving or changing: new sources, new rules, maybe a report endpoint.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') {
      void schedule();
      void syncRules();
      void housekeeping();
    }
  });
  // Host grants can change outside Signpost's pages (the browser's own extension menu).
  browser.permissions.onAdded.addListener(() => void syncRules());
  browser.permissions.onRemoved.addListener(() => void syncRules());
});
