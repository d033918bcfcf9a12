/**
 * The match index as a snapshot in IndexedDB, so that a cold worker answers without re-indexing.
 * A snapshot is used only when it was made from the same enabled sources at the same last sync.
 */
import type { Db } from '../../db';
import { loadMatchIndex, type MatchIndex, serializeMatchIndex } from '../../match';
import { isRecord, type SourceConfig } from '../../model';
import type { Settings } from '../../settings/settings';
import { isEnabled } from './source-list';

/** What a snapshot was made from: the enabled sources and the time of their last good sync. */
export async function snapshotKey(db: Db, settings: Settings, sources: SourceConfig[]): Promise<string> {
  const parts: string[] = [];
  for (const source of sources) {
    if (!isEnabled(source, settings)) continue;
    parts.push(`${source.id}@${(await db.get('status', source.id))?.lastSuccessAt ?? 0}`);
  }
  return parts.sort().join('|');
}

/** The stored index and what it was made from (its `snapshotKey`), or null when none loads. */
export async function readSnapshot(db: Db): Promise<{ key: unknown; index: MatchIndex } | null> {
  const stored = await db.get('meta', 'matchIndex');
  const index = isRecord(stored) ? loadMatchIndex(stored.snapshot) : null;
  return index && isRecord(stored) ? { key: stored.key, index } : null;
}

/** Stores the index as the snapshot for `key` (in the background: a failure only costs a rebuild). */
export function saveSnapshot(db: Db, key: string, index: MatchIndex): void {
  db.put('meta', { key, snapshot: serializeMatchIndex(index) }, 'matchIndex').catch((error: unknown) =>
    console.warn('Signpost: index snapshot not saved', error),
  );
}
