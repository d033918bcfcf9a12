/**
 * The settings the content script needs on every tool page — admin rules, paused sites and the
 * tools an admin turned off —
 * read straight from storage (the person's own and the policy's) without the rest of the settings
 * code, which keeps the script that runs on every page small. Same merge as utils/settings/policy.ts:
 * the policy's rules come first.
 */
import { browser } from '../browser';
import { isHostName, isRecord } from '../model';
import { parseToolRules, type ToolRule } from '../rules/tool-rules';

export interface PageSettings {
  toolRules: ToolRule[];
  pausedSites: string[];
  /** Tool ids where Signpost stays silent (the person's and the policy's). */
  disabledTools: string[];
}

const toolIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

export async function loadPageSettings(): Promise<PageSettings> {
  const [local, managed] = await Promise.all([
    browser.storage.local.get('settings').then((stored) => stored.settings),
    browser.storage.managed.get(['toolRules', 'disabledTools']).catch(() => ({}) as Record<string, unknown>),
  ]);
  const own = isRecord(local) ? local : {};
  const paused = Array.isArray(own.pausedSites) ? own.pausedSites.filter(isHostName) : [];
  return {
    toolRules: [...parseToolRules(managed.toolRules).rules, ...parseToolRules(own.toolRules).rules],
    pausedSites: paused,
    disabledTools: [...toolIds(managed.disabledTools), ...toolIds(own.disabledTools)],
  };
}

/** Calls `listener` when settings or the policy change; returns the function that stops it. */
export function onPageSettingsChanged(listener: (settings: PageSettings) => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && 'settings' in changes) || area === 'managed') {
      loadPageSettings().then(listener, () => undefined);
    }
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
