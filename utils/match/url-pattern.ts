/**
 * WebExtension match patterns (`*://*.example.com/app/*`) for catalog `urlPatterns` and admin tool
 * rules, matched without regular expressions.
 *
 * The library WXT ships turns every `*` into `.*` and runs the regex on each call: a path such as
 * `/*a*a*a*a*a*a*a*a*a*a*a*a*b` against a long path backtracks exponentially (measured 3.3 s for
 * one page; tests/bench/url-pattern.bench.ts), and a catalog item carrying it blocked the worker for
 * every tab until the item was removed. Here a glob with only `*` is split at its stars and its
 * literal parts are found left to right, the leftmost match of each part being always the right
 * one: work is bounded by the URL's length times the pattern's, never exponential.
 *
 * Semantics follow the library (and so the stored data already in use): scheme `*` is http or
 * https; host `*` is any host and `*.example.com` is example.com or any host under it; the path
 * part is matched against the URL's pathname.
 */

/** Longest pattern accepted in a catalog item (characters). */
export const URL_PATTERN_MAX = 500;
/** Most `*` in one pattern, after runs of `*` are collapsed. */
export const URL_PATTERN_STARS_MAX = 10;

const SCHEMES = ['http', 'https', 'file', 'ftp', 'ws', 'wss', 'urn'];

export class UrlPatternError extends Error {
  override name = 'UrlPatternError';
}

/** A compiled match pattern. */
export interface UrlPattern {
  /** Whether the URL (a string or URL) is covered. Unparseable URLs are not. */
  includes(url: string | URL): boolean;
}

/** Whether `text` matches `glob`, where `*` stands for any run of characters (including none). */
export function globMatches(glob: string, text: string): boolean {
  const parts = glob.split('*');
  if (parts.length === 1) return glob === text;
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (first.length + last.length > text.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] ?? '';
    if (!part) continue;
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

function hostMatches(hostGlob: string, host: string): boolean {
  if (hostGlob === '*') return true;
  if (hostGlob.startsWith('*.')) {
    const base = hostGlob.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === hostGlob;
}

/** Compiles a match pattern; throws {@link UrlPatternError} saying what is wrong. */
export function compileUrlPattern(pattern: string): UrlPattern {
  if (pattern === '<all_urls>') {
    return { includes: (url) => withUrl(url, (u) => SCHEMES.includes(u.protocol.slice(0, -1))) };
  }
  const bad = (reason: string) => new UrlPatternError(`Invalid match pattern "${pattern}": ${reason}`);
  const sep = pattern.indexOf('://');
  if (sep < 0) throw bad('Incorrect format');
  const scheme = pattern.slice(0, sep);
  const rest = pattern.slice(sep + 3);
  const slash = rest.indexOf('/');
  if (slash < 0) throw bad('Incorrect format');
  const host = rest.slice(0, slash).toLowerCase();
  const path = rest.slice(slash);
  if (scheme !== '*' && !SCHEMES.includes(scheme)) {
    throw bad(`${scheme} not a valid protocol (${SCHEMES.join(', ')})`);
  }
  if (host.includes(':')) throw bad('Hostname cannot include a port');
  if (host.includes('*') && host !== '*' && (!host.startsWith('*.') || host.indexOf('*', 1) >= 0)) {
    throw bad('If using a wildcard (*), it must go at the start of the hostname');
  }
  const schemes = scheme === '*' ? ['http:', 'https:'] : [`${scheme}:`];
  return {
    includes: (url) =>
      withUrl(url, (u) => {
        if (!schemes.includes(u.protocol)) return false;
        if (u.protocol === 'file:') return globMatches(path, u.pathname);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
        return hostMatches(host, u.hostname) && globMatches(path, u.pathname);
      }),
  };
}

function withUrl(url: string | URL, test: (url: URL) => boolean): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  return test(parsed);
}

/** Why a pattern cannot be compiled, or null when it can. */
export function urlPatternProblem(pattern: string): string | null {
  try {
    compileUrlPattern(pattern);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export type NormalizedUrlPattern = { pattern: string } | { problem: string };

/**
 * A catalog item's pattern as Signpost keeps it: trimmed, runs of `*` collapsed to one (they
 * match the same URLs), at most {@link URL_PATTERN_MAX} characters and
 * {@link URL_PATTERN_STARS_MAX} stars, and well-formed. Otherwise the reason it is refused.
 */
export function normalizeUrlPattern(raw: string): NormalizedUrlPattern {
  const pattern = raw.trim().replace(/\*{2,}/g, '*');
  if (!pattern) return { problem: 'an empty URL pattern' };
  if (pattern.length > URL_PATTERN_MAX) {
    return {
      problem: `URL pattern is ${pattern.length} characters long; at most ${URL_PATTERN_MAX} are allowed`,
    };
  }
  let stars = 0;
  for (const char of pattern) if (char === '*') stars++;
  if (stars > URL_PATTERN_STARS_MAX) {
    return {
      problem: `URL pattern "${pattern.slice(0, 80)}" has ${stars} wildcards (*); at most ${URL_PATTERN_STARS_MAX} are allowed`,
    };
  }
  const problem = urlPatternProblem(pattern);
  return problem ? { problem } : { pattern };
}

/** {@link normalizeUrlPattern} over a list: the patterns kept, and one line per pattern refused. */
export function normalizeUrlPatterns(patterns: readonly string[]): { kept: string[]; problems: string[] } {
  const kept: string[] = [];
  const problems: string[] = [];
  for (const raw of patterns) {
    const result = normalizeUrlPattern(raw);
    if ('pattern' in result) kept.push(result.pattern);
    else problems.push(result.problem);
  }
  return { kept, problems };
}
