/** What the background's handlers need from the browser; tests pass fakes. */
import type { ReasonText } from '../../match';
import type { SyncDeps } from '../../sync/engine';

export interface BackgroundDeps extends SyncDeps {
  reasonText?: ReasonText;
  /** Version reported in webhook payloads. */
  extensionVersion?: string;
  /** Sets (or clears, with null) the alarm that wakes the worker to deliver the outbox. */
  scheduleDelivery?: (when: number | null) => void | Promise<void>;
  /** A fresh idempotency key. */
  newKey?: () => string;
  /** Whether the extension may send requests to a URL's host. */
  canReach?: (url: string) => Promise<boolean>;
  /** Sets (or clears) the alarm that wakes the worker to deliver daily reports. */
  scheduleReports?: (when: number | null) => void | Promise<void>;
  /** Opens one of Signpost's pages (e.g. `popup.html?q=…`) in a new tab. */
  openPage?: (path: string) => Promise<void>;
  /** How much storage the extension uses and may use (navigator.storage.estimate). */
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  /** Injects the nudge's UI into a tab's frame (`scripting.executeScript`). */
  injectNudge?: (tabId: number, frameId: number) => Promise<void>;
  /** Sets the toolbar icon's badge text (What's new unread count; '' clears it). */
  setBadge?: (text: string) => void | Promise<void>;
}

/** The clock the deps give, or the real one. */
export const clock =
  (deps: BackgroundDeps): (() => number) =>
  () =>
    deps.now?.() ?? Date.now();
