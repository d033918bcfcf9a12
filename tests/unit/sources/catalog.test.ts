import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHttpUrl } from '@/utils/model';
import { CatalogParseError, parseCatalog } from '@/utils/sources/catalog';
import { DETECTORS } from '@/utils/tools';

const DEMO_TEXT = readFileSync(join(import.meta.dirname, '../../../public/catalog/demo.json'), 'utf8');

describe('parseCatalog', () => {
  const good = {
    id: 'a',
    kind: 'tip',
    title: 'T',
    summary: 'S',
    url: 'https://kb.example/a',
    updatedAt: '2026-10-01',
  };

  it('maps items with stable ids, epoch dates and the source targeting', () => {
    const { items, warnings } = parseCatalog(
      JSON.stringify({
        version: 1,
        items: [{ ...good, tools: ['jira'], reviewBy: '2027-01-01', tags: ['JQL'] }],
      }),
      'src',
      ['confluence'],
    );
    expect(warnings).toEqual([]);
    expect(items).toEqual([
      expect.objectContaining({
        id: 'src:a',
        sourceId: 'src',
        tools: ['confluence', 'jira'],
        tags: ['jql'],
        updatedAt: Date.parse('2026-10-01'),
        reviewBy: Date.parse('2027-01-01'),
      }),
    ]);
  });

  it('skips bad items with a warning each and keeps the good ones', () => {
    const { items, warnings } = parseCatalog(
      JSON.stringify({
        items: [
          good,
          { ...good, id: 'js', url: 'javascript:alert(1)' },
          { ...good, id: 'a' },
          { ...good, id: 'nodate', updatedAt: 'soon' },
          { ...good, id: 'nokind', kind: 'banner' },
          'text',
        ],
      }),
      'src',
    );
    expect(items.map((item) => item.id)).toEqual(['src:a']);
    expect(warnings).toEqual([
      expect.stringContaining('dropped, its link is not http(s)'),
      expect.stringContaining('duplicate id'),
      expect.stringContaining('"updatedAt" is not a date'),
      expect.stringContaining('"kind"'),
      expect.stringContaining('not an object'),
    ]);
  });

  it.each([
    ['{"items": [', /not valid JSON/],
    ['[]', /must be a JSON object/],
    ['{"title": "x"}', /no "items" list/],
    ['{"version": 9, "items": []}', /newer than this Signpost understands/],
  ])('explains what is wrong with %s', (text, message) => {
    expect(() => parseCatalog(text, 'src')).toThrow(CatalogParseError);
    expect(() => parseCatalog(text, 'src')).toThrow(message);
  });
});

describe('the embedded demo catalog', () => {
  const { items, warnings } = parseCatalog(DEMO_TEXT, 'builtin-demo');
  const known = new Set(DETECTORS.map((detector) => detector.id));

  it('is complete and valid: 60+ items, none skipped', () => {
    expect(warnings).toEqual([]);
    expect(items.length).toBeGreaterThanOrEqual(60);
  });

  it('covers the tools people use most, each item aimed at a tool Signpost recognises', () => {
    const covered = new Set(items.flatMap((item) => item.tools));
    for (const tool of [
      'github',
      'google-docs',
      'google-sheets',
      'gmail',
      'jira',
      'confluence',
      'salesforce',
      'slack',
    ]) {
      expect(covered, tool).toContain(tool);
    }
    expect([...covered].some((tool) => ['outlook', 'teams', 'sharepoint', 'onedrive'].includes(tool))).toBe(
      true,
    );
    for (const item of items) {
      expect(item.tools.length, item.id).toBeGreaterThan(0);
      for (const tool of item.tools) expect(known, `${item.id} → ${tool}`).toContain(tool);
    }
  });

  it('has both kinds, https links, two-minute summaries and owners', () => {
    expect(new Set(items.map((item) => item.kind))).toEqual(new Set(['tip', 'article']));
    for (const item of items) {
      expect(isHttpUrl(item.url) && item.url.startsWith('https://'), item.id).toBe(true);
      const words = item.summary.split(/\s+/).length;
      expect(words, item.id).toBeGreaterThan(30);
      expect(words, item.id).toBeLessThanOrEqual(400);
      expect(item.owner, item.id).toBeTruthy();
      expect(item.tags.length, item.id).toBeGreaterThan(0);
    }
  });
});

describe('the catalog JSON Schema', () => {
  const schema = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../../public/catalog.schema.json'), 'utf8'),
  );
  const itemSchema = schema.properties.items.items;

  it('declares every field the demo catalog uses, and requires what the parser requires', () => {
    const demo = JSON.parse(DEMO_TEXT) as { items: Record<string, unknown>[] };
    const declared = new Set(Object.keys(itemSchema.properties));
    for (const item of demo.items) for (const key of Object.keys(item)) expect(declared, key).toContain(key);
    expect(itemSchema.required).toEqual(['id', 'kind', 'title', 'url']);
    expect(itemSchema.properties.kind.enum).toEqual(['article', 'tip']);
  });
});
