import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SourceView } from '@/utils/model';
import { useT } from './i18n';

interface Props {
  loadSources: () => Promise<SourceView[]>;
  setEnabled: (sourceId: string, enabled: boolean) => Promise<SourceView[]>;
  formatDate: (ms: number) => string;
  /** Sync a source now; remove one of the person's own. */
  syncNow: (sourceId: string) => Promise<SourceView[]>;
  remove: (sourceId: string) => Promise<SourceView[]>;
  /** The "add a source" form, given a way to refresh the list after a save. */
  editor?: (refresh: (sources: SourceView[]) => void) => ComponentChildren;
  /** Further sections (tools, …). */
  children?: ComponentChildren;
}

/** The options page: the knowledge sources, their state, and the switch for each. */
export function Options({ loadSources, setEnabled, formatDate, syncNow, remove, editor, children }: Props) {
  const t = useT();
  const [sources, setSources] = useState<SourceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [syncing, setSyncing] = useState<string | null>(null);
  const report = (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason));
  const apply = (work: Promise<SourceView[]>) =>
    work.then((next) => {
      setError(null);
      setSources(next);
    }, report);
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
                ) : source.origin === 'policy' ? (
                  <p class="sp-screen">{t('rulesPolicy')}</p>
                ) : (
                  <button type="button" onClick={() => void apply(remove(source.id))}>
                    {t('sourceRemove', name)}
                  </button>
                )}{' '}
                {!source.builtin && (
                  <button
                    type="button"
                    disabled={syncing === source.id}
                    onClick={() => {
                      setSyncing(source.id);
                      void apply(syncNow(source.id)).finally(() => setSyncing(null));
                    }}
                  >
                    {syncing === source.id ? t('sourceSyncing') : t('sourceSyncNow', name)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {editor?.((next) => setSources(next))}
      </section>
      {children}
    </main>
  );
}
