import { bench, describe } from 'vitest';
import { firstHeading } from '@/utils/sources/lib/headings';
import { linkEntries } from '@/utils/sources/servicenow';

/**
 * Hostile source data for the two parsers that used backtracking regexes: a DokuWiki page of 20,000
 * unclosed `<h1>` (80 KB) and a ServiceNow Link header of 20,000 `<` without `>`. The "before" rows
 * run the regexes the adapters used until then, once each.
 */
const PAGE = '<h1>'.repeat(20_000);
const HEADER = '<'.repeat(20_000);
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

describe('hostile DokuWiki page (20,000 unclosed <h1>)', () => {
  bench('firstHeading (one pass)', () => {
    firstHeading(PAGE);
  });
  bench(
    'heading regex (before)',
    () => {
      /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/i.exec(PAGE);
    },
    once,
  );
});

describe('hostile ServiceNow Link header (20,000 "<")', () => {
  bench('linkEntries (one pass)', () => {
    [...linkEntries(HEADER)];
  });
  bench(
    'Link regex (before)',
    () => {
      [...HEADER.matchAll(/<([^>]*)>([^,<]*)/g)];
    },
    once,
  );
});
