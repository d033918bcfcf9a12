/** "Sync now" progress: a port the options page opens, on which the background posts updates. */
import { type Browser, browser } from '../browser';
import { isRecord } from '../model';
import { senderKind } from './route';

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

/**
 * Accepts "Sync now" progress ports from Signpost's own pages (others are disconnected) and
 * returns the function that posts an update to every open one.
 */
export function acceptProgressPorts(): (sourceId: string, done: number, total?: number) => void {
  const ports = new Set<Browser.Runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    const from = port.sender
      ? senderKind(port.sender, browser.runtime.id, browser.runtime.getURL('/'))
      : null;
    if (port.name !== PROGRESS_PORT || from !== 'extension') {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
  return (sourceId, done, total) => {
    const update: SyncProgress = { sourceId, done, ...(total !== undefined ? { total } : {}) };
    for (const port of ports) port.postMessage(update);
  };
}
