/**
 * The ClickHouse passwords (the report writer's and the dashboard reader's): in storage.local
 * beside the sources' credentials (utils/settings/secrets.ts), never synced, exported or logged,
 * read by the background only, and each bound to the origin it was given for — a password is
 * handed out only for a request to that origin. The one module that knows where they are kept,
 * so that moving them to another store is a change here only.
 */
import { browser } from '../../browser';
import { isHttpUrl, isRecord } from '../../model';

/** Which ClickHouse user a password belongs to. */
export type ClickhouseSecretName = 'report' | 'dashboard';

const KEY = 'clickhouseSecrets';

interface Stored {
  origin: string;
  password: string;
}

const originOf = (url: string) => (isHttpUrl(url) ? new URL(url).origin : '');

async function readAll(): Promise<Record<string, unknown>> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  return isRecord(stored) ? { ...stored } : {};
}

/** The password for `name`, if one was given for the origin of `url`; nothing for any other origin. */
export async function readClickhousePassword(
  name: ClickhouseSecretName,
  url: string,
): Promise<string | undefined> {
  const entry = (await readAll())[name];
  if (!isRecord(entry) || typeof entry.password !== 'string' || typeof entry.origin !== 'string')
    return undefined;
  const origin = originOf(url);
  return origin && entry.origin === origin ? entry.password : undefined;
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
  const all = await readAll();
  if (password === undefined) delete all[name];
  else {
    const origin = originOf(url);
    if (!origin) throw new Error('a ClickHouse password needs the http(s) address it is for');
    all[name] = { origin, password } satisfies Stored;
  }
  await browser.storage.local.set({ [KEY]: all });
}
