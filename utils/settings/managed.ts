/**
 * The organisation's policy as the browser hands it over (`storage.managed`), kept by the
 * background. Every message reads the policy, and Chromium answers the first `storage.managed`
 * read after the browser starts late (about a second after a start on the development machine,
 * 2.5 s in some E2E runs); later reads take milliseconds. So:
 *
 * - the worker asks the browser once per life and again only when the policy changes
 *   (`storage.onChanged`, area `managed`);
 * - the last policy the browser handed over is kept in the vault (a record, background only: a
 *   policy can hold credentials). A worker that starts answers from that copy at once and, when the
 *   browser's own answer differs, takes it and tells the watchers, as for a changed policy.
 *
 * So for the moment after a browser start the previous policy is in force, never none; it is the
 * one the browser gave the last time it was asked.
 *
 * Pages get what they need of the policy from a copy the background writes into `storage.local`
 * with every answer of the browser (`policyForPages`: the admin's badge positions and a stamp that
 * changes with the policy, so that open pages ask again). Content scripts never wait for
 * `storage.managed` themselves.
 */
import { parsePositions } from '@/components/nudge/position';
import { browser } from '../browser';
import { isRecord } from '../model';
import { POLICY_FOR_PAGES_KEY } from './page-settings';
import { readRecord, writeVault } from './vault';

/** The vault record of the last policy the browser handed over. */
export const POLICY_RECORD = 'policy';

type Managed = Record<string, unknown>;

let current: Promise<Managed> | undefined;
let listening = false;
/** How many policy changes the browser reported in this worker life. */
let changes = 0;
const watchers = new Set<() => void>();

function askBrowser(): Promise<Managed> {
  // Firefox rejects when no policy file exists; Chrome answers {}: both mean "no policy".
  return browser.storage.managed.get().then(
    (value) => (isRecord(value) ? value : {}),
    () => ({}),
  );
}

const same = (a: Managed, b: Managed) => JSON.stringify(a) === JSON.stringify(b);

/** A hex digest of the policy: it tells pages that the policy changed, and nothing of what it says. */
async function stampOf(value: Managed): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(value)));
  return Array.from(new Uint8Array(digest).slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  );
}

/**
 * Writes what pages need of the policy into storage.local when it differs from what is there; no
 * policy is no copy (what pages assume without one), so that most people's pages never see a write.
 */
async function copyForPages(value: Managed): Promise<void> {
  const stored = (await browser.storage.local.get(POLICY_FOR_PAGES_KEY))[POLICY_FOR_PAGES_KEY];
  if (Object.keys(value).length === 0) {
    if (stored !== undefined) await browser.storage.local.remove(POLICY_FOR_PAGES_KEY);
    return;
  }
  const copy = { badgePositions: parsePositions(value.badgePosition), stamp: await stampOf(value) };
  if (JSON.stringify(stored) !== JSON.stringify(copy))
    await browser.storage.local.set({ [POLICY_FOR_PAGES_KEY]: copy });
}

/** Keeps the browser's answer: the vault copy for the next worker, the page copy for content scripts. */
async function keep(value: Managed): Promise<void> {
  await Promise.all([writeVault({ records: { [POLICY_RECORD]: value } }), copyForPages(value)]).catch(
    (error: unknown) => console.warn('Signpost: could not keep a copy of the policy', error),
  );
}

function changed(): void {
  for (const watcher of watchers) watcher();
}

/** The browser's first answer of a worker life, taken when it differs from the kept copy. */
async function settle(fresh: Promise<Managed>, kept: Managed, generation: number): Promise<void> {
  const value = await fresh;
  // A change the browser reported meanwhile has been read afresh: that answer is newer. The same
  // as kept: the page copy was written with it.
  if (generation !== changes || same(value, kept)) return;
  current = Promise.resolve(value);
  await keep(value);
  changed();
}

async function firstRead(): Promise<Managed> {
  const generation = changes;
  const fresh = askBrowser();
  const kept = await readRecord(POLICY_RECORD).catch(() => undefined);
  if (isRecord(kept)) {
    void settle(fresh, kept, generation);
    return kept;
  }
  // Nothing kept yet (a new install or an update from a version that kept none): wait, once.
  const value = await fresh;
  await keep(value);
  if (Object.keys(value).length) changed();
  return value;
}

function listen(): void {
  if (listening) return;
  listening = true;
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    changes += 1;
    const fresh = askBrowser();
    current = fresh;
    void fresh.then(keep).then(changed);
  });
}

/** The raw policy in force (validated by the caller): `{}` when there is none. */
export function readManaged(): Promise<Managed> {
  listen();
  current ??= firstRead();
  return current;
}

/**
 * Calls `watcher` whenever the policy in force changes: the admin changed it, or the browser's
 * first answer of a worker life differs from the kept copy. Background code registers at start.
 */
export function watchPolicy(watcher: () => void): void {
  listen();
  watchers.add(watcher);
}

/** Forgets the worker-life copy and its watchers (tests, after the fake browser is reset). */
export function forgetPolicy(): void {
  current = undefined;
  listening = false;
  watchers.clear();
}
