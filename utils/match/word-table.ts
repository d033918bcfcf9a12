/**
 * The distinct words of one index build, found by their characters: building an index reads a
 * catalog's text word by word, and a catalog repeats a few thousand words hundreds of thousands of
 * times. Looking each occurrence up in place, instead of cutting it out as a new string and hashing
 * that, leaves next to nothing for the garbage collector.
 *
 * - `scan(text, out)`: the entry numbers of the text's words in order, as `words(text)` reads them.
 * - `word(entry)`: the word as written (lowercase); `stopLanguage(entry)`: 'en' / 'de' when it is a
 *   stop word of only that language (what `detectLanguage` counts).
 * - `ids[lang][entry]`: a number the caller keeps per word and language (`UNSEEN` until it does).
 */
import { type Language, NON_ASCII, stopWordLanguage, words } from './text';

export const UNSEEN = -2;

export class WordTable {
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private readonly stops: (Language | undefined | null)[] = [];
  readonly ids: Record<Language, number[]> = { en: [], de: [] };
  /** Entry + 1 per slot; 0: empty. */
  private slots = new Int32Array(1 << 14);

  word(entry: number): string {
    return this.words[entry] as string;
  }

  stopLanguage(entry: number): Language | undefined {
    let language = this.stops[entry];
    if (language === null) {
      language = stopWordLanguage(this.words[entry] as string);
      this.stops[entry] = language;
    }
    return language;
  }

  /** Appends the entries of `text`'s words to `out` (lowercase letters and digits, in order). */
  scan(text: string, out: number[]): void {
    const lower = text.toLowerCase();
    if (NON_ASCII.test(lower)) {
      for (const word of words(lower))
        out.push(this.find(word, 0, word.length, hashOf(word, 0, word.length)));
      return;
    }
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= lower.length; i++) {
      const c = i < lower.length ? lower.charCodeAt(i) : 0;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ c, FNV_PRIME);
      } else if (start >= 0) {
        out.push(this.find(lower, start, i, hash));
        start = -1;
      }
    }
  }

  private find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) return this.add(text.slice(start, end), hash, slot);
      if (this.hashes[entry] !== hash) continue;
      const word = this.words[entry] as string;
      if (word.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (word.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return entry;
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const entry = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.stops.push(null);
    this.ids.en.push(UNSEEN);
    this.ids.de.push(UNSEEN);
    this.slots[slot] = entry + 1;
    if (this.words.length * 2 > this.slots.length) this.grow();
    return entry;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.words.length; entry++) {
      let slot = (this.hashes[entry] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashOf(word: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}
