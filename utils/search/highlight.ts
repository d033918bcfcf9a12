/**
 * Where a result's matched words stand in its text, for the popup to mark: a word is marked when
 * its English or German stem is one of the matched index terms, so "scheduled" is marked for a
 * search that matched "schedule".
 */
import { stem, stemGerman } from '../match/text';

export interface Segment {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The text cut into marked and unmarked segments, in order; joined they give the text back. */
export function highlight(text: string, matched: readonly string[]): Segment[] {
  if (matched.length === 0) return text ? [{ text, match: false }] : [];
  const keys = new Set(matched);
  const segments: Segment[] = [];
  let at = 0;
  const push = (part: string, match: boolean) => {
    if (!part) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match) last.text += part;
    else segments.push({ text: part, match });
  };
  for (const found of text.matchAll(WORD)) {
    const word = found[0].toLowerCase();
    const start = found.index ?? 0;
    if (keys.has(word) || keys.has(stem(word)) || keys.has(stemGerman(word))) {
      push(text.slice(at, start), false);
      push(found[0], true);
      at = start + found[0].length;
    }
  }
  push(text.slice(at), false);
  return segments;
}
