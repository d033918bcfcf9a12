import { describe, expect, it } from 'vitest';
import { isHttpUrl, parseKnowledgeItem, parsePageContext } from '@/utils/model';

const item = {
  id: 'src:1',
  sourceId: 'src',
  kind: 'tip',
  title: 'Use JQL',
  summary: 'Text',
  url: 'https://example.com/a',
  tags: ['JQL'],
  tools: ['jira'],
  updatedAt: 1,
};

describe('isHttpUrl', () => {
  it('accepts only absolute http(s) links', () => {
    expect(isHttpUrl('https://example.com/x')).toBe(true);
    expect(isHttpUrl('http://intranet/kb/1')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '/relative',
      'ftp://x',
      42,
    ]) {
      expect(isHttpUrl(bad)).toBe(false);
    }
  });
});

describe('parseKnowledgeItem', () => {
  it('keeps a valid item and lowercases tags', () => {
    expect(parseKnowledgeItem(item)).toEqual({ ...item, tags: ['jql'] });
  });

  it.each([
    ['a javascript: link', { url: 'javascript:alert(1)' }],
    ['an unknown kind', { kind: 'banner' }],
    ['an empty title', { title: '  ' }],
    ['a non-numeric date', { updatedAt: '2026-01-01' }],
    ['tags that are not strings', { tags: [1, 2] }],
    ['a bad window', { startsAt: Number.NaN }],
  ])('drops an item with %s', (_, change) => {
    expect(parseKnowledgeItem({ ...item, ...change })).toBeNull();
  });
});

describe('parsePageContext', () => {
  const context = {
    tool: 'jira',
    url: 'https://acme.atlassian.net/browse/KAN-1',
    title: 'T',
    headings: [],
    keywords: [],
  };

  it('accepts a well-formed context and cuts over-long values', () => {
    const parsed = parsePageContext({ ...context, title: 'x'.repeat(5000), keywords: Array(500).fill('k') });
    expect(parsed?.title.length).toBe(300);
    expect(parsed?.keywords.length).toBe(60);
  });

  it.each([
    ['no object', null],
    ['a non-http url', { ...context, url: 'chrome://settings' }],
    ['headings that are not strings', { ...context, headings: [{}] }],
    ['a numeric tool', { ...context, tool: 5 }],
  ])('rejects %s', (_, value) => {
    expect(parsePageContext(value)).toBeNull();
  });
});
