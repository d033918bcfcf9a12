/**
 * Document → PageContext with bounded work: a capped number of nodes is visited, texts are cut,
 * nothing reads layout (no reflow is forced), and nothing is taken from form values or password
 * fields — only what the screen labels say.
 */
import { LIMITS, type PageContext } from './model';
import type { Detection } from './tools';

const HEADINGS = 'h1, h2, h3, [role="heading"]';
/** Labels, status values and button captions: the words that say what a screen is for. */
const KEYWORDS = 'label, legend, button, [role="button"], [role="tab"], th, [data-testid*="status" i]';
const MAX_NODES = 400;

function clean(text: string | null | undefined, max: number): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

function collect(doc: Document, selector: string, maxItems: number, maxLength: number): string[] {
  const out = new Set<string>();
  const nodes = doc.querySelectorAll(selector);
  const count = Math.min(nodes.length, MAX_NODES);
  for (let i = 0; i < count && out.size < maxItems; i++) {
    const node = nodes[i] as Element;
    if (node.closest('signpost-nudge, [aria-hidden="true"], script, style, template')) continue;
    // textContent, not innerText: innerText would force a layout.
    const text = clean(node.getAttribute('aria-label') || node.textContent, maxLength);
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
