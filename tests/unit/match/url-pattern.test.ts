import { describe, expect, it } from 'vitest';
import { buildMatchIndex, matchItems } from '@/utils/match';
import {
  compileUrlPattern,
  globMatches,
  normalizeUrlPattern,
  URL_PATTERN_MAX,
  urlPatternProblem,
} from '@/utils/match/url-pattern';
import { type KnowledgeItem, parseKnowledgeItem } from '@/utils/model';
import { findRule } from '@/utils/rules/tool-rules';
import { parseCatalog } from '@/utils/sources/catalog';

/** Many stars before a literal that never comes: exponential for a backtracking regex. */
const HOSTILE = `*://*/${'*a'.repeat(14)}*b`;
const LONG_PATH = `https://example.com/${'a'.repeat(80)}`;

describe('globMatches', () => {
  it('matches like a regex with .* for each star', () => {
    expect(globMatches('/app/*', '/app/')).toBe(true);
    expect(globMatches('/app/*', '/app/x/y')).toBe(true);
    expect(globMatches('/app/*', '/ap')).toBe(false);
    expect(globMatches('/a*b*c', '/aXbYc')).toBe(true);
    expect(globMatches('/a*b*c', '/acb')).toBe(false);
    expect(globMatches('*ab*ab', 'abab')).toBe(true);
    expect(globMatches('*aba*', 'ab')).toBe(false);
    expect(globMatches('/exact', '/exact')).toBe(true);
    expect(globMatches('/exact', '/exact/')).toBe(false);
    expect(globMatches('a*a', 'a')).toBe(false);
  });

  it('answers a hostile pattern against a long path (a backtracking regex does not finish)', () => {
    const pattern = compileUrlPattern(HOSTILE);
    expect(pattern.includes(LONG_PATH)).toBe(false);
    expect(pattern.includes(`${LONG_PATH}b`)).toBe(true);
  });
});

describe('compileUrlPattern', () => {
  it('follows WebExtension match pattern semantics', () => {
    const sub = compileUrlPattern('*://*.example.com/app/*');
    expect(sub.includes('https://example.com/app/1')).toBe(true);
    expect(sub.includes('http://a.b.example.com/app/')).toBe(true);
    expect(sub.includes('https://notexample.com/app/1')).toBe(false);
    expect(sub.includes('ftp://example.com/app/1')).toBe(false);
    expect(sub.includes('https://example.com/other')).toBe(false);
    expect(sub.includes('not a url')).toBe(false);
    const exact = compileUrlPattern('https://JIRA.corp.example/browse/*');
    expect(exact.includes('https://jira.corp.example/browse/X-1?q=1')).toBe(true);
    expect(exact.includes('http://jira.corp.example/browse/X-1')).toBe(false);
  });

  it('says what is wrong with a malformed pattern', () => {
    expect(urlPatternProblem('bogus')).toMatch(/Incorrect format/);
    expect(urlPatternProblem('gopher://x/*')).toMatch(/not a valid protocol/);
    expect(urlPatternProblem('https://a.*.com/*')).toMatch(/start of the hostname/);
    expect(urlPatternProblem('https://x.example:8080/*')).toMatch(/port/);
  });
});

describe('normalizeUrlPattern', () => {
  it('collapses runs of stars', () => {
    expect(normalizeUrlPattern(' https://x.example/***a**/* ')).toEqual({
      pattern: 'https://x.example/*a*/*',
    });
  });

  it('refuses too many stars, too long and malformed patterns with a reason', () => {
    expect(normalizeUrlPattern(HOSTILE)).toEqual({
      problem: expect.stringMatching(/17 wildcards.*at most 10/),
    });
    const long = `https://x.example/${'a'.repeat(URL_PATTERN_MAX)}`;
    expect(normalizeUrlPattern(long)).toEqual({ problem: expect.stringMatching(/at most 500/) });
    expect(normalizeUrlPattern('nope')).toEqual({ problem: expect.stringMatching(/Incorrect format/) });
  });
});

const TIP = {
  id: 'c:1',
  sourceId: 'c',
  kind: 'tip',
  title: 'Approve invoices faster',
  summary: 'Use the approval queue.',
  url: 'https://kb.example/1',
  tags: ['invoice'],
  tools: [],
  updatedAt: 1,
};

describe('items with urlPatterns', () => {
  it('a stored item keeps its usable patterns, collapsed, and is dropped when none is usable', () => {
    expect(
      parseKnowledgeItem({ ...TIP, urlPatterns: ['https://x.example/**', HOSTILE] })?.urlPatterns,
    ).toEqual(['https://x.example/*']);
    expect(parseKnowledgeItem({ ...TIP, urlPatterns: [HOSTILE] })).toBeNull();
  });

  it('the catalog warns about a refused pattern and leaves out an item with no usable one', () => {
    const { items, warnings } = parseCatalog(
      JSON.stringify({
        items: [
          { ...TIP, id: 'a', urlPatterns: [HOSTILE] },
          { ...TIP, id: 'b', urlPatterns: [HOSTILE, 'https://x.example/*'] },
        ],
      }),
      'c',
    );
    expect(items.map((item) => item.id)).toEqual(['c:b']);
    expect(warnings.join('\n')).toMatch(/item 1 \(a\): URL pattern .* wildcards/);
    expect(warnings.join('\n')).toMatch(/item 1 \(a\): left out/);
    expect(warnings.join('\n')).toMatch(/item 2 \(b\): URL pattern/);
  });

  it('matching a page against a hostile pattern that reached the index still answers', () => {
    const item = { ...TIP, urlPatterns: [HOSTILE] } as KnowledgeItem;
    const index = buildMatchIndex([item]);
    const context = {
      tool: null,
      url: LONG_PATH,
      title: 'invoice approval',
      headings: [],
      keywords: ['invoice'],
    };
    expect(matchItems(index, context)).toEqual([]);
  });

  it('admin tool rules use the same matcher', () => {
    const rules = [{ tool: 'x', matches: [HOSTILE] }];
    expect(findRule(LONG_PATH, rules)).toBeUndefined();
    expect(findRule(`${LONG_PATH}b`, rules)?.tool).toBe('x');
  });
});
