import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPageSettings } from '@/utils/page-settings';

describe('the content script’s settings', () => {
  it('puts the policy’s rules first, keeps the person’s, and drops malformed paused sites', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        version: 1,
        toolRules: [{ tool: 'wiki', matches: ['https://wiki.corp.example/*'] }],
        pausedSites: ['docs.google.com', 'not a host!', 42],
      },
    });
    await fakeBrowser.storage.managed.set({
      toolRules: [{ tool: 'jira', matches: ['https://jira.corp.example/*'] }],
    });
    const settings = await loadPageSettings();
    expect(settings.toolRules.map((rule) => rule.tool)).toEqual(['jira', 'wiki']);
    expect(settings.pausedSites).toEqual(['docs.google.com']);
  });

  it('works with nothing stored', async () => {
    expect(await loadPageSettings()).toEqual({ toolRules: [], pausedSites: [] });
  });
});
