/**
 * Document → PageContext with bounded work: at most MAX_CANDIDATES elements per query, texts cut,
 * nothing that reads layout (no reflow is forced), and nothing taken from form values or password
 * fields — only what the screen's headings, labels and buttons say.
 */
import { LIMITS } from './limits';
import type { PageContext } from './model';
import type { Detection } from './tools';

const HEADINGS = 'h1, h2, h3, [role="heading"]';
/** Labels, status values and button captions: the words that say what a screen is for. */
const KEYWORDS =
  'label, legend, button, summary, th, [role="button"], [role="tab"], [role="status"], [role="columnheader"]';
/** Most candidate elements looked at per kind, whatever the page's size. */
export const MAX_CANDIDATES = 150;

function clean(text: string | null | undefined, max: number): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** Form controls: what is in them is the person's input, not the screen's words. */
const FORM_CONTROLS = new Set(['TEXTAREA', 'SELECT', 'OPTION', 'INPUT', 'OUTPUT']);

/**
 * An element's text without what form controls inside it hold (a label wrapping a textarea),
 * read from the DOM tree (textContent-like, never innerText, which would force a layout), stopping
 * after `budget` characters.
 */
function visibleText(element: Element, budget: number): string {
  if (!element.querySelector('textarea, select, input, output'))
    return element.textContent?.slice(0, budget) ?? '';
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child && out.length < budget; child = child.nextSibling) {
      if (child.nodeType === 3) out += ` ${child.nodeValue ?? ''}`;
      else if (child.nodeType === 1 && !FORM_CONTROLS.has((child as Element).tagName.toUpperCase()))
        walk(child);
    }
  };
  walk(element);
  return out.slice(0, budget);
}

/**
 * The landmarks around every screen of a site: its navigation, search and footer. Their words (a
 * console's whole menu, "Search", "Privacy") are the same on every screen, and on a real page they
 * come first: read as the screen's own, they outweigh what it is about (a console's menu buttons
 * put in front of the labelled screens' own words take development top-1 from .58 to .54 and quiet
 * from .79 to .70: `screens-tune.ts chrome`). A banner is not among them: apps put a record's title and actions in a
 * `header` as often as the site's name.
 */
const CHROME = 'nav, footer, [role="navigation"], [role="search"], [role="contentinfo"]';
const MAIN = 'main, [role="main"]';
/** Parts whose footer is their own, not the site's (HTML's rule for contentinfo). */
const SECTIONING = 'article, aside, section, nav';
/** Closed menus, dialogs and disclosures: on the page, not on the screen. */
const CLOSED = '[aria-hidden="true"], [hidden], dialog:not([open]), details:not([open]) > :not(summary)';
/** The navigation's entry for the screen being shown: where the person is. */
const CURRENT = [
  '[aria-current]:not([aria-current="false"])',
  ...['nav', '[role="navigation"]'].flatMap((nav) => [
    `${nav} [aria-selected="true"]`,
    `${nav} [aria-pressed="true"]`,
  ]),
].join(', ');
/** Elements looked at per kind, chrome and closed parts included, whatever the page's size. */
const MAX_SCANNED = MAX_CANDIDATES * 4;

/** Whether an element sits in the site's chrome: a chrome landmark that is not part of the main content. */
function inChrome(node: Element): boolean {
  for (
    let landmark = node.closest(CHROME);
    landmark;
    landmark = landmark.parentElement?.closest(CHROME) ?? null
  ) {
    // Tabs of the main content are the screen's own (a pull request's).
    if (landmark.closest(MAIN)) return false;
    const ownFooter =
      landmark.tagName.toUpperCase() === 'FOOTER' &&
      !landmark.hasAttribute('role') &&
      landmark.parentElement?.closest(SECTIONING);
    if (!ownFooter) return true;
  }
  return false;
}

function textOf(node: Element, maxLength: number): string {
  return clean(node.getAttribute('aria-label') || visibleText(node, maxLength * 4), maxLength);
}

/**
 * Texts of the first matching elements on the screen: not in the site's chrome (unless the page
 * has nothing else), not in closed or aria-hidden parts. Reads textContent, not innerText (which
 * would force a layout); script, style and template contents and shadow roots (our own UI among
 * them) are never matched by a document query.
 */
function collect(doc: Document, selector: string, maxItems: number, maxLength: number): string[] {
  const out = new Set<string>();
  const chrome: Element[] = [];
  const nodes = doc.querySelectorAll(selector);
  const scanned = Math.min(nodes.length, MAX_SCANNED);
  let taken = 0;
  for (let i = 0; i < scanned && taken < MAX_CANDIDATES && out.size < maxItems; i++) {
    const node = nodes[i] as Element;
    if (node.closest(CLOSED)) continue;
    if (inChrome(node)) {
      if (chrome.length < MAX_CANDIDATES) chrome.push(node);
      continue;
    }
    taken++;
    const text = textOf(node, maxLength);
    if (text.length >= 2) out.add(text);
  }
  if (out.size === 0) {
    for (const node of chrome) {
      if (out.size >= maxItems) break;
      const text = textOf(node, maxLength);
      if (text.length >= 2) out.add(text);
    }
  }
  return [...out];
}

/** Labels and buttons of the screen, with the navigation's entry for it first (see CURRENT). */
function keywordsOf(doc: Document): string[] {
  const current = [...doc.querySelectorAll(CURRENT)]
    .slice(0, 3)
    .filter((node) => !node.closest(CLOSED))
    .map((node) => textOf(node, LIMITS.keyword))
    // A page number or a day of a calendar says nothing about the screen.
    .filter((text) => text.length >= 2 && /\p{L}/u.test(text));
  const own = collect(doc, KEYWORDS, LIMITS.keywords, LIMITS.keyword);
  return [...new Set([...current, ...own])].slice(0, LIMITS.keywords);
}

/** Builds the page context the content script sends to the background. */
export function extractContext(doc: Document, url: string, detection: Detection | null): PageContext {
  const context: PageContext = {
    tool: detection?.id ?? null,
    url: url.slice(0, LIMITS.url),
    title: clean(doc.title, LIMITS.title),
    headings: collect(doc, HEADINGS, LIMITS.headings, LIMITS.heading),
    keywords: keywordsOf(doc),
  };
  if (detection?.area) context.area = detection.area;
  return context;
}

/** A context completed by the tool's detection (the background's): its tool and screen, no other. */
export function withTool(context: PageContext, detection: Detection): PageContext & { tool: string } {
  const { area: _read, ...rest } = context;
  return { ...rest, tool: detection.id, ...(detection.area ? { area: detection.area } : {}) };
}
