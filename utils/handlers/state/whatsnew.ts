/**
 * What's new, as the background keeps it: recognised page visits per tool (local only), the feed
 * of recent tips for used tools and followed topics, what the person read, the toolbar badge with
 * the unread count, and the weekly digest inside the attention budget.
 *
 *   matchPage ─► visit(tool) ─► (used tools changed?) ─► badge
 *             └► digest(…)  ─► budget: mayAnnounce / afterAnnounce
 *   popup     ─► view() · markRead(ids) · follow(topic)  ─► badge
 */
import { type Db, getDb } from '../../db';
import { afterAnnounce, localTime, mayAnnounce, parseBudgetState } from '../../match/budget';
import type { Match } from '../../model';
import { readPolicy, readSettings, type Settings } from '../../settings/settings';
import { digestDue, digestEntries, parseDigestState } from '../../whatsnew/digest';
import { badgeText, buildFeed, unreadCount, type WhatsNewView } from '../../whatsnew/feed';
import { changeFollow, effectiveFollows, readFollows, writeFollows } from '../../whatsnew/follows';
import { defaultsFor, type Topic } from '../../whatsnew/topics';
import { addVisit, parseVisits, usedTools } from '../../whatsnew/visits';
import type { Caches } from './caches';
import type { BackgroundDeps } from './deps';

/** The budget's record of a digest (in place of a tip's id). */
export const DIGEST_ID = 'digest';
/** Read ids kept at most (the feed covers 30 days, so this is generous). */
const READ_MAX = 1000;

const localDay = (at: number) => localTime(at).day;

async function readRead(db: Db): Promise<string[]> {
  const value = await db.get('meta', 'whatsNewRead');
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

export function createWhatsNew(deps: BackgroundDeps, caches: Caches, now: () => number) {
  async function view(db?: Db, settings?: Settings): Promise<WhatsNewView> {
    const at = now();
    const [database, inForce, { policy }, stored, tips] = await Promise.all([
      db ?? getDb(),
      settings ?? readSettings(),
      readPolicy(),
      readFollows(),
      caches.tips(),
    ]);
    const [visits, read, dismissed] = await Promise.all([
      database.get('meta', 'visits').then(parseVisits),
      readRead(database),
      database.getAllKeysFromIndex('feedback', 'byDismissed'),
    ]);
    const hidden = new Set(dismissed);
    const defaults = defaultsFor(policy.defaultFollows ?? [], inForce.audiences);
    const follows = effectiveFollows(stored, policy.defaultFollows ?? [], inForce.audiences);
    const used = usedTools(visits, at, localDay);
    const entries = buildFeed({
      items: tips.filter((item) => !hidden.has(item.id)),
      usedTools: used,
      follows,
      audiences: inForce.audiences,
      read: new Set(read),
      now: at,
    });
    return { entries, unread: unreadCount(entries), follows, defaults, usedTools: used };
  }

  /** Shows the unread count on the toolbar icon (no system notification). */
  async function refreshBadge(current?: WhatsNewView): Promise<WhatsNewView> {
    const shown = current ?? (await view());
    await deps.setBadge?.(badgeText(shown.unread));
    return shown;
  }

  return {
    view,
    refreshBadge,

    /**
     * Counts a recognised page visit. `first`: the very first recognised page (no announcement
     * there); the badge is refreshed when the set of tools used this month changed.
     */
    async visit(db: Db, tool: string): Promise<{ first: boolean }> {
      const at = now();
      const before = parseVisits(await db.get('meta', 'visits'));
      const after = addVisit(before, tool, at, localDay);
      await db.put('meta', after, 'visits');
      const was = usedTools(before, at, localDay).sort().join();
      if (usedTools(after, at, localDay).sort().join() !== was)
        refreshBadge().catch((error: unknown) => console.warn('Signpost: badge not updated', error));
      return { first: before.total === 0 };
    },

    /** Whether the screen being asked about again is the very first recognised page. */
    async firstPage(db: Db): Promise<{ first: boolean }> {
      return { first: parseVisits(await db.get('meta', 'visits')).total <= 1 };
    },

    /** Marks items read (opened, or "mark read" in the popup). */
    async markRead(itemIds: readonly string[]): Promise<WhatsNewView> {
      const db = await getDb();
      const read = await readRead(db);
      const next = [...new Set([...read.filter((id) => !itemIds.includes(id)), ...itemIds])].slice(-READ_MAX);
      await db.put('meta', next, 'whatsNewRead');
      return refreshBadge();
    },

    async follow(topic: Topic, follow: boolean): Promise<WhatsNewView> {
      await writeFollows(changeFollow(await readFollows(), topic, follow));
      return refreshBadge();
    },

    /**
     * The weekly digest for this page view, when one is due, there are enough new things and the
     * attention budget allows an announcement now; spends the budget and remembers the week.
     */
    async digest(db: Db, settings: Settings): Promise<Match[] | undefined> {
      const at = now();
      if (!digestDue(parseDigestState(await db.get('meta', 'digest')), at)) return undefined;
      const local = localTime(at);
      const budget = parseBudgetState(await db.get('meta', 'budget'));
      if (!mayAnnounce(budget, settings.nudges, at, local).ok) return undefined;
      const entries = digestEntries((await view(db, settings)).entries, at);
      if (entries.length === 0) return undefined;
      await db.put('meta', afterAnnounce(budget, DIGEST_ID, at, local), 'budget');
      await db.put('meta', { lastAt: at }, 'digest');
      return entries.map(({ item }) => ({ item, score: 0, reasons: [] }));
    },
  };
}

export type WhatsNew = ReturnType<typeof createWhatsNew>;
