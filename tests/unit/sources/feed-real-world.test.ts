/**
 * Shapes real feeds use that a plain RSS/Atom reader misses: base64 Atom content, iTunes podcast
 * summaries, full XHTML bodies, Media RSS titles, windows-1252 punctuation in feeds that say
 * ISO-8859-1, and DOCTYPE edge cases. Each goes through the feed source as a sync would, and comes
 * out as plain text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeItem, SourceConfig } from '@/utils/model';
import feedAdapter from '@/utils/sources/feed';

const FIXTURES = join(import.meta.dirname, '../../fixtures/feeds');
const CONFIG: SourceConfig = {
  id: 'news',
  type: 'feed',
  name: 'News',
  url: 'https://kb.example/feed.xml',
  builtin: false,
  tools: [],
};

async function items(name: string, contentType = 'application/xml'): Promise<KnowledgeItem[]> {
  const body = new Uint8Array(readFileSync(join(FIXTURES, name)));
  const result = await feedAdapter.sync({
    config: CONFIG,
    fetch: async () => new Response(body, { headers: { 'content-type': contentType } }),
    now: Date.parse('2026-01-01T00:00:00Z'),
    maxItems: 100,
  });
  if (result.mode !== 'full') throw new Error(`unexpected ${result.mode}`);
  return result.items;
}

const brief = (list: KnowledgeItem[]) => list.map(({ title, summary }) => ({ title, summary }));

describe('real-world feeds', () => {
  it('decodes base64 Atom content by its type: HTML to text, plain text as text, images not at all', async () => {
    expect(brief(await items('atom-base64.xml'))).toEqual([
      { title: 'Encoded HTML', summary: 'Passwörter & “Tresor” — neu' },
      { title: 'Encoded plain text', summary: 'Use a < b and <not a tag> in text.' },
      { title: 'An image, not text', summary: 'Kept summary' },
    ]);
  });

  it('reads itunes:summary and itunes:subtitle when an item has no description', async () => {
    expect(brief(await items('itunes.xml'))).toEqual([
      { title: 'VPN in two steps', summary: 'Connect with the new client & restart.' },
      { title: 'Only a subtitle', summary: 'Set up MFA on a new phone' },
      { title: 'Description wins', summary: 'The show notes.' },
    ]);
  });

  it('reads full items from xhtml:body and content:encoded, scripts dropped', async () => {
    const read = brief(await items('full-content.xml'));
    expect(read[0]).toEqual({
      title: 'Inline XHTML body',
      summary: expect.stringMatching(/^Open Settings & choose Security\.\s+One\s+Two$/),
    });
    expect(read[1]).toEqual({ title: 'Body in the default namespace', summary: 'Plain XHTML body.' });
    expect(read[2]).toEqual({ title: 'Encoded content', summary: 'The whole article.' });
  });

  it('takes media:title and media:description (also inside media:group) when the item has none of its own', async () => {
    expect(brief(await items('media-rss.xml'))).toEqual([
      { title: 'Filing expenses in Concur', summary: 'Snap the receipt, then submit.' },
      { title: 'Signing in with SSO', summary: 'Use your company address.' },
      { title: 'Own title wins', summary: '' },
    ]);
  });

  it('reads windows-1252 smart quotes, dashes and € in feeds declared ISO-8859-1', async () => {
    expect(brief(await items('latin1-smart-quotes.xml'))).toEqual([
      { title: 'It’s here – finally…', summary: 'Price: €5 • naïve' },
    ]);
    expect(
      brief(await items('latin1-header-smart-quotes.xml', 'application/rss+xml; charset=ISO-8859-1')),
    ).toEqual([{ title: '“Quoted” – dash', summary: '' }]);
  });

  it('reads past DOCTYPEs with comments, quotes, ]> and processing instructions in the subset, never expanding its entities', async () => {
    const [item] = await items('doctype-edge.xml');
    expect(item?.title).toBe('From &company; with © and ©');
    expect(item?.summary).toBe('Text after the subset.');
    expect(brief(await items('doctype-lowercase.xml'))).toEqual([{ title: 'One', summary: '' }]);
  });
});
