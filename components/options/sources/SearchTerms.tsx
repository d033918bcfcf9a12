import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { plainError } from '@/components/shared/plain-error';
import { useDraft } from '@/components/shared/useDraft';
import { useLoad } from '@/components/shared/useLoad';
import type { MessageKey } from '@/utils/i18n';
import type { SettingsView } from '@/utils/messages';
import {
  ADMIN_TERMS_LIMITS,
  type AdminTerms,
  type TermsProblem,
  type TermsProblemCode,
  termsFromText,
  termsToText,
} from '@/utils/search/admin-terms';

interface Props {
  load: () => Promise<SettingsView>;
  /** Saves the admin's own terms (the whole list). */
  save: (searchTerms: AdminTerms) => Promise<SettingsView>;
}

const PROBLEM_KEYS: Record<TermsProblemCode, MessageKey> = {
  format: 'termsFormat',
  twice: 'termsTwice',
  'no-words': 'termsNoWords',
  'no-letter': 'termsNoLetter',
  'too-long': 'termsTooLong',
  'too-many-words': 'termsTooManyWords',
  'too-many-terms': 'termsTooManyTerms',
};

const ID = 'sp-terms-text';

/**
 * The terms a policy sets, as the list in force shows them: the effective terms that are not the
 * admin's own (where both name a term, the policy's words are the ones in force).
 */
function policyTerms(view: SettingsView): AdminTerms {
  const own = view.own.searchTerms.terms;
  const same = (a: string[] | undefined, b: string[]) =>
    a?.length === b.length && a.every((w, i) => w === b[i]);
  return {
    terms: Object.fromEntries(
      Object.entries(view.effective.searchTerms.terms).filter(([term, words]) => !same(own[term], words)),
    ),
  };
}

/**
 * The organisation's own words for things, one term per line (`VPN: remote access, GlobalProtect`):
 * the search finds an article by any of them. A policy's terms are listed above the admin's own
 * and win where both name a term; a locked policy that sets them leaves nothing to edit.
 */
export function SearchTerms({ load, save }: Props) {
  const t = useT();
  const describe = (reason: unknown) => plainError(reason, t);
  const { value: view, error, loading, set } = useLoad(load, [load], { describe });
  const byPolicy = Boolean(view?.enforced.includes('searchTerms'));
  // A locked policy: the list in force (the policy's terms and the own ones it leaves), read-only.
  const locked = Boolean(byPolicy && view?.locked);
  const fromPolicy = view && byPolicy && !locked ? Object.entries(policyTerms(view).terms) : [];
  const stored = view && { text: termsToText(locked ? view.effective.searchTerms : view.own.searchTerms) };
  const { form, update, settle } = useDraft({ text: '' }, stored);
  const [problems, setProblems] = useState<TermsProblem[]>([]);
  const [said, setSaid] = useState<{ error: boolean; text: string } | null>(null);
  const message = said ?? (error === null ? null : { error: true, text: t('loadError', error) });

  const problemText = ({ line, code }: TermsProblem) => {
    const limit =
      code === 'too-long'
        ? ADMIN_TERMS_LIMITS.length
        : code === 'too-many-words'
          ? ADMIN_TERMS_LIMITS.alternatives
          : ADMIN_TERMS_LIMITS.terms;
    return t('termsLine', [String(line), t(PROBLEM_KEYS[code], String(limit))]);
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    const read = termsFromText(form.text);
    setProblems(read.problems);
    if (read.problems.length > 0) {
      // Nothing is saved: a line the admin still has to correct would be lost from the list.
      setSaid(null);
      document.getElementById(ID)?.focus();
      return;
    }
    save(read.value).then(
      (next) => {
        settle();
        set(next);
        setSaid({ error: false, text: t('termsSaved', String(Object.keys(read.value.terms).length)) });
      },
      (reason: unknown) => setSaid({ error: true, text: describe(reason) }),
    );
  };

  const invalid = problems.length > 0;
  return (
    <section aria-labelledby="sp-terms" aria-busy={loading && !view}>
      <h2 id="sp-terms">{t('termsTitle')}</h2>
      <p>{t('termsHelp')}</p>
      {loading && !view && (
        <p role="status" class="sp-loading">
          {t('optionsLoading')}
        </p>
      )}
      {locked && <p>{t('termsByPolicy')}</p>}
      {fromPolicy.length > 0 && (
        <>
          <h3 id="sp-terms-policy">{t('termsFromPolicy')}</h3>
          <ul aria-labelledby="sp-terms-policy" class="sp-terms-policy" data-testid="policy-terms">
            {fromPolicy.map(([term, words]) => (
              <li key={term}>{`${term}: ${words.join(', ')}`}</li>
            ))}
          </ul>
        </>
      )}
      <form class="sp-form" onSubmit={onSave} noValidate>
        <div class="sp-field">
          <label for={ID}>{t(fromPolicy.length > 0 ? 'termsOwnLabel' : 'termsLabel')}</label>
          <textarea
            id={ID}
            rows={8}
            spellcheck={false}
            value={form.text}
            readOnly={locked}
            placeholder="VPN: remote access, GlobalProtect"
            aria-invalid={invalid}
            aria-describedby={`${ID}-help${invalid ? ' sp-terms-problems' : ''}`}
            onInput={(event) => {
              update({ text: event.currentTarget.value });
              setSaid(null);
            }}
          />
          <span id={`${ID}-help`} class="sp-screen">
            {t('termsExample')}
          </span>
        </div>
        {invalid && (
          <div id="sp-terms-problems" role="alert" class="sp-error">
            <p>{t('termsProblems')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={`${problem.line}-${problem.code}`} data-line={problem.line}>
                  {problemText(problem)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {!locked && (
          <div class="sp-actions">
            {/* Saving before the stored list is known would replace it with what was typed. */}
            <button type="submit" disabled={!view}>
              {t('termsSave')}
            </button>
          </div>
        )}
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'sp-error' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}
