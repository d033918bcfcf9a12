import { useEffect, useRef, useState } from 'preact/hooks';
import { ItemList } from '@/components/shared/ItemList';
import { useT } from '@/components/shared/i18n';
import { useLoad } from '@/components/shared/useLoad';
import type { Reaction } from '@/utils/delivery/reactions';
import type { SuggestionDraft } from '@/utils/delivery/suggestions';
import type { Activity } from '@/utils/messages';
import type { ItemKind, KnowledgeItem, Match, PageContext } from '@/utils/model';
import { ActivityList } from './ActivityList';
import { ItemReactions } from './ItemReactions';
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

export interface SearchFilters {
  tool?: string;
  kind?: ItemKind;
}

interface Props {
  load: () => Promise<PageState>;
  onOpenOptions: () => void;
  /** Pauses or resumes Signpost on a site. */
  setPaused: (host: string, paused: boolean) => Promise<void>;
  search: (query: string, filters: SearchFilters) => Promise<KnowledgeItem[]>;
  /** A search that found nothing, after the person stopped typing. */
  recordGap: (query: string) => void;
  loadActivity: () => Promise<Activity>;
  react: (item: KnowledgeItem, reaction: Reaction) => Promise<Activity>;
  /** A champion's suggested fix or new tip (KCS "fix it"). */
  suggest: (draft: SuggestionDraft) => Promise<Activity>;
  retry: (key: string) => Promise<Activity>;
  sendNow: () => Promise<Activity>;
  exportActivity: (activity: Activity, format: 'csv' | 'json') => void;
  tools: { id: string; name: string }[];
  /** The search to start with (selected text from the context menu, or `?q=`). */
  initialQuery?: string;
  /** How long the person must stop typing before an empty result counts as a content gap. */
  gapDelayMs?: number;
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

/** The popup: search everything, this page's matches, endorse and flag, and my activity. */
export function Popup(props: Props) {
  const { load, onOpenOptions, setPaused, search, recordGap, loadActivity, react, retry, sendNow } = props;
  const t = useT();
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [hits, setHits] = useState<KnowledgeItem[] | null>(null);
  const [showActivity, setShowActivity] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);

  const described = useLoad(load, [load], { describe: String });
  const page: PageState =
    described.error !== null
      ? { state: 'error', message: described.error }
      : (described.value ?? { state: 'loading' });
  // Without the person's activity (not answered), the popup offers what a champion may do.
  const { value: activity, set: setActivity } = useLoad(loadActivity, [loadActivity]);

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setHits(null);
      return;
    }
    let current = true;
    search(text, filters).then(
      (found) => current && setHits(found),
      () => current && setHits([]),
    );
    return () => {
      current = false;
    };
  }, [query, filters, search]);

  useEffect(() => {
    if (hits === null || hits.length > 0) return;
    const timer = setTimeout(() => recordGap(query.trim()), props.gapDelayMs ?? 1500);
    return () => clearTimeout(timer);
  }, [hits, query, recordGap, props.gapDelayMs]);

  const champion = activity?.champion ?? true;
  const entries = activity?.entries ?? [];
  const onReact = async (item: KnowledgeItem, reaction: Reaction) => setActivity(await react(item, reaction));
  const onSuggest = async (draft: SuggestionDraft) => setActivity(await props.suggest(draft));
  const actions = champion
    ? (item: KnowledgeItem) => (
        <>
          <ItemReactions item={item} entries={entries} onReact={onReact} />
          <SuggestFix target={{ mode: 'edit', item }} onSuggest={onSuggest} />
        </>
      )
    : undefined;
  const asMatches = (items: KnowledgeItem[]): Match[] =>
    items.map((item) => ({ item, score: 0, reasons: [] }));

  return (
    <main class="sp-page">
      <h1>{t('popupTitle')}</h1>
      <form
        class="sp-search"
        onSubmit={(event) => event.preventDefault()}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          const from = event.target === input.current ? null : (event.target as Element);
          moveFocus(results.current, from, event.key === 'ArrowDown' ? 1 : -1, input.current);
        }}
      >
        <label for="sp-query">{t('searchLabel')}</label>
        <input
          id="sp-query"
          ref={input}
          type="search"
          value={query}
          autoComplete="off"
          placeholder={t('searchPlaceholder')}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <div class="sp-filters">
          <label>
            {t('searchTool')}{' '}
            <select
              value={filters.tool ?? ''}
              onChange={(event) => setFilters({ ...filters, tool: event.currentTarget.value || undefined })}
            >
              <option value="">{t('searchAllTools')}</option>
              {props.tools.map((tool) => (
                <option key={tool.id} value={tool.id}>
                  {tool.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('searchKind')}{' '}
            <select
              value={filters.kind ?? ''}
              onChange={(event) =>
                setFilters({
                  ...filters,
                  kind: (event.currentTarget.value || undefined) as ItemKind | undefined,
                })
              }
            >
              <option value="">{t('searchAllKinds')}</option>
              <option value="article">{t('kindArticle')}</option>
              <option value="tip">{t('kindTip')}</option>
            </select>
          </label>
        </div>
        <div ref={results} aria-live="polite">
          {hits !== null && (
            <section aria-labelledby="sp-results">
              <h2 id="sp-results">{t('searchResults', String(hits.length))}</h2>
              {hits.length === 0 ? (
                <p>{t('searchNothing')}</p>
              ) : (
                <ItemList matches={asMatches(hits)} idPrefix="sp-search" actions={actions} />
              )}
            </section>
          )}
        </div>
      </form>

      {hits === null && (
        <section aria-labelledby="sp-this-page">
          <h2 id="sp-this-page">{t('popupThisPage')}</h2>
          <div aria-live="polite">
            {page.state === 'loading' && <p>{t('popupLoading')}</p>}
            {page.state === 'no-tool' && <p>{t('popupNoTool')}</p>}
            {page.state === 'error' && <p role="alert">{t('loadError', page.message)}</p>}
            {page.state === 'ready' && (
              <>
                <p class="sp-screen">
                  {page.context.area ? t('popupScreen', [page.toolName, page.context.area]) : page.toolName}
                </p>
                {page.paused ? (
                  <p>{t('popupPaused', page.host)}</p>
                ) : page.matches.length > 0 ? (
                  <ItemList matches={page.matches} idPrefix="sp-popup" actions={actions} />
                ) : (
                  <p>{t('popupNoMatches')}</p>
                )}
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
        <section aria-labelledby="sp-activity">
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
