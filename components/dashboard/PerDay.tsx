import { useT } from '@/components/shared/i18n';
import type { Counts } from '@/utils/measurement/daily';
import { BarChart } from './charts';
import { DataTable } from './DataTable';
import type { Formatters } from './format';
import { type Bucket, groupDays, groupingFor } from './grouping';

/** Impressions and opens over the period: a bar chart per day, week or month, and the same as a table. */
export function PerDay({
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
