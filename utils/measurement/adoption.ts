/**
 * The adoption report for sponsors: the dashboard's figures for a period, set against the period
 * of the same length before it (and, when the reports carry audience groups, a group against
 * everyone else), and a few plain sentences that say what they mean. Pure: the views come in,
 * built by whichever source the dashboard reads (this browser, a file of reports, ClickHouse).
 *
 * A report is one browser's day and carries no identity, so people are counted per day: a tip's
 * "person-days" is the number of browser-days it was seen on, its busiest day the least number of
 * people it reached.
 */
import type { FlagReason } from '../delivery/reactions';
import type { MessageKey } from '../i18n';
import type { Counts } from './daily';
import type { DashboardView } from './dashboard';
import { DAY_MS } from './days';
import { type DashboardFilter, type Rates, rates } from './figures';
import { countChange, previousPeriod, rateChange } from './period';

/** Tips listed in the report's reach table, most seen first. */
export const REPORT_TIPS = 10;

/** The period of the same length that ends the day before `filter` starts, for the same tool and kind. */
export function previousFilter(filter: DashboardFilter): DashboardFilter {
  return { ...filter, ...previousPeriod(filter.from, filter.to) };
}

export type HeadlineKey = 'people' | 'impressions' | 'opens' | 'openRate' | 'helpfulRate' | 'gaps' | 'flags';

export interface Headline {
  key: HeadlineKey;
  /** null: nothing to measure it on (no impressions for a rate, no reports for people). */
  value: number | null;
  previous: number | null;
  /** Counts: relative change (0.25 = +25 %); rates: difference in points (0.05 = +5 points). */
  change: number | null;
  rate: boolean;
}

export interface TipReach {
  itemId: string;
  title: string | null;
  url: string | null;
  /** Impressions (this browser) or person-days it was seen on (reports). */
  saw: number;
  opened: number;
  openRate: number | null;
  /** Most people who saw it on one day (reports only). */
  busiestDay: number | null;
}

export interface GroupFigures {
  people: number | null;
  impressions: number;
  opens: number;
  rates: Rates;
}

/** A sentence: a message key and its values (numbers formatted by the page, `{ percent }` as a share). */
export interface Sentence {
  key: MessageKey;
  values: (string | number | { percent: number })[];
}

export interface AdoptionReport {
  filter: DashboardFilter;
  previous: DashboardFilter;
  /** Whether the figures count people (collected reports, ClickHouse) or one browser. */
  perPerson: boolean;
  headline: Headline[];
  /** The period's impressions and opens per day (the report's chart). */
  byDay: DashboardView['figures']['byDay'];
  tips: TipReach[];
  helpful: { helpful: number; notHelpful: number; rate: number | null };
  gaps: number;
  flags: { reason: FlagReason; count: number }[];
  /** The group set against everyone else in the period, when one was chosen and has figures. */
  group?: { name: string; group: GroupFigures; rest: GroupFigures };
  sentences: Sentence[];
}

export interface AdoptionInput {
  filter: DashboardFilter;
  current: DashboardView;
  previous: DashboardView;
  group?: { name: string; group: DashboardView; rest: DashboardView };
}

const sum = (counts: Counts, key: keyof Counts) => counts[key] ?? 0;

/** Person-days that reported (reports), or null for one browser's figures. */
function personDays(view: DashboardView): number | null {
  return view.people ? view.people.days.reduce((total, day) => total + day.reports, 0) : null;
}

/** Searches that found nothing: the count of `gap` events (the words stay in the browser). */
const gapsOf = (view: DashboardView) => sum(view.figures.totals, 'gap');
const flagsOf = (view: DashboardView) => view.flags.reduce((total, flag) => total + flag.count, 0);

function relative(value: number | null, previous: number | null): number | null {
  return value === null || previous === null ? null : countChange(value, previous).ratio;
}

function points(value: number | null, previous: number | null): number | null {
  return rateChange(value, previous)?.delta ?? null;
}

function headline(current: DashboardView, previous: DashboardView): Headline[] {
  const count = (key: HeadlineKey, of: (view: DashboardView) => number | null): Headline => {
    const value = of(current);
    const before = of(previous);
    return { key, value, previous: before, change: relative(value, before), rate: false };
  };
  const rate = (key: HeadlineKey, of: (view: DashboardView) => number | null): Headline => {
    const value = of(current);
    const before = of(previous);
    return { key, value, previous: before, change: points(value, before), rate: true };
  };
  const lines = [
    count('impressions', (view) => sum(view.figures.totals, 'impression')),
    count('opens', (view) => sum(view.figures.totals, 'open')),
    rate('openRate', (view) => view.figures.rates.openRate),
    rate('helpfulRate', (view) => view.figures.rates.helpfulRate),
    count('gaps', gapsOf),
    count('flags', flagsOf),
  ];
  return current.people ? [count('people', personDays), ...lines] : lines;
}

function tipsOf(view: DashboardView): TipReach[] {
  return view.figures.items
    .filter((item) => item.kind === 'tip' && sum(item.counts, 'impression') > 0)
    .map((item) => {
      const reach = view.reach?.[item.itemId];
      const saw = reach ? reach.saw : sum(item.counts, 'impression');
      const opened = reach ? reach.opened : sum(item.counts, 'open');
      const known = view.titles[item.itemId];
      return {
        itemId: item.itemId,
        title: known?.title ?? null,
        url: known?.url ?? null,
        saw,
        opened,
        openRate: saw ? Math.min(1, opened / saw) : null,
        busiestDay: reach?.busiestDay ?? null,
      };
    })
    .sort((a, b) => b.saw - a.saw || b.opened - a.opened || (a.itemId < b.itemId ? -1 : 1))
    .slice(0, REPORT_TIPS);
}

function groupFigures(view: DashboardView): GroupFigures {
  const totals = view.figures.totals;
  return {
    people: personDays(view),
    impressions: sum(totals, 'impression'),
    opens: sum(totals, 'open'),
    rates: rates(totals),
  };
}

/** The plain sentences: the best-reached tip, the open rate against the period before, votes, the group, gaps. */
function sentences(report: Omit<AdoptionReport, 'sentences'>): Sentence[] {
  const out: Sentence[] = [];
  const top = report.tips[0];
  if (top) {
    const name = top.title ?? top.itemId;
    out.push(
      report.perPerson
        ? {
            key: 'adoptionSayTipPeople',
            values: [name, top.saw, top.busiestDay ?? 0, { percent: top.openRate ?? 0 }],
          }
        : { key: 'adoptionSayTipViews', values: [name, top.saw, { percent: top.openRate ?? 0 }] },
    );
  }
  const open = report.headline.find((line) => line.key === 'openRate');
  if (open?.value !== null && open?.value !== undefined) {
    const change = open.change;
    if (change === null) out.push({ key: 'adoptionSayOpenRate', values: [{ percent: open.value }] });
    else if (Math.abs(change) < 0.005)
      out.push({ key: 'adoptionSayOpenRateSame', values: [{ percent: open.value }] });
    else
      out.push({
        key: change > 0 ? 'adoptionSayOpenRateUp' : 'adoptionSayOpenRateDown',
        values: [{ percent: open.value }, { percent: open.previous ?? 0 }],
      });
  }
  const { helpful, notHelpful, rate } = report.helpful;
  if (rate !== null)
    out.push({ key: 'adoptionSayHelpful', values: [{ percent: rate }, helpful + notHelpful] });
  const group = report.group;
  if (group && group.group.rates.openRate !== null && group.rest.rates.openRate !== null)
    out.push({
      key: 'adoptionSayGroup',
      values: [group.name, { percent: group.group.rates.openRate }, { percent: group.rest.rates.openRate }],
    });
  if (report.gaps > 0) out.push({ key: 'adoptionSayGaps', values: [report.gaps] });
  if (out.length === 0) out.push({ key: 'adoptionSayNothing', values: [] });
  return out;
}

export function buildAdoptionReport({ filter, current, previous, group }: AdoptionInput): AdoptionReport {
  const totals = current.figures.totals;
  const helpful = sum(totals, 'helpful');
  const notHelpful = sum(totals, 'not-helpful');
  const groupPart =
    group && (sum(group.group.figures.totals, 'impression') > 0 || (personDays(group.group) ?? 0) > 0)
      ? { name: group.name, group: groupFigures(group.group), rest: groupFigures(group.rest) }
      : undefined;
  const report: Omit<AdoptionReport, 'sentences'> = {
    filter,
    previous: previousFilter(filter),
    perPerson: current.people !== undefined,
    headline: headline(current, previous),
    byDay: current.figures.byDay,
    tips: tipsOf(current),
    helpful: { helpful, notHelpful, rate: rates(totals).helpfulRate },
    gaps: gapsOf(current),
    flags: current.flags,
    ...(groupPart ? { group: groupPart } : {}),
  };
  return { ...report, sentences: sentences(report) };
}

/** Days in a filter's period (for the report's heading). */
export const periodDays = (filter: DashboardFilter) =>
  Math.round((Date.parse(`${filter.to}T12:00:00Z`) - Date.parse(`${filter.from}T12:00:00Z`)) / DAY_MS) + 1;
