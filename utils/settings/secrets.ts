/**
 * Secrets — source credentials, and any other kind (a report store's password, …) — in the vault
 * (utils/settings/vault.ts), readable by the background only, never synced, exported or logged.
 * Each is stored with the origin it was given for and handed out only for an address on that
 * origin: a source whose address moves to another host does not take its credentials along.
 * A policy's credentials stay in the policy.
 *
 * Other secret kinds use `writeSecretFor(kind, name, origin, value)` / `readSecretFor(kind, name, url)`.
 */
import { credentialsRefusal, originOf, parseAuth, type SourceAuth } from './credentials';
import { readStoredSecret, readStoredSecrets, type VaultWrite, writeVault } from './vault';

/** The kind source credentials are stored under. */
export const SOURCE_SECRET = 'source';

/** The secret `name` of `kind`, if one is stored for the origin of `url`; nothing for any other origin. */
export async function readSecretFor(kind: string, name: string, url: string): Promise<unknown> {
  const stored = await readStoredSecret(kind, name);
  const origin = originOf(url);
  if (!stored || !origin || stored.origin !== origin) return undefined;
  return stored.value;
}

/**
 * The vault change that stores `value` as the secret `name` of `kind`, bound to the origin of
 * `originOrUrl` (or, with undefined, removes it). Throws when credentials may not go there
 * (plain http to another computer).
 */
export function secretWrite(
  kind: string,
  name: string,
  originOrUrl: string,
  value: unknown,
): NonNullable<VaultWrite['secrets']>[number] {
  if (value === undefined) return { kind, name, origin: '', value: undefined };
  const origin = originOf(originOrUrl);
  if (!origin) throw new Error('a secret needs the http(s) address it is for');
  const refusal = credentialsRefusal(originOrUrl);
  if (refusal) throw new Error(refusal);
  return { kind, name, origin, value };
}

/** Stores (or, with undefined, removes) the secret `name` of `kind` for the origin of `originOrUrl`. */
export async function writeSecretFor(
  kind: string,
  name: string,
  originOrUrl: string,
  value: unknown,
): Promise<void> {
  await writeVault({ secrets: [secretWrite(kind, name, originOrUrl, value)] });
}

/** A source's credentials, if the person gave any for the origin of `url`. */
export async function readSecret(sourceId: string, url: string): Promise<SourceAuth | undefined> {
  return parseAuth(await readSecretFor(SOURCE_SECRET, sourceId, url)) ?? undefined;
}

/** Stores (or, with undefined, removes) a source's credentials, bound to the origin of `url`. */
export async function writeSecret(
  sourceId: string,
  url: string,
  auth: SourceAuth | undefined,
): Promise<void> {
  await writeSecretFor(SOURCE_SECRET, sourceId, url, auth);
}

/** The origin each stored source secret is bound to, by source id (no secret values). */
export async function sourceSecretOrigins(): Promise<Map<string, string>> {
  return new Map((await readStoredSecrets(SOURCE_SECRET)).map((secret) => [secret.name, secret.origin]));
}
