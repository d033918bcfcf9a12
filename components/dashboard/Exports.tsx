import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { errorText } from '@/components/shared/useLoad';
import type { DashboardView } from '@/utils/measurement/dashboard';
import type { Formatters } from './format';

/** The CSV downloads, and how much of the browser's storage Signpost uses. */
export function Exports({
  download,
  storage,
  f,
}: {
  /** 'daily' = the daily aggregates of the range; 'events' = the raw event log of the last 30 days. */
  download: (what: 'daily' | 'events') => Promise<void>;
  storage: DashboardView['storage'] | undefined;
  f: Formatters;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const start = (what: 'daily' | 'events') =>
    download(what).then(
      () => setError(null),
      (reason: unknown) => setError(errorText(reason)),
    );
  return (
    <section aria-labelledby="sp-dash-exports">
      <h3 id="sp-dash-exports">{t('dashExports')}</h3>
      <p>{t('dashExportHelp')}</p>
      <div class="sp-actions">
        <button type="button" onClick={() => void start('daily')}>
          {t('dashExportDaily')}
        </button>
        <button type="button" onClick={() => void start('events')}>
          {t('dashExportEvents')}
        </button>
      </div>
      {error && (
        <p role="alert" class="sp-error">
          {t('dashExportError', error)}
        </p>
      )}
      {storage?.usage !== undefined && (
        <p class="sp-dash-small">
          {storage.quota !== undefined
            ? t('dashStorageUsage', [f.megabytes(storage.usage), f.megabytes(storage.quota)])
            : t('dashStorageUsageOnly', f.megabytes(storage.usage))}
        </p>
      )}
    </section>
  );
}
