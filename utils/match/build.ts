/**
 * The match index: per tool, an inverted index of the words of its items' titles, tags and the
 * start of their summaries, and a snapshot of it that IndexedDB can store, so that a cold service
 * worker answers its first match without tokenising every item again.
 *
 *   items ─▶ per item: stem → field flags (title, tag, summary; tag/title bigrams as phrases)
 *         ─▶ per bucket (each tool id, and '' for general items): terms[], postings[][]
 *   postings: one number per (item, term) = item ordinal × 8 + field flags
 */
import type { MatchPattern } from 'wxt/utils/match-patterns';
import { isRecord, type KnowledgeItem } from '../model';
import { contentWords, deletions } from './text';

export const FIELD_TITLE = 1;
export const FIELD_TAG = 2;
export const FIELD_SUMMARY = 4;
const FIELD_MASK = 7;

/** Only the start of a summary is indexed: it carries the gist, and the rest costs memory. */
const SUMMARY_WORDS = 30;
/** Shorter words are not corrected: one edit turns "tags" into "tabs". */
export const MIN_TYPO_LENGTH = 5;

export interface Bucket {
  /** Tool id; '' for general items (`tools: []`). */
  tool: string;
  /** Items in the bucket: the base of document frequencies. */
  size: number;
  /** Stems, and phrases of two stems joined by a space. */
  terms: string[];
  /** How the term first appeared in an item (lowercase), for reasons and the fuzzy stage. */
  surfaces: string[];
  /** Per term: ordinal × 8 + field flags, one entry per item; title and tag entries first. */
  postings: number[][];
  /** Per term: items with it in their title or tags (what page chrome is judged by). */
  strongDf: number[];
  /** Tip ordinals, newest first. */
  tips: number[];
  /** Ordinals of items with urlPatterns: they are checked against every page of their tool. */
  patterned: number[];
  lookup: Map<string, number>;
  /** Deletion variant → term numbers; built on the first typo lookup, never stored. */
  deletes: Map<string, number[]> | null;
}

/**
 * What eligibility needs of every item, in flat arrays: items differ in which optional fields they
 * have, so reading the objects themselves in the hot loop is slow. Derived, never stored.
 */
export interface ItemFacts {
  ids: string[];
  /** -Infinity when open-ended. */
  startsAt: Float64Array;
  /** Infinity when open-ended. */
  endsAt: Float64Array;
  /** 1: has audiences, 2: has urlPatterns. */
  targeted: Uint8Array;
}

export const HAS_AUDIENCES = 1;
export const HAS_PATTERNS = 2;

function itemFacts(items: KnowledgeItem[]): ItemFacts {
  const facts: ItemFacts = {
    ids: items.map((item) => item.id),
    startsAt: new Float64Array(items.length),
    endsAt: new Float64Array(items.length),
    targeted: new Uint8Array(items.length),
  };
  for (const [i, item] of items.entries()) {
    facts.startsAt[i] = item.startsAt ?? Number.NEGATIVE_INFINITY;
    facts.endsAt[i] = item.endsAt ?? Number.POSITIVE_INFINITY;
    facts.targeted[i] =
      (item.audiences?.length ? HAS_AUDIENCES : 0) | (item.urlPatterns?.length ? HAS_PATTERNS : 0);
  }
  return facts;
}

export interface MatchIndex {
  items: KnowledgeItem[];
  facts: ItemFacts;
  byTool: Map<string, Bucket>;
  general: Bucket;
  /** Compiled match patterns (null: invalid), shared across queries. */
  patterns: Map<string, MatchPattern | null>;
}

export const SNAPSHOT_FORMAT = 'signpost-match-index';
/** Bump whenever what is stored changes meaning, tokenising and stemming included. */
export const SNAPSHOT_VERSION = 1;

interface BucketSnapshot {
  tool: string;
  size: number;
  terms: string[];
  surfaces: string[];
  postings: number[][];
  strongDf: number[];
  tips: number[];
  patterned: number[];
}

/**
 * A plain, structured-clone-safe form of a match index (arrays, numbers, strings, plain objects).
 * It shares arrays with the index rather than copying them: store it (IndexedDB clones it), do not
 * change it.
 */
export interface MatchIndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  items: KnowledgeItem[];
  buckets: BucketSnapshot[];
}

export function postingOrdinal(posting: number): number {
  return Math.floor(posting / (FIELD_MASK + 1));
}

export function postingFields(posting: number): number {
  return posting & FIELD_MASK;
}

/** Each indexed term of an item with the fields it occurs in, and its first surface form. */
function itemTerms(item: KnowledgeItem): Map<string, { fields: number; surface: string }> {
  const terms = new Map<string, { fields: number; surface: string }>();
  const add = (key: string, field: number, surface: string) => {
    const entry = terms.get(key);
    if (entry) entry.fields |= field;
    else terms.set(key, { fields: field, surface });
  };
  const addText = (text: string, field: number) => {
    const words = contentWords(text);
    for (const [i, { key, word }] of words.entries()) {
      add(key, field, word);
      const next = words[i + 1];
      if (next) add(`${key} ${next.key}`, field, `${word} ${next.word}`);
    }
  };
  addText(item.title, FIELD_TITLE);
  for (const tag of item.tags) addText(tag, FIELD_TAG);
  let summaryWords = 0;
  for (const { key, word } of contentWords(item.summary)) {
    if (!terms.has(key)) summaryWords++;
    add(key, FIELD_SUMMARY, word);
    if (summaryWords >= SUMMARY_WORDS) break;
  }
  return terms;
}

interface BucketBuilder {
  members: number;
  terms: Map<string, { surface: string; postings: number[] }>;
  tips: number[];
  patterned: number[];
}

function finish(tool: string, builder: BucketBuilder, items: KnowledgeItem[]): Bucket {
  const terms: string[] = [];
  const surfaces: string[] = [];
  const postings: number[][] = [];
  const strongDf: number[] = [];
  for (const [term, entry] of builder.terms) {
    // Title and tag postings first: for a common word only those are read (see strongDf).
    const strong = entry.postings.filter((p) => p & (FIELD_TITLE | FIELD_TAG));
    terms.push(term);
    surfaces.push(entry.surface);
    postings.push(
      strong.length === entry.postings.length
        ? strong
        : [...strong, ...entry.postings.filter((p) => !(p & (FIELD_TITLE | FIELD_TAG)))],
    );
    strongDf.push(strong.length);
  }
  const tips = builder.tips.sort((a, b) => (items[b]?.updatedAt ?? 0) - (items[a]?.updatedAt ?? 0) || a - b);
  return bucketFrom({
    tool,
    size: builder.members,
    terms,
    surfaces,
    postings,
    strongDf,
    tips,
    patterned: builder.patterned,
  });
}

function bucketFrom(snapshot: BucketSnapshot): Bucket {
  const lookup = new Map<string, number>();
  for (const [i, term] of snapshot.terms.entries()) lookup.set(term, i);
  return { ...snapshot, lookup, deletes: null };
}

/** Splits items by tool and indexes the words of each tool's items. */
export function buildMatchIndex(items: KnowledgeItem[]): MatchIndex {
  const builders = new Map<string, BucketBuilder>();
  const builder = (tool: string) => {
    let b = builders.get(tool);
    if (!b) {
      b = { members: 0, terms: new Map(), tips: [], patterned: [] };
      builders.set(tool, b);
    }
    return b;
  };
  builder('');
  for (const [ordinal, item] of items.entries()) {
    const terms = itemTerms(item);
    const tools = item.tools.length ? [...new Set(item.tools)] : [''];
    for (const tool of tools) {
      const b = builder(tool);
      b.members++;
      if (item.kind === 'tip') b.tips.push(ordinal);
      if (item.urlPatterns?.length) b.patterned.push(ordinal);
      for (const [key, { fields, surface }] of terms) {
        let entry = b.terms.get(key);
        if (!entry) {
          entry = { surface, postings: [] };
          b.terms.set(key, entry);
        }
        entry.postings.push(ordinal * (FIELD_MASK + 1) + fields);
      }
    }
  }
  const byTool = new Map<string, Bucket>();
  for (const [tool, b] of builders) if (tool) byTool.set(tool, finish(tool, b, items));
  return {
    items,
    facts: itemFacts(items),
    byTool,
    general: finish('', builder(''), items),
    patterns: new Map(),
  };
}

/** The term numbers one edit away from `key` (see {@link withinOneEdit} for the check). */
export function typoCandidates(bucket: Bucket, key: string): number[] {
  if (!bucket.deletes) {
    const deletes = new Map<string, number[]>();
    for (const [i, term] of bucket.terms.entries()) {
      if (term.length < MIN_TYPO_LENGTH - 1 || term.includes(' ')) continue;
      for (const variant of deletions(term)) {
        const list = deletes.get(variant);
        if (list) list.push(i);
        else deletes.set(variant, [i]);
      }
    }
    bucket.deletes = deletes;
  }
  const out = new Set<number>();
  for (const variant of [key, ...deletions(key)]) {
    const exact = bucket.lookup.get(variant);
    if (exact !== undefined && variant !== key) out.add(exact);
    for (const i of bucket.deletes.get(variant) ?? []) out.add(i);
  }
  return [...out];
}

export function serializeMatchIndex(index: MatchIndex): MatchIndexSnapshot {
  const buckets = [index.general, ...index.byTool.values()].map(
    ({ tool, size, terms, surfaces, postings, strongDf, tips, patterned }): BucketSnapshot => ({
      tool,
      size,
      terms,
      surfaces,
      postings,
      strongDf,
      tips,
      patterned,
    }),
  );
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, items: index.items, buckets };
}

/** Enough of an item's shape that matching cannot trip over it (the items were validated once). */
function isItemShape(value: unknown): value is KnowledgeItem {
  if (!isRecord(value)) return false;
  const { id, kind, title, summary, url, tags, tools, updatedAt } = value;
  const optional = (key: string, test: (v: unknown) => boolean) =>
    value[key] === undefined || test(value[key]);
  const isNumber = (v: unknown) => typeof v === 'number';
  return (
    typeof id === 'string' &&
    (kind === 'article' || kind === 'tip') &&
    typeof title === 'string' &&
    typeof summary === 'string' &&
    typeof url === 'string' &&
    typeof updatedAt === 'number' &&
    isStringList(tags) &&
    isStringList(tools) &&
    optional('audiences', isStringList) &&
    optional('urlPatterns', isStringList) &&
    optional('startsAt', isNumber) &&
    optional('endsAt', isNumber) &&
    optional('reviewBy', isNumber)
  );
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

function isOrdinalList(value: unknown, count: number): value is number[] {
  return Array.isArray(value) && value.every((n) => Number.isInteger(n) && n >= 0 && n < count);
}

function parseBucket(value: unknown, itemCount: number): BucketSnapshot | null {
  if (!isRecord(value)) return null;
  const { tool, size, terms, surfaces, postings, strongDf, tips, patterned } = value;
  if (typeof tool !== 'string' || typeof size !== 'number' || !isOrdinalList([size], itemCount + 1))
    return null;
  if (!isStringList(terms) || !isStringList(surfaces) || surfaces.length !== terms.length) return null;
  if (!Array.isArray(postings) || postings.length !== terms.length) return null;
  const limit = itemCount * (FIELD_MASK + 1);
  for (const list of postings) {
    if (!isOrdinalList(list, limit) || list.length === 0) return null;
  }
  if (!isOrdinalList(strongDf, itemCount + 1) || strongDf.length !== terms.length) return null;
  if (!isOrdinalList(tips, itemCount) || !isOrdinalList(patterned, itemCount)) return null;
  return {
    tool,
    size,
    terms,
    surfaces,
    postings: postings as number[][],
    strongDf,
    tips,
    patterned,
  };
}

/**
 * Rebuilds an index from {@link serializeMatchIndex}'s snapshot (after a structured clone) without
 * tokenising the items again. Null for anything malformed or of another format version.
 */
export function loadMatchIndex(snapshot: unknown): MatchIndex | null {
  if (!isRecord(snapshot) || snapshot.format !== SNAPSHOT_FORMAT || snapshot.version !== SNAPSHOT_VERSION) {
    return null;
  }
  const { items, buckets } = snapshot;
  if (!Array.isArray(items) || !items.every(isItemShape) || !Array.isArray(buckets)) return null;
  const byTool = new Map<string, Bucket>();
  let general: Bucket | null = null;
  for (const raw of buckets) {
    const parsed = parseBucket(raw, items.length);
    if (!parsed) return null;
    const bucket = bucketFrom(parsed);
    if (parsed.tool === '') general = bucket;
    else byTool.set(parsed.tool, bucket);
  }
  if (!general) return null;
  return { items, facts: itemFacts(items), byTool, general, patterns: new Map() };
}
