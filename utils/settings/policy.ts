/**
 * Enterprise policy (Chrome `storage.managed`, schema in public/managed_schema.json; Firefox reads
 * the same keys from policies.json → 3rdparty.Extensions). Validated here key by key: an invalid
 * entry is left out with the reason, the rest applies. The same shape is what the options page
 * imports and exports.
 */

import { type BadgePosition, parsePositions } from '@/components/nudge/position';
import { WEBHOOK_FORMATS, type WebhookFormat } from '../delivery/reactions';
import { isId, isSyncInterval, SOURCE_NAME_MAX, SYNC_INTERVAL, TOOL_IDS_MAX } from '../limits';
import { type BudgetSettings, parseBudgetSettings } from '../match/budget';
import { type PolicyClickhouse, parseClickhouseSettings } from '../measurement/clickhouse/config';
import { REPORT_FORMATS, type ReportFormat } from '../measurement/report-target';
import { isHttpUrl, isRecord, SOURCE_TYPES, type SourceConfig, type SourceType } from '../model';
import { parseToolRules, type ToolRule } from '../rules/tool-rules';
import { type AdminTerms, parseAdminTerms } from '../search/admin-terms';
import { type DefaultFollow, parseDefaultFollows } from '../whatsnew/topics';
import { parseAuth, type SourceAuth } from './credentials';

export interface PolicySource extends SourceConfig {
  auth?: SourceAuth;
}

/** What a policy may set. Every key is optional: absent keys leave the person's settings alone. */
export interface Policy {
  sources?: PolicySource[];
  toolRules?: ToolRule[];
  demoContent?: boolean;
  flagWebhook?: string;
  webhookFormat?: WebhookFormat;
  audiences?: string[];
  nudges?: BudgetSettings;
  role?: 'employee' | 'champion';
  /** Built-in tools where Signpost stays silent (on top of the ones the person turned off). */
  disabledTools?: string[];
  /** Where the daily aggregate report goes ('' or absent: no report). */
  reportEndpoint?: string;
  /** 'generic' (JSON to reportEndpoint) or 'clickhouse' (rows into reportClickhouse). */
  reportFormat?: ReportFormat;
  /** The ClickHouse reports go to: { url, database, table, user, password } (null: none). */
  reportClickhouse?: PolicyClickhouse | null;
  /** The ClickHouse the dashboard reads: { url, database, table, user, password } (null: none). */
  dashboardClickhouse?: PolicyClickhouse | null;
  /** Most items the in-page nudge lists at once (1–3). */
  maxItems?: number;
  /** Content health: an item not updated for this many months counts as stale. */
  staleAfterMonths?: number;
  /** false: the person's choices (votes, snoozes, …) stay in each browser instead of going through storage.sync. */
  syncPersonalState?: boolean;
  /**
   * The organisation's own search terms: { terms: { "VPN": ["remote access"] } }. Merged with the
   * admin's own list; the policy's term wins when both name it.
   */
  searchTerms?: AdminTerms;
  /** Topics followed by default, per audience (an entry without audience: everyone). Policy only. */
  defaultFollows?: DefaultFollow[];
  /** Where the in-page badge sits, per tool id (components/nudge/position.ts). Policy only. */
  badgePosition?: Record<string, BadgePosition>;
  /** Policy-set values cannot be changed on the options page. */
  locked?: boolean;
}

/** Every key a policy (and an imported configuration) may hold. */
export const POLICY_KEYS = [
  'sources',
  'toolRules',
  'disabledTools',
  'demoContent',
  'flagWebhook',
  'webhookFormat',
  'reportEndpoint',
  'reportFormat',
  'reportClickhouse',
  'dashboardClickhouse',
  'audiences',
  'nudges',
  'maxItems',
  'staleAfterMonths',
  'syncPersonalState',
  'searchTerms',
  'role',
  'defaultFollows',
  'badgePosition',
  'locked',
] as const satisfies readonly (keyof Policy)[];

/** Tool ids (lowercase, as `utils/tools` and admin rules name them), each once. */
export function parseToolIds(value: unknown, where: string): { ids: string[]; problems: string[] } {
  if (!Array.isArray(value)) return { ids: [], problems: [`${where} must be a list of tool ids`] };
  const ids: string[] = [];
  const problems: string[] = [];
  for (const [index, id] of value.slice(0, TOOL_IDS_MAX).entries()) {
    if (isId(id)) {
      if (!ids.includes(id)) ids.push(id);
    } else problems.push(`${where}[${index}]: ${JSON.stringify(id)} is not a tool id such as "jira"`);
  }
  return { ids, problems };
}

/** A whole number within bounds, or the reason it is not. */
export function wholeNumber(value: unknown, min: number, max: number, what: string): number | string {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : `${what} must be a whole number from ${min} to ${max}`;
}

/** Validates source entries (policy or settings). Bad entries are left out with the reason. */
export function parseSources(
  value: unknown,
  where = 'sources',
): { sources: PolicySource[]; problems: string[] } {
  const sources: PolicySource[] = [];
  const problems: string[] = [];
  if (value === undefined) return { sources, problems };
  if (!Array.isArray(value)) return { sources, problems: [`${where} must be a list`] };
  const ids = new Set<string>();
  for (const [index, raw] of value.entries()) {
    const at = `${where}[${index}]`;
    if (!isRecord(raw)) {
      problems.push(`${at}: not an object`);
      continue;
    }
    const { id, type, url } = raw;
    if (!isId(id) || id.startsWith('builtin-')) {
      problems.push(`${at}: "id" must be a lowercase id such as "it-news" (and not start with "builtin-")`);
      continue;
    }
    if (ids.has(id)) {
      problems.push(`${at}: the id "${id}" is used twice`);
      continue;
    }
    if (!SOURCE_TYPES.includes(type as SourceType)) {
      problems.push(`${at} (${id}): "type" must be one of ${SOURCE_TYPES.join(', ')}`);
      continue;
    }
    if (!isHttpUrl(url)) {
      problems.push(`${at} (${id}): "url" must be an http(s) address`);
      continue;
    }
    const auth = parseAuth(raw.auth);
    if (auth === null) {
      problems.push(
        `${at} (${id}): "auth" must be { kind: basic, username, password }, { kind: bearer, token } or { kind: discourse, apiKey, username }`,
      );
      continue;
    }
    const tools = Array.isArray(raw.tools)
      ? raw.tools.filter((tool): tool is string => typeof tool === 'string')
      : [];
    const source: PolicySource = {
      id,
      type: type as SourceType,
      name: typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim().slice(0, SOURCE_NAME_MAX) : id,
      url,
      builtin: false,
      tools,
    };
    const interval = raw.intervalMinutes;
    if (isSyncInterval(interval)) {
      source.intervalMinutes = interval;
    } else if (interval !== undefined) {
      const { min, max } = SYNC_INTERVAL;
      problems.push(
        `${at} (${id}): "intervalMinutes" must be a whole number from ${min} to ${max}; using ${SYNC_INTERVAL.default}`,
      );
    }
    if (raw.enabled === false) source.enabled = false;
    else if (raw.enabled !== undefined && raw.enabled !== true)
      problems.push(`${at} (${id}): "enabled" must be true or false; the source stays on`);
    if (isRecord(raw.options)) {
      const options: Record<string, string> = {};
      for (const [key, option] of Object.entries(raw.options))
        if (typeof option === 'string') options[key] = option;
      source.options = options;
    }
    if (auth) source.auth = auth;
    ids.add(id);
    sources.push(source);
  }
  return { sources, problems };
}

/** Validates a policy (or an imported configuration) key by key. */
export function parsePolicy(raw: unknown): { policy: Policy; problems: string[] } {
  const policy: Policy = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { policy, problems };
  if (!isRecord(raw)) return { policy, problems: ['the policy must be an object'] };
  if (raw.sources !== undefined) {
    const parsed = parseSources(raw.sources);
    policy.sources = parsed.sources;
    problems.push(...parsed.problems);
  }
  if (raw.toolRules !== undefined) {
    const parsed = parseToolRules(raw.toolRules);
    policy.toolRules = parsed.rules;
    problems.push(...parsed.problems);
  }
  for (const key of ['demoContent', 'syncPersonalState', 'locked'] as const) {
    if (typeof raw[key] === 'boolean') policy[key] = raw[key];
    else if (raw[key] !== undefined) problems.push(`${key} must be true or false`);
  }
  if (typeof raw.flagWebhook === 'string' && (raw.flagWebhook === '' || isHttpUrl(raw.flagWebhook))) {
    policy.flagWebhook = raw.flagWebhook;
  } else if (raw.flagWebhook !== undefined) {
    problems.push('flagWebhook must be an http(s) address');
  }
  if ((WEBHOOK_FORMATS as readonly unknown[]).includes(raw.webhookFormat)) {
    policy.webhookFormat = raw.webhookFormat as WebhookFormat;
  } else if (raw.webhookFormat !== undefined) {
    problems.push('webhookFormat must be generic, slack or teams');
  }
  if (Array.isArray(raw.audiences)) {
    policy.audiences = raw.audiences
      .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
      .slice(0, 50);
  } else if (raw.audiences !== undefined) {
    problems.push('audiences must be a list of names');
  }
  if (raw.nudges !== undefined) {
    const parsed = parseBudgetSettings(raw.nudges);
    if (parsed.problems.length === 0 || isRecord(raw.nudges)) policy.nudges = parsed.budget;
    problems.push(...parsed.problems);
  }
  if (raw.role === 'employee' || raw.role === 'champion') policy.role = raw.role;
  else if (raw.role !== undefined) problems.push('role must be employee or champion');
  if (raw.disabledTools !== undefined) {
    const parsed = parseToolIds(raw.disabledTools, 'disabledTools');
    policy.disabledTools = parsed.ids;
    problems.push(...parsed.problems);
  }
  if (
    typeof raw.reportEndpoint === 'string' &&
    (raw.reportEndpoint === '' || isHttpUrl(raw.reportEndpoint))
  ) {
    policy.reportEndpoint = raw.reportEndpoint;
  } else if (raw.reportEndpoint !== undefined) {
    problems.push('reportEndpoint must be an http(s) address');
  }
  if ((REPORT_FORMATS as readonly unknown[]).includes(raw.reportFormat)) {
    policy.reportFormat = raw.reportFormat as ReportFormat;
  } else if (raw.reportFormat !== undefined) {
    problems.push('reportFormat must be generic or clickhouse');
  }
  for (const key of ['reportClickhouse', 'dashboardClickhouse'] as const) {
    const parsed = parseClickhouseSettings(raw[key], key, true);
    if (typeof parsed === 'string') problems.push(parsed);
    else if (parsed !== undefined) policy[key] = parsed;
  }
  for (const [key, min, max] of [
    ['maxItems', 1, 3],
    ['staleAfterMonths', 1, 60],
  ] as const) {
    if (raw[key] === undefined) continue;
    const value = wholeNumber(raw[key], min, max, key);
    if (typeof value === 'number') policy[key] = value;
    else problems.push(value);
  }
  if (raw.searchTerms !== undefined) {
    // Lenient: the valid terms apply, the others are reported.
    const parsed = parseAdminTerms(raw.searchTerms);
    if (isRecord(raw.searchTerms)) policy.searchTerms = parsed.value;
    problems.push(...parsed.errors.map((error) => `searchTerms: ${error}`));
  }
  if (raw.defaultFollows !== undefined) {
    const parsed = parseDefaultFollows(raw.defaultFollows);
    policy.defaultFollows = parsed.defaults;
    problems.push(...parsed.problems);
  }
  if (raw.badgePosition !== undefined) {
    const parsed = parsePositions(raw.badgePosition);
    const given = isRecord(raw.badgePosition) ? Object.keys(raw.badgePosition).length : -1;
    if (given < 0 || Object.keys(parsed).length !== given)
      problems.push('badgePosition must map tool ids to { "side": "left" or "right", "bottom": pixels }');
    policy.badgePosition = parsed;
  }
  return { policy, problems };
}

/** Keys only a policy can mean: never exported or imported as the person's configuration. */
export const POLICY_ONLY_KEYS = [
  'locked',
  'defaultFollows',
  'badgePosition',
] as const satisfies readonly (keyof Policy)[];

/** The keys a policy enforces (the options page shows them read-only when `locked`). */
export function policyKeys(policy: Policy): (keyof Policy)[] {
  return (Object.keys(policy) as (keyof Policy)[]).filter((key) => key !== 'locked');
}
