/**
 * "Sync now" progress comes on a port the background posts to: opened on first use, and again
 * before a sync when a stopped worker closed it (not at once: that would keep the worker awake).
 */
import { type Browser, browser } from '@/utils/browser';
import { PROGRESS_PORT, parseSyncProgress, type SyncProgress } from '@/utils/messages';

const progressListeners = new Set<(progress: SyncProgress) => void>();
let progressPort: Browser.Runtime.Port | null = null;
/** Opens the port when someone listens and it is closed. */
export function connectProgress(): void {
  if (progressPort || progressListeners.size === 0) return;
  const port = browser.runtime.connect({ name: PROGRESS_PORT });
  progressPort = port;
  port.onMessage.addListener((raw: unknown) => {
    const progress = parseSyncProgress(raw);
    if (progress) for (const each of progressListeners) each(progress);
  });
  port.onDisconnect.addListener(() => {
    progressPort = null;
  });
}
/** Listens to progress; returns the function that stops listening. */
export function onProgress(listener: (progress: SyncProgress) => void): () => void {
  progressListeners.add(listener);
  connectProgress();
  return () => progressListeners.delete(listener);
}
