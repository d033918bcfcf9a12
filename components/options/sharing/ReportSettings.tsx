import { useState } from 'preact/hooks';
import { describedBy, Field } from '@/components/shared/Field';
import { useT } from '@/components/shared/i18n';
import { DELIVERY_STATE_KEYS } from '@/components/shared/labels';
import { plainError } from '@/components/shared/plain-error';
import { useDraft } from '@/components/shared/useDraft';
import { useLoad } from '@/components/shared/useLoad';
import type { ReportsView, SettingsView } from '@/utils/messages';
import { isHttpUrl } from '@/utils/model';

interface Props {
  load: () => Promise<ReportsView>;
  loadSettings: () => Promise<SettingsView>;
  /** Saves the endpoint ('' switches reports off), asking the browser for the host first. */
  save: (endpoint: string) => Promise<ReportsView>;
  sendNow: () => Promise<ReportsView>;
  formatDate: (ms: number) => string;
}

/** The optional daily report of counts to the organisation's endpoint, and exactly what it sends. */
export function ReportSettings({ load, loadSettings, save, sendNow, formatDate }: Props) {
  const t = useT();
  const describe = (reason: unknown) => plainError(reason, t);
  const reports = useLoad(load, [load], { describe });
  const settings = useLoad(loadSettings, [loadSettings], { describe });
  const view = reports.value;
  const show = reports.set;
  const byPolicy = settings.value?.enforced.includes('reportEndpoint') ?? false;
  // The field starts from the stored endpoint (unless the person typed first), and again after each save.
  const { form, update, settle } = useDraft({ endpoint: '' }, view && { endpoint: view.endpoint });
  const endpoint = form.endpoint;
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [said, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const loadError = reports.error ?? settings.error;
  const message = said ?? (loadError === null ? null : { error: true, text: t('loadError', loadError) });
  const fail = (error: unknown) => setMessage({ error: true, text: describe(error) });
  const waiting = (reports.loading && !view) || (settings.loading && !settings.value);

  const onSave = (event: Event) => {
    event.preventDefault();
    const value = endpoint.trim();
    if (value && !isHttpUrl(value)) {
      setFieldError(t('webhookInvalid'));
      document.getElementById('sp-report-endpoint')?.focus();
      return;
    }
    setFieldError(null);
    save(value).then((next) => {
      settle();
      show(next);
      setMessage({ error: false, text: value ? t('reportOn') : t('reportOff') });
    }, fail);
  };

  return (
    <section aria-labelledby="sp-report" aria-busy={waiting}>
      <h2 id="sp-report">{t('reportTitle')}</h2>
      <p>{t('reportHelp')}</p>
      {waiting && (
        <p role="status" class="sp-loading">
          {t('optionsLoading')}
        </p>
      )}
      <form class="sp-form" onSubmit={onSave} noValidate>
        <Field
          id="sp-report-endpoint"
          label={
            <>
              {t('reportEndpoint')} {byPolicy && <span class="sp-tag">{t('rulesPolicy')}</span>}
            </>
          }
          error={fieldError ?? undefined}
        >
          <input
            id="sp-report-endpoint"
            type="url"
            value={endpoint}
            disabled={byPolicy}
            placeholder="https://metrics.intranet.example/signpost"
            aria-invalid={Boolean(fieldError)}
            aria-describedby={describedBy('sp-report-endpoint', undefined, fieldError ?? undefined)}
            onInput={(event) => {
              update({ endpoint: event.currentTarget.value });
              setFieldError(null);
            }}
          />
        </Field>
        {!byPolicy && (
          <div class="sp-actions">
            <button type="submit" disabled={!view || !settings.value}>
              {t('save')}
            </button>
          </div>
        )}
      </form>
      {view?.endpoint && !view.granted && <p class="sp-error">{t('webhookNotGranted')}</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'sp-error' : undefined}>
          {message.text}
        </p>
      )}
      {view && (
        <>
          <h3>{t('reportWhatTitle')}</h3>
          <p>{t('reportWhatHelp')}</p>
          {/* Read-only text: focusable and scrollable by keyboard, and easy to copy. */}
          <textarea
            class="sp-code"
            readOnly
            rows={14}
            aria-label={t('reportWhatTitle')}
            data-testid="report-preview"
            value={JSON.stringify(view.preview, null, 2)}
          />
          <h3>{t('reportSentTitle')}</h3>
          {view.entries.length === 0 ? (
            <p>{view.endpoint ? t('reportNoneYet') : t('reportNone')}</p>
          ) : (
            <ul class="sp-sources">
              {view.entries.map((entry) => (
                <li key={entry.day} class="sp-source" data-report-day={entry.day}>
                  {t('reportEntry', [entry.day, t(DELIVERY_STATE_KEYS[entry.state])])}
                  {entry.sentAt !== undefined && ` · ${formatDate(entry.sentAt)}`}
                  {entry.state === 'queued' &&
                    entry.attempts > 0 &&
                    ` · ${t('reportRetry', formatDate(entry.nextAttemptAt))}`}
                  {entry.lastError && <span class="sp-screen"> · {entry.lastError}</span>}
                </li>
              ))}
            </ul>
          )}
          {view.endpoint &&
            view.entries.some((entry) => entry.state === 'queued' || entry.state === 'failed') && (
              <button type="button" onClick={() => sendNow().then(show, fail)}>
                {t('reportSendNow')}
              </button>
            )}
        </>
      )}
    </section>
  );
}
