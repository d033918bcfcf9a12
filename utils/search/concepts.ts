/**
 * From a query's words to the concepts a result should cover: each meaningful word is one, and a
 * run of words that is a known term ("two factor authentication", "PR") is one whose variants are
 * its other names. A German word the glossary knows gets its English names as variants too.
 *
 *   tokens ─▶ synonym spans (general, the tool's, the organisation's) ─▶ glossary ─▶ concepts
 */
import { STOPWORDS, stemGerman } from '../match/text';
import { type AdminTerms, adminSynonymGroups } from './admin-terms';
import { MAX_WORD_LENGTH } from './fuzzy';
import { GERMAN_GLOSSARY } from './glossary-de';
import { isQueryStopWord, type UnderstoodQuery } from './query';
import {
  findSynonyms,
  GENERAL_SYNONYMS,
  type SynonymGroup,
  type SynonymSpan,
  type SynonymTable,
  synonymTable,
  TOOL_SYNONYMS,
  termWords,
} from './synonyms';

export interface Variant {
  /** Content words, in order. */
  words: string[];
  /** 1 for the words as typed; less for another name of the same thing. */
  weight: number;
  /** Counts only where all its words are found: another name, of which a part says nothing. */
  whole?: boolean;
}

export interface Concept {
  /** The words as typed (for reasons and tests). */
  label: string;
  variants: Variant[];
  /** Whether the concept's last word is the query's last and may still be typed. */
  typing: boolean;
}

/**
 * Another name counts a little less than the words typed: people mean what they type first.
 * An organisation's own terms count as much as the built-in list.
 */
export const VARIANT_WEIGHT = { synonym: 0.9, glossary: 0.85 } as const;

function isStop(word: string): boolean {
  return isQueryStopWord(word) || STOPWORDS.has(word);
}

function contentOf(words: readonly string[]): string[] {
  const kept = words.filter((word) => !isStop(word));
  return kept.length > 0 ? kept : [...words];
}

/** Particles that make a phrasal verb mean something else than the verb ("log out", "set up"). */
const ENGLISH_PARTICLES = new Set(['in', 'out', 'up', 'down', 'on', 'off', 'over', 'back']);

/**
 * Whether another name still says what it means once its stop words are gone: "log out" would be
 * "log", which every article about the system log has, so a phrase that shrinks to one word by
 * losing a particle is left out ("logout", a word of its own, stays; "recycle bin" stays too).
 */
function keepsMeaning(words: readonly string[]): boolean {
  return (
    words.length < 2 || contentOf(words).length > 1 || !words.some((word) => ENGLISH_PARTICLES.has(word))
  );
}

const tables = new Map<string, SynonymTable>();
const adminTables = new WeakMap<AdminTerms, Map<string, SynonymTable>>();

/** The synonym table for a tool (or all tools: '*'), with an organisation's terms when given. */
export function tableFor(tool: string, admin?: AdminTerms): SynonymTable {
  const cached = admin ? adminTables.get(admin)?.get(tool) : tables.get(tool);
  if (cached) return cached;
  const groups: SynonymGroup[] = [...GENERAL_SYNONYMS];
  if (tool === '*') for (const list of Object.values(TOOL_SYNONYMS)) groups.push(...list);
  else groups.push(...(TOOL_SYNONYMS[tool] ?? []));
  groups.push(...adminSynonymGroups(admin));
  const table = synonymTable(groups);
  if (admin) {
    const perTool = adminTables.get(admin) ?? new Map<string, SynonymTable>();
    perTool.set(tool, table);
    adminTables.set(admin, perTool);
  } else {
    tables.set(tool, table);
  }
  return table;
}

/**
 * The glossary by German stem, made on the first search: stemming it when the worker starts would
 * cost every page visit that wakes the worker.
 */
let glossaryByStem: Map<string, string[][]> | null = null;
function stemmedGlossary(): Map<string, string[][]> {
  if (glossaryByStem) return glossaryByStem;
  glossaryByStem = new Map();
  // Words of one stem ("Anruf", "Anrufer") share an entry: each one's English names, in order.
  for (const [german, english] of Object.entries(GERMAN_GLOSSARY)) {
    const key = stemGerman(german);
    const names = glossaryByStem.get(key) ?? [];
    for (const term of english) {
      const words = termWords(term);
      if (!names.some((known) => known.join(' ') === words.join(' '))) names.push(words);
    }
    glossaryByStem.set(key, names);
  }
  return glossaryByStem;
}

/** Particles of German separable verbs: "lege … an" is "anlegen", "richte … ein" is "einrichten". */
const PARTICLES = new Set([
  'an',
  'ab',
  'auf',
  'aus',
  'ein',
  'zu',
  'mit',
  'vor',
  'nach',
  'zurück',
  'hinzu',
  'fest',
  'frei',
  'um',
  'weg',
]);
/** Least letters of the stem of a compound's last part. */
const MIN_TAIL_STEM = 4;

/** Linking sounds between the parts of a German compound ("Wissen·s·artikel"). */
const LINKS = ['', 's', 'n', 'en', 'e', 'es'];

/**
 * The English names of a German word: the glossary's entry for it, for it with a separable
 * particle found later in the query, or — for a compound the glossary does not list — for its
 * last part, with the first part's names before it when the glossary knows those too
 * ("Anrufwarteschleife" → call queue). No npm package splits German compounds against a
 * dictionary in the browser, so the glossary is the dictionary.
 */
function glossaryFor(word: string, particles: readonly string[]): string[][] {
  const glossary = stemmedGlossary();
  const direct = glossary.get(stemGerman(word));
  if (direct) return direct;
  for (const particle of particles) {
    const verb = glossary.get(stemGerman(particle + word));
    if (verb) return verb;
  }
  if (word.length < 8 || word.length > MAX_WORD_LENGTH) return [];
  for (let cut = 3; cut <= word.length - 3; cut++) {
    // A tail whose stem is three letters is too likely the end of another word ("verhalten" is
    // not "ver" + "alt", older).
    const stemmed = stemGerman(word.slice(cut));
    if (stemmed.length < MIN_TAIL_STEM) continue;
    const tail = glossary.get(stemmed);
    if (!tail) continue;
    const head = word.slice(0, cut);
    for (const link of LINKS) {
      if (link && !head.endsWith(link)) continue;
      const first = glossary.get(stemGerman(head.slice(0, head.length - link.length)));
      if (first) return tail.map((words) => [...(first[0] ?? []), ...words]);
    }
    return tail;
  }
  return [];
}

/** Whether a word (as typed, lowercase) is in the vocabulary a search reaches. */
export type KnownWord = (word: string) => boolean;

const LETTERS = /^\p{L}+$/u;
/** Least letters of each part when a word the catalog lacks is read as two it has. */
const MIN_PART = 3;

/** Most neighbouring words read as one: an identifier split apart ("CsCallingLineIdentity"). */
const MAX_JOINED = 4;

/**
 * Neighbouring words the catalog writes as one ("lock out" → lockout, "multi-factor" →
 * multifactor, the parts of a pasted `CallingLineIdentity`): a span whose other name is the joined
 * word, the longest run first. Every word must say something, but the last may be a particle.
 * Only where no synonym span already covers them.
 */
function joinedSpans(
  tokens: readonly string[],
  taken: readonly SynonymSpan[],
  known: KnownWord,
): SynonymSpan[] {
  const covered = new Set(taken.flatMap(({ start, length }) => Array.from({ length }, (_, k) => start + k)));
  const fits = (word: string, last: boolean) =>
    LETTERS.test(word) && (!isStop(word) || (last && ENGLISH_PARTICLES.has(word)));
  const out: SynonymSpan[] = [];
  let i = 0;
  while (i + 1 < tokens.length) {
    let length = Math.min(MAX_JOINED, tokens.length - i);
    for (; length >= 2; length--) {
      const run = tokens.slice(i, i + length);
      if (run.some((word, k) => covered.has(i + k) || !fits(word, k === length - 1))) continue;
      if (known(run.join(''))) break;
    }
    if (length < 2) {
      i++;
      continue;
    }
    out.push({ start: i, length, alternatives: [[tokens.slice(i, i + length).join('')]] });
    i += length;
  }
  return out;
}

/**
 * A word the catalog lacks read as two it has ("apitoken" → api token, "Kontoeinstellungen" →
 * Konto Einstellungen): the cut whose shorter part is longest. Never for a word the catalog knows.
 */
function splitWord(word: string, known: KnownWord): string[] | null {
  if (word.length < 2 * MIN_PART || word.length > MAX_WORD_LENGTH || !LETTERS.test(word) || known(word))
    return null;
  let best: string[] | null = null;
  let bestShorter = 0;
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    const shorter = Math.min(head.length, tail.length);
    if (shorter <= bestShorter || isStop(head) || isStop(tail) || !known(head) || !known(tail)) continue;
    best = [head, tail];
    bestShorter = shorter;
  }
  return best;
}

/**
 * The concepts of an understood query, in query order. With `known` (the vocabulary the search
 * reaches), a word written apart or together where the catalog writes it the other way also counts.
 */
export function conceptsOf(query: UnderstoodQuery, table: SynonymTable, known?: KnownWord): Concept[] {
  const { tokens } = query;
  const synonyms = findSynonyms(tokens, table);
  const spans = known
    ? [...synonyms, ...joinedSpans(tokens, synonyms, known)].sort((x, y) => x.start - y.start)
    : synonyms;
  const concepts: Concept[] = [];
  const lastToken = tokens.length - 1;
  let next = 0;
  const single = (position: number) => {
    const word = tokens[position] as string;
    if (isStop(word)) return;
    const variants: Variant[] = [{ words: [word], weight: 1 }];
    const particles = tokens.slice(position + 1).filter((token) => PARTICLES.has(token));
    // As for other names, an English name that would lose its particle is left out, unless it is
    // all the glossary has ("abmelden": sign out).
    const names = glossaryFor(word, particles);
    const meaningful = names.filter(keepsMeaning);
    for (const english of meaningful.length > 0 ? meaningful : names) {
      if (english.join(' ') !== word)
        variants.push({ words: contentOf(english), weight: VARIANT_WEIGHT.glossary });
    }
    const parts = known ? splitWord(word, known) : null;
    if (parts) variants.push({ words: parts, weight: VARIANT_WEIGHT.synonym, whole: true });
    concepts.push({ label: word, variants, typing: query.lastIsPrefix && position === lastToken });
  };
  for (const span of spans) {
    for (; next < span.start; next++) single(next);
    const own = tokens.slice(span.start, span.start + span.length);
    concepts.push({
      label: own.join(' '),
      variants: [
        { words: contentOf(own), weight: 1 },
        ...span.alternatives.filter(keepsMeaning).map((words) => ({
          words: contentOf(words),
          weight: VARIANT_WEIGHT.synonym,
          whole: true,
        })),
      ],
      typing: query.lastIsPrefix && span.start + span.length - 1 === lastToken,
    });
    next = span.start + span.length;
  }
  for (; next < tokens.length; next++) single(next);
  if (concepts.length === 0) {
    // Only stop words ("what is new"): look them up as they are rather than find nothing.
    for (const [position, word] of tokens.entries())
      concepts.push({
        label: word,
        variants: [{ words: [word], weight: 1 }],
        typing: query.lastIsPrefix && position === lastToken,
      });
  }
  // The same concept twice ("merge … merge") counts once.
  const seen = new Set<string>();
  return concepts.filter((concept) => !seen.has(concept.label) && seen.add(concept.label));
}
