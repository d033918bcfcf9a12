import { describe, expect, it } from 'vitest';
import type { KnowledgeItem } from '@/utils/model';
import {
  initialQuery,
  openSearch,
  PENDING_QUERY_MS,
  queryFromSelection,
  searchPageUrl,
} from '@/utils/search-anywhere/menu';
import {
  escapeXml,
  OMNIBOX_SUGGESTIONS,
  omniboxSuggestions,
  omniboxTarget,
} from '@/utils/search-anywhere/omnibox';

const item = (id: string, title: string, url: string, summary = 'How to do it.'): KnowledgeItem => ({
  id,
  sourceId: 'kb',
  kind: 'article',
  title,
  summary,
  url,
  tags: [],
  tools: [],
  updatedAt: 0,
});

describe('the context menu', () => {
  it('turns a selection into one trimmed line of at most 200 characters', () => {
    expect(queryFromSelection('  reset\n  my   password ')).toBe('reset my password');
    expect(queryFromSelection('x'.repeat(500))).toHaveLength(200);
    expect(queryFromSelection('   ')).toBeNull();
    expect(queryFromSelection(undefined)).toBeNull();
  });

  it('opens the popup with the query handed over, and a tab with ?q= when the popup cannot open', async () => {
    const handed: unknown[] = [];
    const tabs: string[] = [];
    const base = {
      handOver: async (pending: unknown) => void handed.push(pending),
      openTab: async (url: string) => void tabs.push(url),
      popupUrl: 'chrome-extension://id/popup.html',
      now: () => 1000,
    };
    expect(await openSearch('vpn & wifi', { ...base, openPopup: async () => undefined })).toBe('popup');
    expect(handed).toEqual([{ query: 'vpn & wifi', at: 1000 }]);
    expect(tabs).toEqual([]);
    const refused = async () => {
      throw new Error('no active browser window');
    };
    expect(await openSearch('vpn & wifi', { ...base, openPopup: refused })).toBe('tab');
    expect(await openSearch('vpn', base)).toBe('tab');
    expect(tabs).toEqual([
      'chrome-extension://id/popup.html?q=vpn%20%26%20wifi',
      'chrome-extension://id/popup.html?q=vpn',
    ]);
  });

  it('lets the popup start with ?q= or a fresh hand-over, never a stale one', () => {
    expect(initialQuery(`?q=${encodeURIComponent('expense <report>')}`, undefined, 0)).toBe(
      'expense <report>',
    );
    expect(initialQuery(searchPageUrl('x', 'a b').slice(1), undefined, 0)).toBe('a b');
    expect(initialQuery('', { query: 'vpn', at: 1000 }, 1000 + PENDING_QUERY_MS)).toBe('vpn');
    expect(initialQuery('', { query: 'vpn', at: 1000 }, 1001 + PENDING_QUERY_MS)).toBe('');
    expect(initialQuery('', { query: 42, at: 1000 }, 1000)).toBe('');
    expect(initialQuery('', null, 1000)).toBe('');
  });
});

describe('the address bar (sp)', () => {
  it('escapes item text for Chrome markup and keeps Firefox text plain', () => {
    const hits = [item('a', 'Q&A <b>board</b> "tips"', 'https://kb.example.com/a', "Don't <match>")];
    expect(omniboxSuggestions(hits, true)).toEqual([
      {
        content: 'https://kb.example.com/a',
        description:
          '<match>Q&amp;A &lt;b&gt;board&lt;/b&gt; &quot;tips&quot;</match> <dim>— Don&apos;t &lt;match&gt;</dim>',
      },
    ]);
    expect(omniboxSuggestions(hits, false)[0]?.description).toBe('Q&A <b>board</b> "tips" — Don\'t <match>');
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
  });

  it('offers only http(s) items, each address once, at most six', () => {
    const hits = [
      item('js', 'Bad', 'javascript:alert(1)'),
      item('dup1', 'One', 'https://kb.example.com/1'),
      item('dup2', 'One again', 'https://kb.example.com/1'),
      ...Array.from({ length: 10 }, (_, i) => item(`n${i}`, `Item ${i}`, `https://kb.example.com/n${i}`)),
    ];
    const suggestions = omniboxSuggestions(hits, true);
    expect(suggestions).toHaveLength(OMNIBOX_SUGGESTIONS);
    expect(suggestions.map((s) => s.content)).not.toContain('javascript:alert(1)');
    expect(new Set(suggestions.map((s) => s.content)).size).toBe(OMNIBOX_SUGGESTIONS);
  });

  it('opens http(s) addresses, searches for words, and opens nothing else', () => {
    expect(omniboxTarget(' https://kb.example.com/a ')).toEqual({ open: 'https://kb.example.com/a' });
    expect(omniboxTarget('reset password')).toEqual({ search: 'reset password' });
    expect(omniboxTarget('javascript:alert(1)')).toBeNull();
    expect(omniboxTarget('data:text/html,<b>x</b>')).toBeNull();
    expect(omniboxTarget('error: disk full')).toEqual({ search: 'error: disk full' });
    expect(omniboxTarget('  ')).toBeNull();
  });
});
