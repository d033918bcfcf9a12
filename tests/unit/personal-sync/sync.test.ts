/** Two browsers sharing one (simulated) storage.sync: choices made in one hold in the other. */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { endorsedItems, readFeedback, writeFeedback } from '@/utils/handlers/state/signals';
import { syncPersonalState } from '@/utils/personal-sync';
import { decodeChoices, META_KEY } from '@/utils/personal-sync/encoding';
import { readOwnSettings, updateSettings } from '@/utils/settings/settings';
import { closeVault, VAULT_NAME } from '@/utils/settings/vault';
import { readFollows, writeFollows } from '@/utils/whatsnew/follows';

const T = Date.UTC(2026, 11, 1, 9, 0, 0);
const MIN = 60_000;

/** A storage.sync stand-in both "browsers" write to, as the browser's account sync would join them. */
function sharedArea() {
  const data: Record<string, unknown> = {};
  let writes = 0;
  return {
    data,
    writes: () => writes,
    async get(keys?: null | string | string[]) {
      const wanted =
        keys === null || keys === undefined ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(
        wanted.filter((key) => key in data).map((key) => [key, structuredClone(data[key])]),
      );
    },
    async set(items: Record<string, unknown>) {
      writes += Object.keys(items).length;
      Object.assign(data, structuredClone(items));
    },
    async remove(keys: string | string[]) {
      for (const key of Array.isArray(keys) ? keys : [keys]) delete data[key];
    },
  };
}

/** Another browser: its own IndexedDB and storage, nothing shared but the sync area. */
async function switchBrowser() {
  await closeDb();
  await deleteDB(DB_NAME);
  await closeVault();
  await deleteDB(VAULT_NAME);
  fakeBrowser.reset();
}

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

describe('syncPersonalState', () => {
  it('carries votes, dismissals, snoozes, paused sites, endorsements and follows to the other browser', async () => {
    const area = sharedArea();
    let now = T;
    const deps = { area, now: () => now };

    // Laptop.
    const db = await getDb();
    await writeFeedback(db, { itemId: 'kb:1', vote: 'helpful', views: 3, updatedAt: now });
    await writeFeedback(db, { itemId: 'tip:2', dismissed: true, views: 1, updatedAt: now });
    await writeFeedback(db, {
      itemId: 'kb:3',
      snoozedUntil: now + 7 * 24 * 60 * MIN,
      views: 0,
      updatedAt: now,
    });
    await updateSettings({ pausedSites: ['jira.example.com'] });
    await writeFollows({
      version: 1,
      follow: { tools: ['jira'], tags: ['vpn'] },
      unfollow: { tools: [], tags: [] },
    });
    await db.put('meta', ['kb:7'], 'syncedEndorsements');
    const first = await syncPersonalState(deps);
    expect(first).toMatchObject({ off: false, choices: 7, dropped: 0 });
    // Only the compact choices: no event, no page, no setting.
    expect(Object.keys(area.data).sort()).toEqual(['ps0', 'psm']);
    expect(JSON.stringify(area.data)).not.toMatch(/views|settings|https?:/);

    // Desktop: has voted differently on kb:1, later.
    await switchBrowser();
    now = T + 10 * MIN;
    let other = await getDb();
    await writeFeedback(other, { itemId: 'kb:1', vote: 'not-helpful', views: 0, updatedAt: now });
    const second = await syncPersonalState(deps);
    expect(second).toMatchObject({ off: false });
    other = await getDb();
    expect((await readFeedback(other, 'tip:2'))?.dismissed).toBe(true);
    expect((await readFeedback(other, 'kb:3'))?.snoozedUntil).toBe(T + 7 * 24 * 60 * MIN);
    // The desktop's own, later vote wins and goes back to sync.
    expect((await readFeedback(other, 'kb:1'))?.vote).toBe('not-helpful');
    expect((await readOwnSettings()).pausedSites).toEqual(['jira.example.com']);
    expect((await readFollows()).follow).toEqual({ tools: ['jira'], tags: ['vpn'] });
    expect(await endorsedItems(other)).toEqual(new Set(['kb:7']));
    const synced = decodeChoices(area.data);
    expect(synced.find((c) => c.kind === 'vote')).toMatchObject({ value: 'not-helpful' });

    // Resuming the site on the desktop resumes it everywhere (a removal is a change too).
    now += MIN;
    await updateSettings({ pausedSites: [] });
    await syncPersonalState(deps);
    const writesBefore = area.writes();
    await syncPersonalState(deps);
    expect(area.writes()).toBe(writesBefore); // nothing changed: nothing written
    expect(decodeChoices(area.data).find((c) => c.kind === 'pause')).toMatchObject({ value: '' });
  });

  it('stays within the quota when there are too many choices, keeping the newest and counting the rest', async () => {
    const area = sharedArea();
    const db = await getDb();
    for (let i = 0; i < 2500; i++)
      await writeFeedback(db, {
        itemId: `confluence:page-${String(i).padStart(5, '0')}-with-a-long-external-id`,
        vote: 'helpful',
        views: 0,
        updatedAt: T,
      });
    const outcome = await syncPersonalState({ area, now: () => T });
    if (outcome.off) throw new Error('off');
    expect(outcome.dropped).toBeGreaterThan(0);
    expect((area.data[META_KEY] as { dropped: number }).dropped).toBe(outcome.dropped);
    const total = Object.entries(area.data).reduce(
      (sum, [key, value]) => sum + new TextEncoder().encode(key + JSON.stringify(value)).length,
      0,
    );
    expect(total).toBeLessThanOrEqual(100_000);
    expect(decodeChoices(area.data).length + outcome.dropped).toBe(2500);
  });

  it('does nothing when the policy says syncPersonalState: false', async () => {
    await fakeBrowser.storage.managed.set({ syncPersonalState: false });
    const area = sharedArea();
    const db = await getDb();
    await writeFeedback(db, { itemId: 'kb:1', vote: 'helpful', views: 0, updatedAt: T });
    area.data[META_KEY] = { v: 1, n: 1, dropped: 0 };
    area.data.ps0 = [`d${Math.floor(T / 1000).toString(36)} 1 kb:9`];
    expect(await syncPersonalState({ area, now: () => T })).toEqual({ off: true });
    expect(area.data.ps0).toEqual([`d${Math.floor(T / 1000).toString(36)} 1 kb:9`]);
    expect(await readFeedback(db, 'kb:9')).toBeNull();
  });
});
