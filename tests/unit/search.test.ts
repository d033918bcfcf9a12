import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchItems } from '@/utils/search';
import { parseCatalog } from '@/utils/sources/catalog';

const demo = parseCatalog(
  readFileSync(join(import.meta.dirname, '../../public/catalog/demo.json'), 'utf8'),
  'builtin-demo',
).items;
const index = buildSearchIndex(demo);
const ids = (query: string, opts = {}) => searchItems(index, query, opts).map((hit) => hit.item.id);

describe('searchItems', () => {
  it('finds items by title words, best first', () => {
    expect(ids('xlookup')[0]).toBe('builtin-demo:google-sheets-xlookup');
    expect(ids('schedule send')).toContain('builtin-demo:gmail-schedule-send');
  });

  it('matches the word being typed as a prefix, and tolerates a typo and inflections', () => {
    expect(ids('xloo')).toContain('builtin-demo:google-sheets-xlookup');
    expect(ids('xlokup')).toContain('builtin-demo:google-sheets-xlookup');
    expect(ids('scheduled emails')).toContain('builtin-demo:gmail-schedule-send');
  });

  it('needs every word, and finds nothing for nonsense or an empty query', () => {
    expect(ids('xlookup huddle')).toEqual([]);
    expect(ids('qwzzxv')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('filters by tool and kind', () => {
    const all = searchItems(index, 'schedule');
    expect(new Set(all.map((hit) => hit.item.tools[0])).size).toBeGreaterThan(1);
    for (const hit of searchItems(index, 'schedule', { tool: 'slack' }))
      expect(hit.item.tools).toContain('slack');
    for (const hit of searchItems(index, 'schedule', { kind: 'tip' })) expect(hit.item.kind).toBe('tip');
    expect(searchItems(index, 'schedule', { limit: 1 })).toHaveLength(1);
  });
});
