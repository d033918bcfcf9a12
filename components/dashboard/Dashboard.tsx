/**
 * The admin's measurement dashboard: how often tips and articles were offered, opened and rated
 * in this browser, per day, tool and item, and what people searched for without a result.
 *
 *   controls (period, tool, kind) ──load(filter)──► DashboardView ──► cards, charts, tables
 *
 * The previous figures stay on screen while new ones load; an answer that arrives after a newer
 * request is dropped. Props in, nothing else: the options page wires `load` and `exportCsv` to the
 * background.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { REASON_KEYS } from '@/components/popup/Champion';
import { useT } from '@/components/shared/i18n';
import type { DashboardView } from '@/utils/dashboard';
import { type Counts, shiftDay } from '@/utils/events';
import type { ItemKind } from '@/utils/model';
import { FLAG_REASONS } from '@/utils/reactions';
import { BarChart, HorizontalBarChart } from './charts';

export interface DashboardFilterState {
  from: string;
  to: string;
  tool?: string;
  kind?: ItemKind;
}

export interface DashboardProps {
  /** The figures for a range of local days (YYYY-MM-DD, both included), a tool, a kind. */
  load: (filter: DashboardFilterState) => Promise<DashboardView>;
  /** Downloads a CSV: 'daily' = the daily aggregates of the range; 'events' = the raw event log of the last 30 days. */
  exportCsv: (what: 'daily' | 'events', filter: DashboardFilterState) => Promise<void>;
  /** A tool's display name from its id ('' = no tool). */
  toolName: (id: string) => string;
  /** Today's local day, YYYY-MM-DD. */
  today: string;
  /** BCP 47 locale for numbers and dates (navigator.language). */
  locale: string;
  /**
   * The same figures from a file of daily reports the organisation's endpoint collected (every
   * browser's); absent: the dashboard offers this browser's figures only.
   */
  fromReports?: (text: string, filter: DashboardFilterState) => Promise<DashboardView>;
}

export const RANGES = [7, 30, 90, 365] as const;
export type RangeDays = (typeof RANGES)[number];

const RANGE_KEYS = {
  7: 'dashRange7',
  30: 'dashRange30',
  90: 'dashRange90',
  365: 'dashRange365',
} as const;

/** How the per-day chart groups its bars: one bar per day up to a month, then per week, then per month. */
export type Grouping = 'day' | 'week' | 'month';

export function groupingFor(days: number): Grouping {
  return days <= 31 ? 'day' : days <= 120 ? 'week' : 'month';
}

export interface Bucket {
  /** First day of the bucket: the day, the ISO week's Monday, or the month's first day. */
  start: string;
  impressions: number;
  opens: number;
}

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** The days' impressions and opens summed per day, ISO week (Monday first) or calendar month. */
export function groupDays(byDay: readonly { day: string; counts: Counts }[], grouping: Grouping): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const { day, counts } of byDay) {
    const start =
      grouping === 'day'
        ? day
        : grouping === 'week'
          ? shiftDay(day, -((noon(day).getUTCDay() + 6) % 7))
          : `${day.slice(0, 7)}-01`;
    const bucket = buckets.get(start) ?? { start, impressions: 0, opens: 0 };
    bucket.impressions += counts.impression ?? 0;
    bucket.opens += counts.open ?? 0;
    buckets.set(start, bucket);
  }
  return [...buckets.values()];
}

/** A link target only for web addresses: a `javascript:` or `data:` URL from a source stays text. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const dismissals = (counts: Counts) => (counts.dismiss ?? 0) + (counts['announce-dismissed'] ?? 0);
const hasEvents = (counts: Counts) => Object.values(counts).some((count) => (count ?? 0) > 0);

/** Intl formatters for the locale, falling back to the runtime's own when it is not a valid tag. */
function formatters(locale: string) {
  let tag: string | undefined = locale;
  try {
    new Intl.NumberFormat(tag);
  } catch {
    tag = undefined;
  }
  const date = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, options);
  const number = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const megabytes = new Intl.NumberFormat(tag, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
  const longDay = date({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortDay = date({ day: 'numeric', month: 'short', timeZone: 'UTC' });
  const longMonth = date({ month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortMonth = date({ month: 'short', year: '2-digit', timeZone: 'UTC' });
  const moment = date({ dateStyle: 'medium' });
  const list = new Intl.ListFormat(tag, { type: 'unit' });
  return {
    number: (value: number) => number.format(value),
    percent: (value: number) => percent.format(value),
    megabytes: (bytes: number) => megabytes.format(bytes / 1_000_000),
    longDay: (day: string) => longDay.format(noon(day)),
    shortDay: (day: string) => shortDay.format(noon(day)),
    longMonth: (day: string) => longMonth.format(noon(day)),
    shortMonth: (day: string) => shortMonth.format(noon(day)),
    moment: (ms: number) => moment.format(new Date(ms)),
    list: (items: string[]) => list.format(items),
  };
}

type Formatters = ReturnType<typeof formatters>;

/** The dashboard: period, tool and kind at the top, then the figures for them. */
export function Dashboard({ load, exportCsv, toolName, today, locale, fromReports }: DashboardProps) {
  const t = useT();
  const f = useMemo(() => formatters(locale), [locale]);
  const [range, setRange] = useState<RangeDays>(7);
  const [tool, setTool] = useState('');
  const [kind, setKind] = useState<ItemKind | ''>('');
  const [view, setView] = useState<DashboardView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  // In a ref: a parent that passes a new `load` on each render must not make the figures reload.
  /** A file of collected reports, when the admin chose one: the figures come from it. */
  const [reports, setReports] = useState<{ name: string; text: string } | null>(null);
  const [useReports, setUseReports] = useState(false);
  const loader = useRef(load);
  loader.current = load;
  const reportLoader = useRef(fromReports);
  reportLoader.current = fromReports;
  const request = useRef(0);

  const from = shiftDay(today, -(range - 1));
  const filter = useMemo<DashboardFilterState>(
    () => ({ from, to: today, ...(tool ? { tool } : {}), ...(kind ? { kind } : {}) }),
    [from, today, tool, kind],
  );

  useEffect(() => {
    const id = ++request.current;
    setLoading(true);
    const fromFile = useReports && reports && reportLoader.current;
    (fromFile ? fromFile(reports.text, filter) : loader.current(filter)).then(
      (next) => {
        if (id !== request.current) return;
        setView(next);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (id !== request.current) return;
        setError(reason instanceof Error ? reason.message : String(reason));
        setLoading(false);
      },
    );
  }, [filter, reports, useReports]);

  const download = (what: 'daily' | 'events') =>
    exportCsv(what, filter).then(
      () => setExportError(null),
      (reason: unknown) => setExportError(reason instanceof Error ? reason.message : String(reason)),
    );

  // The tool chosen stays in the list even when the new period has no events for it.
  const tools = [...new Set([...(view?.tools ?? []), ...(tool ? [tool] : [])])].sort();
  const figures = view?.figures;
  const empty = figures !== undefined && !hasEvents(figures.totals);
  const shown = figures?.filter ?? filter;

  return (
    <section aria-labelledby="sp-dash-title" class="sp-dash">
      <h2 id="sp-dash-title">{t('dashTitle')}</h2>
      <p>{t('dashIntro')}</p>

      <form
        class="sp-dash-controls"
        aria-labelledby="sp-dash-controls-title"
        onSubmit={(event) => event.preventDefault()}
      >
        <h3 id="sp-dash-controls-title">{t('dashControls')}</h3>
        <div class="sp-dash-fields">
          <label>
            {t('dashRange')}
            <select
              id="sp-dash-range"
              value={String(range)}
              onChange={(event) => setRange(Number(event.currentTarget.value) as RangeDays)}
            >
              {RANGES.map((days) => (
                <option key={days} value={String(days)}>
                  {t(RANGE_KEYS[days])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dashTool')}
            <select id="sp-dash-tool" value={tool} onChange={(event) => setTool(event.currentTarget.value)}>
              <option value="">{t('dashToolAll')}</option>
              {tools.map((id) => (
                <option key={id} value={id}>
                  {toolName(id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dashKind')}
            <select
              id="sp-dash-kind"
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as ItemKind | '')}
            >
              <option value="">{t('dashKindAll')}</option>
              <option value="tip">{t('dashKindTip')}</option>
              <option value="article">{t('dashKindArticle')}</option>
            </select>
          </label>
        </div>
        {fromReports && (
          <fieldset class="sp-dash-source">
            <legend>{t('dashSource')}</legend>
            <label class="sp-inline">
              <input
                type="radio"
                name="sp-dash-source"
                checked={!useReports}
                onChange={() => setUseReports(false)}
              />{' '}
              {t('dashSourceLocal')}
            </label>
            <label class="sp-inline">
              <input
                type="radio"
                name="sp-dash-source"
                checked={useReports}
                onChange={() => setUseReports(true)}
              />{' '}
              {t('dashSourceReports')}
            </label>
            {useReports && (
              <label>
                {t('dashReportsFile')}
                <input
                  type="file"
                  accept=".json,.ndjson,.jsonl,application/json"
                  onChange={(event) => {
                    const file = event.currentTarget.files?.[0];
                    if (!file) return;
                    file.text().then(
                      (text) => setReports({ name: file.name, text }),
                      (reason: unknown) => setError(String(reason)),
                    );
                  }}
                />
              </label>
            )}
            {useReports && reports && <p class="sp-dash-small">{t('dashReportsFrom', reports.name)}</p>}
          </fieldset>
        )}
        <p class="sp-dash-small">{t('dashShowing', [f.longDay(filter.from), f.longDay(filter.to)])}</p>
      </form>

      <p role="status" class="sp-dash-status">
        {loading ? t('dashLoading') : ''}
      </p>
      {error && (
        <p role="alert" class="sp-error">
          {t('dashLoadError', error)}
        </p>
      )}
      {view?.storage.problem && (
        <p role="alert" class="sp-error">
          {t('dashStorageProblem', view.storage.problem.message)}
        </p>
      )}

      {view && figures && (
        <div class="sp-dash-body" aria-busy={loading}>
          {empty ? (
            <section aria-labelledby="sp-dash-empty" class="sp-dash-empty">
              <h3 id="sp-dash-empty">{t('dashEmptyTitle')}</h3>
              <p>{t('dashEmpty')}</p>
              <p>{t('dashEmptyLocal')}</p>
            </section>
          ) : (
            <>
              {view.people && <People people={view.people} f={f} />}
              <Cards counts={figures.totals} rates={figures.rates} f={f} />
              <PerDay byDay={figures.byDay} from={shown.from} to={shown.to} f={f} />
              <PerTool view={view} toolName={toolName} f={f} />
              <TopItems view={view} f={f} />
              <NeverOpened view={view} f={f} />
            </>
          )}
          {(!empty || view.gaps.length > 0) && <Gaps view={view} f={f} />}
          {(!empty || view.flags.length > 0 || view.endorsements > 0) && (
            <Flags view={view} from={shown.from} to={shown.to} f={f} />
          )}
        </div>
      )}

      <section aria-labelledby="sp-dash-exports">
        <h3 id="sp-dash-exports">{t('dashExports')}</h3>
        <p>{t('dashExportHelp')}</p>
        <div class="sp-actions">
          <button type="button" onClick={() => void download('daily')}>
            {t('dashExportDaily')}
          </button>
          <button type="button" onClick={() => void download('events')}>
            {t('dashExportEvents')}
          </button>
        </div>
        {exportError && (
          <p role="alert" class="sp-error">
            {t('dashExportError', exportError)}
          </p>
        )}
        {view?.storage.usage !== undefined && (
          <p class="sp-dash-small">
            {view.storage.quota !== undefined
              ? t('dashStorageUsage', [f.megabytes(view.storage.usage), f.megabytes(view.storage.quota)])
              : t('dashStorageUsageOnly', f.megabytes(view.storage.usage))}
          </p>
        )}
      </section>
    </section>
  );
}

/** A column of a data table: its label, and whether it holds text (left-aligned) rather than numbers. */
type Column = string | { label: string; text: true };

interface TableRow {
  key: string;
  /** The row's header cell (the first column). */
  header: ComponentChildren;
  cells: ComponentChildren[];
  /** data-* attributes for the row. */
  data?: Record<`data-${string}`, string>;
}

/** A table with a caption (visually hidden unless `visibleCaption`), column headers and row headers. */
function DataTable({
  caption,
  visibleCaption = false,
  columns,
  rows,
}: {
  caption: string;
  visibleCaption?: boolean;
  columns: Column[];
  rows: TableRow[];
}) {
  const isText = (column: Column | undefined) => typeof column === 'object';
  return (
    <table class="sp-dash-table">
      <caption class={visibleCaption ? undefined : 'sp-dash-hidden'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th
              key={typeof column === 'string' ? column : column.label}
              scope="col"
              class={isText(column) ? 'sp-dash-text' : undefined}
            >
              {typeof column === 'string' ? column : column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} {...row.data}>
            <th scope="row">{row.header}</th>
            {row.cells.map((cell, index) => (
              // Cells are positional: the column is their identity.
              <td key={index} class={isText(columns[index + 1]) ? 'sp-dash-text' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Headline figures as a description list: one card per [id, term, value]. */
function CardList({ cards }: { cards: readonly (readonly [string, string, ComponentChildren])[] }) {
  return (
    <dl class="sp-dash-cards">
      {cards.map(([id, term, value]) => (
        <div key={id} class="sp-dash-card" data-card={id}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * From collected reports: how many people reported, saw a tip and opened one. A report is one
 * browser's day and carries no identifier, so a week's distinct people cannot be counted: the
 * busiest day is the least there were, the person-days the most.
 */
function People({ people, f }: { people: NonNullable<DashboardView['people']>; f: Formatters }) {
  const t = useT();
  const most = (key: 'reports' | 'sawTip' | 'openedTip') =>
    people.days.reduce((best, day) => Math.max(best, day[key]), 0);
  const sum = (key: 'reports' | 'sawTip' | 'openedTip') =>
    people.days.reduce((total, day) => total + day[key], 0);
  const cards = [
    ['people-reports', t('dashPeopleReports'), f.number(people.reports)],
    ['people-busiest', t('dashPeopleBusiest'), f.number(most('reports'))],
    [
      'people-saw-tip',
      t('dashPeopleSawTip'),
      t('dashPeopleDays', [f.number(most('sawTip')), f.number(sum('sawTip'))]),
    ],
    [
      'people-opened-tip',
      t('dashPeopleOpenedTip'),
      t('dashPeopleDays', [f.number(most('openedTip')), f.number(sum('openedTip'))]),
    ],
  ] as const;
  return (
    <section aria-labelledby="sp-dash-people">
      <h3 id="sp-dash-people">{t('dashPeople')}</h3>
      <CardList cards={cards} />
      <p class="sp-dash-small">{t('dashPeopleHelp')}</p>
      {people.skipped > 0 && <p class="sp-dash-small">{t('dashPeopleSkipped', f.number(people.skipped))}</p>}
      <DataTable
        caption={t('dashPeopleCaption')}
        columns={[
          t('dashDay'),
          t('dashPeopleReports'),
          t('dashPeopleSawTipColumn'),
          t('dashPeopleOpenedTipColumn'),
        ]}
        rows={people.days.map((day) => ({
          key: day.day,
          header: f.longDay(day.day),
          cells: [f.number(day.reports), f.number(day.sawTip), f.number(day.openedTip)],
        }))}
      />
    </section>
  );
}

/** A rate as a percentage, or a dash (read out as "no data") when there is nothing to divide by. */
function Rate({ value, f }: { value: number | null; f: Formatters }) {
  const t = useT();
  if (value !== null) return <>{f.percent(value)}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="sp-dash-hidden">{t('dashNoData')}</span>
    </>
  );
}

function Cards({
  counts,
  rates,
  f,
}: {
  counts: Counts;
  rates: { openRate: number | null; helpfulRate: number | null };
  f: Formatters;
}) {
  const t = useT();
  const n = (value: number | undefined) => f.number(value ?? 0);
  const cards = [
    ['impressions', t('dashImpressions'), n(counts.impression)],
    ['panel', t('dashPanelViews'), n(counts.panel)],
    ['opens', t('dashOpens'), n(counts.open)],
    ['open-rate', t('dashOpenRate'), <Rate key="r" value={rates.openRate} f={f} />],
    ['helpful-rate', t('dashHelpfulRate'), <Rate key="r" value={rates.helpfulRate} f={f} />],
    ['helpful', t('dashHelpful'), n(counts.helpful)],
    ['not-helpful', t('dashNotHelpful'), n(counts['not-helpful'])],
    ['snoozes', t('dashSnoozes'), n(counts.snooze)],
    ['dismissals', t('dashDismissals'), n(dismissals(counts))],
    ['pauses', t('dashPauses'), n(counts.pause)],
    ['announcements', t('dashAnnouncements'), n(counts.announce)],
    ['gaps', t('dashGaps'), n(counts.gap)],
  ] as const;
  return (
    <section aria-labelledby="sp-dash-cards">
      <h3 id="sp-dash-cards">{t('dashCards')}</h3>
      <CardList cards={cards} />
      <p class="sp-dash-small">{t('dashCardsHelp')}</p>
    </section>
  );
}

function PerDay({
  byDay,
  from,
  to,
  f,
}: {
  byDay: readonly { day: string; counts: Counts }[];
  from: string;
  to: string;
  f: Formatters;
}) {
  const t = useT();
  const grouping = groupingFor(byDay.length);
  const buckets = groupDays(byDay, grouping);
  const range = [f.longDay(from), f.longDay(to)];
  const tick = grouping === 'month' ? f.shortMonth : f.shortDay;
  const name = (start: string) =>
    grouping === 'day'
      ? f.longDay(start)
      : grouping === 'week'
        ? t('dashWeekOf', f.longDay(start))
        : f.longMonth(start);
  const peak = buckets.reduce<Bucket | null>(
    (best, bucket) => (bucket.impressions > (best?.impressions ?? 0) ? bucket : best),
    null,
  );
  const peakText = !peak
    ? t('dashChartNoPeak')
    : grouping === 'day'
      ? t('dashChartPeakDay', [f.number(peak.impressions), f.longDay(peak.start)])
      : grouping === 'week'
        ? t('dashChartPeakWeek', [f.number(peak.impressions), f.longDay(peak.start)])
        : t('dashChartPeakMonth', [f.number(peak.impressions), f.longMonth(peak.start)]);
  const total = (key: 'impressions' | 'opens') => buckets.reduce((sum, bucket) => sum + bucket[key], 0);
  const caption =
    grouping === 'day'
      ? t('dashChartDays', range)
      : grouping === 'week'
        ? t('dashChartWeeks', range)
        : t('dashChartMonths', range);
  const periodColumn =
    grouping === 'day' ? t('dashDay') : grouping === 'week' ? t('dashWeek') : t('dashMonth');
  return (
    <section aria-labelledby="sp-dash-per-day">
      <h3 id="sp-dash-per-day">{t('dashPerDay')}</h3>
      <figure class="sp-dash-figure">
        <BarChart
          id="sp-dash-chart-days"
          label={t('dashChartLabel', [
            ...range,
            peakText,
            f.number(total('impressions')),
            f.number(total('opens')),
          ])}
          categories={buckets.map((bucket) => tick(bucket.start))}
          series={[
            { name: t('dashImpressions'), values: buckets.map((bucket) => bucket.impressions) },
            { name: t('dashOpens'), values: buckets.map((bucket) => bucket.opens) },
          ]}
          format={f.number}
        />
        <figcaption>{caption}</figcaption>
      </figure>
      <details>
        <summary>{t('dashShowTable')}</summary>
        <DataTable
          caption={t('dashTableByTime', range)}
          visibleCaption
          columns={[periodColumn, t('dashImpressions'), t('dashOpens')]}
          rows={buckets.map((bucket) => ({
            key: bucket.start,
            header: name(bucket.start),
            cells: [f.number(bucket.impressions), f.number(bucket.opens)],
          }))}
        />
      </details>
    </section>
  );
}

function PerTool({
  view,
  toolName,
  f,
}: {
  view: DashboardView;
  toolName: (id: string) => string;
  f: Formatters;
}) {
  const t = useT();
  const rows = view.figures.byTool;
  return (
    <section aria-labelledby="sp-dash-per-tool">
      <h3 id="sp-dash-per-tool">{t('dashByTool')}</h3>
      {rows.length === 0 ? (
        <p>{t('dashByToolNone')}</p>
      ) : (
        <DataTable
          caption={t('dashByToolCaption')}
          columns={[
            t('dashTool'),
            t('dashImpressions'),
            t('dashOpens'),
            t('dashOpenRate'),
            t('dashHelpful'),
            t('dashNotHelpful'),
            t('dashHelpfulRate'),
            t('dashSnoozes'),
            t('dashDismissals'),
          ]}
          rows={rows.map((row) => ({
            key: row.tool,
            data: { 'data-tool': row.tool },
            header: toolName(row.tool),
            cells: [
              f.number(row.counts.impression ?? 0),
              f.number(row.counts.open ?? 0),
              <Rate key="open-rate" value={row.rates.openRate} f={f} />,
              f.number(row.counts.helpful ?? 0),
              f.number(row.counts['not-helpful'] ?? 0),
              <Rate key="helpful-rate" value={row.rates.helpfulRate} f={f} />,
              f.number(row.counts.snooze ?? 0),
              f.number(dismissals(row.counts)),
            ],
          }))}
        />
      )}
    </section>
  );
}

/** An item's title, linked when its address is a web address; its id when the title is unknown. */
function ItemTitle({ view, itemId }: { view: DashboardView; itemId: string }) {
  const known = view.titles[itemId];
  if (!known) return <span class="sp-dash-id">{itemId}</span>;
  const href = safeHref(known.url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {known.title}
    </a>
  ) : (
    <span>{known.title}</span>
  );
}

function KindText({ kind }: { kind: ItemKind | undefined }) {
  const t = useT();
  if (kind === 'tip') return <>{t('kindTip')}</>;
  if (kind === 'article') return <>{t('kindArticle')}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="sp-dash-hidden">{t('dashNoData')}</span>
    </>
  );
}

const TOP_ITEMS = 20;

function TopItems({ view, f }: { view: DashboardView; f: Formatters }) {
  const t = useT();
  const items = view.figures.items.slice(0, TOP_ITEMS);
  return (
    <section aria-labelledby="sp-dash-items">
      <h3 id="sp-dash-items">{t('dashItems')}</h3>
      {items.length === 0 ? (
        <p>{t('dashItemsNone')}</p>
      ) : (
        <DataTable
          caption={t('dashItemsCaption')}
          columns={[
            t('dashItemColumn'),
            { label: t('dashKind'), text: true },
            t('dashImpressions'),
            t('dashOpens'),
            t('dashOpenRate'),
            t('dashHelpfulRate'),
          ]}
          rows={items.map((item) => ({
            key: item.itemId,
            data: { 'data-item-id': item.itemId },
            header: <ItemTitle view={view} itemId={item.itemId} />,
            cells: [
              <KindText key="kind" kind={item.kind} />,
              f.number(item.counts.impression ?? 0),
              f.number(item.counts.open ?? 0),
              <Rate key="open-rate" value={item.rates.openRate} f={f} />,
              <Rate key="helpful-rate" value={item.rates.helpfulRate} f={f} />,
            ],
          }))}
        />
      )}
    </section>
  );
}

function NeverOpened({ view, f }: { view: DashboardView; f: Formatters }) {
  const t = useT();
  const items = view.figures.neverOpened;
  return (
    <section aria-labelledby="sp-dash-never-opened">
      <h3 id="sp-dash-never-opened">{t('dashNeverOpened')}</h3>
      <p>{t('dashNeverOpenedHelp')}</p>
      {items.length === 0 ? (
        <p class="sp-dash-none">{t('dashNeverOpenedNone')}</p>
      ) : (
        <DataTable
          caption={t('dashNeverOpenedCaption')}
          columns={[t('dashItemColumn'), { label: t('dashKind'), text: true }, t('dashImpressions')]}
          rows={items.map((item) => ({
            key: item.itemId,
            data: { 'data-item-id': item.itemId },
            header: <ItemTitle view={view} itemId={item.itemId} />,
            cells: [<KindText key="kind" kind={item.kind} />, f.number(item.counts.impression ?? 0)],
          }))}
        />
      )}
    </section>
  );
}

function Gaps({ view, f }: { view: DashboardView; f: Formatters }) {
  const t = useT();
  return (
    <section aria-labelledby="sp-dash-gaps">
      <h3 id="sp-dash-gaps">{t('dashGaps')}</h3>
      <p>{t('dashGapsHelp')}</p>
      {view.gaps.length === 0 ? (
        <p class="sp-dash-none">{t('dashGapsNone')}</p>
      ) : (
        <DataTable
          caption={t('dashGapsCaption')}
          columns={[t('dashGapQuery'), t('dashGapCount'), t('dashGapLast')]}
          rows={view.gaps.map((gap) => ({
            key: gap.query,
            header: gap.query,
            cells: [f.number(gap.count), f.moment(gap.lastAt)],
          }))}
        />
      )}
    </section>
  );
}

function Flags({ view, from, to, f }: { view: DashboardView; from: string; to: string; f: Formatters }) {
  const t = useT();
  const counts = new Map(view.flags.map((flag) => [flag.reason, flag.count]));
  const bars = FLAG_REASONS.map((reason) => ({
    reason,
    label: t(REASON_KEYS[reason]),
    value: counts.get(reason) ?? 0,
  }));
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const words = bars.map((bar) => t('dashFlagReasonCount', [bar.label, f.number(bar.value)]));
  return (
    <section aria-labelledby="sp-dash-flags">
      <h3 id="sp-dash-flags">{t('dashFlags')}</h3>
      <p>{t('dashFlagsHelp')}</p>
      <p data-endorsements="">{t('dashEndorsements', f.number(view.endorsements))}</p>
      {total === 0 ? (
        <p class="sp-dash-none">{t('dashFlagsNone')}</p>
      ) : (
        <>
          <figure class="sp-dash-figure sp-dash-figure-small">
            <HorizontalBarChart
              id="sp-dash-chart-flags"
              label={t('dashFlagsLabel', [f.number(total), f.list(words)])}
              bars={bars}
              format={f.number}
            />
            <figcaption>{t('dashFlagsCaption', [f.longDay(from), f.longDay(to)])}</figcaption>
          </figure>
          <ul class="sp-dash-flag-list">
            {bars.map((bar, index) => (
              <li key={bar.reason} data-reason={bar.reason}>
                {words[index]}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
