import { describe, expect, it } from 'vitest';
import {
  type Choice,
  changesToApply,
  choiceKey,
  diffSnapshot,
  mergeChoices,
  prune,
  type Snapshot,
} from '@/utils/personal-sync/choices';
import {
  CHUNK_BYTES,
  decodeChoice,
  decodeChoices,
  encodeChoice,
  encodeChoices,
  META_KEY,
  TOTAL_BYTES,
} from '@/utils/personal-sync/encoding';

const T = Date.UTC(2026, 11, 1, 9, 0, 0);
const MIN = 60_000;

const snapshot = (...entries: [Choice['kind'], string, string][]): Snapshot =>
  new Map(entries.map(([kind, id, value]) => [choiceKey(kind, id), { kind, id, value }]));

describe('merging choices by last change', () => {
  it('keeps the newer version of each choice, whichever browser made it', () => {
    const laptop: Choice[] = [
      { kind: 'vote', id: 'kb:1', value: 'helpful', at: T },
      { kind: 'pause', id: 'jira.example.com', value: '1', at: T + 5 * MIN },
    ];
    const desktop: Choice[] = [
      { kind: 'vote', id: 'kb:1', value: 'not-helpful', at: T + MIN },
      { kind: 'pause', id: 'jira.example.com', value: '', at: T + 2 * MIN },
      { kind: 'dismiss', id: 'tip:2', value: '1', at: T },
    ];
    const merged = mergeChoices(laptop, desktop);
    expect(merged).toEqual(
      expect.arrayContaining([
        { kind: 'vote', id: 'kb:1', value: 'not-helpful', at: T + MIN },
        { kind: 'pause', id: 'jira.example.com', value: '1', at: T + 5 * MIN },
        { kind: 'dismiss', id: 'tip:2', value: '1', at: T },
      ]),
    );
    expect(merged).toHaveLength(3);
    // The same result in either order: every browser agrees, also on a tie.
    const tie: Choice[] = [{ kind: 'vote', id: 'kb:1', value: 'helpful', at: T + MIN }];
    expect(mergeChoices(desktop, tie).find((c) => c.kind === 'vote')?.value).toBe(
      mergeChoices(tie, desktop).find((c) => c.kind === 'vote')?.value,
    );
  });

  it('stamps local changes and removals with the time they were noticed', () => {
    const ledger: Choice[] = [
      { kind: 'vote', id: 'kb:1', value: 'helpful', at: T },
      { kind: 'pause', id: 'a.example.com', value: '1', at: T },
      { kind: 'endorse', id: 'kb:9', value: '1', at: T },
    ];
    const now = T + 10 * MIN;
    const next = diffSnapshot(
      ledger,
      snapshot(['vote', 'kb:1', 'helpful'], ['follow', 'tool:jira', '1']),
      now,
    );
    expect(next).toEqual(
      expect.arrayContaining([
        { kind: 'vote', id: 'kb:1', value: 'helpful', at: T },
        { kind: 'pause', id: 'a.example.com', value: '', at: now },
        { kind: 'endorse', id: 'kb:9', value: '', at: now },
        { kind: 'follow', id: 'tool:jira', value: '1', at: now },
      ]),
    );
  });

  it('applies only what differs from the state, and forgets ended snoozes and old removals', () => {
    const state = snapshot(['vote', 'kb:1', 'helpful'], ['dismiss', 'tip:2', '1']);
    const merged: Choice[] = [
      { kind: 'vote', id: 'kb:1', value: 'helpful', at: T },
      { kind: 'dismiss', id: 'tip:2', value: '', at: T },
      { kind: 'snooze', id: 'kb:3', value: (T + 60 * MIN).toString(36), at: T },
    ];
    expect(changesToApply(state, merged).map((c) => c.id)).toEqual(['tip:2', 'kb:3']);
    const later = T + 2 * 24 * 60 * MIN;
    expect(prune(merged, later, 24 * 60 * MIN)).toEqual([merged[0]]);
  });
});

describe('the compact encoding', () => {
  it('round-trips every kind of choice, ids with spaces and odd characters included', () => {
    const choices: Choice[] = [
      { kind: 'vote', id: 'kb:1', value: 'helpful', at: T },
      { kind: 'vote', id: 'kb:2', value: 'not-helpful', at: T },
      { kind: 'vote', id: 'kb:3', value: '', at: T },
      { kind: 'snooze', id: 'feed:https://x.example/a b', value: (T + 3600_000).toString(36), at: T },
      { kind: 'dismiss', id: 'tip:"quoted"\n', value: '1', at: T },
      { kind: 'pause', id: 'jira.example.com', value: '1', at: T },
      { kind: 'endorse', id: 'kb:ä', value: '1', at: T },
      { kind: 'follow', id: 'tag:vpn', value: '0', at: T },
    ];
    for (const choice of choices) expect(decodeChoice(encodeChoice(choice))).toEqual(choice);
    expect(encodeChoice(choices[0] as Choice)).toBe(`v${(T / 1000).toString(36)} h kb:1`);
    const { items, dropped } = encodeChoices(choices);
    expect(dropped).toBe(0);
    expect(decodeChoices(JSON.parse(JSON.stringify(items)))).toEqual(expect.arrayContaining(choices));
  });

  it('rejects malformed strings and chunks of another version', () => {
    for (const bad of ['', 'x1 1 id', 'v1 maybe kb:1', 's1 NOTBASE36! kb:1', 'p1 1', 42, 'v 1 kb:1'])
      expect(decodeChoice(bad)).toBeNull();
    expect(decodeChoices({ [META_KEY]: { v: 2, n: 1 }, ps0: ['v1 h kb:1'] })).toEqual([]);
  });

  it('stays within the per-item and total quotas, dropping the oldest first and counting them', () => {
    // ~60 bytes each: 3,000 choices are about 180 KB, well over the 100 KB quota.
    const many: Choice[] = Array.from({ length: 3000 }, (_, i) => ({
      kind: 'vote',
      id: `confluence:page-${String(i).padStart(6, '0')}-with-a-longish-id`,
      value: 'helpful',
      at: T + i * 1000,
    }));
    const { items, dropped } = encodeChoices(many);
    const sizes = Object.entries(items).map(
      ([key, value]) => new TextEncoder().encode(key + JSON.stringify(value)).length,
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TOTAL_BYTES);
    expect(Object.keys(items).length).toBeLessThanOrEqual(512);
    const kept = decodeChoices(items);
    expect(kept.length + dropped).toBe(3000);
    expect(dropped).toBeGreaterThan(1000);
    expect((items[META_KEY] as { dropped: number }).dropped).toBe(dropped);
    // The newest are kept, the oldest dropped.
    const oldestKept = Math.min(...kept.map((c) => c.at));
    expect(kept.every((c) => c.at >= oldestKept)).toBe(true);
    expect(oldestKept).toBe(T + dropped * 1000);
  });
});
