/**
 * "My choices on every device": votes, snoozes, "don't show again", paused sites, endorsements
 * and follows, synced through `storage.sync` (the browser's own account sync) and merged by last
 * change. Runs after the person changes one of them, when storage.sync changes (another browser),
 * and at start-up; `syncPersonalState: false` (policy or settings) switches it off. Nothing else
 * goes to storage.sync: no events, no page data, no settings, no secrets.
 */
import type { Browser } from '../browser';
import { getDb } from '../db';
import { readSettings } from '../settings/settings';
import { CHOICE_KINDS, type Choice, changesToApply, diffSnapshot, mergeChoices, prune } from './choices';
import { CHUNK_PREFIX, decodeChoices, encodeChoices, syncKeys } from './encoding';
import { applyChoices, readSnapshot } from './local';

/** The ledger: every choice with the time it last changed (IndexedDB `meta`). */
export const LEDGER_KEY = 'personalSync';
/** How long a removal is remembered, so that browsers offline for a while still hear of it. */
export const TOMBSTONE_DAYS = 90;

export interface PersonalSyncDeps {
  /** `browser.storage.sync`, or a stand-in in tests. */
  area: Pick<Browser.Storage.StorageArea, 'get' | 'set' | 'remove'>;
  now: () => number;
}

export type SyncOutcome =
  | { off: true }
  | { off: false; applied: number; written: number; dropped: number; choices: number };

function parseLedger(value: unknown): Choice[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is Choice =>
      typeof entry === 'object' &&
      entry !== null &&
      CHOICE_KINDS.includes(entry.kind) &&
      typeof entry.id === 'string' &&
      entry.id !== '' &&
      typeof entry.value === 'string' &&
      typeof entry.at === 'number' &&
      Number.isFinite(entry.at),
  );
}

async function runOnce(deps: PersonalSyncDeps): Promise<SyncOutcome> {
  if (!(await readSettings()).syncPersonalState) return { off: true };
  const now = deps.now();
  const db = await getDb();
  const snapshot = await readSnapshot(db, now);
  const local = diffSnapshot(parseLedger(await db.get('meta', LEDGER_KEY)), snapshot, now);
  const stored = (await deps.area.get(syncKeys())) as Record<string, unknown>;
  const merged = prune(mergeChoices(local, decodeChoices(stored)), now, TOMBSTONE_DAYS * 24 * 3600_000);
  const changes = changesToApply(snapshot, merged);
  await applyChoices(db, changes, now);
  await db.put('meta', merged, LEDGER_KEY);

  const { items, dropped } = encodeChoices(merged);
  const write: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items))
    if (JSON.stringify(stored[key]) !== JSON.stringify(value)) write[key] = value;
  const stale = Object.keys(stored).filter((key) => key.startsWith(CHUNK_PREFIX) && !(key in items));
  if (Object.keys(write).length) await deps.area.set(write);
  if (stale.length) await deps.area.remove(stale);
  if (dropped)
    console.warn(`Signpost: ${dropped} older choices do not fit storage.sync and stay on this device`);
  return {
    off: false,
    applied: changes.length,
    written: Object.keys(write).length,
    dropped,
    choices: merged.length,
  };
}

let running: Promise<SyncOutcome> | null = null;
let again = false;

/** Syncs the person's choices once; calls during a run make one more run after it. */
export function syncPersonalState(deps: PersonalSyncDeps): Promise<SyncOutcome> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let outcome: SyncOutcome;
    do {
      again = false;
      outcome = await runOnce(deps);
    } while (again);
    return outcome;
  })().finally(() => {
    running = null;
  });
  return running;
}
