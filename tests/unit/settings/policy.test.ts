import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePolicy } from '@/utils/settings/policy';
import {
  applyPolicy,
  DEFAULT_SETTINGS,
  readPolicy,
  readSearchTerms,
  readSettings,
  updateSettings,
} from '@/utils/settings/settings';

describe('enterprise policy', () => {
  it('keeps valid entries and says why the others were left out', () => {
    const { policy, problems } = parsePolicy({
      demoContent: false,
      sources: [
        {
          id: 'it-news',
          type: 'feed',
          url: 'https://intranet.example/news.xml',
          tools: ['jira'],
          intervalMinutes: 30,
        },
        {
          id: 'kb',
          type: 'confluence',
          url: 'https://acme.atlassian.net/wiki',
          auth: { kind: 'bearer', token: 't' },
        },
        { id: 'Bad Id', type: 'feed', url: 'https://x.example/' },
        { id: 'ftp', type: 'feed', url: 'ftp://x.example/feed' },
        { id: 'what', type: 'sharepoint-list', url: 'https://x.example/' },
        { id: 'kb', type: 'feed', url: 'https://x.example/' },
        { id: 'authless', type: 'zendesk', url: 'https://x.zendesk.com', auth: { kind: 'magic' } },
      ],
      toolRules: [
        { tool: 'jira', matches: ['https://jira.corp.example/*'] },
        { tool: 'x', matches: ['<all_urls>'] },
      ],
      webhookFormat: 'fax',
      nudges: { maxPerDay: 1 },
      role: 'employee',
      locked: true,
    });
    expect(policy.sources?.map((s) => s.id)).toEqual(['it-news', 'kb']);
    expect(policy.sources?.[1]?.auth).toEqual({ kind: 'bearer', token: 't' });
    expect(policy.toolRules).toEqual([{ tool: 'jira', matches: ['https://jira.corp.example/*'] }]);
    expect(policy.nudges?.maxPerDay).toBe(1);
    expect(policy).toMatchObject({ demoContent: false, role: 'employee', locked: true });
    expect(policy.webhookFormat).toBeUndefined();
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/lowercase id/);
    expect(problems.join('\n')).toMatch(/used twice/);
    expect(problems.join('\n')).toMatch(/"auth" must be/);
  });

  it('reads the badge position per tool, leaving out entries that are not one, with the reason', () => {
    const { policy, problems } = parsePolicy({
      badgePosition: { jira: { side: 'left', bottom: 72 }, slack: { side: 'top', bottom: 1 } },
    });
    expect(policy.badgePosition).toEqual({ jira: { side: 'left', bottom: 72 } });
    expect(problems).toEqual([
      'badgePosition must map tool ids to { "side": "left" or "right", "bottom": pixels }',
    ]);
    expect(parsePolicy({ badgePosition: 'left' }).problems).toHaveLength(1);
  });

  it('rejects a policy that is not an object, and accepts none at all', () => {
    expect(parsePolicy('text').problems).toEqual(['the policy must be an object']);
    expect(parsePolicy(undefined)).toEqual({ policy: {}, problems: [] });
  });

  it('wins over the person’s settings for the keys it sets; its rules come first', () => {
    const local = {
      ...DEFAULT_SETTINGS,
      demoContent: true,
      toolRules: [{ tool: 'wiki', matches: ['https://wiki.corp.example/*'] }],
    };
    const effective = applyPolicy(local, {
      demoContent: false,
      toolRules: [{ tool: 'jira', matches: ['https://jira.corp.example/*'] }],
    });
    expect(effective.demoContent).toBe(false);
    expect(effective.toolRules.map((rule) => rule.tool)).toEqual(['jira', 'wiki']);
    expect(effective.maxItems).toBe(local.maxItems);
  });

  it('applies from managed storage, and a locked policy refuses changes to what it sets', async () => {
    await fakeBrowser.storage.managed.set({ demoContent: false, locked: true });
    expect((await readSettings()).demoContent).toBe(false);
    await expect(updateSettings({ demoContent: true })).rejects.toThrow(
      /set by your organisation: demoContent/,
    );
    expect((await updateSettings({ maxItems: 2 })).maxItems).toBe(2);
  });
});

describe('search terms from the policy', () => {
  it('keep the valid terms and report the others like any policy problem', () => {
    const { policy, problems } = parsePolicy({
      searchTerms: { terms: { VPN: ['GlobalProtect'], HR: [], Okta: ['SSO', 7] } },
    });
    expect(policy.searchTerms).toEqual({ terms: { VPN: ['GlobalProtect'], Okta: ['SSO'] } });
    expect(problems).toEqual([
      'searchTerms: terms."HR": must be a list of at least one other word',
      'searchTerms: terms."Okta"[1]: must be text',
    ]);
    const wrong = parsePolicy({ searchTerms: ['VPN'] });
    expect(wrong.policy.searchTerms).toBeUndefined();
    expect(wrong.problems).toEqual(['searchTerms: search terms: must be an object like { "terms": { … } }']);
  });

  it("are merged with the admin's own: the policy's term wins when both name it, in any casing", () => {
    const local = {
      ...DEFAULT_SETTINGS,
      searchTerms: { terms: { vpn: ['remote access'], Workday: ['HR portal'] } },
    };
    const effective = applyPolicy(local, { searchTerms: { terms: { VPN: ['GlobalProtect'] } } });
    expect(effective.searchTerms).toEqual({ terms: { VPN: ['GlobalProtect'], Workday: ['HR portal'] } });
    expect(applyPolicy(local, {}).searchTerms).toBe(local.searchTerms);
  });

  it('reach readSearchTerms from managed storage, merged and validated, the same object while unchanged', async () => {
    expect(await readSearchTerms()).toEqual({ terms: {} });
    await updateSettings({ searchTerms: { terms: { vpn: ['remote access'], Workday: ['HR portal'] } } });
    await fakeBrowser.storage.managed.set({
      searchTerms: { terms: { VPN: ['GlobalProtect'], '??': ['x'] } },
    });
    const terms = await readSearchTerms();
    expect(terms).toEqual({ terms: { VPN: ['GlobalProtect'], Workday: ['HR portal'] } });
    expect(await readSearchTerms()).toBe(terms);
    expect((await readPolicy()).problems).toEqual([
      'searchTerms: terms."??": needs at least one letter or digit',
    ]);
  });

  it('are refused on save when invalid, and when a locked policy sets them', async () => {
    await expect(updateSettings({ searchTerms: { terms: { VPN: [] } } })).rejects.toThrow(
      /searchTerms: terms."VPN": must be a list/,
    );
    await fakeBrowser.storage.managed.set({
      searchTerms: { terms: { VPN: ['GlobalProtect'] } },
      locked: true,
    });
    await expect(updateSettings({ searchTerms: { terms: { Okta: ['SSO'] } } })).rejects.toThrow(
      /set by your organisation: searchTerms/,
    );
  });
});
