/**
 * The right few items for a screen. Pure functions: no browser APIs, no clock but `opts.now`'s
 * default (the index only caches compiled patterns, a typo dictionary and scratch arrays).
 *
 *   PageContext ─▶ weighted words and two-word phrases (terms.ts)
 *        │
 *        ├─▶ the tool's bucket ──┐  per bucket (build.ts):
 *        └─▶ general items ──────┤  stage 1, word index: page chrome dropped, the 12 rarest words
 *                                │    (+ phrases) scored over titles, tags and summaries; each item
 *                                │    prefiltered on first touch (exclude, window, feedback,
 *                                │    audience, urlPatterns); a word in most summaries is read only
 *                                │    in titles and tags; the best 12 kept
 *                                │  gate: return nothing rather than something weak
 *                                │  stage 2, Fuse over the best 6 only, on the 3 strongest words
 *                                ▼  relevance = both stages blended
 *        + targeting (page > area > tool > general), endorsement, feedback, freshness, tip
 *        recency ─▶ best first, at most `limit`
 *        nothing on a home screen (or one with no area) ─▶ the tool's current tips, newest first
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { KnowledgeItem, Match, PageContext } from '../model';
import { toolName } from '../tools';
import {
  type Bucket,
  FIELD_TAG,
  FIELD_TITLE,
  HAS_AUDIENCES,
  HAS_PATTERNS,
  type MatchIndex,
  MIN_TYPO_LENGTH,
  postingFields,
  postingOrdinal,
  typoCandidates,
} from './build';
import { englishReason, type ReasonText } from './reasons';
import { areaText, contextTerms, type QueryTerm } from './terms';
import { contentStems, germanForms, withinOneEdit } from './text';

export {
  buildMatchIndex,
  loadMatchIndex,
  type MatchIndex,
  type MatchIndexSnapshot,
  serializeMatchIndex,
} from './build';
export { englishReason, type ReasonKey, type ReasonText } from './reasons';

export interface MatchOptions {
  /** Most items returned; default 3. */
  limit?: number;
  /** Epoch ms; default Date.now(). */
  now?: number;
  /** Item ids not to show (dismissed, snoozed). */
  exclude?: ReadonlySet<string>;
  /** The person's audiences: an item with audiences needs an overlap (case-insensitive). */
  audiences?: readonly string[];
  signals?: {
    endorsed?: ReadonlySet<string>;
    feedback?: ReadonlyMap<string, { helpful: number; notHelpful: number }>;
  };
  reasonText?: ReasonText;
}

/** Context words scored per bucket (the rarest, by weight × idf), and phrases on top. */
const MAX_WORDS = 12;
const MAX_PHRASES = 6;
/** Stage-1 candidates per bucket. */
const CANDIDATES = 12;
/** Of those that qualify, how many Fuse re-ranks: the tool's, and general ones (rarely shown). */
const FUSE_CANDIDATES = 6;
const FUSE_GENERAL = 3;
/** The strongest words Fuse searches for, one search each. */
const FUSE_PATTERNS = 3;
/** Summary characters Fuse sees. */
const FUSE_SUMMARY = 100;
/**
 * A word in more of a tool's items than this share (plus a little slack, so that small buckets are
 * not judged on two items) is page chrome ("issue" on Jira), not a signal.
 */
const CHROME_SHARE = 0.3;
const CHROME_SLACK = 2;
const TYPO_FACTOR = 0.6;
/** The word index's share of relevance; Fuse has the rest. */
const STAGE_ONE_SHARE = 0.8;
/** Below this share of the bucket's best stage-1 score an item is padding, not an answer. */
const RELATIVE_CUT = 0.3;
/**
 * How much a tool's item must be spoken for, as the sum of (where the word is on the page ×
 * where it is in the item): one heading word in a title or tag passes, one button label does not.
 */
const MIN_EVIDENCE = 1.5;
/** A general item must match this many distinct words in its title or tags, and twice the evidence. */
const GENERAL_MIN_WORDS = 2;
const GENERAL_MIN_EVIDENCE = 2 * MIN_EVIDENCE;
/** Not-helpful votes that, with no helpful one, take an item out. */
const REMOVE_AFTER_NOT_HELPFUL = 3;
const DAY = 86_400_000;
/** Matching words a reason quotes. */
const MAX_QUOTED = 2;

const BONUS = {
  page: 0.6,
  area: 0.3,
  tool: 0.15,
  endorsed: 0.25,
  helpful: 0.1,
  notHelpful: -0.3,
  stale: -0.5,
  tipRecency: 0.1,
} as const;

const FUSE_OPTIONS: IFuseOptions<Pick<KnowledgeItem, 'title' | 'tags' | 'summary'>> = {
  keys: [
    { name: 'title', weight: 0.5 },
    { name: 'tags', weight: 0.35 },
    { name: 'summary', weight: 0.15 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 3,
};

/** A context term found in a bucket's vocabulary (exactly, or one edit away). */
interface Resolved {
  term: number;
  /** How many of the term's postings stage 1 reads. */
  reach: number;
  /** Weight on the page × rarity in the bucket. */
  value: number;
  /** Weight in the page's own words, the area's left out (less for a corrected typo). */
  weight: number;
  surface: string;
  phrase: boolean;
}

interface Candidate {
  ordinal: number;
  item: KnowledgeItem;
  general: boolean;
  /** Stage-1 score. */
  score: number;
  /** Distinct words found in the title or tags. */
  strong: number;
  /** Distinct words found only in the summary. */
  weak: number;
  /** See {@link MIN_EVIDENCE}. */
  evidence: number;
  hits: Resolved[];
  pageHit: boolean;
  /** The area is one of its tags or a phrase of its title. */
  areaHit: boolean;
  /** The area is one of its tags: the author aimed it at this screen. */
  areaTag: boolean;
  fuse: number;
  /** Re-ranked by Fuse (only the best few are). */
  fused: boolean;
  relevance: number;
}

/** Everything one query needs, and what it has already worked out about items. */
interface Query {
  index: MatchIndex;
  url: string;
  now: number;
  exclude: ReadonlySet<string> | undefined;
  audiences: Set<string>;
  feedback: ReadonlyMap<string, { helpful: number; notHelpful: number }> | undefined;
  scratch: Scratch;
}

function coversPage(index: MatchIndex, patterns: string[], url: string): boolean {
  return patterns.some((text) => {
    let pattern = index.patterns.get(text);
    if (pattern === undefined) {
      try {
        pattern = new MatchPattern(text);
      } catch {
        pattern = null;
      }
      index.patterns.set(text, pattern);
    }
    try {
      // A string, never a URL object: the library's `instanceof Location` throws in workers.
      return pattern?.includes(url) ?? false;
    } catch {
      return false;
    }
  });
}

/** Eligibility states, per item and query (0: not looked at yet). */
const HIDDEN = 1;
const SHOWN = 2;
const SHOWN_ON_PAGE = 3;

/** Whether an item may be shown at all: exclude, window, feedback, audience, urlPatterns. */
function eligibility(query: Query, ordinal: number): number {
  const { state, touched } = query.scratch;
  const known = state[ordinal] ?? 0;
  if (known) return known;
  const { ids, startsAt, endsAt, targeted } = query.index.facts;
  const id = ids[ordinal] ?? '';
  let result = HIDDEN;
  if (
    (startsAt[ordinal] ?? 0) <= query.now &&
    query.now < (endsAt[ordinal] ?? 0) &&
    !query.exclude?.has(id)
  ) {
    const votes = query.feedback?.get(id);
    const rejected = votes && votes.helpful <= 0 && votes.notHelpful >= REMOVE_AFTER_NOT_HELPFUL;
    const flags = targeted[ordinal] ?? 0;
    const item = flags ? query.index.items[ordinal] : undefined;
    const audienceOk =
      !(flags & HAS_AUDIENCES) || (item?.audiences ?? []).some((a) => query.audiences.has(a.toLowerCase()));
    if (!rejected && audienceOk) {
      if (!(flags & HAS_PATTERNS)) result = SHOWN;
      else if (coversPage(query.index, item?.urlPatterns ?? [], query.url)) result = SHOWN_ON_PAGE;
    }
  }
  state[ordinal] = result;
  touched.push(ordinal);
  return result;
}

/**
 * Per-index scratch arrays, so that the hot loop over postings touches typed arrays instead of
 * maps. One query runs at a time (JavaScript is single-threaded); each clears what it touched.
 */
interface Scratch {
  /** Ordinal → eligibility state. */
  state: Uint8Array;
  touched: number[];
  /** Ordinal → 1 + the item's slot in stage 1's accumulators (0: none). */
  slot: Int32Array;
}

const scratches = new WeakMap<MatchIndex, Scratch>();

function scratchFor(index: MatchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch || scratch.state.length < index.items.length) {
    scratch = {
      state: new Uint8Array(index.items.length),
      touched: [],
      slot: new Int32Array(index.items.length),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

function chromeCap(bucket: Bucket): number {
  return CHROME_SHARE * bucket.size + CHROME_SLACK;
}

/** The vocabulary term one edit away from `key`, the most common one when several are. */
function correct(bucket: Bucket, key: string): number | undefined {
  let best: number | undefined;
  let bestDf = 0;
  for (const term of typoCandidates(bucket, key)) {
    const text = bucket.terms[term] ?? '';
    const df = bucket.postings[term]?.length ?? 0;
    if (text.length >= MIN_TYPO_LENGTH && withinOneEdit(key, text) && df > bestDf) {
      best = term;
      bestDf = df;
    }
  }
  return best;
}

/** The context's terms in this bucket's vocabulary, chrome dropped, the most telling first. */
function resolve(bucket: Bucket, terms: QueryTerm[]): Resolved[] {
  const cap = chromeCap(bucket);
  const best = new Map<number, Resolved>();
  for (const { key, surface, weight, pageWeight, phrase, correctable } of terms) {
    let term = bucket.lookup.get(key);
    let factor = 1;
    if (term === undefined && correctable && !phrase && key.length >= MIN_TYPO_LENGTH) {
      term = germanForms(key)
        .map((form) => bucket.lookup.get(form))
        .find((found) => found !== undefined);
      term ??= correct(bucket, key);
      factor = TYPO_FACTOR;
    }
    if (term === undefined) continue;
    const df = bucket.postings[term]?.length ?? 0;
    if (df === 0 || (bucket.strongDf[term] ?? 0) > cap) continue;
    const value = weight * Math.log(1 + bucket.size / df) * factor;
    // A word in most summaries says little there: read only its title and tag entries.
    const reach = df > cap ? (bucket.strongDf[term] ?? 0) : df;
    const previous = best.get(term);
    if (previous && previous.value >= value) continue;
    best.set(term, {
      term,
      reach,
      value,
      // A corrected typo counts less towards rank, not towards whether the page speaks for the item.
      weight: pageWeight,
      surface: factor === 1 ? surface : (bucket.surfaces[term] ?? surface),
      phrase,
    });
  }
  const ranked = [...best.values()].sort((a, b) => b.value - a.value);
  return [
    ...ranked.filter((r) => !r.phrase).slice(0, MAX_WORDS),
    ...ranked.filter((r) => r.phrase).slice(0, MAX_PHRASES),
  ];
}

/** By field flags: title 1, tag 0.8, both 1.2, summary only 0.25. */
const FIELD_WEIGHT = Array.from({ length: 8 }, (_, fields) => {
  const title = (fields & FIELD_TITLE) !== 0;
  const tag = (fields & FIELD_TAG) !== 0;
  return title && tag ? 1.2 : title ? 1 : tag ? 0.8 : 0.25;
});

/** Stage 1: the bucket's best candidates by the word index. */
function stageOne(query: Query, bucket: Bucket, selected: Resolved[], general: boolean): Candidate[] {
  const { slot, state } = query.scratch;
  const ordinals: number[] = [];
  const score: number[] = [];
  const evidence: number[] = [];
  const strong: number[] = [];
  const weak: number[] = [];
  /** Bit t: selected[t] is in the title or tags (at most 18 terms are selected). */
  const hitMask: number[] = [];
  const local = (ordinal: number): number => {
    let j = (slot[ordinal] ?? 0) - 1;
    if (j < 0) {
      j = ordinals.length;
      slot[ordinal] = j + 1;
      ordinals.push(ordinal);
      score.push(0);
      evidence.push(0);
      strong.push(0);
      weak.push(0);
      hitMask.push(0);
    }
    return j;
  };
  try {
    accumulate();
  } finally {
    for (const ordinal of ordinals) slot[ordinal] = 0;
  }
  function accumulate() {
    for (const [t, resolved] of selected.entries()) {
      const postings = bucket.postings[resolved.term] ?? [];
      const { value, weight, phrase, reach } = resolved;
      for (let i = 0; i < reach; i++) {
        const posting = postings[i] as number;
        const ordinal = postingOrdinal(posting);
        if (eligibility(query, ordinal) < SHOWN) continue;
        const j = local(ordinal);
        const fields = postingFields(posting);
        const fw = FIELD_WEIGHT[fields] ?? 0;
        score[j] = (score[j] ?? 0) + value * fw;
        evidence[j] = (evidence[j] ?? 0) + weight * fw;
        if (fields & (FIELD_TITLE | FIELD_TAG)) {
          if (!phrase) strong[j] = (strong[j] ?? 0) + 1;
          hitMask[j] = (hitMask[j] ?? 0) | (1 << t);
        } else if (!phrase) weak[j] = (weak[j] ?? 0) + 1;
      }
    }
    for (const ordinal of bucket.patterned) {
      if (eligibility(query, ordinal) === SHOWN_ON_PAGE) local(ordinal);
    }
  }
  // The best CANDIDATES by score (ties: catalog order) without sorting every touched item, and
  // every item whose urlPatterns cover the page.
  const better = (a: number, b: number) =>
    (score[a] ?? 0) > (score[b] ?? 0) ||
    ((score[a] ?? 0) === (score[b] ?? 0) && (ordinals[a] ?? 0) < (ordinals[b] ?? 0));
  const top: number[] = [];
  const onPage: number[] = [];
  for (let j = 0; j < ordinals.length; j++) {
    if (state[ordinals[j] ?? 0] === SHOWN_ON_PAGE) onPage.push(j);
    if (top.length >= CANDIDATES && !better(j, top[CANDIDATES - 1] ?? 0)) continue;
    let at = top.length;
    while (at > 0 && better(j, top[at - 1] ?? 0)) at--;
    top.splice(at, 0, j);
    if (top.length > CANDIDATES) top.pop();
  }
  const out: Candidate[] = [];
  for (const j of new Set([...top, ...onPage])) {
    const ordinal = ordinals[j] as number;
    const mask = hitMask[j] ?? 0;
    out.push({
      ordinal,
      item: query.index.items[ordinal] as KnowledgeItem,
      general,
      score: score[j] ?? 0,
      strong: strong[j] ?? 0,
      weak: weak[j] ?? 0,
      evidence: evidence[j] ?? 0,
      hits: selected.filter((_, t) => mask & (1 << t)),
      pageHit: state[ordinal] === SHOWN_ON_PAGE,
      areaHit: false,
      areaTag: false,
      fuse: 0,
      fused: false,
      relevance: 0,
    });
  }
  return out;
}

/**
 * Stage 2: Fuse over the best few candidates only, for fuzzy relevance on the strongest words of
 * the page, one search per word (a long pattern is cut into 32-character slices). Fuse's cost grows
 * with text length, so it sees titles, tags and the start of summaries, where their gist is.
 * Returns what a perfect match on every word would score.
 */
function stageTwo(candidates: Candidate[], selected: Resolved[], max: number): number {
  const ranked = [...candidates].sort((a, b) => b.score - a.score).slice(0, max);
  if (ranked.length < 2) return 0;
  for (const c of ranked) c.fused = true;
  const patterns = selected
    .filter((r) => !r.phrase)
    .sort((a, b) => b.value - a.value)
    .slice(0, FUSE_PATTERNS);
  const fuse = new Fuse(
    ranked.map(({ item }) => ({
      title: item.title,
      tags: item.tags,
      summary: item.summary.slice(0, FUSE_SUMMARY),
    })),
    FUSE_OPTIONS,
  );
  for (const pattern of patterns) {
    for (const hit of fuse.search(pattern.surface, { limit: ranked.length })) {
      const c = ranked[hit.refIndex];
      if (c) c.fuse += pattern.value * (1 - (hit.score ?? 1));
    }
  }
  return patterns.reduce((sum, p) => sum + p.value, 0);
}

/**
 * Both stages blended: the word index's score as a share of the best, Fuse's as a share of a
 * perfect match on every pattern, the word index weighted over Fuse (it knows fields, rarity and
 * phrases; Fuse adds fuzziness). Ranks alone (reciprocal-rank fusion) tie whenever two of a
 * handful of candidates swap places, and forget by how much one led.
 */
function blend(candidates: Candidate[], fuseBest: number): void {
  const bestScore = Math.max(...candidates.map((c) => c.score));
  for (const c of candidates) {
    const words = bestScore > 0 ? c.score / bestScore : 0;
    // Candidates Fuse did not see keep their stage-1 standing.
    const fuzzy = fuseBest > 0 && c.fused ? c.fuse / fuseBest : words;
    c.relevance = STAGE_ONE_SHARE * words + (1 - STAGE_ONE_SHARE) * fuzzy;
  }
}

/** Whether the screen's area (as words) is one of the item's tags, or a phrase of its title. */
function areaHits(item: KnowledgeItem, area: string[]): { tag: boolean; title: boolean } {
  if (area.length === 0) return { tag: false, title: false };
  const joined = area.join(' ');
  return {
    tag: item.tags.some((tag) => contentStems(tag).join(' ') === joined),
    title: ` ${contentStems(item.title).join(' ')} `.includes(` ${joined} `),
  };
}

/**
 * Return nothing rather than something weak: a tool's item needs its page, its area among its tags
 * (when few of the tool's items have it), or words of the page in its title or tags with enough
 * evidence; a general item needs its page, or two such words and twice the evidence. None may
 * trail the bucket's best far behind.
 */
function qualifies(c: Candidate, areaDistinct: boolean, best: number, home: boolean): boolean {
  if (c.pageHit) return true;
  const relevant = c.strong >= 1 && c.evidence >= MIN_EVIDENCE && c.score >= RELATIVE_CUT * best;
  if (c.general) return relevant && c.strong >= GENERAL_MIN_WORDS && c.evidence >= GENERAL_MIN_EVIDENCE;
  // A home screen's headings are navigation ("Recent documents"): one word there is not a topic.
  if (home) return relevant && c.strong >= GENERAL_MIN_WORDS;
  return (c.areaTag && areaDistinct) || relevant;
}

/** Whether the area picks out few enough of the bucket's items to stand on its own. */
function areaIsDistinct(bucket: Bucket, area: string[]): boolean {
  if (area.length === 0) return false;
  const key = area.length === 1 ? area[0] : `${area[0]} ${area[1]}`;
  const term = bucket.lookup.get(key ?? '');
  const df = term === undefined ? 0 : (bucket.strongDf[term] ?? 0);
  return df > 0 && df <= chromeCap(bucket);
}

function matchBucket(
  query: Query,
  bucket: Bucket,
  terms: QueryTerm[],
  area: string[],
  general: boolean,
  home: boolean,
): Candidate[] {
  const selected = resolve(bucket, terms);
  const candidates = stageOne(query, bucket, selected, general);
  if (candidates.length === 0) return [];
  if (!general) {
    for (const c of candidates) {
      const hits = areaHits(c.item, area);
      c.areaTag = hits.tag;
      c.areaHit = hits.tag || hits.title;
    }
  }
  const distinct = !general && areaIsDistinct(bucket, area);
  const best = Math.max(...candidates.map((c) => c.score));
  const kept = candidates.filter((c) => qualifies(c, distinct, best, home));
  const fuseBest = stageTwo(kept, selected, general ? FUSE_GENERAL : FUSE_CANDIDATES);
  blend(kept, fuseBest);
  return kept;
}

function recency(item: KnowledgeItem, now: number): number {
  const age = Math.max(0, now - item.updatedAt) / DAY;
  return 2 ** (-age / 90);
}

/**
 * The items that fit a page, best first; empty when nothing fits. Items of the page's tool and
 * general items only; see the header for the flow.
 */
export function matchItems(index: MatchIndex, context: PageContext, opts: MatchOptions = {}): Match[] {
  const { limit = 3, now = Date.now() } = opts;
  if (!context.tool || limit <= 0) return [];
  const scratch = scratchFor(index);
  try {
    return matchTool(index, context.tool, context, opts, limit, now, scratch);
  } finally {
    for (const ordinal of scratch.touched) scratch.state[ordinal] = 0;
    scratch.touched.length = 0;
  }
}

function matchTool(
  index: MatchIndex,
  tool: string,
  context: PageContext,
  opts: MatchOptions,
  limit: number,
  now: number,
  scratch: Scratch,
): Match[] {
  const { exclude, signals, reasonText = englishReason } = opts;
  const name = toolName(tool);
  const query: Query = {
    index,
    url: context.url,
    now,
    exclude,
    audiences: new Set((opts.audiences ?? []).map((a) => a.toLowerCase())),
    feedback: signals?.feedback,
    scratch,
  };
  const terms = contextTerms(context, name);
  const areaWords = areaText(context.area);
  const area = contentStems(areaWords);
  const bucket = index.byTool.get(tool);
  const home = context.area === 'home' || context.area === 'dashboard';

  const candidates = [
    ...(bucket ? matchBucket(query, bucket, terms, area, false, home) : []),
    ...matchBucket(query, index.general, terms, area, true, home),
  ];
  const matches = candidates.map((c): Match => {
    const { item } = c;
    const reasons: string[] = [];
    let score = c.relevance;
    if (!c.general) reasons.push(reasonText('reasonTool', [name]));
    if (c.pageHit) {
      score += BONUS.page;
      reasons.push(reasonText('reasonPage', []));
    } else if (c.areaHit) score += BONUS.area;
    else if (!c.general) score += BONUS.tool;
    if (c.areaHit) reasons.push(reasonText('reasonArea', [name, areaWords]));
    for (const term of quotedTerms(c.hits, c.areaHit ? areaWords : '')) {
      reasons.push(reasonText('reasonTerm', [term]));
    }
    score += signalBonus(item, now, signals, reasonText, reasons);
    return { item, score, reasons };
  });

  if (matches.length === 0 && (home || !context.area)) {
    return bucket ? homeTips(query, bucket, name, signals, reasonText, limit) : [];
  }
  return matches.sort(byScore).slice(0, limit);
}

/**
 * The page's words a reason quotes: at most two, phrases first, none that repeats a quoted phrase
 * or the area already named.
 */
function quotedTerms(hits: Resolved[], area: string): string[] {
  const quoted: string[] = [];
  const covered = (surface: string) => [area, ...quoted].some((text) => ` ${text} `.includes(` ${surface} `));
  const ordered = [...hits].sort((a, b) => Number(b.phrase) - Number(a.phrase) || b.value - a.value);
  for (const { surface } of ordered) {
    if (quoted.length >= MAX_QUOTED) break;
    if (!covered(surface)) quoted.push(surface);
  }
  return quoted;
}

function byScore(a: Match, b: Match): number {
  return b.score - a.score || b.item.updatedAt - a.item.updatedAt || a.item.id.localeCompare(b.item.id);
}

/** Endorsement, feedback, freshness and (for tips) recency; adds their reasons. */
function signalBonus(
  item: KnowledgeItem,
  now: number,
  signals: MatchOptions['signals'],
  reasonText: ReasonText,
  reasons: string[],
): number {
  let bonus = 0;
  if (signals?.endorsed?.has(item.id)) {
    bonus += BONUS.endorsed;
    reasons.push(reasonText('reasonEndorsed', []));
  }
  const votes = signals?.feedback?.get(item.id);
  if (votes) {
    bonus += BONUS.helpful * Math.min(3, Math.max(0, votes.helpful));
    bonus += BONUS.notHelpful * Math.min(3, Math.max(0, votes.notHelpful));
    if (votes.helpful > votes.notHelpful) reasons.push(reasonText('reasonHelpful', []));
  }
  if (item.kind === 'tip') bonus += BONUS.tipRecency * recency(item, now);
  if (item.reviewBy !== undefined && item.reviewBy < now) {
    bonus += BONUS.stale;
    reasons.push(reasonText('reasonStale', []));
  }
  return bonus;
}

/** A tool's home screen with nothing specific: its current tips, newest first (stale ones last). */
function homeTips(
  query: Query,
  bucket: Bucket,
  name: string,
  signals: MatchOptions['signals'],
  reasonText: ReasonText,
  limit: number,
): Match[] {
  const out: Match[] = [];
  for (const ordinal of bucket.tips) {
    const item = query.index.items[ordinal];
    if (!item || eligibility(query, ordinal) < SHOWN) continue;
    const reasons = [reasonText('reasonNewTip', [name])];
    const score = 0.1 + signalBonus(item, query.now, signals, reasonText, reasons);
    out.push({ item, score, reasons });
  }
  return out.sort(byScore).slice(0, limit);
}
