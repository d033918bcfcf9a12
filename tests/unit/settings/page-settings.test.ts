import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManaged } from '@/utils/settings/managed';
import { pageSettingsOf } from '@/utils/settings/page-copy';
import { loadPageSettings, onPageSettingsChanged, saveBadgePosition } from '@/utils/settings/page-settings';

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

  it('reads the admin’s badge positions from the background’s copy of the policy, never from storage.managed', async () => {
    await fakeBrowser.storage.managed.set({
      badgePosition: { jira: { side: 'left', bottom: 80 }, slack: { side: 'middle', bottom: 5 } },
    });
    // The background reads the policy (any message does) and writes the page part of it.
    await readManaged();
    const managed = vi.spyOn(fakeBrowser.storage.managed, 'get');
    await saveBadgePosition('github', { side: 'right', bottom: 120.4 });
    await saveBadgePosition('jira', { side: 'right', bottom: -3 });
    const { badgePositions } = await loadPageSettings();
    expect(badgePositions.admin).toEqual({ jira: { side: 'left', bottom: 80 } });
    expect(badgePositions.own).toEqual({ github: { side: 'right', bottom: 120 } });
    expect(managed).not.toHaveBeenCalled();
    // Only harmless page data: the positions, under their own keys, and the policy's stamp.
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local).sort()).toEqual(['badgePositions', 'policyForPages']);
    expect(local.policyForPages).toEqual({
      badgePositions: { jira: { side: 'left', bottom: 80 } },
      stamp: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('tells an open page when the policy changes, through the background’s copy', async () => {
    await readManaged();
    const seen: unknown[] = [];
    const stop = onPageSettingsChanged((settings) => seen.push(settings.badgePositions.admin));
    await fakeBrowser.storage.managed.set({ badgePosition: { jira: { side: 'left', bottom: 10 } } });
    await vi.waitFor(() => expect(seen).toEqual([{ jira: { side: 'left', bottom: 10 } }]));
    // A change that moves no badge still changes the stamp: the page asks again.
    await fakeBrowser.storage.managed.set({ maxItems: 1 });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    stop();
  });
});
