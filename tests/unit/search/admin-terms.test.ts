import { describe, expect, it } from 'vitest';
import { ADMIN_TERMS_LIMITS, adminSynonymGroups, parseAdminTerms } from '@/utils/search/admin-terms';

describe('parseAdminTerms', () => {
  it('accepts a term with its other words, trimmed, without repeats of the term itself', () => {
    const result = parseAdminTerms({
      terms: { ' VPN ': ['remote  access', 'GlobalProtect', 'vpn', 'globalprotect'] },
    });
    expect(result).toEqual({ ok: true, value: { terms: { VPN: ['remote access', 'GlobalProtect'] } } });
    if (result.ok)
      expect(adminSynonymGroups(result.value)).toEqual([['VPN', 'remote access', 'GlobalProtect']]);
  });

  it('reports every problem with where it is', () => {
    const result = parseAdminTerms({
      terms: { VPN: 'remote access', HR: [], '!!': ['x'], Okta: ['SSO', 7, 'x'.repeat(61)] },
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'search terms: unknown key "extra"',
      'terms."VPN": must be a list of at least one other word',
      'terms."HR": must be a list of at least one other word',
      'terms."!!": needs at least one letter or digit',
      'terms."Okta"[1]: must be text',
      `terms."Okta"[2]: longer than ${ADMIN_TERMS_LIMITS.length} characters`,
    ]);
  });

  it('refuses what is not the expected shape, and too many terms', () => {
    expect(parseAdminTerms(null).ok).toBe(false);
    expect(parseAdminTerms({ terms: ['VPN'] }).ok).toBe(false);
    const many = Object.fromEntries(
      Array.from({ length: ADMIN_TERMS_LIMITS.terms + 1 }, (_, i) => [`t${i}`, ['x']]),
    );
    const result = parseAdminTerms({ terms: many });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/at most 500 terms/);
  });

  it('refuses the same term twice in other casing', () => {
    const result = parseAdminTerms({ terms: { VPN: ['a'], vpn: ['b'] } });
    expect(result).toEqual({ ok: false, errors: ['terms."vpn": given twice'] });
  });

  it('accepts an empty list and gives no groups for no terms', () => {
    expect(parseAdminTerms({ terms: {} })).toEqual({ ok: true, value: { terms: {} } });
    expect(adminSynonymGroups(undefined)).toEqual([]);
  });
});
