/**
 * A match index brought up to date with a new list of items without indexing it all again: a sync
 * usually changes a few items of one source, and analysing text is what building costs.
 *
 * - `updateMatchIndex(index, items)` → the index of `items`, or null when so much changed (more than
 *   `UPDATE_LIMIT`) that `buildMatchIndex(items)` is the better way. Only the changed and new items
 *   are analysed, only the buckets of their tools (old and new) and the all-items bucket are made
 *   again from the postings they have, and the other buckets keep theirs (renumbered when items
 *   were removed). Items that stayed keep their order; new ones come last.
 *
 * What matching sees is what a build of the returned `index.items` gives: the same terms with the
 * same postings, field lengths, bucket sizes, tips and patterned items (the test checks it term by
 * term). Only the order of a bucket's term list and the surface kept for a term may differ.
 */
import type { KnowledgeItem } from '../model';
import {
  addEntry,
  type Bucket,
  bucketFrom,
  countTerms,
  FIELD_COUNT,
  finish,
  ItemCounter,
  itemFacts,
  type MatchIndex,
  newBuilder,
  snapshotOf,
  termCount,
  termKey,
  termOf,
  Vocabulary,
} from './build';

/**
 * Changed, new and removed items beyond which a full build is made instead: past about a tenth of
 * the catalog most buckets are touched anyway, and a build numbers terms more compactly.
 */
export const UPDATE_LIMIT = { share: 0.1, least: 50 } as const;

/** An item as analysed for an update: its terms (as keys and surfaces) and counts per field. */
interface Fresh {
  ordinal: number;
  item: KnowledgeItem;
  keys: string[];
  surfaces: string[];
  tfs: number[];
}

export function updateMatchIndex(index: MatchIndex, next: KnowledgeItem[]): MatchIndex | null {
  const byId = new Map<string, KnowledgeItem>();
  for (const item of next) {
    if (byId.has(item.id)) return null;
    byId.set(item.id, item);
  }
  // Old ordinal → new ordinal, -1 for an item removed or changed (its postings are dropped).
  const kept = new Int32Array(index.items.length).fill(-1);
  const items: KnowledgeItem[] = [];
  const changed: number[] = [];
  let removed = 0;
  for (const [ordinal, old] of index.items.entries()) {
    const item = byId.get(old.id);
    if (!item) {
      removed++;
      continue;
    }
    byId.delete(old.id);
    if (sameItem(old, item)) kept[ordinal] = items.length;
    else changed.push(items.length);
    items.push(item);
  }
  for (const item of byId.values()) {
    changed.push(items.length);
    items.push(item);
  }
  const changes = changed.length + removed;
  if (changes === 0) return index;
  if (changes > Math.max(UPDATE_LIMIT.least, UPDATE_LIMIT.share * items.length)) return null;

  const lengths = new Uint16Array(items.length * FIELD_COUNT);
  for (let o = 0; o < kept.length; o++) {
    const n = kept[o] as number;
    if (n >= 0) lengths.set(index.lengths.subarray(o * FIELD_COUNT, (o + 1) * FIELD_COUNT), n * FIELD_COUNT);
  }
  const fresh = analyse(items, changed, lengths);

  // Buckets that lose or gain an item are made again; the others keep their postings.
  const touched = new Set<string>();
  for (let o = 0; o < kept.length; o++) {
    if ((kept[o] as number) < 0)
      for (const tool of toolsOf(index.items[o] as KnowledgeItem)) touched.add(tool);
  }
  for (const { item } of fresh) for (const tool of toolsOf(item)) touched.add(tool);

  const renumbered = removed > 0;
  const remake = (tool: string, old: Bucket | undefined) =>
    touched.has(tool)
      ? patchBucket(tool, old, kept, fresh, items, lengths)
      : renumber(old as Bucket, kept, renumbered);
  const byTool = new Map<string, Bucket>();
  for (const tool of new Set([...index.byTool.keys(), ...touched])) {
    if (!tool) continue;
    const bucket = remake(tool, index.byTool.get(tool));
    if (bucket.size > 0) byTool.set(tool, bucket);
  }
  return {
    items,
    facts: itemFacts(items),
    lengths,
    byTool,
    general: remake('', index.general),
    patterns: index.patterns,
  };
}

/** The buckets an item is in ('' for a general item), as a build puts it. */
function toolsOf(item: KnowledgeItem): string[] {
  return item.tools.length ? [...new Set(item.tools)] : [''];
}

function inBucket(tool: string, item: KnowledgeItem): boolean {
  return tool === '' ? item.tools.length === 0 : item.tools.includes(tool);
}

/** Analyses the items at `ordinals`, writing their field lengths. */
function analyse(items: KnowledgeItem[], ordinals: number[], lengths: Uint16Array): Fresh[] {
  const vocabulary = new Vocabulary();
  const counter = new ItemCounter();
  return ordinals.map((ordinal) => {
    const item = items[ordinal] as KnowledgeItem;
    counter.reset();
    countTerms(item, vocabulary, counter);
    lengths.set(counter.lengths, ordinal * FIELD_COUNT);
    const ids = [...counter.ids.subarray(0, counter.count)];
    return {
      ordinal,
      item,
      keys: ids.map((id) => vocabulary.key(id)),
      surfaces: ids.map((id) => vocabulary.surface(id)),
      tfs: [...counter.tfs.subarray(0, counter.count)],
    };
  });
}

/** A bucket none of whose items changed, with its items' new ordinals. */
function renumber(old: Bucket, kept: Int32Array, renumbered: boolean): Bucket {
  if (!renumbered) return old;
  const at = (ordinal: number) => kept[ordinal] as number;
  return bucketFrom({
    ...snapshotOf(old),
    docs: old.docs.map(at),
    tips: old.tips.map(at),
    patterned: old.patterned.map(at),
  });
}

/** The bucket again: its kept postings, renumbered, and the fresh items' terms. */
function patchBucket(
  tool: string,
  old: Bucket | undefined,
  kept: Int32Array,
  fresh: Fresh[],
  items: KnowledgeItem[],
  lengths: Uint16Array,
): Bucket {
  const b = newBuilder();
  if (old) {
    for (let t = 0; t < termCount(old); t++) {
      let term = -1;
      for (let p = old.offsets[t] as number; p < (old.offsets[t + 1] as number); p++) {
        const ordinal = kept[old.docs[p] as number] as number;
        if (ordinal < 0) continue;
        if (term < 0) term = termOf(b, termKey(old, t), old.surfaces[t] ?? '');
        addEntry(b, term, ordinal, old.tfs[p] as number);
      }
    }
    for (const ordinal of old.tips) if ((kept[ordinal] as number) >= 0) b.tips.push(kept[ordinal] as number);
    for (const ordinal of old.patterned) {
      if ((kept[ordinal] as number) >= 0) b.patterned.push(kept[ordinal] as number);
    }
  }
  for (const { ordinal, item, keys, surfaces, tfs } of fresh) {
    if (!inBucket(tool, item)) continue;
    for (let k = 0; k < keys.length; k++) {
      addEntry(b, termOf(b, keys[k] as string, surfaces[k] as string), ordinal, tfs[k] as number);
    }
    if (item.kind === 'tip') b.tips.push(ordinal);
    if (item.urlPatterns?.length) b.patterned.push(ordinal);
  }
  b.patterned.sort((x, y) => x - y);
  // Sizes and lengths summed in item order, as a build sums them: the same averages to the bit.
  for (const [ordinal, item] of items.entries()) {
    if (!inBucket(tool, item)) continue;
    b.members++;
    for (let f = 0; f < FIELD_COUNT; f++) {
      b.lengthSums[f] = (b.lengthSums[f] ?? 0) + (lengths[ordinal * FIELD_COUNT + f] ?? 0);
    }
  }
  return finish(tool, b, items, true);
}

/** Whether two versions of an item are the same for the index and for what is shown. */
function sameItem(a: KnowledgeItem, b: KnowledgeItem): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as unknown as Record<string, unknown>)[key];
    const y = (b as unknown as Record<string, unknown>)[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}
