/**
 * Settings and secrets live in the vault (IndexedDB), out of a content script's reach; an older
 * Signpost's storage.local is moved there without losing a secret; secrets are bound to an origin.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPageSettings } from '@/utils/settings/page-settings';
import { readSecret, readSecretFor, writeSecret, writeSecretFor } from '@/utils/settings/secrets';
import { readOwnSettings, readSettings, updateSettings } from '@/utils/settings/settings';
import { readStoredSecret } from '@/utils/settings/vault';

/** What an older Signpost left in storage.local. */
const oldStorage = {
  settings: {
    version: 1,
    demoContent: false,
    maxItems: 2,
    pausedSites: ['docs.google.com'],
    disabledTools: ['slack'],
    toolRules: [{ tool: 'wiki', matches: ['https://wiki.corp.example/*'] }],
    flagWebhook: 'https://hooks.example/T0/B0/very-secret-path',
    reportEndpoint: 'https://metrics.example/signpost?key=report-key',
    sources: [
      {
        id: 'team',
        type: 'feed',
        name: 'Team',
        url: 'https://team.example/feed.xml',
        builtin: false,
        tools: [],
      },
      { id: 'kb', type: 'zendesk', name: 'KB', url: 'https://acme.zendesk.com', builtin: false, tools: [] },
    ],
  },
  sourceSecrets: {
    team: { kind: 'basic', username: 'ann', password: 'pw-team' },
    kb: { kind: 'bearer', token: 'tok-kb' },
    gone: { kind: 'bearer', token: 'tok-orphan' },
  },
};

describe('moving an older storage.local into the vault', () => {
  it('keeps every setting and every secret, and leaves storage.local without either', async () => {
    await fakeBrowser.storage.local.set(oldStorage);
    const own = await readOwnSettings();
    expect(own).toMatchObject({
      demoContent: false,
      maxItems: 2,
      flagWebhook: oldStorage.settings.flagWebhook,
      reportEndpoint: oldStorage.settings.reportEndpoint,
    });
    expect(own.sources.map((source) => source.id)).toEqual(['team', 'kb']);
    expect(await readSecret('team', 'https://team.example/feed.xml')).toEqual(oldStorage.sourceSecrets.team);
    expect(await readSecret('kb', 'https://acme.zendesk.com/api/v2/help_center')).toEqual(
      oldStorage.sourceSecrets.kb,
    );
    // A secret whose source is not listed is kept, bound to no origin: never sent anywhere.
    expect(await readStoredSecret('source', 'gone')).toMatchObject({
      origin: '',
      value: { token: 'tok-orphan' },
    });

    const local = await fakeBrowser.storage.local.get();
    expect(Object.keys(local).sort()).toEqual(['pageSettings', 'settingsChangedAt']);
    const text = JSON.stringify(local);
    for (const secret of [
      'pw-team',
      'tok-kb',
      'tok-orphan',
      'very-secret-path',
      'report-key',
      'team.example',
    ])
      expect(text).not.toContain(secret);
    // The content script still gets what it needs.
    expect(await loadPageSettings()).toMatchObject({ pausedSites: ['docs.google.com'] });
    expect((await fakeBrowser.storage.local.get('pageSettings')).pageSettings).toMatchObject({
      toolRules: oldStorage.settings.toolRules,
      disabledTools: ['slack'],
    });
  });

  it('does not overwrite a vault that already holds newer values (a move cut off half-way)', async () => {
    await updateSettings({ maxItems: 1 });
    await writeSecret('team', 'https://team.example/', { kind: 'bearer', token: 'newer' });
    await fakeBrowser.storage.local.set(oldStorage);
    const { forgetMigration } = await import('@/utils/settings/storage-migration');
    forgetMigration();
    expect((await readSettings()).maxItems).toBe(1);
    expect(await readSecret('team', 'https://team.example/feed.xml')).toEqual({
      kind: 'bearer',
      token: 'newer',
    });
    expect(await readSecret('kb', 'https://acme.zendesk.com/')).toEqual(oldStorage.sourceSecrets.kb);
    expect(await fakeBrowser.storage.local.get(['settings', 'sourceSecrets'])).toEqual({});
  });
});

describe('settings in the vault', () => {
  it('write only the page settings, a change stamp and the policy’s page part to storage.local', async () => {
    await fakeBrowser.storage.managed.set({
      sources: [
        {
          id: 'org',
          name: 'Org KB',
          kind: 'feed',
          url: 'https://kb.example/feed.xml',
          auth: { kind: 'bearer', token: 'policy-token' },
        },
      ],
      badgePosition: { jira: { side: 'left', bottom: 40 } },
    });
    await updateSettings({
      flagWebhook: 'https://hooks.example/secret-hook',
      reportEndpoint: 'https://metrics.example/r',
      pausedSites: ['mail.google.com'],
    });
    await writeSecret('team', 'https://team.example/feed.xml', { kind: 'bearer', token: 'tok-1' });
    const local = await fakeBrowser.storage.local.get();
    expect(Object.keys(local).sort()).toEqual(['pageSettings', 'policyForPages', 'settingsChangedAt']);
    expect(JSON.stringify(local)).not.toMatch(/secret-hook|metrics\.example|tok-1|policy-token|kb\.example/);
    expect((await loadPageSettings()).pausedSites).toEqual(['mail.google.com']);
  });
});

describe('secrets bound to an origin', () => {
  it('are handed out only for an address on the origin they were given for', async () => {
    await writeSecretFor('clickhouse', 'report-store', 'https://ch.example:8443/', 'pw');
    expect(await readSecretFor('clickhouse', 'report-store', 'https://ch.example:8443/?query=1')).toBe('pw');
    expect(await readSecretFor('clickhouse', 'report-store', 'https://ch.example/')).toBeUndefined();
    expect(await readSecretFor('clickhouse', 'report-store', 'https://evil.example:8443/')).toBeUndefined();
    expect(await readSecretFor('clickhouse', 'report-store', 'http://ch.example:8443/')).toBeUndefined();
    expect(await readSecretFor('clickhouse', 'other', 'https://ch.example:8443/')).toBeUndefined();
  });

  it('are refused over plain http except to this computer', async () => {
    const auth = { kind: 'bearer', token: 't' } as const;
    await expect(writeSecret('a', 'http://wiki.corp.example/feed', auth)).rejects.toThrow(/https only/);
    for (const url of ['http://localhost:8080/x', 'http://127.0.0.1/x', 'http://[::1]:3000/x']) {
      await writeSecret('a', url, auth);
      expect(await readSecret('a', url)).toEqual(auth);
    }
  });

  it('are dropped when a source moves to another origin, kept when it moves on the same origin', async () => {
    const team = {
      id: 'team',
      type: 'feed' as const,
      name: 'Team',
      url: 'https://team.example/feed.xml',
      builtin: false,
      tools: [],
    };
    await updateSettings(
      { sources: [team] },
      { team: { url: team.url, auth: { kind: 'bearer', token: 't' } } },
    );
    await updateSettings({ sources: [{ ...team, url: 'https://team.example/other.xml' }] });
    expect(await readStoredSecret('source', 'team')).toBeDefined();
    await updateSettings({ sources: [{ ...team, url: 'https://elsewhere.example/feed.xml' }] });
    expect(await readStoredSecret('source', 'team')).toBeUndefined();
  });
});
