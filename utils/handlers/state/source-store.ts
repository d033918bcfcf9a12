/**
 * Changing and syncing sources: the person's own sources are added, replaced, switched and removed
 * here (credentials kept apart, a removed source's items and status dropped), and every change or
 * good sync forgets what was derived from the items.
 */
import { getDb, replaceSourceItems } from '../../db';
import type { SourceConfig, SourceStatus } from '../../model';
import type { SourceAuth } from '../../settings/credentials';
import { parseSources } from '../../settings/policy';
import { writeSecret } from '../../settings/secrets';
import { readPolicy, readSettings, updateSettings } from '../../settings/settings';
import { DEMO_SOURCE, type SyncDeps, syncSource } from '../../sync/engine';
import { allSources } from './source-list';

export interface SourceStore {
  /** Syncs one source and, when that went well, forgets the derived indexes. */
  syncOne(source: SourceConfig): Promise<SourceStatus>;
  /** Syncs a source by id (alarm); unknown or switched-off ids are ignored. */
  syncById(id: string): Promise<SourceStatus | undefined>;
  /** Syncs every configured source that never synced (after install or a policy change). */
  syncNew(): Promise<void>;
  /** Which sources sync how often (for the background's alarms). */
  schedule(): Promise<{ id: string; intervalMinutes: number }[]>;
  /** Adds or replaces one of the person's own sources (credentials kept apart), then syncs it. */
  save(source: unknown, auth: SourceAuth | null | undefined): Promise<void>;
  /** Removes one of the person's own sources with its items, status and credentials. */
  remove(sourceId: string): Promise<void>;
  /** The demo content's switch, or one of the person's own sources on or off. */
  setEnabled(sourceId: string, enabled: boolean): Promise<void>;
  /** A source's items, status and credentials, gone (after it was removed). */
  dropData(sourceId: string): Promise<void>;
}

export function createSourceStore(syncDeps: SyncDeps, invalidate: () => void): SourceStore {
  async function syncOne(source: SourceConfig) {
    const status = await syncSource(await getDb(), source, syncDeps);
    if (!status.error) invalidate();
    return status;
  }

  async function dropData(sourceId: string): Promise<void> {
    await writeSecret(sourceId, '', undefined);
    const db = await getDb();
    await replaceSourceItems(db, sourceId, [], { sourceId, itemCount: 0, warnings: [] });
    await db.delete('status', sourceId);
  }

  async function ownSource(sourceId: string) {
    const own = (await readSettings()).sources;
    const current = own.find((source) => source.id === sourceId);
    if (!current) throw new Error(`no source of yours is called "${sourceId}"`);
    return { own, current };
  }

  return {
    syncOne,
    dropData,

    async syncById(id) {
      const source = (await allSources()).find((candidate) => candidate.id === id);
      return source && source.enabled !== false ? syncOne(source) : undefined;
    },

    async syncNew() {
      const db = await getDb();
      for (const source of await allSources()) {
        if (source.builtin || source.enabled === false) continue;
        if (!(await db.get('status', source.id))?.lastSuccessAt) await syncOne(source);
      }
    },

    async schedule() {
      return (await allSources())
        .filter((source) => !source.builtin && source.enabled !== false)
        .map((source) => ({ id: source.id, intervalMinutes: source.intervalMinutes ?? 60 }));
    },

    async save(source, auth) {
      const parsed = parseSources([source]);
      const config = parsed.sources[0];
      if (!config) throw new Error(parsed.problems.join('; '));
      const { policy } = await readPolicy();
      if (policy.sources?.some((other) => other.id === config.id)) {
        throw new Error(`the id "${config.id}" is taken by a source your organisation set`);
      }
      const { auth: _none, ...stored } = config;
      const own = (await readSettings()).sources.filter((other) => other.id !== config.id);
      // New credentials are bound to the saved address; a moved address drops the old ones.
      const secrets = auth === undefined ? {} : { [config.id]: auth ? { url: stored.url, auth } : undefined };
      await updateSettings({ sources: [...own, stored] }, secrets);
      await syncOne(stored);
    },

    async remove(sourceId) {
      const { own } = await ownSource(sourceId);
      await updateSettings({ sources: own.filter((source) => source.id !== sourceId) });
      await dropData(sourceId);
      invalidate();
    },

    async setEnabled(sourceId, enabled) {
      if (sourceId === DEMO_SOURCE.id) {
        await updateSettings({ demoContent: enabled });
      } else {
        const { own, current } = await ownSource(sourceId);
        const { enabled: _was, ...on } = current;
        const next = enabled ? on : { ...on, enabled: false };
        await updateSettings({ sources: own.map((source) => (source === current ? next : source)) });
        if (enabled) await syncOne(next);
      }
      invalidate();
    },
  };
}
