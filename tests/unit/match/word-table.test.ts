import { describe, expect, it } from 'vitest';
import { words } from '@/utils/match/text';
import { WordTable } from '@/utils/match/word-table';

function scanned(table: WordTable, text: string): string[] {
  const out: number[] = [];
  table.scan(text, out);
  return out.map((entry) => table.word(entry));
}

describe('WordTable', () => {
  it('reads the same words as words(), ASCII or not', () => {
    const table = new WordTable();
    for (const text of [
      'Set up SSO for Okta, then push-protection (v2) in 3 steps.',
      'Größe ändern: Übersicht über Kanäle — straße, Straße',
      '  leading and trailing  ',
      '',
      'Ǆemal ΣΊΣΥΦΟΣ 東京 ok',
    ]) {
      expect(scanned(table, text)).toEqual(words(text));
    }
  });

  it('gives a word one entry however often and wherever it appears', () => {
    const table = new WordTable();
    const first: number[] = [];
    const second: number[] = [];
    table.scan('Review required before merge', first);
    table.scan('merge: review REQUIRED; ärger merge', second);
    expect(second[0]).toBe(first[3]);
    expect(second[1]).toBe(first[0]);
    expect(second[2]).toBe(first[1]);
    expect(second[4]).toBe(first[3]);
    expect(table.word(second[3] as number)).toBe('ärger');
  });

  it('keeps words apart when the table grows past its first size', () => {
    const table = new WordTable();
    const text = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    const out: number[] = [];
    table.scan(text, out);
    expect(new Set(out).size).toBe(20_000);
    const again: number[] = [];
    table.scan('w0x wzzx w1x', again);
    expect(again.map((entry) => table.word(entry))).toEqual(['w0x', 'wzzx', 'w1x']);
    expect(again[0]).toBe(out[0]);
  });

  it('tells stop words of one language only', () => {
    const table = new WordTable();
    const out: number[] = [];
    table.scan('the und configure', out);
    expect(out.map((entry) => table.stopLanguage(entry))).toEqual(['en', 'de', undefined]);
  });
});
