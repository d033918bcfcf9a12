import { useT } from '@/components/shared/i18n';
import type { DashboardView } from '@/utils/measurement/dashboard';
import { Rate } from './cells';
import { DataTable } from './DataTable';
import type { Formatters } from './format';
import { dismissals } from './grouping';

/** One row per tool: what was offered there, opened, rated, snoozed and dismissed. */
export function PerTool({
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
