/**
 * Search from anywhere, the address bar: `sp` then a space, and Signpost suggests items from the
 * local index; Enter on one opens it in its knowledge base (http(s) only), Enter on the typed text
 * opens Signpost's search with it. Pure: the listeners are in ./listen.ts.
 *
 * Chrome reads a suggestion's description as XML (`<match>`, `<dim>`, `<url>`), so item text is
 * escaped there; Firefox shows descriptions as plain text.
 */
import { isHttpUrl, type KnowledgeItem } from '../model';

export const OMNIBOX_KEYWORD = 'sp';
/** Chrome shows at most a handful; more would only be cut. */
export const OMNIBOX_SUGGESTIONS = 6;
const DESCRIPTION_SUMMARY = 80;

export interface OmniboxSuggestion {
  content: string;
  description: string;
}

/** Escapes text for Chrome's suggestion markup (all five XML entities). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One line, cut at a word with an ellipsis. */
function short(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cutAt = line.lastIndexOf(' ', max - 1);
  return `${line.slice(0, cutAt > max / 2 ? cutAt : max - 1)}…`;
}

/**
 * Suggestions for the items found: the content is the item's URL (what Enter opens), so items
 * without an http(s) URL are left out; the description is the title and the start of the summary.
 */
export function omniboxSuggestions(items: KnowledgeItem[], markup: boolean): OmniboxSuggestion[] {
  const seen = new Set<string>();
  const out: OmniboxSuggestion[] = [];
  for (const item of items) {
    if (!isHttpUrl(item.url) || seen.has(item.url)) continue;
    seen.add(item.url);
    const title = short(item.title, 120);
    const summary = short(item.summary, DESCRIPTION_SUMMARY);
    const description = markup
      ? `<match>${escapeXml(title)}</match>${summary ? ` <dim>— ${escapeXml(summary)}</dim>` : ''}`
      : `${title}${summary ? ` — ${summary}` : ''}`;
    out.push({ content: item.url, description });
    if (out.length === OMNIBOX_SUGGESTIONS) break;
  }
  return out;
}

export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/**
 * What Enter does: an http(s) URL (a suggestion's content, the item's address) opens there; any
 * other text is a search in Signpost's own page. Nothing else (`javascript:`, `data:`) is opened.
 */
export function omniboxTarget(text: string): { open: string } | { search: string } | null {
  const typed = text.trim();
  if (!typed) return null;
  if (isHttpUrl(typed)) return { open: typed };
  return /^[a-z][a-z0-9+.-]*:/i.test(typed) && !/\s/.test(typed) ? null : { search: typed };
}
