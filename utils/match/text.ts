/**
 * Words as matching and search see them. The same functions run over items (at index time) and
 * over pages and queries (at match time), so both sides always agree on what a word is.
 *
 * API (stable; the popup search builds on it too):
 * - `tokens(text)`: lowercase word tokens (letters and digits; digit-only and one-letter tokens out).
 * - `STOPWORDS`: English and German stop words (Snowball's lists as `@orama/stopwords` ships them,
 *   plus a few words that say nothing about a screen).
 * - `stem(word)`: the English Snowball (Porter2) stem; `stemGerman(word)`: the German Snowball stem.
 * - `detectLanguage(text)`: 'de' or 'en' by which language's stop words are more, else undefined;
 *   `stopWordLanguage(word)`: the language a word is a stop word of only.
 * - `words(text)`, `isContentWord(word)`: every lowercase word in order, and which of them count.
 * - `analyze(text, lang, limit?)`: the (first `limit`) content words of a text in order, each
 *   `{ key, word }`: its stem in that language and the word as written (lowercase).
 * - `pairKey(a, b)`: the key of two neighbouring content words, the same in either order: what
 *   phrase and proximity credit is indexed and looked up by ("Review required", "required review").
 * - `urlPathText(url)`: the descriptive words of a URL's path ("/en-us/sharepoint/set-up-site-
 *   permissions" → "sharepoint set up site permissions"); ids, numbers, locales, extensions out.
 * - `withinOneEdit(a, b)`: the typo dictionary's check.
 * - `contentWords(text)`, `contentStems(text)`: `analyze` in English (kept for existing callers).
 */
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as germanStopwords } from '@orama/stopwords/german';
import englishStemmer from 'wink-porter2-stemmer';

export type Language = 'en' | 'de';

/**
 * Snowball's English and German stop words, and words that appear on every kind of screen and in
 * every kind of article without saying what either is about.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...englishStopwords,
  ...germanStopwords,
  ...`also etc even ever every get gets got just let lets like may new next one two per please use
  used uses using via way well within without yes yet bitte neu neue neuen neues`.split(/\s+/),
]);

const ENGLISH_ONLY = new Set(englishStopwords.filter((w) => !germanStopwords.includes(w)));
const GERMAN_ONLY = new Set(germanStopwords.filter((w) => !englishStopwords.includes(w)));

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase word tokens; digit-only tokens and single characters are dropped. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length >= 2 && !/^\d+$/.test(word)) out.push(word);
  }
  return out;
}

/** British -ise spellings meet American -ize ones before stemming ("organise", "organize"). */
const BRITISH = /is(e|es|ed|ing|ation|ations|er|ers)$/;

/**
 * Other British spellings of words common in software help, each meeting its American form before
 * stemming: colour/color, behaviour, favourite, centre, licence, catalogue, dialogue, analyse,
 * cancelled, labelled, modelled, judgement, enrolment, programme, grey. Word stems are listed
 * rather than suffix rules, which would also turn "hour", "tour" or "genre" into non-words.
 */
const BRITISH_FORMS: readonly [RegExp, string][] = [
  [/^(colo|behavio|favo|hono|labo|neighbo|rumo|humo|flavo|endeavo|armo)ur/, '$1r'],
  [/^(cent|met|lit|theat|fib)re(s?)$/, '$1er$2'],
  [/^(cent|met|lit|theat|fib)red$/, '$1ered'],
  [/^(licen|defen|offen|pretenc)ce(s|d)?$/, '$1se$2'],
  [/^(catalog|dialog|analog|prolog|epilog)ue(s?)$/, '$1$2'],
  [/^(catalog)u(ed|ing)$/, '$1$2'],
  [/^(analy|paraly|cataly)s(e|es|ed|ing)$/, '$1z$2'],
  [/^(cancel|label|model|travel|level|signal|channel|tunnel|fuel|dial)l(ed|ing|er|ers)$/, '$1$2'],
  [/^(judg|acknowledg)ement(s?)$/, '$1ment$2'],
  [/^enrol(s|ment|ments)?$/, 'enroll$1'],
  [/^programme(s|d)?$/, 'program$1'],
  [/^grey(s|ed|ing)?$/, 'gray$1'],
];

function americanSpelling(word: string): string {
  for (const [form, american] of BRITISH_FORMS) if (form.test(word)) return word.replace(form, american);
  return word;
}

/**
 * Stems by word, per language: a catalog repeats a few thousand words hundreds of thousands of
 * times, and the stemmers are the slowest step of building an index. Emptied when it grows large.
 */
const CACHE_LIMIT = 200_000;
const englishCache = new Map<string, string>();
const germanCache = new Map<string, string>();

function cached(cache: Map<string, string>, word: string, compute: (w: string) => string): string {
  let out = cache.get(word);
  if (out === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    out = compute(word);
    cache.set(word, out);
  }
  return out;
}

const porter2 = (word: string) =>
  englishStemmer(americanSpelling(word.length > 6 ? word.replace(BRITISH, 'iz$1') : word));

/**
 * Words longer than this are kept as they are: no word of either language is, but a pasted hash,
 * key or run of characters can be thousands of letters long, and the English stemmer takes time
 * that grows faster than the word (87 ms for 5,000 letters).
 */
export const MAX_STEMMED = 40;

/** The English Snowball (Porter2) stem of a lowercase word. */
export function stem(word: string): string {
  return word.length <= 3 || word.length > MAX_STEMMED ? word : cached(englishCache, word, porter2);
}

/** The German Snowball stem of a lowercase word. */
export function stemGerman(word: string): string {
  return word.length <= 3 || word.length > MAX_STEMMED ? word : cached(germanCache, word, germanStemmer);
}

export function stemIn(lang: Language, word: string): string {
  return lang === 'de' ? stemGerman(word) : stem(word);
}

/** 'en' or 'de' when a lowercase word is a stop word of that language only, else undefined. */
export function stopWordLanguage(word: string): Language | undefined {
  return ENGLISH_ONLY.has(word) ? 'en' : GERMAN_ONLY.has(word) ? 'de' : undefined;
}

/**
 * 'de' when more of the text's words are German-only stop words than English-only ones, 'en' when
 * fewer, undefined when they are as many (none, in a short title).
 */
export function detectLanguage(text: string): Language | undefined {
  let en = 0;
  let de = 0;
  // Stop words are neither numbers nor single characters: no need for `tokens`' filter.
  for (const word of words(text)) {
    const language = stopWordLanguage(word);
    if (language === 'en') en++;
    else if (language === 'de') de++;
  }
  return de > en ? 'de' : en > de ? 'en' : undefined;
}

/** A BCP 47 tag's language when Signpost stems it, else undefined ("de-AT" → 'de'). */
export function languageOf(tag: string | undefined): Language | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return primary === 'de' || primary === 'en' ? primary : undefined;
}

export interface Word {
  /** The stem. */
  key: string;
  /** The word as written, lowercase. */
  word: string;
}

/** A text's lowercase words (letters and digits) in order, content words or not. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** Whether a lowercase word from `words` counts: not a stop word, a number or a single character. */
export function isContentWord(word: string): boolean {
  return word.length >= 2 && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

/** The first `limit` content words of a text in order (stop words out), stemmed in `lang`. */
export function analyze(text: string, lang: Language = 'en', limit = Number.POSITIVE_INFINITY): Word[] {
  const out: Word[] = [];
  for (const word of words(text)) {
    if (!isContentWord(word)) continue;
    out.push({ key: stemIn(lang, word), word });
    if (out.length >= limit) break;
  }
  return out;
}

/** Two neighbouring stems as one key, in either order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** Path segments that say nothing about a page: locales, file and site plumbing. */
const PATH_NOISE =
  /^(?:[a-z]{2}(?:[-_][a-z]{2,4})?|index|default|home|docs?|documentation|help|articles?|kb|wiki|pages?|topics?|html?|aspx|php|jsp|md|latest|current|stable|v\d+(?:\.\d+)*)$/;

/**
 * The descriptive words of a URL's path, space-separated: segments split on `-`, `_`, `.`, `/`,
 * and `+`; numbers, ids (anything with a digit), locales and extensions left out. An unparsable
 * URL gives ''.
 */
export function urlPathText(url: string): string {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return '';
  }
  const words: string[] = [];
  for (const segment of path.toLowerCase().split('/')) {
    const base = segment.replace(/\.[a-z0-9]{1,5}$/, '');
    if (!base || PATH_NOISE.test(base)) continue;
    for (const part of base.split(/[-_.+~%\s]+/)) {
      if (part.length >= 2 && !/\d/.test(part) && !PATH_NOISE.test(part)) words.push(part);
    }
  }
  return words.join(' ');
}

/** The content words of an English text in order (stop words dropped), each with its stem. */
export function contentWords(text: string): Word[] {
  return analyze(text, 'en');
}

/** Stems of the content words of an English text, in order. */
export function contentStems(text: string): string[] {
  return contentWords(text).map((entry) => entry.key);
}

/**
 * True when `a` and `b` differ by one insertion, deletion, substitution or swap of neighbours
 * (a shared deletion also pairs some words two edits apart, so candidates are checked here).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
