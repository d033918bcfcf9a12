import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '@/utils/model';
import { normalize } from '@/utils/sources/lib/normalize';

const SOURCE: SourceConfig = {
  id: 'kb',
  type: 'feed',
  name: 'KB',
  url: 'https://kb.example.com/feed.xml',
  builtin: false,
  tools: [],
};

const itemOf = (record: Parameters<typeof normalize>[0]) => {
  const result = normalize(record, SOURCE, 0);
  if (!('item' in result)) throw new Error(result.warning);
  return result.item;
};

describe('a record from a source', () => {
  it('loses the characters that make a title read differently from what it holds', () => {
    // U+202E turns the rest of the line around: this title would read "Reset your exe.txt".
    const item = itemOf({
      externalId: '1',
      title: 'Reset your \u202Etxt.exe\u202C password',
      text: 'Change your pass\u200Bword\u2060 here.\u0007 Then sign\u2066 in\u2069 again.\uFEFF',
      tags: ['\u202Bsecurity\u202C', 'pass\u200Bword'],
      url: '/a/1',
      owner: '\u202Eevil\u202C',
    });
    expect(item.title).toBe('Reset your txt.exe password');
    expect(item.summary).toBe('Change your password here. Then sign in again.');
    expect(item.tags).toEqual(['security', 'password']);
    expect(item.owner).toBe('evil');
  });

  it('keeps right-to-left text and the joiners scripts and emoji need', () => {
    const item = itemOf({
      externalId: '2',
      title: 'איפוס סיסמה',
      text: 'می\u200Cخواهم 👩\u200D💻 وارد شوم',
      url: 'https://kb.example.com/a/2',
    });
    expect(item.title).toBe('איפוס סיסמה');
    expect(item.summary).toBe('می\u200Cخواهم 👩\u200D💻 وارد شوم');
  });

  it('drops a record whose title is nothing but such characters', () => {
    expect(normalize({ externalId: '3', title: '\u202E\u200B\u2066', url: '/a/3' }, SOURCE, 0)).toEqual({
      warning: '"3": no title',
    });
  });
});
