/** The source handlers: the person’s own sources added, switched, synced, checked and removed. */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { readSecret } from '@/utils/settings/secrets';
import { readOwnSettings } from '@/utils/settings/settings';
import { readStoredSecret } from '@/utils/settings/vault';
import { background, catalog, feed, NOW, optionsBackground, serve, teamFeed } from './harness';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('the source handlers', () => {
  it('refuses to switch a source that does not exist', async () => {
    const bg = background(serve(catalog([])).fetchFn);
    await expect(bg.setSourceEnabled({ sourceId: 'nope', enabled: false })).rejects.toThrow(/no source/);
  });

  it("keeps an own source's credentials apart, sends them only to it, and removes everything on remove", async () => {
    const requests: { url: string; auth: string | null }[] = [];
    const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      requests.push({ url, auth: new Headers(init?.headers).get('authorization') });
      if (url.startsWith('chrome-extension://')) return new Response(catalog(['Plan a sprint on the board']));
      return new Response(catalog(['Team sprint rules']), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const bg = background(fetchFn);
    const source = {
      id: 'team',
      type: 'catalog',
      name: 'Team',
      url: 'https://kb.corp.example/team.json',
      tools: ['jira'],
    };
    const { sources } = await bg.saveSource({ source, auth: { kind: 'bearer', token: 's3cret' } });
    expect(sources.find((s) => s.id === 'team')).toMatchObject({ origin: 'own', status: { itemCount: 1 } });
    expect(JSON.stringify(sources)).not.toContain('s3cret');
    expect(JSON.stringify(await readOwnSettings())).not.toContain('s3cret');
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain('s3cret');
    expect(await readSecret('team', source.url)).toEqual({ kind: 'bearer', token: 's3cret' });
    expect(requests.find((r) => r.url.startsWith('https://kb.corp.example'))?.auth).toBe('Bearer s3cret');
    expect(
      requests.filter((r) => !r.url.startsWith('https://kb.corp.example')).every((r) => r.auth === null),
    ).toBe(true);

    const after = await bg.removeSource({ sourceId: 'team' });
    expect(after.sources.some((s) => s.id === 'team')).toBe(false);
    expect(await readStoredSecret('source', 'team')).toBeUndefined();
    expect(await (await getDb()).getAllFromIndex('items', 'bySource', 'team')).toEqual([]);
  });
});

describe('the person’s own sources', () => {
  it('can be switched off and on: off means not synced, not scheduled and not shown', async () => {
    const { bg, requests } = optionsBackground();
    await bg.saveSource({ source: teamFeed });
    expect((await bg.schedule()).map((entry) => entry.id)).toEqual(['team']);
    const off = await bg.setSourceEnabled({ sourceId: 'team', enabled: false });
    expect(off.sources.find((source) => source.id === 'team')).toMatchObject({
      enabled: false,
      origin: 'own',
    });
    expect(await bg.schedule()).toEqual([]);
    const fetched = requests.length;
    await bg.syncById('team');
    expect(requests).toHaveLength(fetched);
    const titles = async () =>
      (await bg.searchItems({ query: 'sprint review checklist' })).hits.map((i) => i.title);
    // Search finds partial matches among the demo items now; the switched-off source's item is not among them.
    expect(await titles()).not.toContain('Sprint review checklist for the board');
    await bg.setSourceEnabled({ sourceId: 'team', enabled: true });
    expect((await titles())[0]).toBe('Sprint review checklist for the board');
    expect((await readOwnSettings()).sources[0]).not.toHaveProperty('enabled');
  });

  it('have a content health report', async () => {
    const { bg } = optionsBackground(() => NOW);
    await bg.saveSource({ source: teamFeed });
    const health = await bg.sourceHealth({ sourceId: 'team' });
    expect(health.items).toBe(1);
    expect(health.overLong.count).toBe(1);
    expect(health.overLong.examples[0]?.detail).toBeGreaterThan(2);
    expect(health.droppedLinks).toBe(1);
    const demoHealth = await bg.sourceHealth({ sourceId: 'builtin-demo' });
    expect(demoHealth.noSummary.examples.map((e) => e.title)).toEqual(['New: sprint insights on the board']);
    expect(demoHealth.stale.count).toBe(1);
    await expect(bg.sourceHealth({ sourceId: 'nope' })).rejects.toThrow(/no source/);
  });
});

describe('credentials bound to the origin they were given for', () => {
  /** A background whose every https address serves the team feed; each request's auth is logged. */
  function logged() {
    const requests: { url: string; auth: string | null }[] = [];
    const bg = background((async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      requests.push({ url, auth: new Headers(init?.headers).get('authorization') });
      return new Response(url.startsWith('chrome-extension://') ? catalog([]) : feed);
    }) as typeof fetch);
    const sentTo = (host: string) =>
      requests.filter((request) => new URL(request.url).host === host).map((request) => request.auth);
    return { bg, requests, sentTo };
  }
  const token = { kind: 'bearer', token: 'tok-team' } as const;

  it('are not sent after an import moves the source to another host, and are dropped', async () => {
    const { bg, sentTo } = logged();
    await bg.saveSource({ source: teamFeed, auth: token });
    expect(sentTo('team.example')).toContain('Bearer tok-team');
    const text = JSON.stringify({ sources: [{ ...teamFeed, url: 'https://evil.example/feed.xml' }] });
    const check = await bg.checkConfig({ text });
    expect(check.ok && check.moved).toEqual([
      { id: 'team', from: teamFeed.url, to: 'https://evil.example/feed.xml' },
    ]);
    expect((await bg.importConfig({ text })).ok).toBe(true);
    await bg.syncNow({ sourceId: 'team' });
    expect(sentTo('evil.example')).toEqual([null]);
    expect(await readStoredSecret('source', 'team')).toBeUndefined();
  });

  it('are dropped when the editor saves another host, and Test with another host does not send them', async () => {
    const { bg, sentTo } = logged();
    await bg.saveSource({ source: teamFeed, auth: token });
    await bg.previewSource({ source: { ...teamFeed, url: 'https://other.example/feed.xml' } });
    expect(sentTo('other.example')).toEqual([null]);
    await bg.saveSource({ source: { ...teamFeed, url: 'https://moved.example/feed.xml' } });
    expect(sentTo('moved.example')).toEqual([null]);
    expect(await readStoredSecret('source', 'team')).toBeUndefined();
  });

  it('typed for one address are not sent to a detected address on another origin', async () => {
    const { bg, sentTo } = logged();
    const preview = await bg.previewSource({
      source: { ...teamFeed, id: 'new', url: 'https://cdn.example/feed.xml' },
      auth: token,
      authOrigin: 'https://team.example',
    });
    expect(sentTo('cdn.example')).toEqual([null]);
    expect(preview.warnings[0]).toMatch(/credentials not sent/);
    await bg.previewSource({
      source: { ...teamFeed, id: 'new' },
      auth: token,
      authOrigin: 'https://team.example',
    });
    expect(sentTo('team.example')).toEqual(['Bearer tok-team']);
  });

  it('are refused over plain http to another computer, with a clear message', async () => {
    const { bg, requests } = logged();
    const plain = { ...teamFeed, url: 'http://team.example/feed.xml' };
    await expect(bg.saveSource({ source: plain, auth: token })).rejects.toThrow(/https only/);
    await expect(bg.previewSource({ source: plain, auth: token })).rejects.toThrow(/https only/);
    expect(requests.filter((request) => request.auth !== null)).toEqual([]);
  });
});
