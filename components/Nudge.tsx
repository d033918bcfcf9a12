import { useEffect, useRef, useState } from 'preact/hooks';
import type { Match } from '@/utils/model';
import { ItemList } from './ItemList';
import { useT } from './i18n';

interface Props {
  matches: Match[];
  toolName: string;
}

/**
 * The in-page nudge: a small badge in a corner; opening it shows a non-modal panel with the items.
 * Esc closes the panel and focus returns to the badge.
 */
export function Nudge({ matches, toolName }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const badge = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) panel.current?.focus();
    else if (wasOpen.current) badge.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const count = matches.length;
  const label = count === 1 ? t('badgeLabelOne') : t('badgeLabel', String(count));

  return (
    <div class="sp-root">
      {open && (
        <div
          ref={panel}
          id="sp-panel"
          class="sp-panel"
          role="dialog"
          aria-modal="false"
          aria-labelledby="sp-panel-title"
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <div class="sp-panel-head">
            <h2 id="sp-panel-title" class="sp-panel-title">
              {t('panelTitle', toolName)}
            </h2>
            <button type="button" class="sp-close" onClick={() => setOpen(false)}>
              {t('panelClose')}
            </button>
          </div>
          <ItemList matches={matches} idPrefix="sp-nudge" />
        </div>
      )}
      <button
        ref={badge}
        type="button"
        class="sp-badge"
        aria-label={label}
        aria-expanded={open}
        aria-controls="sp-panel"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" class="sp-badge-mark">
          ➜
        </span>
        <span aria-hidden="true" class="sp-badge-count">
          {count}
        </span>
      </button>
    </div>
  );
}
