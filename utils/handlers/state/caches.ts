/**
 * What the background derives from the cached items, once per worker life and again after any
 * change of sources: the match index of the enabled sources' items (from its snapshot when it is
 * current), which serves both the page matcher and the champion's search, and their tips alone
 * for What's new: taken from the index when something already asked for it (the popup asks for
 * both at once; reading the tips again beside the snapshot held its first search up), else read
 * through the items' kind index, so that a cold worker that answers from the snapshot never reads
 * the whole catalog and a worker woken only for What's new never loads the index.
 *
 *   items (IndexedDB, enabled sources) ──► match index ◄──► snapshot (meta/matchIndex)
 *                                     │         └──► tips (What's new), when the index is loaded or loading
 *                                     └──► tips (What's new), otherwise
 *
 * After a sync the index is brought up to date from the last one (`updateMatchIndex`: only changed
 * items are analysed), or built again when much changed.
 */
import { type Db, getDb, readItems } from '../../db';
import { buildMatchIndex, type MatchIndex } from '../../match';
import { updateMatchIndex } from '../../match/update';
import type { KnowledgeItem } from '../../model';
import { readSettings } from '../../settings/settings';
import { readSnapshot, saveSnapshot, snapshotKey } from './index-snapshot';
import { allSources, isEnabled } from './source-list';

export interface Caches {
  /** The tips alone (What's new), read through the items' kind index rather than with every item. */
  tips(): Promise<KnowledgeItem[]>;
  matchIndex(): Promise<MatchIndex>;
  /** Forgets everything derived from the items, after sources or their switches change. */
  invalidate(): void;
}

/** Quiet time after the last change of items before the index is built again ahead of need. */
const REBUILD_AFTER_MS = 2000;

/** A promise made once and kept; forgotten when it fails or on `clear`. */
function lazy<T>(make: () => Promise<T>) {
  let value: Promise<T> | null = null;
  return {
    /** Whether it was asked for (and is made or being made). */
    asked(): boolean {
      return value !== null;
    },
    get(): Promise<T> {
      value ??= make().catch((error: unknown) => {
        value = null;
        throw error;
      });
      return value;
    },
    clear() {
      value = null;
    },
  };
}

/** After the answer that asked for the index: stores its snapshot for the next worker life. */
function saveLater(db: Db, key: string, index: MatchIndex): void {
  setTimeout(() => saveSnapshot(db, key, index), 0);
}

/** The index updated to `items`, or null when a build is better or the update failed (then logged). */
function updateOrNull(base: MatchIndex, items: KnowledgeItem[]): MatchIndex | null {
  try {
    return updateMatchIndex(base, items);
  } catch (error) {
    console.warn('Signpost: the index could not be updated, building it again', error);
    return null;
  }
}

/** `ready` resolves once the built-in sources are registered. */
export function createCaches(ready: () => Promise<void>): Caches {
  /** The stored items of the enabled sources, all or of one kind. */
  async function read(kind?: KnowledgeItem['kind']): Promise<KnowledgeItem[]> {
    await ready();
    const [db, settings, sources] = await Promise.all([getDb(), readSettings(), allSources()]);
    const enabled = new Set(
      sources.filter((source) => isEnabled(source, settings)).map((source) => source.id),
    );
    return readItems(db, enabled, kind);
  }
  const items = lazy(() => read());
  const tips = lazy(() => read('tip'));

  // The last index this worker life had: after a sync, the next one is made from it by indexing
  // only what changed (a cold worker starts from the stored snapshot of the last one).
  let previous: MatchIndex | null = null;
  const matchIndex = lazy(async () => {
    await ready();
    const [db, settings] = await Promise.all([getDb(), readSettings()]);
    const key = await snapshotKey(db, settings, await allSources());
    const stored = await readSnapshot(db, key, previous === null);
    if (stored?.current) {
      previous = stored.index;
      return stored.index;
    }
    const current = await items.get();
    const base = previous ?? stored?.index;
    const made = (base && updateOrNull(base, current)) ?? buildMatchIndex(current);
    saveLater(db, key, made);
    previous = made;
    return made;
  });

  // A sync changed the items: index them again once the burst is over (sources sync one after
  // another), so that the next page view, in this worker life or a later one from the snapshot,
  // does not wait for the build.
  let warm: ReturnType<typeof setTimeout> | undefined;
  return {
    async tips() {
      if (matchIndex.asked()) {
        try {
          return (await matchIndex.get()).items.filter((item) => item.kind === 'tip');
        } catch {
          // The index failed (and says so where it was asked for): read the tips on their own.
        }
      }
      return tips.get();
    },
    matchIndex: matchIndex.get,
    invalidate() {
      items.clear();
      tips.clear();
      matchIndex.clear();
      clearTimeout(warm);
      warm = setTimeout(() => {
        matchIndex.get().catch(() => {});
      }, REBUILD_AFTER_MS);
    },
  };
}
