/**
 * Keeps the local cache in step with the sources. A failed sync changes nothing but the source's
 * status: the last good items stay in place and the error is recorded in words an admin can act on.
 */
import { type Db, replaceSourceItems } from './db';
import type { SourceConfig, SourceStatus } from './model';
import { ADAPTERS } from './sources';

/** The embedded demo content, shipped in public/catalog/. */
export const DEMO_SOURCE: SourceConfig = {
  id: 'builtin-demo',
  type: 'catalog',
  name: 'Signpost demo content',
  url: 'catalog/demo.json',
  builtin: true,
  tools: [],
};

export const BUILTIN_SOURCES: readonly SourceConfig[] = [DEMO_SOURCE];

export interface SyncDeps {
  fetch: typeof fetch;
  /** Resolves a built-in source's path inside the extension package to a URL. */
  resolveBuiltin: (path: string) => string;
  now?: () => number;
}

/** Fetches one source and swaps its items in; never throws. */
export async function syncSource(db: Db, config: SourceConfig, deps: SyncDeps): Promise<SourceStatus> {
  const now = deps.now?.() ?? Date.now();
  const previous = (await db.get('status', config.id)) ?? { sourceId: config.id, itemCount: 0, warnings: [] };
  const url = config.builtin ? deps.resolveBuiltin(config.url) : config.url;
  try {
    const { items, warnings } = await ADAPTERS[config.type].fetchItems(config, url, deps.fetch);
    const status: SourceStatus = {
      sourceId: config.id,
      lastSyncAt: now,
      lastSuccessAt: now,
      itemCount: items.length,
      warnings: warnings.slice(0, 50),
    };
    await replaceSourceItems(db, config.id, items, status);
    return status;
  } catch (error) {
    const status: SourceStatus = {
      ...previous,
      lastSyncAt: now,
      error: error instanceof Error ? error.message : String(error),
    };
    await db.put('status', status);
    return status;
  }
}

/** Registers the built-in sources (idempotent). */
export async function ensureBuiltinSources(db: Db): Promise<void> {
  const tx = db.transaction('sources', 'readwrite');
  await Promise.all([...BUILTIN_SOURCES.map((source) => tx.store.put(source)), tx.done]);
}
