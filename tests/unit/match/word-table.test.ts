import { describe, expect, it } from 'vitest';
import { words } from '@/utils/match/text';
import { Entries, WordTable } from '@/utils/match/word-table';

/** A character outside ASCII. */
const BEYOND_ASCII = /[\u0080-\uffff]/;

/** The entries `scan` appends to a fresh list. */
function scan(table: WordTable, text: string): number[] {
  const out = new Entries();
  table.scan(text, out);
  return Array.from(out.list.subarray(0, out.length));
}

function scanned(table: WordTable, text: string): string[] {
  return scan(table, text).map((entry) => table.word(entry));
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

  it('reads on from where it stopped, a few words at a time, as one scan reads the whole', () => {
    const texts = [
      'Set UP the Merge Train: review required, then push-protection (v2) in 3 steps.',
      // ASCII words, then a letter beyond ASCII inside a word, then ASCII again.
      'Open the Strassen map or the Straßenbahn plan and Zoë said OK, twice',
      // Words beyond ASCII next to each other, and next to punctuation beyond ASCII.
      `Über ${'Kanäle und Teams—’s straße '.repeat(50)}END of it ΣΊΣΥΦΟΣ—ok`,
    ];
    for (const text of texts) {
      const whole = scanned(new WordTable(), text);
      expect(whole).toEqual(words(text));
      for (const limit of [1, 2, 5]) {
        const table = new WordTable();
        const read: string[] = [];
        const stops: number[] = [];
        // One list for every step, as a build reads a summary: each step appends to it.
        const out = new Entries();
        for (let from = 0; from < text.length; ) {
          const before = out.length;
          const next = table.scan(text, out, from, limit);
          expect(next).toBeGreaterThan(from);
          if (next < text.length && !BEYOND_ASCII.test(text.slice(from, next))) {
            expect(out.length - before).toBe(limit);
          }
          for (let k = before; k < out.length; k++) read.push(table.word(out.at(k)));
          stops.push(next);
          from = next;
        }
        expect(read).toEqual(whole);
        expect(stops.at(-1)).toBe(text.length);
      }
    }
  });

  it('gives a word one entry however often and wherever it appears', () => {
    const table = new WordTable();
    const first = scan(table, 'Review required before merge');
    const second = scan(table, 'merge: review REQUIRED; ärger merge');
    expect(second[0]).toBe(first[3]);
    expect(second[1]).toBe(first[0]);
    expect(second[2]).toBe(first[1]);
    expect(second[4]).toBe(first[3]);
    expect(table.word(second[3] as number)).toBe('ärger');
  });

  it('keeps words apart when the table grows past its first size', () => {
    const table = new WordTable();
    // Also more entries than an Entries list holds at first.
    const text = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    const out = scan(table, text);
    expect(new Set(out).size).toBe(20_000);
    const again = scan(table, 'w0x wzzx w1x');
    expect(again.map((entry) => table.word(entry))).toEqual(['w0x', 'wzzx', 'w1x']);
    expect(again[0]).toBe(out[0]);
  });

  it('tells stop words of one language only', () => {
    const table = new WordTable();
    const out = scan(table, 'the und configure');
    expect(out.map((entry) => table.stopLanguage(entry))).toEqual(['en', 'de', undefined]);
  });
});
