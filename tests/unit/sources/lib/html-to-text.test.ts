import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import { fullReadingMinutes, htmlToText, readingMinutes, summarize } from '@/utils/sources/lib/html-to-text';
import { normalize } from '@/utils/sources/lib/normalize';

describe('htmlToText', () => {
  it.each([
    ['<p>Hello <b>world</b></p><p>Second&nbsp;para</p>', 'Hello world\n\nSecond para'],
    ['<ul><li>One</li><li>Two</li></ul>Tail<br>next<br/>last', 'One\nTwo\n\nTail\nnext\nlast'],
    ['<table><tr><td>A</td><td>B</td></tr><tr><td>C</td></tr></table>', 'A B\nC'],
    ['<h1>Title</h1>Body <img src=x onerror=alert(1)>text', 'Title\n\nBody text'],
    ['<pre>line 1\n  line 2</pre>after', 'line 1\nline 2\n\nafter'],
    ['plain\n\n\n\ntext   here ', 'plain\n\ntext here'],
    ['', ''],
  ])('turns %j into readable text', (html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });

  it('drops script, style, template and noscript contents', () => {
    expect(
      htmlToText(
        '<script>alert(1)</script>Safe<style>p{color:red}</style> <template><p>t</p></template>' +
          '<noscript>enable JS</noscript><div><script>document.write("<p>")</script></div>ok',
      ),
    ).toBe('Safe\nok');
  });

  it('decodes entities once, so escaped markup becomes literal text', () => {
    expect(htmlToText('&lt;b&gt;bold&lt;/b&gt; AT&T &copy; &amp;amp; &#x1F600; &eacute;')).toBe(
      '<b>bold</b> AT&T © &amp; 😀 é',
    );
  });

  it('drops comments and keeps CDATA text', () => {
    expect(htmlToText('a<!-- hidden <b>x</b> -->b <![CDATA[x<y]]> c')).toBe('ab x<y c');
  });

  it('copes with unclosed and cut-off tags', () => {
    expect(htmlToText('<div>unclosed <b>bold <i>italic')).toBe('unclosed bold italic');
    expect(htmlToText('<p>x</p')).toBe('x');
    expect(htmlToText('text <a href="x')).toBe('text');
    expect(htmlToText('<script>never closed <b>x</b>')).toBe('');
  });

  it('never returns markup from hostile input', () => {
    const hostile =
      '<svg><script>alert(1)</script></svg><iframe src="javascript:alert(1)"></iframe>' +
      '<a href="javascript:alert(1)" onclick="x()">click</a><img src=x onerror="alert(1)">' +
      '<style>@import "x"</style><math><mi>x</mi></math><object data="x"></object>end';
    const text = htmlToText(hostile);
    expect(text).toBe('click xend');
    expect(text).not.toMatch(/<|javascript:|alert/);
  });

  it('handles 1 MB of HTML', () => {
    const chunk = '<div><p>Hello <b>world</b> &amp; friends.</p><script>x()</script></div>\n';
    const html = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const text = htmlToText(html);
    const paragraphs = text.split('\n\n');
    expect(paragraphs).toHaveLength(Math.ceil(1_000_000 / chunk.length));
    expect(new Set(paragraphs)).toEqual(new Set(['Hello world & friends.']));
  });
});

describe('summarize', () => {
  const text =
    'First sentence is here. Second one follows! Third? Yes, e.g. this is a fourth sentence that keeps going.';

  it('returns short text as it is, trimmed', () => {
    expect(summarize('  Short text.  ')).toBe('Short text.');
    expect(summarize(text, text.length)).toBe(text);
  });

  it('cuts at the last sentence end that fits', () => {
    expect(summarize(text, 60)).toBe('First sentence is here. Second one follows! Third? …');
    expect(summarize(text, 50)).toBe('First sentence is here. Second one follows! …');
  });

  it('does not take an abbreviation for a sentence end', () => {
    expect(summarize(text, 68)).toBe('First sentence is here. Second one follows! Third? …');
  });

  it('cuts between words when no sentence ends near the limit', () => {
    const long = 'A paragraph without any full stop that is long enough to need cutting somewhere';
    expect(summarize(long, 30)).toBe('A paragraph without any full…');
    expect(summarize(`Heading\n${long}`, 60)).toBe(
      'Heading\nA paragraph without any full stop that is long…',
    );
  });

  it('treats a paragraph end as a boundary', () => {
    expect(summarize('Line one is a heading\nAnd then a long paragraph follows here', 30)).toBe(
      'Line one is a heading …',
    );
  });

  it('never exceeds the limit and never ends mid-word', () => {
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu'.repeat(20);
    for (const max of [7, 13, 40, 99, 250]) {
      const cut = summarize(words, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
      const lastWord = cut.slice(0, -1).trim().split(/\s+/).at(-1) ?? '';
      expect(words.split(/\s+/)).toContain(lastWord);
    }
  });

  it('hard-cuts a single word longer than the limit', () => {
    expect(summarize('x'.repeat(50), 20)).toBe(`${'x'.repeat(19)}…`);
  });

  it('defaults to about 600 characters', () => {
    const sentences = 'This sentence has exactly fifty characters in it. '.repeat(20);
    const cut = summarize(sentences);
    expect(cut).toBe(`${'This sentence has exactly fifty characters in it. '.repeat(11).trim()} …`);
    expect(cut.length).toBeLessThanOrEqual(600);
    expect(summarize(sentences, Number.NaN)).toBe(cut);
  });
});

describe('readingMinutes', () => {
  it.each([
    ['', 1],
    ['one two three', 1],
    ['word '.repeat(200), 1],
    ['word '.repeat(1000), 5],
    ['word '.repeat(1100), 6],
    // Japanese has no spaces: counted by characters (1500 ≈ 3 minutes).
    ['日本語'.repeat(500), 3],
  ])('reads %#', (text, minutes) => {
    expect(readingMinutes(text)).toBe(minutes);
  });
});

describe('fullReadingMinutes', () => {
  it('rounds up: anything over 400 words is over a two-minute read', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(fullReadingMinutes(words(400))).toBe(2);
    expect(fullReadingMinutes(words(401))).toBe(3);
    expect(readingMinutes(words(401))).toBe(2);
    expect(fullReadingMinutes('')).toBe(1);
  });

  it('is kept on an item whose summary is a cut of a longer text', () => {
    const source: SourceConfig = {
      id: 's',
      type: 'feed',
      name: 'S',
      url: 'https://kb.example/',
      builtin: false,
      tools: [],
    };
    const long = normalize(
      { externalId: '1', title: 'Long', text: 'Step by step. '.repeat(400), url: '/1' },
      source,
      0,
    );
    const short = normalize({ externalId: '2', title: 'Short', text: 'One line.', url: '/2' }, source, 0);
    expect('item' in long && long.item.fullMinutes).toBe(6);
    expect('item' in short && short.item.fullMinutes).toBeUndefined();
  });
});
