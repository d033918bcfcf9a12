/**
 * matchItems at scale: the real documentation catalogs of tests/relevance/data together (≈4,900
 * articles of four tools) with their labelled screens, and generated catalogs of 5,000, 10,000 and
 * 50,000 items over 20 tools (a seeded generator, so runs are comparable). Per catalog: building the
 * index, one match (vitest reports p75/p99; p99 bounds the p95 target), loading a stored snapshot,
 * bringing the index up to date after a sync that changed ten items;
 * FlexSearch per tool on the same items and pages (every catalog), and the naive one-Fuse setup
 * (the real one and 5,000 items), as anchors.
 * Targets at 5,000 items: build ≤ 500 ms, p95 match ≤ 2 ms, snapshot load ≤ 50 ms.
 */
import { Document } from 'flexsearch';
import Fuse from 'fuse.js';
import { bench, describe } from 'vitest';
import { buildMatchIndex, loadMatchIndex, matchItems, serializeMatchIndex } from '@/utils/match';
import { updateMatchIndex } from '@/utils/match/update';
import type { KnowledgeItem, PageContext } from '@/utils/model';
import { generateCatalog, generateContexts } from '../fixtures/match/generate';
import { screenSets } from '../relevance/load';

const OPTIONS = { now: Date.parse('2026-11-15'), audiences: ['engineering'] };

function rotating<T>(list: T[]): () => T {
  let i = 0;
  return () => list[i++ % list.length] as T;
}

/** FlexSearch 0.8, one document index per tool over title, tags and summary. */
function flexsearchAnchor(items: KnowledgeItem[]): (context: PageContext) => unknown {
  const byTool = new Map<string, Document>();
  for (const [i, item] of items.entries()) {
    for (const tool of item.tools.length ? item.tools : ['']) {
      let index = byTool.get(tool);
      if (!index) {
        index = new Document({ document: { id: 'id', index: ['title', 'tags', 'summary'] } });
        byTool.set(tool, index);
      }
      index.add({ id: i, title: item.title, tags: item.tags.join(' '), summary: item.summary });
    }
  }
  return (context) =>
    byTool
      .get(context.tool ?? '')
      ?.search([context.title, ...context.headings].join(' '), { limit: 10, suggest: true });
}

function suite(
  name: string,
  items: KnowledgeItem[],
  contexts: PageContext[],
  anchors: { flexsearch: boolean; fuse: boolean },
) {
  describe(name, () => {
    const index = buildMatchIndex(items);
    // Warm up typo dictionaries outside the timed loop, as a long-lived worker would.
    for (const context of contexts) matchItems(index, context, OPTIONS);
    const next = rotating(contexts);
    const snapshot = structuredClone(serializeMatchIndex(index));

    bench('matchItems, page contexts in turn', () => {
      matchItems(index, next(), OPTIONS);
    });
    bench('loadMatchIndex(stored snapshot)', () => {
      loadMatchIndex(snapshot);
    });
    bench(
      'buildMatchIndex',
      () => {
        buildMatchIndex(items);
      },
      { iterations: 5, time: 0 },
    );
    // A sync that changed ten items (their titles): only they are analysed again.
    const synced = items.map((item, i) =>
      i % Math.floor(items.length / 10) === 0 ? { ...item, title: `${item.title} (revised)` } : item,
    );
    bench(
      'updateMatchIndex, 10 items changed',
      () => {
        updateMatchIndex(index, synced);
      },
      { iterations: 10, time: 0 },
    );
    if (anchors.flexsearch) {
      const flex = flexsearchAnchor(items);
      const nextFlex = rotating(contexts);
      bench('anchor: FlexSearch per tool, title and headings as the query', () => {
        flex(nextFlex());
      });
    }
    if (anchors.fuse) {
      const fuse = new Fuse(items, { keys: ['title', 'tags', 'summary'] });
      const nextTitle = rotating(contexts);
      bench(
        'anchor: one Fuse over all items, search(context.title)',
        () => {
          fuse.search(nextTitle().title);
        },
        { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 },
      );
    }
  });
}

const real = screenSets();
suite(
  `real documentation, ${real.reduce((n, s) => n + s.items.length, 0).toLocaleString('en')} items`,
  real.flatMap((s) => s.items),
  real.flatMap((s) => s.screens.map((screen) => screen.context)),
  { flexsearch: true, fuse: true },
);

for (const size of [5_000, 10_000, 50_000]) {
  const { items, tools } = generateCatalog(size);
  suite(
    `${size.toLocaleString('en')} generated items, 20 tools`,
    items,
    generateContexts(tools, 200),
    // FlexSearch at every size (the speed target is set against it); one Fuse over 50,000 items
    // would take minutes for nothing new.
    { flexsearch: true, fuse: size === 5_000 },
  );
}
