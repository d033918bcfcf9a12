/** What the dashboard's tables put in a cell: a rate, an item's kind, an item's title. */
import { useT } from '@/components/shared/i18n';
import type { DashboardView } from '@/utils/measurement/dashboard';
import type { ItemKind } from '@/utils/model';
import { type Formatters, safeHref } from './format';

/** A dash that screen readers read as "no data". */
function NoData() {
  const t = useT();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="sp-dash-hidden">{t('dashNoData')}</span>
    </>
  );
}

/** A rate as a percentage, or a dash (read out as "no data") when there is nothing to divide by. */
export function Rate({ value, f }: { value: number | null; f: Formatters }) {
  if (value !== null) return <>{f.percent(value)}</>;
  return <NoData />;
}

export function KindText({ kind }: { kind: ItemKind | undefined }) {
  const t = useT();
  if (kind === 'tip') return <>{t('kindTip')}</>;
  if (kind === 'article') return <>{t('kindArticle')}</>;
  return <NoData />;
}

/** An item's title, linked when its address is a web address; its id when the title is unknown. */
export function ItemTitle({ view, itemId }: { view: DashboardView; itemId: string }) {
  const known = view.titles[itemId];
  if (!known) return <span class="sp-dash-id">{itemId}</span>;
  const href = safeHref(known.url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {known.title}
    </a>
  ) : (
    <span>{known.title}</span>
  );
}
