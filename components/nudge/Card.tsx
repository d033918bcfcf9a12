import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { ArticleIcon, TipIcon } from '@/components/shared/icons';
import { isHttpUrl, type KnowledgeItem } from '@/utils/model';
import { readingMinutes } from '@/utils/sources/lib/html-to-text';

/** A snippet this long may run past two lines: it gets a "Show more" toggle. */
const LONG_SNIPPET = 110;

interface Props {
  item: KnowledgeItem;
  /** Unique per list, so that two lists on one page keep unique ids. */
  idPrefix: string;
  /** Why it is shown, as a sentence (why.ts). */
  why?: string;
  now?: number;
  onOpen?: (item: KnowledgeItem) => void;
  /** Feedback controls; they sit in a row of fixed height, so using them never moves the card. */
  actions?: ComponentChildren;
}

/**
 * One item in the nudge: kind chip, reading time, the title as a link to the item's home (http(s)
 * only), a two-line snippet that expands in place, why it is shown, and the feedback controls.
 */
export function Card({ item, idPrefix, why, now = Date.now(), onOpen, actions }: Props) {
  const t = useT();
  const [expanded, setExpanded] = useState(false);
  const id = `${idPrefix}-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const stale = item.reviewBy !== undefined && item.reviewBy < now;
  const long = item.summary.length > LONG_SNIPPET;
  const Icon = item.kind === 'tip' ? TipIcon : ArticleIcon;
  return (
    <li class="sp-card" aria-labelledby={`${id}-title`}>
      <p class="sp-meta">
        <span class={`sp-chip sp-chip-${item.kind}`}>
          <Icon class="sp-icon" aria-hidden="true" />
          {item.kind === 'tip' ? t('kindTip') : t('kindArticle')}
        </span>
        <span>{t('readingTime', String(readingMinutes(item.summary)))}</span>
        {stale && <span class="sp-stale">{t('itemStale')}</span>}
      </p>
      <h3 class="sp-title" id={`${id}-title`} dir="auto">
        {isHttpUrl(item.url) ? (
          <a href={item.url} target="_blank" rel="noopener noreferrer" onClick={() => onOpen?.(item)}>
            {item.title}
          </a>
        ) : (
          item.title
        )}
      </h3>
      {item.summary && (
        <p id={`${id}-snippet`} class={expanded ? 'sp-snippet sp-expanded' : 'sp-snippet'} dir="auto">
          {item.summary}
        </p>
      )}
      {long && (
        <button
          type="button"
          class="sp-text-button"
          aria-expanded={expanded}
          aria-controls={`${id}-snippet`}
          aria-label={t(expanded ? 'cardShowLessLabel' : 'cardShowMoreLabel', item.title)}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('cardShowLess') : t('cardShowMore')}
        </button>
      )}
      {why && <p class="sp-why">{why}</p>}
      {actions}
    </li>
  );
}
