/**
 * Admin rules: self-hosted instances of built-in tools (Jira on jira.corp.example) and in-house
 * apps, named by WebExtension match patterns. Rules win over the built-in detectors. Pure: no
 * browser APIs.
 */

import { ID_PATTERN, RULE_PATTERNS_MAX, RULES_MAX } from '../limits';
import { compileUrlPattern, type UrlPattern, urlPatternProblem } from '../match/url-pattern';
import { isRecord } from '../model';
import { DETECTORS, type Detection, detectTool, type PageHints } from '../tools';
import { hintsOf } from '../tools/hints';

export interface ToolRule {
  /** A built-in id (self-hosted Jira: 'jira') or the admin's own id ('expenses-portal'). */
  tool: string;
  /** Display name; defaults to the built-in tool's name or the id. */
  name?: string;
  /** Match patterns, e.g. `https://jira.corp.example/*`. */
  matches: string[];
}

/** Why a match pattern cannot be used for a rule, or null when it can. */
export function patternProblem(pattern: string): string | null {
  const invalid = urlPatternProblem(pattern);
  if (invalid) return invalid;
  const scheme = pattern.split('://')[0];
  if (pattern === '<all_urls>' || !['http', 'https', '*'].includes(scheme ?? '')) {
    return `"${pattern}" must start with http://, https:// or *:// and name a host`;
  }
  const host = pattern.slice(pattern.indexOf('://') + 3).split('/')[0] ?? '';
  if (host === '*' || host === '') return `"${pattern}" covers every site; name the tool's host`;
  return null;
}

export interface RulesRead {
  rules: ToolRule[];
  /** One line per rule or pattern that was left out, saying why. */
  problems: string[];
}

/** Validates rules from settings, an import file or a policy. Bad entries are left out, with the reason. */
export function parseToolRules(value: unknown): RulesRead {
  const rules: ToolRule[] = [];
  const problems: string[] = [];
  if (value === undefined) return { rules, problems };
  if (!Array.isArray(value)) return { rules, problems: ['toolRules must be a list'] };
  for (const [index, raw] of value.slice(0, RULES_MAX).entries()) {
    const where = `rule ${index + 1}`;
    if (!isRecord(raw)) {
      problems.push(`${where}: not an object`);
      continue;
    }
    const { tool, name } = raw;
    // A single pattern written as a string is taken as a list of one (a common slip in policies).
    const matches = typeof raw.matches === 'string' ? [raw.matches] : raw.matches;
    if (typeof tool !== 'string' || !ID_PATTERN.test(tool)) {
      problems.push(`${where}: "tool" must be a lowercase id such as "jira" or "expenses-portal"`);
      continue;
    }
    if (!Array.isArray(matches) || matches.length === 0) {
      problems.push(
        `${where} (${tool}): "matches" needs at least one pattern such as "https://jira.corp.example/*"`,
      );
      continue;
    }
    const good: string[] = [];
    for (const pattern of matches.slice(0, RULE_PATTERNS_MAX)) {
      const problem = typeof pattern === 'string' ? patternProblem(pattern) : 'a pattern must be text';
      if (problem) problems.push(`${where} (${tool}): ${problem}`);
      else good.push(pattern as string);
    }
    if (good.length === 0) continue;
    const rule: ToolRule = { tool, matches: good };
    if (typeof name === 'string' && name.trim()) rule.name = name.trim().slice(0, 80);
    rules.push(rule);
  }
  if (value.length > RULES_MAX) problems.push(`only the first ${RULES_MAX} rules are used`);
  return { rules, problems };
}

/** Rules' patterns compiled once (a page asks on every navigation); null: invalid. */
const compiledPatterns = new Map<string, UrlPattern | null>();

function compiled(pattern: string): UrlPattern | null {
  let found = compiledPatterns.get(pattern);
  if (found === undefined) {
    try {
      found = compileUrlPattern(pattern);
    } catch {
      found = null;
    }
    if (compiledPatterns.size > 1000) compiledPatterns.clear();
    compiledPatterns.set(pattern, found);
  }
  return found;
}

/** The first rule whose patterns cover the URL. */
export function findRule(url: string, rules: readonly ToolRule[]): ToolRule | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return rules.find((rule) => rule.matches.some((pattern) => compiled(pattern)?.includes(parsed) ?? false));
}

/**
 * The tool on a page, rules first: a rule naming a built-in id gets that tool's screen detection
 * (self-hosted Jira has Jira's screens); an in-house app gets none.
 */
export function detectWithRules(
  url: string,
  doc: Document | PageHints | undefined,
  rules: readonly ToolRule[],
): Detection | null {
  const rule = findRule(url, rules);
  if (!rule) return detectTool(url, doc);
  const builtin = DETECTORS.find((detector) => detector.id === rule.tool);
  const detection: Detection = { id: rule.tool, name: rule.name ?? builtin?.name ?? rule.tool };
  if (builtin?.area) {
    const area = builtin.area(new URL(url), hintsOf(doc));
    if (area) detection.area = area;
  }
  return detection;
}

/** Every pattern of every rule, once. */
export function rulePatterns(rules: readonly ToolRule[]): string[] {
  return [...new Set(rules.flatMap((rule) => rule.matches))].sort();
}

/** The host permission pattern for a URL's origin (match patterns ignore the port). */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
