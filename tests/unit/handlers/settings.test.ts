/** The settings handlers: editable settings, configuration import, and the policy view. */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { readSecret } from '@/utils/settings/secrets';
import { readOwnSettings } from '@/utils/settings/settings';
import { optionsBackground, teamFeed } from './harness';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('settings from the options page', () => {
  it('saves valid changes and refuses invalid ones without saving any part', async () => {
    const { bg } = optionsBackground();
    const saved = await bg.saveSettings({ change: { maxItems: 2, audiences: ['sales'] } });
    expect(saved.own.maxItems).toBe(2);
    expect(saved.effective.audiences).toEqual(['sales']);
    await expect(
      bg.saveSettings({
        change: { maxItems: 1, nudges: { ...saved.own.nudges, maxPerDay: 99 } },
      }),
    ).rejects.toThrow(/nudges.maxPerDay must be a whole number from 0 to 20/);
    expect((await readOwnSettings()).maxItems).toBe(2);
    await expect(bg.saveSettings({ change: { reportEndpoint: 'ftp://x' } })).rejects.toThrow(/http/);
  });

  it('keeps a locked policy’s keys and names them', async () => {
    await fakeBrowser.storage.managed.set({ nudges: { maxPerDay: 1 }, locked: true });
    const { bg } = optionsBackground();
    const view = await bg.getSettings();
    expect(view.enforced).toEqual(['nudges']);
    expect(view.locked).toBe(true);
    expect(view.effective.nudges.maxPerDay).toBe(1);
    await expect(bg.saveSettings({ change: { nudges: view.own.nudges } })).rejects.toThrow(
      /set by your organisation: nudges/,
    );
  });
});

describe('configuration import', () => {
  it('replaces the own sources, stores credentials apart, and drops what is no longer listed', async () => {
    const { bg } = optionsBackground();
    await bg.saveSource({ source: { ...teamFeed, id: 'old', name: 'Old' } });
    const text = JSON.stringify({
      sources: [{ ...teamFeed, auth: { kind: 'bearer', token: 'tok-123' } }],
      demoContent: false,
    });
    expect(await bg.checkConfig({ text })).toEqual({
      ok: true,
      keys: ['sources', 'demoContent'],
      notes: [],
      sources: 1,
    });
    expect((await bg.importConfig({ text })).ok).toBe(true);
    const own = await readOwnSettings();
    expect(own.sources.map((source) => source.id)).toEqual(['team']);
    expect(own.demoContent).toBe(false);
    expect(JSON.stringify(own)).not.toContain('tok-123');
    expect(await readSecret('team', teamFeed.url)).toEqual({ kind: 'bearer', token: 'tok-123' });
    expect(await (await getDb()).get('status', 'old')).toBeUndefined();
  });

  it('changes nothing when the file has a problem', async () => {
    const { bg } = optionsBackground();
    await bg.saveSettings({ change: { maxItems: 2 } });
    const before = await readOwnSettings();
    const result = await bg.importConfig({ text: JSON.stringify({ maxItems: 1, sources: [{ id: 'x' }] }) });
    expect(result).toEqual({
      ok: false,
      problems: [
        'sources[0] (x): "type" must be one of catalog, feed, confluence, zendesk, servicenow, discourse, mediawiki, dokuwiki',
      ],
    });
    expect(await readOwnSettings()).toEqual(before);
  });

  it('refuses sources that take a policy source’s id', async () => {
    await fakeBrowser.storage.managed.set({
      sources: [{ id: 'team', type: 'feed', url: 'https://team.example/x' }],
    });
    const { bg } = optionsBackground();
    const result = await bg.importConfig({ text: JSON.stringify({ sources: [teamFeed] }) });
    expect(result).toEqual({
      ok: false,
      problems: ['sources: the id "team" is taken by a source your organisation set'],
    });
  });
});

describe('the policy view', () => {
  it('shows what the policy sets with credentials masked, and the entries left out', async () => {
    const { bg } = optionsBackground();
    expect(await bg.getPolicy()).toEqual({ present: false, policy: {}, problems: [] });
    await fakeBrowser.storage.managed.set({
      sources: [
        {
          id: 'kb',
          type: 'zendesk',
          url: 'https://acme.zendesk.com',
          auth: { kind: 'bearer', token: 'secret-1' },
        },
        { id: 'Bad Id', type: 'feed', url: 'https://x.example/' },
      ],
      reportEndpoint: 'not a url',
    });
    const view = await bg.getPolicy();
    expect(view.present).toBe(true);
    expect(JSON.stringify(view)).not.toContain('secret-1');
    expect(view.policy.sources?.[0]?.auth).toEqual({ kind: 'bearer', hidden: true });
    expect(view.problems).toEqual([
      'sources[1]: "id" must be a lowercase id such as "it-news" (and not start with "builtin-")',
      'reportEndpoint must be an http(s) address',
    ]);
  });
});

describe('database problem', () => {
  it('answers null when the database opens, and the reason when it cannot', async () => {
    const { bg } = optionsBackground();
    expect(await bg.getDatabaseProblem({})).toEqual({ problem: null });
    await closeDb();
    const real = indexedDB.open.bind(indexedDB);
    const spy = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      const request = real(`signpost-failing-${Math.random()}`, 1);
      request.addEventListener('upgradeneeded', (event) => {
        event.stopImmediatePropagation();
        request.transaction?.abort();
      });
      return request;
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await bg.getDatabaseProblem({})).toEqual({ problem: expect.stringMatching(/^AbortError: /) });
    spy.mockRestore();
    expect(await bg.getDatabaseProblem({})).toEqual({ problem: null });
    vi.restoreAllMocks();
  });
});
