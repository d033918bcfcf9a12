/**
 * Plain-text helpers for what sources send: HTML summaries become text a card can show.
 * Pure functions: they run in the service worker, which has no DOM, so HTML goes through
 * htmlparser2's forgiving tokenizer instead of DOMParser.
 */
import { Parser } from 'htmlparser2';

/** Whose contents are never text a reader sees. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript']);

/** Separate paragraphs: a blank line before and after. */
const PARAGRAPHS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'dl',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
]);

/** Start a new line. */
const LINES = new Set([
  'br',
  'caption',
  'dd',
  'div',
  'dt',
  'figcaption',
  'legend',
  'li',
  'option',
  'summary',
  'tbody',
  'tfoot',
  'thead',
  'tr',
]);

/** Keep their words apart from their neighbours'. */
const SPACED = new Set(['td', 'th', 'img', 'input', 'select', 'textarea', 'button', 'label']);

/** What each break level writes: none, a space, a line break, a blank line. */
const BREAKS = ['', ' ', '\n', '\n\n'];

function breakLevel(name: string): number {
  if (PARAGRAPHS.has(name)) return 3;
  if (LINES.has(name)) return 2;
  return SPACED.has(name) ? 1 : 0;
}

/** HTML (or plain text) → readable plain text: tags removed, block elements become line breaks/spaces, entities decoded, script/style/template contents dropped, whitespace collapsed. */
export function htmlToText(html: string): string {
  if (!html) return '';
  if (!html.includes('<') && !html.includes('&')) return tidy(html);

  const parts: string[] = [];
  let dropped = 0;
  let pre = 0;
  // Breaks wait for the next text and the strongest wins, so that `</li><li>` is one line break.
  let pending = 0;
  const boundary = (name: string) => {
    if (dropped === 0) pending = Math.max(pending, breakLevel(name));
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) dropped++;
        if (name === 'pre') pre++;
        boundary(name);
      },
      onclosetag(name) {
        if (DROPPED.has(name)) dropped = Math.max(0, dropped - 1);
        if (name === 'pre') pre = Math.max(0, pre - 1);
        // <br> is void: its open tag already broke the line.
        if (name !== 'br') boundary(name);
      },
      ontext(text) {
        if (dropped > 0) return;
        if (pending > 0 && parts.length > 0) parts.push(BREAKS[pending] ?? ' ');
        pending = 0;
        // Line breaks inside <pre> are the author's; elsewhere they are just spaces.
        parts.push(pre > 0 ? text : text.replace(/\s+/g, ' '));
      },
    },
    { decodeEntities: true, recognizeCDATA: true },
  );
  parser.end(html);
  return tidy(parts.join(''));
}

/** Spaces collapsed inside lines, at most one blank line in a row, no space at either end. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A sentence's end (its punctuation and any closing quote or bracket), a paragraph's end, or CJK full stops. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*(?=\s(?!\s*\p{Ll}))|[。！？]|(?=\n)/gu;

/** Cut plain text at a sentence boundary near `max` characters (default 600), never mid-word, adding '…' when cut. */
export function summarize(text: string, max = 600): string {
  const clean = text.trim();
  const limit = Number.isFinite(max) ? Math.max(2, Math.floor(max)) : 600;
  if (clean.length <= limit) return clean;

  // Room for ' …' so the result never exceeds `limit`; one character more to see what follows a full stop.
  let sentenceEnd = -1;
  for (const match of clean.slice(0, limit - 1).matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (end <= limit - 2) sentenceEnd = end;
  }
  // A sentence end far before the limit would throw away too much: cut between words instead.
  if (sentenceEnd >= limit * 0.5) return `${clean.slice(0, sentenceEnd).trimEnd()} …`;

  // The last space at most `limit - 1` in, so that the word before it is whole and '…' still fits.
  const lastSpace = clean.slice(0, limit).search(/\s\S*$/);
  // One word longer than the limit (a long URL): no word boundary to cut at.
  const cut = lastSpace > 0 ? lastSpace : limit - 1;
  return `${clean.slice(0, cut).trimEnd()}…`;
}

/** Scripts written without spaces between words: count characters instead (about 500 a minute). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

function words(text: string): number {
  const spaced = text.match(/\S+/g)?.length ?? 0;
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  return spaced + unspaced / 2.5;
}

/** Minutes to read, at least 1 (about 200 words a minute). */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(words(text) / 200));
}

/** Whole minutes a text takes at most (rounded up): 401 words are over a two-minute read. */
export function fullReadingMinutes(text: string): number {
  return Math.max(1, Math.ceil(words(text) / 200));
}
