/**
 * Moves what older Signposts kept in `storage.local` — the settings record (`settings`) and source
 * credentials (`sourceSecrets`) — into the vault, where content scripts cannot reach them, and
 * leaves in `storage.local` only the page settings a content script needs.
 *
 * Order makes it safe to cut off at any point: the vault is written first (one transaction), the
 * old keys are removed last, and a vault that already holds a record or a secret keeps it (it can
 * only be newer than what is left in storage.local). Every secret is kept: one whose source is
 * listed is bound to that source's origin; one without a listed source is kept bound to no origin
 * (never sent) rather than dropped.
 */
import { browser } from '../browser';
import { isRecord } from '../model';
import { originOf, parseAuth } from './credentials';
import { pageSettingsOf } from './page-copy';
import { PAGE_SETTINGS_KEY, SETTINGS_CHANGED_KEY } from './page-settings';
import { SOURCE_SECRET } from './secrets';
import { readRecord, readStoredSecret, type VaultWrite, writeVault } from './vault';

const OLD_SETTINGS = 'settings';
const OLD_SECRETS = 'sourceSecrets';
/** The vault record that holds the person's own settings. */
export const SETTINGS_RECORD = 'settings';

async function migrate(): Promise<void> {
  const old = await browser.storage.local.get([OLD_SETTINGS, OLD_SECRETS]);
  if (!(OLD_SETTINGS in old) && !(OLD_SECRETS in old)) return;
  const settings = old[OLD_SETTINGS];
  const change: VaultWrite = { records: {}, secrets: [] };
  const kept = await readRecord(SETTINGS_RECORD);
  if (kept === undefined && settings !== undefined) change.records = { [SETTINGS_RECORD]: settings };
  const urls = new Map<string, string>();
  const sources = isRecord(settings) && Array.isArray(settings.sources) ? settings.sources : [];
  for (const source of sources) {
    if (isRecord(source) && typeof source.id === 'string' && typeof source.url === 'string')
      urls.set(source.id, source.url);
  }
  const secrets = isRecord(old[OLD_SECRETS]) ? old[OLD_SECRETS] : {};
  for (const [id, value] of Object.entries(secrets)) {
    const auth = parseAuth(value);
    if (!auth || (await readStoredSecret(SOURCE_SECRET, id))) continue;
    change.secrets?.push({
      kind: SOURCE_SECRET,
      name: id,
      origin: originOf(urls.get(id) ?? '') ?? '',
      value: auth,
    });
  }
  await writeVault(change);
  await browser.storage.local.set({
    [PAGE_SETTINGS_KEY]: pageSettingsOf(kept ?? settings),
    [SETTINGS_CHANGED_KEY]: Date.now(),
  });
  await browser.storage.local.remove([OLD_SETTINGS, OLD_SECRETS]);
}

let done: Promise<void> | null = null;

/** Runs the move once per worker life (again after a failure); every settings read waits for it. */
export function moveOutOfStorageLocal(): Promise<void> {
  done ??= migrate();
  done.catch(() => {
    done = null;
  });
  return done;
}

/** Forgets that the move ran (tests start each case from a fresh storage). */
export function forgetMigration(): void {
  done = null;
}
