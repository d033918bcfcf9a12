/**
 * A page context as a query: its content words and neighbouring-word pairs, weighted by where they
 * sit on the page, and "create" for a form that opens a new record. A long page text is never one
 * search pattern.
 */
import type { PageContext } from '../model';
import { detectLanguage, type Language, pairKey, STOPWORDS, stem, stemGerman, tokens } from './text';

export interface QueryTerm {
  /**
   * The term's keys to look up, best first: the stem in the page's language, then in the other one
   * (a German page over an English catalog, or the reverse). A pair's keys are `pairKey`s.
   */
  keys: string[];
  /** A pair's keys as their two stems (the same order as `keys`), looked up without splitting; null for a word. */
  stems: [string, string][] | null;
  /** The words as the page shows them, lowercase: what a reason quotes. */
  surface: string;
  /** Where the word sits, added up over its occurrences, to a cap. */
  weight: number;
  /** The part of `weight` that is not the area's: what the page itself says. */
  pageWeight: number;
  /**
   * The part of `weight` from where a page says what it is about (title, headings), not its area
   * (the kind of screen) nor its labels and buttons (the same on every screen of that kind).
   */
  topicWeight: number;
  phrase: boolean;
  /**
   * Seen in a heading, the title or the area: text people write, where typos happen. Labels and
   * buttons are the product's own words, spelled right; one edit from a known word is another word.
   */
  correctable: boolean;
}

/** How strongly each part of a context speaks for the screen. */
export interface PlaceWeights {
  area: number;
  heading: number;
  title: number;
  keyword: number;
  /** The page URL's descriptive path words. */
  path: number;
  /** A pair of neighbouring words, as a share of its words' weight. */
  pair: number;
  /** A word repeated across fifty buttons is still one word. */
  cap: number;
}

/**
 * Chosen on the development half of the labelled real-documentation screens, one at a time (see
 * RANKER in index.ts for the method): values tried → top-1 / MRR over specific screens, gate off.
 */
export const DEFAULT_PLACE_WEIGHTS: PlaceWeights = {
  // 0 .468/.606 · 1 .468/.608 · 2 .468/.610 · 4 .456/.606 · 6 .443/.600 (before the title-coverage
  // credit): flat; the area also decides targeting, and weighs nothing in the gate
  area: 4,
  // 1 .418/.569 · 2 .456/.606 · 3 .456/.607 · 4 .443/.602 (same sweep)
  heading: 2,
  // 0.5 .430/.584 · 1 .456/.607 · 2 .456/.606 · 3 .430/.592 (same sweep)
  title: 2,
  // 0 .435/.578 · 0.25 .600/.702 · 0.5 .624/.720 · 1 .588/.707 · 1.5 .588/.698
  keyword: 0.5,
  // 0 .588/.707 · 0.5 .576/.699 · 1 .565/.695: the page's own URL words do not help
  path: 0,
  // 0 .600/.702 · 0.5 .600/.709 · 1 .588/.707 · 2 .541/.678 (flat up to 1)
  pair: 1,
  // 3 .443/.588 · 6 .456/.606 · 10 .456/.609
  cap: 6,
};

/** Area names are identifiers: `pull-request`, `incident-list`, `sc_req_item`. */
export function areaText(area: string | undefined): string {
  return (area ?? '').replace(/[-_]+/g, ' ').trim();
}

/** The language a page's words are in, judged by the stop words of its title and headings. */
export function pageLanguage(context: PageContext): Language {
  return detectLanguage([context.title, ...context.headings, ...context.keywords].join(' ')) ?? 'en';
}

/**
 * The context's weighted terms. The tool's own name and id, stop words and numbers are dropped; a
 * pair is two neighbouring content words of one heading, label or title part.
 */
export function contextTerms(
  context: PageContext,
  toolName = '',
  places: PlaceWeights = DEFAULT_PLACE_WEIGHTS,
): QueryTerm[] {
  const skip = new Set([...tokens(toolName), ...tokens(context.tool ?? '')]);
  const german = pageLanguage(context) === 'de';
  const terms = new Map<string, QueryTerm>();
  let area = false;
  let correctable = false;
  let topical = false;
  const add = (
    keys: string[],
    surface: string,
    weight: number,
    phrase: boolean,
    stems: [string, string][] | null = null,
  ) => {
    if (weight <= 0) return;
    const id = keys[0] as string;
    const term = terms.get(id);
    if (term) {
      term.weight = Math.min(places.cap, term.weight + weight);
      if (!area) term.pageWeight = Math.min(places.cap, term.pageWeight + weight);
      if (topical) term.topicWeight = Math.min(places.cap, term.topicWeight + weight);
      term.correctable ||= correctable;
    } else {
      terms.set(id, {
        keys,
        stems,
        surface,
        weight,
        pageWeight: area ? 0 : weight,
        topicWeight: topical ? weight : 0,
        phrase,
        correctable,
      });
    }
  };
  const addText = (text: string, weight: number) => {
    let previous: { en: string; de: string; surface: string } | null = null;
    for (const word of tokens(text)) {
      if (STOPWORDS.has(word)) continue;
      if (skip.has(word)) {
        previous = null;
        continue;
      }
      const en = stem(word);
      const de = stemGerman(word);
      add(alternatives(german ? de : en, german ? en : de), word, weight, false);
      if (previous) {
        const first: [string, string] = german ? [previous.de, de] : [previous.en, en];
        const second: [string, string] = german ? [previous.en, en] : [previous.de, de];
        const keys = alternatives(pairKey(...first), pairKey(...second));
        const stems = keys.length > 1 ? [first, second] : [first];
        add(keys, `${previous.surface} ${word}`, weight * places.pair, true, stems);
      }
      previous = { en, de, surface: word };
    }
  };
  area = true;
  correctable = true;
  addText(areaText(context.area), places.area);
  area = false;
  topical = true;
  // A form for a new record ("New record", "New incident", "Neuer Vorgang") is where one creates
  // it: the word help articles use for that task. Development screens: top-1 .541 → .553 at weight
  // 1, flat from 0.5 to 4.
  const create = () =>
    add(alternatives(german ? CREATE.de : CREATE.en, german ? CREATE.en : CREATE.de), 'create', 1, false);
  for (const heading of context.headings) {
    addText(heading, places.heading);
    if (NEW_RECORD.test(heading)) create();
  }
  // Title parts ("KAN board - Scrum - Jira") are separate texts: no pair across a separator.
  for (const part of context.title.split(/\s+[-|–—·•:]\s+/)) {
    addText(part, places.title);
    if (NEW_RECORD.test(part)) create();
  }
  correctable = false;
  topical = false;
  for (const keyword of context.keywords) addText(keyword, places.keyword);
  if (places.path > 0) addText(pagePathText(context.url), places.path);
  return [...terms.values()];
}

/** A heading or title that opens with "new" in English or German. */
const NEW_RECORD = /^\s*(?:new|neue?[rsmn]?)\s+\p{L}/iu;
const CREATE = { en: stem('create'), de: stemGerman('erstellen') };

function alternatives(first: string, second: string): string[] {
  return first === second ? [first] : [first, second];
}

/** A page URL's path words that read as words (no ids, no query string). */
function pagePathText(url: string): string {
  try {
    return new URL(url).pathname.replace(/[-_/.]+/g, ' ');
  } catch {
    return '';
  }
}

/** The context's distinctive words, strongest first (for display and tests). */
export function distinctiveTerms(context: PageContext, toolName = '', max = 12): string[] {
  return contextTerms(context, toolName)
    .filter((term) => !term.phrase)
    .sort((a, b) => b.weight - a.weight || a.surface.localeCompare(b.surface))
    .slice(0, max)
    .map((term) => term.surface);
}
