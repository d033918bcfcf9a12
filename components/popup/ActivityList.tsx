import { useT } from '@/components/shared/i18n';
import { DELIVERY_STATE_KEYS, FLAG_REASON_KEYS } from '@/components/shared/labels';
import type { OutboxEntry } from '@/utils/delivery/outbox';

interface ActivityProps {
  entries: OutboxEntry[];
  webhook: boolean;
  onRetry: (key: string) => void;
  onSendNow: () => void;
  onExport: (format: 'csv' | 'json') => void;
}

/** The champion's endorsements and flags with their delivery state, and their export. */
export function ActivityList({ entries, webhook, onRetry, onSendNow, onExport }: ActivityProps) {
  const t = useT();
  const waiting = entries.some((entry) => entry.state === 'queued');
  return (
    <div>
      {!webhook && <p>{t('activityNoWebhook')}</p>}
      {entries.length === 0 ? (
        <p>{t('activityNone')}</p>
      ) : (
        <ul class="sp-items">
          {entries.map((entry) => (
            <li key={entry.key} class="sp-item" data-activity-key={entry.key}>
              <p class="sp-kind">
                {entry.reaction.kind === 'endorse'
                  ? t('endorsed')
                  : entry.reaction.kind === 'suggest'
                    ? t(entry.reaction.suggestion.mode === 'edit' ? 'suggestedFix' : 'suggestedTip')
                    : t(FLAG_REASON_KEYS[entry.reaction.reason])}
                {' · '}
                <span data-state={entry.state}>{t(DELIVERY_STATE_KEYS[entry.state])}</span>
              </p>
              <p class="sp-title">{entry.title}</p>
              {entry.state === 'failed' && entry.lastError && (
                <p class="sp-error">{t('stateFailedReason', entry.lastError)}</p>
              )}
              {entry.state === 'queued' && entry.lastError && <p class="sp-screen">{entry.lastError}</p>}
              {entry.state === 'failed' && (
                <button type="button" onClick={() => onRetry(entry.key)}>
                  {t('activityRetry')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="sp-actions">
        {waiting && (
          <button type="button" onClick={onSendNow}>
            {t('activitySendNow')}
          </button>
        )}
        <button type="button" onClick={() => onExport('csv')} disabled={entries.length === 0}>
          {t('activityExportCsv')}
        </button>
        <button type="button" onClick={() => onExport('json')} disabled={entries.length === 0}>
          {t('activityExportJson')}
        </button>
      </div>
    </div>
  );
}
