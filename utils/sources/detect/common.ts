/** What detection finds, and the words every refusal ends with. */
import type { SourceType } from '../../model';

export type DetectEvidence =
  | { kind: 'url'; hint: string }
  | { kind: 'generator'; product: string }
  | { kind: 'feed'; format: string }
  | { kind: 'feed-link'; format: string }
  /** `atLeast`: the catalog is longer than what was read, and `items` counts the part read. */
  | { kind: 'catalog'; items: number; atLeast?: true }
  | { kind: 'api'; product: string };

export interface Detection {
  type: SourceType;
  /** The address to configure: the one pasted, or the root its adapter wants. */
  url: string;
  evidence: DetectEvidence;
}

/** Enough for any page's <head>, a feed's first items and an API answer. */
export const LOOK_AT = 512 * 1024;

/** What every refusal ends with: what to paste instead. */
export const PASTE =
  'paste the address of an RSS or Atom feed, a Signpost catalog, or a wiki, forum or help center';
