import { describe, expect, it } from 'vitest';
import { firstHeading } from '@/utils/sources/lib/headings';
import { linkEntries } from '@/utils/sources/servicenow';

const REGEX = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/i;

describe('firstHeading', () => {
  it('finds what the old regex found', () => {
    const samples = [
      '<p>x</p><h2 class="a">Title <b>here</b></h2><h1>Other</h1>',
      '<H1>Upper</h1 >',
      '<h1>Open<h2>Inner</h2>',
      '<h10>no</h10><h3 id=x>Yes</h3>',
      '<h1 a="b"</h1>>t</h1>',
      '<h2>never closed',
      '<h1x>not a heading</h1>',
      '',
    ];
    for (const html of samples) {
      const regex = REGEX.exec(html);
      const found = firstHeading(html);
      expect(found && { start: found.start, end: found.end, inner: found.inner }).toEqual(
        regex && { start: regex.index, end: regex.index + regex[0].length, inner: regex[2] },
      );
    }
  });

  it('reads a 400 KB page of unclosed headings (quadratic for the regex) and one of tags without >', () => {
    expect(firstHeading(`${'<h1>'.repeat(100_000)}<h3>Late</h3>`)).toEqual({
      start: 400_000,
      end: 400_013,
      inner: 'Late',
    });
    expect(firstHeading('<h1 '.repeat(100_000))).toBeNull();
  });
});

describe('linkEntries (ServiceNow Link header)', () => {
  it('reads targets and parameters', () => {
    expect([...linkEntries('<https://a/1>;rel="first",<https://a/2>; rel=next , <x<y>;rel=last')]).toEqual([
      { target: 'https://a/1', params: ';rel="first"' },
      { target: 'https://a/2', params: '; rel=next ' },
      { target: 'x<y', params: ';rel=last' },
    ]);
  });

  it('reads a 300 KB header of "<" without ">" (quadratic for the old regex)', () => {
    expect([...linkEntries('<'.repeat(300_000))]).toEqual([]);
    const entries = [...linkEntries(`${'<a>'.repeat(100_000)};rel=next`)];
    expect(entries).toHaveLength(100_000);
    expect(entries.at(-1)).toEqual({ target: 'a', params: ';rel=next' });
  });
});
