/** A pilot group's figures beside everyone else's (or the other way round), from compare.ts. */
import { useT } from '@/components/shared/i18n';
import { useLoad } from '@/components/shared/useLoad';
import { type Change, compareGroup, type Metric, RATE_METRICS } from '@/utils/measurement/compare';
import type { DashboardView } from '@/utils/measurement/dashboard';
import { DataTable } from './DataTable';
import type { Formatters } from './format';

const SHOWN = [
  ['reports', 'dashPeopleReports'],
  ['impressions', 'dashImpressions'],
  ['opens', 'dashOpens'],
  ['openRate', 'dashOpenRate'],
  ['helpfulRate', 'dashHelpfulRate'],
  ['sawTip', 'dashPeopleSawTipColumn'],
  ['openedTip', 'dashPeopleOpenedTipColumn'],
] as const satisfies readonly (readonly [Metric, string])[];

export function GroupCompare({
  view,
  others,
  f,
}: {
  view: DashboardView;
  /** The figures of the other side (everyone else, or the group). */
  others: () => Promise<DashboardView>;
  f: Formatters;
}) {
  const t = useT();
  const filter = view.figures.filter;
  const other = useLoad(others, [
    filter.from,
    filter.to,
    filter.tool,
    filter.kind,
    filter.group,
    filter.others,
  ]);
  if (!other.value || !filter.group) return null;
  const group = filter.others ? other.value : view;
  const rest = filter.others ? view : other.value;
  const { changes } = compareGroup(group, rest);
  const value = (metric: Metric, number: number | null) =>
    number === null ? '–' : RATE_METRICS.has(metric) ? f.percent(number) : f.number(number);
  const difference = (change: Change) =>
    change.difference === null
      ? '–'
      : RATE_METRICS.has(change.metric)
        ? `${change.difference > 0 ? '+' : ''}${f.number(Math.round(change.difference * 1000) / 10)} pp`
        : change.relative === null
          ? `${change.difference > 0 ? '+' : ''}${f.number(change.difference)}`
          : `${change.relative > 0 ? '+' : ''}${f.percent(change.relative)}`;
  return (
    <section aria-labelledby="sp-dash-compare">
      <h3 id="sp-dash-compare">{t('dashCompareGroup', filter.group)}</h3>
      <DataTable
        caption={t('dashCompareGroup', filter.group)}
        columns={[t('dashCompareMetric'), filter.group, t('dashGroupOthers'), t('dashCompareChange')]}
        rows={SHOWN.flatMap(([metric, key]) => {
          const change = changes.find((entry) => entry.metric === metric);
          return change
            ? [
                {
                  key: metric,
                  header: t(key),
                  cells: [value(metric, change.current), value(metric, change.baseline), difference(change)],
                },
              ]
            : [];
        })}
      />
    </section>
  );
}
