/**
 * matchItems on generated catalogs of 10,000 and 50,000 items over 20 tools, against the naive
 * Fuse.js setup it replaces (one Fuse over every item, default options, the page title as the
 * pattern), and the cost of loading a stored index snapshot. The catalog and the page contexts
 * come from a seeded generator, so runs are comparable. Targets: p95 ≤ 2 ms at 10k and ≤ 8 ms at
 * 50k; snapshot load ≤ 50 ms at 10k.
 */
import Fuse from 'fuse.js';
import { bench, describe } from 'vitest';
import { buildMatchIndex, loadMatchIndex, matchItems, serializeMatchIndex } from '@/utils/match';
import type { PageContext } from '@/utils/model';
import { generateCatalog, generateContexts } from '../fixtures/match/generate';

const OPTIONS = { now: Date.parse('2026-11-15'), audiences: ['engineering'] };

function rotating(contexts: PageContext[]): () => PageContext {
  let i = 0;
  return () => contexts[i++ % contexts.length] as PageContext;
}

for (const size of [10_000, 50_000]) {
  describe(`${size.toLocaleString('en')} items, 20 tools`, () => {
    const { items, tools } = generateCatalog(size);
    const contexts = generateContexts(tools, 200);
    const index = buildMatchIndex(items);
    // Warm up every tool's typo dictionary outside the timed loop, as a long-lived worker would.
    for (const context of contexts) matchItems(index, context, OPTIONS);
    const nextContext = rotating(contexts);

    bench('matchItems, 200 page contexts in turn', () => {
      matchItems(index, nextContext(), OPTIONS);
    });

    const fuse = new Fuse(items, { keys: ['title', 'tags', 'summary'] });
    const nextTitle = rotating(contexts);
    bench(
      'naive baseline: one Fuse over all items, search(context.title)',
      () => {
        fuse.search(nextTitle().title);
      },
      { iterations: 5, time: 0, warmupIterations: 1, warmupTime: 0 },
    );

    if (size === 10_000) {
      const snapshot = structuredClone(serializeMatchIndex(index));
      bench('loadMatchIndex(serializeMatchIndex(index))', () => {
        loadMatchIndex(serializeMatchIndex(index));
      });
      bench('loadMatchIndex(stored snapshot) + first match', () => {
        const loaded = loadMatchIndex(snapshot);
        if (loaded) matchItems(loaded, nextContext(), OPTIONS);
      });
      bench(
        'buildMatchIndex (for comparison)',
        () => {
          buildMatchIndex(items);
        },
        { iterations: 5, time: 0 },
      );
    }
  });
}
