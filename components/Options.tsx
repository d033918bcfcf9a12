import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SourceView } from '@/utils/model';
import { useT } from './i18n';

interface Props {
  loadSources: () => Promise<SourceView[]>;
  setEnabled: (sourceId: string, enabled: boolean) => Promise<SourceView[]>;
  formatDate: (ms: number) => string;
  /** Further sections (tools, …). */
  children?: ComponentChildren;
}

/** The options page: the knowledge sources, their state, and the switch for each. */
export function Options({ loadSources, setEnabled, formatDate, children }: Props) {
  const t = useT();
  const [sources, setSources] = useState<SourceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const report = (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason));
  useEffect(() => {
    loadSources().then(setSources, report);
  }, [loadSources]);

  return (
    <main class="sp-page">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="sp-sources">
        <h2 id="sp-sources">{t('optionsSources')}</h2>
        <p>{t('optionsSourcesHelp')}</p>
        {error && <p role="alert">{t('loadError', error)}</p>}
        <ul class="sp-sources">
          {sources?.map((source) => {
            const name = source.builtin && source.id === 'builtin-demo' ? t('sourceDemoName') : source.name;
            const { status } = source;
            return (
              <li key={source.id} class="sp-source" data-source-id={source.id}>
                <h3>
                  {name} {source.builtin && <span class="sp-tag">{t('sourceBuiltin')}</span>}
                </h3>
                <p>
                  {t('sourceItems', String(status.itemCount))}
                  {' · '}
                  {status.lastSyncAt
                    ? t('sourceLastSync', formatDate(status.lastSyncAt))
                    : t('sourceNeverSynced')}
                  {status.warnings.length > 0 && ` · ${t('sourceWarnings', String(status.warnings.length))}`}
                </p>
                {status.error && <p role="alert">{t('sourceError', status.error)}</p>}
                {source.builtin ? (
                  <label>
                    <input
                      type="checkbox"
                      checked={source.enabled}
                      onChange={(event) =>
                        setEnabled(source.id, event.currentTarget.checked).then((next) => {
                          setError(null);
                          setSources(next);
                        }, report)
                      }
                    />{' '}
                    {t('sourceEnabled', name)}
                  </label>
                ) : (
                  <p class="sp-screen">{t('rulesPolicy')}</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {children}
    </main>
  );
}
