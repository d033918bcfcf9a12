import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
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
  const { value: state, error, set: apply } = useLoad(load, [load], { describe: String });
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<WebhookFormat>('generic');
  const [said, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const message = said ?? (error === null ? null : { error: true, text: error });

  // What the person typed before the stored value arrived (a worker that is slow to start) is
  // kept: the form starts from what is stored only while it is untouched.
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!state || touched) return;
    setUrl(state.url);
    setFormat(state.format);
  }, [state, touched]);

  const onSave = (event: Event) => {
    event.preventDefault();
    const value = url.trim();
    if (value && !isHttpUrl(value)) {
      setMessage({ error: true, text: t('webhookInvalid') });
      return;
    }
    // Ask for the host first, while the click still counts as the person's gesture.
    const access = value ? grant(value) : Promise.resolve(true);
    access
      .then(() => save(value, format))
      .then((next) => {
        apply(next);
        setMessage({ error: false, text: t('webhookSaved') });
      })
      .catch((error: unknown) => setMessage({ error: true, text: String(error) }));
  };

  return (
    <section aria-labelledby="sp-webhook">
      <h2 id="sp-webhook">{t('webhookTitle')}</h2>
      <p>{t('webhookHelp')}</p>
      <form class="sp-form" onSubmit={onSave}>
        <label>
          {t('webhookUrl')}
          <input
            type="url"
            value={url}
            placeholder="https://hooks.example.com/…"
            onInput={(event) => {
              setTouched(true);
              setUrl(event.currentTarget.value);
            }}
          />
        </label>
        <label>
          {t('webhookFormat')}
          <select
            value={format}
            onChange={(event) => {
              setTouched(true);
              setFormat(event.currentTarget.value as WebhookFormat);
            }}
          >
            {WEBHOOK_FORMATS.map((value) => (
              <option key={value} value={value}>
                {t(FORMAT_KEYS[value])}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('webhookSave')}</button>
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
