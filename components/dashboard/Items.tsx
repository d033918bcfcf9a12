import { useT } from '@/components/shared/i18n';
import type { DashboardView } from '@/utils/measurement/dashboard';
import { NEVER_OPENED_MIN } from '@/utils/measurement/figures';
import { ItemTitle, KindText, Rate } from './cells';
import { DataTable } from './DataTable';
import type { Formatters } from './format';

const TOP_ITEMS = 20;

/** The items offered most often, with how often they were opened and found helpful. */
export function TopItems({ view, f }: { view: DashboardView; f: Formatters }) {
  const t = useT();
  const items = view.figures.items.slice(0, TOP_ITEMS);
  return (
    <section aria-labelledby="sp-dash-items">
      <h3 id="sp-dash-items">{t('dashItems')}</h3>
      {items.length === 0 ? (
        <p>{t('dashItemsNone')}</p>
      ) : (
        <DataTable
          caption={t('dashItemsCaption')}
          columns={[
            t('dashItemColumn'),
            { label: t('dashKind'), text: true },
            t('dashImpressions'),
            t('dashOpens'),
            t('dashOpenRate'),
            t('dashHelpfulRate'),
          ]}
          rows={items.map((item) => ({
            key: item.itemId,
            data: { 'data-item-id': item.itemId },
            header: <ItemTitle view={view} itemId={item.itemId} />,
            cells: [
              <KindText key="kind" kind={item.kind} />,
              f.number(item.counts.impression ?? 0),
              f.number(item.counts.open ?? 0),
              <Rate key="open-rate" value={item.rates.openRate} f={f} />,
              <Rate key="helpful-rate" value={item.rates.helpfulRate} f={f} />,
            ],
          }))}
        />
      )}
    </section>
  );
}

/** Items shown often and never opened: candidates for a better title or summary, or for retiring. */
export function NeverOpened({ view, f }: { view: DashboardView; f: Formatters }) {
  const t = useT();
  const items = view.figures.neverOpened;
  // "Every item was opened" only means something when some item was offered often enough to tell.
  const offeredOften = view.figures.items.some((item) => (item.counts.impression ?? 0) >= NEVER_OPENED_MIN);
  return (
    <section aria-labelledby="sp-dash-never-opened">
      <h3 id="sp-dash-never-opened">{t('dashNeverOpened')}</h3>
      <p>{t('dashNeverOpenedHelp')}</p>
      {items.length === 0 ? (
        <p class="sp-dash-none" data-empty={offeredOften ? 'all-opened' : 'too-few'}>
          {offeredOften
            ? t('dashNeverOpenedNone', String(NEVER_OPENED_MIN))
            : t('dashNeverOpenedTooFew', String(NEVER_OPENED_MIN))}
        </p>
      ) : (
        <DataTable
          caption={t('dashNeverOpenedCaption')}
          columns={[t('dashItemColumn'), { label: t('dashKind'), text: true }, t('dashImpressions')]}
          rows={items.map((item) => ({
            key: item.itemId,
            data: { 'data-item-id': item.itemId },
            header: <ItemTitle view={view} itemId={item.itemId} />,
            cells: [<KindText key="kind" kind={item.kind} />, f.number(item.counts.impression ?? 0)],
          }))}
        />
      )}
    </section>
  );
}
