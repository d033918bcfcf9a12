import { useT } from '@/components/shared/i18n';
import {
  DownloadIcon,
  ErrorIcon,
  type Icon,
  LoadingIcon,
  OkIcon,
  PendingIcon,
  RetryIcon,
  SendIcon,
} from '@/components/shared/icons';
import { DELIVERY_STATE_KEYS, FLAG_REASON_KEYS } from '@/components/shared/labels';
import { CONTENT_REQUEST, type DeliveryState, type OutboxEntry } from '@/utils/delivery/outbox';

interface ActivityProps {
  entries: OutboxEntry[];
  webhook: boolean;
  onRetry: (key: string) => void;
  onSendNow: () => void;
  onExport: (format: 'csv' | 'json') => void;
}

/** Each delivery state's chip: its colour and icon (the words come from DELIVERY_STATE_KEYS). */
const STATE_CHIPS: Record<DeliveryState, { tone: string; Icon: Icon | null }> = {
  local: { tone: '', Icon: null },
  queued: { tone: 'sp-chip-warn', Icon: PendingIcon },
  sending: { tone: 'sp-chip-accent', Icon: LoadingIcon },
  sent: { tone: 'sp-chip-ok', Icon: OkIcon },
  failed: { tone: 'sp-chip-error', Icon: ErrorIcon },
};

/** A delivery state as a chip; `data-state` for tests and styles. */
export function StateChip({ state }: { state: DeliveryState }) {
  const t = useT();
  const { tone, Icon } = STATE_CHIPS[state];
  return (
    <span class={`sp-chip ${tone}`} data-state={state}>
      {Icon && <Icon class="sp-icon" />}
      {t(DELIVERY_STATE_KEYS[state])}
    </span>
  );
}

/** The champion's endorsements, flags and requests with their live delivery state, and their export. */
export function ActivityList({ entries, webhook, onRetry, onSendNow, onExport }: ActivityProps) {
  const t = useT();
  const waiting = entries.some((entry) => entry.state === 'queued');
  return (
    <div class="sp-activity">
      {!webhook && <p class="sp-help">{t('activityNoWebhook')}</p>}
      {entries.length === 0 ? (
        <p>{t('activityNone')}</p>
      ) : (
        <ul class="sp-activity-list" aria-live="polite">
          {entries.map((entry) => (
            <li key={entry.key} class="sp-activity-entry" data-activity-key={entry.key}>
              <div class="sp-chips">
                <span class="sp-activity-kind">
                  {entry.reaction.kind === 'endorse'
                    ? t('endorsed')
                    : entry.reaction.kind === 'suggest'
                      ? t(entry.reaction.suggestion.mode === 'edit' ? 'suggestedFix' : 'suggestedTip')
                      : entry.itemId === CONTENT_REQUEST
                        ? t('requestKind')
                        : t(FLAG_REASON_KEYS[entry.reaction.reason])}
                </span>
                <StateChip state={entry.state} />
              </div>
              <p class="sp-activity-title">{entry.title}</p>
              {entry.state === 'failed' && entry.lastError && (
                <p class="sp-error">{t('stateFailedReason', entry.lastError)}</p>
              )}
              {entry.state === 'queued' && entry.lastError && <p class="sp-help">{entry.lastError}</p>}
              {entry.state === 'failed' && (
                <button type="button" onClick={() => onRetry(entry.key)}>
                  <RetryIcon class="sp-icon" />
                  {t('activityRetry')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="sp-actions">
        {waiting && (
          <button type="button" class="sp-primary" onClick={onSendNow}>
            <SendIcon class="sp-icon" />
            {t('activitySendNow')}
          </button>
        )}
        <button type="button" onClick={() => onExport('csv')} disabled={entries.length === 0}>
          <DownloadIcon class="sp-icon" />
          {t('activityExportCsv')}
        </button>
        <button type="button" onClick={() => onExport('json')} disabled={entries.length === 0}>
          <DownloadIcon class="sp-icon" />
          {t('activityExportJson')}
        </button>
      </div>
    </div>
  );
}
