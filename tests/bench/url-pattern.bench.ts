import { bench, describe } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { compileUrlPattern } from '@/utils/match/url-pattern';

/**
 * A catalog `urlPatterns` entry built to backtrack: seven `*a` before a `b` that never comes, against
 * a 40-character path. The regex WXT's match-pattern library builds takes seconds per page; the
 * linear matcher Signpost uses (utils/match/url-pattern.ts) takes microseconds.
 */
const HOSTILE = `*://*/${'*a'.repeat(7)}*b`;
const URL_ = `https://example.com/${'a'.repeat(40)}`;

describe('hostile urlPattern (7 stars, 40-character path)', () => {
  const compiled = compileUrlPattern(HOSTILE);
  bench('linear matcher (utils/match/url-pattern.ts)', () => {
    compiled.includes(URL_);
  });
  bench(
    'backtracking regex (wxt/utils/match-patterns, before)',
    () => {
      new MatchPattern(HOSTILE).includes(URL_);
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
