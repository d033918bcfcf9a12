/**
 * The copy of the person's settings that the background keeps for pages (`pageSettings` in
 * storage.local, see page-settings.ts): harmless values only, validated. Background code: the
 * content script reads the copy, it never makes one.
 */
import { isHostName, isRecord } from '../model';
import { parseToolRules } from '../rules/tool-rules';
import type { OwnPageSettings } from './page-settings';

const toolIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

/** The page settings in a settings record (or anything): only the keys pages need, validated. */
export function pageSettingsOf(raw: unknown): OwnPageSettings {
  const own = isRecord(raw) ? raw : {};
  return {
    toolRules: parseToolRules(own.toolRules).rules,
    pausedSites: Array.isArray(own.pausedSites) ? own.pausedSites.filter(isHostName) : [],
    disabledTools: toolIds(own.disabledTools),
  };
}
