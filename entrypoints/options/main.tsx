import { type ComponentChildren, render } from 'preact';
import { ConfigTransfer } from '@/components/ConfigTransfer';
import { Dashboard } from '@/components/Dashboard';
import { I18n } from '@/components/i18n';
import { NudgeSettings } from '@/components/NudgeSettings';
import { OPTION_TABS, OptionsPage, type OptionTab } from '@/components/OptionsPage';
import { SiteAccess } from '@/components/options/tools/SiteAccess';
import { PolicyView } from '@/components/PolicyView';
import { ReportSettings } from '@/components/ReportSettings';
import { type SourceDraft, SourceEditor } from '@/components/SourceEditor';
import { SourceList } from '@/components/SourceList';
import { ToolRules } from '@/components/ToolRules';
import { ToolSwitches } from '@/components/ToolSwitches';
import { WebhookSettings } from '@/components/WebhookSettings';
import { type Browser, browser } from '@/utils/browser';
import { CHROME_EXTENSION_ID, FIREFOX_ADDON_ID } from '@/utils/config';
import { dailyRowsToCsv, eventsToCsv } from '@/utils/csv';
import { dashboardFromReports, namedItems } from '@/utils/dashboard';
import { downloadText } from '@/utils/download';
import { dayOf } from '@/utils/events';
import { setDocumentLanguage, t } from '@/utils/i18n';
import {
  PROGRESS_PORT,
  parseSyncProgress,
  type Request,
  type SyncProgress,
  sendMessage,
} from '@/utils/messages';
import { parseReportFile } from '@/utils/report';
import { detectWithRules, originPattern } from '@/utils/rules';
import { guessFromUrl } from '@/utils/sources/detect';
import type { SourceAuth } from '@/utils/sync';
import { DETECTORS, toolName } from '@/utils/tools';

const builtins = DETECTORS.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
const formatDate = (ms: number) => new Date(ms).toLocaleString(navigator.language);
const nameOf = (id: string) => (id ? toolName(id) : '');
const CSV = 'text/csv;charset=utf-8';

/** Asks the browser for access to an address's host (call it first thing in a click: it needs the gesture). */
const allowHost = (url: string) =>
  browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);

// "Sync now" progress comes on a port the background posts to: opened on first use, and again
// before a sync when a stopped worker closed it (not at once: that would keep the worker awake).
const progressListeners = new Set<(progress: SyncProgress) => void>();
let progressPort: Browser.Runtime.Port | null = null;
function connectProgress(): void {
  if (progressPort || progressListeners.size === 0) return;
  const port = browser.runtime.connect({ name: PROGRESS_PORT });
  progressPort = port;
  port.onMessage.addListener((raw: unknown) => {
    const progress = parseSyncProgress(raw);
    if (progress) for (const each of progressListeners) each(progress);
  });
  port.onDisconnect.addListener(() => {
    progressPort = null;
  });
}
function onProgress(listener: (progress: SyncProgress) => void): () => void {
  progressListeners.add(listener);
  connectProgress();
  return () => progressListeners.delete(listener);
}

const loadSettings = () => sendMessage('getSettings', {});
const loadSources = async () => (await sendMessage('listSources', {})).sources;
const toolSettings = () => sendMessage('getToolSettings', {});
const loadReports = () => sendMessage('getReports', {});
const loadPolicy = () => sendMessage('getPolicy', {});
const loadHealth = (sourceId: string) => sendMessage('sourceHealth', { sourceId });
const exportConfig = async () => (await sendMessage('exportConfig', {})).config;
const checkConfig = (text: string) => sendMessage('checkConfig', { text });
const importConfig = (text: string) => sendMessage('importConfig', { text });
const loadDashboard = (filter: Request<'getDashboard'>) => sendMessage('getDashboard', filter);
const withAuth = (source: SourceDraft, auth: SourceAuth | null | undefined) => ({
  source,
  ...(auth !== undefined ? { auth } : {}),
});

function sourcesPanel() {
  return (
    <SourceList
      loadSources={loadSources}
      setEnabled={async (sourceId, enabled) =>
        (await sendMessage('setSourceEnabled', { sourceId, enabled })).sources
      }
      syncNow={async (sourceId) => {
        connectProgress();
        return (await sendMessage('syncNow', { sourceId })).sources;
      }}
      remove={async (sourceId) => (await sendMessage('removeSource', { sourceId })).sources}
      loadHealth={loadHealth}
      onProgress={onProgress}
      formatDate={formatDate}
      toolName={nameOf}
      editor={(editing, done, takenIds) => (
        <SourceEditor
          key={editing?.id ?? 'new'}
          editing={editing}
          takenIds={takenIds}
          guessType={(url) => guessFromUrl(url)?.type ?? 'feed'}
          detect={async (url) => {
            await allowHost(url);
            return sendMessage('detectSource', { url });
          }}
          preview={async (source, auth) => {
            await allowHost(source.url);
            return sendMessage('previewSource', { source, ...(auth ? { auth } : {}) });
          }}
          save={async (source, auth) => {
            await allowHost(source.url);
            done((await sendMessage('saveSource', withAuth(source, auth))).sources);
          }}
          onDone={() => done()}
        />
      )}
    />
  );
}

/** The recognised tools' host patterns: where the content script is declared to run. */
const toolHosts = () =>
  (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);

async function siteAccess() {
  const origins = toolHosts();
  const granted = await Promise.all(
    origins.map((origin) => browser.permissions.contains({ origins: [origin] })),
  );
  return { total: origins.length, missing: granted.filter((ok) => !ok).length };
}

const panels: Record<OptionTab, () => ComponentChildren> = {
  sources: sourcesPanel,
  tools: () => (
    <>
      <SiteAccess check={siteAccess} grant={() => browser.permissions.request({ origins: toolHosts() })} />
      <ToolSwitches
        load={loadSettings}
        save={(disabledTools) => sendMessage('saveSettings', { change: { disabledTools } })}
        builtins={builtins}
      />
      <ToolRules
        load={toolSettings}
        save={(rules) => sendMessage('saveToolRules', { rules })}
        grant={(origins) => browser.permissions.request({ origins })}
        test={(url, rules) => detectWithRules(url, undefined, rules)}
        builtins={builtins}
      />
    </>
  ),
  nudges: () => (
    <NudgeSettings load={loadSettings} save={(change) => sendMessage('saveSettings', { change })} />
  ),
  sharing: () => (
    <>
      <WebhookSettings
        load={() => sendMessage('getWebhook', {})}
        save={(url, format) => sendMessage('saveWebhook', { url, format })}
        grant={(url) => browser.permissions.request({ origins: [originPattern(url)] })}
      />
      <ReportSettings
        load={loadReports}
        loadSettings={loadSettings}
        save={async (endpoint) => {
          if (endpoint) await allowHost(endpoint);
          await sendMessage('saveSettings', { change: { reportEndpoint: endpoint } });
          return loadReports();
        }}
        sendNow={() => sendMessage('deliverReportsNow', {})}
        formatDate={formatDate}
      />
    </>
  ),
  config: () => (
    <>
      <ConfigTransfer
        exportConfig={exportConfig}
        check={checkConfig}
        importConfig={importConfig}
        download={(name, text) => downloadText(name, text)}
        chromeId={CHROME_EXTENSION_ID}
        firefoxId={FIREFOX_ADDON_ID}
      />
      <PolicyView load={loadPolicy} />
    </>
  ),
  dashboard: () => (
    <Dashboard
      load={loadDashboard}
      exportCsv={async (what, { from, to, tool, kind }) => {
        if (what === 'daily') {
          const { rows, titles } = await sendMessage('exportDaily', { from, to });
          // The same tool and kind as the figures on screen.
          const shown = rows.filter(
            (row) => (tool === undefined || row.tool === tool) && (kind === undefined || row.kind === kind),
          );
          downloadText(`signpost-daily-${from}-${to}.csv`, dailyRowsToCsv(shown, titles, nameOf), CSV);
        } else {
          const { events } = await sendMessage('exportEvents', {});
          downloadText('signpost-events.csv', eventsToCsv(events), CSV);
        }
      }}
      fromReports={async (text, filter) => {
        const { reports, skipped } = parseReportFile(text);
        if (reports.length === 0) throw new Error(t('dashReportsNone'));
        const view = dashboardFromReports(reports, filter, skipped);
        const { titles } = await sendMessage('itemTitles', { ids: namedItems(view.figures) });
        return { ...view, titles };
      }}
      toolName={nameOf}
      today={dayOf(Date.now())}
      locale={navigator.language}
    />
  ),
};

const fromHash = (): OptionTab => {
  const tab = location.hash.slice(1);
  return (OPTION_TABS as readonly string[]).includes(tab) ? (tab as OptionTab) : 'sources';
};

setDocumentLanguage(document);
const root = document.getElementById('app');
if (root) {
  render(
    <I18n.Provider value={t}>
      <OptionsPage
        initialTab={fromHash()}
        onTabChange={(tab) => history.replaceState(null, '', `#${tab}`)}
        watchTab={(show) => {
          const onHash = () => show(fromHash());
          window.addEventListener('hashchange', onHash);
          return () => window.removeEventListener('hashchange', onHash);
        }}
        panels={panels}
      />
    </I18n.Provider>,
    root,
  );
}
