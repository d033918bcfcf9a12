/** Why an item is shown, in words a person can read. Keys are the locale messages' names. */

export type ReasonKey =
  | 'reasonTool'
  | 'reasonArea'
  | 'reasonPage'
  | 'reasonTerm'
  | 'reasonNewTip'
  | 'reasonEndorsed'
  | 'reasonHelpful'
  | 'reasonStale';

/** Turns a reason into words; the background passes the browser's translations. */
export type ReasonText = (key: ReasonKey, substitutions: string[]) => string;

export const ENGLISH_REASONS: Readonly<Record<ReasonKey, string>> = {
  reasonTool: 'for $1',
  reasonArea: 'for $1 $2 screens',
  reasonPage: 'made for this page',
  reasonTerm: "matches '$1'",
  reasonNewTip: 'new in $1',
  reasonEndorsed: 'recommended by a colleague',
  reasonHelpful: 'you found it helpful',
  reasonStale: 'may be out of date',
};

export const englishReason: ReasonText = (key, subs) =>
  ENGLISH_REASONS[key].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
