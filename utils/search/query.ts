/**
 * What a search query means, before any index is asked: the words worth looking up, in order,
 * with the noise of questions and pasted lines taken out.
 *
 *   "how do I require a review before merging?"        → require review merging       (question)
 *   "remote: error: GH006: Protected branch update failed for refs/heads/main."
 *                                                       → protected branch update failed (pasted)
 *   "wie kann ich eine Seite freigeben"                  → seite freigeben              (question)
 *
 * Stop words never empty a query: when every word is one ("what is new"), the words are kept as
 * they are and the index's own stop list decides. The last word is being typed unless the query
 * ends with a space, so it may match as a prefix.
 */

import { urlPathText } from '../match/text';

export type QueryShape = 'empty' | 'keywords' | 'question' | 'pasted';

export interface UnderstoodQuery {
  /** The query as typed. */
  raw: string;
  shape: QueryShape;
  /** Meaningful words, lowercase, in query order, each once. */
  words: string[];
  /** Every word of the cleaned query in order, stop words included (for multi-word synonyms). */
  tokens: string[];
  /** Whether every word is a stop word ("how to"): `words` then holds them as they are. */
  onlyStopWords: boolean;
  /** Whether the last meaningful word is the query's last word and may still be typed. */
  lastIsPrefix: boolean;
  /** Word sequences of the cleaned query (stop words kept) that may appear in a title as a phrase. */
  phrases: string[][];
}

/**
 * Function words of English and German queries: articles, pronouns, auxiliaries, prepositions and
 * the lead-ins of questions ("how do I", "is there a way to", "wie kann ich"). Deliberately no
 * nouns: "home", "search", "Startseite" are things people look for.
 */
const STOP = new Set(
  `a about after again all also am an and any anyone anything are as at be been before being but by can
  cannot could did do does doing done dont for from get gets getting go had has have having he her
  here his how i if im in into is isnt it its ive just let lets like make me might my myself need
  needs no not now of off on once only or our out over please possible possibly should so some
  someone something such than that the their them then there these they this those to too trying
  try up us very via want wanted wants was way we were what whats when where whether which while who
  whom whose why will with within without would you your
  ab aber alle als also am an auch auf aus bei beim bin bis bitte da damit dann das dass dem den
  denn der des die dies diese diesem diesen dieser doch du durch ein eine einem einen einer eines
  er es etwas für geht gibt habe haben hat ich ihr im in ist ja kann kannst kein keine man meine
  meinen meiner mich mir mit möchte muss nach nicht noch nur ob oder ohne sein sich sie sind so
  soll über um und uns unter vom von vor war was welche welcher welches wenn wer wie wieso wir
  wird wo woher wohin zu zum zur`.split(/\s+/),
);

/** Words that open a question, in either language. */
const QUESTION_START =
  /^(how|what|whats|why|where|when|which|who|can|could|is|are|does|do|should|will|wie|was|warum|wieso|wo|wann|welche|welcher|welches|kann|können|gibt|muss|darf)\b/i;

/** Prefixes of tool and log output: `remote:`, `error:`, `fatal:`, `npm ERR!`, `[WARN]`, … */
const LINE_PREFIX =
  /^\s*(?:\[[^\]]{0,40}\]\s*|[A-Za-z][\w.]*(?:Error|Exception)\s*:\s*|(?:remote|error|fatal|warning|warn|hint|info|debug|notice|err!?|npm err!|exception|caused by|fehler|warnung|hinweis)\s*[:!]\s*|[A-Z]{2,}\d{2,}\s*:\s*)/i;

/**
 * Noise inside a pasted line, each replaced by a space: URLs, e-mail addresses, file and ref paths,
 * commit hashes and UUIDs, timestamps, numbers with units or dots, and `key=value` values.
 */
const URL = /\bhttps?:\/\/\S+/gi;

const NOISE: RegExp[] = [
  URL,
  /\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g,
  /(?:[A-Za-z]:)?(?:[\w.@~-]*[\\/]){1,}[\w.@~-]*/g,
  /\b[0-9a-f]{7,40}\b/gi,
  /\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/gi,
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
  /\b\d+(?:[.:,]\d+)*(?:ms|s|kb|mb|gb|%)?\b/gi,
  /=\S+/g,
];

/** Fewer meaningful words than this left in a pasted line, and the words of its addresses are added. */
const MIN_PASTED_WORDS = 2;

/**
 * A file in a folder (`src/app.js`, `conf\\web.config`) or a user at a host (`git@github.com`):
 * what tools print and people do not type.
 */
const PASTED_PATH_OR_ADDRESS = /[\w.-]+[\\/][\w.-]+\.[a-z]\w{0,4}\b|\b[\w.+-]+@[\w-]+\.[a-z][\w.-]*/i;

/** Whether a query looks copied from an error message or a log rather than typed. */
function looksPasted(text: string, wordCount: number): boolean {
  if (LINE_PREFIX.test(text)) return true;
  if (
    /https?:\/\/|[\\/]\w+[\\/]|:\d+:\d+|\b[0-9a-f]{7,40}\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\w+\.\w+\(/.test(
      text,
    ) ||
    PASTED_PATH_OR_ADDRESS.test(text)
  )
    return true;
  // A long line ending in a full stop, without a question word, is a sentence from a screen.
  return wordCount >= 8 && /[.!]\s*$/.test(text) && !QUESTION_START.test(text.trim());
}

/** Splits identifiers the way people read them: `ERR_CERT_INVALID`, `pushProtection`, `file-name`. */
function splitIdentifiers(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_]+/g, ' ');
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Lowercase words of a text: letters and digits; a possessive "'s" dropped, other apostrophes folded ("don't" → "dont"). */
export function queryTokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/['’]s$/, '').replace(/['’]/g, '');
    if (/^\d+$/.test(word)) continue;
    if (word.length >= 2 || /^\p{L}$/u.test(word)) out.push(word);
  }
  return out;
}

/** Whether a lowercase word is an English or German function word. */
export function isQueryStopWord(word: string): boolean {
  return STOP.has(word);
}

/** The meaning of a query: its shape, its meaningful words and the phrases a title may carry. */
export function understandQuery(raw: string): UnderstoodQuery {
  const trimmed = raw.trim();
  const all = queryTokens(trimmed);
  if (all.length === 0)
    return {
      raw,
      shape: 'empty',
      words: [],
      tokens: [],
      onlyStopWords: false,
      lastIsPrefix: false,
      phrases: [],
    };

  const pasted = looksPasted(trimmed, all.length);
  let cleaned = trimmed;
  // What the addresses in a pasted line name, for when the rest of it says next to nothing
  // ("GET https://…/.well-known/apple-app-site-association 404 (Not Found)").
  const addressWords = pasted
    ? (trimmed.match(URL) ?? []).flatMap((url) => queryTokens(urlPathText(url)))
    : [];
  if (pasted) {
    let previous = '';
    while (previous !== cleaned) {
      previous = cleaned;
      cleaned = cleaned.replace(LINE_PREFIX, '');
    }
    for (const pattern of NOISE) cleaned = cleaned.replace(pattern, ' ');
    cleaned = splitIdentifiers(cleaned);
  }
  const kept = queryTokens(cleaned.replace(/["'`“”‘’«»]/g, (quote) => (quote === "'" ? "'" : ' ')));
  let tokensLeft = kept.length > 0 ? kept : all;

  const shape: QueryShape = pasted
    ? 'pasted'
    : QUESTION_START.test(trimmed) || trimmed.endsWith('?')
      ? 'question'
      : 'keywords';

  let meaningful = tokensLeft.filter((word) => !STOP.has(word) && !(word.length === 1 && pasted));
  if (meaningful.length < MIN_PASTED_WORDS && addressWords.length > 0) {
    tokensLeft = [...tokensLeft, ...addressWords];
    meaningful = [...meaningful, ...addressWords.filter((word) => !STOP.has(word))];
  }
  const chosen = meaningful.length > 0 ? meaningful : tokensLeft;
  const words = [...new Set(chosen)];

  // The word being typed: the query's last token, when nothing (not even a space) follows it.
  const lastToken = all[all.length - 1];
  const lastIsPrefix =
    shape !== 'pasted' && !/[\s?.!]$/.test(raw) && lastToken !== undefined && words.at(-1) === lastToken;

  return {
    raw,
    shape,
    words,
    tokens: tokensLeft,
    onlyStopWords: meaningful.length === 0,
    lastIsPrefix,
    phrases: phrasesOf(tokensLeft),
  };
}

/**
 * Runs of two or more meaningful words, split at stop words that cannot sit inside a title phrase
 * ("how", "do", "i"), but keeping those that can ("of", "for", "to": "Transfer of ownership").
 */
function phrasesOf(tokens: string[]): string[][] {
  const INSIDE = new Set(['of', 'for', 'to', 'and', 'in', 'on', 'a', 'the', 'with', 'von', 'für', 'und']);
  const phrases: string[][] = [];
  let run: string[] = [];
  const flush = () => {
    while (run.length > 0 && STOP.has(run[run.length - 1] as string)) run.pop();
    if (run.filter((word) => !STOP.has(word)).length >= 2) phrases.push(run);
    run = [];
  };
  for (const word of tokens) {
    if (!STOP.has(word)) run.push(word);
    else if (INSIDE.has(word) && run.length > 0) run.push(word);
    else flush();
  }
  flush();
  return phrases;
}
