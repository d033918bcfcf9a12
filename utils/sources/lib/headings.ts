/**
 * The first `<hN …>…</hN>` of an HTML fragment, found in one pass.
 *
 * It replaces `/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/i`, which on a page of unclosed `<h1>`
 * (or `<h1` without `>`) retried from every opening tag to the end: quadratic, seconds for a
 * 200 KB page (tests/bench/source-parsing.bench.ts). Here every opening and closing tag is read
 * once, and the pointers only move forward.
 */

export interface Heading {
  /** Offset of `<hN`. */
  start: number;
  /** Offset just after the closing tag's `>`. */
  end: number;
  /** The HTML between the tags. */
  inner: string;
}

/** The same match the regex above gives, or null. */
export function firstHeading(html: string): Heading | null {
  // Closing tags per level, in order: linear, since each `\s*` run belongs to one tag.
  const closings: Array<Array<{ start: number; end: number }>> = [[], [], [], [], [], [], []];
  for (const match of html.matchAll(/<\/h([1-6])\s*>/gi)) {
    closings[Number(match[1])]?.push({ start: match.index, end: match.index + match[0].length });
  }
  const next = [0, 0, 0, 0, 0, 0, 0];
  let gt = -1;
  for (const match of html.matchAll(/<h([1-6])\b/gi)) {
    const level = Number(match[1]);
    const from = match.index + match[0].length;
    if (gt < from) gt = html.indexOf('>', from);
    if (gt < 0) return null; // No `>` after this tag, so none after any later one either.
    const list = closings[level] ?? [];
    let at = next[level] ?? 0;
    while (at < list.length && (list[at]?.start ?? 0) <= gt) at++;
    next[level] = at;
    const close = list[at];
    if (close) return { start: match.index, end: close.end, inner: html.slice(gt + 1, close.start) };
  }
  return null;
}
