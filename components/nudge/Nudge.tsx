import { useEffect, useRef, useState } from 'preact/hooks';
import { ItemList } from '@/components/shared/ItemList';
import { useT } from '@/components/shared/i18n';
import type { ItemAction } from '@/utils/match/feedback';
import type { KnowledgeItem, Match } from '@/utils/model';

export type NudgeAction = ItemAction | 'announce-dismissed';

export interface NudgeProps {
  matches: Match[];
  toolName: string;
  /** Id of a new-capability tip that may announce itself (once). */
  announce?: string;
  /** The weekly digest: new things in the person's tools, offered in the announcement slot. */
  digest?: Match[];
  onAction: (item: KnowledgeItem, action: NudgeAction) => void;
  onPause: () => void;
  /** Earlier votes, so the buttons show what the person said before. */
  votes?: Record<string, 'helpful' | 'not-helpful'>;
  now?: number;
}

/**
 * The in-page nudge: a small badge in a corner; opening it shows a non-modal panel with the items
 * and what the person can say about each. Esc closes the panel and focus returns to the badge. An
 * announcement of a new capability sits above the badge until dismissed; it never takes focus.
 */
export function Nudge({
  matches,
  toolName,
  announce,
  digest,
  onAction,
  onPause,
  votes: initialVotes,
  now,
}: NudgeProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [votes, setVotes] = useState<ReadonlyMap<string, 'helpful' | 'not-helpful'>>(
    new Map(Object.entries(initialVotes ?? {})),
  );
  const [announcing, setAnnouncing] = useState(Boolean(announce));
  const [digesting, setDigesting] = useState(Boolean(digest?.length));
  const [showDigest, setShowDigest] = useState(false);
  const badge = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  const visible = matches.filter(({ item }) => !hidden.has(item.id));
  const announced = announcing ? matches.find(({ item }) => item.id === announce)?.item : undefined;

  useEffect(() => {
    if (open) {
      panel.current?.focus();
      // Views count for tips only: a tip seen often enough without a "helpful" stops being offered.
      for (const { item } of visible) if (item.kind === 'tip') onAction(item, 'panel');
    } else if (wasOpen.current) badge.current?.focus();
    wasOpen.current = open;
    // Views are counted when the panel opens, not again when items are hidden from an open panel.
  }, [open]);

  if (visible.length === 0 && !digest?.length) return null;

  const act = (item: KnowledgeItem, action: NudgeAction) => {
    onAction(item, action);
    if (action === 'helpful' || action === 'not-helpful') {
      const next = new Map(votes);
      if (next.get(item.id) === action) next.delete(item.id);
      else next.set(item.id, action);
      setVotes(next);
    }
    if (action === 'snooze-day' || action === 'snooze-week' || action === 'dismiss') {
      setHidden(new Set([...hidden, item.id]));
      if (visible.length === 1) badge.current?.focus();
    }
  };

  const count = visible.length || (digest?.length ?? 0);
  const label = count === 1 ? t('badgeLabelOne') : t('badgeLabel', String(count));

  return (
    <div class="sp-root">
      {digest?.[0] && digesting && !open && (
        <div class="sp-announce" role="status">
          <p class="sp-announce-text">
            <strong>{t('digestNew', String(digest.length))}</strong>
          </p>
          <button
            type="button"
            onClick={() => {
              setDigesting(false);
              setShowDigest(true);
              setOpen(true);
            }}
          >
            {t('digestShow')}
          </button>
          <button
            type="button"
            class="sp-icon"
            aria-label={t('announceDismiss')}
            onClick={() => {
              setDigesting(false);
              // The budget counts the digest's dismissal as it counts a tip's.
              if (digest[0]) onAction(digest[0].item, 'announce-dismissed');
            }}
          >
            ×
          </button>
        </div>
      )}
      {announced && !digesting && !open && (
        <div class="sp-announce" role="status">
          <p class="sp-announce-text">
            <strong>{t('announceNew', toolName)}</strong> {announced.title}
          </p>
          <button
            type="button"
            onClick={() => {
              setAnnouncing(false);
              onAction(announced, 'open');
              setOpen(true);
            }}
          >
            {t('announceShow')}
          </button>
          <button
            type="button"
            class="sp-icon"
            aria-label={t('announceDismiss')}
            onClick={() => {
              setAnnouncing(false);
              onAction(announced, 'announce-dismissed');
            }}
          >
            ×
          </button>
        </div>
      )}
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
          {showDigest && digest?.length ? (
            <section aria-labelledby="sp-digest-title">
              <h3 id="sp-digest-title" class="sp-panel-title">
                {t('digestTitle')}
              </h3>
              <ItemList
                matches={digest}
                idPrefix="sp-digest"
                now={now}
                onOpen={(item) => onAction(item, 'open')}
              />
            </section>
          ) : null}
          <ItemList
            matches={visible}
            idPrefix="sp-nudge"
            now={now}
            onOpen={(item) => onAction(item, 'open')}
            actions={(item) => (
              <div class="sp-actions">
                <button
                  type="button"
                  aria-pressed={votes.get(item.id) === 'helpful'}
                  aria-label={t('actionHelpfulLabel', item.title)}
                  onClick={() => act(item, 'helpful')}
                >
                  {t('actionHelpful')}
                </button>
                <button
                  type="button"
                  aria-pressed={votes.get(item.id) === 'not-helpful'}
                  aria-label={t('actionNotHelpfulLabel', item.title)}
                  onClick={() => act(item, 'not-helpful')}
                >
                  {t('actionNotHelpful')}
                </button>
                <details class="sp-more">
                  <summary aria-label={t('actionMoreLabel', item.title)}>{t('actionMore')}</summary>
                  <div class="sp-more-body">
                    <button type="button" onClick={() => act(item, 'snooze-day')}>
                      {t('actionSnoozeDay')}
                    </button>
                    <button type="button" onClick={() => act(item, 'snooze-week')}>
                      {t('actionSnoozeWeek')}
                    </button>
                    <button type="button" onClick={() => act(item, 'dismiss')}>
                      {t('actionDismiss')}
                    </button>
                  </div>
                </details>
              </div>
            )}
          />
          <div class="sp-panel-foot">
            <button type="button" class="sp-link" onClick={onPause}>
              {t('pauseSite')}
            </button>
          </div>
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
