/**
 * What the content script reads from a page for the detectors (utils/tools/types.ts `PageHints`).
 * Kept apart from the detectors: the content script imports this and none of them.
 */
import { LIMITS } from '../limits';
import type { PageHints } from './types';

export function pageHints(doc: Document): PageHints {
  const hints: PageHints = { title: doc.title.slice(0, LIMITS.title) };
  const dataPage = doc.body?.getAttribute('data-page');
  if (dataPage) hints.dataPage = dataPage.slice(0, LIMITS.dataPage);
  return hints;
}

/** The hints of a document, or the hints themselves. */
export function hintsOf(page: Document | PageHints | undefined): PageHints | undefined {
  if (page === undefined) return undefined;
  return 'documentElement' in page ? pageHints(page) : page;
}
