import type { Page, Worker } from 'playwright-core';

/** Test data and measurements for the end-to-end tests that time Signpost with a full cache. */

/** Waits (up to `ms`) until the demo source's first sync has finished, as the install starts it. */
async function demoSynced(worker: Worker, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const synced = await worker.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('signpost');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            const done = (synced: boolean) => {
              db.close();
              resolve(synced);
            };
            if (!db.objectStoreNames.contains('status')) return done(false);
            const request = db.transaction('status').objectStore('status').get('builtin-demo');
            request.onsuccess = () => done(Boolean(request.result?.lastSuccessAt));
            request.onerror = () => done(false);
          };
        }),
    );
    if (synced) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the demo source never finished its first sync');
}

/**
 * Puts `count` generated articles and tips of the demo source straight into the extension's
 * IndexedDB (as a large knowledge base would fill it), from inside its service worker, once the
 * install's own sync of that source is over (it would replace them). A sync would also change
 * the stored index snapshot's key; writing past the sync, the snapshot is dropped instead, so
 * that the next worker indexes the items it finds.
 */
export async function seedBulkItems(worker: Worker, count: number): Promise<void> {
  await demoSynced(worker);
  return worker.evaluate(
    (items) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('signpost');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['items', 'meta'], 'readwrite');
          tx.objectStore('meta').delete('matchIndex');
          const tools = ['jira', 'salesforce', 'github', 'slack'];
          for (let i = 0; i < items; i++) {
            tx.objectStore('items').put({
              id: `builtin-demo:bulk-${i}`,
              sourceId: 'builtin-demo',
              kind: i % 3 ? 'article' : 'tip',
              title: `Bulk article ${i} about approvals, budgets and reports`,
              summary: 'A generated article to fill the cache for measurement. '.repeat(8),
              url: `https://kb.example.com/bulk/${i}`,
              tags: ['bulk', `topic-${i % 50}`],
              tools: [tools[i % 4]],
              updatedAt: 1_700_000_000_000 + i,
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    count,
  );
}

/** The page's first contentful paint, ms from navigation start (NaN when none within 2 s). */
export function firstPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // Buffered: the entry may already have been recorded. A page in a background tab has none.
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(Number.NaN), 2000);
      }),
  );
}

/**
 * Milliseconds, on the page's own clock, from the first `input` event to the moment an element
 * with `text` is in the page: what a person waits from typing to painted results, without the
 * test driver's polling in the figure. Call before typing; await the returned promise after.
 */
export async function timeInputTo(page: Page, text: string): Promise<() => Promise<number>> {
  await page.evaluate((wanted) => {
    const scope = globalThis as unknown as { inputToText?: Promise<number> };
    scope.inputToText = new Promise<number>((resolve) => {
      let typed = Number.NaN;
      document.addEventListener(
        'input',
        () => {
          if (Number.isNaN(typed)) typed = performance.now();
        },
        { capture: true },
      );
      const observer = new MutationObserver(() => {
        if (!Number.isNaN(typed) && document.body.textContent?.includes(wanted)) {
          observer.disconnect();
          resolve(performance.now() - typed);
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, text);
  return () => page.evaluate(() => (globalThis as unknown as { inputToText: Promise<number> }).inputToText);
}
