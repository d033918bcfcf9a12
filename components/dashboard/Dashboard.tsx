/**
 * The admin's measurement dashboard: how often tips and articles were offered, opened and rated
 * in this browser, per day, tool and item, and what people searched for without a result.
 *
 *   Controls (period, tool, kind) ──load(filter)──► DashboardView ──► Cards, PerDay, PerTool, …
 *
 * The previous figures stay on screen while new ones load; an answer that arrives after a newer
 * request is dropped (useLoad). Props in, nothing else: the options page wires `load` and
 * `exportCsv` to the background. Parts: Controls.tsx, one file per section, DataTable.tsx and
 * cells.tsx for what the sections share, grouping.ts and format.ts for the pure helpers.
 */
import { useMemo, useState } from 'preact/hooks';
import { AdoptionReport } from '@/components/report/AdoptionReport';
import { useT } from '@/components/shared/i18n';
import { useLoad } from '@/components/shared/useLoad';
import type { DashboardView } from '@/utils/measurement/dashboard';
import type { ItemKind } from '@/utils/model';
import { Cards } from './Cards';
import { Controls, type FiguresSource } from './Controls';
import { Exports } from './Exports';
import { Flags } from './Flags';
import { formatters } from './format';
import { Gaps } from './Gaps';
import { GroupCompare } from './GroupCompare';
import { type DashboardFilterState, filterFor, hasEvents, type RangeDays } from './grouping';
import { NeverOpened, TopItems } from './Items';
import { People } from './People';
import { PerDay } from './PerDay';
import { PerTool } from './PerTool';

export type { DashboardFilterState } from './grouping';

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
  /** The same figures from the organisation's ClickHouse (absent: not offered). */
  fromClickhouse?: (filter: DashboardFilterState) => Promise<DashboardView>;
  /** The adoption report's print dialog and CSV download (absent: no report is offered). */
  report?: { print: () => void; download: (name: string, text: string) => void };
}

/** The dashboard: period, tool and kind at the top, then the figures for them. */
export function Dashboard(props: DashboardProps) {
  const { load, exportCsv, toolName, today, locale, fromReports, fromClickhouse, report } = props;
  const t = useT();
  const f = useMemo(() => formatters(locale), [locale]);
  const [range, setRange] = useState<RangeDays>(7);
  const [tool, setTool] = useState('');
  const [kind, setKind] = useState<ItemKind | ''>('');
  /** A file of collected reports, when the admin chose one: the figures come from it. */
  const [reports, setReports] = useState<{ name: string; text: string } | null>(null);
  const [source, setSource] = useState<FiguresSource>('local');
  const [group, setGroup] = useState<{ name: string; others: boolean }>({ name: '', others: false });
  /** The adoption report is open instead of the dashboard. */
  const [reportOpen, setReportOpen] = useState(false);

  const filter = useMemo(
    () => ({
      ...filterFor(today, range, tool, kind),
      ...(group.name && source !== 'local'
        ? { group: group.name, ...(group.others ? { others: true } : {}) }
        : {}),
    }),
    [today, range, tool, kind, group, source],
  );
  const fromFile = source === 'file' && reports && fromReports ? { file: reports, read: fromReports } : null;
  const clickhouse = source === 'clickhouse' && fromClickhouse ? fromClickhouse : null;
  const figuresFor = (range: DashboardFilterState) =>
    clickhouse ? clickhouse(range) : fromFile ? fromFile.read(fromFile.file.text, range) : load(range);
  const figuresOf = () => figuresFor(filter);
  // Not on `load`: a parent that passes a new `load` on each render must not make the figures reload.
  const { value: view, error, loading, fail } = useLoad(figuresOf, [filter, reports, source]);

  // The tool chosen stays in the list even when the new period has no events for it.
  const tools = [...new Set([...(view?.tools ?? []), ...(tool ? [tool] : [])])].sort();
  const figures = view?.figures;
  const empty = figures !== undefined && !hasEvents(figures.totals);
  const shown = figures?.filter ?? filter;

  if (reportOpen && report)
    return (
      <AdoptionReport
        filter={filter}
        load={figuresFor}
        toolName={toolName}
        locale={locale}
        sourceLabel={
          clickhouse
            ? t('dashSourceClickhouse')
            : fromFile
              ? t('adoptionFromFile', fromFile.file.name)
              : t('adoptionFromBrowser')
        }
        download={report.download}
        print={report.print}
        onClose={() => setReportOpen(false)}
      />
    );

  return (
    <section aria-labelledby="sp-dash-title" class="sp-dash">
      <h2 id="sp-dash-title">{t('dashTitle')}</h2>
      <p>{t('dashIntro')}</p>

      <Controls
        range={range}
        tool={tool}
        kind={kind}
        tools={tools}
        toolName={toolName}
        onRange={setRange}
        onTool={setTool}
        onKind={setKind}
        {...(fromReports || fromClickhouse
          ? {
              reports: {
                source,
                offered: { file: Boolean(fromReports), clickhouse: Boolean(fromClickhouse) },
                fileName: reports?.name ?? null,
                onSource: setSource,
                onFile: setReports,
                onError: (reason: unknown) => fail(String(reason)),
                groups: view?.groups ?? [],
                group: group.name,
                others: group.others,
                onGroup: (name: string, others: boolean) => setGroup({ name, others }),
              },
            }
          : {})}
        filter={filter}
        f={f}
      />

      {report && (
        <p>
          <button type="button" class="sp-dash-report" onClick={() => setReportOpen(true)}>
            {t('adoptionOpen')}
          </button>
        </p>
      )}

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
              {filter.group && (
                <GroupCompare
                  view={view}
                  others={() => figuresFor({ ...filter, others: !filter.others })}
                  f={f}
                />
              )}
              <Cards counts={figures.totals} rates={figures.rates} previous={view.previous} f={f} />
              <PerDay byDay={figures.byDay} from={shown.from} to={shown.to} f={f} />
              <PerTool view={view} toolName={toolName} f={f} />
              <TopItems view={view} f={f} />
              <NeverOpened view={view} f={f} />
            </>
          )}
          {(!empty || view.gaps.length > 0 || (view.missing?.length ?? 0) > 0) && <Gaps view={view} f={f} />}
          {(!empty || view.flags.length > 0 || view.endorsements > 0) && (
            <Flags view={view} from={shown.from} to={shown.to} f={f} />
          )}
        </div>
      )}

      <Exports download={(what) => exportCsv(what, filter)} storage={view?.storage} f={f} />
    </section>
  );
}
