/**
 * Importing a configuration file: checked against the settings in force first (locked policy
 * keys, source ids the organisation took), then applied in one write, or not at all.
 */

import type { ConfigCheck } from '../../messages/views';
import {
  applyConfig,
  CONFIG_KEYS,
  type Config,
  type ConfigRead,
  parseConfigFile,
} from '../../settings/config-file';
import { originOf } from '../../settings/credentials';
import { policyKeys } from '../../settings/policy';
import {
  readOwnSettings,
  readPolicy,
  type SecretChanges,
  type Settings,
  updateSettings,
} from '../../settings/settings';

/** Checks a configuration file against the settings in force; nothing is written. */
export async function checkConfig(text: string): Promise<{ read: ConfigRead; check: ConfigCheck }> {
  const read = parseConfigFile(text);
  if (!read.ok) return { read, check: read };
  const { policy } = await readPolicy();
  const problems: string[] = [];
  // In the policy schema's order, whatever the file's.
  const keys: string[] = CONFIG_KEYS.filter((key) => key in read.config);
  if (policy.locked) {
    const enforced = new Set<string>(policyKeys(policy));
    const blocked = keys.filter((key) => enforced.has(key));
    if (blocked.length) problems.push(`set by your organisation and locked: ${blocked.join(', ')}`);
  }
  const taken = new Set((policy.sources ?? []).map((source) => source.id));
  for (const source of read.config.sources ?? []) {
    if (taken.has(source.id))
      problems.push(`sources: the id "${source.id}" is taken by a source your organisation set`);
  }
  if (problems.length) return { read, check: { ok: false, problems } };
  // Own sources the file moves to another origin: the preview lists them (their credentials go).
  const own = new Map((await readOwnSettings()).sources.map((source) => [source.id, source.url]));
  const moved = (read.config.sources ?? [])
    .filter((source) => own.has(source.id) && originOf(own.get(source.id) ?? '') !== originOf(source.url))
    .map((source) => ({ id: source.id, from: own.get(source.id) ?? '', to: source.url }));
  return {
    read,
    check: {
      ok: true,
      keys,
      notes: read.notes,
      sources: read.config.sources?.length ?? 0,
      ...(moved.length ? { moved } : {}),
    },
  };
}

/**
 * Imports a configuration: every key the file holds replaces the person's setting, sources
 * replace their own sources (the ones no longer listed lose their items and credentials through
 * `dropSource`), and credentials in the file are stored apart — in one write, or not at all.
 */
export async function importConfig(
  text: string,
  dropSource: (sourceId: string) => Promise<void>,
): Promise<ConfigCheck> {
  const { read, check } = await checkConfig(text);
  if (!read.ok || !check.ok) return check;
  const config: Config = read.config;
  const own = await readOwnSettings();
  const next = applyConfig(own, config);
  const change: Partial<Settings> = {};
  for (const key of check.keys) (change as Record<string, unknown>)[key] = next[key as keyof Settings];
  const secrets: SecretChanges = {};
  const removed = config.sources
    ? own.sources.filter((source) => !config.sources?.some((other) => other.id === source.id))
    : [];
  for (const source of removed) secrets[source.id] = undefined;
  for (const source of config.sources ?? [])
    if (source.auth) secrets[source.id] = { url: source.url, auth: source.auth };
  await updateSettings(change, secrets);
  for (const source of removed) await dropSource(source.id);
  return check;
}
