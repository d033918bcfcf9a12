/**
 * The shared word index over knowledge items, and the snapshot a cold service worker loads.
 *
 * API (stable; the page matcher and the popup search both build on it):
 * - `buildMatchIndex(items)` → `MatchIndex`: items split into buckets, one per tool id and one for
 *   general items (`tools: []`, tool ''); an item of several tools is in each of their buckets.
 * - `index.byTool.get(tool)`, `index.general`: a `Bucket`. No bucket repeats the others: a search
 *   across every tool scores each bucket with statistics over every item (utils/search/rank.ts).
 * - Fields (`FIELD_TITLE`, `FIELD_TAGS`, `FIELD_SUMMARY`, `FIELD_PATH`): the item's title, tags, the
 *   first `SUMMARY_WORDS` content words of its summary, and the words of its URL's path. Each is
 *   analysed in the item's language (`lang`, else detected): Snowball stems, stop words out.
 * - Terms: a stem ("permiss"), or a pair of neighbouring stems of one field in either order
 *   (`pairKey`: "protect push"), which is what phrase and proximity credit reads. A bucket's stems
 *   come first (`bucket.terms`), then its pairs (`bucket.pairs`, two stem numbers each);
 *   `termCount(bucket)`, `termKey(bucket, t)`.
 * - `termId(bucket, key)` (`bucket.lookup.get`): a term's number in the bucket, or undefined.
 * - Postings of term t: `bucket.docs[offsets[t] … offsets[t+1])` are item ordinals (index into
 *   `index.items`), ascending; `bucket.tfs[same]` packs the term's count per field, 4 bits each
 *   (`fieldTf(tfs, field)`, capped at 15). `df(bucket, t)` = number of postings.
 * - Field lengths (content words, capped at 65535): `index.lengths[ordinal * FIELD_COUNT + field]`;
 *   their mean over the bucket: `bucket.avgLength[field]`. Together with `bucket.size` (the base of
 *   document frequency) that is everything BM25F needs (see bm25.ts).
 * - `bucket.tips`: tip ordinals, newest first; `bucket.patterned`: ordinals with urlPatterns.
 * - `typoCandidates(bucket, key)`: single-stem terms one edit away (check with `withinOneEdit`).
 * - `serializeMatchIndex(index)` → a structured-clone-safe snapshot (plain objects, arrays, typed
 *   arrays); `loadMatchIndex(snapshot)` → the index again without analysing any text, or null for
 *   anything malformed or of another `SNAPSHOT_VERSION`.
 *
 * Also exported, for update.ts only (not part of the API): the vocabulary, item counting and bucket
 * builder that a build is made of.
 */

import { isRecord, type KnowledgeItem } from '../model';
import {
  detectLanguage,
  isContentWord,
  type Language,
  languageOf,
  pairKey,
  stemIn,
  urlPathText,
} from './text';
import type { UrlPattern } from './url-pattern';
import { Entries, FNV_OFFSET, FNV_PRIME, UNSEEN, WordTable } from './word-table';

export const FIELD_TITLE = 0;
export const FIELD_TAGS = 1;
export const FIELD_SUMMARY = 2;
export const FIELD_PATH = 3;
export const FIELD_COUNT = 4;
export const FIELD_NAMES = ['title', 'tags', 'summary', 'path'] as const;

export const TF_BITS = 4;
export const TF_MAX = (1 << TF_BITS) - 1;
const LENGTH_MAX = 65_535;

/**
 * Content words of a summary that are indexed: a KB adapter's summary is the article's intro, and
 * its gist is at the start; the rest costs memory and build time. Development half of the labelled
 * screens (top-1 / MRR / recall@3, gated): 30 .494/.562/.612 · 45 .494/.571/.635 · 60 .506/.580/.647.
 * Pairs of neighbouring summary words matter too: without them 60 gives .459/.531/.600.
 */
export const SUMMARY_WORDS = 60;
/** Shorter words are not corrected: one edit turns "tags" into "tabs". */
export const MIN_TYPO_LENGTH = 5;

export interface Bucket {
  /** Tool id; '' for general items. */
  tool: string;
  /** Items in the bucket: the base of document frequencies. */
  size: number;
  /** Mean length of each field over the bucket's items. */
  avgLength: Float64Array;
  /** Stems: terms 0 … terms.length - 1. */
  terms: string[];
  /** How each stem first appeared in an item (lowercase), for reasons and fuzzy matching. */
  surfaces: string[];
  /**
   * Pairs of stems (phrase and proximity credit): pair p is term `terms.length + p`, and its stems
   * are terms `pairs[2p]` < `pairs[2p + 1]`. Kept as numbers: nine in ten terms are pairs, and as
   * strings they were most of an index's memory. `termKey` gives a pair's `pairKey`.
   */
  pairs: Uint32Array;
  /** Term t's postings are docs/tfs[offsets[t] … offsets[t + 1]). */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  /** Tip ordinals, newest first. */
  tips: number[];
  /** Ordinals of items with urlPatterns: they are checked against every page of their tool. */
  patterned: number[];
  /** A stem or a `pairKey` → its term number. */
  lookup: TermLookup;
  /** The stems' one-letter deletions; built on the first typo lookup, never stored. */
  deletes: Deletions | null;
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
  /** HAS_AUDIENCES | HAS_PATTERNS | HAS_WINDOW: what an item asks beyond its tool. */
  targeted: Uint8Array;
  /** Its audiences, lowercase (undefined when it has none). */
  audiences: (string[] | undefined)[];
}

export const HAS_AUDIENCES = 1;
export const HAS_PATTERNS = 2;
/** A start or an end date. */
export const HAS_WINDOW = 4;

export function itemFacts(items: KnowledgeItem[]): ItemFacts {
  const facts: ItemFacts = {
    ids: items.map((item) => item.id),
    startsAt: new Float64Array(items.length),
    endsAt: new Float64Array(items.length),
    targeted: new Uint8Array(items.length),
    audiences: items.map((item) =>
      item.audiences?.length ? item.audiences.map((a) => a.toLowerCase()) : undefined,
    ),
  };
  for (const [i, item] of items.entries()) {
    facts.startsAt[i] = item.startsAt ?? Number.NEGATIVE_INFINITY;
    facts.endsAt[i] = item.endsAt ?? Number.POSITIVE_INFINITY;
    facts.targeted[i] =
      (item.audiences?.length ? HAS_AUDIENCES : 0) |
      (item.urlPatterns?.length ? HAS_PATTERNS : 0) |
      (item.startsAt !== undefined || item.endsAt !== undefined ? HAS_WINDOW : 0);
  }
  return facts;
}

export interface MatchIndex {
  items: KnowledgeItem[];
  facts: ItemFacts;
  /** Per item and field: content words (see the header). */
  lengths: Uint16Array;
  byTool: Map<string, Bucket>;
  general: Bucket;
  /** Compiled match patterns (null: invalid), shared across queries. */
  patterns: Map<string, UrlPattern | null>;
}

export const SNAPSHOT_FORMAT = 'signpost-match-index';
/** Bump whenever what is stored changes meaning, tokenising and stemming included. */
export const SNAPSHOT_VERSION = 6;

export interface BucketSnapshot {
  tool: string;
  size: number;
  avgLength: Float64Array;
  terms: string[];
  surfaces: string[];
  pairs: Uint32Array;
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  tips: number[];
  patterned: number[];
}

/**
 * A structured-clone-safe form of a match index (plain objects, arrays, typed arrays, strings,
 * numbers). It shares arrays with the index rather than copying them: store it (IndexedDB clones
 * it), do not change it.
 */
export interface MatchIndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  items: KnowledgeItem[];
  lengths: Uint16Array;
  buckets: BucketSnapshot[];
}

/** The count of a term in one field, from a posting's packed counts. */
export function fieldTf(tfs: number, field: number): number {
  return (tfs >>> (field * TF_BITS)) & TF_MAX;
}

/** Number of items with the term. */
export function df(bucket: Bucket, term: number): number {
  return (bucket.offsets[term + 1] ?? 0) - (bucket.offsets[term] ?? 0);
}

export function termId(bucket: Bucket, key: string): number | undefined {
  return bucket.lookup.get(key);
}

/** Number of terms in a bucket: its stems and its pairs. */
export function termCount(bucket: Pick<Bucket, 'terms' | 'pairs'>): number {
  return bucket.terms.length + bucket.pairs.length / 2;
}

/** A term's key: the stem, or for a pair its `pairKey`. */
export function termKey(bucket: Pick<Bucket, 'terms' | 'pairs'>, term: number): string {
  const p = term - bucket.terms.length;
  if (p < 0) return bucket.terms[term] as string;
  return pairKey(
    bucket.terms[bucket.pairs[2 * p] as number] ?? '',
    bucket.terms[bucket.pairs[2 * p + 1] as number] ?? '',
  );
}

/**
 * A bucket's term numbers by key: stems in a map, pairs by their two stems' numbers in an
 * open-addressing table of numbers (no string per pair).
 */
export class TermLookup {
  private readonly stems = new Map<string, number>();
  /** Per slot: pair number + 1 (0: empty). */
  private readonly slots: Int32Array;

  constructor(
    private readonly terms: string[],
    private readonly pairs: Uint32Array,
  ) {
    for (const [t, term] of terms.entries()) this.stems.set(term, t);
    const count = pairs.length / 2;
    let size = 16;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size);
    for (let p = 0; p < count; p++) {
      let slot = pairHash(pairs[2 * p] as number, pairs[2 * p + 1] as number) & (size - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      this.slots[slot] = p + 1;
    }
  }

  get size(): number {
    return this.terms.length + this.pairs.length / 2;
  }

  get(key: string): number | undefined {
    const space = key.indexOf(' ');
    if (space < 0) return this.stems.get(key);
    return this.pair(key.slice(0, space), key.slice(space + 1));
  }

  /** The pair of two stems, in either order (what `get(pairKey(first, second))` finds). */
  pair(first: string, second: string): number | undefined {
    const a = this.stems.get(first);
    if (a === undefined) return undefined;
    const b = this.stems.get(second);
    if (b === undefined || a === b) return undefined;
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    const mask = this.slots.length - 1;
    for (let slot = pairHash(low, high) & mask; ; slot = (slot + 1) & mask) {
      const p = (this.slots[slot] as number) - 1;
      if (p < 0) return undefined;
      if (this.pairs[2 * p] === low && this.pairs[2 * p + 1] === high) return this.terms.length + p;
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

/** Characters of a summary that language detection reads. */
const LANGUAGE_SAMPLE = 200;

/**
 * The language an item's text is stemmed in: its `lang`, else what its stop words say; undefined
 * when they say nothing (a short title with no summary).
 */
export function itemLanguage(item: Pick<KnowledgeItem, 'lang' | 'title' | 'summary'>): Language | undefined {
  return languageOf(item.lang) ?? detectLanguage(`${item.title} ${item.summary.slice(0, LANGUAGE_SAMPLE)}`);
}

/**
 * Words read past the content words still wanted, at a time: a summary is read only as far as its
 * first `SUMMARY_WORDS` content words, and about one word in three is a stop word.
 */
const READ_AHEAD = 24;

/** Marks a word that is not a content word (stop word, digits, one character) in a word cache. */
const SKIP = -1;

/**
 * The terms of one build, across buckets: a stem or a pair of stems gets one number, so that an
 * item's terms are counted in a typed array and pairs are looked up by number, not by a new string.
 * Each word as written is analysed once per build and language (`word`): a catalog repeats a few
 * thousand words hundreds of thousands of times. A pair is numbered by its two stems' numbers; its
 * key is made into a string only when asked for (`key`), and it has no surface.
 */
export class Vocabulary {
  /** Per term number: its key, or undefined for a pair whose key is not made yet. */
  private readonly keys: (string | undefined)[] = [];
  /** Per term number: how a stem first appeared ('' for a pair). */
  private readonly surfaces: string[] = [];
  /** Per term number: a pair's stems' numbers, lower first (-1 for a stem). */
  readonly lows: number[] = [];
  readonly highs: number[] = [];
  private readonly stems = new Map<string, number>();
  readonly words = new WordTable();
  /** Open addressing over (low, high) stem numbers: per slot, pair number + 1 (0: empty), low, high. */
  private pairTable = new Int32Array(3 << 16);
  private pairCount = 0;

  /** The term number of a word's stem in `lang` (a `words` entry), or SKIP for a word that is not content. */
  word(entry: number, lang: Language): number {
    const ids = this.words.ids[lang];
    let id = ids[entry] as number;
    if (id === UNSEEN) {
      const word = this.words.word(entry);
      id = isContentWord(word) ? this.stem(stemIn(lang, word), word) : SKIP;
      ids[entry] = id;
    }
    return id;
  }

  stem(key: string, surface: string): number {
    let id = this.stems.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.stems.set(key, id);
      this.keys.push(key);
      this.surfaces.push(surface);
      this.lows.push(-1);
      this.highs.push(-1);
    }
    return id;
  }

  pair(a: number, b: number): number {
    const low = a < b ? a : b;
    const high = a < b ? b : a;
    const table = this.pairTable;
    const mask = table.length / 3 - 1;
    let slot = pairHash(low, high) & mask;
    for (;;) {
      const at = slot * 3;
      const found = table[at] as number;
      if (found === 0) break;
      if (table[at + 1] === low && table[at + 2] === high) return found - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.keys.length;
    this.keys.push(undefined);
    this.surfaces.push('');
    this.lows.push(low);
    this.highs.push(high);
    table[slot * 3] = id + 1;
    table[slot * 3 + 1] = low;
    table[slot * 3 + 2] = high;
    if (++this.pairCount * 2 > mask + 1) this.growPairs();
    return id;
  }

  key(id: number): string {
    let key = this.keys[id];
    if (key === undefined) {
      key = pairKey(this.key(this.lows[id] as number), this.key(this.highs[id] as number));
      this.keys[id] = key;
    }
    return key;
  }

  surface(id: number): string {
    return this.surfaces[id] as string;
  }

  private growPairs(): void {
    const old = this.pairTable;
    const table = new Int32Array(old.length * 2);
    const mask = table.length / 3 - 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at] === 0) continue;
      let slot = pairHash(old[at + 1] as number, old[at + 2] as number) & mask;
      while (table[slot * 3] !== 0) slot = (slot + 1) & mask;
      table[slot * 3] = old[at] as number;
      table[slot * 3 + 1] = old[at + 1] as number;
      table[slot * 3 + 2] = old[at + 2] as number;
    }
    this.pairTable = table;
  }
}

function pairHash(low: number, high: number): number {
  return Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b);
}

/** `array`, or a copy twice as long (at least), when `index` is past its end. */
function withRoomFor(array: Int32Array, index: number): Int32Array {
  if (index < array.length) return array;
  const grown = new Int32Array(Math.max(index + 1, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * One item's terms while it is analysed: term numbers and their packed counts per field, in
 * `ids`/`tfs[0 … count)`. Typed arrays kept from item to item: emptying a JS list gives its room
 * back, and refilling it for every item of a build was a good part of a build's garbage.
 */
export class ItemCounter {
  count = 0;
  ids = new Int32Array(256);
  tfs = new Uint16Array(256);
  readonly lengths = [0, 0, 0, 0];
  /** Scratch: the word entries of the item's text being read. */
  readonly words = new Entries();
  private slot: Int32Array = new Int32Array(4096);

  reset(): void {
    for (let k = 0; k < this.count; k++) this.slot[this.ids[k] as number] = 0;
    this.count = 0;
    this.lengths.fill(0);
  }

  add(id: number, field: number): void {
    if (id >= this.slot.length) this.slot = withRoomFor(this.slot, id);
    let at = (this.slot[id] as number) - 1;
    if (at < 0) {
      at = this.count++;
      if (at === this.ids.length) {
        const ids = new Int32Array(at * 2);
        ids.set(this.ids);
        this.ids = ids;
        const tfs = new Uint16Array(at * 2);
        tfs.set(this.tfs);
        this.tfs = tfs;
      }
      this.slot[id] = at + 1;
      this.ids[at] = id;
      this.tfs[at] = 0;
    }
    const packed = this.tfs[at] as number;
    if (((packed >>> (field * TF_BITS)) & TF_MAX) < TF_MAX) this.tfs[at] = packed + (1 << (field * TF_BITS));
  }
}

/**
 * Counts an item's terms per field into `counter`, numbered in `vocabulary`: what `analyze` gives
 * for each field (same words, same stems), without a stem lookup per word.
 */
export function countTerms(item: KnowledgeItem, vocabulary: Vocabulary, counter: ItemCounter): void {
  const found = counter.words;
  const detected = languageOf(item.lang) ?? languageOfWords(item, vocabulary.words, found);
  const lang = detected ?? 'en';
  // Text of no telling language is indexed under its German stems too (after the English ones).
  const both = detected === undefined;
  found.length = 0;
  const addText = (text: string, field: number, limit = Number.POSITIVE_INFINITY) => {
    let previous = -1;
    let count = 0;
    // A long text is read a few words at a time, until `limit` content words are found.
    for (let from = 0; from < text.length && count < limit; ) {
      const start = found.length;
      from = vocabulary.words.scan(text, found, from, limit - count + READ_AHEAD);
      for (let k = start; k < found.length; k++) {
        const entry = found.at(k);
        const id = vocabulary.word(entry, lang);
        if (id === SKIP) continue;
        counter.add(id, field);
        if (both) {
          const german = vocabulary.word(entry, 'de');
          if (german !== id) counter.add(german, field);
        }
        if (previous >= 0 && previous !== id) counter.add(vocabulary.pair(previous, id), field);
        previous = id;
        if (++count >= limit) break;
      }
    }
    counter.lengths[field] = Math.min(LENGTH_MAX, (counter.lengths[field] ?? 0) + count);
  };
  addText(item.title, FIELD_TITLE);
  for (const tag of item.tags) addText(tag, FIELD_TAGS);
  addText(item.summary, FIELD_SUMMARY, SUMMARY_WORDS);
  addText(urlPathText(item.url), FIELD_PATH);
}

/** `detectLanguage` over what `itemLanguage` reads, with the build's word table (`found`: scratch). */
function languageOfWords(item: KnowledgeItem, table: WordTable, found: Entries): Language | undefined {
  found.length = 0;
  // One joined string: scanning the title and a slice of the summary apart reads the same words,
  // but made whole builds a quarter slower (the scanner then meets a second kind of string).
  table.scan(`${item.title} ${item.summary.slice(0, LANGUAGE_SAMPLE)}`, found);
  let en = 0;
  let de = 0;
  for (let k = 0; k < found.length; k++) {
    const language = table.stopLanguage(found.at(k));
    if (language === 'en') en++;
    else if (language === 'de') de++;
  }
  return de > en ? 'de' : en > de ? 'en' : undefined;
}

/**
 * A bucket being built: postings are appended as (term, item, counts) entries to growable typed
 * arrays and grouped by term once at the end, so that building allocates a few large arrays rather
 * than an array per term.
 */
export interface BucketBuilder {
  members: number;
  lengthSums: number[];
  /** Term key → its number in this builder, when terms come by key (merging buckets). */
  ids: Map<string, number>;
  /** Per term: its key (by key: a pair's is its `pairKey`; from a vocabulary: '' for a pair). */
  terms: string[];
  surfaces: string[];
  /** Per term, from a vocabulary: a pair's stems as this builder's term numbers, else -1, -1. */
  parts: number[];
  /** Entries per term. */
  df: number[];
  count: number;
  entryTerm: Uint32Array;
  entryDoc: Uint32Array;
  entryTf: Uint16Array;
  tips: number[];
  patterned: number[];
}

export function newBuilder(): BucketBuilder {
  return {
    members: 0,
    lengthSums: [0, 0, 0, 0],
    ids: new Map(),
    terms: [],
    surfaces: [],
    parts: [],
    df: [],
    count: 0,
    entryTerm: new Uint32Array(1024),
    entryDoc: new Uint32Array(1024),
    entryTf: new Uint16Array(1024),
    tips: [],
    patterned: [],
  };
}

export function termOf(b: BucketBuilder, key: string, surface: string): number {
  let t = b.ids.get(key);
  if (t === undefined) {
    t = b.df.length;
    b.ids.set(key, t);
    b.terms.push(key);
    b.surfaces.push(surface);
    b.df.push(0);
  }
  return t;
}

/**
 * A build's terms of every item, counted once: item i's term numbers (build-wide) and packed counts
 * are `terms`/`tfs[starts[i] … starts[i + 1])`. An item of several tools is counted once and
 * collected into each of their buckets.
 */
interface ItemTerms {
  terms: Int32Array;
  tfs: Uint16Array;
  starts: Uint32Array;
}

/**
 * What `collect` reuses from bucket to bucket (buckets are collected and finished one at a time),
 * one slot per build-wide term or per entry of the largest bucket: `local` maps a build-wide term
 * number to its number in the bucket + 1, `globals` and `df` are the bucket's terms' build-wide
 * numbers and entry counts (both zeros between buckets), and the entries wait in `term`, `doc` and
 * `tf` until `finish` has grouped them.
 */
interface Scratch {
  local: Int32Array;
  globals: Int32Array;
  df: Int32Array;
  term: Uint32Array;
  doc: Uint32Array;
  tf: Uint16Array;
}

/** Entries of the items at `ordinals`. */
function entriesOf(ordinals: readonly number[], all: ItemTerms): number {
  let total = 0;
  for (const o of ordinals) total += (all.starts[o + 1] as number) - (all.starts[o] as number);
  return total;
}

/**
 * Fills builder `b` with the entries of its items (`ordinals`, ascending), numbering build-wide
 * terms in the bucket in the order they first show, and names its terms. The entries are views of
 * `scratch`, good until the next bucket is collected.
 */
function collect(
  b: BucketBuilder,
  ordinals: readonly number[],
  all: ItemTerms,
  scratch: Scratch,
  vocabulary: Vocabulary,
): void {
  const total = entriesOf(ordinals, all);
  b.entryTerm = scratch.term.subarray(0, total);
  b.entryDoc = scratch.doc.subarray(0, total);
  b.entryTf = scratch.tf.subarray(0, total);
  const { local, globals, df } = scratch;
  let count = 0;
  let k = 0;
  for (const o of ordinals) {
    const end = all.starts[o + 1] as number;
    for (let e = all.starts[o] as number; e < end; e++) {
      const id = all.terms[e] as number;
      let t = (local[id] as number) - 1;
      if (t < 0) {
        t = count++;
        local[id] = t + 1;
        globals[t] = id;
      }
      b.entryTerm[k] = t;
      b.entryDoc[k] = o;
      b.entryTf[k] = all.tfs[e] as number;
      df[t] = (df[t] as number) + 1;
      k++;
    }
  }
  b.count = total;
  b.df = [];
  for (let t = 0; t < count; t++) b.df.push(df[t] as number);
  nameTerms(b, vocabulary, scratch, count);
  for (let t = 0; t < count; t++) {
    local[globals[t] as number] = 0;
    df[t] = 0;
  }
}

/** Fills in the keys and surfaces of the `count` terms `collect` numbered, and the stems of its pairs. */
function nameTerms(
  b: BucketBuilder,
  vocabulary: Vocabulary,
  { local, globals }: Scratch,
  count: number,
): void {
  b.terms = new Array(count);
  b.surfaces = new Array(count);
  b.parts = new Array(2 * count);
  for (let t = 0; t < count; t++) {
    const id = globals[t] as number;
    const low = vocabulary.lows[id] as number;
    if (low < 0) {
      b.terms[t] = vocabulary.key(id);
      b.surfaces[t] = vocabulary.surface(id);
      b.parts[2 * t] = -1;
      b.parts[2 * t + 1] = -1;
    } else {
      // A pair's stems are in every item that has the pair, so in this bucket.
      b.terms[t] = '';
      b.surfaces[t] = '';
      b.parts[2 * t] = (local[low] as number) - 1;
      b.parts[2 * t + 1] = (local[vocabulary.highs[id] as number] as number) - 1;
    }
  }
}

export function addEntry(b: BucketBuilder, term: number, ordinal: number, tfs: number): void {
  if (b.count === b.entryTerm.length) {
    const grow = <T extends Uint32Array | Uint16Array>(old: T, make: (n: number) => T): T => {
      const next = make(old.length * 2);
      next.set(old);
      return next;
    };
    b.entryTerm = grow(b.entryTerm, (n) => new Uint32Array(n));
    b.entryDoc = grow(b.entryDoc, (n) => new Uint32Array(n));
    b.entryTf = grow(b.entryTf, (n) => new Uint16Array(n));
  }
  b.entryTerm[b.count] = term;
  b.entryDoc[b.count] = ordinal;
  b.entryTf[b.count] = tfs;
  b.count++;
  b.df[term] = (b.df[term] ?? 0) + 1;
}

/**
 * Groups the entries by term (a counting sort, stable: items in the order they were added). With
 * `merge`, entries may come in any order and repeat an item (an item of several tools, in the
 * bucket over all items): each term's postings are sorted and one kept per item.
 */
export function finish(tool: string, b: BucketBuilder, items: KnowledgeItem[], merge = false): Bucket {
  const count = b.df.length;
  const fromVocabulary = b.parts.length > 0;
  const isPair = (t: number) =>
    fromVocabulary ? (b.parts[2 * t] as number) >= 0 : (b.terms[t] as string).includes(' ');
  // Stems first, then pairs: term t of the builder is term renumbered[t] of the bucket.
  const renumbered = new Uint32Array(count);
  const terms: string[] = [];
  const surfaces: string[] = [];
  for (let t = 0; t < count; t++) {
    if (isPair(t)) continue;
    renumbered[t] = terms.length;
    terms.push(b.terms[t] as string);
    surfaces.push(b.surfaces[t] ?? '');
  }
  const pairs = new Uint32Array(2 * (count - terms.length));
  let byKey: Map<string, number> | null = null;
  let p = 0;
  for (let t = 0; t < count; t++) {
    if (!isPair(t)) continue;
    renumbered[t] = terms.length + p;
    let a: number | undefined;
    let c: number | undefined;
    if (fromVocabulary) {
      a = renumbered[b.parts[2 * t] as number];
      c = renumbered[b.parts[2 * t + 1] as number];
    } else {
      byKey ??= new Map(terms.map((term, i) => [term, i]));
      const key = b.terms[t] as string;
      const space = key.indexOf(' ');
      a = byKey.get(key.slice(0, space));
      c = byKey.get(key.slice(space + 1));
    }
    if (a === undefined || c === undefined) throw new Error(`index: a pair without its stems (${tool})`);
    pairs[2 * p] = Math.min(a, c);
    pairs[2 * p + 1] = Math.max(a, c);
    p++;
  }
  const offsets = new Uint32Array(count + 1);
  for (let t = 0; t < count; t++) offsets[(renumbered[t] as number) + 1] = b.df[t] ?? 0;
  for (let t = 0; t < count; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const total = offsets[count] as number;
  let docs: Uint32Array = new Uint32Array(total);
  let tfs: Uint16Array = new Uint16Array(total);
  const cursor = offsets.slice(0, count);
  for (let e = 0; e < b.count; e++) {
    const t = renumbered[b.entryTerm[e] as number] as number;
    const at = cursor[t] as number;
    docs[at] = b.entryDoc[e] as number;
    tfs[at] = b.entryTf[e] as number;
    cursor[t] = at + 1;
  }
  if (merge) ({ docs, tfs } = mergePostings(offsets, docs, tfs));
  const avgLength = new Float64Array(FIELD_COUNT);
  for (let f = 0; f < FIELD_COUNT; f++) avgLength[f] = b.members ? (b.lengthSums[f] ?? 0) / b.members : 0;
  const tips = b.tips.sort((x, y) => (items[y]?.updatedAt ?? 0) - (items[x]?.updatedAt ?? 0) || x - y);
  return bucketFrom({
    tool,
    size: b.members,
    avgLength,
    terms,
    surfaces,
    pairs,
    offsets,
    docs,
    tfs,
    tips,
    patterned: b.patterned,
  });
}

/** Sorts each term's postings by item and keeps one per item; rewrites `offsets` in place. */
function mergePostings(
  offsets: Uint32Array,
  docs: Uint32Array,
  tfs: Uint16Array,
): { docs: Uint32Array; tfs: Uint16Array } {
  const outDocs = new Uint32Array(docs.length);
  const outTfs = new Uint16Array(docs.length);
  let n = 0;
  const terms = offsets.length - 1;
  for (let t = 0; t < terms; t++) {
    const start = offsets[t] as number;
    const end = offsets[t + 1] as number;
    offsets[t] = n;
    let sorted = true;
    for (let p = start + 1; p < end && sorted; p++) sorted = (docs[p - 1] as number) < (docs[p] as number);
    if (sorted) {
      outDocs.set(docs.subarray(start, end), n);
      outTfs.set(tfs.subarray(start, end), n);
      n += end - start;
      continue;
    }
    const order = Array.from({ length: end - start }, (_, i) => start + i).sort(
      (x, y) => (docs[x] as number) - (docs[y] as number),
    );
    for (const p of order) {
      if (n > (offsets[t] as number) && outDocs[n - 1] === docs[p]) continue;
      outDocs[n] = docs[p] as number;
      outTfs[n] = tfs[p] as number;
      n++;
    }
  }
  offsets[terms] = n;
  return { docs: outDocs.slice(0, n), tfs: outTfs.slice(0, n) };
}

export function bucketFrom(snapshot: BucketSnapshot): Bucket {
  // The term lookup is made when the bucket is first asked for a term: a cold worker answering one
  // page reads two buckets, not all of them.
  let lookup: TermLookup | null = null;
  const bucket = { ...snapshot, deletes: null } as Omit<Bucket, 'lookup'> as Bucket;
  Object.defineProperty(bucket, 'lookup', {
    enumerable: true,
    get() {
      lookup ??= new TermLookup(snapshot.terms, snapshot.pairs);
      return lookup;
    },
  });
  return bucket;
}

/** Splits items by tool and indexes each tool's items' fields. */
export function buildMatchIndex(items: KnowledgeItem[]): MatchIndex {
  const builders = new Map<string, BucketBuilder>([['', newBuilder()]]);
  const ordinals = new Map<string, number[]>([['', []]]);
  const lengths = new Uint16Array(items.length * FIELD_COUNT);
  const vocabulary = new Vocabulary();
  const counter = new ItemCounter();
  const all: ItemTerms = {
    terms: new Int32Array(1 << 16),
    tfs: new Uint16Array(1 << 16),
    starts: new Uint32Array(items.length + 1),
  };
  let n = 0;
  for (const [ordinal, item] of items.entries()) {
    counter.reset();
    countTerms(item, vocabulary, counter);
    lengths.set(counter.lengths, ordinal * FIELD_COUNT);
    const count = counter.count;
    if (n + count > all.terms.length) {
      const size = Math.max(n + count, all.terms.length * 2);
      const terms = new Int32Array(size);
      terms.set(all.terms);
      const tfs = new Uint16Array(size);
      tfs.set(all.tfs);
      all.terms = terms;
      all.tfs = tfs;
    }
    for (let k = 0; k < count; k++, n++) {
      all.terms[n] = counter.ids[k] as number;
      all.tfs[n] = counter.tfs[k] as number;
    }
    all.starts[ordinal + 1] = n;
    const tools = item.tools.length ? [...new Set(item.tools)] : [''];
    for (const tool of tools) {
      let b = builders.get(tool);
      if (!b) {
        b = newBuilder();
        builders.set(tool, b);
        ordinals.set(tool, []);
      }
      b.members++;
      for (let f = 0; f < FIELD_COUNT; f++)
        b.lengthSums[f] = (b.lengthSums[f] ?? 0) + (counter.lengths[f] ?? 0);
      if (item.kind === 'tip') b.tips.push(ordinal);
      if (item.urlPatterns?.length) b.patterned.push(ordinal);
      ordinals.get(tool)?.push(ordinal);
    }
  }
  let largest = 0;
  for (const list of ordinals.values()) largest = Math.max(largest, entriesOf(list, all));
  const terms = vocabulary.lows.length;
  const scratch: Scratch = {
    local: new Int32Array(terms),
    globals: new Int32Array(terms),
    df: new Int32Array(terms),
    term: new Uint32Array(largest),
    doc: new Uint32Array(largest),
    tf: new Uint16Array(largest),
  };
  const byTool = new Map<string, Bucket>();
  let general: Bucket | undefined;
  for (const [tool, b] of builders) {
    collect(b, ordinals.get(tool) ?? [], all, scratch, vocabulary);
    const bucket = finish(tool, b, items);
    if (tool) byTool.set(tool, bucket);
    else general = bucket;
  }
  return {
    items,
    facts: itemFacts(items),
    lengths,
    byTool,
    general: general ?? finish('', newBuilder(), items),
    patterns: new Map(),
  };
}

/**
 * A bucket's stems with one letter deleted, as hashes (FNV-1a of the variant) sorted with the term
 * each came from. Hashes rather than the variants themselves: as strings in a map they were the
 * largest thing a day of matching added to the worker (with them, 400 pages and searches added
 * 47 MB at 50,000 items; with these arrays, 17 MB: tests/bench/index-memory.mjs); a hash that two
 * variants share only adds a candidate that `withinOneEdit` turns away.
 */
export interface Deletions {
  hashes: Int32Array;
  terms: Int32Array;
}

/** FNV-1a of `word` without its letter at `skip` (-1: the whole word). */
function hashWithout(word: string, skip: number): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    if (i !== skip) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  }
  return hash;
}

function deletionsOf(terms: string[]): Deletions {
  const hashes: number[] = [];
  const owners: number[] = [];
  for (const [t, term] of terms.entries()) {
    if (term.length < MIN_TYPO_LENGTH - 1) continue;
    for (let i = 0; i < term.length; i++) {
      // Deleting either of two equal neighbours gives the same variant.
      if (i > 0 && term.charCodeAt(i) === term.charCodeAt(i - 1)) continue;
      hashes.push(hashWithout(term, i));
      owners.push(t);
    }
  }
  const order = [...hashes.keys()].sort((x, y) => (hashes[x] as number) - (hashes[y] as number));
  return {
    hashes: Int32Array.from(order, (k) => hashes[k] as number),
    terms: Int32Array.from(order, (k) => owners[k] as number),
  };
}

/** The single-stem term numbers one edit away from `key`, and some that are not (check with `withinOneEdit`). */
export function typoCandidates(bucket: Bucket, key: string): number[] {
  bucket.deletes ??= deletionsOf(bucket.terms);
  const { hashes, terms } = bucket.deletes;
  const out = new Set<number>();
  for (let skip = -1; skip < key.length; skip++) {
    if (skip >= 0) {
      // The key with a letter deleted is a stem: the key has a letter too many.
      const exact = bucket.lookup.get(key.slice(0, skip) + key.slice(skip + 1));
      if (exact !== undefined) out.add(exact);
    }
    // A stem with a letter deleted is the key (a letter too few) or the key with one deleted (one
    // letter changed, or two swapped).
    const hash = hashWithout(key, skip);
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((hashes[mid] as number) < hash) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < hashes.length && hashes[k] === hash; k++) out.add(terms[k] as number);
  }
  return [...out];
}

/** What of a bucket is stored: everything but its derived lookups. */
export function snapshotOf({
  tool,
  size,
  avgLength,
  terms,
  surfaces,
  pairs,
  offsets,
  docs,
  tfs,
  tips,
  patterned,
}: Bucket): BucketSnapshot {
  return { tool, size, avgLength, terms, surfaces, pairs, offsets, docs, tfs, tips, patterned };
}

export function serializeMatchIndex(index: MatchIndex): MatchIndexSnapshot {
  const buckets = [index.general, ...index.byTool.values()].map(snapshotOf);
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    items: index.items,
    lengths: index.lengths,
    buckets,
  };
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

function below(values: Uint32Array, limit: number): boolean {
  for (let i = 0; i < values.length; i++) if ((values[i] ?? 0) >= limit) return false;
  return true;
}

function parseBucket(value: unknown, itemCount: number): BucketSnapshot | null {
  if (!isRecord(value)) return null;
  const { tool, size, avgLength, terms, surfaces, pairs, offsets, docs, tfs, tips, patterned } = value;
  if (typeof tool !== 'string' || !Number.isInteger(size) || (size as number) < 0) return null;
  if ((size as number) > itemCount) return null;
  if (!(avgLength instanceof Float64Array) || avgLength.length !== FIELD_COUNT) return null;
  if (!isStringList(terms) || !isStringList(surfaces) || surfaces.length !== terms.length) return null;
  if (!(offsets instanceof Uint32Array) || !(docs instanceof Uint32Array) || !(tfs instanceof Uint16Array)) {
    return null;
  }
  if (!(pairs instanceof Uint32Array) || pairs.length % 2 !== 0) return null;
  for (let p = 0; p < pairs.length; p += 2) {
    if ((pairs[p] as number) >= (pairs[p + 1] as number) || (pairs[p + 1] as number) >= terms.length)
      return null;
  }
  const count = terms.length + pairs.length / 2;
  if (offsets.length !== count + 1 || offsets[0] !== 0 || offsets[count] !== docs.length) return null;
  if (tfs.length !== docs.length || !below(docs, itemCount)) return null;
  for (let t = 0; t < count; t++) if ((offsets[t] ?? 0) >= (offsets[t + 1] ?? 0)) return null;
  if (!isOrdinalList(tips, itemCount) || !isOrdinalList(patterned, itemCount)) return null;
  return {
    tool,
    size: size as number,
    avgLength,
    terms,
    surfaces,
    pairs,
    offsets,
    docs,
    tfs,
    tips,
    patterned,
  };
}

/**
 * Rebuilds an index from {@link serializeMatchIndex}'s snapshot (after a structured clone) without
 * analysing the items again. Null for anything malformed or of another format version.
 */
export function loadMatchIndex(snapshot: unknown): MatchIndex | null {
  if (!isRecord(snapshot) || snapshot.format !== SNAPSHOT_FORMAT || snapshot.version !== SNAPSHOT_VERSION) {
    return null;
  }
  const { items, buckets, lengths } = snapshot;
  if (!Array.isArray(items) || !items.every(isItemShape) || !Array.isArray(buckets)) return null;
  if (!(lengths instanceof Uint16Array) || lengths.length !== items.length * FIELD_COUNT) return null;
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
  return { items, facts: itemFacts(items), lengths, byTool, general, patterns: new Map() };
}
