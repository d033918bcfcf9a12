/**
 * The person's choices as this browser holds them — feedback records in IndexedDB, paused sites in
 * the settings, endorsements in the outbox (and those made in other browsers in `meta`), follows in
 * storage.local — read as a {@link Snapshot} and written back from merged choices. Writing back
 * records no event and sends nothing: it is the same choice made elsewhere.
 */
import type { Db } from '../db';
import { SYNCED_ENDORSEMENTS_KEY, syncedEndorsements, writeFeedback } from '../handlers/state/signals';
import { parseFeedback } from '../match/feedback';
import { readOwnSettings, updateSettings } from '../settings/settings';
import { readFollows, writeFollows } from '../whatsnew/follows';
import type { TopicSet } from '../whatsnew/topics';
import { type Choice, type ChoiceKind, choiceKey, type Snapshot } from './choices';

function put(snapshot: Snapshot, kind: ChoiceKind, id: string, value: string): void {
  snapshot.set(choiceKey(kind, id), { kind, id, value });
}

/** The choices in force in this browser now (expired snoozes are not choices any more). */
export async function readSnapshot(db: Db, now: number): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  const store = db.transaction('feedback').store;
  const [voted, snoozed, dismissed] = await Promise.all([
    store.index('byVote').getAll(),
    store.index('bySnooze').getAll(IDBKeyRange.lowerBound(now, true)),
    store.index('byDismissed').getAll(),
  ]);
  for (const record of voted.map(parseFeedback))
    if (record?.vote) put(snapshot, 'vote', record.itemId, record.vote);
  for (const record of snoozed.map(parseFeedback))
    if (record?.snoozedUntil)
      put(snapshot, 'snooze', record.itemId, Math.round(record.snoozedUntil).toString(36));
  for (const record of dismissed.map(parseFeedback))
    if (record?.dismissed) put(snapshot, 'dismiss', record.itemId, '1');

  for (const host of (await readOwnSettings()).pausedSites) put(snapshot, 'pause', host, '1');

  const endorsed = await db.getAllFromIndex('outbox', 'byReaction', 'endorse');
  for (const entry of endorsed)
    if (typeof entry.itemId === 'string' && entry.itemId) put(snapshot, 'endorse', entry.itemId, '1');
  for (const itemId of await syncedEndorsements(db)) put(snapshot, 'endorse', itemId, '1');

  const follows = await readFollows();
  for (const [value, set] of [
    ['1', follows.follow],
    ['0', follows.unfollow],
  ] as const) {
    for (const id of set.tools) put(snapshot, 'follow', `tool:${id}`, value);
    for (const id of set.tags) put(snapshot, 'follow', `tag:${id}`, value);
  }
  return snapshot;
}

function withOut(list: string[], id: string, keep: boolean): string[] {
  const rest = list.filter((entry) => entry !== id);
  return keep ? [...rest, id] : rest;
}

/** Writes merged choices that differ from this browser's state. */
export async function applyChoices(db: Db, changes: readonly Choice[], now: number): Promise<void> {
  const feedback = changes.filter((c) => c.kind === 'vote' || c.kind === 'snooze' || c.kind === 'dismiss');
  for (const change of feedback) {
    const record = parseFeedback(await db.get('feedback', change.id)) ?? {
      itemId: change.id,
      views: 0,
      updatedAt: now,
    };
    const next = { ...record, updatedAt: now };
    if (change.kind === 'vote') {
      if (change.value === 'helpful' || change.value === 'not-helpful') next.vote = change.value;
      else delete next.vote;
    } else if (change.kind === 'snooze') {
      const until = Number.parseInt(change.value, 36);
      if (Number.isFinite(until) && change.value) next.snoozedUntil = until;
      else delete next.snoozedUntil;
    } else if (change.value === '1') next.dismissed = true;
    else delete next.dismissed;
    await writeFeedback(db, next);
  }

  const pauses = changes.filter((c) => c.kind === 'pause');
  if (pauses.length) {
    let sites = (await readOwnSettings()).pausedSites;
    for (const change of pauses) sites = withOut(sites, change.id, change.value === '1');
    await updateSettings({ pausedSites: sites });
  }

  // Endorsed elsewhere: kept apart from the outbox, which holds what this browser sends.
  const endorsements = changes.filter((c) => c.kind === 'endorse');
  if (endorsements.length) {
    const known = await syncedEndorsements(db);
    for (const change of endorsements) {
      if (change.value === '1') known.add(change.id);
      else known.delete(change.id);
    }
    await db.put('meta', [...known], SYNCED_ENDORSEMENTS_KEY);
  }

  const follows = changes.filter((c) => c.kind === 'follow');
  if (follows.length) {
    const stored = await readFollows();
    const follow: TopicSet = { tools: [...stored.follow.tools], tags: [...stored.follow.tags] };
    const unfollow: TopicSet = { tools: [...stored.unfollow.tools], tags: [...stored.unfollow.tags] };
    for (const change of follows) {
      const colon = change.id.indexOf(':');
      const kind = change.id.slice(0, colon);
      const id = change.id.slice(colon + 1);
      if ((kind !== 'tool' && kind !== 'tag') || !id) continue;
      const list = kind === 'tool' ? 'tools' : 'tags';
      follow[list] = withOut(follow[list], id, change.value === '1');
      unfollow[list] = withOut(unfollow[list], id, change.value === '0');
    }
    await writeFollows({ version: 1, follow, unfollow });
  }
}
