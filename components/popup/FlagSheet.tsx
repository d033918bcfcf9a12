import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { FlagIcon } from '@/components/shared/icons';
import { FLAG_REASON_KEYS } from '@/components/shared/labels';
import { FLAG_REASONS, type FlagReason } from '@/utils/delivery/reactions';
import { COMMENT_MAX, MISSING_TITLE_MAX } from '@/utils/limits';

export interface FlagDraft {
  reason: FlagReason;
  comment?: string;
  missingTitle?: string;
}

interface Props {
  /** Unique per sheet on the page. */
  id: string;
  heading: string;
  /** Only 'missing', with its title prefilled (a request for content a search did not find). */
  request?: { words: string };
  submitLabel: string;
  onSubmit: (draft: FlagDraft) => Promise<void>;
  onClose: () => void;
}

/**
 * The flag form as a full-width sheet: the reason as one radio row each, the missing article's
 * title when the reason is 'missing', an optional comment with its count. Escape closes it.
 */
export function FlagSheet({ id, heading, request, submitLabel, onSubmit, onClose }: Props) {
  const t = useT();
  const [reason, setReason] = useState<FlagReason>(request ? 'missing' : 'outdated');
  const [comment, setComment] = useState('');
  const [missingTitle, setMissingTitle] = useState(request?.words ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sheet = useRef<HTMLFormElement>(null);

  useLayoutEffect(() => {
    sheet.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    const title = missingTitle.trim();
    if (reason === 'missing' && !title) {
      setError(t('flagMissingTitleNeeded'));
      return;
    }
    const text = comment.trim();
    setBusy(true);
    onSubmit({
      reason,
      ...(text ? { comment: text } : {}),
      ...(reason === 'missing' ? { missingTitle: title } : {}),
    }).then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  };

  return (
    <form
      id={id}
      ref={sheet}
      class="sp-sheet sp-flag-sheet"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <p id={`${id}-heading`} class="sp-sheet-title">
        <FlagIcon class="sp-icon" />
        {heading}
      </p>
      {!request && (
        <fieldset class="sp-fieldset sp-reasons">
          <legend>{t('flagReason')}</legend>
          {FLAG_REASONS.map((value) => (
            <label key={value} class="sp-radio">
              <input
                type="radio"
                name={`${id}-reason`}
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
              />
              <span>{t(FLAG_REASON_KEYS[value])}</span>
            </label>
          ))}
        </fieldset>
      )}
      {reason === 'missing' && (
        <div class="sp-field">
          <label for={`${id}-missing`}>{t('flagMissingTitle')}</label>
          <input
            id={`${id}-missing`}
            maxLength={MISSING_TITLE_MAX}
            value={missingTitle}
            aria-invalid={error !== null && !missingTitle.trim()}
            onInput={(event) => setMissingTitle(event.currentTarget.value)}
          />
        </div>
      )}
      <div class="sp-field">
        <label for={`${id}-comment`}>{t('flagComment')}</label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          maxLength={COMMENT_MAX}
          value={comment}
          onInput={(event) => setComment(event.currentTarget.value)}
          aria-describedby={`${id}-count`}
        />
        <span id={`${id}-count`} class="sp-help">
          {t('flagCommentCount', [String(comment.length), String(COMMENT_MAX)])}
        </span>
      </div>
      {error && (
        <p role="alert" class="sp-error">
          {error}
        </p>
      )}
      <div class="sp-actions">
        <button type="submit" class="sp-primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onClose}>
          {t('flagCancel')}
        </button>
      </div>
    </form>
  );
}
