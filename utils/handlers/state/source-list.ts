/**
 * Which sources there are: the built-in ones, then the organisation's (policy), then the person's
 * own; whether each is switched on; and the credentials to read each with.
 */
import { getDb } from '../../db';
import type { SourceConfig, SourceView } from '../../model';
import type { SourceAuth } from '../../settings/credentials';
import type { PolicySource } from '../../settings/policy';
import { readSecret } from '../../settings/secrets';
import { readPolicy, readSettings, type Settings } from '../../settings/settings';
import { DEMO_SOURCE } from '../../sync/engine';

/** Built-in sources, then the policy's, then the person's own (from the options page). */
export async function allSources(): Promise<SourceConfig[]> {
  const db = await getDb();
  const builtin = (await db.getAll('sources')).filter((source) => source.builtin);
  const [policySources, own] = await Promise.all([
    readPolicy().then(({ policy }) => policy.sources ?? []),
    readSettings().then((settings) => settings.sources),
  ]);
  const taken = new Set(policySources.map((source) => source.id));
  return [...builtin, ...policySources, ...own.filter((source) => !taken.has(source.id))];
}

/** The demo content follows its setting; every other source its own switch. */
export function isEnabled(source: SourceConfig, settings: Settings): boolean {
  return source.id === DEMO_SOURCE.id ? settings.demoContent : source.enabled !== false;
}

/**
 * Credentials for a source at `url`: the policy's (given with the address), or the person's own
 * when they were given for the origin of `url`; never sent anywhere but that origin.
 */
export async function authFor(sourceId: string, url: string): Promise<SourceAuth | undefined> {
  const fromPolicy = (await readPolicy()).policy.sources?.find((source) => source.id === sourceId);
  if (fromPolicy) return fromPolicy.url === url ? fromPolicy.auth : undefined;
  return readSecret(sourceId, url);
}

/** Every source with where it comes from, whether it is on, and its last sync's status (no credentials). */
export async function sourceViews(): Promise<SourceView[]> {
  const [db, settings] = await Promise.all([getDb(), readSettings()]);
  const policyIds = new Set(((await readPolicy()).policy.sources ?? []).map((source) => source.id));
  const sources: SourceView[] = [];
  for (const { auth: _secret, ...source } of (await allSources()) as PolicySource[]) {
    const status = (await db.get('status', source.id)) ?? {
      sourceId: source.id,
      itemCount: 0,
      warnings: [],
    };
    const origin = source.builtin ? 'builtin' : policyIds.has(source.id) ? 'policy' : 'own';
    sources.push({ ...source, enabled: isEnabled(source, settings), origin, status });
  }
  return sources;
}
