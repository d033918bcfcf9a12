/**
 * The settings the content script needs on every tool page: the sites the person paused and where
 * the badge sits. The background keeps a copy of the person's page settings in `storage.local`
 * under `pageSettings` (written with every settings change): the paused sites, and the admin rules
 * and turned-off tools, which the background applies itself when it detects the tool (a change to
 * them still makes open pages ask again). What pages need of the organisation's policy (the admin's
 * badge positions) comes the same way, under `policyForPages`: a content script never reads
 * `storage.managed`, whose first answer after a browser start Chromium gives late (see
 * utils/settings/managed.ts). Everything else — sources, secrets, webhook and report
 * addresses — lives in the vault (IndexedDB), which a content script cannot open. This module must
 * stay free of the settings and vault code: the meta-test tests/unit/meta/content-reach.test.ts
 * checks that the content script cannot import them.
 */
import { type BadgePosition, parsePosition, parsePositions } from '@/components/nudge/position';
import { browser } from '../browser';
import { isHostName, isRecord } from '../model';
import type { ToolRule } from '../rules/tool-rules';

export interface PageSettings {
  pausedSites: string[];
  /** Where the badge sits, per tool: the person's own (dragged) positions, and the admin's (policy). */
  badgePositions: { own: Record<string, BadgePosition>; admin: Record<string, BadgePosition> };
}

/** The storage.local key of the person's own page settings (harmless: no address, no secret). */
export const PAGE_SETTINGS_KEY = 'pageSettings';
/** The storage.local key stamped (epoch ms) on every settings change. */
export const SETTINGS_CHANGED_KEY = 'settingsChangedAt';
/** The storage.local key of the badge positions a person dragged to (harmless page data). */
export const BADGE_POSITIONS_KEY = 'badgePositions';
/**
 * The storage.local key of what pages need of the organisation's policy, written by the background
 * (utils/settings/managed.ts): `{ badgePositions, stamp }`. The stamp changes with the policy.
 */
export const POLICY_FOR_PAGES_KEY = 'policyForPages';

/** What the background copies from the person's settings for pages. */
export interface OwnPageSettings {
  toolRules: ToolRule[];
  pausedSites: string[];
  /** Tool ids the person turned off. */
  disabledTools: string[];
}

const pausedSitesOf = (own: Record<string, unknown>): string[] =>
  Array.isArray(own.pausedSites) ? own.pausedSites.filter(isHostName) : [];

export async function loadPageSettings(): Promise<PageSettings> {
  const stored = await browser.storage.local.get([
    PAGE_SETTINGS_KEY,
    BADGE_POSITIONS_KEY,
    POLICY_FOR_PAGES_KEY,
  ]);
  const own = stored[PAGE_SETTINGS_KEY];
  const policy = stored[POLICY_FOR_PAGES_KEY];
  return {
    pausedSites: pausedSitesOf(isRecord(own) ? own : {}),
    badgePositions: {
      own: parsePositions(stored[BADGE_POSITIONS_KEY]),
      admin: parsePositions(isRecord(policy) ? policy.badgePositions : undefined),
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
    if (area === 'local' && (PAGE_SETTINGS_KEY in changes || POLICY_FOR_PAGES_KEY in changes)) {
      loadPageSettings().then(listener, () => undefined);
    }
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
