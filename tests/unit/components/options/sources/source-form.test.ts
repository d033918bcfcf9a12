import { describe, expect, it } from 'vitest';
import {
  evidenceText,
  freeId,
  OPTION_FIELDS,
  slug,
  TYPE_KEYS,
} from '@/components/options/sources/source-form';
import { SOURCE_TYPES } from '@/utils/model';
import { english } from '../../english';

const t = english;

describe('source form helpers', () => {
  it('makes a lowercase id from a name', () => {
    expect(slug('IT News!')).toBe('it-news');
    expect(slug('  Café  Wiki ')).toBe('cafe-wiki');
    expect(slug('x'.repeat(80))).toHaveLength(50);
    expect(slug('!!!')).toBe('');
  });

  it('picks a free id, never a built-in one', () => {
    expect(freeId('it-news', [])).toBe('it-news');
    expect(freeId('it-news', ['it-news', 'it-news-2'])).toBe('it-news-3');
    expect(freeId('builtin-demo', [])).toBe('source');
    expect(freeId('', ['source'])).toBe('source-2');
  });

  it('has an English label for every source type and every adapter option', () => {
    for (const type of SOURCE_TYPES) expect(t(TYPE_KEYS[type]), type).toBeTruthy();
    for (const fields of Object.values(OPTION_FIELDS))
      for (const field of fields ?? []) expect(t(field.label), field.key).toBeTruthy();
  });

  it('says in words what the detection saw', () => {
    expect(evidenceText(t, { kind: 'url', hint: 'wiki' })).toBe(t('detectByAddress'));
    expect(evidenceText(t, { kind: 'catalog', items: 12 })).toBe(t('detectCatalog', '12'));
    expect(evidenceText(t, { kind: 'catalog', items: 50, atLeast: true })).toBe(
      t('detectCatalogAtLeast', '50'),
    );
    expect(evidenceText(t, { kind: 'feed', format: 'atom' })).toContain('atom');
  });
});
