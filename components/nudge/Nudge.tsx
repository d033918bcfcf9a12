import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import {
  CloseIcon,
  EndorseIcon as HelpfulIcon,
  NotHelpfulIcon,
  OpenIcon,
  PauseIcon,
  SignpostIcon,
} from '@/components/shared/icons';
import type { Translate } from '@/utils/i18n';
import type { ItemAction } from '@/utils/match/feedback';
import type { KnowledgeItem, Match } from '@/utils/model';
import { Card } from './Card';
import { type BadgePosition, moveByKey, positionAt } from './position';

export type NudgeAction = ItemAction | 'announce-dismissed';

/** How long "Pause on this site" can be undone before it takes effect. */
export const PAUSE_UNDO_MS = 5000;

export interface NudgeProps {
  matches: Match[];
  toolName: string;
  /** Id of a new-capability tip that may announce itself (once). */
  announce?: string;
  /** The weekly digest: new things in the person's tools, offered in the announcement slot. */
  digest?: Match[];
  onAction: (item: KnowledgeItem, action: NudgeAction) => void;
  /** Pauses Signpost on this site (called once the Undo window has passed). */
  onPause: () => void;
  /** Earlier votes, so the buttons show what the person said before. */
  votes?: Record<string, 'helpful' | 'not-helpful'>;
  now?: number;
  /** Why an item is shown, as a sentence. */
  why?: (item: KnowledgeItem) => string;
  /** Searches all knowledge (the panel's search field). */
  onSearch?: (query: string) => Promise<KnowledgeItem[]>;
  /** Opens Signpost's own page ("See all in Signpost"), with the search typed so far. */
  onSeeAll?: (query: string) => void;
  position?: BadgePosition;
  /** The person moved the badge (drag along the edge, or arrow keys). */
  onMove?: (position: BadgePosition) => void;
}

/** What the badge counts, in words: "3 tips", "2 articles", "3 items (1 tip, 2 articles)". */
export function countLabel(t: Translate, matches: Match[]): string {
  const tips = matches.filter(({ item }) => item.kind === 'tip').length;
  const articles = matches.length - tips;
  const tipText = tips === 1 ? t('countTipOne') : t('countTips', String(tips));
  const articleText = articles === 1 ? t('countArticleOne') : t('countArticles', String(articles));
  const phrase =
    articles === 0
      ? tipText
      : tips === 0
        ? articleText
        : t('countMixed', [String(matches.length), tipText, articleText]);
  return t('badgeLabel', phrase);
}

/**
 * The in-page nudge: a small badge on the edge of the window (Signpost's icon and the count);
 * opening it shows a compact, non-modal panel — a header with the tool's name, a search over all
 * knowledge and Close; a scrolling list of cards; a footer with "See all in Signpost" and "Pause on
 * this site" (with Undo). Esc closes the panel and focus returns to the badge. An announcement of
 * a new capability sits above the badge until dismissed; it never takes focus.
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
  why,
  onSearch,
  onSeeAll,
  position: initialPosition = { side: 'left', bottom: 16 },
  onMove,
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
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<KnowledgeItem[] | null>(null);
  const [pausing, setPausing] = useState(false);
  const [position, setPosition] = useState(initialPosition);
  const badge = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const dragged = useRef(false);

  const visible = matches.filter(({ item }) => !hidden.has(item.id));
  const announced = announcing ? matches.find(({ item }) => item.id === announce)?.item : undefined;

  // Focus moves in the same frame as the panel opens or closes, so keyboard users never land nowhere.
  useLayoutEffect(() => {
    if (open) {
      panel.current?.focus();
      // Views count for tips only: a tip seen often enough without a "helpful" stops being offered.
      for (const { item } of visible) if (item.kind === 'tip') onAction(item, 'panel');
    } else if (wasOpen.current) badge.current?.focus();
    wasOpen.current = open;
    // Views are counted when the panel opens, not again when items are hidden from an open panel.
  }, [open]);

  // The search runs a moment after typing stops; an empty field shows this screen's items again.
  useEffect(() => {
    const words = query.trim();
    if (!words || !onSearch) {
      setHits(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      onSearch(words).then(
        (found) => current && setHits(found),
        () => current && setHits([]),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  // "Pause on this site" takes effect only once its Undo has not been used. Focus follows: to Undo,
  // then back to the badge.
  const undo = useRef<HTMLButtonElement>(null);
  const wasPausing = useRef(false);
  useLayoutEffect(() => {
    if (pausing) undo.current?.focus();
    else if (wasPausing.current) badge.current?.focus();
    wasPausing.current = pausing;
    if (!pausing) return;
    const timer = setTimeout(onPause, PAUSE_UNDO_MS);
    return () => clearTimeout(timer);
  }, [pausing]);

  if (visible.length === 0 && !digest?.length) return null;

  const move = (next: BadgePosition) => {
    setPosition(next);
    onMove?.(next);
  };

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

  const feedback = (item: KnowledgeItem) => (
    <div class="sp-actions">
      <button
        type="button"
        aria-pressed={votes.get(item.id) === 'helpful'}
        aria-label={t('actionHelpfulLabel', item.title)}
        onClick={() => act(item, 'helpful')}
      >
        <HelpfulIcon class="sp-icon" aria-hidden="true" />
        {t('actionHelpful')}
      </button>
      <button
        type="button"
        aria-pressed={votes.get(item.id) === 'not-helpful'}
        aria-label={t('actionNotHelpfulLabel', item.title)}
        onClick={() => act(item, 'not-helpful')}
      >
        <NotHelpfulIcon class="sp-icon" aria-hidden="true" />
        {t('actionNotHelpful')}
      </button>
      <details class="sp-more">
        <summary aria-label={t('actionMoreLabel', item.title)}>{t('actionMore')}</summary>
        <div class="sp-menu">
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
  );

  const searching = hits !== null;
  const list = searching ? hits : visible.map(({ item }) => item);

  if (pausing) {
    return (
      <div class={`sp-root sp-${position.side}`} style={{ bottom: `${position.bottom}px` }}>
        <div class="sp-toast" role="status">
          <span>{t('pausedHere')}</span>
          <button ref={undo} type="button" class="sp-text-button" onClick={() => setPausing(false)}>
            {t('pauseUndo')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div class={`sp-root sp-${position.side}`} style={{ bottom: `${position.bottom}px` }}>
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
            class="sp-icon-button"
            aria-label={t('announceDismiss')}
            onClick={() => {
              setDigesting(false);
              // The budget counts the digest's dismissal as it counts a tip's.
              if (digest[0]) onAction(digest[0].item, 'announce-dismissed');
            }}
          >
            <CloseIcon class="sp-icon" aria-hidden="true" />
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
            class="sp-icon-button"
            aria-label={t('announceDismiss')}
            onClick={() => {
              setAnnouncing(false);
              onAction(announced, 'announce-dismissed');
            }}
          >
            <CloseIcon class="sp-icon" aria-hidden="true" />
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
          <div class="sp-head">
            <div class="sp-head-row">
              <h2 id="sp-panel-title" class="sp-panel-title">
                <SignpostIcon class="sp-icon sp-brand" aria-hidden="true" />
                {t('panelTitle', toolName)}
              </h2>
              <button type="button" class="sp-close" onClick={() => setOpen(false)}>
                <CloseIcon class="sp-icon" aria-hidden="true" />
                {t('panelClose')}
              </button>
            </div>
            {onSearch && (
              <input
                type="search"
                class="sp-search"
                aria-label={t('nudgeSearchLabel')}
                placeholder={t('nudgeSearchPlaceholder')}
                value={query}
                onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
              />
            )}
          </div>
          <div class="sp-body">
            {showDigest && !searching && digest?.length ? (
              <section aria-labelledby="sp-digest-title">
                <h3 id="sp-digest-title" class="sp-panel-title">
                  {t('digestTitle')}
                </h3>
                <ul class="sp-items">
                  {digest.map(({ item }) => (
                    <Card
                      key={item.id}
                      item={item}
                      idPrefix="sp-digest"
                      now={now}
                      onOpen={(opened) => onAction(opened, 'open')}
                    />
                  ))}
                </ul>
              </section>
            ) : null}
            {searching && list.length === 0 ? (
              <p class="sp-empty" role="status">
                {t('nudgeSearchNone', query.trim())}
              </p>
            ) : (
              <ul class="sp-items" aria-label={searching ? t('nudgeSearchResults') : t('nudgeForScreen')}>
                {list.map((item) => (
                  <Card
                    key={item.id}
                    item={item}
                    idPrefix={searching ? 'sp-hit' : 'sp-nudge'}
                    why={searching ? undefined : why?.(item)}
                    now={now}
                    onOpen={(opened) => onAction(opened, 'open')}
                    actions={searching ? undefined : feedback(item)}
                  />
                ))}
              </ul>
            )}
          </div>
          <div class="sp-foot">
            {onSeeAll && (
              <button type="button" class="sp-text-button" onClick={() => onSeeAll(query.trim())}>
                <OpenIcon class="sp-icon" aria-hidden="true" />
                {t('seeAll')}
              </button>
            )}
            <button
              type="button"
              class="sp-text-button"
              onClick={() => {
                setOpen(false);
                setPausing(true);
              }}
            >
              <PauseIcon class="sp-icon" aria-hidden="true" />
              {t('pauseSite')}
            </button>
          </div>
        </div>
      )}
      <button
        ref={badge}
        type="button"
        class="sp-badge"
        aria-label={countLabel(t, visible)}
        aria-describedby="sp-badge-hint"
        aria-expanded={open}
        aria-controls="sp-panel"
        onClick={() => {
          if (dragged.current) {
            dragged.current = false;
            return;
          }
          setOpen(!open);
        }}
        onKeyDown={(event) => {
          const next = moveByKey(position, event.key, window.innerHeight);
          if (!next) return;
          event.preventDefault();
          move(next);
        }}
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          drag.current = { x: event.clientX, y: event.clientY, moved: false };
          (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          const start = drag.current;
          if (!start) return;
          if (!start.moved && Math.hypot(event.clientX - start.x, event.clientY - start.y) < 6) return;
          start.moved = true;
          setPosition(positionAt(event.clientX, event.clientY, window.innerWidth, window.innerHeight));
        }}
        onPointerUp={(event) => {
          const start = drag.current;
          drag.current = null;
          if (!start?.moved) return;
          dragged.current = true;
          move(positionAt(event.clientX, event.clientY, window.innerWidth, window.innerHeight));
        }}
      >
        <SignpostIcon class="sp-icon" aria-hidden="true" />
        <span aria-hidden="true" class="sp-badge-count">
          {visible.length || (digest?.length ?? 0)}
        </span>
      </button>
      <span id="sp-badge-hint" hidden>
        {t('badgeMoveHint')}
      </span>
    </div>
  );
}
