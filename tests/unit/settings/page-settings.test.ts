import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageSettingsOf } from '@/utils/settings/page-copy';
import { loadPageSettings, saveBadgePosition } from '@/utils/settings/page-settings';

describe('the content script’s settings', () => {
  it('reads the paused sites and drops malformed entries; rules and turned-off tools stay the background’s', async () => {
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
    expect(await loadPageSettings()).toEqual({
      pausedSites: ['docs.google.com'],
      badgePositions: { own: {}, admin: {} },
    });
  });

  it('copies only the person’s rules, paused sites and turned-off tools for pages, validated', () => {
    expect(
      pageSettingsOf({
        toolRules: [{ tool: 'wiki', matches: ['https://wiki.corp.example/*'] }, { tool: 'x' }],
        pausedSites: ['docs.google.com', 'not a host!'],
        disabledTools: ['slack', 7],
        flagWebhook: 'https://hooks.example/secret',
      }),
    ).toEqual({
      toolRules: [{ tool: 'wiki', matches: ['https://wiki.corp.example/*'] }],
      pausedSites: ['docs.google.com'],
      disabledTools: ['slack'],
    });
  });

  it('works with nothing stored', async () => {
    expect(await loadPageSettings()).toEqual({
      pausedSites: [],
      badgePositions: { own: {}, admin: {} },
    });
  });

  it('reads the admin’s badge positions from the policy and remembers the person’s own per tool', async () => {
    await fakeBrowser.storage.managed.set({
      badgePosition: { jira: { side: 'left', bottom: 80 }, slack: { side: 'middle', bottom: 5 } },
    });
    await saveBadgePosition('github', { side: 'right', bottom: 120.4 });
    await saveBadgePosition('jira', { side: 'right', bottom: -3 });
    const { badgePositions } = await loadPageSettings();
    expect(badgePositions.admin).toEqual({ jira: { side: 'left', bottom: 80 } });
    expect(badgePositions.own).toEqual({ github: { side: 'right', bottom: 120 } });
    // Only harmless page data: the positions, under their own key.
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['badgePositions']);
  });
});
