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

/**
 * The stored index, and whether it was made under `key`. One made under another key is loaded only
 * with `orOlder` (to be brought up to date), else null.
 */
export async function readSnapshot(
  db: Db,
  key: string,
  orOlder: boolean,
): Promise<{ current: boolean; index: MatchIndex } | null> {
  const stored = await db.get('meta', 'matchIndex');
  if (!isRecord(stored)) return null;
  const current = stored.key === key;
  const index = current || orOlder ? loadMatchIndex(stored.snapshot) : null;
  return index ? { current, index } : null;
}

/** Stores the index as the snapshot for `key` (in the background: a failure only costs a rebuild). */
export function saveSnapshot(db: Db, key: string, index: MatchIndex): void {
  db.put('meta', { key, snapshot: serializeMatchIndex(index) }, 'matchIndex').catch((error: unknown) =>
    console.warn('Signpost: index snapshot not saved', error),
  );
}
