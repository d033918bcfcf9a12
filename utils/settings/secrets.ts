/**
 * Credentials of the person's own sources: in storage.local only (never synced, never exported,
 * never logged), read by the background only. A policy's credentials stay in the policy.
 */
import { browser } from '../browser';
import { isRecord } from '../model';
import type { SourceAuth } from './credentials';

const SECRETS = 'sourceSecrets';

async function readSecrets(): Promise<Record<string, unknown>> {
  const stored = (await browser.storage.local.get(SECRETS))[SECRETS];
  return isRecord(stored) ? { ...stored } : {};
}

/** The storage.local entry that sets (or, with undefined, removes) these sources' credentials. */
export async function secretsWrite(
  changes: Record<string, SourceAuth | undefined>,
): Promise<Record<string, unknown>> {
  const merged = await readSecrets();
  for (const [id, auth] of Object.entries(changes)) {
    if (auth) merged[id] = auth;
    else delete merged[id];
  }
  return { [SECRETS]: merged };
}

/** A source's credentials, if the person gave any. */
export async function readSecret(sourceId: string): Promise<SourceAuth | undefined> {
  const secret = (await readSecrets())[sourceId];
  return isRecord(secret) ? (secret as SourceAuth) : undefined;
}

/** Stores (or, with undefined, removes) a source's credentials. */
export async function writeSecret(sourceId: string, auth: SourceAuth | undefined): Promise<void> {
  const secrets = await readSecrets();
  if (auth) secrets[sourceId] = auth;
  else delete secrets[sourceId];
  await browser.storage.local.set({ [SECRETS]: secrets });
}
