import { render } from 'preact';
import { type PageState, Popup } from '@/components/popup/Popup';
import { type PopupTab, PopupTabs } from '@/components/popup/PopupTabs';
import { I18n } from '@/components/shared/i18n';
import { browser } from '@/utils/browser';
import { downloadText } from '@/utils/download';
import { setDocumentLanguage, t } from '@/utils/i18n';
import { reactionsToCsv } from '@/utils/measurement/csv';
import type { Activity } from '@/utils/messages';
import { sendMessage, sendToTab } from '@/utils/messages';
import { DETECTORS, toolName } from '@/utils/tools';

/** Saves the person's endorsements and flags as a file. */
function download(activity: Activity, format: 'csv' | 'json'): void {
  const text =
    format === 'csv' ? reactionsToCsv(activity.entries) : JSON.stringify(activity.entries, null, 2);
  downloadText(
    `signpost-activity.${format}`,
    text,
    format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
  );
}

/**
 * The tab the popup is about: the active tab of its window. When the popup page is itself open in
 * a tab (keyboard users, tests), the most recently used other tab of that window.
 */
async function targetTabId(): Promise<number | undefined> {
  const self = await browser.tabs.getCurrent();
  const tabs = await browser.tabs.query({ currentWindow: true });
  const others = tabs.filter((tab) => tab.id !== undefined && tab.id !== self?.id);
  const active = others.find((tab) => tab.active);
  if (active) return active.id;
  return others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0]?.id;
}

async function loadPage(): Promise<PageState> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { state: 'no-tool' };
  try {
    const { context, matches, paused } = await sendToTab(tabId, 'describePage', {});
    const host = new URL(context.url).host;
    return {
      state: 'ready',
      context,
      toolName: context.tool ? toolName(context.tool) : '',
      matches,
      paused,
      host,
    };
  } catch {
    // No Signpost content script in that tab: not a recognised tool (or a browser page).
    return { state: 'no-tool' };
  }
}

const TOOLS = DETECTORS.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
/** `popup.html#whatsnew` opens on What's new. */
const initialTab: PopupTab = location.hash === '#whatsnew' ? 'whatsnew' : 'search';
const loadWhatsNew = () => sendMessage('listWhatsNew', {});

setDocumentLanguage(document);
const root = document.getElementById('app');
if (root) {
  const search = (
    <Popup
      load={loadPage}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      setPaused={async (host, paused) => {
        await sendMessage('setSitePaused', { host, paused });
      }}
      search={async (query, filters) => (await sendMessage('searchItems', { query, ...filters })).hits}
      recordGap={(query) => void sendMessage('recordGap', { query }).catch(() => undefined)}
      loadActivity={() => sendMessage('listActivity', {})}
      react={(item, reaction) => sendMessage('react', { itemId: item.id, reaction })}
      retry={(key) => sendMessage('retryDelivery', { key })}
      sendNow={() => sendMessage('deliverNow', {})}
      exportActivity={download}
      tools={TOOLS}
    />
  );
  render(
    <I18n.Provider value={t}>
      <PopupTabs
        initialTab={initialTab}
        search={search}
        loadWhatsNew={loadWhatsNew}
        markRead={(itemIds) => sendMessage('markWhatsNewRead', { itemIds })}
        follow={(topic, follow) => sendMessage('followTopic', { topic, follow })}
        tools={TOOLS}
        locale={browser.i18n.getUILanguage()}
      />
    </I18n.Provider>,
    root,
  );
}
