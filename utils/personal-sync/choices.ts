/**
 * The person's choices that follow them to their other browsers: votes, snoozes, "don't show
 * again", paused sites, endorsements and follows — nothing else (no events, no page data). Each
 * choice carries the time it was last changed; a removed choice stays as a tombstone (value '')
 * so that removing it reaches the other browsers too. Two browsers' lists merge by last change.
 * Pure.
 *
 *   local state ──snapshot──► diffSnapshot(ledger) ──► ledger ──mergeChoices(remote)──► merged
 *        ▲                                                                              │
 *        └──────────────────────── changesToApply(snapshot, merged) ◄───────────────────┘
 */

export type ChoiceKind = 'vote' | 'snooze' | 'dismiss' | 'pause' | 'endorse' | 'follow';
export const CHOICE_KINDS: readonly ChoiceKind[] = [
  'vote',
  'snooze',
  'dismiss',
  'pause',
  'endorse',
  'follow',
];

export interface Choice {
  kind: ChoiceKind;
  /** Item id (vote, snooze, dismiss, endorse), host name (pause) or `tool:<id>` / `tag:<id>` (follow). */
  id: string;
  /**
   * vote: 'helpful' | 'not-helpful'; snooze: the epoch ms it ends, in base 36; dismiss, pause,
   * endorse: '1'; follow: '1' followed, '0' unfollowed (a policy default turned off). '' = removed.
   */
  value: string;
  /** Epoch ms of the last change (whole seconds once it has been through storage.sync). */
  at: number;
}

/** The state as it is now: key → value (absent = ''). */
export type Snapshot = Map<string, { kind: ChoiceKind; id: string; value: string }>;

export const choiceKey = (kind: ChoiceKind, id: string): string => `${kind}\u0000${id}`;

/** The newer of two versions of one choice; on a tie the larger value, so every browser agrees. */
function newer(a: Choice, b: Choice): Choice {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return a.value >= b.value ? a : b;
}

/** Two lists of choices merged by last change (each key once). */
export function mergeChoices(...lists: readonly Choice[][]): Choice[] {
  const out = new Map<string, Choice>();
  for (const list of lists) {
    for (const choice of list) {
      const key = choiceKey(choice.kind, choice.id);
      const seen = out.get(key);
      out.set(key, seen ? newer(seen, choice) : choice);
    }
  }
  return [...out.values()];
}

/**
 * The ledger after local changes: a choice whose value differs from the ledger's is stamped `now`;
 * one the ledger holds but the state no longer does becomes a tombstone stamped `now`.
 */
export function diffSnapshot(ledger: readonly Choice[], snapshot: Snapshot, now: number): Choice[] {
  const out = new Map(ledger.map((choice) => [choiceKey(choice.kind, choice.id), choice]));
  for (const [key, { kind, id, value }] of snapshot) {
    const known = out.get(key);
    if (!known || known.value !== value) out.set(key, { kind, id, value, at: now });
  }
  for (const [key, choice] of out) {
    if (choice.value !== '' && !snapshot.has(key)) out.set(key, { ...choice, value: '', at: now });
  }
  return [...out.values()];
}

/** The choices whose merged value differs from the state: what to write locally. */
export function changesToApply(snapshot: Snapshot, merged: readonly Choice[]): Choice[] {
  return merged.filter(
    (choice) => (snapshot.get(choiceKey(choice.kind, choice.id))?.value ?? '') !== choice.value,
  );
}

/** Drops what no browser needs: snoozes that ended and tombstones older than `keepMs`. */
export function prune(choices: readonly Choice[], now: number, keepMs: number): Choice[] {
  return choices.filter((choice) => {
    if (choice.kind === 'snooze' && choice.value && Number.parseInt(choice.value, 36) <= now) return false;
    return choice.value !== '' || now - choice.at <= keepMs;
  });
}
