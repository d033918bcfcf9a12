/**
 * The right few items for a screen. Pure functions: no browser APIs.
 *
 *   items ──buildMatchIndex──▶ per-tool buckets (+ general items), a Fuse.js index per bucket
 *   PageContext ─▶ distinctive terms ─▶ prefilter (tool, window) ─▶ Fuse per term ─▶ rank ─▶ top N
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { KnowledgeItem, Match, PageContext } from '../model';
import { toolName } from '../tools';
import { distinctiveTerms } from './terms';

export type ReasonKey = 'reasonTool' | 'reasonArea' | 'reasonTerm' | 'reasonNewTip';
/** Turns a reason into words; the background passes the browser's translations. */
export type ReasonText = (key: ReasonKey, substitutions: string[]) => string;

const ENGLISH: Record<ReasonKey, string> = {
  reasonTool: 'for $1',
  reasonArea: 'for $1 $2 screens',
  reasonTerm: "matches '$1'",
  reasonNewTip: 'new in $1',
};

export const englishReason: ReasonText = (key, subs) =>
  ENGLISH[key].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

const FUSE_OPTIONS: IFuseOptions<KnowledgeItem> = {
  keys: [
    { name: 'title', weight: 0.55 },
    { name: 'tags', weight: 0.35 },
    { name: 'summary', weight: 0.1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 3,
};

interface Bucket {
  items: KnowledgeItem[];
  fuse: Fuse<KnowledgeItem> | null;
}

export interface MatchIndex {
  /** Items aimed at one tool, by tool id. */
  byTool: Map<string, Bucket>;
  /** Items for any tool (`tools: []`). */
  general: Bucket;
  size: number;
}

function bucket(items: KnowledgeItem[]): Bucket {
  return { items, fuse: null };
}

function fuseOf(b: Bucket): Fuse<KnowledgeItem> {
  b.fuse ??= new Fuse(b.items, FUSE_OPTIONS);
  return b.fuse;
}

/** Groups items by the tools they are aimed at; Fuse indexes are built on first use per tool. */
export function buildMatchIndex(items: KnowledgeItem[]): MatchIndex {
  const byTool = new Map<string, KnowledgeItem[]>();
  const general: KnowledgeItem[] = [];
  for (const item of items) {
    if (item.tools.length === 0) general.push(item);
    for (const tool of item.tools) {
      const list = byTool.get(tool);
      if (list) list.push(item);
      else byTool.set(tool, [item]);
    }
  }
  return {
    byTool: new Map([...byTool].map(([tool, list]) => [tool, bucket(list)])),
    general: bucket(general),
    size: items.length,
  };
}

export interface MatchOptions {
  limit?: number;
  now?: number;
  /** Items not to show (dismissed, snoozed). */
  exclude?: ReadonlySet<string>;
  reasonText?: ReasonText;
}

function inWindow(item: KnowledgeItem, now: number): boolean {
  return (
    (item.startsAt === undefined || item.startsAt <= now) && (item.endsAt === undefined || now < item.endsAt)
  );
}

interface Scored {
  item: KnowledgeItem;
  relevance: number;
  terms: string[];
}

function scoreBucket(
  b: Bucket,
  terms: string[],
  now: number,
  exclude?: ReadonlySet<string>,
): Map<string, Scored> {
  const scored = new Map<string, Scored>();
  if (b.items.length === 0) return scored;
  const fuse = fuseOf(b);
  for (const term of terms) {
    for (const hit of fuse.search(term, { limit: 20 })) {
      const { item } = hit;
      if (exclude?.has(item.id) || !inWindow(item, now)) continue;
      const entry = scored.get(item.id) ?? { item, relevance: 0, terms: [] };
      entry.relevance += 1 - (hit.score ?? 1);
      entry.terms.push(term);
      scored.set(item.id, entry);
    }
  }
  return scored;
}

const MIN_GENERAL_RELEVANCE = 1.2;

/**
 * The items that fit a page, best first; empty when nothing fits. Items aimed at the page's tool
 * need one matching term (or the screen's area among their tags); general items need more.
 * A tool screen with nothing specific gets that tool's current tips.
 */
export function matchItems(index: MatchIndex, context: PageContext, opts: MatchOptions = {}): Match[] {
  const { limit = 3, now = Date.now(), exclude, reasonText = englishReason } = opts;
  if (!context.tool || limit <= 0) return [];
  const tool = context.tool;
  const name = toolName(tool);
  const toolBucket = index.byTool.get(tool) ?? bucket([]);
  const terms = distinctiveTerms(context, name);
  const area = context.area?.replace(/-/g, ' ');

  const results: Match[] = [];
  for (const entry of scoreBucket(toolBucket, terms, now, exclude).values()) {
    const reasons = [reasonText('reasonTool', [name])];
    let score = entry.relevance + 0.5;
    if (area && entry.item.tags.includes(area)) {
      score += 1;
      reasons.push(reasonText('reasonArea', [name, area]));
    }
    for (const term of entry.terms.slice(0, 2)) reasons.push(reasonText('reasonTerm', [term]));
    results.push({ item: entry.item, score, reasons });
  }
  for (const entry of scoreBucket(index.general, terms, now, exclude).values()) {
    if (entry.relevance < MIN_GENERAL_RELEVANCE) continue;
    const reasons = entry.terms.slice(0, 2).map((term) => reasonText('reasonTerm', [term]));
    results.push({ item: entry.item, score: entry.relevance, reasons });
  }

  if (results.length === 0 && !context.area) {
    // A tool's home screen with nothing specific: the tool's current tips, newest first.
    for (const item of toolBucket.items) {
      if (item.kind !== 'tip' || exclude?.has(item.id) || !inWindow(item, now)) continue;
      results.push({
        item,
        score: 0.1 + item.updatedAt / 1e15,
        reasons: [reasonText('reasonNewTip', [name])],
      });
    }
  }

  return results.sort((a, b) => b.score - a.score || b.item.updatedAt - a.item.updatedAt).slice(0, limit);
}
