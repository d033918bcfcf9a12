import { useEffect } from 'preact/hooks';
import type { Activity } from '@/utils/messages';

/** How often My activity asks again while something is on its way (the outbox is in IndexedDB, which has no change event). */
export const ACTIVITY_POLL_MS = 1500;

/**
 * Keeps the delivery states live: while an entry is queued or sending, asks for the activity again
 * every {@link ACTIVITY_POLL_MS}; stops when everything has settled or the popup closes.
 */
export function useLiveActivity(
  activity: Activity | null,
  load: () => Promise<Activity>,
  set: (activity: Activity) => void,
  everyMs = ACTIVITY_POLL_MS,
): void {
  const moving =
    activity?.entries.some((entry) => entry.state === 'queued' || entry.state === 'sending') ?? false;
  useEffect(() => {
    if (!moving) return;
    let stopped = false;
    const timer = setInterval(() => {
      load().then(
        (next) => stopped || set(next),
        () => undefined,
      );
    }, everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [moving, load, set, everyMs]);
}
