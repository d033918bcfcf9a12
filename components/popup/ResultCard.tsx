import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Highlighted } from '@/components/shared/Highlighted';
import { useT } from '@/components/shared/i18n';
import { ArticleIcon, CollapseIcon, ExpandIcon, TipIcon } from '@/components/shared/icons';
import { isHttpUrl, type KnowledgeItem } from '@/utils/model';
import { readingMinutes } from '@/utils/sources/lib/html-to-text';

/** Names for the chips: a tool's and a source's (undefined: the id is not shown). */
export interface CardLabels {
  tool: (id: string) => string;
  source: (id: string) => string | undefined;
}

interface Props {
  item: KnowledgeItem;
  /** id prefix, so that two lists on one page keep unique ids. */
  idPrefix: string;
  labels: CardLabels;
  /** The index terms the search matched, marked in title and snippet. */
  matched?: readonly string[];
  /** Why the page matcher offers it. */
  reasons?: string[];
  now: number;
  children?: ComponentChildren;
}

/** Summaries longer than this get a two-line snippet that expands in place. */
export const SNIPPET_CHARS = 140;

/**
 * One result: kind, tool and source chips with the reading time, the title as a link to the item's
 * home KB (http(s) only), a two-line snippet that expands in place, and the champion's actions.
 */
export function ResultCard({ item, idPrefix, labels, matched, reasons = [], now, children }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = `${idPrefix}-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const stale = item.reviewBy !== undefined && item.reviewBy < now;
  const source = labels.source(item.sourceId);
  const [tool, ...moreTools] = item.tools;
  const long = item.summary.length > SNIPPET_CHARS;
  return (
    <li class="sp-card sp-result" aria-labelledby={id}>
      <div class="sp-chips sp-result-meta">
        <span class="sp-chip sp-chip-accent">
          {item.kind === 'tip' ? <TipIcon class="sp-icon" /> : <ArticleIcon class="sp-icon" />}
          {item.kind === 'tip' ? t('kindTip') : t('kindArticle')}
        </span>
        {tool && (
          <span class="sp-chip" title={item.tools.map(labels.tool).join(', ')}>
            {labels.tool(tool)}
            {moreTools.length > 0 && ` +${moreTools.length}`}
          </span>
        )}
        {source && (
          <span class="sp-chip sp-chip-source" title={source}>
            {source}
          </span>
        )}
        {stale && <span class="sp-chip sp-chip-warn sp-stale">{t('itemStale')}</span>}
        <span class="sp-result-time">{t('readingTime', String(readingMinutes(item.summary)))}</span>
      </div>
      <h3 class="sp-title" id={id} dir="auto">
        {isHttpUrl(item.url) ? (
          <a href={item.url} target="_blank" rel="noopener noreferrer">
            <Highlighted text={item.title} matched={matched} />
          </a>
        ) : (
          <Highlighted text={item.title} matched={matched} />
        )}
      </h3>
      {item.summary && (
        <p id={`${id}-snippet`} class={open || !long ? 'sp-snippet' : 'sp-snippet sp-clamped'} dir="auto">
          <Highlighted text={item.summary} matched={matched} />
        </p>
      )}
      {long && (
        <button
          type="button"
          class="sp-quiet sp-more-toggle"
          aria-expanded={open}
          aria-controls={`${id}-snippet`}
          aria-label={t(open ? 'snippetLessLabel' : 'snippetMoreLabel', item.title)}
          onClick={() => setOpen(!open)}
        >
          {open ? <CollapseIcon class="sp-icon" /> : <ExpandIcon class="sp-icon" />}
          {open ? t('snippetLess') : t('snippetMore')}
        </button>
      )}
      {reasons.length > 0 && <p class="sp-why">{t('whyShown', reasons.join(', '))}</p>}
      {children}
    </li>
  );
}
