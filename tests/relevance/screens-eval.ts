/**
 * Scoring page matching on labelled screens: Signpost's ranker (with any ranker figures, for
 * tuning) and a plain field-weighted BM25 with no tuning, the anchor every change is compared to.
 */
import { BM25F_DEFAULTS, scoreBm25f, topOf } from '@/utils/match/bm25';
import { type MatchIndex, termId } from '@/utils/match/build';
import { type RankerParams, rank } from '@/utils/match/index';
import { areaText } from '@/utils/match/terms';
import { analyze } from '@/utils/match/text';
import type { PageContext } from '@/utils/model';
import type { Screen, ScreenKind } from './load';
import type { Half } from './split';

/** The moment screens are judged at: every tip in the sets has started, none has ended. */
export const SCREENS_NOW = Date.parse('2026-12-01T10:00:00Z');
/** Ranks looked at for MRR. */
const DEPTH = 10;

/** What an engine offers on a screen, best first. */
export type Engine = (context: PageContext) => string[];

export interface Outcome {
  id: string;
  kind: ScreenKind;
  half: Half;
  expect: string[];
  offered: string[];
}

export interface Figures {
  screens: number;
  specific: number;
  quiet: number;
  overview: number;
  /** Specific screens: the first item offered is acceptable. */
  top1: number;
  /** Specific screens: mean of 1 / rank of the first acceptable item (0 beyond rank 10). */
  mrr: number;
  /** Specific screens: an acceptable item among the first three. */
  recall3: number;
  /** Quiet screens: nothing offered. */
  quietRight: number;
  /** Overview screens: the first item offered is an acceptable tip (nothing, when none is). */
  overviewRight: number;
  /** Screens with an offer whose first item is acceptable (quiet screens with one count wrong). */
  offeredPrecision: number;
}

export function signpostEngine(index: MatchIndex, params: RankerParams): Engine {
  return (context) => rank(index, context, { now: SCREENS_NOW, limit: DEPTH }, params).map((m) => m.item.id);
}

/**
 * Plain BM25F with textbook figures: every word of the page (area, title, headings, labels) once,
 * English stems, over the page's tool's items; always its best three. No gate, no targeting.
 */
export function baselineEngine(index: MatchIndex): Engine {
  return (context) => {
    const bucket = context.tool ? index.byTool.get(context.tool) : undefined;
    if (!bucket) return [];
    const text = [areaText(context.area), context.title, ...context.headings, ...context.keywords].join(' ');
    const terms = new Map<number, number>();
    for (const { key } of analyze(text)) {
      const t = termId(bucket, key);
      if (t !== undefined) terms.set(t, 1);
    }
    const scored = scoreBm25f(
      index,
      bucket,
      [...terms].map(([term, weight]) => ({ term, weight })),
      BM25F_DEFAULTS,
    );
    return topOf(scored, DEPTH).map((j) => index.items[scored.ordinals[j] as number]?.id ?? '');
  };
}

export function run(engine: Engine, screens: Screen[]): Outcome[] {
  return screens.map(({ id, kind, half, expect, context }) => ({
    id,
    kind,
    half,
    expect,
    offered: engine(context),
  }));
}

function ratio(n: number, d: number): number {
  return d ? n / d : 0;
}

export function figures(outcomes: Outcome[]): Figures {
  const specific = outcomes.filter((o) => o.kind === 'specific');
  const quiet = outcomes.filter((o) => o.kind === 'quiet');
  const overview = outcomes.filter((o) => o.kind === 'overview');
  const first = (o: Outcome) => o.offered[0];
  const right = (o: Outcome) => o.expect.includes(first(o) ?? '');
  const rankOf = (o: Outcome) => o.offered.slice(0, DEPTH).findIndex((id) => o.expect.includes(id)) + 1;
  const offered = outcomes.filter((o) => o.offered.length > 0);
  const overviewRight = (o: Outcome) => (o.expect.length ? right(o) : o.offered.length === 0);
  return {
    screens: outcomes.length,
    specific: specific.length,
    quiet: quiet.length,
    overview: overview.length,
    top1: ratio(specific.filter(right).length, specific.length),
    mrr: ratio(
      specific.reduce((sum, o) => sum + (rankOf(o) ? 1 / rankOf(o) : 0), 0),
      specific.length,
    ),
    recall3: ratio(
      specific.filter((o) => o.offered.slice(0, 3).some((id) => o.expect.includes(id))).length,
      specific.length,
    ),
    quietRight: ratio(quiet.filter((o) => o.offered.length === 0).length, quiet.length),
    overviewRight: ratio(overview.filter(overviewRight).length, overview.length),
    offeredPrecision: ratio(offered.filter(right).length, offered.length),
  };
}

/** A development screen the engine got wrong, in one line (never called for held-out screens). */
export function describeMiss(o: Outcome): string | null {
  if (o.half !== 'development') throw new Error('held-out misses are not shown');
  const ok =
    o.kind === 'quiet'
      ? o.offered.length === 0
      : o.expect.length
        ? o.expect.includes(o.offered[0] ?? '')
        : o.offered.length === 0;
  if (ok) return null;
  const short = (id: string) => id.replace(/^[^:]*:/, '');
  return `${o.kind} ${o.id}: expected [${o.expect.map(short).join(', ')}], got [${o.offered.slice(0, 3).map(short).join(', ')}]`;
}
