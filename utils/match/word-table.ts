/**
 * The distinct words of one index build, found by their characters: building an index reads a
 * catalog's text word by word, and a catalog repeats a few thousand words hundreds of thousands of
 * times. Looking each occurrence up in place, instead of cutting it out as a new string and hashing
 * that, leaves next to nothing for the garbage collector.
 *
 * - `scan(text, out)`: the entry numbers of the text's words in order, as `words(text)` reads them,
 *   appended to an `Entries` list.
 * - `word(entry)`: the word as written (lowercase); `stopLanguage(entry)`: 'en' / 'de' when it is a
 *   stop word of only that language (what `detectLanguage` counts).
 * - `ids[lang][entry]`: a number the caller keeps per word and language (`UNSEEN` until it does).
 */
import { type Language, stopWordLanguage, words } from './text';

export const UNSEEN = -2;

/**
 * A list of word entries that keeps its room when emptied (`length = 0`): a build empties and
 * refills one for every text it reads, and a JS list gives its room back each time.
 */
export class Entries {
  list = new Int32Array(256);
  length = 0;

  push(entry: number): void {
    if (this.length === this.list.length) {
      const list = new Int32Array(this.length * 2);
      list.set(this.list);
      this.list = list;
    }
    this.list[this.length++] = entry;
  }

  at(k: number): number {
    return this.list[k] as number;
  }
}

export class WordTable {
  private readonly words: string[] = [];
  /** Per entry: its FNV-1a hash (numbers out of small-integer range, so a typed array). */
  private hashes = new Int32Array(1 << 13);
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

  /**
   * Appends the entries of `text`'s words to `out` (lowercase letters and digits, in order), from
   * `from` on, and stops after `limit` words: returns where it stopped (a word's end, or the text's
   * end), to go on from there. Words with characters beyond ASCII are read by `words`, a run of
   * them at a time (so a stop may come a word or two after `limit`).
   */
  scan(text: string, out: Entries, from = 0, limit = Number.POSITIVE_INFINITY): number {
    let start = -1;
    let hash = 0;
    let count = 0;
    for (let i = from; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start < 0) {
          start = i;
          hash = FNV_OFFSET;
        }
        hash = Math.imul(hash ^ c, FNV_PRIME);
      } else if (c > 0x7f) {
        const before = out.length;
        const to = this.scanWide(text, out, start < 0 ? i : start);
        start = -1;
        count += out.length - before;
        if (count >= limit) return to;
        i = to - 1;
      } else if (start >= 0) {
        out.push(this.find(text, start, i, hash));
        start = -1;
        if (++count >= limit) return i;
      }
    }
    if (start >= 0) out.push(this.find(text, start, text.length, hash));
    return text.length;
  }

  /**
   * `scan` for the words from `from` up to the next ASCII character that is not a letter or digit
   * (always a word's end), which hold characters beyond ASCII: read by `words`. Returns that end.
   */
  private scanWide(text: string, out: Entries, from: number): number {
    let to = from;
    for (; to < text.length; to++) {
      let c = text.charCodeAt(to);
      if (c >= 65 && c <= 90) c += 32;
      if (c < 0x80 && !((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
    }
    for (const word of words(text.slice(from, to)))
      out.push(this.find(word, 0, word.length, hashOf(word, 0, word.length)));
    return to;
  }

  /** The entry of `text[start, end)` lowercased (ASCII), added when new. */
  private find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot);
      if (this.hashes[entry] !== hash) continue;
      const word = this.words[entry] as string;
      if (word.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        let c = text.charCodeAt(start + k);
        if (c >= 65 && c <= 90) c += 32;
        if (word.charCodeAt(k) !== c) {
          same = false;
          break;
        }
      }
      if (same) return entry;
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const entry = this.words.length;
    if (entry === this.hashes.length) {
      const hashes = new Int32Array(entry * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.words.push(word);
    this.hashes[entry] = hash;
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

/** FNV-1a's start and multiplier: the word table's hashes, and the typo dictionary's (build.ts). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

function hashOf(word: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}
