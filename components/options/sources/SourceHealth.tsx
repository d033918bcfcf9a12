import { useT } from '@/components/shared/i18n';
import { useLoad } from '@/components/shared/useLoad';
import type { ContentHealth, HealthFinding } from '@/utils/measurement/content-health';
import { isHttpUrl } from '@/utils/model';

interface Props {
  sourceId: string;
  name: string;
  load: (sourceId: string) => Promise<ContentHealth>;
  formatDate: (ms: number) => string;
}

function Examples({ finding, detail }: { finding: HealthFinding; detail?: (value: number) => string }) {
  if (finding.examples.length === 0) return null;
  return (
    <ul>
      {finding.examples.map((example) => (
        <li key={example.id}>
          {isHttpUrl(example.url) ? (
            <a href={example.url} target="_blank" rel="noopener noreferrer">
              {example.title}
            </a>
          ) : (
            example.title
          )}
          {detail && example.detail !== undefined && ` (${detail(example.detail)})`}
        </li>
      ))}
    </ul>
  );
}

/** Content health of one source, read when the admin opens it: what will not make a good two-minute read. */
export function SourceHealth({ sourceId, name, load, formatDate }: Props) {
  const t = useT();
  // Read each time the admin opens it; the figures from the last opening stay while they load.
  const read = useLoad(() => load(sourceId), [sourceId], { lazy: true });
  const health = read.value;
  // A new reading hides the last one's error until it fails again.
  const error = read.loading ? null : read.error;

  const onToggle = (event: Event) => {
    if ((event.currentTarget as HTMLDetailsElement).open) read.reload();
  };

  const clean =
    health &&
    !health.noSummary.count &&
    !health.overLong.count &&
    !health.stale.count &&
    !health.droppedLinks;
  return (
    <details class="sp-health" onToggle={onToggle} data-testid="source-health">
      <summary>{t('healthTitle', name)}</summary>
      {error && (
        <p role="alert" class="sp-error">
          {t('loadError', error)}
        </p>
      )}
      {!health && !error && <p>{t('loading')}</p>}
      {health && (
        <div aria-live="polite">
          {clean ? (
            <p>{t('healthClean', String(health.items))}</p>
          ) : (
            <ul class="sp-findings">
              {health.noSummary.count > 0 && (
                <li>
                  {t('healthNoSummary', String(health.noSummary.count))}
                  <Examples finding={health.noSummary} />
                </li>
              )}
              {health.overLong.count > 0 && (
                <li>
                  {t('healthOverLong', String(health.overLong.count))}
                  <Examples
                    finding={health.overLong}
                    detail={(minutes) => t('readingTime', String(minutes))}
                  />
                </li>
              )}
              {health.stale.count > 0 && (
                <li>
                  {t('healthStale', [String(health.stale.count), String(health.staleAfterMonths)])}
                  <Examples finding={health.stale} detail={(at) => formatDate(at)} />
                </li>
              )}
              {health.droppedLinks > 0 && <li>{t('healthDroppedLinks', String(health.droppedLinks))}</li>}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}
