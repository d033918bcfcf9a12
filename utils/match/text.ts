/**
 * Words as the matcher sees them: lowercase tokens, stop words out, a light stemmer so that
 * "sprints", "sprint" and "sprinting" meet, and the edit-distance helpers behind typo tolerance.
 * The same functions run over items (at index time) and page contexts (at match time), so both
 * sides always agree on what a word is.
 */

/** Words that say nothing about a screen, in the two languages Signpost ships. */
export const STOPWORDS = new Set(
  `a about above after again all also am an and any are as at be been before being below between both
  but by can could did do does doing done down during each either else etc even ever every few for
  from further get gets go got had has have having he her here hers him his how i if in into is it its
  just let lets like may me might more most much must my no nor not now of off on once only onto or
  other others our ours out over own per please same she should so some such than that the their
  theirs them then there these they this those through to too under until up upon us use used uses
  using very via was way we well were what when where whether which while who whom whose why will
  with within without would yes yet you your yours yourself new next one two all
  aber alle allem allen aller alles als also am an auch auf aus bei beim bin bis bitte da damit dann
  das dass dem den denn der des die dies diese diesem diesen dieser doch dort du durch ein eine einem
  einen einer eines er es für gegen hat hier ich ihr ihre im in ist ja jetzt kann kein keine mehr
  mit muss nach neu neue neuen nicht noch nun nur ob oder ohne sehr sein sie sind so soll über um und
  uns unter vom von vor war was wenn wer wie wir wird zu zum zur`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase word tokens; digits-only tokens and single characters are dropped. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length >= 2 && !/^\d+$/.test(word)) out.push(word);
  }
  return out;
}

const DOUBLED = /([bdgmnprt])\1$/;
/** A stem needs a vowel and three letters: "string" is not "str" + ing. */
const HAS_VOWEL = /^(?=.{3})[^aeiouy]*[aeiouy]/;

/**
 * A light English stemmer: plurals and -ed/-ing inflections, and a final silent e, so that a word
 * and its inflections share one stem ("schedule", "scheduled", "scheduling" → "schedul"). It is
 * deliberately conservative: a wrong merge costs more precision than a missed one costs recall.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  w = w.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1');
  // Plurals first, then inflections, so that "meetings" → "meeting" → "meet".
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(x|ch|sh|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && HAS_VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && !w.endsWith('eed') && HAS_VOWEL.test(w.slice(0, -2)))
    w = undouble(w.slice(0, -2));
  if (w.length >= 4 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return DOUBLED.test(w) ? w.slice(0, -1) : w;
}

/**
 * Other forms a German plural or singular may take ("Rechnungen" ↔ "Rechnung", "Aufgaben" ↔
 * "Aufgabe"), as stems. The English stemmer above leaves these endings alone; these forms are only
 * tried for page words the vocabulary does not know.
 */
export function germanForms(key: string): string[] {
  if (key.length < 5) return [];
  const forms: string[] = [];
  if (key.endsWith('innen')) forms.push(key.slice(0, -3));
  if (key.endsWith('en')) forms.push(key.slice(0, -2), key.slice(0, -1));
  else if (key.endsWith('er')) forms.push(key.slice(0, -2));
  else if (key.endsWith('n')) forms.push(key.slice(0, -1));
  forms.push(`${key}en`, `${key}n`, `${key}er`);
  return forms;
}

/** The content words of a text in order (stop words dropped), each with its stem. */
export function contentWords(text: string): { key: string; word: string }[] {
  const out: { key: string; word: string }[] = [];
  for (const word of tokens(text)) if (!STOPWORDS.has(word)) out.push({ key: stem(word), word });
  return out;
}

/** Stems of the content words of a text, in order. */
export function contentStems(text: string): string[] {
  return contentWords(text).map((entry) => entry.key);
}

/** Every string one deletion away from `word`: the keys of the typo dictionary. */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) {
    const variant = word.slice(0, i) + word.slice(i + 1);
    if (variant !== out[out.length - 1]) out.push(variant);
  }
  return out;
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
