/**
 * The ClickHouse passwords (the report writer's and the dashboard reader's) as secrets of kind
 * `clickhouse` in the vault (utils/settings/secrets.ts): read by the background only, never
 * synced, exported or logged, and each bound to the origin it was given for — a password is
 * handed out only for a request to that origin, and only https (or http to this computer) may
 * carry one.
 */
import { readSecretFor, writeSecretFor } from '../../settings/secrets';

/** Which ClickHouse user a password belongs to. */
export type ClickhouseSecretName = 'report' | 'dashboard';

export const CLICKHOUSE_SECRET = 'clickhouse';

/** The password for `name`, if one was given for the origin of `url`; nothing for any other origin. */
export async function readClickhousePassword(
  name: ClickhouseSecretName,
  url: string,
): Promise<string | undefined> {
  const value = await readSecretFor(CLICKHOUSE_SECRET, name, url);
  return typeof value === 'string' ? value : undefined;
}

/** Whether a password is stored for `name` and the origin of `url` (the options page shows only this). */
export async function hasClickhousePassword(name: ClickhouseSecretName, url: string): Promise<boolean> {
  return (await readClickhousePassword(name, url)) !== undefined;
}

/** Stores the password for `name`, bound to the origin of `url`; undefined removes it. */
export async function writeClickhousePassword(
  name: ClickhouseSecretName,
  url: string,
  password: string | undefined,
): Promise<void> {
  await writeSecretFor(CLICKHOUSE_SECRET, name, url, password);
}
