import { describe, expect, it } from 'vitest';
import {
  ADMIN_TERMS_LIMITS,
  adminSynonymGroups,
  mergeAdminTerms,
  NO_ADMIN_TERMS,
  parseAdminTerms,
  termsFromText,
  termsToText,
} from '@/utils/search/admin-terms';

describe('parseAdminTerms', () => {
  it('accepts a term with its other words, trimmed, without repeats of the term itself', () => {
    const result = parseAdminTerms({
      terms: { ' VPN ': ['remote  access', 'GlobalProtect', 'vpn', 'globalprotect'] },
    });
    expect(result).toEqual({
      ok: true,
      value: { terms: { VPN: ['remote access', 'GlobalProtect'] } },
      errors: [],
    });
    expect(adminSynonymGroups(result.value)).toEqual([['VPN', 'remote access', 'GlobalProtect']]);
  });

  it('reports every problem with where it is, and keeps the valid entries', () => {
    const result = parseAdminTerms({
      terms: {
        VPN: 'remote access',
        HR: [],
        '!!': ['x'],
        Okta: ['SSO', 7, 'x'.repeat(61)],
        Workday: ['HR portal'],
      },
      extra: true,
    });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      'search terms: unknown key "extra"',
      'terms."VPN": must be a list of at least one other word',
      'terms."HR": must be a list of at least one other word',
      'terms."!!": needs at least one letter or digit',
      'terms."Okta"[1]: must be text',
      `terms."Okta"[2]: longer than ${ADMIN_TERMS_LIMITS.length} characters`,
    ]);
    expect(result.value).toEqual({ terms: { Okta: ['SSO'], Workday: ['HR portal'] } });
  });

  it('refuses what is not the expected shape with no terms, and keeps the first 500 of too many', () => {
    expect(parseAdminTerms(null)).toMatchObject({ ok: false, value: NO_ADMIN_TERMS });
    expect(parseAdminTerms({ terms: ['VPN'] })).toMatchObject({ ok: false, value: NO_ADMIN_TERMS });
    const many = Object.fromEntries(
      Array.from({ length: ADMIN_TERMS_LIMITS.terms + 1 }, (_, i) => [`t${i}`, ['x']]),
    );
    const result = parseAdminTerms({ terms: many });
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/at most 500 terms/);
    expect(Object.keys(result.value.terms)).toHaveLength(ADMIN_TERMS_LIMITS.terms);
    expect(result.value.terms.t499).toEqual(['x']);
    expect(result.value.terms.t500).toBeUndefined();
  });

  it('keeps the first of the same term in other casing and reports the second', () => {
    const result = parseAdminTerms({ terms: { VPN: ['a'], vpn: ['b'] } });
    expect(result).toEqual({
      ok: false,
      value: { terms: { VPN: ['a'] } },
      errors: ['terms."vpn": given twice'],
    });
  });

  it('keeps the first 20 other words of a longer list and says so', () => {
    const words = Array.from({ length: 25 }, (_, i) => `w${i}`);
    const result = parseAdminTerms({ terms: { VPN: words } });
    expect(result.errors).toEqual(['terms."VPN": at most 20 other words; the first 20 are used']);
    expect(result.value.terms.VPN).toEqual(words.slice(0, 20));
  });

  it('accepts an empty list and gives no groups for no terms', () => {
    expect(parseAdminTerms({ terms: {} })).toEqual({ ok: true, value: { terms: {} }, errors: [] });
    expect(adminSynonymGroups(undefined)).toEqual([]);
    expect(adminSynonymGroups(NO_ADMIN_TERMS)).toEqual([]);
  });
});

describe('mergeAdminTerms', () => {
  it("keeps both lists, and the policy's term wins over the admin's own of the same name in any casing", () => {
    const merged = mergeAdminTerms(
      { terms: { VPN: ['GlobalProtect'], Okta: ['SSO'] } },
      { terms: { vpn: ['remote access'], Workday: ['HR portal'] } },
    );
    expect(merged).toEqual({ terms: { VPN: ['GlobalProtect'], Okta: ['SSO'], Workday: ['HR portal'] } });
  });

  it('gives the own terms when there is no policy', () => {
    const own = { terms: { VPN: ['GlobalProtect'] } };
    expect(mergeAdminTerms(undefined, own)).toBe(own);
  });
});

describe('the text form', () => {
  it('reads one term per line and writes the same text back', () => {
    const text = 'VPN: remote access, GlobalProtect\nHR portal: Workday';
    const { value, problems } = termsFromText(text);
    expect(problems).toEqual([]);
    expect(value).toEqual({ terms: { VPN: ['remote access', 'GlobalProtect'], 'HR portal': ['Workday'] } });
    expect(termsToText(value)).toBe(text);
    expect(termsFromText(termsToText(value)).value).toEqual(value);
  });

  it('tidies spaces, skips blank lines and empty words, and drops repeats of the term', () => {
    const { value, problems } = termsFromText('\r\n  VPN :  remote   access ,, vpn, Remote Access  \r\n\n');
    expect(problems).toEqual([]);
    expect(value).toEqual({ terms: { VPN: ['remote access'] } });
  });

  it('names each problem by its line and keeps every valid line', () => {
    const text = [
      'VPN: GlobalProtect', // 1
      'just words', // 2: no colon
      ': orphan', // 3: no term
      'vpn: remote access', // 4: VPN again
      'Okta:', // 5: no other words
      '!!: x', // 6
      `Jira: ${'x'.repeat(61)}, tickets`, // 7: one word too long, the other kept
      `${'y'.repeat(61)}: z`, // 8
      'Teams: teams', // 9: only the term itself
      `SAP: ${Array.from({ length: 21 }, (_, i) => `w${i}`).join(', ')}`, // 10
      'Okta: ??', // 11: the only word has no letter
    ].join('\n');
    const { value, problems } = termsFromText(text);
    expect(problems).toEqual([
      { line: 2, code: 'format' },
      { line: 3, code: 'format' },
      { line: 4, code: 'twice' },
      { line: 5, code: 'no-words' },
      { line: 6, code: 'no-letter' },
      { line: 7, code: 'too-long' },
      { line: 8, code: 'too-long' },
      { line: 9, code: 'no-words' },
      { line: 10, code: 'too-many-words' },
      { line: 11, code: 'no-letter' },
    ]);
    expect(value.terms).toEqual({
      VPN: ['GlobalProtect'],
      Jira: ['tickets'],
      SAP: Array.from({ length: 20 }, (_, i) => `w${i}`),
    });
  });

  it('stops at 500 terms and names the lines beyond', () => {
    const lines = Array.from({ length: ADMIN_TERMS_LIMITS.terms + 2 }, (_, i) => `t${i}: x`);
    const { value, problems } = termsFromText(lines.join('\n'));
    expect(Object.keys(value.terms)).toHaveLength(ADMIN_TERMS_LIMITS.terms);
    expect(problems).toEqual([
      { line: 501, code: 'too-many-terms' },
      { line: 502, code: 'too-many-terms' },
    ]);
  });

  it('gives what it reads to parseAdminTerms unchanged', () => {
    const { value } = termsFromText('VPN: remote access, GlobalProtect\nHR portal: Workday');
    expect(parseAdminTerms(value)).toEqual({ ok: true, value, errors: [] });
  });
});
