import { useState } from 'preact/hooks';
import { describedBy, Field } from '@/components/shared/Field';
import { useT } from '@/components/shared/i18n';
import { plainError } from '@/components/shared/plain-error';
import { useDraft } from '@/components/shared/useDraft';
import { useLoad } from '@/components/shared/useLoad';
import { WEBHOOK_FORMATS, type WebhookFormat } from '@/utils/delivery/reactions';
import type { WebhookSettings as Webhook } from '@/utils/messages';
import { isHttpUrl } from '@/utils/model';

interface Props {
  load: () => Promise<Webhook>;
  save: (url: string, format: WebhookFormat) => Promise<Webhook>;
  /** Asks the browser for access to the webhook's host (in the click's user gesture). */
  grant: (url: string) => Promise<boolean>;
}

const FORMAT_KEYS = { generic: 'webhookGeneric', slack: 'webhookSlack', teams: 'webhookTeams' } as const;

/** Where endorsements and flags go: a webhook of the organisation's (generic JSON, Slack, Teams). */
export function WebhookSettings({ load, save, grant }: Props) {
  const t = useT();
  const describe = (reason: unknown) => plainError(reason, t);
  const { value: state, error, loading, set: apply } = useLoad(load, [load], { describe });
  // What the person typed before the stored value arrived (a worker that is slow to start) is
  // kept: only the fields they have not touched take the stored value.
  const { form, update, settle } = useDraft<{ url: string; format: WebhookFormat }>(
    { url: '', format: 'generic' },
    state && { url: state.url, format: state.format },
  );
  const [urlError, setUrlError] = useState<string | null>(null);
  const [said, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const message = said ?? (error === null ? null : { error: true, text: t('loadError', error) });
  const waiting = loading && !state;

  const onSave = (event: Event) => {
    event.preventDefault();
    const value = form.url.trim();
    if (value && !isHttpUrl(value)) {
      setUrlError(t('webhookInvalid'));
      document.getElementById('sp-webhook-url')?.focus();
      return;
    }
    setUrlError(null);
    // Ask for the host first, while the click still counts as the person's gesture.
    const access = value ? grant(value) : Promise.resolve(true);
    access
      .then(() => save(value, form.format))
      .then((next) => {
        settle();
        apply(next);
        setMessage({ error: false, text: t('webhookSaved') });
      })
      .catch((reason: unknown) => setMessage({ error: true, text: describe(reason) }));
  };

  return (
    <section aria-labelledby="sp-webhook" aria-busy={waiting}>
      <h2 id="sp-webhook">{t('webhookTitle')}</h2>
      <p>{t('webhookHelp')}</p>
      {waiting && (
        <p role="status" class="sp-loading">
          {t('optionsLoading')}
        </p>
      )}
      <form class="sp-form" onSubmit={onSave} noValidate>
        <Field id="sp-webhook-url" label={t('webhookUrl')} error={urlError ?? undefined}>
          <input
            id="sp-webhook-url"
            type="url"
            value={form.url}
            placeholder="https://hooks.example.com/…"
            aria-invalid={Boolean(urlError)}
            aria-describedby={describedBy('sp-webhook-url', undefined, urlError ?? undefined)}
            onInput={(event) => {
              update({ url: event.currentTarget.value });
              setUrlError(null);
            }}
          />
        </Field>
        <Field id="sp-webhook-format" label={t('webhookFormat')}>
          <select
            id="sp-webhook-format"
            value={form.format}
            onChange={(event) => update({ format: event.currentTarget.value as WebhookFormat })}
          >
            {WEBHOOK_FORMATS.map((value) => (
              <option key={value} value={value}>
                {t(FORMAT_KEYS[value])}
              </option>
            ))}
          </select>
        </Field>
        <div class="sp-actions">
          {/* Saving before the stored value is known could switch off what the organisation set. */}
          <button type="submit" disabled={!state}>
            {t('webhookSave')}
          </button>
        </div>
      </form>
      {state?.url && !state.granted && <p class="sp-error">{t('webhookNotGranted')}</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'sp-error' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}
