/** "Sync now" progress: a port the options page opens, on which the background posts updates. */
import { isRecord } from '../model';

/** The port the options page opens for "Sync now" progress; the background posts {@link SyncProgress} on it. */
export const PROGRESS_PORT = 'signpost-sync-progress';

/** How far a source's sync has got: items so far and, when the source says, how many in all. */
export interface SyncProgress {
  sourceId: string;
  done: number;
  total?: number;
}

/** Validates a progress update (the page accepts only this shape from the port). */
export function parseSyncProgress(value: unknown): SyncProgress | null {
  if (!isRecord(value) || typeof value.sourceId !== 'string' || typeof value.done !== 'number') return null;
  const total = typeof value.total === 'number' && value.total > 0 ? value.total : undefined;
  return { sourceId: value.sourceId, done: value.done, ...(total !== undefined ? { total } : {}) };
}
