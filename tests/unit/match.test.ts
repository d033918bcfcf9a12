import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, matchItems } from '@/utils/match';
import { distinctiveTerms } from '@/utils/match/terms';
import type { KnowledgeItem, PageContext } from '@/utils/model';
import { parseCatalog } from '@/utils/sources/catalog';

const demo = parseCatalog(
  readFileSync(join(import.meta.dirname, '../../public/catalog/demo.json'), 'utf8'),
  'builtin-demo',
).items;

function item(id: string, change: Partial<KnowledgeItem>): KnowledgeItem {
  return {
    id,
    sourceId: 's',
    kind: 'article',
    title: id,
    summary: '',
    url: `https://kb.example/${id}`,
    tags: [],
    tools: ['jira'],
    updatedAt: 0,
    ...change,
  };
}

const ctx = (change: Partial<PageContext>): PageContext => ({
  tool: 'jira',
  url: 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1',
  title: '',
  headings: [],
  keywords: [],
  ...change,
});

describe('distinctiveTerms', () => {
  it('drops the tool name, stop words and numbers, and puts the area first', () => {
    const terms = distinctiveTerms(
      ctx({
        title: 'KAN board - Jira',
        headings: ['The Sprint 14'],
        keywords: ['Complete sprint'],
        area: 'board',
      }),
      'Jira',
    );
    expect(terms[0]).toBe('board');
    expect(terms).toContain('sprint');
    expect(terms).not.toContain('jira');
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('14');
  });
});

describe('matchItems', () => {
  it('finds items for the screen, only for its tool, with readable reasons', () => {
    const index = buildMatchIndex([
      item('sprint', { title: 'Close a sprint cleanly', tags: ['sprint', 'board'] }),
      item('jql', { title: 'Search with JQL', tags: ['filter', 'jql'] }),
      item('gh', { title: 'Sprint planning with GitHub projects', tags: ['sprint'], tools: ['github'] }),
    ]);
    const matches = matchItems(
      index,
      ctx({ headings: ['Sprint 14'], keywords: ['Complete sprint'], area: 'board' }),
    );
    expect(matches.map((m) => m.item.id)).toEqual(['sprint']);
    expect(matches[0]?.reasons).toEqual([
      'for Jira',
      'for Jira board screens',
      "matches 'board'",
      "matches 'sprint'",
    ]);
  });

  it('tolerates a typo on the page', () => {
    const index = buildMatchIndex([item('backlog', { title: 'Groom the backlog', tags: ['backlog'] })]);
    expect(matchItems(index, ctx({ headings: ['Backlgo'] })).map((m) => m.item.id)).toEqual(['backlog']);
  });

  it('returns nothing rather than something unrelated', () => {
    const index = buildMatchIndex([item('jql', { title: 'Search with JQL', tags: ['jql'] })]);
    expect(matchItems(index, ctx({ headings: ['Team lunch menu'], area: 'board' }))).toEqual([]);
    expect(matchItems(index, ctx({ tool: null, headings: ['JQL'] }))).toEqual([]);
  });

  it("offers the tool's current tips on a screen with nothing specific, respecting their window", () => {
    const now = Date.parse('2026-11-01');
    const index = buildMatchIndex([
      item('current', { kind: 'tip', startsAt: Date.parse('2026-10-01'), endsAt: Date.parse('2027-01-01') }),
      item('expired', { kind: 'tip', endsAt: Date.parse('2026-10-01') }),
      item('future', { kind: 'tip', startsAt: Date.parse('2027-01-01') }),
      item('article', {}),
    ]);
    expect(matchItems(index, ctx({}), { now }).map((m) => m.item.id)).toEqual(['current']);
  });

  it('leaves out excluded items and respects the limit', () => {
    const index = buildMatchIndex(
      ['a', 'b', 'c', 'd'].map((id) => item(id, { title: `Sprint report ${id}`, tags: ['sprint'] })),
    );
    const context = ctx({ headings: ['Sprint report'] });
    expect(matchItems(index, context)).toHaveLength(3);
    expect(matchItems(index, context, { limit: 1 })).toHaveLength(1);
    expect(matchItems(index, context, { exclude: new Set(['a', 'b', 'c']) }).map((m) => m.item.id)).toEqual([
      'd',
    ]);
  });

  it('needs more than a passing word to show a general item', () => {
    const index = buildMatchIndex([
      item('security', { title: 'Report a phishing email', tags: ['phishing', 'security'], tools: [] }),
    ]);
    expect(matchItems(index, ctx({ keywords: ['Report'] }))).toEqual([]);
    expect(
      matchItems(index, ctx({ headings: ['Report phishing'], keywords: ['Phishing', 'Security'] })),
    ).toHaveLength(1);
  });

  it('on the demo catalog, each tool screen gets items of that tool only', () => {
    const index = buildMatchIndex(demo);
    const screens: PageContext[] = [
      ctx({
        title: 'KAN board',
        headings: ['KAN Sprint 14', 'To Do'],
        keywords: ['Complete sprint'],
        area: 'board',
      }),
      ctx({
        tool: 'github',
        url: 'https://github.com/acme/webapp/pull/42',
        headings: ['Fix flaky login test', 'Reviewers'],
        keywords: ['Review changes', 'Files changed'],
        area: 'pull-request',
      }),
    ];
    for (const screen of screens) {
      const matches = matchItems(index, screen);
      expect(matches.length, screen.tool ?? '').toBeGreaterThan(0);
      for (const match of matches) expect(match.item.tools).toContain(screen.tool);
    }
  });
});
