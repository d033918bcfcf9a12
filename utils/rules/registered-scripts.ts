/**
 * Runs the content script on the hosts of admin rules. Built-in tool hosts are in the manifest;
 * rule hosts are optional host permissions, so the script is registered only for the patterns
 * the user or admin has granted, and re-registered whenever rules or grants change.
 */
import { browser } from '../browser';
import { rulePatterns, type ToolRule } from './tool-rules';

const SCRIPT_ID = 'signpost-rules';
/** The built content script (WXT's output path for entrypoints/content/). */
const CONTENT_SCRIPT = 'content-scripts/content.js';

export interface RuleAccess {
  /** Patterns the content script runs on. */
  granted: string[];
  /** Patterns still waiting for the host permission: nothing shows there until it is granted. */
  missing: string[];
}

/** Which rule patterns Signpost may run on. */
export async function ruleAccess(rules: readonly ToolRule[]): Promise<RuleAccess> {
  const access: RuleAccess = { granted: [], missing: [] };
  for (const pattern of rulePatterns(rules)) {
    const ok = await browser.permissions.contains({ origins: [pattern] }).catch(() => false);
    (ok ? access.granted : access.missing).push(pattern);
  }
  return access;
}

/** Registers, updates or removes the rule hosts' content script to fit the rules and grants. */
export async function syncRuleScripts(rules: readonly ToolRule[]): Promise<RuleAccess> {
  const access = await ruleAccess(rules);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (access.granted.length === 0) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return access;
  }
  const script = {
    id: SCRIPT_ID,
    matches: access.granted,
    js: [CONTENT_SCRIPT],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return access;
}
