import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import feedAdapter, { FEED_LIMITS, parseFeed, TRUNCATED_WARNING } from '@/utils/sources/feed';
import { buildTree, XML_LIMITS } from '@/utils/sources/lib/xml';

const rss = (items: string) => `<rss version="2.0"><channel><title>T</title>${items}</channel></rss>`;

describe('XML element limit', () => {
  it('stops building the tree at the limit and says so', () => {
    const tree = buildTree(`<r>${'<x/>'.repeat(50)}</r>`, { vocabulary: () => '', maxNodes: 10 });
    expect(tree.truncated).toBe(true);
    expect(tree.root?.children).toHaveLength(9);
    expect(tree.cutInside).toBeUndefined();
  });

  it('counts attributes too', () => {
    const attrs = Array.from({ length: 40 }, (_, i) => `a${i}=""`).join(' ');
    const tree = buildTree(`<r>${`<x ${attrs}/>`.repeat(5)}</r>`, { vocabulary: () => '', maxNodes: 100 });
    expect(tree.truncated).toBe(true);
  });

  it('a feed of millions of empty elements is cut at the limit, keeping what came before', () => {
    const feed = parseFeed(
      rss(
        `<item><title>First</title><link>https://kb.example/1</link></item><item>${'<x/>'.repeat(300_000)}</item>`,
      ),
    );
    expect(feed.truncated).toBe(true);
    expect(feed.items.map((item) => item.title)).toEqual(['First']);
    expect(XML_LIMITS.nodes).toBe(200_000);
  });

  it('reads text in chunks without splitting an entity or a long text run', () => {
    const items = Array.from(
      { length: 3000 },
      (_, i) =>
        `<item><title>A &amp; B ${i} &#8212; &eacute;</title><link>https://kb.example/${i}</link></item>`,
    ).join('');
    const long = 'x &amp; '.repeat(20_000);
    const feed = parseFeed(rss(`${items}<item><title>Long</title><description>${long}</description></item>`));
    expect(feed.truncated).toBeUndefined();
    expect(feed.items).toHaveLength(3001);
    for (const [i, item] of feed.items.slice(0, 3000).entries()) expect(item.title).toBe(`A & B ${i} — é`);
    expect(feed.items.at(-1)?.summary).toBe('x & '.repeat(20_000).trim());
  });
});

describe('feed item limit', () => {
  it(`keeps the first ${FEED_LIMITS.items} items of a larger RSS feed and marks it truncated`, () => {
    const items = Array.from({ length: FEED_LIMITS.items + 5 }, (_, i) => `<item><title>${i}</title></item>`);
    const feed = parseFeed(rss(items.join('')));
    expect(feed.items).toHaveLength(FEED_LIMITS.items);
    expect(feed.items.at(-1)?.title).toBe(String(FEED_LIMITS.items - 1));
    expect(feed.truncated).toBe(true);
  });

  it('refuses a JSON Feed with more objects and lists than it reads, with the reason', () => {
    const json = `{"version":"https://jsonfeed.org/version/1.1","items":[${'{},'.repeat(200_001)}{}]}`;
    expect(() => parseFeed(json)).toThrow(/more than 200,000 objects and lists/);
  });

  it('the feed source says in its status that the feed was cut', async () => {
    const body = rss(
      `<item><title>Kept</title><link>https://kb.example/1</link></item>${'<x/>'.repeat(250_000)}`,
    );
    const config: SourceConfig = {
      id: 'news',
      type: 'feed',
      name: 'News',
      url: 'https://kb.example/feed.xml',
      builtin: false,
      tools: [],
    };
    const result = await feedAdapter.sync({
      config,
      fetch: async () => new Response(body),
      now: 0,
      maxItems: 500,
    });
    expect(result.mode === 'full' && result.warnings).toContain(TRUNCATED_WARNING);
    expect(result.mode === 'full' && result.items.map((item) => item.title)).toEqual(['Kept']);
  });
});
