import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { plainError } from '@/components/shared/plain-error';
import { useLoad } from '@/components/shared/useLoad';
import type { ContentHealth } from '@/utils/measurement/content-health';
import type { SyncProgress } from '@/utils/messages';
import type { SourceView } from '@/utils/model';
import { SourceHealth } from './SourceHealth';
import { TYPE_KEYS } from './source-form';
import { sourceState } from './source-state';

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

/** A source's state as a chip: synced, failing since …, off, or not synced yet. */
function StatusChip({ source, formatDate }: { source: SourceView; formatDate: (ms: number) => string }) {
  const t = useT();
  const state = sourceState(source);
  const text =
    state.kind === 'off'
      ? t('sourceOff')
      : state.kind === 'never'
        ? t('sourceChipNever')
        : state.kind === 'failing'
          ? t('sourceChipFailing', formatDate(state.since))
          : t('sourceChipSynced');
  const icon = { off: '○', never: '◌', failing: '!', synced: '✓' }[state.kind];
  return (
    <span class="sp-chip" data-state={state.kind} data-testid="source-chip">
      <span aria-hidden="true" class="sp-chip-icon">
        {icon}
      </span>{' '}
      {text}
    </span>
  );
}

/** The knowledge sources, their state and health, and what can be done with each. */
export function SourceList(props: Props) {
  const { loadSources, setEnabled, syncNow, remove, loadHealth, onProgress, formatDate, toolName, editor } =
    props;
  const t = useT();
  const {
    value: sources,
    error,
    loading,
    set: setSources,
    fail,
  } = useLoad(loadSources, [loadSources], { describe: (reason) => plainError(reason, t) });
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
      {!sources && loading && (
        // Until the worker answers (it may be starting): placeholders in the list's shape, announced once.
        <div aria-busy="true" data-testid="sources-loading">
          <p role="status" class="sp-loading">
            {t('optionsLoading')}
          </p>
          <ul class="sp-sources" aria-hidden="true">
            {[0, 1].map((n) => (
              <li key={n} class="sp-source sp-skeleton">
                <span class="sp-skeleton-line" />
                <span class="sp-skeleton-line sp-skeleton-short" />
              </li>
            ))}
          </ul>
        </div>
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
                {source.origin === 'policy' && <span class="sp-tag">{t('rulesPolicy')}</span>}{' '}
                <StatusChip source={source} formatDate={formatDate} />
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
                {status.warnings.length > 0 && ` · ${t('sourceWarnings', String(status.warnings.length))}`}
              </p>
              <dl class="sp-source-facts">
                <div>
                  <dt>{t('sourceLastAttempt')}</dt>
                  <dd data-fact="last-attempt">
                    {status.lastSyncAt ? formatDate(status.lastSyncAt) : t('sourceNeverSynced')}
                    {status.durationMs !== undefined &&
                      ` (${t('sourceDuration', (status.durationMs / 1000).toFixed(1))})`}
                  </dd>
                </div>
                <div>
                  <dt>{t('sourceLastGood')}</dt>
                  <dd data-fact="last-success">
                    {status.lastSuccessAt ? formatDate(status.lastSuccessAt) : t('sourceNeverSynced')}
                  </dd>
                </div>
              </dl>
              {status.error && (
                <p class="sp-error" data-testid="source-error">
                  {t('sourceError', plainError(status.error, t))}
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
