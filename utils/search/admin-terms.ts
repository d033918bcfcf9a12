/**
 * An organisation's own search terms, as an admin writes them in the options page or the
 * enterprise policy: each term and the words people may use for it instead.
 *
 *   { "terms": { "VPN": ["remote access", "GlobalProtect"], "HR portal": ["Workday"] } }
 *
 * Pure: validates an unknown value (parsed JSON) and returns the synonym groups it stands for,
 * or every problem found, with where it is, so the options page can show them all at once.
 */
import type { SynonymGroup } from './synonyms';

export interface AdminTerms {
  terms: Record<string, string[]>;
}

export const ADMIN_TERMS_LIMITS = {
  /** terms in one organisation's list */
  terms: 500,
  /** other words for one term */
  alternatives: 20,
  /** characters in a term or an alternative */
  length: 60,
} as const;

export type AdminTermsResult = { ok: true; value: AdminTerms } | { ok: false; errors: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of a term, or why it cannot be one. */
function checkTerm(text: unknown, where: string): { text: string } | { error: string } {
  if (typeof text !== 'string') return { error: `${where}: must be text` };
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return { error: `${where}: needs at least one letter or digit` };
  if (trimmed.length > ADMIN_TERMS_LIMITS.length)
    return { error: `${where}: longer than ${ADMIN_TERMS_LIMITS.length} characters` };
  return { text: trimmed };
}

/** Validates an organisation's terms; unknown keys are refused so that a typo in a key is seen. */
export function parseAdminTerms(value: unknown): AdminTermsResult {
  if (!isRecord(value))
    return { ok: false, errors: ['search terms: must be an object like { "terms": { … } }'] };
  const errors: string[] = [];
  for (const key of Object.keys(value))
    if (key !== 'terms') errors.push(`search terms: unknown key "${key}"`);
  const { terms } = value;
  if (!isRecord(terms)) {
    errors.push('terms: must be an object from a term to the other words for it');
    return { ok: false, errors };
  }
  const entries = Object.entries(terms);
  if (entries.length > ADMIN_TERMS_LIMITS.terms)
    errors.push(`terms: at most ${ADMIN_TERMS_LIMITS.terms} terms (${entries.length} given)`);
  const out: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const [term, alternatives] of entries.slice(0, ADMIN_TERMS_LIMITS.terms)) {
    const checked = checkTerm(term, `terms."${term}"`);
    if ('error' in checked) {
      errors.push(checked.error);
      continue;
    }
    const key = checked.text.toLowerCase();
    if (seen.has(key)) {
      errors.push(`terms."${term}": given twice`);
      continue;
    }
    seen.add(key);
    if (!Array.isArray(alternatives) || alternatives.length === 0) {
      errors.push(`terms."${term}": must be a list of at least one other word`);
      continue;
    }
    if (alternatives.length > ADMIN_TERMS_LIMITS.alternatives) {
      errors.push(`terms."${term}": at most ${ADMIN_TERMS_LIMITS.alternatives} other words`);
      continue;
    }
    const list: string[] = [];
    alternatives.forEach((alternative, position) => {
      const alt = checkTerm(alternative, `terms."${term}"[${position}]`);
      if ('error' in alt) errors.push(alt.error);
      else if (
        alt.text.toLowerCase() !== key &&
        !list.some((t) => t.toLowerCase() === alt.text.toLowerCase())
      )
        list.push(alt.text);
    });
    if (list.length > 0) out[checked.text] = list;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { terms: out } };
}

/** The synonym groups an organisation's terms stand for: each term with its other words. */
export function adminSynonymGroups(terms: AdminTerms | undefined): SynonymGroup[] {
  if (!terms) return [];
  return Object.entries(terms.terms).map(([term, alternatives]) => [term, ...alternatives]);
}
