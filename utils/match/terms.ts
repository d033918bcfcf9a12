/**
 * A page context as a query: its distinctive words (stems) and two-word phrases, weighted by
 * where they appear. A long page text is never one search pattern.
 */
import type { PageContext } from '../model';
import { STOPWORDS, stem, tokens } from './text';

export interface QueryTerm {
  /** A stem, or two stems joined by a space for a phrase ("pull request"). */
  key: string;
  /** The words as the page shows them, lowercase: what a reason quotes and what Fuse searches. */
  surface: string;
  /** Area and headings over the title and keywords; repeated words add up, to a cap. */
  weight: number;
  /** The part of `weight` that is not the area's: what the page itself says. */
  pageWeight: number;
  phrase: boolean;
  /**
   * Seen in a heading, the title or the area: text people write, where typos happen. Labels and
   * buttons are the product's own words, spelled right; one edit from a known word is another word.
   */
  correctable: boolean;
}

/** How strongly each part of a context speaks for the screen. */
const WEIGHTS = { area: 4, heading: 2, title: 1, keyword: 1 } as const;
/** A word repeated across fifty buttons is still one word. */
const MAX_WEIGHT = 6;

/** Area names are identifiers: `pull-request`, `incident-list`, `sc_req_item`. */
export function areaText(area: string | undefined): string {
  return (area ?? '').replace(/[-_]+/g, ' ').trim();
}

/**
 * The context's weighted terms. The tool's own name and id, stop words and numbers are dropped; a
 * phrase is two neighbouring content words of one heading, label or title (what multi-word tags
 * such as "files changed" are matched against).
 */
export function contextTerms(context: PageContext, toolName = ''): QueryTerm[] {
  const skip = new Set([...tokens(toolName), ...tokens(context.tool ?? '')].map(stem));
  const terms = new Map<string, QueryTerm>();
  let area = false;
  let correctable = false;
  const add = (key: string, surface: string, weight: number, phrase: boolean) => {
    const term = terms.get(key);
    if (term) {
      term.weight = Math.min(MAX_WEIGHT, term.weight + weight);
      if (!area) term.pageWeight = Math.min(MAX_WEIGHT, term.pageWeight + weight);
      term.correctable ||= correctable;
    } else terms.set(key, { key, surface, weight, pageWeight: area ? 0 : weight, phrase, correctable });
  };
  const addText = (text: string, weight: number) => {
    let previous: { key: string; surface: string } | null = null;
    for (const word of tokens(text)) {
      if (STOPWORDS.has(word)) continue;
      const key = stem(word);
      if (skip.has(key)) {
        previous = null;
        continue;
      }
      add(key, word, weight, false);
      if (previous) add(`${previous.key} ${key}`, `${previous.surface} ${word}`, weight, true);
      previous = { key, surface: word };
    }
  };
  area = true;
  correctable = true;
  addText(areaText(context.area), WEIGHTS.area);
  area = false;
  for (const heading of context.headings) addText(heading, WEIGHTS.heading);
  // Title parts ("KAN board - Scrum - Jira") are separate texts: no phrase across a separator.
  for (const part of context.title.split(/\s+[-|–—·•:]\s+/)) addText(part, WEIGHTS.title);
  correctable = false;
  for (const keyword of context.keywords) addText(keyword, WEIGHTS.keyword);
  return [...terms.values()];
}

/** The context's distinctive words, strongest first (for display and tests). */
export function distinctiveTerms(context: PageContext, toolName = '', max = 12): string[] {
  return contextTerms(context, toolName)
    .filter((term) => !term.phrase)
    .sort((a, b) => b.weight - a.weight || a.surface.localeCompare(b.surface))
    .slice(0, max)
    .map((term) => term.surface);
}
