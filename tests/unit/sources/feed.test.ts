import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Feed, FeedParseError, parseFeed } from '@/utils/sources/feed';

const FIXTURES = join(import.meta.dirname, '../../fixtures/feeds');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const text = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** The FeedParseError message `parse` throws (fails when it does not throw one). */
function failure(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return (error as Error).message;
  }
  throw new Error('expected a FeedParseError');
}

describe('parseFeed: RSS', () => {
  it('maps RSS 2.0 with CDATA, entities, content:encoded, dc:creator and categories', () => {
    expect(parseFeed(text('rss2.xml'))).toEqual<Feed>({
      format: 'rss',
      title: 'Acme Help Center & Release Notes',
      link: 'https://help.acme.example/',
      description: "What's new in <b>Acme</b>",
      items: [
        {
          id: 'acme-article-1001',
          title: 'Bulk edit: 50 issues at once',
          link: 'https://help.acme.example/articles/bulk-edit',
          // Escaped HTML becomes HTML; an escaped entity stays an entity of that HTML.
          summary: 'Select <b>many</b> issues &amp; edit them — fast 🚀',
          content:
            '<p>Open the <a href="/search">search</a>, tick the issues &amp; choose <em>Bulk edit</em>.</p>',
          published: 'Tue, 03 Jun 2025 09:30:00 +0000',
          categories: ['Jira', 'Productivity'],
          author: 'Dana Reyes',
        },
        {
          id: 'https://help.acme.example/articles/shortcuts',
          title: 'Keyboard shortcuts',
          // No <link>: a permalink guid is the address.
          link: 'https://help.acme.example/articles/shortcuts',
          summary: 'Press <kbd>?</kbd> anywhere.',
          published: 'Mon, 02 Jun 2025 08:00:00 GMT',
          categories: [],
          author: 'docs@acme.example (Docs Team)',
        },
      ],
    });
  });

  it('reads RSS 0.91 with a DOCTYPE, ignoring the image block', () => {
    const feed = parseFeed(bytes('rss091.xml'));
    expect(feed).toEqual<Feed>({
      format: 'rss',
      title: 'Intranet News',
      link: 'http://intranet.example/news/',
      description: 'Company news',
      items: [
        {
          title: 'Expense tool moves to SAP Concur',
          link: 'http://intranet.example/news/concur',
          summary: 'From 1 July, file expenses in Concur.',
          categories: [],
        },
        { title: 'New VPN client', link: 'http://intranet.example/news/vpn', categories: [] },
      ],
    });
  });

  it('reads RDF / RSS 1.0 with rdf:about ids, dc:date and dc:subject', () => {
    expect(parseFeed(text('rdf.xml'))).toEqual<Feed>({
      format: 'rdf',
      title: 'Team Wiki',
      link: 'https://wiki.example/',
      description: 'Recent changes',
      items: [
        {
          id: 'https://wiki.example/page/onboarding',
          title: 'Onboarding checklist',
          link: 'https://wiki.example/page/onboarding',
          summary: 'Accounts, laptop & first-week meetings.',
          published: '2025-05-30T12:00:00Z',
          categories: ['HR', 'Onboarding'],
          author: 'Sam Lee',
        },
        {
          id: 'https://wiki.example/page/vacation',
          title: 'Vacation policy',
          link: 'https://wiki.example/page/vacation',
          published: '2025-05-29',
          categories: [],
        },
      ],
    });
  });

  it('joins a CDATA section split to carry "]]>"', () => {
    const [item] = parseFeed(text('split-cdata.xml')).items;
    expect(item?.summary).toBe('<code>a[b[0]]></code> ends with ]]>');
  });

  it('resolves relative RSS links against xml:base, then the feed URL', () => {
    const xml = `<rss><channel xml:base="https://site.example/blog/"><title>B</title><link>./</link>
      <item><title>A</title><link>posts/a</link></item>
      <item xml:base="/news/"><title>B</title><link>b</link></item></channel></rss>`;
    const feed = parseFeed(xml, { baseUrl: 'https://feeds.example/rss' });
    expect(feed.link).toBe('https://site.example/blog/');
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://site.example/blog/posts/a',
      'https://site.example/news/b',
    ]);

    const plain = parseFeed('<rss><channel><item><title>A</title><link> /a </link></item></channel></rss>', {
      baseUrl: 'https://feeds.example/x/rss.xml',
    });
    expect(plain.items[0]?.link).toBe('https://feeds.example/a');
    // Without any base a relative link stays as written.
    expect(parseFeed('<rss><channel><item><link>/a</link></item></channel></rss>').items[0]?.link).toBe('/a');
  });

  it('keeps raw HTML written straight into a description as HTML', () => {
    const [item] = parseFeed(
      '<rss><channel><item><title>T</title><description><p>Hi <b class="x">there</b><br/></p></description></item></channel></rss>',
    ).items;
    expect(item?.summary).toBe('<p>Hi <b class="x">there</b><br></p>');
  });
});

describe('parseFeed: Atom', () => {
  const feed = parseFeed(text('atom.xml'), { baseUrl: 'https://ignored.example/feed' });

  it('reads the feed head, preferring the alternate link over self', () => {
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Knowledge Base');
    expect(feed.link).toBe('https://kb.example/docs/');
    expect(feed.description).toBe('Articles <i>for everyone</i>');
    expect(feed.items).toHaveLength(3);
  });

  it('maps an entry with xml:base, xhtml content, text summary and categories', () => {
    expect(feed.items[0]).toEqual({
      id: 'tag:kb.example,2025:1',
      title: 'Reset your password',
      // rel-less link wins over edit and enclosure; the entry's xml:base is root-relative.
      link: 'https://kb.example/articles/reset-password',
      summary: 'Use the 1 < 2 rule & stay safe.',
      content:
        '<p>Go to <a href="/profile">Profile</a> &amp; choose <b>Reset</b>.</p><img src="r.png" alt=""><br>',
      published: '2025-05-01T09:00:00Z',
      updated: '2025-05-20T09:00:00Z',
      categories: ['accounts', 'Security'],
      author: 'Ana Costa',
    });
  });

  it('keeps text content as text and inherits the feed author', () => {
    expect(feed.items[1]).toEqual({
      id: 'tag:kb.example,2025:2',
      title: 'Two-factor sign-in',
      link: 'https://kb.example/docs/two-factor',
      content: 'Install the app.\nScan the code <here>.',
      updated: '2025-05-21T09:00:00Z',
      categories: [],
      author: 'KB Team',
    });
  });

  it('falls back to a related link, never self, and decodes html content once', () => {
    expect(feed.items[2]?.link).toBe('https://kb.example/docs/related-page');
    expect(feed.items[2]?.content).toBe('<p>Hello &amp; welcome</p>');
  });

  it('resolves against the feed URL when there is no xml:base', () => {
    const atom = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><link rel="self" href="/feed"/>' +
        '<entry><id>1</id><title>E</title><link rel="alternate" href="e/1"/></entry></feed>',
      { baseUrl: 'https://host.example/dir/feed' },
    );
    expect(atom.link).toBeUndefined();
    expect(atom.items[0]?.link).toBe('https://host.example/dir/e/1');
  });
});

describe('parseFeed: Atom 0.3', () => {
  it('maps issued, modified, tagline and the escaped, xml and base64 modes', () => {
    const base64 = Buffer.from('<p>Encoded — ok</p>').toString('base64');
    const feed = parseFeed(`<?xml version="1.0"?>
      <feed version="0.3" xmlns="http://purl.org/atom/ns#">
        <title>Old Atom</title><tagline>Still out there</tagline>
        <link rel="alternate" type="text/html" href="https://old-atom.example/"/>
        <entry>
          <title>One</title><id>1</id><issued>2004-01-01T00:00:00Z</issued><modified>2004-01-02T00:00:00Z</modified>
          <summary type="text/html" mode="escaped">&lt;b&gt;Hi&lt;/b&gt;</summary>
          <content type="text/html" mode="base64">${base64}</content>
        </entry>
        <entry>
          <title>Two</title><id>2</id>
          <content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><i>x</i></div></content>
        </entry>
      </feed>`);
    expect(feed).toEqual<Feed>({
      format: 'atom',
      title: 'Old Atom',
      link: 'https://old-atom.example/',
      description: 'Still out there',
      items: [
        {
          id: '1',
          title: 'One',
          summary: '<b>Hi</b>',
          content: '<p>Encoded — ok</p>',
          published: '2004-01-01T00:00:00Z',
          updated: '2004-01-02T00:00:00Z',
          categories: [],
        },
        { id: '2', title: 'Two', content: '<i>x</i>', categories: [] },
      ],
    });
  });
});

describe('parseFeed: JSON Feed', () => {
  it('maps JSON Feed 1.1, preferring content_html, stringifying numeric ids', () => {
    expect(
      parseFeed(text('jsonfeed-1.1.json'), { baseUrl: 'https://updates.example/feed.json' }),
    ).toEqual<Feed>({
      format: 'json',
      title: 'Product Updates',
      link: 'https://updates.example/',
      description: 'Everything new',
      items: [
        {
          id: '42',
          title: 'Dark mode is here',
          link: 'https://updates.example/posts/dark-mode',
          summary: 'Easier on the eyes.',
          content: '<p>Turn it on in <b>Settings</b>.</p>',
          published: '2025-06-01T08:00:00Z',
          updated: '2025-06-02T08:00:00Z',
          categories: ['UI', 'settings'],
          author: 'Lee Park',
        },
        {
          id: 'export-csv',
          link: 'https://elsewhere.example/csv',
          content: 'Export any report as CSV.',
          categories: [],
          author: 'Updates Team',
        },
      ],
    });
  });

  it('maps JSON Feed 1.0 authors and content_text', () => {
    const feed = parseFeed(bytes('jsonfeed-1.0.json'), { contentType: 'application/json' });
    expect(feed.title).toBe('Old Style');
    expect(feed.items.map(({ id, content, author }) => ({ id, content, author }))).toEqual([
      { id: '1', content: 'Plain text only.', author: 'Item Author' },
      { id: '2', content: '<p>Inherits the feed author.</p>', author: 'Feed Author' },
    ]);
  });

  it('detects JSON by content even when the content type says XML', () => {
    const feed = parseFeed('{"items": [{"id": "a", "title": "T"}]}', { contentType: 'text/xml' });
    expect(feed).toEqual<Feed>({
      format: 'json',
      title: '',
      items: [{ id: 'a', title: 'T', categories: [] }],
    });
  });
});

describe('parseFeed: bytes and charsets', () => {
  const latin = { title: 'Café à la crème', item: 'Résumé £ ½' };

  it('reads ISO-8859-1 bytes by the Content-Type charset', () => {
    const feed = parseFeed(bytes('latin1-header.xml'), {
      contentType: 'application/rss+xml; charset=ISO-8859-1',
    });
    expect(feed.title).toBe(latin.title);
    expect(feed.items[0]?.title).toBe(latin.item);
  });

  it('lets the Content-Type charset decide over a guess', () => {
    // Declared UTF-8 while the bytes are Latin-1: the header is obeyed, so é is not valid.
    const feed = parseFeed(bytes('latin1-header.xml'), { contentType: 'text/xml; charset=utf-8' });
    expect(feed.title).toBe('Caf\uFFFD \uFFFD la cr\uFFFDme');
  });

  it('reads ISO-8859-1 declared in the XML declaration, and windows-1252 punctuation', () => {
    expect(parseFeed(bytes('latin1-declared.xml')).items[0]?.title).toBe(latin.item);
    expect(parseFeed(bytes('cp1252-declared.xml')).title).toBe('“Quoted” €5');
  });

  it('falls back to windows-1252 when nothing is declared and the bytes are not UTF-8', () => {
    expect(parseFeed(bytes('latin1-header.xml')).title).toBe(latin.title);
  });

  it('reads UTF-8 and UTF-16LE with a BOM, from a Uint8Array or an ArrayBuffer', () => {
    const expected = 'Naïve 日本 😀';
    expect(parseFeed(bytes('utf8-bom.xml')).title).toBe(expected);
    const utf16 = bytes('utf16le-bom.xml');
    expect(parseFeed(utf16).title).toBe(expected);
    expect(parseFeed(utf16.slice().buffer).items[0]?.title).toBe('Über');
  });

  it('recognises UTF-16BE without a BOM by its first "<"', () => {
    const source = '<rss><channel><title>Grüße</title></channel></rss>';
    const be = new Uint8Array(source.length * 2);
    for (let index = 0; index < source.length; index++) be[index * 2 + 1] = source.charCodeAt(index);
    expect(parseFeed(be).title).toBe('Grüße');
  });

  it('strips a BOM from a string', () => {
    expect(parseFeed('\uFEFF<rss><channel><title>T</title></channel></rss>').title).toBe('T');
    expect(parseFeed('\uFEFF{"title":"J","items":[]}').title).toBe('J');
  });
});

describe('parseFeed: ill-formed feeds', () => {
  const feed = parseFeed(text('ill-formed.xml'));

  it('accepts unescaped ampersands, undeclared HTML entities and undeclared prefixes', () => {
    expect(feed.description).toBe('Tips & tricks for Smith & Sons');
    expect(feed.items[0]).toEqual({
      title: 'Q&A: returns & refunds',
      link: 'https://shop.example/qa?a=1&b=2',
      summary: 'Café hours\u00a0changed — see “Hours”… it’s ©2025',
      categories: [],
      author: 'Kim',
    });
  });

  it('keeps an item without a title, and a channel without one', () => {
    expect(feed.title).toBe('');
    expect(feed.items[1]).toEqual({ summary: 'An item with no title, only a description.', categories: [] });
  });

  it('drops stray control characters', () => {
    expect(feed.items[2]?.title).toBe('Bell in title');
  });

  it('keeps only the text of absurdly deep nesting instead of overflowing the stack', () => {
    const depth = 20_000;
    const [item] = parseFeed(
      `<rss><channel><item><title>Deep</title><description>${'<b>'.repeat(depth)}core${'</b>'.repeat(depth)}` +
        '</description></item></channel></rss>',
    ).items;
    expect(item?.title).toBe('Deep');
    expect(item?.summary).toMatch(/^(<b>)+core(<\/b>)+$/);
    expect(item?.summary?.length).toBeLessThan(depth);
  });

  it('skips items that carry nothing', () => {
    const empty = parseFeed('<rss><channel><title>T</title><item></item><item> </item></channel></rss>');
    expect(empty.items).toEqual([]);
  });

  it('recovers the complete items of a truncated feed', () => {
    const cut = parseFeed(text('truncated.xml'));
    expect(cut.title).toBe('Cut Feed');
    expect(cut.items.map((item) => [item.title, item.link])).toEqual([
      ['One', 'https://cut.example/1'],
      ['Two', 'https://cut.example/2'],
    ]);
  });

  it('says where a feed is cut off when no item is complete', () => {
    expect(failure(() => parseFeed(text('truncated-early.xml')))).toBe(
      'XML is cut off at line 8, inside <item> from line 6, and no complete item comes before the cut',
    );
    expect(failure(() => parseFeed('<?xml version="1.0"?>\n<rss>\n<chan'))).toBe(
      'XML is cut off at line 3, and no complete item comes before the cut',
    );
  });

  it('never expands DTD entities (billion laughs)', () => {
    const laughs = parseFeed(text('billion-laughs.xml'));
    expect(laughs).toEqual<Feed>({
      format: 'rss',
      title: 'Laughs &lol9;',
      // The entity that would inject an <item> stays a reference too.
      items: [{ title: '&lol9;&lol9;', summary: '&lol9; &trap; & more', categories: [] }],
    });
  });

  it('parses a 5 MB feed completely', () => {
    const count = 10_000;
    const items = Array.from(
      { length: count },
      (_, index) =>
        `<item><title>Item ${index} &amp; more</title><link>https://big.example/${index}</link>` +
        `<guid isPermaLink="false">id-${index}</guid><category>c${index % 7}</category>` +
        `<description><![CDATA[<p>${'Lorem ipsum dolor sit amet. '.repeat(14)}</p>]]></description></item>\n`,
    );
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items.join('')}</channel></rss>`;
    expect(xml.length).toBeGreaterThan(5_000_000);
    const big = parseFeed(new TextEncoder().encode(xml));
    expect(big.items).toHaveLength(count);
    expect(big.items[count - 1]).toEqual({
      id: `id-${count - 1}`,
      title: `Item ${count - 1} & more`,
      link: `https://big.example/${count - 1}`,
      summary: `<p>${'Lorem ipsum dolor sit amet. '.repeat(14)}</p>`,
      categories: [`c${(count - 1) % 7}`],
    });
  });
});

describe('parseFeed: errors an admin can act on', () => {
  it('names the <html> root of a web page', () => {
    const message = failure(() => parseFeed(bytes('html-page.html'), { contentType: 'application/rss+xml' }));
    expect(message).toMatch(/^not a feed: the document's root is <html> \(line 2\), an HTML page/);
  });

  it('names another root element with its line', () => {
    expect(failure(() => parseFeed('<?xml version="1.0"?>\n\n<catalog><book/></catalog>'))).toBe(
      "not a feed: the document's root is <catalog> (line 3); expected <rss>, <feed> (Atom) or <rdf:RDF>",
    );
  });

  it.each([
    ['', 'empty document'],
    [' \n\t ', 'empty document'],
    ['{"title": "no items"}', 'not a feed: the JSON has no "items" list'],
    ['[1, 2]', 'not a feed: the JSON is not an object with an "items" list'],
    ['{"items": [\n{"id": 1},\n', 'JSON is cut off at line 2'],
    ['<?xml version="1.0"?>', 'not a feed: the XML has no root element'],
    [
      'Service unavailable',
      'not a feed: the document is neither XML nor JSON (it starts with "Service unavailable")',
    ],
  ])('explains %j', (input, message) => {
    expect(failure(() => parseFeed(input))).toBe(message);
  });

  it('gives the line of a JSON syntax error where the engine tells the position', () => {
    expect(failure(() => parseFeed('{\n"items": [],\n}\n'))).toBe(
      'not valid JSON at line 3: Expected double-quoted property name in JSON at position 15',
    );
    expect(failure(() => parseFeed('{\n"items": [\n}\n'))).toMatch(
      /^not valid JSON: Unexpected token '}', "\{ "items/,
    );
  });

  it('throws for empty bytes', () => {
    expect(failure(() => parseFeed(new Uint8Array()))).toBe('empty document');
  });
});
