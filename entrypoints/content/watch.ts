/**
 * Notices when a single-page tool shows a new screen: a URL change (`wxt:locationchange`), a new
 * title, or replaced main content. Nothing happens inside the MutationObserver callback but
 * setting a flag; the check runs at idle time, at most once per `minGapMs`, never while the tab is
 * hidden, and compares a cheap signature (URL, title, first heading) so that our own UI or a
 * ticking clock in the page does not count as a new screen. Everything stops with `ctx`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface WatchOptions {
  /** Least time between two calls of `onScreen`. */
  minGapMs?: number;
}

function signature(doc: Document): string {
  const heading = doc.querySelector('h1')?.textContent?.trim().slice(0, 200) ?? '';
  return `${location.href}\n${doc.title}\n${heading}`;
}

export function watchScreen(ctx: ContentScriptContext, onScreen: () => void, opts: WatchOptions = {}): void {
  const minGapMs = opts.minGapMs ?? 750;
  let last = signature(document);
  let lastRun = 0;
  let scheduled = false;

  const check = () => {
    scheduled = false;
    if (ctx.isInvalid) return;
    if (document.hidden) return; // picked up again on visibilitychange
    const wait = lastRun + minGapMs - Date.now();
    if (wait > 0) {
      scheduled = true;
      ctx.setTimeout(check, wait);
      return;
    }
    const now = signature(document);
    if (now === last) return;
    last = now;
    lastRun = Date.now();
    onScreen();
  };

  const schedule = () => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.requestIdleCallback(check, { timeout: 1000 });
  };

  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(document, 'visibilitychange', schedule);
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}
