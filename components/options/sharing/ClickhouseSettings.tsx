/**
 * The two ClickHouse connections: daily reports in (a user that may only insert) and the
 * dashboard's figures out (a read-only user). Passwords are write-only: the page learns only
 * whether one is stored, and a new one replaces it.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { errorText, useLoad } from '@/components/shared/useLoad';
import { DEFAULT_DATABASE, DEFAULT_TABLE, isIdentifier } from '@/utils/measurement/clickhouse/client';
import type { ClickhouseSettings as Connection } from '@/utils/measurement/clickhouse/config';
import type { ClickhouseConnectionView, ClickhouseView, Request } from '@/utils/messages';
import { isHttpUrl } from '@/utils/model';

interface Props {
  load: () => Promise<ClickhouseView>;
  /** Saves a connection (asking the browser for its host first, in the click's gesture). */
  save: (request: Request<'saveClickhouse'>) => Promise<ClickhouseView>;
}

/** Reports into ClickHouse, and the dashboard's figures from it. */
export function ClickhouseSettings({ load, save }: Props) {
  const t = useT();
  const loaded = useLoad(load, [load]);
  const view = loaded.value;
  return (
    <section aria-labelledby="sp-clickhouse">
      <h2 id="sp-clickhouse">{t('chTitle')}</h2>
      <p>{t('chHelp')}</p>
      {loaded.error && (
        <p role="alert" class="sp-error">
          {loaded.error}
        </p>
      )}
      {view && (
        <>
          <ConnectionForm
            which="report"
            view={view.report}
            reportFormat={view.reportFormat}
            formatByPolicy={view.formatByPolicy}
            save={(request) => save(request).then(loaded.set)}
          />
          <ConnectionForm
            which="dashboard"
            view={view.dashboard}
            save={(request) => save(request).then(loaded.set)}
          />
        </>
      )}
    </section>
  );
}

interface FormProps {
  which: 'report' | 'dashboard';
  view: ClickhouseConnectionView;
  reportFormat?: ClickhouseView['reportFormat'];
  formatByPolicy?: boolean;
  save: (request: Request<'saveClickhouse'>) => Promise<void>;
}

function ConnectionForm({ which, view, reportFormat, formatByPolicy, save }: FormProps) {
  const t = useT();
  const stored = view.settings;
  // The form mounts with the stored value, so nothing typed into it can be overwritten by a late
  // fill; a saved change brings a new `stored`, which replaces the fields before the next paint.
  const [url, setUrl] = useState(stored?.url ?? '');
  const [database, setDatabase] = useState(stored?.database ?? DEFAULT_DATABASE);
  const [table, setTable] = useState(stored?.table ?? DEFAULT_TABLE);
  const [user, setUser] = useState(stored?.user ?? '');
  const [password, setPassword] = useState('');
  const [useForReports, setUseForReports] = useState(reportFormat === 'clickhouse');
  const [said, setSaid] = useState<{ error: boolean; text: string } | null>(null);

  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setUrl(stored?.url ?? '');
    setDatabase(stored?.database ?? DEFAULT_DATABASE);
    setTable(stored?.table ?? DEFAULT_TABLE);
    setUser(stored?.user ?? '');
    setPassword('');
  }, [stored]);
  useLayoutEffect(() => setUseForReports(reportFormat === 'clickhouse'), [reportFormat]);

  const id = `sp-ch-${which}`;
  const locked = view.byPolicy;
  const onSave = (event: Event) => {
    event.preventDefault();
    const settings: Connection = {
      url: url.trim(),
      database: database.trim(),
      table: table.trim(),
      user: user.trim(),
    };
    if (
      !isHttpUrl(settings.url) ||
      !isIdentifier(settings.database) ||
      !isIdentifier(settings.table) ||
      !settings.user
    ) {
      setSaid({ error: true, text: t('chInvalid') });
      return;
    }
    save({
      which,
      settings,
      ...(password ? { password } : {}),
      ...(which === 'report' && !formatByPolicy
        ? { reportFormat: useForReports ? 'clickhouse' : 'generic' }
        : {}),
    }).then(
      () => setSaid({ error: false, text: t('chSaved') }),
      (error: unknown) => setSaid({ error: true, text: errorText(error) }),
    );
  };
  const onRemove = () =>
    save({
      which,
      settings: null,
      ...(which === 'report' && !formatByPolicy ? { reportFormat: 'generic' } : {}),
    }).then(
      () => setSaid({ error: false, text: t('chRemoved') }),
      (error: unknown) => setSaid({ error: true, text: errorText(error) }),
    );

  return (
    <form
      class="sp-form"
      aria-labelledby={id}
      onSubmit={onSave}
      noValidate
      data-testid={`clickhouse-${which}`}
    >
      <h3 id={id}>
        {t(which === 'report' ? 'chReportTitle' : 'chDashboardTitle')}{' '}
        {locked && <span class="sp-tag">{t('rulesPolicy')}</span>}
      </h3>
      <p>{t(which === 'report' ? 'chReportHelp' : 'chDashboardHelp')}</p>
      <label>
        {t('chUrl')}
        <input
          type="url"
          name="url"
          value={url}
          disabled={locked}
          placeholder="https://clickhouse.intranet.example:8443/"
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
      </label>
      <label>
        {t('chDatabase')}
        <input
          name="database"
          value={database}
          disabled={locked}
          onInput={(event) => setDatabase(event.currentTarget.value)}
        />
      </label>
      <label>
        {t('chTable')}
        <input
          name="table"
          value={table}
          disabled={locked}
          onInput={(event) => setTable(event.currentTarget.value)}
        />
      </label>
      <label>
        {t('chUser')}
        <input
          name="user"
          value={user}
          disabled={locked}
          autocomplete="off"
          placeholder={which === 'report' ? 'signpost_writer' : 'signpost_reader'}
          onInput={(event) => setUser(event.currentTarget.value)}
        />
      </label>
      <label>
        {t('chPassword')}
        <input
          type="password"
          name="password"
          value={password}
          disabled={locked}
          autocomplete="new-password"
          placeholder={view.hasPassword ? t('chPasswordStored') : ''}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </label>
      <p class="sp-hint">{t('chPasswordHelp')}</p>
      {which === 'report' && (
        <label class="sp-inline">
          <input
            type="checkbox"
            name="use"
            checked={useForReports}
            disabled={formatByPolicy}
            onChange={(event) => setUseForReports(event.currentTarget.checked)}
          />{' '}
          {t('chUseForReports')}
        </label>
      )}
      {!locked && (
        <p>
          <button type="submit">{t('save')}</button>{' '}
          {stored && (
            <button type="button" onClick={onRemove}>
              {t('chRemove')}
            </button>
          )}
        </p>
      )}
      {said && (
        <p role={said.error ? 'alert' : 'status'} class={said.error ? 'sp-error' : undefined}>
          {said.text}
        </p>
      )}
    </form>
  );
}
