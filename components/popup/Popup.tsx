import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { SignpostIcon } from '@/components/shared/icons';
import { useLoad } from '@/components/shared/useLoad';
import type { Reaction } from '@/utils/delivery/reactions';
import type { SuggestionDraft } from '@/utils/delivery/suggestions';
import type { Activity } from '@/utils/messages';
import type { KnowledgeItem, Match, PageContext } from '@/utils/model';
import { ActivityList } from './ActivityList';
import { ItemReactions } from './ItemReactions';
import { RequestContent } from './RequestContent';
import { type CardLabels, ResultCard } from './ResultCard';
import { type SearchFilters, SearchHeader } from './SearchHeader';
import { useLiveActivity } from './useLiveActivity';

export type { SearchFilters } from './SearchHeader';

import { SuggestFix } from './SuggestFix';

export type PageState =
  | { state: 'loading' }
  | { state: 'no-tool' }
  | {
      state: 'ready';
      context: PageContext;
      toolName: string;
      matches: Match[];
      paused: boolean;
      host: string;
    }
  | { state: 'error'; message: string };

/** A search's answer: the hits, and per hit's id the index terms it matched. */
export interface SearchAnswer {
  hits: KnowledgeItem[];
  matched: Record<string, string[]>;
}

interface Props {
  load: () => Promise<PageState>;
  onOpenOptions: () => void;
  /** Pauses or resumes Signpost on a site. */
  setPaused: (host: string, paused: boolean) => Promise<void>;
  search: (query: string, filters: SearchFilters) => Promise<SearchAnswer>;
  /** A search that found nothing, after the person stopped typing. */
  recordGap: (query: string) => void;
  loadActivity: () => Promise<Activity>;
  react: (item: KnowledgeItem, reaction: Reaction) => Promise<Activity>;
  /** A champion's suggested fix or new tip (KCS "fix it"). */
  suggest: (draft: SuggestionDraft) => Promise<Activity>;
  /** Takes back an endorsement; `reachedOwners`: it had been sent already. */
  withdraw: (key: string) => Promise<{ activity: Activity; reachedOwners: boolean }>;
  /** Asks the owners for content a search did not find. */
  requestContent: (title: string, comment?: string) => Promise<Activity>;
  retry: (key: string) => Promise<Activity>;
  sendNow: () => Promise<Activity>;
  exportActivity: (activity: Activity, format: 'csv' | 'json') => void;
  /** The tools that have content, by name, for the tool filter. */
  loadTools: () => Promise<{ id: string; name: string }[]>;
  /** Source names by id, for the source chips. */
  loadSourceNames: () => Promise<Record<string, string>>;
  toolName: (id: string) => string;
  /** The search to start with (selected text from the context menu, or `?q=`). */
  initialQuery?: string;
  /** How long the person must stop typing before an empty result counts as a content gap. */
  gapDelayMs?: number;
  /** How often My activity asks again while something is on its way. */
  activityPollMs?: number;
}

/** Arrow keys move between result links; from the search box, ArrowDown enters the list. */
function moveFocus(
  list: HTMLElement | null,
  from: Element | null,
  step: 1 | -1,
  input: HTMLInputElement | null,
) {
  const links = [...(list?.querySelectorAll<HTMLAnchorElement>('.sp-title a') ?? [])];
  const index = from ? links.indexOf(from as HTMLAnchorElement) : -1;
  const next = index + step;
  if (next < 0) input?.focus();
  else links[Math.min(next, links.length - 1)]?.focus();
}

/**
 * Results painted at first; the rest on request. A popup is a new page every time it opens, so
 * every card costs its full price on the first search; the popup shows about four at once.
 */
export const FIRST_RESULTS = 10;

/** The popup: search everything, this page's matches, endorse and flag, and my activity. */
export function Popup(props: Props) {
  const { load, onOpenOptions, setPaused, search, recordGap, loadActivity, react, retry, sendNow } = props;
  const t = useT();
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  /** How many results are shown: FIRST_RESULTS for a new answer, all after "Show all". */
  const [shown, setShown] = useState(FIRST_RESULTS);
  /** After "Show all", the first result that was not shown takes the focus. */
  const focusFrom = useRef<number | null>(null);
  const [showActivity, setShowActivity] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const searchArea = useRef<HTMLDivElement>(null);
  const now = Date.now();

  const described = useLoad(load, [load], { describe: String });
  const page: PageState =
    described.error !== null
      ? { state: 'error', message: described.error }
      : (described.value ?? { state: 'loading' });
  // Without the person's activity (not answered), the popup offers what a champion may do.
  const { value: activity, set: setActivity } = useLoad(loadActivity, [loadActivity]);
  useLiveActivity(activity, loadActivity, setActivity, props.activityPollMs);
  const { value: tools } = useLoad(props.loadTools, [props.loadTools]);
  const { value: sourceNames } = useLoad(props.loadSourceNames, [props.loadSourceNames]);
  const labels: CardLabels = { tool: props.toolName, source: (id) => sourceNames?.[id] };

  useEffect(() => {
    input.current?.focus();
    // ↓ / ↑ from the search box and between result links; selects and textareas keep their arrows.
    const area = searchArea.current;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const target = event.target as Element;
      if (target !== input.current && !target.matches('.sp-title a')) return;
      event.preventDefault();
      const from = target === input.current ? null : target;
      moveFocus(results.current, from, event.key === 'ArrowDown' ? 1 : -1, input.current);
    };
    area?.addEventListener('keydown', onKey);
    return () => area?.removeEventListener('keydown', onKey);
  }, []);

  // A warm search takes a few milliseconds in the background; what the person waits for is mostly
  // the popup. So the search is asked for as the text is typed, while the popup renders it, and its
  // answer is taken as soon as that render is done, not after the next paint (where a plain effect
  // would run).
  const asked = useRef<{ key: string; answer: Promise<SearchAnswer> } | null>(null);
  const ask = (text: string, chosen: SearchFilters) => {
    const key = JSON.stringify([text, chosen]);
    const answer = asked.current?.key === key ? asked.current.answer : search(text, chosen);
    asked.current = { key, answer };
    return answer;
  };
  const onQuery = (next: string) => {
    if (next.trim()) void ask(next.trim(), filters).catch(() => undefined);
    setQuery(next);
  };
  useLayoutEffect(() => {
    const text = query.trim();
    if (!text) {
      setAnswer(null);
      return;
    }
    let current = true;
    const answer = ask(text, filters);
    // The next search for the same words (after an endorsement, say) asks again.
    asked.current = null;
    answer.then(
      (found) => {
        if (!current) return;
        setShown(FIRST_RESULTS);
        setAnswer(found);
      },
      () => current && setAnswer({ hits: [], matched: {} }),
    );
    return () => {
      current = false;
    };
  }, [query, filters, search]);

  useEffect(() => {
    if (focusFrom.current === null) return;
    const links = results.current?.querySelectorAll<HTMLAnchorElement>('.sp-title a');
    links?.[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [shown]);

  const hits = answer?.hits ?? null;
  useEffect(() => {
    if (hits === null || hits.length > 0) return;
    const timer = setTimeout(() => recordGap(query.trim()), props.gapDelayMs ?? 1500);
    return () => clearTimeout(timer);
  }, [hits, query, recordGap, props.gapDelayMs]);

  const champion = activity?.champion ?? true;
  const entries = activity?.entries ?? [];
  const onReact = async (item: KnowledgeItem, reaction: Reaction) => setActivity(await react(item, reaction));
  const onWithdraw = async (key: string) => {
    const { activity: next, reachedOwners } = await props.withdraw(key);
    setActivity(next);
    return reachedOwners ? t('endorseWithdrawnSent') : t('endorseWithdrawn');
  };
  const onSuggest = async (draft: SuggestionDraft) => setActivity(await props.suggest(draft));
  const actions = (item: KnowledgeItem) =>
    champion ? (
      <div class="sp-card-actions">
        <ItemReactions item={item} entries={entries} onReact={onReact} onWithdraw={onWithdraw} />
        <SuggestFix target={{ mode: 'edit', item }} onSuggest={onSuggest} />
      </div>
    ) : null;

  return (
    <main class="sp-page sp-popup">
      <div class="sp-popup-search" ref={searchArea}>
        <header class="sp-popup-head">
          <h1 class="sp-brand">
            <SignpostIcon class="sp-icon" />
            {t('popupTitle')}
          </h1>
          <SearchHeader
            query={query}
            onQuery={onQuery}
            filters={filters}
            onFilters={setFilters}
            tools={tools ?? []}
            input={input}
          />
        </header>
        <div ref={results} aria-live="polite">
          {answer !== null && (
            <section aria-labelledby="sp-results" class="sp-section">
              <h2 id="sp-results">{t('searchResults', String(answer.hits.length))}</h2>
              {answer.hits.length === 0 ? (
                <RequestContent
                  key={query.trim()}
                  words={query.trim()}
                  onRequest={
                    champion
                      ? async (title, comment) => setActivity(await props.requestContent(title, comment))
                      : undefined
                  }
                />
              ) : (
                <>
                  <ul class="sp-results">
                    {answer.hits.slice(0, shown).map((item) => (
                      <ResultCard
                        key={item.id}
                        item={item}
                        idPrefix="sp-search"
                        labels={labels}
                        matched={answer.matched[item.id]}
                        now={now}
                      >
                        {actions(item)}
                      </ResultCard>
                    ))}
                  </ul>
                  {answer.hits.length > shown && (
                    <button
                      type="button"
                      class="sp-quiet sp-show-all"
                      onClick={() => {
                        focusFrom.current = shown;
                        setShown(answer.hits.length);
                      }}
                    >
                      {t('searchShowAll', String(answer.hits.length))}
                    </button>
                  )}
                </>
              )}
            </section>
          )}
        </div>
      </div>

      {answer === null && (
        <section aria-labelledby="sp-this-page" class="sp-section">
          <h2 id="sp-this-page">{t('popupThisPage')}</h2>
          <div aria-live="polite">
            {page.state === 'loading' && <p class="sp-help">{t('popupLoading')}</p>}
            {page.state === 'no-tool' && <p class="sp-help">{t('popupNoTool')}</p>}
            {page.state === 'error' && <p role="alert">{t('loadError', page.message)}</p>}
            {page.state === 'ready' && (
              <>
                <p class="sp-help">
                  {page.context.area ? t('popupScreen', [page.toolName, page.context.area]) : page.toolName}
                </p>
                {page.paused ? (
                  <p>{t('popupPaused', page.host)}</p>
                ) : page.matches.length > 0 ? (
                  <ul class="sp-results">
                    {page.matches.map(({ item, reasons }) => (
                      <ResultCard
                        key={item.id}
                        item={item}
                        idPrefix="sp-popup"
                        labels={labels}
                        reasons={reasons}
                        now={now}
                      >
                        {actions(item)}
                      </ResultCard>
                    ))}
                  </ul>
                ) : (
                  <p>{t('popupNoMatches')}</p>
                )}
                <div class="sp-actions">
                  <button
                    type="button"
                    onClick={() =>
                      setPaused(page.host, !page.paused).then(
                        () => described.set({ ...page, paused: !page.paused, matches: [] }),
                        described.fail,
                      )
                    }
                  >
                    {page.paused ? t('popupResume') : t('popupPause')}
                  </button>
                </div>
                {champion && page.context.tool && (
                  <SuggestFix
                    target={{
                      mode: 'new',
                      tool: page.context.tool,
                      toolName: page.toolName,
                      ...(page.context.area ? { area: page.context.area } : {}),
                    }}
                    onSuggest={onSuggest}
                  />
                )}
              </>
            )}
          </div>
        </section>
      )}

      {champion && (
        <section aria-labelledby="sp-activity" class="sp-section">
          <h2 id="sp-activity">
            <button
              type="button"
              class="sp-link-button"
              aria-expanded={showActivity}
              aria-controls="sp-activity-body"
              onClick={() => setShowActivity(!showActivity)}
            >
              {t('activityTitle', String(entries.length))}
            </button>
          </h2>
          {showActivity && activity && (
            <div id="sp-activity-body">
              <ActivityList
                entries={entries}
                webhook={activity.webhook}
                onRetry={(key) => void retry(key).then(setActivity)}
                onSendNow={() => void sendNow().then(setActivity)}
                onExport={(format) => props.exportActivity(activity, format)}
              />
            </div>
          )}
        </section>
      )}

      <footer>
        <button type="button" class="sp-link-button" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
