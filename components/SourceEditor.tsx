import { useState } from 'preact/hooks';
import { isHttpUrl, SOURCE_TYPES, type SourceType } from '@/utils/model';
import type { Preview, SourceAuth } from '@/utils/sync';
import { useT } from './i18n';

export interface SourceDraft {
  id: string;
  type: SourceType;
  name: string;
  url: string;
  tools: string[];
}

interface Props {
  guessType: (url: string) => SourceType;
  preview: (source: SourceDraft, auth?: SourceAuth) => Promise<Preview>;
  /** Saves (asking the browser for the host first, in the click's gesture). */
  save: (source: SourceDraft, auth?: SourceAuth) => Promise<void>;
}

type AuthKind = 'none' | SourceAuth['kind'];

/** A lowercase id from a name: "IT News!" → "it-news". */
function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** Add a knowledge source: paste a URL, check what Signpost reads there ("Test"), save. */
export function SourceEditor({ guessType, preview, save }: Props) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [type, setType] = useState<SourceType>('feed');
  const [typeTouched, setTypeTouched] = useState(false);
  const [name, setName] = useState('');
  const [tools, setTools] = useState('');
  const [authKind, setAuthKind] = useState<AuthKind>('none');
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  const [result, setResult] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const draft = (): SourceDraft | null => {
    if (!isHttpUrl(url.trim())) {
      setMessage({ error: true, text: t('sourceUrlInvalid') });
      return null;
    }
    const label = name.trim() || new URL(url.trim()).hostname;
    return {
      id: slug(label) || 'source',
      type,
      name: label,
      url: url.trim(),
      tools: tools
        .split(/[\s,]+/)
        .map((tool) => tool.trim().toLowerCase())
        .filter(Boolean),
    };
  };
  const auth = (): SourceAuth | undefined => {
    if (authKind === 'basic') return { kind: 'basic', username: user, password: secret };
    if (authKind === 'bearer') return { kind: 'bearer', token: secret };
    if (authKind === 'discourse') return { kind: 'discourse', username: user, apiKey: secret };
    return undefined;
  };
  const run = (work: Promise<unknown>, done: () => void) => {
    setBusy(true);
    setMessage(null);
    work
      .then(done, (error: unknown) =>
        setMessage({ error: true, text: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form
      class="sp-form"
      aria-labelledby="sp-add-source"
      onSubmit={(event) => {
        event.preventDefault();
        const source = draft();
        if (source)
          run(save(source, auth()), () => {
            setMessage({ error: false, text: t('sourceSaved', source.name) });
            setResult(null);
            setUrl('');
            setName('');
            setTools('');
            setSecret('');
          });
      }}
    >
      <h3 id="sp-add-source">{t('sourceAdd')}</h3>
      <label>
        {t('sourceUrl')}
        <input
          type="url"
          required
          value={url}
          placeholder="https://intranet.example/news.xml"
          onInput={(event) => {
            const value = event.currentTarget.value;
            setUrl(value);
            if (!typeTouched) setType(guessType(value));
          }}
        />
      </label>
      <label>
        {t('sourceType')}
        <select
          value={type}
          onChange={(event) => {
            setTypeTouched(true);
            setType(event.currentTarget.value as SourceType);
          }}
        >
          {SOURCE_TYPES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sourceName')}
        <input value={name} onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <label>
        {t('sourceTools')}
        <input
          value={tools}
          placeholder="jira, confluence"
          onInput={(event) => setTools(event.currentTarget.value)}
        />
      </label>
      <label>
        {t('sourceAuth')}
        <select value={authKind} onChange={(event) => setAuthKind(event.currentTarget.value as AuthKind)}>
          <option value="none">{t('sourceAuthNone')}</option>
          <option value="basic">{t('sourceAuthBasic')}</option>
          <option value="bearer">{t('sourceAuthBearer')}</option>
          <option value="discourse">{t('sourceAuthDiscourse')}</option>
        </select>
      </label>
      {(authKind === 'basic' || authKind === 'discourse') && (
        <label>
          {t('sourceAuthUser')}
          <input value={user} autoComplete="off" onInput={(event) => setUser(event.currentTarget.value)} />
        </label>
      )}
      {authKind !== 'none' && (
        <label>
          {t('sourceAuthSecret')}
          {/* Write-only: the stored secret is never shown again. */}
          <input
            type="password"
            value={secret}
            autoComplete="new-password"
            onInput={(event) => setSecret(event.currentTarget.value)}
          />
        </label>
      )}
      <div class="sp-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            const source = draft();
            if (source) run(preview(source, auth()).then(setResult), () => undefined);
          }}
        >
          {t('sourceTest')}
        </button>
        <button type="submit" disabled={busy}>
          {t('sourceSave')}
        </button>
      </div>
      <div aria-live="polite">
        {busy && <p>{t('sourceWorking')}</p>}
        {message && (
          <p role={message.error ? 'alert' : 'status'} class={message.error ? 'sp-error' : undefined}>
            {message.text}
          </p>
        )}
      </div>
      {result && (
        <section aria-label={t('sourcePreview', String(result.count))} data-testid="source-preview">
          <p>{t('sourcePreview', String(result.count))}</p>
          <ul>
            {result.items.map((item) => (
              <li key={item.url}>{item.title}</li>
            ))}
          </ul>
          {result.warnings.length > 0 && <p class="sp-screen">{result.warnings.join(' · ')}</p>}
        </section>
      )}
    </form>
  );
}
