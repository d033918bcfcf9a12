import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { closeDb, getDb, replaceSourceItems } from '@/utils/db';
import { buildMatchIndex } from '@/utils/match';
import type { SourceConfig } from '@/utils/model';
import { parseFeed } from '@/utils/sources/feed';
import { normalizeAll } from '@/utils/sources/lib/normalize';

const SOURCE: SourceConfig = {
  id: 'news',
  type: 'feed',
  name: 'News',
  url: 'https://kb.example/feed.xml',
  builtin: false,
  tools: [],
};
const TOPICS = [
  'sprint',
  'invoice',
  'pipeline',
  'approval',
  'dashboard',
  'onboarding',
  'expense',
  'report',
  'ticket',
  'release',
];

/** A 10,000-item RSS feed with HTML descriptions, as a large intranet news feed would be. */
const FEED = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>KB</title><link>https://kb.example/</link>${Array.from(
  { length: 10_000 },
  (_, i) => {
    const topic = TOPICS[i % TOPICS.length];
    return `<item><guid>kb-${i}</guid><title>How to handle ${topic} case ${i}</title><link>/articles/${i}</link><category>${topic}</category><category>jira</category><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><description><![CDATA[<p>Step-by-step guidance for the <b>${topic}</b> process. First, open the screen. Then follow the checklist.</p><p>More detail about case ${i} &amp; its exceptions.</p>]]></description></item>`;
  },
).join('')}</channel></rss>`;
const BYTES = new TextEncoder().encode(FEED);
/** Largest heap growth seen during one run (a lower bound of the peak: the collector may run). */
let peak = 0;

describe(`a 10,000-item feed (${(BYTES.length / 1e6).toFixed(1)} MB)`, () => {
  bench(
    'parse + normalise + store (IndexedDB) + index',
    async () => {
      const before = process.memoryUsage().heapUsed;
      const feed = parseFeed(BYTES, { contentType: 'application/rss+xml', baseUrl: SOURCE.url });
      const { items } = normalizeAll(
        feed.items.map((item) => ({
          externalId: item.id ?? '',
          title: item.title,
          html: item.content ?? item.summary,
          url: item.link,
          tags: item.categories,
          updatedAt: item.updated ?? item.published,
        })),
        SOURCE,
        Date.now(),
      );
      const db = await getDb();
      await replaceSourceItems(db, SOURCE.id, items, {
        sourceId: SOURCE.id,
        itemCount: items.length,
        warnings: [],
      });
      buildMatchIndex(items);
      peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      await closeDb();
    },
    {
      iterations: 3,
      warmupIterations: 1,
      teardown: () => console.log(`heap growth during one run: up to ${(peak / 1e6).toFixed(0)} MB`),
    },
  );
});
