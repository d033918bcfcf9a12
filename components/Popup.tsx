import { useEffect, useState } from 'preact/hooks';
import type { Match, PageContext } from '@/utils/model';
import { ItemList } from './ItemList';
import { useT } from './i18n';

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

interface Props {
  load: () => Promise<PageState>;
  onOpenOptions: () => void;
  /** Pauses or resumes Signpost on a site. */
  setPaused: (host: string, paused: boolean) => Promise<void>;
}

/** The popup: what Signpost sees on the current tab and the items it offers there. */
export function Popup({ load, onOpenOptions, setPaused }: Props) {
  const t = useT();
  const [page, setPage] = useState<PageState>({ state: 'loading' });

  useEffect(() => {
    load().then(setPage, (error: unknown) => setPage({ state: 'error', message: String(error) }));
  }, [load]);

  return (
    <main class="sp-page">
      <h1>{t('popupTitle')}</h1>
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
                <ItemList matches={page.matches} idPrefix="sp-popup" />
              ) : (
                <p>{t('popupNoMatches')}</p>
              )}
              <button
                type="button"
                onClick={() =>
                  setPaused(page.host, !page.paused).then(
                    () => setPage({ ...page, paused: !page.paused, matches: [] }),
                    (error: unknown) => setPage({ state: 'error', message: String(error) }),
                  )
                }
              >
                {page.paused ? t('popupResume') : t('popupPause')}
              </button>
            </>
          )}
        </div>
      </section>
      <footer>
        <button type="button" class="sp-link-button" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      </footer>
    </main>
  );
}
