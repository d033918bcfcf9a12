/**
 * The built-in sources (the embedded demo catalog): registered on the first message to a cold
 * worker, and synced then if they never were, or again after an update of the extension.
 */
import { getDb } from '../../db';
import { ensureBuiltinSources, type SyncDeps, syncSource } from '../../sync/engine';

export interface Builtins {
  /** Resolves once the built-in sources are registered (and synced at least once). */
  ready(): Promise<void>;
  /** Re-reads the built-in sources (after an update ships new demo content). */
  resync(): Promise<void>;
}

export function createBuiltins(syncDeps: SyncDeps): Builtins {
  let ready: Promise<void> | null = null;

  function ensureReady(): Promise<void> {
    ready ??= (async () => {
      const db = await getDb();
      await ensureBuiltinSources(db);
      for (const source of await db.getAll('sources')) {
        if (source.builtin && !(await db.get('status', source.id))?.lastSuccessAt) {
          await syncSource(db, source, syncDeps);
        }
      }
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  }

  return {
    ready: ensureReady,
    async resync() {
      await ensureReady();
      const db = await getDb();
      for (const source of await db.getAll('sources')) {
        if (source.builtin) await syncSource(db, source, syncDeps);
      }
    },
  };
}
