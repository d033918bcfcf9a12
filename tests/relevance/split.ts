/**
 * The one split of labelled screens and queries into a development half, on which constants are
 * tuned, and a held-out half, which is only reported. Decided by a hash of a fixed seed and the
 * item's id alone, so an entry never changes half when others are added, removed or reordered.
 */

export type Half = 'development' | 'held-out';

/** Fixed once; changing it would let the held-out half be seen while tuning. */
export const SPLIT_SEED = 'signpost-relevance-2026';

/**
 * FNV-1a over the text, then MurmurHash3's finaliser: FNV-1a's low bit alone is only the parity of
 * the odd character codes, so the bits are mixed before one is used.
 */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The half an id belongs to. */
export function halfOf(id: string, seed = SPLIT_SEED): Half {
  return hash32(`${seed}\u0000${id}`) % 2 === 0 ? 'development' : 'held-out';
}

/** Splits entries with ids into the two halves, keeping their order. */
export function split<T extends { id: string }>(entries: readonly T[], seed = SPLIT_SEED): Record<Half, T[]> {
  const halves: Record<Half, T[]> = { development: [], 'held-out': [] };
  for (const entry of entries) halves[halfOf(entry.id, seed)].push(entry);
  return halves;
}
