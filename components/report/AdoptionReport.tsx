/**
 * The adoption report for sponsors: the dashboard's figures for one period, tool and group, set
 * against the period before, with a few plain sentences, made to be printed (A4 or Letter, black
 * and white) or saved as PDF through the browser's print dialog, and downloaded as CSV.
 *
 * Props in, nothing else: the dashboard passes the same `load` it reads its own figures with, so
 * the report works for every source (this browser, a file of reports, ClickHouse).
 */
import { useMemo, useState } from 'preact/hooks';
import { type Formatters, formatters } from '@/components/dashboard/format';
import { PerDay } from '@/components/dashboard/PerDay';
import { useT } from '@/components/shared/i18n';
import { FLAG_REASON_KEYS } from '@/components/shared/labels';
import { useLoad } from '@/components/shared/useLoad';
import {
  buildAdoptionReport,
  type Headline,
  previousFilter,
  type AdoptionReport as Report,
  type Sentence,
} from '@/utils/measurement/adoption';
import { adoptionToCsv } from '@/utils/measurement/adoption-csv';
import type { DashboardView } from '@/utils/measurement/dashboard';
import type { DashboardFilter } from '@/utils/measurement/figures';
import './report.css';

export interface AdoptionReportProps {
  /** The period and tool of the dashboard when the admin asked for the report. */
  filter: DashboardFilter;
  load: (filter: DashboardFilter) => Promise<DashboardView>;
  /** Audience groups the figures can be split by, and the split (absent: no group choice). */
  groups?: string[];
  loadGroup?: (
    filter: DashboardFilter,
    group: string,
  ) => Promise<{ group: DashboardView; rest: DashboardView }>;
  toolName: (id: string) => string;
  locale: string;
  /** Where the figures come from, in words (for the heading). */
  sourceLabel: string;
  download: (name: string, text: string) => void;
  print: () => void;
  onClose: () => void;
}

type Paper = 'A4' | 'letter';

const HEADLINE_KEYS = {
  people: 'adoptionPeople',
  impressions: 'adoptionImpressions',
  opens: 'adoptionOpens',
  openRate: 'adoptionOpenRate',
  helpfulRate: 'adoptionHelpfulRate',
  gaps: 'adoptionGaps',
  flags: 'adoptionFlags',
} as const;

async function loadReport(
  filter: DashboardFilter,
  group: string,
  load: AdoptionReportProps['load'],
  loadGroup: AdoptionReportProps['loadGroup'],
): Promise<Report> {
  const [current, previous, split] = await Promise.all([
    load(filter),
    load(previousFilter(filter)),
    group && loadGroup ? loadGroup(filter, group) : Promise.resolve(undefined),
  ]);
  return buildAdoptionReport({
    filter,
    current,
    previous,
    ...(split ? { group: { name: group, ...split } } : {}),
  });
}

export function AdoptionReport(props: AdoptionReportProps) {
  const { filter, load, groups = [], loadGroup, toolName, locale, sourceLabel } = props;
  const t = useT();
  const f = useMemo(() => formatters(locale), [locale]);
  const [paper, setPaper] = useState<Paper>('A4');
  const [group, setGroup] = useState('');
  const {
    value: report,
    error,
    loading,
  } = useLoad(
    () => loadReport(filter, group, load, loadGroup),
    [filter.from, filter.to, filter.tool, filter.kind, group],
  );
  const toolText = filter.tool ? toolName(filter.tool) : t('adoptionAllTools');
  const period = (range: DashboardFilter) =>
    t('adoptionPeriod', [f.longDay(range.from), f.longDay(range.to)]);

  return (
    <article class="sp-report" aria-labelledby="sp-report-title" aria-busy={loading}>
      <style>{`@page { size: ${paper}; margin: 14mm; }`}</style>
      <div class="sp-report-actions" role="toolbar" aria-label={t('adoptionActions')}>
        <button type="button" onClick={props.onClose}>
          {t('adoptionBack')}
        </button>
        <label>
          {t('adoptionPaper')}
          <select value={paper} onChange={(event) => setPaper(event.currentTarget.value as Paper)}>
            <option value="A4">A4</option>
            <option value="letter">{t('adoptionPaperLetter')}</option>
          </select>
        </label>
        {groups.length > 0 && loadGroup && (
          <label>
            {t('adoptionGroup')}
            <select value={group} onChange={(event) => setGroup(event.currentTarget.value)}>
              <option value="">{t('adoptionGroupNone')}</option>
              {groups.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          disabled={!report}
          onClick={() =>
            report &&
            props.download(`signpost-adoption-${filter.from}-${filter.to}.csv`, adoptionToCsv(report))
          }
        >
          {t('adoptionCsv')}
        </button>
        <button type="button" class="sp-primary" disabled={!report} onClick={props.print}>
          {t('adoptionPrint')}
        </button>
      </div>

      <header class="sp-report-head">
        <h1 id="sp-report-title">{t('adoptionTitle')}</h1>
        <p class="sp-report-meta">
          {period(filter)} · {toolText}
          {group ? ` · ${t('adoptionGroupNamed', group)}` : ''}
        </p>
        <p class="sp-report-meta">
          {t('adoptionComparedWith', period(previousFilter(filter)))} · {sourceLabel}
        </p>
      </header>

      <p role="status" class="sp-report-status">
        {loading ? t('dashLoading') : ''}
      </p>
      {error && (
        <p role="alert" class="sp-error">
          {t('dashLoadError', error)}
        </p>
      )}
      {report && <ReportBody report={report} f={f} />}
    </article>
  );
}

function say(sentence: Sentence, t: ReturnType<typeof useT>, f: Formatters): string {
  return t(
    sentence.key,
    sentence.values.map((value) =>
      typeof value === 'number'
        ? f.number(value)
        : typeof value === 'string'
          ? value
          : f.percent(value.percent),
    ),
  );
}

function Change({ line, f }: { line: Headline; f: Formatters }) {
  const t = useT();
  if (line.change === null) return <>{t('adoptionNoChange')}</>;
  const up = line.change > 0;
  const flat = Math.abs(line.change) < 0.0005;
  const amount = line.rate
    ? t('adoptionPoints', f.number(Math.round(Math.abs(line.change) * 1000) / 10))
    : f.percent(Math.abs(line.change));
  // The arrow and the sign say the direction in print and to screen readers; colour is not needed.
  return <>{flat ? t('adoptionFlat') : t(up ? 'adoptionUp' : 'adoptionDown', amount)}</>;
}

function value(line: Headline, key: 'value' | 'previous', f: Formatters): string {
  const figure = line[key];
  if (figure === null) return '—';
  return line.rate ? f.percent(figure) : f.number(figure);
}

function ReportBody({ report, f }: { report: Report; f: Formatters }) {
  const t = useT();
  const maxSaw = report.tips.reduce((max, tip) => Math.max(max, tip.saw), 0);
  return (
    <>
      <section aria-labelledby="sp-report-summary" class="sp-report-section">
        <h2 id="sp-report-summary">{t('adoptionSummary')}</h2>
        <ul class="sp-report-sentences">
          {report.sentences.map((sentence) => (
            <li key={sentence.key}>{say(sentence, t, f)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sp-report-headline" class="sp-report-section">
        <h2 id="sp-report-headline">{t('adoptionHeadline')}</h2>
        <table class="sp-report-table">
          <thead>
            <tr>
              <th scope="col">{t('adoptionFigure')}</th>
              <th scope="col">{t('adoptionThisPeriod')}</th>
              <th scope="col">{t('adoptionPreviousPeriod')}</th>
              <th scope="col">{t('adoptionChange')}</th>
            </tr>
          </thead>
          <tbody>
            {report.headline.map((line) => (
              <tr key={line.key} data-figure={line.key}>
                <th scope="row">{t(HEADLINE_KEYS[line.key])}</th>
                <td>{value(line, 'value', f)}</td>
                <td>{value(line, 'previous', f)}</td>
                <td>
                  <Change line={line} f={f} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.perPerson && <p class="sp-report-small">{t('adoptionPeopleNote')}</p>}
      </section>

      <PerDay byDay={report.byDay} from={report.filter.from} to={report.filter.to} f={f} />

      <section aria-labelledby="sp-report-tips" class="sp-report-section sp-report-keep">
        <h2 id="sp-report-tips">{t('adoptionTips')}</h2>
        {report.tips.length === 0 ? (
          <p>{t('adoptionTipsNone')}</p>
        ) : (
          <table class="sp-report-table">
            <thead>
              <tr>
                <th scope="col">{t('adoptionTip')}</th>
                <th scope="col">{t(report.perPerson ? 'adoptionSawPeople' : 'adoptionSawViews')}</th>
                <th scope="col">{t(report.perPerson ? 'adoptionOpenedPeople' : 'adoptionOpenedViews')}</th>
                <th scope="col">{t('adoptionOpenRate')}</th>
                {report.perPerson && <th scope="col">{t('adoptionBusiestDay')}</th>}
              </tr>
            </thead>
            <tbody>
              {report.tips.map((tip) => (
                <tr key={tip.itemId}>
                  <th scope="row">
                    {tip.url && /^https?:\/\//i.test(tip.url) ? (
                      <a href={tip.url} target="_blank" rel="noopener noreferrer">
                        {tip.title ?? tip.itemId}
                      </a>
                    ) : (
                      (tip.title ?? tip.itemId)
                    )}
                    <span class="sp-report-bar" aria-hidden="true">
                      <span style={{ width: `${maxSaw ? (tip.saw / maxSaw) * 100 : 0}%` }} />
                    </span>
                  </th>
                  <td>{f.number(tip.saw)}</td>
                  <td>{f.number(tip.opened)}</td>
                  <td>{tip.openRate === null ? '—' : f.percent(tip.openRate)}</td>
                  {report.perPerson && <td>{f.number(tip.busiestDay ?? 0)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {report.group && <GroupTable group={report.group} f={f} />}

      <section aria-labelledby="sp-report-trust" class="sp-report-section sp-report-keep">
        <h2 id="sp-report-trust">{t('adoptionQuality')}</h2>
        <table class="sp-report-table">
          <tbody>
            <tr>
              <th scope="row">{t('dashHelpful')}</th>
              <td>{f.number(report.helpful.helpful)}</td>
            </tr>
            <tr>
              <th scope="row">{t('dashNotHelpful')}</th>
              <td>{f.number(report.helpful.notHelpful)}</td>
            </tr>
            <tr>
              <th scope="row">{t('adoptionGaps')}</th>
              <td>{f.number(report.gaps)}</td>
            </tr>
            {report.flags.map((flag) => (
              <tr key={flag.reason}>
                <th scope="row">{t('adoptionFlagged', t(FLAG_REASON_KEYS[flag.reason]))}</th>
                <td>{f.number(flag.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="sp-report-small">{t('adoptionResolvedNote')}</p>
      </section>
    </>
  );
}

type GroupPart = NonNullable<Report['group']>;

/** The chosen group against everyone else, figure by figure. */
function GroupTable({ group, f }: { group: GroupPart; f: Formatters }) {
  const t = useT();
  const rate = (value: number | null) => (value === null ? '—' : f.percent(value));
  const rows: [keyof typeof HEADLINE_KEYS, (figures: GroupPart['group']) => string][] = [
    ['people', (g) => (g.people === null ? '—' : f.number(g.people))],
    ['impressions', (g) => f.number(g.impressions)],
    ['opens', (g) => f.number(g.opens)],
    ['openRate', (g) => rate(g.rates.openRate)],
    ['helpfulRate', (g) => rate(g.rates.helpfulRate)],
  ];
  return (
    <section aria-labelledby="sp-report-group" class="sp-report-section sp-report-keep">
      <h2 id="sp-report-group">{t('adoptionGroupTitle', group.name)}</h2>
      <table class="sp-report-table">
        <thead>
          <tr>
            <th scope="col">{t('adoptionFigure')}</th>
            <th scope="col">{group.name}</th>
            <th scope="col">{t('adoptionEveryoneElse')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, show]) => (
            <tr key={key}>
              <th scope="row">{t(HEADLINE_KEYS[key])}</th>
              <td>{show(group.group)}</td>
              <td>{show(group.rest)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="sp-report-small">{t('adoptionGroupNote')}</p>
    </section>
  );
}
