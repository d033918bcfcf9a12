import { useT } from '@/components/shared/i18n';
import type { DashboardView } from '@/utils/measurement/dashboard';
import { DataTable } from './DataTable';
import type { Formatters } from './format';

/** Searches in the popup that found nothing: content the organisation is missing. */
export function Gaps({ view, f }: { view: DashboardView; f: Formatters }) {
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
