/**
 * An organisation's own search terms, as an admin writes them in the options page or the
 * enterprise policy: each term and the words people may use for it instead.
 *
 *   { "terms": { "VPN": ["remote access", "GlobalProtect"], "HR portal": ["Workday"] } }
 *
 * Pure. Parsing is lenient: a bad entry is reported (with where it is) and left out, the valid
 * ones are kept, so one typo never costs the whole list. The options page edits the same terms as
 * text, one term per line (`VPN: remote access, GlobalProtect`).
 */
import type { SynonymGroup } from './synonyms';

export interface AdminTerms {
  terms: Record<string, string[]>;
}

/** No terms: what settings start from. */
export const NO_ADMIN_TERMS: AdminTerms = Object.freeze({ terms: Object.freeze({}) });

export const ADMIN_TERMS_LIMITS = {
  /** terms in one organisation's list */
  terms: 500,
  /** other words for one term */
  alternatives: 20,
  /** characters in a term or an alternative */
  length: 60,
} as const;

/** The valid entries (always), and why the others were left out; `ok` when nothing was. */
export interface AdminTermsResult {
  ok: boolean;
  value: AdminTerms;
  errors: string[];
}

/** Why a line of the text form was (partly) left out; the options page words each code. */
export type TermsProblemCode =
  | 'format'
  | 'twice'
  | 'no-words'
  | 'no-letter'
  | 'too-long'
  | 'too-many-words'
  | 'too-many-terms';

export interface TermsProblem {
  /** 1-based line of the text. */
  line: number;
  code: TermsProblemCode;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A term or alternative with its spaces tidied, or why it cannot be one. */
function cleanWord(text: string): string | 'no-letter' | 'too-long' {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'no-letter';
  if (trimmed.length > ADMIN_TERMS_LIMITS.length) return 'too-long';
  return trimmed;
}

const WORD_ERRORS = {
  'no-letter': 'needs at least one letter or digit',
  'too-long': `longer than ${ADMIN_TERMS_LIMITS.length} characters`,
} as const;

/** The alternatives that are not the term itself, each once (case-insensitive), in order. */
function distinct(term: string, alternatives: string[]): string[] {
  const seen = new Set([term.toLowerCase()]);
  return alternatives.filter((alt) => {
    const key = alt.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Validates an organisation's terms; unknown keys are reported so that a typo in a key is seen. */
export function parseAdminTerms(value: unknown): AdminTermsResult {
  if (!isRecord(value))
    return {
      ok: false,
      value: NO_ADMIN_TERMS,
      errors: ['search terms: must be an object like { "terms": { … } }'],
    };
  const errors: string[] = [];
  for (const key of Object.keys(value))
    if (key !== 'terms') errors.push(`search terms: unknown key "${key}"`);
  const { terms } = value;
  if (!isRecord(terms)) {
    errors.push('terms: must be an object from a term to the other words for it');
    return { ok: false, value: NO_ADMIN_TERMS, errors };
  }
  const entries = Object.entries(terms);
  if (entries.length > ADMIN_TERMS_LIMITS.terms)
    errors.push(
      `terms: at most ${ADMIN_TERMS_LIMITS.terms} terms (${entries.length} given); the first ${ADMIN_TERMS_LIMITS.terms} are used`,
    );
  const out: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const [term, alternatives] of entries.slice(0, ADMIN_TERMS_LIMITS.terms)) {
    const where = `terms."${term}"`;
    const checked = cleanWord(term);
    if (checked === 'no-letter' || checked === 'too-long') {
      errors.push(`${where}: ${WORD_ERRORS[checked]}`);
      continue;
    }
    const key = checked.toLowerCase();
    if (seen.has(key)) {
      errors.push(`${where}: given twice`);
      continue;
    }
    if (!Array.isArray(alternatives) || alternatives.length === 0) {
      errors.push(`${where}: must be a list of at least one other word`);
      continue;
    }
    if (alternatives.length > ADMIN_TERMS_LIMITS.alternatives)
      errors.push(
        `${where}: at most ${ADMIN_TERMS_LIMITS.alternatives} other words; the first ${ADMIN_TERMS_LIMITS.alternatives} are used`,
      );
    const list: string[] = [];
    alternatives.slice(0, ADMIN_TERMS_LIMITS.alternatives).forEach((alternative, position) => {
      if (typeof alternative !== 'string') {
        errors.push(`${where}[${position}]: must be text`);
        return;
      }
      const alt = cleanWord(alternative);
      if (alt === 'no-letter' || alt === 'too-long')
        errors.push(`${where}[${position}]: ${WORD_ERRORS[alt]}`);
      else list.push(alt);
    });
    const kept = distinct(checked, list);
    if (kept.length === 0) continue;
    seen.add(key);
    out[checked] = kept;
  }
  return { ok: errors.length === 0, value: { terms: out }, errors };
}

/**
 * The terms in force when a policy and the admin's own list both have some: the policy's term
 * wins when both name it (compared without case); the rest of both are kept, the policy's first.
 */
export function mergeAdminTerms(policy: AdminTerms | undefined, own: AdminTerms): AdminTerms {
  if (!policy) return own;
  const out: Record<string, string[]> = { ...policy.terms };
  const taken = new Set(Object.keys(policy.terms).map((term) => term.toLowerCase()));
  for (const [term, alternatives] of Object.entries(own.terms)) {
    if (Object.keys(out).length >= ADMIN_TERMS_LIMITS.terms) break;
    if (!taken.has(term.toLowerCase())) out[term] = alternatives;
  }
  return { terms: out };
}

/** The terms as the options page shows them: one term per line, `term: other, words`. */
export function termsToText(terms: AdminTerms): string {
  return Object.entries(terms.terms)
    .map(([term, alternatives]) => `${term}: ${alternatives.join(', ')}`)
    .join('\n');
}

/**
 * Reads the text form: a line is `term: other word, another word`; blank lines are skipped. A
 * line with a problem is reported by its number; what is valid on it (and on every other line)
 * is kept.
 */
export function termsFromText(text: string): { value: AdminTerms; problems: TermsProblem[] } {
  const out: Record<string, string[]> = {};
  const seen = new Set<string>();
  const problems: TermsProblem[] = [];
  let count = 0;
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const line = index + 1;
    const report = (code: TermsProblemCode) => {
      if (!problems.some((p) => p.line === line && p.code === code)) problems.push({ line, code });
    };
    if (raw.trim() === '') continue;
    const colon = raw.indexOf(':');
    if (colon < 0 || raw.slice(0, colon).trim() === '') {
      report('format');
      continue;
    }
    const term = cleanWord(raw.slice(0, colon));
    if (term === 'no-letter' || term === 'too-long') {
      report(term);
      continue;
    }
    const key = term.toLowerCase();
    if (seen.has(key)) {
      report('twice');
      continue;
    }
    const words = raw
      .slice(colon + 1)
      .split(',')
      .filter((word) => word.trim() !== '');
    if (words.length === 0) {
      report('no-words');
      continue;
    }
    if (words.length > ADMIN_TERMS_LIMITS.alternatives) report('too-many-words');
    const list: string[] = [];
    for (const word of words.slice(0, ADMIN_TERMS_LIMITS.alternatives)) {
      const alt = cleanWord(word);
      if (alt === 'no-letter' || alt === 'too-long') report(alt);
      else list.push(alt);
    }
    const kept = distinct(term, list);
    if (kept.length === 0) {
      // Only the term itself again (or nothing valid): there is nothing it could stand for.
      if (list.length > 0) report('no-words');
      continue;
    }
    if (count >= ADMIN_TERMS_LIMITS.terms) {
      report('too-many-terms');
      continue;
    }
    count++;
    seen.add(key);
    out[term] = kept;
  }
  return { value: { terms: out }, problems };
}

/** The synonym groups an organisation's terms stand for: each term with its other words. */
export function adminSynonymGroups(terms: AdminTerms | undefined): SynonymGroup[] {
  if (!terms) return [];
  return Object.entries(terms.terms).map(([term, alternatives]) => [term, ...alternatives]);
}
