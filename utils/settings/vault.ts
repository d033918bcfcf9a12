/**
 * The vault: an IndexedDB database of its own (`signpost-vault`) for what only the background may
 * read — the admin settings (source list, webhook and report addresses, …) and every secret.
 * Content scripts run in the page's origin and cannot open an extension's IndexedDB, unlike
 * `storage.local`, which they can read and write (issue 13, point 2).
 *
 *   records  name → value          ('settings': the person's own settings record)
 *   secrets  [kind, name] → { kind, name, origin, value }
 *
 * A secret is stored with the origin it was given for; utils/settings/secrets.ts hands it out only
 * for requests to that origin. The schema moves forward only, like utils/db.ts.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

export const VAULT_NAME = 'signpost-vault';
export const VAULT_VERSION = 1;

/** A secret as stored: `origin` is the only origin it may be sent to ('' for none). */
export interface StoredSecret {
  kind: string;
  name: string;
  origin: string;
  value: unknown;
}

interface VaultDB extends DBSchema {
  records: { key: string; value: unknown };
  secrets: { key: [string, string]; value: StoredSecret };
}

type Vault = IDBPDatabase<VaultDB>;

let pending: Promise<Vault> | null = null;

function open(): Promise<Vault> {
  return openDB<VaultDB>(VAULT_NAME, VAULT_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('records');
        db.createObjectStore('secrets', { keyPath: ['kind', 'name'] });
      }
      // Later versions add `if (oldVersion < 2) { … }` here; released steps stay as they are.
    },
  });
}

function vault(): Promise<Vault> {
  pending ??= open();
  pending.catch(() => {
    pending = null;
  });
  return pending;
}

/** Closes the connection (tests, before deleting the database). */
export async function closeVault(): Promise<void> {
  const db = await pending?.catch(() => null);
  db?.close();
  pending = null;
}

/** A record by name, or undefined. */
export async function readRecord(name: string): Promise<unknown> {
  return (await vault()).get('records', name);
}

/** A secret as stored (with its origin), or undefined. */
export async function readStoredSecret(kind: string, name: string): Promise<StoredSecret | undefined> {
  return (await vault()).get('secrets', [kind, name]);
}

/** Every stored secret of one kind. */
export async function readStoredSecrets(kind: string): Promise<StoredSecret[]> {
  return (await (await vault()).getAll('secrets')).filter((secret) => secret.kind === kind);
}

/** A change to the vault: records to set, secrets to set (or, with `value: undefined`, remove). */
export interface VaultWrite {
  records?: Record<string, unknown>;
  secrets?: (Omit<StoredSecret, 'value'> & { value: unknown })[];
}

/** Writes records and secrets in one transaction: all of them or none. */
export async function writeVault(change: VaultWrite): Promise<void> {
  const db = await vault();
  const tx = db.transaction(['records', 'secrets'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  for (const [name, value] of Object.entries(change.records ?? {}))
    writes.push(tx.objectStore('records').put(value, name));
  for (const secret of change.secrets ?? []) {
    writes.push(
      secret.value === undefined
        ? tx.objectStore('secrets').delete([secret.kind, secret.name])
        : tx.objectStore('secrets').put(secret),
    );
  }
  await Promise.all([...writes, tx.done]);
}
