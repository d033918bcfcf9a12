/**
 * The whole configuration as one JSON file in the enterprise policy's shape
 * (public/managed_schema.json), so that an admin can set Signpost up on one machine, export it,
 * and deploy the same file as policy. Export writes the person's own settings (never credentials);
 * import is all or nothing: a file with any problem changes nothing and says where it is wrong.
 */
import { withoutPassword } from '../measurement/clickhouse/config';
import { isRecord } from '../model';
import { POLICY_KEYS, POLICY_ONLY_KEYS, type Policy, type PolicySource, parsePolicy } from './policy';
import type { Settings } from './settings';

/** The ids policy files name Signpost by (fixed by the manifest `key` and gecko id in wxt.config.ts). */
export const CHROME_EXTENSION_ID = 'elheenjodchghipbonfgdppicomjhpmc';
export const FIREFOX_ADDON_ID = 'signpost@signpost.example';

type PolicyOnly = (typeof POLICY_ONLY_KEYS)[number];

/** What an export holds: every policy key but those only a policy can mean (`locked`, `defaultFollows`). */
export type Config = Omit<Policy, PolicyOnly>;

export const CONFIG_KEYS = POLICY_KEYS.filter(
  (key): key is Exclude<(typeof POLICY_KEYS)[number], PolicyOnly> =>
    !(POLICY_ONLY_KEYS as readonly string[]).includes(key),
);

/** Settings whose values act as bearer secrets (whoever has the address can post to it). */
export const ADDRESS_KEYS = [
  'flagWebhook',
  'reportEndpoint',
  'reportClickhouse',
  'dashboardClickhouse',
] as const;

/**
 * The person's own configuration (as stored, no policy applied), in the policy's shape. The
 * webhook and report addresses are left out (so importing the file leaves them as they are)
 * unless `includeAddresses`.
 */
export function exportConfig(own: Settings, { includeAddresses = false } = {}): Config {
  const config: Config = {
    sources: own.sources.map((source) => {
      const { builtin: _builtin, ...rest } = source;
      return rest as PolicySource;
    }),
    toolRules: own.toolRules,
    disabledTools: own.disabledTools,
    demoContent: own.demoContent,
    flagWebhook: own.flagWebhook,
    webhookFormat: own.webhookFormat,
    reportEndpoint: own.reportEndpoint,
    reportFormat: own.reportFormat,
    // Addresses and user names only: ClickHouse passwords are never in settings or exports.
    reportClickhouse: own.reportClickhouse,
    dashboardClickhouse: own.dashboardClickhouse,
    audiences: own.audiences,
    nudges: own.nudges,
    maxItems: own.maxItems,
    staleAfterMonths: own.staleAfterMonths,
    syncPersonalState: own.syncPersonalState,
    searchTerms: own.searchTerms,
  };
  if (own.role) config.role = own.role;
  if (!includeAddresses) for (const key of ADDRESS_KEYS) delete config[key];
  return config;
}

/** The same configuration as a Chrome policy file (`/etc/opt/chrome/policies/managed/*.json`, …). */
export function chromePolicyFile(config: Config, extensionId: string) {
  return { '3rdparty': { extensions: { [extensionId]: config } } };
}

/** The same configuration as a Firefox `policies.json`. */
export function firefoxPolicyFile(config: Config, addonId: string) {
  return { policies: { '3rdparty': { Extensions: { [addonId]: config } } } };
}

export type ConfigRead = { ok: true; config: Config; notes: string[] } | { ok: false; problems: string[] };

/** Where in the text a JSON.parse error points, as "line L, column C". */
function jsonErrorAt(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/line \d+/.test(message)) return message;
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+/, '')} at line ${line}, column ${column}`;
}

/** A Chrome or Firefox policy file holds the configuration a few levels down: take it out. */
function unwrap(doc: Record<string, unknown>, notes: string[]): Record<string, unknown> | string {
  const root = isRecord(doc.policies) ? doc.policies : doc;
  const third = root['3rdparty'];
  if (!isRecord(third)) return doc;
  const extensions = third.extensions ?? third.Extensions;
  if (!isRecord(extensions))
    return '"3rdparty" has no "extensions" (Chrome) or "Extensions" (Firefox) object';
  const ids = Object.keys(extensions);
  if (ids.length !== 1) return `"3rdparty" names ${ids.length} extensions; keep only Signpost's`;
  const [id = ''] = ids;
  const inner = extensions[id];
  if (!isRecord(inner)) return `the policy for "${id}" is not an object`;
  notes.push(`read the settings for "${id}" from a ${root === doc ? 'Chrome' : 'Firefox'} policy file`);
  return inner;
}

/**
 * Reads an imported file strictly: valid JSON, an object, known keys only, every value valid.
 * Problems name the key (and the entry) that is wrong.
 */
export function parseConfigFile(text: string): ConfigRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`the file is not valid JSON: ${jsonErrorAt(text, error)}`] };
  }
  if (!isRecord(doc)) return { ok: false, problems: ['the file must hold one JSON object { … }'] };
  const notes: string[] = [];
  const body = unwrap(doc, notes);
  if (typeof body === 'string') return { ok: false, problems: [body] };
  const problems: string[] = [];
  const known = new Set<string>(POLICY_KEYS);
  for (const key of Object.keys(body)) {
    if (key === '$schema' || key.startsWith('//')) continue;
    if (!known.has(key))
      problems.push(
        `unknown key ${JSON.stringify(key.slice(0, 60))}: Signpost reads ${CONFIG_KEYS.join(', ')} (and a policy's locked)`,
      );
  }
  const { policy, problems: invalid } = parsePolicy(body);
  problems.push(...invalid);
  if (problems.length) return { ok: false, problems };
  const { locked, defaultFollows, badgePosition, ...config } = policy;
  if (locked !== undefined) notes.push('"locked" only means something in a policy; it was not imported');
  if (defaultFollows !== undefined)
    notes.push('"defaultFollows" only means something in a policy; it was not imported');
  if (badgePosition !== undefined)
    notes.push('"badgePosition" only means something in a policy; it was not imported');
  if (Object.keys(config).length === 0)
    return { ok: false, problems: ['the file sets nothing Signpost reads'] };
  return { ok: true, config, notes };
}

/**
 * The person's settings after an import: every key the file holds replaces the setting (a list
 * replaces the whole list), keys it does not hold stay as they were. Credentials are left out
 * (the caller stores them apart).
 */
export function applyConfig(own: Settings, config: Config): Settings {
  const next: Settings = { ...own };
  if (config.sources !== undefined) {
    next.sources = config.sources.map(({ auth: _secret, ...source }) => ({ ...source, builtin: false }));
  }
  if (config.toolRules !== undefined) next.toolRules = config.toolRules;
  if (config.disabledTools !== undefined) next.disabledTools = config.disabledTools;
  if (config.demoContent !== undefined) next.demoContent = config.demoContent;
  if (config.flagWebhook !== undefined) next.flagWebhook = config.flagWebhook;
  if (config.webhookFormat !== undefined) next.webhookFormat = config.webhookFormat;
  if (config.reportEndpoint !== undefined) next.reportEndpoint = config.reportEndpoint;
  if (config.reportFormat !== undefined) next.reportFormat = config.reportFormat;
  if (config.reportClickhouse !== undefined)
    next.reportClickhouse = config.reportClickhouse && withoutPassword(config.reportClickhouse);
  if (config.dashboardClickhouse !== undefined)
    next.dashboardClickhouse = config.dashboardClickhouse && withoutPassword(config.dashboardClickhouse);
  if (config.audiences !== undefined) next.audiences = config.audiences;
  if (config.nudges !== undefined) next.nudges = config.nudges;
  if (config.maxItems !== undefined) next.maxItems = config.maxItems;
  if (config.staleAfterMonths !== undefined) next.staleAfterMonths = config.staleAfterMonths;
  if (config.syncPersonalState !== undefined) next.syncPersonalState = config.syncPersonalState;
  if (config.searchTerms !== undefined) next.searchTerms = config.searchTerms;
  if (config.role !== undefined) next.role = config.role;
  return next;
}

/** A policy or configuration with credentials replaced by what kind they are, for showing. */
export function maskSecrets<T extends Pick<Policy, 'sources' | 'reportClickhouse' | 'dashboardClickhouse'>>(
  value: T,
): T {
  const masked: T = { ...value };
  if (value.sources)
    masked.sources = value.sources.map((source) =>
      source.auth
        ? ({ ...source, auth: { kind: source.auth.kind, hidden: true } } as unknown as PolicySource)
        : source,
    );
  for (const key of ['reportClickhouse', 'dashboardClickhouse'] as const) {
    const target = value[key];
    if (target?.password !== undefined) masked[key] = { ...target, password: '(hidden)' };
  }
  return masked;
}
