/**
 * Other words for the same thing: abbreviations people type ("2FA", "PR", "repo") and the words
 * a tool uses for an idea another tool names differently ("merge request", "pull request").
 * A small maintained list, general and per tool, that an organisation extends with its own terms
 * (`admin-terms.ts`). Each group is a set of equivalent terms; a term is one or more words.
 *
 * Kept short on purpose: every group here must be a true equivalence in business-tool help
 * content, because a wrong one pulls unrelated articles into every search that uses the word.
 */
import type { ToolId } from '../model';

export type SynonymGroup = readonly string[];

/** Equivalences true in any business tool's help. */
export const GENERAL_SYNONYMS: readonly SynonymGroup[] = [
  ['2fa', 'two-factor authentication', 'mfa', 'multi-factor authentication', '2-step verification'],
  ['sso', 'single sign-on'],
  ['pr', 'pull request', 'merge request'],
  ['mr', 'merge request'],
  ['repo', 'repository'],
  ['ci', 'continuous integration'],
  ['cd', 'continuous deployment'],
  ['undo', 'revert', 'roll back'],
  ['delete', 'remove'],
  ['log in', 'sign in', 'login'],
  ['log out', 'sign out', 'logout'],
  ['pw', 'password'],
  ['pat', 'personal access token'],
  ['api key', 'access token'],
  ['dm', 'direct message'],
  ['admin', 'administrator'],
  ['doc', 'document'],
  ['perms', 'permissions'],
  ['config', 'configuration'],
  ['env', 'environment'],
  ['org', 'organization'],
  ['notification', 'alert'],
  ['dark mode', 'dark theme'],
  ['e-mail', 'email', 'mail'],
  ['rename', 'change the name'],
  ['invite', 'add people'],
  ['kb', 'knowledge base'],
  ['faq', 'frequently asked questions'],
  ['ooo', 'out of office'],
  ['sla', 'service level agreement'],
  ['pto', 'paid time off', 'time off', 'vacation'],
  ['audit trail', 'audit log'],
  ['qos', 'quality of service'],
  ['spa', 'single-page app', 'single-page application'],
  ['jwt', 'json web token'],
  ['vm', 'virtual machine'],
  ['url', 'link'],
];

/** Equivalences that hold inside one tool's vocabulary. */
export const TOOL_SYNONYMS: Readonly<Record<ToolId, readonly SynonymGroup[]>> = {
  github: [
    ['action', 'workflow'],
    ['gha', 'github actions'],
    ['fork', 'copy of a repository'],
    ['codeowners', 'code owners'],
    ['branch protection', 'protected branch', 'ruleset'],
    ['secret scanning', 'leaked secret'],
  ],
  gitlab: [
    ['pipeline', 'ci/cd'],
    ['runner', 'gitlab runner'],
    ['mr', 'merge request'],
    ['protected branch', 'branch protection'],
  ],
  jira: [
    ['ticket', 'issue'],
    ['story points', 'estimate'],
    ['jql', 'advanced search'],
  ],
  confluence: [['wiki', 'page']],
  servicenow: [
    ['ticket', 'incident'],
    ['ritm', 'requested item'],
    ['kb', 'knowledge article'],
  ],
  zendesk: [['ticket', 'request']],
  salesforce: [
    ['opp', 'opportunity'],
    ['sfdc', 'salesforce'],
  ],
  slack: [
    ['dm', 'direct message'],
    ['channel', 'conversation'],
  ],
  teams: [
    ['chat', 'conversation'],
    ['call', 'meeting'],
  ],
  sharepoint: [
    ['site', 'team site'],
    ['library', 'document library'],
    ['share', 'grant access'],
  ],
  onedrive: [['share', 'grant access']],
  okta: [
    ['app', 'application'],
    ['idp', 'identity provider'],
    ['mfa', 'multifactor authentication'],
  ],
  powerbi: [
    ['pbi', 'power bi'],
    ['dashboard', 'report'],
    ['refresh', 'scheduled refresh'],
    ['dataset', 'semantic model'],
  ],
};

/** Lowercase words of a term, as the query side sees them ("Two-factor" → two, factor). */
export function termWords(term: string): string[] {
  return term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** One table of groups, looked up by the first word of each term. */
export interface SynonymTable {
  /** first word → [term words, group index] for every term beginning with that word */
  starts: Map<string, { words: string[]; group: number }[]>;
  groups: string[][][];
}

/** Builds the look-up table from groups (general first, then a tool's, then an organisation's). */
export function synonymTable(groups: Iterable<SynonymGroup>): SynonymTable {
  const table: SynonymTable = { starts: new Map(), groups: [] };
  for (const group of groups) {
    const terms = group.map(termWords).filter((words) => words.length > 0);
    if (terms.length < 2) continue;
    const index = table.groups.push(terms) - 1;
    for (const words of terms) {
      const first = words[0] as string;
      const list = table.starts.get(first) ?? [];
      list.push({ words, group: index });
      table.starts.set(first, list);
    }
  }
  return table;
}

/** A span of query words and the other terms that mean the same. */
export interface SynonymSpan {
  start: number;
  /** number of query words covered */
  length: number;
  alternatives: string[][];
}

/**
 * The longest synonym terms found in a sequence of query words, left to right, without overlap.
 * A word matches a term's word when equal, or equal after dropping a plural "s" on either side.
 */
export function findSynonyms(words: readonly string[], table: SynonymTable): SynonymSpan[] {
  const spans: SynonymSpan[] = [];
  let i = 0;
  while (i < words.length) {
    let best: { length: number; groups: Set<number> } | null = null;
    for (const { words: term, group } of table.starts.get(words[i] as string) ??
      table.starts.get(singular(words[i] as string)) ??
      []) {
      if (!term.every((word, k) => sameWord(word, words[i + k]))) continue;
      if (!best || term.length > best.length) best = { length: term.length, groups: new Set([group]) };
      else if (term.length === best.length) best.groups.add(group);
    }
    if (!best) {
      i++;
      continue;
    }
    const own = words.slice(i, i + best.length).join(' ');
    const alternatives = new Map<string, string[]>();
    for (const group of best.groups) {
      for (const term of table.groups[group] ?? []) {
        const key = term.join(' ');
        if (key !== own && !sameWord(key, own)) alternatives.set(key, term);
      }
    }
    spans.push({ start: i, length: best.length, alternatives: [...alternatives.values()] });
    i += best.length;
  }
  return spans;
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function sameWord(a: string, b: string | undefined): boolean {
  return b !== undefined && (a === b || singular(a) === singular(b));
}
