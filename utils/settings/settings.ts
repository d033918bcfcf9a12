/**
 * The user's settings, versioned. Stored values are migrated forward and validated on every read
 * (each field falls back to its default when it is missing or malformed), so a corrupt or old
 * record never stops the extension.
 */
import { browser } from '../browser';
import { WEBHOOK_FORMATS, type WebhookFormat } from '../delivery/reactions';
import { type BudgetSettings, DEFAULT_BUDGET, parseBudgetSettings } from '../match/budget';
import {
  type ClickhouseSettings,
  parseClickhouseSettings,
  withoutPassword,
} from '../measurement/clickhouse/config';
import { REPORT_FORMATS, type ReportFormat } from '../measurement/report-target';
import { isHostName, isHttpUrl, isRecord, type SourceConfig } from '../model';
import { parseToolRules, type ToolRule } from '../rules/tool-rules';
import { type AdminTerms, mergeAdminTerms, NO_ADMIN_TERMS, parseAdminTerms } from '../search/admin-terms';
import { originOf, type SourceAuth } from './credentials';
import { readManaged } from './managed';
import { pageSettingsOf } from './page-copy';
import { PAGE_SETTINGS_KEY, SETTINGS_CHANGED_KEY } from './page-settings';
import { type Policy, parsePolicy, parseSources, parseToolIds, policyKeys, wholeNumber } from './policy';
import { SOURCE_SECRET, secretWrite } from './secrets';
import { moveOutOfStorageLocal, SETTINGS_RECORD } from './storage-migration';
import { readRecord, type VaultWrite, writeVault } from './vault';

export const SETTINGS_VERSION = 1;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** The embedded demo catalog is a source like any other and can be switched off. */
  demoContent: boolean;
  /** Most items the in-page nudge lists at once. */
  maxItems: number;
  /** Self-hosted tools and in-house apps, by match pattern; they win over built-in detection. */
  toolRules: ToolRule[];
  /** Sources the person added (their credentials are stored apart, see sourceSecrets). */
  sources: SourceConfig[];
  /** Host names where the person paused Signpost. */
  pausedSites: string[];
  /** The attention budget for announcements. */
  nudges: BudgetSettings;
  /** Audiences the person belongs to (items aimed at other audiences are not offered). */
  audiences: string[];
  /** 'employee' hides endorse and flag; 'champion' (or unset: everyone) shows them. */
  role?: 'employee' | 'champion';
  /** Where endorsements and flags are POSTed; '' keeps them local (exportable). */
  flagWebhook: string;
  /** Body shape for the webhook. */
  webhookFormat: WebhookFormat;
  /** Built-in tools (ids) where Signpost stays silent. */
  disabledTools: string[];
  /** Where the daily aggregate report is POSTed; '' sends none. */
  reportEndpoint: string;
  /** 'generic': the report's JSON to reportEndpoint; 'clickhouse': rows into reportClickhouse. */
  reportFormat: ReportFormat;
  /** The ClickHouse the reports go to (with reportFormat 'clickhouse'); the writer's password is kept apart. */
  reportClickhouse: ClickhouseSettings | null;
  /** The ClickHouse the dashboard reads organisation-wide figures from (a read-only user). */
  dashboardClickhouse: ClickhouseSettings | null;
  /** Content health: an item not updated for this many months counts as stale. */
  staleAfterMonths: number;
  /**
   * Votes, snoozes, "don't show again", paused sites, endorsements and follows follow the person
   * to their other browsers through storage.sync (utils/personal-sync); false keeps them here.
   */
  syncPersonalState: boolean;
  /** The organisation's own search terms (each term and other words for it), as the admin set them here. */
  searchTerms: AdminTerms;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  demoContent: true,
  maxItems: 3,
  toolRules: [],
  sources: [],
  pausedSites: [],
  nudges: DEFAULT_BUDGET,
  audiences: [],
  flagWebhook: '',
  webhookFormat: 'generic',
  disabledTools: [],
  reportEndpoint: '',
  reportFormat: 'generic',
  reportClickhouse: null,
  dashboardClickhouse: null,
  staleAfterMonths: 12,
  syncPersonalState: true,
  searchTerms: NO_ADMIN_TERMS,
};

export interface SettingsRead {
  settings: Settings;
  /** Why stored values were not used as they were, when they were not. */
  problems: string[];
}

/** Migrates and validates a stored value. Pure: used on read and on every update. */
export function parseSettings(raw: unknown): SettingsRead {
  if (raw === undefined) return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  if (!isRecord(raw))
    return { settings: { ...DEFAULT_SETTINGS }, problems: ['settings were not an object; reset'] };
  const version = raw.version;
  if (typeof version === 'number' && version > SETTINGS_VERSION) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problems: [`settings are from a newer Signpost (version ${version}); using defaults`],
    };
  }
  // Future: `if (version < 2) raw = migrateV1toV2(raw)` — one step per released version.
  const problems: string[] = [];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    toolRules: [],
    sources: [],
    pausedSites: [],
    audiences: [],
    disabledTools: [],
  };
  if (typeof raw.demoContent === 'boolean') settings.demoContent = raw.demoContent;
  else if (raw.demoContent !== undefined) problems.push('demoContent is not true/false; using the default');
  const maxItems = raw.maxItems;
  if (typeof maxItems === 'number' && Number.isInteger(maxItems) && maxItems >= 1 && maxItems <= 3) {
    settings.maxItems = maxItems;
  } else if (maxItems !== undefined) {
    problems.push('maxItems must be a whole number from 1 to 3; using the default');
  }
  if (Array.isArray(raw.pausedSites)) {
    settings.pausedSites = raw.pausedSites.filter((host): host is string => isHostName(host));
    if (settings.pausedSites.length !== raw.pausedSites.length)
      problems.push('pausedSites had entries that are not host names');
  }
  if (Array.isArray(raw.audiences)) {
    settings.audiences = raw.audiences
      .filter((audience): audience is string => typeof audience === 'string' && audience.trim() !== '')
      .map((audience) => audience.trim().slice(0, 60))
      .slice(0, 50);
  }
  if (raw.role === 'employee' || raw.role === 'champion') settings.role = raw.role;
  else if (raw.role !== undefined) problems.push('role must be "employee" or "champion"');
  if (raw.flagWebhook === '' || (typeof raw.flagWebhook === 'string' && isHttpUrl(raw.flagWebhook))) {
    settings.flagWebhook = raw.flagWebhook;
  } else if (raw.flagWebhook !== undefined) {
    problems.push('flagWebhook must be an http(s) URL');
  }
  if ((WEBHOOK_FORMATS as readonly unknown[]).includes(raw.webhookFormat)) {
    settings.webhookFormat = raw.webhookFormat as WebhookFormat;
  } else if (raw.webhookFormat !== undefined) {
    problems.push('webhookFormat must be "generic", "slack" or "teams"');
  }
  if (raw.disabledTools !== undefined) {
    const parsed = parseToolIds(raw.disabledTools, 'disabledTools');
    settings.disabledTools = parsed.ids;
    problems.push(...parsed.problems);
  }
  if (
    raw.reportEndpoint === '' ||
    (typeof raw.reportEndpoint === 'string' && isHttpUrl(raw.reportEndpoint))
  ) {
    settings.reportEndpoint = raw.reportEndpoint;
  } else if (raw.reportEndpoint !== undefined) {
    problems.push('reportEndpoint must be an http(s) URL');
  }
  if ((REPORT_FORMATS as readonly unknown[]).includes(raw.reportFormat)) {
    settings.reportFormat = raw.reportFormat as ReportFormat;
  } else if (raw.reportFormat !== undefined) {
    problems.push('reportFormat must be "generic" or "clickhouse"');
  }
  for (const key of ['reportClickhouse', 'dashboardClickhouse'] as const) {
    const parsed = parseClickhouseSettings(raw[key], key);
    if (typeof parsed === 'string') problems.push(parsed);
    else if (parsed !== undefined) settings[key] = parsed && withoutPassword(parsed);
  }
  if (raw.staleAfterMonths !== undefined) {
    const months = wholeNumber(raw.staleAfterMonths, 1, 60, 'staleAfterMonths');
    if (typeof months === 'number') settings.staleAfterMonths = months;
    else problems.push(`${months}; using the default`);
  }
  if (typeof raw.syncPersonalState === 'boolean') settings.syncPersonalState = raw.syncPersonalState;
  else if (raw.syncPersonalState !== undefined) problems.push('syncPersonalState must be true or false');
  if (raw.searchTerms !== undefined) {
    const terms = parseAdminTerms(raw.searchTerms);
    settings.searchTerms = terms.value;
    problems.push(...terms.errors.map((error) => `searchTerms: ${error}`));
  }
  const nudges = parseBudgetSettings(raw.nudges);
  settings.nudges = nudges.budget;
  problems.push(...nudges.problems);
  const sources = parseSources(raw.sources);
  settings.sources = sources.sources.map(({ auth: _never, ...source }) => source);
  problems.push(...sources.problems);
  const rules = parseToolRules(raw.toolRules);
  settings.toolRules = rules.rules;
  problems.push(...rules.problems);
  return { settings, problems };
}

/** The organisation's policy (storage.managed); none when the browser has no policy for Signpost. */
export async function readPolicy(): Promise<{ policy: Policy; problems: string[] }> {
  const managed = await readManaged();
  return parsePolicy(Object.keys(managed).length ? managed : undefined);
}

/** The person's own settings, as stored in the vault (no policy applied). */
async function readLocal(): Promise<SettingsRead> {
  await moveOutOfStorageLocal();
  return parseSettings(await readRecord(SETTINGS_RECORD));
}

/**
 * Saves the person's own settings (with `secrets`, in the same vault transaction), then the
 * harmless copy a content script reads and the change stamp, in storage.local.
 */
async function writeLocal(settings: Settings, secrets: VaultWrite['secrets'] = []): Promise<void> {
  await writeVault({ records: { [SETTINGS_RECORD]: settings }, secrets });
  await browser.storage.local.set({
    [PAGE_SETTINGS_KEY]: pageSettingsOf(settings),
    [SETTINGS_CHANGED_KEY]: Date.now(),
  });
}

/** The person's own settings (no policy applied): what the options page edits and exports. */
export async function readOwnSettings(): Promise<Settings> {
  return (await readLocal()).settings;
}

/** The settings in force (own settings with the policy applied), without repairing anything. */
export async function loadSettings(): Promise<SettingsRead> {
  const [local, { policy, problems }] = await Promise.all([readLocal(), readPolicy()]);
  return { settings: applyPolicy(local.settings, policy), problems: [...local.problems, ...problems] };
}

/** Reads the settings in force; a stored record with problems is repaired (background only). */
export async function readSettings(): Promise<Settings> {
  const local = await readLocal();
  if (local.problems.length) {
    console.warn(`Signpost: ${local.problems.join('; ')}`);
    await writeLocal(local.settings);
  }
  return applyPolicy(local.settings, (await readPolicy()).policy);
}

/** New credentials for a source, with the address they are given for; undefined removes them. */
export type SecretChanges = Record<string, { url: string; auth: SourceAuth } | undefined>;

/**
 * Applies a partial change to the person's own settings (and, with `secrets`, sets or removes
 * sources' credentials); validated as a whole and saved only if valid. Keys the organisation's
 * policy sets and locks cannot be changed. A source whose address moves to another origin loses
 * its stored credentials (unless new ones come with the change): they were given for the old host.
 */
export async function updateSettings(
  change: Partial<Omit<Settings, 'version'>>,
  secrets: SecretChanges = {},
): Promise<Settings> {
  const [{ settings: current }, { policy }] = await Promise.all([readLocal(), readPolicy()]);
  if (policy.locked) {
    const enforced = new Set<string>(policyKeys(policy));
    const blocked = Object.keys(change).filter((key) => enforced.has(key));
    if (blocked.length) throw new Error(`set by your organisation: ${blocked.join(', ')}`);
  }
  const { settings, problems } = parseSettings({ ...current, ...change });
  if (problems.length) throw new Error(problems.join('; '));
  const writes = Object.entries(secrets).map(([id, secret]) =>
    secretWrite(SOURCE_SECRET, id, secret?.url ?? '', secret?.auth),
  );
  for (const id of movedSources(current, settings)) {
    if (!(id in secrets)) writes.push(secretWrite(SOURCE_SECRET, id, '', undefined));
  }
  // Credentials changed with the settings are written in the same transaction: both or neither.
  await writeLocal(settings, writes);
  return applyPolicy(settings, policy);
}

/** Ids of own sources whose address moved to another origin between two settings records. */
export function movedSources(before: Settings, after: Settings): string[] {
  const was = new Map(before.sources.map((source) => [source.id, originOf(source.url)]));
  return after.sources
    .filter((source) => was.has(source.id) && was.get(source.id) !== originOf(source.url))
    .map((source) => source.id);
}

/**
 * The settings in force: policy values win for the keys the policy sets; sources and tool rules
 * from the policy come first, and the person's own are kept beside them.
 */
export function applyPolicy(local: Settings, policy: Policy): Settings {
  const out: Settings = { ...local };
  if (policy.demoContent !== undefined) out.demoContent = policy.demoContent;
  if (policy.flagWebhook !== undefined) out.flagWebhook = policy.flagWebhook;
  if (policy.webhookFormat !== undefined) out.webhookFormat = policy.webhookFormat;
  if (policy.audiences !== undefined) out.audiences = policy.audiences;
  if (policy.nudges !== undefined) out.nudges = policy.nudges;
  if (policy.role !== undefined) out.role = policy.role;
  if (policy.toolRules !== undefined) out.toolRules = [...policy.toolRules, ...local.toolRules];
  if (policy.disabledTools !== undefined)
    out.disabledTools = [...new Set([...policy.disabledTools, ...local.disabledTools])];
  if (policy.reportEndpoint !== undefined) out.reportEndpoint = policy.reportEndpoint;
  if (policy.reportFormat !== undefined) out.reportFormat = policy.reportFormat;
  // The policy's password stays in the policy (utils/handlers/state/reporting.ts reads it there).
  if (policy.reportClickhouse !== undefined)
    out.reportClickhouse = policy.reportClickhouse && withoutPassword(policy.reportClickhouse);
  if (policy.dashboardClickhouse !== undefined)
    out.dashboardClickhouse = policy.dashboardClickhouse && withoutPassword(policy.dashboardClickhouse);
  if (policy.maxItems !== undefined) out.maxItems = policy.maxItems;
  if (policy.staleAfterMonths !== undefined) out.staleAfterMonths = policy.staleAfterMonths;
  if (policy.syncPersonalState !== undefined) out.syncPersonalState = policy.syncPersonalState;
  if (policy.searchTerms !== undefined)
    out.searchTerms = mergeAdminTerms(policy.searchTerms, local.searchTerms);
  return out;
}

let lastTerms: { key: string; terms: AdminTerms } | undefined;

/**
 * The search terms in force: the policy's and the admin's own, validated and merged (the policy's
 * term wins when both name it). The same object while they do not change, so that search keeps
 * the synonym table it built for them (utils/search/concepts.ts caches per terms object).
 */
export async function readSearchTerms(): Promise<AdminTerms> {
  const { searchTerms } = await readSettings();
  const key = JSON.stringify(searchTerms);
  if (lastTerms?.key !== key) lastTerms = { key, terms: searchTerms };
  return lastTerms.terms;
}
