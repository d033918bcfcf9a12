import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { useLoad } from '@/components/shared/useLoad';
import type { ContentHealth } from '@/utils/measurement/content-health';
import type { SyncProgress } from '@/utils/messages';
import type { SourceView } from '@/utils/model';
import { SourceHealth } from './SourceHealth';
import { TYPE_KEYS } from './source-form';

interface Props {
  loadSources: () => Promise<SourceView[]>;
  /** The demo content's switch, or one of the person's own sources on or off. */
  setEnabled: (sourceId: string, enabled: boolean) => Promise<SourceView[]>;
  /** Sync a source now; remove one of the person's own. */
  syncNow: (sourceId: string) => Promise<SourceView[]>;
  remove: (sourceId: string) => Promise<SourceView[]>;
  loadHealth: (sourceId: string) => Promise<ContentHealth>;
  /** Listens to "Sync now" progress; returns the function that stops listening. */
  onProgress: (listener: (progress: SyncProgress) => void) => () => void;
  formatDate: (ms: number) => string;
  toolName: (id: string) => string;
  /** The add / edit form: `editing` is the source to edit, or null to add one; `takenIds` are in use. */
  editor: (
    editing: SourceView | null,
    done: (sources?: SourceView[]) => void,
    takenIds: string[],
  ) => ComponentChildren;
}

function Progress({ progress }: { progress: SyncProgress | undefined }) {
  const t = useT();
  const text = !progress?.done
    ? t('sourceSyncing')
    : progress.total
      ? t('sourceProgressOf', [String(progress.done), String(progress.total)])
      : t('sourceProgress', String(progress.done));
  return (
    <p class="sp-progress">
      {/* Without a total the bar is indeterminate. */}
      <progress
        aria-label={text}
        {...(progress?.total ? { max: progress.total, value: Math.min(progress.done, progress.total) } : {})}
      />{' '}
      <span aria-live="polite">{text}</span>
    </p>
  );
}

/** The knowledge sources, their state and health, and what can be done with each. */
export function SourceList(props: Props) {
  const { loadSources, setEnabled, syncNow, remove, loadHealth, onProgress, formatDate, toolName, editor } =
    props;
  const t = useT();
  const { value: sources, error, set: setSources, fail } = useLoad(loadSources, [loadSources]);
  const [syncing, setSyncing] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<Record<string, SyncProgress>>({});
  const [editing, setEditing] = useState<SourceView | null>(null);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);

  const apply = (work: Promise<SourceView[]>) => work.then(setSources, fail);
  useEffect(
    () => onProgress((update) => setProgress((all) => ({ ...all, [update.sourceId]: update }))),
    [onProgress],
  );

  const ids = sources?.map((source) => source.id) ?? [];
  const runSync = (id: string) => {
    setSyncing((all) => new Set(all).add(id));
    setProgress(({ [id]: _old, ...rest }) => rest);
    void apply(syncNow(id)).finally(() =>
      setSyncing((all) => {
        const next = new Set(all);
        next.delete(id);
        return next;
      }),
    );
  };

  return (
    <section aria-labelledby="sp-sources">
      <h2 id="sp-sources">{t('optionsSources')}</h2>
      <p>{t('optionsSourcesHelp')}</p>
      {error && (
        <p role="alert" class="sp-error">
          {t('loadError', error)}
        </p>
      )}
      <ul class="sp-sources">
        {sources?.map((source) => {
          const name = source.builtin && source.id === 'builtin-demo' ? t('sourceDemoName') : source.name;
          const { status } = source;
          const own = source.origin === 'own';
          const busy = syncing.has(source.id);
          return (
            <li key={source.id} class="sp-source" data-source-id={source.id}>
              <h3>
                {name} {source.builtin && <span class="sp-tag">{t('sourceBuiltin')}</span>}
                {source.origin === 'policy' && <span class="sp-tag">{t('rulesPolicy')}</span>}
                {!source.enabled && <span class="sp-tag">{t('sourceOff')}</span>}
              </h3>
              {!source.builtin && (
                <p class="sp-screen">
                  {t('sourceSummary', [t(TYPE_KEYS[source.type]), source.url])}
                  {source.tools.length > 0 &&
                    ` · ${t('sourceForTools', source.tools.map(toolName).join(', '))}`}
                  {` · ${t('sourceEvery', String(source.intervalMinutes ?? 60))}`}
                </p>
              )}
              <p>
                {t('sourceItems', String(status.itemCount))}
                {' · '}
                {status.lastSyncAt
                  ? t('sourceLastSync', formatDate(status.lastSyncAt))
                  : t('sourceNeverSynced')}
                {status.error && status.lastSuccessAt
                  ? ` · ${t('sourceLastSuccess', formatDate(status.lastSuccessAt))}`
                  : ''}
                {status.durationMs !== undefined &&
                  ` · ${t('sourceDuration', (status.durationMs / 1000).toFixed(1))}`}
                {status.warnings.length > 0 && ` · ${t('sourceWarnings', String(status.warnings.length))}`}
              </p>
              {status.error && (
                <p role="alert" class="sp-error">
                  {t('sourceError', status.error)}
                </p>
              )}
              {status.warnings.length > 0 && (
                <details>
                  <summary>{t('sourceWarningsShow')}</summary>
                  <ul>
                    {status.warnings.map((warning) => (
                      <li key={warning}>{warning}</li>
                    ))}
                  </ul>
                </details>
              )}
              {busy && <Progress progress={progress[source.id]} />}
              <div class="sp-actions">
                {(source.builtin || own) && (
                  <label>
                    <input
                      type="checkbox"
                      checked={source.enabled}
                      onChange={(event) => void apply(setEnabled(source.id, event.currentTarget.checked))}
                    />{' '}
                    {t('sourceEnabled', name)}
                  </label>
                )}
                {!source.builtin && source.enabled && (
                  <button type="button" disabled={busy} onClick={() => runSync(source.id)}>
                    {busy ? t('sourceSyncing') : t('sourceSyncNow', name)}
                  </button>
                )}
                {own && (
                  <button
                    type="button"
                    aria-expanded={editing?.id === source.id}
                    onClick={() => setEditing(source)}
                  >
                    {t('sourceEdit', name)}
                  </button>
                )}
                {own &&
                  (confirmRemove === source.id ? (
                    <fieldset class="sp-confirm">
                      <legend>{t('sourceRemoveConfirm', name)}</legend>
                      <button
                        type="button"
                        onClick={() => {
                          setConfirmRemove(null);
                          if (editing?.id === source.id) setEditing(null);
                          void apply(remove(source.id));
                        }}
                      >
                        {t('sourceRemove', name)}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirmRemove(null)}>
                        {t('cancel')}
                      </button>
                    </fieldset>
                  ) : (
                    <button type="button" onClick={() => setConfirmRemove(source.id)}>
                      {t('sourceRemove', name)}
                    </button>
                  ))}
              </div>
              {editing?.id === source.id &&
                editor(
                  source,
                  (next) => {
                    setEditing(null);
                    if (next) setSources(next);
                  },
                  ids,
                )}
              <SourceHealth sourceId={source.id} name={name} load={loadHealth} formatDate={formatDate} />
            </li>
          );
        })}
      </ul>
      {editing === null && editor(null, (next) => next && setSources(next), ids)}
    </section>
  );
}
