import { describe, expect, it } from 'vitest';
import { formatters, safeHref } from '@/components/dashboard/format';

describe('dashboard formatting', () => {
  it('accepts only web addresses as links', () => {
    expect(safeHref('https://kb.example.com/a?b=1')).toBe('https://kb.example.com/a?b=1');
    expect(safeHref('http://intranet/kb')).toBe('http://intranet/kb');
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:x',
      'data:text/html,x',
      'kb/1',
      '',
    ])
      expect(safeHref(url), url).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });

  it('writes days, months, numbers and rates in the locale', () => {
    const f = formatters('en-GB');
    expect(f.longDay('2025-12-03')).toBe('3 December 2025');
    expect(f.longMonth('2025-12-03')).toBe('December 2025');
    expect(f.number(12345)).toBe('12,345');
    expect(f.percent(0.186)).toBe('18.6%');
    expect(f.megabytes(2_500_000)).toBe('2.5 MB');
    expect(f.list(['a', 'b'])).toBe('a, b');
    expect(formatters('de-DE').number(12345)).toBe('12.345');
  });

  it('falls back to the runtime locale for a tag that is not valid', () => {
    const f = formatters('not a locale!');
    expect(f.number(7)).toBe(new Intl.NumberFormat().format(7));
  });
});
