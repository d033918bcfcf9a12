import { useT } from '@/components/shared/i18n';
import type { Counts } from '@/utils/measurement/daily';
import { Rate } from './cells';
import { CardList } from './DataTable';
import type { Formatters } from './format';
import { dismissals } from './grouping';

/** The headline figures of the period: one card per count and rate. */
export function Cards({
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
