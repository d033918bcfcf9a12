import { render } from 'preact';
import { type PageState, Popup } from '@/components/popup/Popup';
import { I18n } from '@/components/shared/i18n';
import { browser } from '@/utils/browser';
import { downloadText } from '@/utils/download';
import { setDocumentLanguage, t } from '@/utils/i18n';
import { reactionsToCsv } from '@/utils/measurement/csv';
import type { Activity } from '@/utils/messages';
import { sendMessage, sendToTab } from '@/utils/messages';
import { initialQuery, PENDING_QUERY_KEY } from '@/utils/search-anywhere/menu';
import { toolName } from '@/utils/tools';

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

/** The search handed over by the context menu or the address bar (used once), or `?q=`. */
async function startQuery(): Promise<string> {
  const session = browser.storage.session;
  const pending = session
    ? await session
        .get(PENDING_QUERY_KEY)
        .then((stored) => stored[PENDING_QUERY_KEY])
        .catch(() => undefined)
    : undefined;
  if (pending !== undefined) await session?.remove(PENDING_QUERY_KEY).catch(() => undefined);
  return initialQuery(location.search, pending, Date.now());
}

const loadActivity = () => sendMessage('listActivity', {});

/** The tools that have content, by name (built-in names; an admin's own tool by its id). */
async function loadTools(): Promise<{ id: string; name: string }[]> {
  const { tools } = await sendMessage('listContentTools', {});
  return tools.map((id) => ({ id, name: toolName(id) })).sort((a, b) => a.name.localeCompare(b.name));
}

async function loadSourceNames(): Promise<Record<string, string>> {
  const { sources } = await sendMessage('listSources', {});
  return Object.fromEntries(sources.map((source) => [source.id, source.name]));
}

setDocumentLanguage(document);
const root = document.getElementById('app');
if (root) void startQuery().then((query) => mount(root, query));

function mount(root: HTMLElement, query: string) {
  render(
    <I18n.Provider value={t}>
      <Popup
        load={loadPage}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        setPaused={async (host, paused) => {
          await sendMessage('setSitePaused', { host, paused });
        }}
        search={(query, filters) => sendMessage('searchItems', { query, ...filters })}
        recordGap={(query) => void sendMessage('recordGap', { query }).catch(() => undefined)}
        loadActivity={loadActivity}
        react={(item, reaction) => sendMessage('react', { itemId: item.id, reaction })}
        suggest={(suggestion) => sendMessage('suggestFix', { suggestion })}
        withdraw={(key) => sendMessage('withdrawReaction', { key })}
        requestContent={(title, comment) =>
          sendMessage('requestContent', { title, ...(comment ? { comment } : {}) })
        }
        retry={(key) => sendMessage('retryDelivery', { key })}
        sendNow={() => sendMessage('deliverNow', {})}
        exportActivity={download}
        loadTools={loadTools}
        loadSourceNames={loadSourceNames}
        toolName={toolName}
        initialQuery={query}
      />
    </I18n.Provider>,
    root,
  );
}
