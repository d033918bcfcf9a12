/**
 * The compact form of the person's choices in `storage.sync`, within its quotas (Chrome and
 * Firefox: 8,192 bytes per item, 102,400 in all, 512 items). Each choice is one string
 * `<kind letter><seconds, base 36> <value> <id>` (ids may hold anything; they come last); the
 * strings go into chunks `ps0`, `ps1`, … of at most {@link CHUNK_BYTES}, newest first, and when the
 * total would pass {@link TOTAL_BYTES} the oldest are dropped and counted in the meta item `psm`.
 * Pure.
 */
import { CHOICE_KINDS, type Choice, type ChoiceKind } from './choices';

export const CHUNK_PREFIX = 'ps';
export const META_KEY = 'psm';
/** Bytes of one item (key + JSON of the value), under Chrome's QUOTA_BYTES_PER_ITEM (8,192). */
export const CHUNK_BYTES = 8_000;
/** Bytes of everything Signpost keeps in storage.sync, under QUOTA_BYTES (102,400). */
export const TOTAL_BYTES = 100_000;
export const ENCODING_VERSION = 1;

const LETTER: Record<ChoiceKind, string> = {
  vote: 'v',
  snooze: 's',
  dismiss: 'd',
  pause: 'p',
  endorse: 'e',
  follow: 'f',
};
const KIND_OF = new Map(CHOICE_KINDS.map((kind) => [LETTER[kind], kind]));

const VALUES: Record<ChoiceKind, RegExp> = {
  vote: /^(helpful|not-helpful|)$/,
  snooze: /^[0-9a-z]{0,12}$/,
  dismiss: /^1?$/,
  pause: /^1?$/,
  endorse: /^1?$/,
  follow: /^[01]?$/,
};
// Short codes for the two votes keep the common choice small.
const VOTE_CODE: Record<string, string> = { helpful: 'h', 'not-helpful': 'n', '': '' };
const VOTE_OF: Record<string, string> = { h: 'helpful', n: 'not-helpful', '': '' };

const bytes = (text: string): number => new TextEncoder().encode(text).length;

/** One choice as a string. */
export function encodeChoice(choice: Choice): string {
  const value = choice.kind === 'vote' ? (VOTE_CODE[choice.value] ?? '') : choice.value;
  return `${LETTER[choice.kind]}${Math.floor(choice.at / 1000).toString(36)} ${value} ${choice.id}`;
}

/** A string back to a choice; null for anything malformed (another version, a damaged item). */
export function decodeChoice(text: unknown): Choice | null {
  if (typeof text !== 'string') return null;
  const kind = KIND_OF.get(text[0] ?? '');
  const first = text.indexOf(' ');
  const second = text.indexOf(' ', first + 1);
  if (!kind || first < 2 || second < 0) return null;
  const seconds = Number.parseInt(text.slice(1, first), 36);
  let value = text.slice(first + 1, second);
  const id = text.slice(second + 1);
  if (kind === 'vote') value = VOTE_OF[value] ?? 'x';
  if (!Number.isSafeInteger(seconds) || seconds < 0 || !VALUES[kind].test(value) || !id || id.length > 2048)
    return null;
  return { kind, id, value, at: seconds * 1000 };
}

export interface Encoded {
  /** storage.sync items: `ps0`, `ps1`, … and `psm`. */
  items: Record<string, unknown>;
  /** Choices left out, oldest first, to stay within the quota. */
  dropped: number;
}

/** The choices as storage.sync items, newest first, within the per-item and total quotas. */
export function encodeChoices(
  choices: readonly Choice[],
  limits = { chunk: CHUNK_BYTES, total: TOTAL_BYTES },
): Encoded {
  const sorted = [...choices].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chunks: string[][] = [];
  let current: string[] = [];
  // '[]' and the key; each further string adds its JSON and a comma.
  const emptyChunk = (index: number) => bytes(`${CHUNK_PREFIX}${index}`) + 2;
  let currentBytes = emptyChunk(0);
  // Room for the meta item.
  let total = bytes(META_KEY) + 64;
  let dropped = 0;
  for (const choice of sorted) {
    const size = bytes(JSON.stringify(encodeChoice(choice))) + 1;
    if (size + emptyChunk(chunks.length) > limits.chunk) {
      dropped++; // a single choice larger than an item (an absurdly long id)
      continue;
    }
    if (currentBytes + size > limits.chunk) {
      chunks.push(current);
      total += currentBytes;
      current = [];
      currentBytes = emptyChunk(chunks.length);
    }
    if (total + currentBytes + size > limits.total) {
      dropped += 1;
      continue;
    }
    current.push(encodeChoice(choice));
    currentBytes += size;
  }
  if (current.length) chunks.push(current);
  const items: Record<string, unknown> = {};
  chunks.forEach((chunk, index) => {
    items[`${CHUNK_PREFIX}${index}`] = chunk;
  });
  items[META_KEY] = { v: ENCODING_VERSION, n: chunks.length, dropped };
  return { items, dropped };
}

/** storage.sync items back to choices; malformed strings and chunks of another version are skipped. */
export function decodeChoices(items: Record<string, unknown>): Choice[] {
  const meta = items[META_KEY] as { v?: unknown; n?: unknown } | undefined;
  if (!meta || meta.v !== ENCODING_VERSION || typeof meta.n !== 'number') return [];
  const out: Choice[] = [];
  for (let index = 0; index < Math.min(meta.n, 512); index++) {
    const chunk = items[`${CHUNK_PREFIX}${index}`];
    if (!Array.isArray(chunk)) continue;
    for (const text of chunk) {
      const choice = decodeChoice(text);
      if (choice) out.push(choice);
    }
  }
  return out;
}

/** The keys Signpost's choices may occupy in storage.sync (to read them, or to clear stale chunks). */
export function syncKeys(chunks = 13): string[] {
  return [META_KEY, ...Array.from({ length: chunks }, (_, index) => `${CHUNK_PREFIX}${index}`)];
}
