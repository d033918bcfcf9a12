/**
 * The right few items for a screen. Pure functions: no browser APIs, no clock but `opts.now`'s
 * default (the index only caches compiled patterns, a typo dictionary and scratch arrays).
 *
 *   PageContext ─▶ weighted words and neighbouring-word pairs (terms.ts: area, title and headings
 *        │          over keywords and button labels; the tool's own name dropped)
 *        ├─▶ the tool's bucket ──┐  per bucket: BM25F over title, tags, summary and URL path words
 *        └─▶ general items ──────┤  (bm25.ts) with idf within the bucket, so a tool's chrome words
 *                                │  weigh little; items prefiltered on first touch (exclude,
 *                                │  window, feedback, audience, urlPatterns); the best 12 kept
 *                                │  relevance = BM25F × (1 + share of the item's title words on the
 *                                │  page, the tool's own name left out)
 *                                │  gate: confidence = the page's own evidence (the area left out) ×
 *                                │  title coverage credit / ln(N)², offered only above a threshold
 *                                │  learned on the development half (see RANKER), or when the page
 *                                ▼  shows every word of the item's title (wholeTitleWords)
 *        + targeting (page > area > tool > general), endorsement, feedback, freshness, tip
 *        recency ─▶ best first, one item per title, at most `limit`
 *        an overview screen (home, dashboard, your work) ─▶ the tool's current tips, those whose
 *        titles share the screen's title and heading words first, then newest first;
 *        a page with no area where nothing fits ─▶ the same
 *        a tool with no items of its own (an admin's in-house app) ─▶ general items, same gate
 */
import type { KnowledgeItem, Match, PageContext } from '../model';
import { toolName } from '../tools';
import { type Bm25fParams, idf, maxScore, type Scored, scoreBm25f, topOf, type WeightedTerm } from './bm25';
import {
  type Bucket,
  FIELD_PATH,
  FIELD_TAGS,
  FIELD_TITLE,
  fieldTf,
  HAS_AUDIENCES,
  HAS_PATTERNS,
  HAS_WINDOW,
  itemLanguage,
  type MatchIndex,
  MIN_TYPO_LENGTH,
  termId,
  typoCandidates,
} from './build';
import { englishReason, type ReasonText } from './reasons';
import { areaText, contextTerms, DEFAULT_PLACE_WEIGHTS, type PlaceWeights, type QueryTerm } from './terms';
import { analyze, contentStems, withinOneEdit, words } from './text';
import { compileUrlPattern } from './url-pattern';

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

/**
 * Everything the ranker's figures can be tuned by. `RANKER` holds the values in use; the relevance
 * harness passes others to measure them (`matchWith`).
 */
export interface RankerParams {
  bm25f: Bm25fParams;
  places: PlaceWeights;
  /** Query terms scored per bucket, the most telling (weight × idf) first. */
  maxTerms: number;
  /** A corrected typo counts this much of the word. */
  typoFactor: number;
  /** Least confidence for a tool's item (see `confidence`). */
  minConfidence: number;
  /** Share of `minConfidence` asked of an item tagged with the screen's area. */
  areaTaggedFactor: number;
  /** Least confidence for a general item. */
  minGeneralConfidence: number;
  /**
   * An item whose every title word is on the page, with at least this many of the page's words in
   * its title, tags or URL path, clears the gate whatever its confidence: the page shows exactly
   * what the item is about, though its words are common ones (0: no such pass).
   */
  wholeTitleWords: number;
  /** Below this share of the best candidate's relevance an item is padding, not an answer. */
  relativeCut: number;
  /**
   * Credit for the share of the item's title words that the page has: of two items that match the
   * page equally, the one the page is wholly about ("Inline hooks" over "Password import inline
   * hook"). Relevance = BM25F × (1 + coverage × share).
   */
  coverage: number;
  bonus: {
    page: number;
    area: number;
    tool: number;
    endorsed: number;
    helpful: number;
    notHelpful: number;
    stale: number;
    tipRecency: number;
  };
}

/*
 * The figures in use. Each was chosen on the development half of the labelled real-documentation
 * screens (tests/relevance: okta, servicenow, teams, teams-de; 116 screens) with
 * `npx vite-node -c tests/relevance/screens.vitest.config.ts tests/relevance/screens-tune.ts <name>`,
 * one figure at a time around the others. Next to each: the values tried → development top-1 / MRR
 * over specific screens (with the gate off unless it says "gated"). Differences of 0.012 are one
 * screen: where the figures are flat, the textbook or earlier value was kept.
 */
export const RANKER: RankerParams = {
  bm25f: {
    // k1 0.6 .565/.686 · 0.9 .565/.694 · 1.2 .588/.707 · 1.6 .576/.699 · 2.4 .600/.707
    k1: 1.2,
    // title 1 .576/.699 · 2 .565/.694 · 3 .588/.707 · 4 .588/.706 · 6 .565/.694;
    // tags 0.5–3 flat (the real sets carry almost no tags; 3 loses one screen);
    // summary 0.25 .600/.704 · 0.5 .588/.707 · 1 .553/.682 · 1.5 .541/.674;
    // path 0 .456/.609 · 0.5 .443/.604 · 1 .443/.602 · 1.5 .456/.606 · 2.5 .456/.606 (before the
    // title-coverage credit): flat, kept for catalogs whose titles say less than their URLs
    weights: [3, 2, 0.5, 1.5],
    // b title 0 .576/.698 · 0.25 .588/.705 · 0.5 .588/.707 · 1 .600/.714 (flat, kept 0.5);
    // summary 0 .576/.694 · 0.25 .565/.692 · 0.5 .576/.698 · 0.75 .588/.707 · 1 .576/.701;
    // tags and path: short fields, textbook values (tags are not on the real sets)
    b: [0.5, 0.3, 0.75, 0.5],
    strongFields: (1 << FIELD_TITLE) | (1 << FIELD_TAGS) | (1 << FIELD_PATH),
    // No effect on the real sets (their buckets hold 294–2,705 items); on the project's labelled
    // pages (buckets of 2–12 items) 20 let a tool's chrome word ("board" on every Trello item)
    // count as rare and failed four of the small-catalog unit checks, 5 passes them all
    idfBase: 5,
  },
  // See DEFAULT_PLACE_WEIGHTS for each place's figures.
  places: DEFAULT_PLACE_WEIGHTS,
  // 10 .482/.626 · 20 .612/.713 · 30 .588/.707 (flat between 20 and 30; the longer list kept)
  maxTerms: 30,
  // Not measurable on the real sets (their pages are spelled right); the earlier ranker's value
  typoFactor: 0.6,
  // Gated, confidence = page evidence × coverage credit / ln(N)² (see `confidence`):
  // 0.30 top-1 .529 r@3 .671 quiet .70 · 0.31 same · 0.32 .506 .647 .83 · 0.33 .506 .647 .87 ·
  // 0.34 .506 .647 .87 · (0.35 .494 .635 .87 · 0.40 .447 .553 .91 in a coarser sweep).
  // Again once title coverage left out the tool's own name (which raises coverage), with the
  // whole-title pass: 0.33 .576 .718 .78 · 0.35 .576 .718 .83 · 0.36 .565 .706 .87 · 0.37 .565
  // .706 .87 · 0.38 .565 .682 .87 · 0.40 .553 .659 .87: 0.36 is the least that keeps .87 quiet
  minConfidence: 0.36,
  // Not measurable on the real sets (no item is tagged with a screen's area); half the threshold
  areaTaggedFactor: 0.5,
  // The real sets have no general items; the same threshold, plus two words of the page in the
  // item's title, tags or URL (see `passes`), which the project's labelled pages check
  minGeneralConfidence: 0.33,
  // Gated: off top-1 .506 MRR .580 r@3 .647 quiet .87 · 2 .553 .627 .694 .83 · 3 .541 .615 .682
  // .87 · 4 .518 .592 .659 .87 · 5 as off: 3 is the most that costs no quiet screen
  wholeTitleWords: 3,
  // 0.1 / 0.3 / 0.5: see the sweep `relativeCut`
  relativeCut: 0.3,
  // 0 .506/.657 · 0.25 .565/.687 · 0.5 .553/.688 · 1 .588/.707 · 2 .588/.711
  coverage: 1,
  // No Fuse.js re-rank of the best six on the page's strongest words any more. Its share of
  // relevance, gated (top-1 / MRR / r@3; 2026-12-07): 0 .565/.645/.718 · 0.2 .565/.648/.729 ·
  // 0.35 .565/.643/.706 · 0.5 .541/.623/.682 · 0.65 .529/.613/.682. Once the title-coverage credit
  // and the whole-title pass were in, it no longer earned its place (flat to 0.35, worse above),
  // and it was a quarter of a match's time at 10,000 items (npm run bench)
  // Endorsements, feedback, freshness and targeting are Signpost's own signals: the labelled
  // screens carry none of them (no votes, endorsements, urlPatterns or stale items), so these keep
  // the earlier ranker's values, on the scale of relevance as a share of the best candidate (0–1)
  bonus: {
    page: 0.6,
    area: 0.3,
    tool: 0.15,
    endorsed: 0.25,
    helpful: 0.1,
    notHelpful: -0.3,
    stale: -0.5,
    tipRecency: 0.1,
  },
};

/** Areas that are a tool's overview of everything: only its new-capability tips belong there. */
export const OVERVIEW_AREAS: ReadonlySet<string> = new Set([
  'home',
  'dashboard',
  'your-work',
  'admin-dashboard',
]);

/** Candidates per bucket that the gate and targeting look at. */
const CANDIDATES = 12;
/** Not-helpful votes that, with no helpful one, take an item out. */
const REMOVE_AFTER_NOT_HELPFUL = 3;
const DAY = 86_400_000;
/** Matching words a reason quotes. */
const MAX_QUOTED = 2;

/** A context term found in a bucket's vocabulary (exactly, or one edit away). */
interface Resolved {
  term: number;
  /** Weight on the page (less for a corrected typo). */
  weight: number;
  /** Weight on the page, the area's left out. */
  pageWeight: number;
  /** Share of `weight` from the title and headings. */
  topicShare: number;
  /** Share of `weight` from the page itself, the area left out. */
  pageShare: number;
  surface: string;
  phrase: boolean;
}

interface Candidate {
  ordinal: number;
  item: KnowledgeItem;
  general: boolean;
  /** BM25F score. */
  score: number;
  /** The part of `score` from the title and headings. */
  topic: number;
  /** Distinct words of the title and headings in the item's title, tags or URL path. */
  topicWords: number;
  features: Record<string, number>;
  /** What an item with every term of the page would approach (`maxScore`). */
  ceiling: number;
  confidence: number;
  hits: Resolved[];
  pageHit: boolean;
  /** The area is one of its tags or a phrase of its title. */
  areaHit: boolean;
  /** The item's tags name the screen's area: the catalog aims it at this kind of screen. */
  areaTagged: boolean;
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
  /** Whether the person has excluded or voted on anything (else no item's id is read). */
  personal: boolean;
  scratch: Scratch;
  params: RankerParams;
  /** Stems of the tool's own name: the page's words never include them (see contextTerms). */
  toolKeys: ReadonlySet<string>;
}

function coversPage(index: MatchIndex, patterns: string[], url: string): boolean {
  return patterns.some((text) => {
    let pattern = index.patterns.get(text);
    if (pattern === undefined) {
      try {
        pattern = compileUrlPattern(text);
      } catch {
        pattern = null;
      }
      index.patterns.set(text, pattern);
    }
    // Linear in the URL's length however many `*` the pattern has (see url-pattern.ts).
    return pattern?.includes(url) ?? false;
  });
}

/** Eligibility states, per item and query (0: not looked at yet). */
const HIDDEN = 1;
const SHOWN = 2;
const SHOWN_ON_PAGE = 3;

/**
 * Whether an item may be shown at all: window, exclude, feedback, audience, urlPatterns. Asked of
 * every item a page's words reach (thousands per match in a large catalog), so what most items
 * do not have (a window, audiences, patterns; the person's exclusions and votes) costs no read.
 */
function eligibility(query: Query, ordinal: number): number {
  const { state, touched } = query.scratch;
  const known = state[ordinal] ?? 0;
  if (known) return known;
  const { facts } = query.index;
  const flags = facts.targeted[ordinal] ?? 0;
  state[ordinal] = HIDDEN;
  touched.push(ordinal);
  if (
    flags & HAS_WINDOW &&
    !((facts.startsAt[ordinal] ?? 0) <= query.now && query.now < (facts.endsAt[ordinal] ?? 0))
  )
    return HIDDEN;
  if (query.personal) {
    const id = facts.ids[ordinal] ?? '';
    if (query.exclude?.has(id)) return HIDDEN;
    const votes = query.feedback?.get(id);
    if (votes && votes.helpful <= 0 && votes.notHelpful >= REMOVE_AFTER_NOT_HELPFUL) return HIDDEN;
  }
  if (flags & HAS_AUDIENCES && !facts.audiences[ordinal]?.some((a) => query.audiences.has(a))) return HIDDEN;
  let result = SHOWN;
  if (flags & HAS_PATTERNS) {
    const item = query.index.items[ordinal];
    result = coversPage(query.index, item?.urlPatterns ?? [], query.url) ? SHOWN_ON_PAGE : HIDDEN;
  }
  state[ordinal] = result;
  return result;
}

/** Per-index scratch: eligibility per ordinal, cleared after each query. */
interface Scratch {
  state: Uint8Array;
  touched: number[];
}

const scratches = new WeakMap<MatchIndex, Scratch>();

function scratchFor(index: MatchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch || scratch.state.length < index.items.length) {
    scratch = { state: new Uint8Array(index.items.length), touched: [] };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** The vocabulary term one edit away from `key`, the most common one when several are. */
function correct(bucket: Bucket, key: string): number | undefined {
  let best: number | undefined;
  let bestDf = 0;
  for (const term of typoCandidates(bucket, key)) {
    const text = bucket.terms[term] ?? '';
    const df = (bucket.offsets[term + 1] ?? 0) - (bucket.offsets[term] ?? 0);
    if (text.length >= MIN_TYPO_LENGTH && withinOneEdit(key, text) && df > bestDf) {
      best = term;
      bestDf = df;
    }
  }
  return best;
}

/** The context's terms in this bucket's vocabulary, the most telling first. */
function resolve(bucket: Bucket, terms: QueryTerm[], params: RankerParams): Resolved[] {
  const best = new Map<number, Resolved & { value: number }>();
  for (const { keys, stems, surface, weight, pageWeight, topicWeight, phrase, correctable } of terms) {
    let term: number | undefined;
    for (let k = 0; k < keys.length && term === undefined; k++) {
      const pair = stems?.[k];
      term = pair ? bucket.lookup.pair(pair[0], pair[1]) : bucket.lookup.get(keys[k] as string);
    }
    let factor = 1;
    const key = keys[0] ?? '';
    if (term === undefined && correctable && !phrase && key.length >= MIN_TYPO_LENGTH) {
      term = correct(bucket, key);
      factor = params.typoFactor;
    }
    if (term === undefined) continue;
    const value = weight * factor * idf(bucket, term, params.bm25f.idfBase);
    const previous = best.get(term);
    if (previous && previous.value >= value) continue;
    best.set(term, {
      term,
      value,
      weight: weight * factor,
      pageWeight,
      topicShare: weight > 0 ? topicWeight / weight : 0,
      pageShare: weight > 0 ? Math.min(1, pageWeight / weight) : 0,
      surface: factor === 1 ? surface : (bucket.surfaces[term] ?? surface),
      phrase,
    });
  }
  return [...best.values()].sort((a, b) => b.value - a.value).slice(0, params.maxTerms);
}

/**
 * How sure the ranker is that an item fits: the part of its BM25F score that the page itself gives
 * (the area only says which kind of screen this is), with the title-coverage credit, divided by
 * ln(N)² for a bucket of N items (at least `idfBase`): one ln(N) because idf grows with it, one
 * because the more items compete, the more evidence an offer needs. Absolute rather than relative
 * to the page's ceiling (maxScore): a page with fifty labels has a high ceiling that no single
 * article should need to reach. On the development half, the top candidate's score / ln N told
 * specific from quiet screens with ROC area .87, together with title coverage .91 (a logistic fit);
 * more features (ratio to the ceiling, matched words, pairs) added little (.93) for their risk.
 */
function confidence(c: Candidate, scale: number, params: RankerParams): number {
  const coverage = c.features.coverage ?? 0;
  return (
    ((c.features.page ?? 0) * (1 + params.coverage * coverage)) / (scale * scale * (1 + params.coverage))
  );
}

/** What the ranker reads of an item's own words, worked out once per item (items do not change). */
interface ItemWords {
  /** Its title's stems in its own language. */
  titleKeys: string[];
  /** Its title's content stems (English), space-separated and padded with a space each side. */
  titlePhrase: string;
  /** Each tag's content stems (English), space-separated. */
  tags: string[];
}

const itemWords = new WeakMap<KnowledgeItem, ItemWords>();

function wordsOf(item: KnowledgeItem): ItemWords {
  let known = itemWords.get(item);
  if (!known) {
    known = {
      titleKeys: analyze(item.title, itemLanguage(item) ?? 'en').map((w) => w.key),
      titlePhrase: ` ${contentStems(item.title).join(' ')} `,
      tags: item.tags.map((tag) => contentStems(tag).join(' ')),
    };
    itemWords.set(item, known);
  }
  return known;
}

/** Whether one of the item's tags is the screen's area (as words). */
function areaTagged(item: KnowledgeItem, area: string[]): boolean {
  const joined = area.join(' ');
  return area.length > 0 && wordsOf(item).tags.includes(joined);
}

/** Whether the screen's area (as words) is one of the item's tags, or a phrase of its title. */
function areaHit(item: KnowledgeItem, area: string[]): boolean {
  if (area.length === 0) return false;
  const joined = area.join(' ');
  const known = wordsOf(item);
  return known.tags.includes(joined) || known.titlePhrase.includes(` ${joined} `);
}

function matchBucket(
  query: Query,
  bucket: Bucket,
  terms: QueryTerm[],
  area: string[],
  general: boolean,
): Candidate[] {
  const { params } = query;
  const selected = resolve(bucket, terms, params);
  // The parts of each score from the title and headings (topic) and from the page itself (the
  // area left out), added up with the score.
  const weighted: WeightedTerm[] = selected.map(({ term, weight, topicShare, pageShare }) => ({
    term,
    weight,
    shares: [topicShare, pageShare],
  }));
  const scored: Scored = scoreBm25f(
    query.index,
    bucket,
    weighted,
    params.bm25f,
    (ordinal) => eligibility(query, ordinal) >= SHOWN,
  );
  const ceiling = maxScore(bucket, weighted, params.bm25f.idfBase);
  const chosen = topOf(scored, CANDIDATES);
  // What every candidate is measured against, worked out once per bucket and query.
  const pageKeys = new Set(selected.filter((r) => !r.phrase).map((r) => bucket.terms[r.term]));
  const logN = Math.log(Math.max(bucket.size, params.bm25f.idfBase));
  const out: Candidate[] = [];
  const push = (ordinal: number, j: number | undefined) => {
    const score = j === undefined ? 0 : (scored.scores[j] ?? 0);
    const mask = j === undefined ? 0 : (scored.matched[j] ?? 0);
    const strong = j === undefined ? 0 : (scored.strong[j] ?? 0);
    const item = query.index.items[ordinal] as KnowledgeItem;
    const topic = j === undefined ? 0 : (scored.parts[0][j] ?? 0);
    const page = j === undefined ? 0 : (scored.parts[1][j] ?? 0);
    let topicWords = 0;
    let pairs = 0;
    let matchedWords = 0;
    let strongWords = 0;
    for (let t = 0; t < selected.length; t++) {
      const r = selected[t] as Resolved;
      const bit = t < 31 ? 1 << t : 0;
      if (r.phrase) {
        if (strong & bit) pairs++;
        continue;
      }
      if (mask & bit) matchedWords++;
      if (strong & bit) {
        strongWords++;
        if (r.topicShare > 0) topicWords++;
      }
    }
    // The tool's own name is never among the page's words: an item's title that names the tool
    // ("… in Microsoft Teams") is not the less about the page for it.
    let titleWords = 0;
    let covered = 0;
    for (const key of wordsOf(item).titleKeys) {
      if (query.toolKeys.has(key)) continue;
      titleWords++;
      if (pageKeys.has(key)) covered++;
    }
    out.push({
      ordinal,
      item,
      general,
      score,
      topic,
      topicWords,
      features: {
        bm25: score,
        ceiling,
        topic,
        page,
        topicWords,
        coverage: titleWords ? covered / titleWords : 0,
        pairs,
        words: matchedWords,
        strongWords,
        logN,
      },
      confidence: 0,
      ceiling,
      hits: selected.filter((_, t) => mask & (1 << t)),
      pageHit: query.scratch.state[ordinal] === SHOWN_ON_PAGE,
      areaHit: !general && areaHit(item, area),
      areaTagged: !general && areaTagged(item, area),
      relevance: 0,
    });
  };
  for (const j of chosen) push(scored.ordinals[j] as number, j);
  // Items made for this page are candidates however they score.
  const onPage = bucket.patterned.filter(
    (ordinal) =>
      eligibility(query, ordinal) === SHOWN_ON_PAGE && !chosen.some((j) => scored.ordinals[j] === ordinal),
  );
  for (const ordinal of onPage) {
    const j = scored.ordinals.indexOf(ordinal);
    push(ordinal, j < 0 ? undefined : j);
  }
  for (const c of out) {
    c.confidence = confidence(c, logN, params);
  }
  return out;
}

/** Whether a candidate clears the confidence gate (items made for the page always do). */
function passes(c: Candidate, params: RankerParams): boolean {
  if (c.pageHit) return true;
  if (c.general) return c.topicWords >= 2 && c.confidence >= params.minGeneralConfidence;
  // An item a curated catalog tags with this screen's area is aimed at it (targeting: area over
  // tool), so less of the page's own evidence is asked of it. The real-documentation sets carry no
  // such tags (their figures are unchanged); on the demo catalog's Sheets formula screen the
  // XLOOKUP tip (tagged "sheet", confidence .23) is offered as before the BM25F ranker.
  if (
    params.wholeTitleWords > 0 &&
    c.features.coverage === 1 &&
    (c.features.strongWords ?? 0) >= params.wholeTitleWords
  )
    return true;
  return c.confidence >= params.minConfidence * (c.areaTagged ? params.areaTaggedFactor : 1);
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
  return matchWith(index, context, opts, RANKER);
}

/** {@link matchItems} with other ranker figures: what the relevance harness tunes with. */
export function matchWith(
  index: MatchIndex,
  context: PageContext,
  opts: MatchOptions,
  params: RankerParams,
): Match[] {
  return rank(index, context, opts, params).map(({ item, score, reasons }) => ({ item, score, reasons }));
}

/** A match with the confidence the gate judged it by. */
export interface RankedMatch extends Match {
  confidence: number;
  /** What the confidence was worked out from (for the harness that learns the gate). */
  features: Record<string, number>;
}

/**
 * {@link matchWith} with each match's confidence; with `gate: false`, also the candidates the
 * gate would have dropped (what the relevance harness learns the threshold from).
 */
export function rank(
  index: MatchIndex,
  context: PageContext,
  opts: MatchOptions,
  params: RankerParams,
  gate = true,
): RankedMatch[] {
  const { limit = 3, now = Date.now() } = opts;
  if (!context.tool || limit <= 0) return [];
  const scratch = scratchFor(index);
  try {
    return matchTool(index, context.tool, context, opts, limit, now, scratch, params, gate);
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
  params: RankerParams,
  gate: boolean,
): RankedMatch[] {
  const { exclude, signals, reasonText = englishReason } = opts;
  const name = toolName(tool);
  const query: Query = {
    index,
    url: context.url,
    now,
    exclude,
    audiences: new Set((opts.audiences ?? []).map((a) => a.toLowerCase())),
    feedback: signals?.feedback,
    personal: Boolean(exclude?.size || signals?.feedback?.size),
    scratch,
    params,
    toolKeys: new Set(contentStems(`${name} ${tool}`)),
  };
  const bucket = index.byTool.get(tool);
  if (context.area && OVERVIEW_AREAS.has(context.area)) {
    return bucket ? overviewTips(query, bucket, name, context, signals, reasonText, limit) : [];
  }
  const terms = contextTerms(context, name, params.places);
  const areaWords = areaText(context.area);
  const area = contentStems(areaWords);

  const candidates = [
    ...(bucket ? matchBucket(query, bucket, terms, area, false) : []),
    ...matchBucket(query, index.general, terms, area, true),
  ].filter((c) => !gate || passes(c, params));
  for (const c of candidates) c.relevance = c.score * (1 + params.coverage * (c.features.coverage ?? 0));
  const best = Math.max(0, ...candidates.map((c) => c.relevance));
  const kept = candidates.filter((c) => c.pageHit || c.relevance >= params.relativeCut * best);
  const { bonus } = params;
  const matches = kept.map((c) => {
    let score = best > 0 ? c.relevance / best : 0;
    if (c.pageHit) score += bonus.page;
    else if (c.areaHit) score += bonus.area;
    else if (!c.general) score += bonus.tool;
    score += signalBonus(c.item, now, signals, params);
    return { item: c.item, score, candidate: c };
  });

  if (matches.length === 0 && !context.area) {
    return bucket ? overviewTips(query, bucket, name, context, signals, reasonText, limit) : [];
  }
  // Two items of the same title (a page in two versions of the docs, or in two sources) would be
  // one nudge shown twice: the better one stays. Reasons are written for those shown only.
  const titles = new Set<string>();
  return matches
    .sort(byScore)
    .filter(({ item }) => {
      const title = words(item.title).join(' ');
      return !titles.has(title) && Boolean(titles.add(title));
    })
    .slice(0, limit)
    .map(({ item, score, candidate: c }): RankedMatch => {
      const reasons: string[] = [];
      if (!c.general) reasons.push(reasonText('reasonTool', [name]));
      if (c.pageHit) reasons.push(reasonText('reasonPage', []));
      if (c.areaHit) reasons.push(reasonText('reasonArea', [name, areaWords]));
      for (const term of quotedTerms(c.hits, c.areaHit ? areaWords : '')) {
        reasons.push(reasonText('reasonTerm', [term]));
      }
      signalBonus(item, now, signals, params, { reasonText, reasons });
      return { item, score, reasons, confidence: c.confidence, features: c.features };
    });
}

/**
 * The page's words a reason quotes: at most two, phrases first, none that repeats a quoted phrase
 * or the area already named.
 */
function quotedTerms(hits: Resolved[], area: string): string[] {
  const quoted: string[] = [];
  const covered = (surface: string) => [area, ...quoted].some((text) => ` ${text} `.includes(` ${surface} `));
  const ordered = [...hits].sort(
    (a, b) => Number(b.phrase) - Number(a.phrase) || b.pageWeight - a.pageWeight,
  );
  for (const { surface, pageWeight } of ordered) {
    if (quoted.length >= MAX_QUOTED) break;
    if (pageWeight > 0 && !covered(surface)) quoted.push(surface);
  }
  return quoted;
}

function byScore(a: Pick<Match, 'item' | 'score'>, b: Pick<Match, 'item' | 'score'>): number {
  return b.score - a.score || b.item.updatedAt - a.item.updatedAt || a.item.id.localeCompare(b.item.id);
}

/** Endorsement, feedback, freshness and (for tips) recency; with `explain`, adds their reasons. */
function signalBonus(
  item: KnowledgeItem,
  now: number,
  signals: MatchOptions['signals'],
  params: RankerParams,
  explain?: { reasonText: ReasonText; reasons: string[] },
): number {
  const { bonus: b } = params;
  let bonus = 0;
  if (signals?.endorsed?.has(item.id)) {
    bonus += b.endorsed;
    explain?.reasons.push(explain.reasonText('reasonEndorsed', []));
  }
  const votes = signals?.feedback?.get(item.id);
  if (votes) {
    bonus += b.helpful * Math.min(3, Math.max(0, votes.helpful));
    bonus += b.notHelpful * Math.min(3, Math.max(0, votes.notHelpful));
    if (votes.helpful > votes.notHelpful) explain?.reasons.push(explain.reasonText('reasonHelpful', []));
  }
  if (item.kind === 'tip') bonus += b.tipRecency * recency(item, now);
  if (item.reviewBy !== undefined && item.reviewBy < now) {
    bonus += b.stale;
    explain?.reasons.push(explain.reasonText('reasonStale', []));
  }
  return bonus;
}

/** A tool's overview screen: its current tips, newest first (stale ones last). */
function overviewTips(
  query: Query,
  bucket: Bucket,
  name: string,
  context: PageContext,
  signals: MatchOptions['signals'],
  reasonText: ReasonText,
  limit: number,
): RankedMatch[] {
  // The words the screen is about (its title and headings, the tool's name left out): a tip whose
  // title shares more of them comes first, as the Employee Center's tips do on the Employee
  // Center's home; among equals, the usual order (newest first, endorsed and helpful ones ahead).
  // Counted from the index's title postings of those words, not by reading every tip's title.
  const topic = new Set(
    contentStems([context.title, ...context.headings].join(' ')).filter((key) => !query.toolKeys.has(key)),
  );
  const sharedWords = new Map<number, number>();
  for (const key of topic) {
    const term = termId(bucket, key);
    if (term === undefined) continue;
    const end = bucket.offsets[term + 1] ?? 0;
    for (let p = bucket.offsets[term] ?? 0; p < end; p++) {
      if (fieldTf(bucket.tfs[p] ?? 0, FIELD_TITLE) === 0) continue;
      const ordinal = bucket.docs[p] as number;
      sharedWords.set(ordinal, (sharedWords.get(ordinal) ?? 0) + 1);
    }
  }
  const out: { item: KnowledgeItem; score: number; shared: number }[] = [];
  for (const ordinal of bucket.tips) {
    const item = query.index.items[ordinal];
    if (!item || eligibility(query, ordinal) < SHOWN) continue;
    const score = 0.1 + signalBonus(item, query.now, signals, query.params);
    out.push({ item, score, shared: sharedWords.get(ordinal) ?? 0 });
  }
  return out
    .sort((a, b) => b.shared - a.shared || byScore(a, b))
    .slice(0, limit)
    .map(({ item, score }): RankedMatch => {
      const reasons = [reasonText('reasonNewTip', [name])];
      signalBonus(item, query.now, signals, query.params, { reasonText, reasons });
      return { item, score, reasons, confidence: Number.POSITIVE_INFINITY, features: {} };
    });
}
