import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Field } from '@/components/shared/Field';
import { useT } from '@/components/shared/i18n';
import { plainError } from '@/components/shared/plain-error';
import { useLoad } from '@/components/shared/useLoad';
import { isId, isSyncInterval, SYNC_INTERVAL } from '@/utils/limits';
import { isHttpUrl, SOURCE_TYPES, type SourceType, type SourceView } from '@/utils/model';
import { originOf, type SourceAuth } from '@/utils/settings/credentials';
import type { Detection } from '@/utils/sources/detect';
import type { Preview } from '@/utils/sync/engine';
import { ToolPicker, toolProblem } from '../tools/ToolPicker';
import { resolveTool, type ToolChoice } from '../tools/tool-choice';
import { evidenceText, freeId, OPTION_FIELDS, slug, TYPE_KEYS } from './source-form';

export interface SourceDraft {
  id: string;
  type: SourceType;
  name: string;
  url: string;
  tools: string[];
  intervalMinutes?: number;
  options?: Record<string, string>;
  enabled?: boolean;
}

interface Props {
  /** The source to edit, or null to add one. */
  editing: SourceView | null;
  /** Ids already in use (a new source gets a free one). */
  takenIds: string[];
  /** The type an address suggests by itself (shown while typing). */
  guessType: (url: string) => SourceType;
  /** Reads the address once and says what it is (asking the browser for the host first). */
  detect: (url: string) => Promise<Detection>;
  /** Reads the source once; typed `auth` is sent only to `authOrigin`, the origin it was typed for. */
  preview: (source: SourceDraft, auth: SourceAuth | undefined, authOrigin: string) => Promise<Preview>;
  /** Saves (asking the browser for the host first) and refreshes the list; `null` removes stored credentials. */
  save: (source: SourceDraft, auth: SourceAuth | null | undefined) => Promise<void>;
  /** Editing was cancelled. */
  onDone: () => void;
  /** The tools a source can be shown in: built-in ones and the admin's own rules' ids. */
  loadTools: () => Promise<ToolChoice[]>;
}

type AuthKind = 'none' | SourceAuth['kind'];

/** Add or edit a knowledge source: paste an address, "Test" says what it is and shows the first items, save. */
export function SourceEditor({
  editing,
  takenIds,
  guessType,
  detect,
  preview,
  save,
  onDone,
  loadTools,
}: Props) {
  const t = useT();
  const choices = useLoad(loadTools, [loadTools]).value;
  const [url, setUrl] = useState(editing?.url ?? '');
  const [type, setType] = useState<SourceType>(editing?.type ?? 'feed');
  const [typeTouched, setTypeTouched] = useState(editing !== null);
  const [name, setName] = useState(editing?.name ?? '');
  const [tools, setTools] = useState<string[]>(editing?.tools ?? []);
  const [toolText, setToolText] = useState('');
  const [interval, setIntervalText] = useState(String(editing?.intervalMinutes ?? SYNC_INTERVAL.default));
  const [options, setOptions] = useState<Record<string, string>>(editing?.options ?? {});
  const [authKind, setAuthKind] = useState<AuthKind>('none');
  const [user, setUser] = useState('');
  const [secret, setSecret] = useState('');
  const [forgetSecret, setForgetSecret] = useState(false);
  const [detected, setDetected] = useState<Detection | null>(null);
  const [result, setResult] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  /** Why the last Test of the address failed; saving it anyway asks first. Cleared by any change. */
  const [testFailed, setTestFailed] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Focus moves in the same frame as the question appears (a screen reader and a quick key press
  // both land on it).
  useLayoutEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const changed = () => {
    setTestFailed(null);
    setConfirming(false);
  };
  const prefix = editing ? `sp-edit-${editing.id}` : 'sp-add';
  /** Editing: the address now points to another origin, so stored credentials will not go along. */
  const moved = editing !== null && isHttpUrl(url.trim()) && originOf(url.trim()) !== originOf(editing.url);

  /** The form as a source, or null with a message on each field that is wrong. */
  const draft = (): SourceDraft | null => {
    const errors: Record<string, string> = {};
    const address = url.trim();
    if (!isHttpUrl(address)) errors.url = t('sourceUrlInvalid');
    const minutes = Number(interval);
    if (!isSyncInterval(minutes))
      errors.interval = t('sourceIntervalInvalid', [String(SYNC_INTERVAL.min), String(SYNC_INTERVAL.max)]);
    const toolIds = [...tools];
    // Text left in the tool field counts when it names a tool, and is a problem when it does not.
    // Until the list has loaded (a worker still starting) an id cannot be judged: it is taken as typed.
    const pending = toolText.trim().toLowerCase();
    if (pending && !choices) {
      if (!toolIds.includes(pending)) toolIds.push(pending);
    } else if (pending) {
      const resolved = resolveTool(toolText, choices ?? []);
      if (resolved.kind === 'known') {
        if (!toolIds.includes(resolved.tool.id)) toolIds.push(resolved.tool.id);
      } else
        errors.tools = toolProblem(toolText, choices ?? [], t)?.message ?? t('sourceToolsInvalid', toolText);
    }
    const badTool = toolIds.find((tool) => !isId(tool));
    if (badTool) errors.tools = t('sourceToolsInvalid', badTool);
    if (authKind !== 'none' && !(editing && !secret)) {
      if (!secret) errors.secret = t('sourceSecretMissing');
      if ((authKind === 'basic' || authKind === 'discourse') && !user.trim())
        errors.user = t('sourceUserMissing');
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length) {
      setMessage({ error: true, text: t('formInvalid') });
      // The first field that is wrong gets the focus; every message stays beside its field.
      const first = ['url', 'tools', 'interval', 'user', 'secret'].find((key) => errors[key]);
      if (first) document.getElementById(`${prefix}-${first}`)?.focus();
      return null;
    }
    const label = name.trim() || new URL(address).hostname;
    const kept = Object.fromEntries(
      Object.entries(options).filter(
        ([key, value]) => value.trim() && OPTION_FIELDS[type]?.some((field) => field.key === key),
      ),
    );
    return {
      id: editing?.id ?? freeId(slug(label), takenIds),
      type,
      name: label,
      url: address,
      tools: toolIds,
      intervalMinutes: minutes,
      ...(Object.keys(kept).length ? { options: kept } : {}),
      ...(editing?.enabled === false ? { enabled: false } : {}),
    };
  };
  const auth = (): SourceAuth | null | undefined => {
    if (authKind === 'basic' && secret) return { kind: 'basic', username: user.trim(), password: secret };
    if (authKind === 'bearer' && secret) return { kind: 'bearer', token: secret };
    if (authKind === 'discourse' && secret)
      return { kind: 'discourse', username: user.trim(), apiKey: secret };
    // Editing: an empty secret keeps what is stored, unless the admin asked to forget it.
    return forgetSecret ? null : undefined;
  };
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    work()
      .catch((error: unknown) => setMessage({ error: true, text: plainError(error, t) }))
      .finally(() => setBusy(false));
  };

  const onTest = () => {
    const source = draft();
    if (!source) return;
    setBusy(true);
    setMessage(null);
    setResult(null);
    changed();
    (async () => {
      let checked = source;
      // Credentials are typed for the address the admin typed, not for one detection names.
      const typedFor = originOf(source.url) ?? '';
      if (!typeTouched) {
        const found = await detect(source.url);
        setDetected(found);
        setType(found.type);
        setUrl(found.url);
        checked = { ...source, type: found.type, url: found.url };
      }
      const typed = auth() ?? undefined;
      const elsewhere = typed !== undefined && originOf(checked.url) !== typedFor;
      setResult(await preview(checked, typed, typedFor));
      if (elsewhere)
        setMessage({ error: false, text: t('sourceAuthNotSent', [originOf(checked.url) ?? '', typedFor]) });
    })()
      .catch((error: unknown) => {
        // What the Test found wrong is about the address: it is said beside the address field.
        const reason = plainError(error, t);
        setTestFailed(reason);
        setFieldErrors((errors) => ({ ...errors, url: t('sourceTestFailed', reason) }));
      })
      .finally(() => setBusy(false));
  };

  const onSave = (event: Event, anyway = false) => {
    event.preventDefault();
    const source = draft();
    if (!source) return;
    if (testFailed && !anyway) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setTestFailed(null);
    run(async () => {
      await save(source, auth());
      setMessage({ error: false, text: t('sourceSaved', source.name) });
      setResult(null);
      setDetected(null);
      if (!editing) {
        setUrl('');
        setName('');
        setTools([]);
        setToolText('');
        setOptions({});
        setTypeTouched(false);
      }
      setSecret('');
    });
  };

  const field = (key: string) =>
    fieldErrors[key]
      ? { 'aria-invalid': true, 'aria-describedby': `${prefix}-${key}-error` }
      : { 'aria-invalid': false };
  const title = editing ? t('sourceEditTitle', editing.name) : t('sourceAdd');

  return (
    <form class="sp-form" aria-labelledby={`${prefix}-title`} onSubmit={onSave} noValidate>
      <h3 id={`${prefix}-title`}>{title}</h3>
      <Field id={`${prefix}-url`} label={t('sourceUrl')} error={fieldErrors.url}>
        <input
          id={`${prefix}-url`}
          type="url"
          required
          value={url}
          placeholder="https://intranet.example/news.xml"
          {...field('url')}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setUrl(value);
            setDetected(null);
            changed();
            setFieldErrors(({ url: _old, ...rest }) => rest);
            if (!typeTouched) setType(guessType(value));
          }}
        />
      </Field>
      {moved && (
        <p role="status" data-testid="source-moved">
          {t('sourceMovedCredentials', [originOf(editing.url) ?? '', originOf(url.trim()) ?? ''])}
        </p>
      )}
      <label>
        {t('sourceType')}
        <select
          value={type}
          onChange={(event) => {
            setTypeTouched(true);
            setDetected(null);
            changed();
            setType(event.currentTarget.value as SourceType);
          }}
        >
          {SOURCE_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(TYPE_KEYS[value])}
            </option>
          ))}
        </select>
      </label>
      {!typeTouched && <p class="sp-screen">{t('sourceTypeDetectHelp')}</p>}
      {detected && (
        <p role="status" data-testid="source-detected">
          {t('detectResult', [t(TYPE_KEYS[detected.type]), evidenceText(t, detected.evidence)])}
        </p>
      )}
      <label>
        {t('sourceName')}
        <input value={name} onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <ToolPicker
        id={`${prefix}-tools`}
        label={t('sourceTools')}
        help={t('sourceToolsHelp')}
        error={fieldErrors.tools}
        choices={choices}
        value={tools}
        onChange={(next) => {
          setTools(next);
          setFieldErrors(({ tools: _old, ...rest }) => rest);
        }}
        text={toolText}
        onText={setToolText}
      />
      <Field id={`${prefix}-interval`} label={t('sourceInterval')} error={fieldErrors.interval}>
        <input
          id={`${prefix}-interval`}
          type="number"
          min={SYNC_INTERVAL.min}
          max={SYNC_INTERVAL.max}
          step={1}
          value={interval}
          {...field('interval')}
          onInput={(event) => setIntervalText(event.currentTarget.value)}
        />
      </Field>
      {OPTION_FIELDS[type]?.map((option) => (
        <label key={option.key} for={`${prefix}-option-${option.key}`}>
          {t(option.label)}
          {option.choices ? (
            <select
              id={`${prefix}-option-${option.key}`}
              value={options[option.key] ?? option.choices[0]}
              onChange={(event) => setOptions({ ...options, [option.key]: event.currentTarget.value })}
            >
              {option.choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === '' ? t('sourceOptionNo') : choice === 'true' ? t('sourceOptionYes') : choice}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${prefix}-option-${option.key}`}
              value={options[option.key] ?? ''}
              onInput={(event) => setOptions({ ...options, [option.key]: event.currentTarget.value })}
            />
          )}
        </label>
      ))}
      <label>
        {t('sourceAuth')}
        <select value={authKind} onChange={(event) => setAuthKind(event.currentTarget.value as AuthKind)}>
          <option value="none">{editing ? t('sourceAuthKeep') : t('sourceAuthNone')}</option>
          <option value="basic">{t('sourceAuthBasic')}</option>
          <option value="bearer">{t('sourceAuthBearer')}</option>
          <option value="discourse">{t('sourceAuthDiscourse')}</option>
        </select>
      </label>
      {(authKind === 'basic' || authKind === 'discourse') && (
        <Field id={`${prefix}-user`} label={t('sourceAuthUser')} error={fieldErrors.user}>
          <input
            id={`${prefix}-user`}
            value={user}
            autoComplete="off"
            {...field('user')}
            onInput={(event) => setUser(event.currentTarget.value)}
          />
        </Field>
      )}
      {authKind !== 'none' && (
        <Field id={`${prefix}-secret`} label={t('sourceAuthSecret')} error={fieldErrors.secret}>
          {/* Write-only: the stored secret is never shown again. */}
          <input
            id={`${prefix}-secret`}
            type="password"
            value={secret}
            autoComplete="new-password"
            {...field('secret')}
            onInput={(event) => setSecret(event.currentTarget.value)}
          />
        </Field>
      )}
      {editing && (
        <label class="sp-inline">
          <input
            type="checkbox"
            checked={forgetSecret}
            onChange={(event) => setForgetSecret(event.currentTarget.checked)}
          />{' '}
          {t('sourceAuthForget')}
        </label>
      )}
      {confirming && testFailed && (
        <fieldset class="sp-confirm" data-testid="save-anyway">
          <legend>{t('sourceSaveAnywayAsk', testFailed)}</legend>
          <div class="sp-actions">
            <button ref={confirmRef} type="button" onClick={(event) => onSave(event, true)}>
              {t('sourceSaveAnyway')}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                document.getElementById(`${prefix}-url`)?.focus();
              }}
            >
              {t('sourceKeepEditing')}
            </button>
          </div>
        </fieldset>
      )}
      <div class="sp-actions">
        <button type="button" disabled={busy} onClick={onTest}>
          {t('sourceTest')}
        </button>
        <button type="submit" disabled={busy || confirming}>
          {t('sourceSave')}
        </button>
        {editing && (
          <button type="button" onClick={onDone}>
            {t('cancel')}
          </button>
        )}
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
              <li key={item.url}>
                <strong>{item.title}</strong>
                {item.summary && <span class="sp-screen"> — {item.summary}</span>}
              </li>
            ))}
          </ul>
          {result.warnings.length > 0 && <p class="sp-screen">{result.warnings.join(' · ')}</p>}
        </section>
      )}
    </form>
  );
}
