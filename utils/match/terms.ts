import type { PageContext } from '../model';

/** Words that say nothing about a screen, in the two languages Signpost ships. */
const STOPWORDS = new Set(
  `a an and are as at be by for from has have in into is it its new of on or our the this to was we
  were will with you your all any can more not now off out over see set get use via per
  der die das und oder ein eine einen dem den des ist im in zu mit auf für von bei aus nicht neu
  neue alle mehr über unter`.split(/\s+/),
);

const MAX_TERMS = 12;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
}

/**
 * The context's distinctive words: a long page text is not one search pattern. Words are weighted
 * by where they appear (area and headings over keywords over the title, which mostly repeats the
 * tool's name) and how often; the tool's own name and stop words are dropped.
 */
export function distinctiveTerms(context: PageContext, toolName = ''): string[] {
  const skip = new Set([...words(toolName), ...(context.tool ? words(context.tool) : [])]);
  const weight = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const word of words(text)) {
      if (word.length < 3 || STOPWORDS.has(word) || skip.has(word) || /^\d+$/.test(word)) continue;
      weight.set(word, (weight.get(word) ?? 0) + w);
    }
  };
  if (context.area) add(context.area.replace(/-/g, ' '), 4);
  for (const heading of context.headings) add(heading, 2);
  for (const keyword of context.keywords) add(keyword, 1);
  add(context.title, 1.5);
  return [...weight]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_TERMS)
    .map(([word]) => word);
}
