import { useT } from '@/components/shared/i18n';
import type { DashboardView } from '@/utils/measurement/dashboard';
import { CardList, DataTable } from './DataTable';
import type { Formatters } from './format';

type Figure = 'reports' | 'sawTip' | 'openedTip';

/**
 * From collected reports: how many people reported, saw a tip and opened one. A report is one
 * browser's day and carries no identifier, so a week's distinct people cannot be counted: the
 * busiest day is the least there were, the person-days the most.
 */
export function People({ people, f }: { people: NonNullable<DashboardView['people']>; f: Formatters }) {
  const t = useT();
  const most = (key: Figure) => people.days.reduce((best, day) => Math.max(best, day[key]), 0);
  const sum = (key: Figure) => people.days.reduce((total, day) => total + day[key], 0);
  const cards = [
    ['people-reports', t('dashPeopleReports'), f.number(people.reports)],
    ['people-busiest', t('dashPeopleBusiest'), f.number(most('reports'))],
    [
      'people-saw-tip',
      t('dashPeopleSawTip'),
      t('dashPeopleDays', [f.number(most('sawTip')), f.number(sum('sawTip'))]),
    ],
    [
      'people-opened-tip',
      t('dashPeopleOpenedTip'),
      t('dashPeopleDays', [f.number(most('openedTip')), f.number(sum('openedTip'))]),
    ],
  ] as const;
  return (
    <section aria-labelledby="sp-dash-people">
      <h3 id="sp-dash-people">{t('dashPeople')}</h3>
      <CardList cards={cards} />
      <p class="sp-dash-small">{t('dashPeopleHelp')}</p>
      {people.skipped > 0 && <p class="sp-dash-small">{t('dashPeopleSkipped', f.number(people.skipped))}</p>}
      <DataTable
        caption={t('dashPeopleCaption')}
        columns={[
          t('dashDay'),
          t('dashPeopleReports'),
          t('dashPeopleSawTipColumn'),
          t('dashPeopleOpenedTipColumn'),
        ]}
        rows={people.days.map((day) => ({
          key: day.day,
          header: f.longDay(day.day),
          cells: [f.number(day.reports), f.number(day.sawTip), f.number(day.openedTip)],
        }))}
      />
    </section>
  );
}
