/** Opening IndexedDB: a downgrade rebuilds it; any other failure keeps the data and says why. */
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, DB_NAME, DB_VERSION, databaseProblem, getDb } from '@/utils/db';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDb();
  await deleteDB(DB_NAME);
});

/** A stored database with one feedback record, as an older Signpost left it. */
async function seed() {
  const db = await getDb();
  await db.put('feedback', { itemId: 'kb:1', vote: 'helpful', views: 3 } as never);
  await closeDb();
}

/**
 * Makes the next `count` indexedDB.open calls fail as a browser's do when it cannot open a database
 * (an aborted open: AbortError), on a throwaway database so that Signpost's stays as it is.
 */
function failOpens(count: number) {
  const real = indexedDB.open.bind(indexedDB);
  let left = count;
  return vi.spyOn(indexedDB, 'open').mockImplementation((...args: Parameters<IDBFactory['open']>) => {
    if (left <= 0) return real(...args);
    left--;
    const request = real(`signpost-failing-${left}-${Math.random()}`, 1);
    request.addEventListener('upgradeneeded', (event) => {
      event.stopImmediatePropagation();
      request.transaction?.abort();
    });
    return request;
  });
}

describe('getDb', () => {
  it('keeps the data when opening fails for another reason than the version, and retries', async () => {
    await seed();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    failOpens(2);
    const db = await getDb();
    expect(await db.get('feedback', 'kb:1')).toMatchObject({ vote: 'helpful' });
    expect(databaseProblem()).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('after three failures runs without the database, says why, and keeps the data for later', async () => {
    await seed();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    failOpens(3);
    await expect(getDb()).rejects.toMatchObject({ name: 'AbortError' });
    expect(databaseProblem()).toMatch(/^AbortError: /);
    // The next attempt (the options page asks again) opens it, with the data still there.
    const db = await getDb();
    expect(await db.get('feedback', 'kb:1')).toMatchObject({ vote: 'helpful' });
    expect(databaseProblem()).toBeNull();
  });

  it('rebuilds the database when it was written by a newer version (a downgrade)', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('future');
      },
    });
    newer.close();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).not.toContain('future');
    expect(databaseProblem()).toBeNull();
  });
});
