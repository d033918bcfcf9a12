/** A stored value that arrives late fills only the fields the person has not touched. */
import { describe, expect, it } from 'vitest';
import { mergeStored } from '@/components/shared/useDraft';

describe('mergeStored', () => {
  it('keeps touched fields and fills the others', () => {
    const form = { url: 'https://typed.example/hook', format: 'generic' };
    const stored = { url: 'https://old.example/hook', format: 'slack' };
    expect(mergeStored(form, stored, new Set(['url'] as const))).toEqual({
      url: 'https://typed.example/hook',
      format: 'slack',
    });
  });

  it('takes everything stored when nothing was touched', () => {
    expect(mergeStored({ a: '', b: '' }, { a: '1', b: '2' }, new Set())).toEqual({ a: '1', b: '2' });
  });

  it('returns the same form when the stored value changes nothing', () => {
    const form = { a: '1', b: 'typed' };
    expect(mergeStored(form, { a: '1', b: '2' }, new Set(['b'] as const))).toBe(form);
  });
});
