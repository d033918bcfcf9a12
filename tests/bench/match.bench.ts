import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { buildMatchIndex, matchItems } from '@/utils/match';
import type { KnowledgeItem, PageContext } from '@/utils/model';
import { parseCatalog } from '@/utils/sources/catalog';

const demo = parseCatalog(
  readFileSync(join(import.meta.dirname, '../../public/catalog/demo.json'), 'utf8'),
  'builtin-demo',
).items;

const board: PageContext = {
  tool: 'jira',
  url: 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1',
  title: 'KAN board - Scrum - Jira',
  headings: ['KAN Sprint 14', 'To Do', 'In Progress', 'Done'],
  keywords: ['Complete sprint', 'Group by: None', 'Search this board', 'Insights', 'Release'],
  area: 'board',
};

/** Demo items copied to `n` with varied titles, spread over 20 tools as a large KB would be. */
function scaled(n: number): KnowledgeItem[] {
  const tools = [
    'jira',
    'github',
    'salesforce',
    'slack',
    'gmail',
    ...Array.from({ length: 15 }, (_, i) => `t${i}`),
  ];
  return Array.from({ length: n }, (_, i) => {
    const base = demo[i % demo.length] as KnowledgeItem;
    return {
      ...base,
      id: `x:${i}`,
      title: `${base.title} (${i})`,
      tools: [tools[i % tools.length] as string],
    };
  });
}

describe('matchItems, Jira board context', () => {
  const demoIndex = buildMatchIndex(demo);
  const index10k = buildMatchIndex(scaled(10_000));
  matchItems(index10k, board); // build the per-tool Fuse index outside the timed loop

  bench(`demo catalog (${demo.length} items)`, () => {
    matchItems(demoIndex, board);
  });
  bench('10,000 items, 20 tools', () => {
    matchItems(index10k, board);
  });
});
