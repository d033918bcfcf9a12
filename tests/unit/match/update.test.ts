import { describe, expect, it } from 'vitest';
import { buildMatchIndex, loadMatchIndex, matchItems, serializeMatchIndex } from '@/utils/match';
import { type Bucket, type MatchIndex, termCount, termKey } from '@/utils/match/build';
import { updateMatchIndex } from '@/utils/match/update';
import type { KnowledgeItem } from '@/utils/model';
import { searchIndex } from '@/utils/search';
import { generateCatalog, generateContexts } from '../../fixtures/match/generate';

const { items: catalog, tools } = generateCatalog(1_100);
const before = catalog.slice(0, 1_000);
const newcomers = catalog.slice(1_000);

/** What matching reads of a bucket, independent of the order of its term list. */
function view(bucket: Bucket) {
  const postings = new Map<string, string>();
  for (let t = 0; t < termCount(bucket); t++) {
    const start = bucket.offsets[t] as number;
    const end = bucket.offsets[t + 1] as number;
    postings.set(
      termKey(bucket, t),
      `${[...bucket.docs.subarray(start, end)]}|${[...bucket.tfs.subarray(start, end)]}`,
    );
    expect(bucket.lookup.get(termKey(bucket, t))).toBe(t);
  }
  expect(postings.size).toBe(termCount(bucket));
  return {
    tool: bucket.tool,
    size: bucket.size,
    avgLength: [...bucket.avgLength],
    tips: bucket.tips,
    patterned: bucket.patterned,
    postings,
  };
}

function expectSameIndex(updated: MatchIndex, built: MatchIndex): void {
  expect(updated.items.map((item) => item.id)).toEqual(built.items.map((item) => item.id));
  expect([...updated.lengths]).toEqual([...built.lengths]);
  expect(updated.facts).toEqual(built.facts);
  expect([...updated.byTool.keys()].sort()).toEqual([...built.byTool.keys()].sort());
  for (const [tool, bucket] of built.byTool)
    expect(view(updated.byTool.get(tool) as Bucket)).toEqual(view(bucket));
  expect(view(updated.general)).toEqual(view(built.general));
}

/** Five items edited (title, summary, tools, kind), five removed, the newcomers' first five added. */
function aSync(items: KnowledgeItem[]): KnowledgeItem[] {
  const out = items.filter((_, i) => i % 200 !== 7);
  out[3] = { ...(out[3] as KnowledgeItem), title: 'Rotate the signing keys of a webhook' };
  out[50] = { ...(out[50] as KnowledgeItem), summary: 'Push protection blocks secrets before they land.' };
  out[120] = { ...(out[120] as KnowledgeItem), tools: [] };
  out[121] = { ...(out[121] as KnowledgeItem), tools: ['brand-new-tool'] };
  out[400] = { ...(out[400] as KnowledgeItem), kind: 'tip', urlPatterns: ['https://*.example.com/*'] };
  return [...out, ...newcomers.slice(0, 5)];
}

describe('updateMatchIndex', () => {
  it('gives what a build of its items gives, term by term', () => {
    const old = buildMatchIndex(before);
    const updated = updateMatchIndex(old, aSync(before));
    if (!updated) throw new Error('expected an update');
    expect(updated.items).toHaveLength(1_000);
    expect(updated.byTool.has('brand-new-tool')).toBe(true);
    expectSameIndex(updated, buildMatchIndex(updated.items));
  });

  it('keeps the buckets no change touched', () => {
    const old = buildMatchIndex(before);
    const next = before.map((item, i) => (i === 0 ? { ...item, title: `${item.title} (updated)` } : item));
    const updated = updateMatchIndex(old, next);
    const tool = before[0]?.tools[0] as string;
    const untouched = [...old.byTool.keys()].find((t) => t !== tool) as string;
    expect(updated?.byTool.get(untouched)).toBe(old.byTool.get(untouched));
    expect(updated?.byTool.get(tool)).not.toBe(old.byTool.get(tool));
  });

  it('searches as a fresh build does', () => {
    const updated = updateMatchIndex(buildMatchIndex(before), aSync(before)) as MatchIndex;
    const built = buildMatchIndex(updated.items);
    for (const query of ['board', 'how do I filter issues', 'approvals report', 'sprint']) {
      expect(searchIndex(updated, query)).toEqual(searchIndex(built, query));
    }
  });

  it('matches pages as a fresh build does', () => {
    const updated = updateMatchIndex(buildMatchIndex(before), aSync(before)) as MatchIndex;
    const built = buildMatchIndex(updated.items);
    const options = { now: Date.parse('2026-11-15'), limit: 5 };
    for (const context of generateContexts(tools, 60)) {
      expect(matchItems(updated, context, options)).toEqual(matchItems(built, context, options));
    }
  });

  it('works on an index loaded from its snapshot, and its own snapshot loads', () => {
    const loaded = loadMatchIndex(
      structuredClone(serializeMatchIndex(buildMatchIndex(before))),
    ) as MatchIndex;
    const updated = updateMatchIndex(loaded, aSync(before)) as MatchIndex;
    expectSameIndex(updated, buildMatchIndex(updated.items));
    const again = loadMatchIndex(structuredClone(serializeMatchIndex(updated)));
    expect(again).not.toBeNull();
    expectSameIndex(again as MatchIndex, buildMatchIndex(updated.items));
  });

  it('leaves the index as it is when nothing changed', () => {
    const old = buildMatchIndex(before);
    expect(
      updateMatchIndex(
        old,
        before.map((item) => ({ ...item, tags: [...item.tags] })),
      ),
    ).toBe(old);
  });

  it('asks for a build when much changed or ids repeat', () => {
    const old = buildMatchIndex(before);
    expect(updateMatchIndex(old, before.slice(0, 800))).toBeNull();
    expect(updateMatchIndex(old, [...before, before[0] as KnowledgeItem])).toBeNull();
  });
});
