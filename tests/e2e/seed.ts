import type { Worker } from 'playwright-core';

/**
 * Puts `count` generated articles and tips of the demo source straight into the extension's
 * IndexedDB (as a large knowledge base would fill it), from inside its service worker.
 */
export function seedBulkItems(worker: Worker, count: number): Promise<void> {
  return worker.evaluate(
    (items) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('signpost');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('items', 'readwrite');
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
