import type { ComponentChildren } from 'preact';
import { useT } from '@/components/shared/i18n';
import { isHttpUrl, type KnowledgeItem, type Match } from '@/utils/model';
import { readingMinutes } from '@/utils/sources/lib/html-to-text';

interface Props {
  matches: Match[];
  /** id prefix, so that two lists on one page keep unique ids. */
  idPrefix: string;
  /** Now, to label items past their review date. */
  now?: number;
  /** Controls shown under each item (feedback, snooze…). */
  actions?: (item: KnowledgeItem) => ComponentChildren;
  /** Called when the person follows an item's link. */
  onOpen?: (item: KnowledgeItem) => void;
}

/** Matched items as text: the title is a link to the item's home KB (http(s) only). */
export function ItemList({ matches, idPrefix, now = Date.now(), actions, onOpen }: Props) {
  const t = useT();
  return (
    <ul class="sp-items">
      {matches.map(({ item, reasons }) => {
        const titleId = `${idPrefix}-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        const stale = item.reviewBy !== undefined && item.reviewBy < now;
        return (
          <li key={item.id} class="sp-item" aria-labelledby={titleId}>
            <p class="sp-kind">
              {item.kind === 'tip' ? t('kindTip') : t('kindArticle')}
              {' · '}
              {t('readingTime', String(readingMinutes(item.summary)))}
              {stale && (
                <>
                  {' · '}
                  <span class="sp-stale">{t('itemStale')}</span>
                </>
              )}
            </p>
            <h3 class="sp-title" id={titleId} dir="auto">
              {isHttpUrl(item.url) ? (
                <a href={item.url} target="_blank" rel="noopener noreferrer" onClick={() => onOpen?.(item)}>
                  {item.title}
                </a>
              ) : (
                item.title
              )}
            </h3>
            <p class="sp-summary" dir="auto">
              {item.summary}
            </p>
            {reasons.length > 0 && <p class="sp-why">{t('whyShown', reasons.join(', '))}</p>}
            {actions?.(item)}
          </li>
        );
      })}
    </ul>
  );
}
