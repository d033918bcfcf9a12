import { useT } from '@/components/shared/i18n';
import { FLAG_REASON_KEYS } from '@/components/shared/labels';
import { FLAG_REASONS } from '@/utils/delivery/reactions';
import type { DashboardView } from '@/utils/measurement/dashboard';
import { HorizontalBarChart } from './charts';
import type { Formatters } from './format';

/** The champions' flags by reason (a chart and the same as text) and their endorsements. */
export function Flags({
  view,
  from,
  to,
  f,
}: {
  view: DashboardView;
  from: string;
  to: string;
  f: Formatters;
}) {
  const t = useT();
  const counts = new Map(view.flags.map((flag) => [flag.reason, flag.count]));
  const bars = FLAG_REASONS.map((reason) => ({
    reason,
    label: t(FLAG_REASON_KEYS[reason]),
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
