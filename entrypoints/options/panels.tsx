/**
 * Each options tab's content: the components of components/options/ and components/dashboard/
 * with their props wired to the background's messages and the browser's permissions.
 */
import type { ComponentChildren } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { ConfigTransfer } from '@/components/options/config/ConfigTransfer';
import { PolicyView } from '@/components/options/config/PolicyView';
import { NudgeSettings } from '@/components/options/nudges/NudgeSettings';
import type { OptionTab } from '@/components/options/OptionsPage';
import { ClickhouseSettings } from '@/components/options/sharing/ClickhouseSettings';
import { ReportSettings } from '@/components/options/sharing/ReportSettings';
import { WebhookSettings } from '@/components/options/sharing/WebhookSettings';
import { SearchTerms } from '@/components/options/sources/SearchTerms';
import { type SourceDraft, SourceEditor } from '@/components/options/sources/SourceEditor';
import { SourceList } from '@/components/options/sources/SourceList';
import { SiteAccess } from '@/components/options/tools/SiteAccess';
import { ToolRules } from '@/components/options/tools/ToolRules';
import { ToolSwitches } from '@/components/options/tools/ToolSwitches';
import { toolChoices } from '@/components/options/tools/tool-choice';
import { browser } from '@/utils/browser';
import { downloadText } from '@/utils/download';
import { dayOf } from '@/utils/measurement/days';
import { type Request, sendMessage } from '@/utils/messages';
import { detectWithRules, originPattern } from '@/utils/rules/tool-rules';
import { CHROME_EXTENSION_ID, FIREFOX_ADDON_ID } from '@/utils/settings/config-file';
import type { SourceAuth } from '@/utils/settings/credentials';
import { guessFromUrl } from '@/utils/sources/detect';
import { DETECTORS } from '@/utils/tools';
import { dashboardFromClickhouse, dashboardFromFile, exportDashboardCsv, nameOf } from './dashboard';
import { connectProgress, onProgress } from './progress';

const builtins = DETECTORS.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
const formatDate = (ms: number) => new Date(ms).toLocaleString(navigator.language);

/** Asks the browser for access to an address's host (call it first thing in a click: it needs the gesture). */
const allowHost = (url: string) =>
  browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);

const loadSettings = () => sendMessage('getSettings', {});
const loadSources = async () => (await sendMessage('listSources', {})).sources;
const toolSettings = () => sendMessage('getToolSettings', {});
const loadReports = () => sendMessage('getReports', {});
const loadPolicy = () => sendMessage('getPolicy', {});
const loadHealth = (sourceId: string) => sendMessage('sourceHealth', { sourceId });
const exportConfig = async (includeAddresses: boolean) =>
  (await sendMessage('exportConfig', includeAddresses ? { includeAddresses } : {})).config;
const checkConfig = (text: string) => sendMessage('checkConfig', { text });
const importConfig = (text: string) => sendMessage('importConfig', { text });
/** The tools a source can name: the built-in ones and the ids of the admin's (and the policy's) rules. */
const loadToolChoices = async () => {
  const { rules, policyRules } = await toolSettings();
  return toolChoices(builtins, [...policyRules, ...rules]);
};
/** The adoption report prints through the browser's dialog (Save as PDF there) and downloads CSV. */
const adoptionReport = {
  print: () => window.print(),
  download: (name: string, text: string) => downloadText(name, text, 'text/csv;charset=utf-8'),
};
const loadDashboard = (filter: Request<'getDashboard'>) => sendMessage('getDashboard', filter);
const withAuth = (source: SourceDraft, auth: SourceAuth | null | undefined) => ({
  source,
  ...(auth !== undefined ? { auth } : {}),
});

function sourcesPanel() {
  return (
    <>
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
            preview={async (source, auth, authOrigin) => {
              await allowHost(source.url);
              return sendMessage('previewSource', { source, ...(auth ? { auth, authOrigin } : {}) });
            }}
            save={async (source, auth) => {
              await allowHost(source.url);
              done((await sendMessage('saveSource', withAuth(source, auth))).sources);
            }}
            onDone={() => done()}
            loadTools={loadToolChoices}
          />
        )}
      />
      <SearchTerms
        load={loadSettings}
        save={(searchTerms) => sendMessage('saveSettings', { change: { searchTerms } })}
      />
    </>
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

/** The content of each tab, made when the tab is shown. */
export const panels: Record<OptionTab, () => ComponentChildren> = {
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
      <ClickhouseSettings
        load={() => sendMessage('getClickhouse', {})}
        save={async (request) => {
          if (request.settings) await allowHost(request.settings.url);
          return sendMessage('saveClickhouse', request);
        }}
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
      exportCsv={exportDashboardCsv}
      fromReports={dashboardFromFile}
      fromClickhouse={dashboardFromClickhouse}
      report={adoptionReport}
      toolName={nameOf}
      today={dayOf(Date.now())}
      locale={navigator.language}
    />
  ),
};
