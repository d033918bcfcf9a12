import { useT } from '@/components/shared/i18n';
import type { DashboardView } from '@/utils/measurement/dashboard';
import { DataTable } from './DataTable';
import type { Formatters } from './format';

/**
 * Content the organisation is missing, side by side: searches in the popup that found nothing,
 * and the titles champions asked for with a "something is missing" flag.
 */
export function Gaps({ view, f }: { view: DashboardView; f: Formatters }) {
  const t = useT();
  const missing = view.missing ?? [];
  return (
    <section aria-labelledby="sp-dash-gaps">
      <h3 id="sp-dash-gaps">{t('dashGapsSection')}</h3>
      <p>{t('dashGapsHelp')}</p>
      <div class="sp-dash-pair">
        <div>
          <h4>{t('dashGapSearches')}</h4>
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
        </div>
        <div data-testid="missing-titles">
          <h4>{t('dashMissingTitles')}</h4>
          {missing.length === 0 ? (
            <p class="sp-dash-none">{t('dashMissingNone')}</p>
          ) : (
            <DataTable
              caption={t('dashMissingCaption')}
              columns={[t('dashMissingTitle'), t('dashGapCount'), t('dashMissingLast')]}
              rows={missing.map((entry) => ({
                key: entry.title,
                header: entry.title,
                cells: [f.number(entry.count), f.moment(entry.lastAt)],
              }))}
            />
          )}
        </div>
      </div>
    </section>
  );
}
