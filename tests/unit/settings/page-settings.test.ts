import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPageSettings } from '@/utils/settings/page-settings';

describe('the content script’s settings', () => {
  it('puts the policy’s rules and turned-off tools first, keeps the person’s, and drops malformed entries', async () => {
    await fakeBrowser.storage.local.set({
      pageSettings: {
        toolRules: [{ tool: 'wiki', matches: ['https://wiki.corp.example/*'] }],
        pausedSites: ['docs.google.com', 'not a host!', 42],
        disabledTools: ['slack', 7],
      },
    });
    await fakeBrowser.storage.managed.set({
      toolRules: [{ tool: 'jira', matches: ['https://jira.corp.example/*'] }],
      disabledTools: ['zoom'],
    });
    const settings = await loadPageSettings();
    expect(settings.toolRules.map((rule) => rule.tool)).toEqual(['jira', 'wiki']);
    expect(settings.pausedSites).toEqual(['docs.google.com']);
    expect(settings.disabledTools).toEqual(['zoom', 'slack']);
  });

  it('works with nothing stored', async () => {
    expect(await loadPageSettings()).toEqual({ toolRules: [], pausedSites: [], disabledTools: [] });
  });
});
