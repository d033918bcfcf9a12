import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { DoneIcon, EmptyIcon, RequestIcon } from '@/components/shared/icons';
import { MISSING_TITLE_MAX } from '@/utils/limits';
import { FlagSheet } from './FlagSheet';

interface Props {
  /** The search that found nothing. */
  words: string;
  /** Champions only; without it the empty state offers no request. */
  onRequest?: (title: string, comment?: string) => Promise<void>;
}

/**
 * A search with no result: says so, and lets a champion ask the owners for it (a 'missing' flag
 * prefilled with the words).
 */
export function RequestContent({ words, onRequest }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <div class="sp-empty">
      <p class="sp-empty-title">
        <EmptyIcon class="sp-icon" />
        {t('searchNothing')}
      </p>
      {sent !== null ? (
        <p role="status" class="sp-chip sp-chip-ok">
          <DoneIcon class="sp-icon" />
          {t('requestSent', sent)}
        </p>
      ) : (
        onRequest &&
        !open && (
          <button type="button" class="sp-primary" onClick={() => setOpen(true)}>
            <RequestIcon class="sp-icon" />
            {t('requestContent')}
          </button>
        )
      )}
      {open && onRequest && sent === null && (
        <FlagSheet
          id="sp-request"
          heading={t('requestHeading')}
          request={{ words: words.slice(0, MISSING_TITLE_MAX) }}
          submitLabel={t('requestSubmit')}
          onSubmit={async ({ missingTitle, comment }) => {
            const title = missingTitle ?? words;
            await onRequest(title, comment);
            setSent(title);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
