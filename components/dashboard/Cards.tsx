import { useT } from '@/components/shared/i18n';
import type { Counts } from '@/utils/measurement/daily';
import type { DashboardView } from '@/utils/measurement/dashboard';
import type { Rates } from '@/utils/measurement/figures';
import { Rate } from './cells';
import { CardList } from './DataTable';
import { CountDelta, RateDelta } from './Delta';
import type { Formatters } from './format';
import { dismissals } from './grouping';

/** The headline figures of the period: one card per count and rate, each with its change from the period before. */
export function Cards({
  counts,
  rates,
  previous,
  f,
}: {
  counts: Counts;
  rates: Rates;
  /** The period of the same length before (absent: no comparison is shown). */
  previous?: DashboardView['previous'];
  f: Formatters;
}) {
  const t = useT();
  const before = previous?.totals;
  const count = (value: number, earlier: number | undefined) => (
    <>
      {f.number(value)}
      <CountDelta current={value} previous={before ? (earlier ?? 0) : undefined} f={f} />
    </>
  );
  const rate = (key: keyof Rates) => (
    <>
      <Rate value={rates[key]} f={f} />
      <RateDelta current={rates[key]} previous={previous?.rates[key]} f={f} />
    </>
  );
  const c = (key: keyof Counts) => count(counts[key] ?? 0, before?.[key]);
  const cards = [
    ['impressions', t('dashImpressions'), c('impression')],
    ['panel', t('dashPanelViews'), c('panel')],
    ['opens', t('dashOpens'), c('open')],
    ['open-rate', t('dashOpenRate'), rate('openRate')],
    ['helpful-rate', t('dashHelpfulRate'), rate('helpfulRate')],
    ['helpful', t('dashHelpful'), c('helpful')],
    ['not-helpful', t('dashNotHelpful'), c('not-helpful')],
    ['snoozes', t('dashSnoozes'), c('snooze')],
    ['dismissals', t('dashDismissals'), count(dismissals(counts), before && dismissals(before))],
    ['pauses', t('dashPauses'), c('pause')],
    ['announcements', t('dashAnnouncements'), c('announce')],
    ['gaps', t('dashGaps'), c('gap')],
  ] as const;
  return (
    <section aria-labelledby="sp-dash-cards">
      <h3 id="sp-dash-cards">{t('dashCards')}</h3>
      <CardList cards={cards} />
      <p class="sp-dash-small">
        {t('dashCardsHelp')}
        {previous && ` ${t('dashDeltaHelp', [f.longDay(previous.from), f.longDay(previous.to)])}`}
      </p>
    </section>
  );
}
