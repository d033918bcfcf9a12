/**
 * The settings the content script needs on every tool page — admin rules, paused sites and the
 * tools an admin turned off —
 * read straight from storage (the person's own and the policy's) without the rest of the settings
 * code, which keeps the script that runs on every page small. Same merge as utils/settings/policy.ts:
 * the policy's rules come first.
 */
import { type BadgePosition, parsePosition, parsePositions } from '@/components/nudge/position';
import { browser } from '../browser';
import { isHostName, isRecord } from '../model';
import { parseToolRules, type ToolRule } from '../rules/tool-rules';

export interface PageSettings {
  toolRules: ToolRule[];
  pausedSites: string[];
  /** Tool ids where Signpost stays silent (the person's and the policy's). */
  disabledTools: string[];
  /** Where the badge sits, per tool: the person's own (dragged) positions, and the admin's (policy). */
  badgePositions: { own: Record<string, BadgePosition>; admin: Record<string, BadgePosition> };
}

/** The storage.local key of the badge positions a person dragged to (harmless page data). */
export const BADGE_POSITIONS_KEY = 'badgePositions';

const toolIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

export async function loadPageSettings(): Promise<PageSettings> {
  const [stored, managed] = await Promise.all([
    browser.storage.local.get(['settings', BADGE_POSITIONS_KEY]),
    browser.storage.managed
      .get(['toolRules', 'disabledTools', 'badgePosition'])
      .catch(() => ({}) as Record<string, unknown>),
  ]);
  const local = stored.settings;
  const own = isRecord(local) ? local : {};
  const paused = Array.isArray(own.pausedSites) ? own.pausedSites.filter(isHostName) : [];
  return {
    toolRules: [...parseToolRules(managed.toolRules).rules, ...parseToolRules(own.toolRules).rules],
    pausedSites: paused,
    disabledTools: [...toolIds(managed.disabledTools), ...toolIds(own.disabledTools)],
    badgePositions: {
      own: parsePositions(stored[BADGE_POSITIONS_KEY]),
      admin: parsePositions(managed.badgePosition),
    },
  };
}

/** Remembers where the person dragged the badge on a tool's pages. */
export async function saveBadgePosition(tool: string, position: BadgePosition): Promise<void> {
  const valid = parsePosition(position);
  if (!valid) return;
  const stored = await browser.storage.local.get(BADGE_POSITIONS_KEY);
  const own = parsePositions(stored[BADGE_POSITIONS_KEY]);
  await browser.storage.local.set({ [BADGE_POSITIONS_KEY]: { ...own, [tool]: valid } });
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
