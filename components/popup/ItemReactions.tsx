import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { FLAG_REASON_KEYS } from '@/components/shared/labels';
import type { OutboxEntry } from '@/utils/delivery/outbox';
import { FLAG_REASONS, type FlagReason, type Reaction } from '@/utils/delivery/reactions';
import { COMMENT_MAX, MISSING_TITLE_MAX } from '@/utils/limits';
import type { KnowledgeItem } from '@/utils/model';

interface ReactProps {
  item: KnowledgeItem;
  /** The person's earlier endorsements and flags. */
  entries: OutboxEntry[];
  onReact: (item: KnowledgeItem, reaction: Reaction) => Promise<void>;
}

/** Endorse and flag (KCS "flag it or fix it") for one item. */
export function ItemReactions({ item, entries, onReact }: ReactProps) {
  const t = useT();
  const [flagging, setFlagging] = useState(false);
  const [reason, setReason] = useState<FlagReason>('outdated');
  const [comment, setComment] = useState('');
  const [missingTitle, setMissingTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mine = entries.filter((entry) => entry.itemId === item.id);
  const endorsed = mine.some((entry) => entry.reaction.kind === 'endorse');
  const flagged = mine.some((entry) => entry.reaction.kind === 'flag');
  const formId = `sp-flag-${item.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  const submit = (event: Event) => {
    event.preventDefault();
    const text = comment.trim();
    const reaction: Reaction =
      reason === 'missing'
        ? { kind: 'flag', reason, missingTitle: missingTitle.trim(), ...(text ? { comment: text } : {}) }
        : { kind: 'flag', reason, ...(text ? { comment: text } : {}) };
    onReact(item, reaction).then(
      () => {
        setFlagging(false);
        setComment('');
        setMissingTitle('');
        setError(null);
      },
      (reasonText: unknown) => setError(String(reasonText)),
    );
  };

  return (
    <div class="sp-actions">
      <button
        type="button"
        aria-pressed={endorsed}
        aria-label={t('endorseLabel', item.title)}
        disabled={endorsed}
        onClick={() => onReact(item, { kind: 'endorse' }).catch((e: unknown) => setError(String(e)))}
      >
        {endorsed ? t('endorsed') : t('endorse')}
      </button>
      {flagged && !flagging ? (
        <span class="sp-flagged">{t('flaggedByYou')}</span>
      ) : (
        <button
          type="button"
          aria-expanded={flagging}
          aria-controls={formId}
          aria-label={t('flagLabel', item.title)}
          onClick={() => setFlagging(!flagging)}
        >
          {t('flag')}
        </button>
      )}
      {flagging && (
        <form id={formId} class="sp-form sp-flag-form" onSubmit={submit}>
          <fieldset>
            <legend>{t('flagReason')}</legend>
            {FLAG_REASONS.map((value) => (
              <label key={value} class="sp-radio">
                <input
                  type="radio"
                  name={`${formId}-reason`}
                  value={value}
                  checked={reason === value}
                  onChange={() => setReason(value)}
                />{' '}
                {t(FLAG_REASON_KEYS[value])}
              </label>
            ))}
          </fieldset>
          {reason === 'missing' && (
            <label>
              {t('flagMissingTitle')}
              <input
                required
                maxLength={MISSING_TITLE_MAX}
                value={missingTitle}
                onInput={(event) => setMissingTitle(event.currentTarget.value)}
              />
            </label>
          )}
          <label>
            {t('flagComment')}
            <textarea
              rows={3}
              maxLength={COMMENT_MAX}
              value={comment}
              onInput={(event) => setComment(event.currentTarget.value)}
              aria-describedby={`${formId}-count`}
            />
          </label>
          <p id={`${formId}-count`} class="sp-screen">
            {t('flagCommentCount', [String(comment.length), String(COMMENT_MAX)])}
          </p>
          <div class="sp-actions">
            <button type="submit">{t('flagSubmit')}</button>
            <button type="button" onClick={() => setFlagging(false)}>
              {t('flagCancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" class="sp-error">
          {error}
        </p>
      )}
    </div>
  );
}
