import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_REASONS } from '@/utils/match/reasons';

const LOCALES = join(import.meta.dirname, '../../public/_locales');
type Messages = Record<string, { message: string }>;
const read = (lang: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'));

describe('translations', () => {
  const en = read('en');

  it('ships en and de', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['de', 'en']);
  });

  it('has every English string in German, with the same substitutions', () => {
    const de = read('de');
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      const placeholders = (text: string) => (text.match(/\$\d/g) ?? []).sort();
      expect(placeholders(de[key]?.message ?? ''), key).toEqual(placeholders(message));
    }
  });

  it('has the reasons the matcher produces', () => {
    for (const [key, english] of Object.entries(ENGLISH_REASONS)) expect(en[key]?.message, key).toBe(english);
  });
});
