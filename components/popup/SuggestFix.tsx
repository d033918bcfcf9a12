import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { checkSuggestion, type SuggestionDraft, type SuggestionProblem } from '@/utils/delivery/suggestions';
import type { MessageKey } from '@/utils/i18n';
import { COMMENT_MAX, SUGGESTION_LIMITS } from '@/utils/limits';
import type { KnowledgeItem } from '@/utils/model';

/** What the suggestion is about: an item to fix, or a screen that needs a new tip. */
export type SuggestTarget =
  | { mode: 'edit'; item: KnowledgeItem }
  | { mode: 'new'; tool: string; toolName: string; area?: string };

interface Props {
  target: SuggestTarget;
  onSuggest: (draft: SuggestionDraft) => Promise<void>;
}

const PROBLEM_KEYS = {
  titleEmpty: 'suggestTitleEmpty',
  titleTooLong: 'suggestTitleTooLong',
  summaryEmpty: 'suggestSummaryEmpty',
  summaryTooLong: 'suggestSummaryTooLong',
  tooLongToRead: 'suggestTooLongToRead',
} as const satisfies Record<SuggestionProblem, MessageKey>;

/**
 * KCS "fix it": a champion's edit of an item's title and summary, shown as before and after, or a
 * new tip for this screen with its tool and area filled in. The limits and the two-minute rule are
 * checked as they type; nothing of the page goes with it unless they paste it into the note.
 */
export function SuggestFix({ target, onSuggest }: Props) {
  const t = useT();
  const edit = target.mode === 'edit' ? target.item : null;
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(edit?.title ?? '');
  const [summary, setSummary] = useState(edit?.summary ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const formId = `sp-suggest-${(edit ? edit.id : `new-${target.mode === 'new' ? target.tool : ''}`).replace(/[^A-Za-z0-9_-]/g, '_')}`;

  const { problems, seconds } = checkSuggestion(title, summary);
  const unchanged = edit !== null && title.trim() === edit.title && summary.trim() === edit.summary;

  const reset = () => {
    setTitle(edit?.title ?? '');
    setSummary(edit?.summary ?? '');
    setNote('');
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (problems.length || unchanged) return;
    const extra = note.trim() ? { note: note.trim() } : {};
    const draft: SuggestionDraft =
      target.mode === 'edit'
        ? { mode: 'edit', itemId: target.item.id, title, summary, ...extra }
        : {
            mode: 'new',
            tool: target.tool,
            ...(target.area ? { area: target.area } : {}),
            title,
            summary,
            ...extra,
          };
    onSuggest(draft).then(
      () => {
        setOpen(false);
        setSent(true);
        setError(null);
        reset();
      },
      (reason: unknown) => setError(String(reason)),
    );
  };

  return (
    <div class="sp-suggest">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        aria-label={edit ? t('suggestFixLabel', edit.title) : undefined}
        onClick={() => {
          setOpen(!open);
          setSent(false);
        }}
      >
        {edit ? t('suggestFix') : t('suggestTip')}
      </button>
      {sent && (
        <p role="status" class="sp-screen">
          {t('suggestSent')}
        </p>
      )}
      {open && (
        <form id={formId} class="sp-form sp-suggest-form" onSubmit={submit}>
          {edit ? (
            <section class="sp-before" aria-labelledby={`${formId}-before`}>
              <h4 id={`${formId}-before`}>{t('suggestBefore')}</h4>
              <p class="sp-title">{edit.title}</p>
              <p class="sp-summary">{edit.summary}</p>
            </section>
          ) : (
            <p class="sp-screen">
              {target.mode === 'new' && target.area
                ? t('popupScreen', [target.toolName, target.area])
                : target.mode === 'new'
                  ? target.toolName
                  : ''}
            </p>
          )}
          <fieldset>
            <legend>{edit ? t('suggestAfter') : t('suggestNewTip')}</legend>
            <label>
              {t('suggestTitle')}
              <input
                name="title"
                required
                value={title}
                aria-invalid={problems.includes('titleEmpty') || problems.includes('titleTooLong')}
                aria-describedby={`${formId}-checks`}
                onInput={(event) => setTitle(event.currentTarget.value)}
              />
            </label>
            <label>
              {t('suggestSummary')}
              <textarea
                name="summary"
                rows={5}
                required
                value={summary}
                aria-invalid={problems.includes('summaryEmpty') || problems.includes('summaryTooLong')}
                aria-describedby={`${formId}-checks`}
                onInput={(event) => setSummary(event.currentTarget.value)}
              />
            </label>
            <label>
              {t('suggestNote')}
              <textarea
                name="note"
                rows={2}
                maxLength={COMMENT_MAX}
                value={note}
                onInput={(event) => setNote(event.currentTarget.value)}
              />
            </label>
          </fieldset>
          <div id={`${formId}-checks`} aria-live="polite" class="sp-checks">
            <p class="sp-screen">
              {t('suggestCounts', [
                String(title.trim().length),
                String(SUGGESTION_LIMITS.title),
                String(summary.trim().length),
                String(SUGGESTION_LIMITS.summary),
              ])}{' '}
              {t('suggestReading', String(seconds))}
            </p>
            {problems
              .filter((problem) => problem !== 'titleEmpty' && problem !== 'summaryEmpty')
              .map((problem) => (
                <p key={problem} class="sp-error" data-problem={problem}>
                  {t(PROBLEM_KEYS[problem])}
                </p>
              ))}
            {unchanged && <p class="sp-screen">{t('suggestUnchanged')}</p>}
          </div>
          <div class="sp-actions">
            <button type="submit" disabled={problems.length > 0 || unchanged}>
              {t('suggestSubmit')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                reset();
              }}
            >
              {t('suggestCancel')}
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
