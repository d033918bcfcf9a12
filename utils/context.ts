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
 * Texts of the first matching elements. Reads textContent, not innerText (which would force a
 * layout). Elements inside aria-hidden subtrees are skipped; script, style and template contents
 * and shadow roots (our own UI among them) are never matched by a document query.
 */
function collect(doc: Document, selector: string, maxItems: number, maxLength: number): string[] {
  const out = new Set<string>();
  const hidden = [...doc.querySelectorAll('[aria-hidden="true"]')];
  const nodes = doc.querySelectorAll(selector);
  const count = Math.min(nodes.length, MAX_CANDIDATES);
  for (let i = 0; i < count && out.size < maxItems; i++) {
    const node = nodes[i] as Element;
    if (hidden.length && hidden.some((root) => root.contains(node))) continue;
    const text = clean(node.getAttribute('aria-label') || visibleText(node, maxLength * 4), maxLength);
    if (text.length >= 2) out.add(text);
  }
  return [...out];
}

/** Builds the page context the content script sends to the background. */
export function extractContext(doc: Document, url: string, detection: Detection | null): PageContext {
  const context: PageContext = {
    tool: detection?.id ?? null,
    url: url.slice(0, LIMITS.url),
    title: clean(doc.title, LIMITS.title),
    headings: collect(doc, HEADINGS, LIMITS.headings, LIMITS.heading),
    keywords: collect(doc, KEYWORDS, LIMITS.keywords, LIMITS.keyword),
  };
  if (detection?.area) context.area = detection.area;
  return context;
}

/** A context completed by the tool's detection (the background's): its tool and screen, no other. */
export function withTool(context: PageContext, detection: Detection): PageContext & { tool: string } {
  const { area: _read, ...rest } = context;
  return { ...rest, tool: detection.id, ...(detection.area ? { area: detection.area } : {}) };
}
