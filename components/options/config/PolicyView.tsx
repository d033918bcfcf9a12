import { useT } from '@/components/shared/i18n';
import { useLoad } from '@/components/shared/useLoad';
import type { PolicyView as View } from '@/utils/messages';

interface Props {
  load: () => Promise<View>;
}

/** What the organisation's enterprise policy sets, read-only, with the entries left out and why. */
export function PolicyView({ load }: Props) {
  const t = useT();
  const { value: view, error } = useLoad(load, [load], { describe: String });

  const entries = view ? Object.entries(view.policy).filter(([key]) => key !== 'locked') : [];
  return (
    <section aria-labelledby="sp-policy" data-testid="policy-view">
      <h2 id="sp-policy">{t('policyTitle')}</h2>
      {error && (
        <p role="alert" class="sp-error">
          {t('loadError', error)}
        </p>
      )}
      {view && !view.present && <p>{t('policyNone')}</p>}
      {view?.present && (
        <>
          <p>{view.policy.locked ? t('policyLocked') : t('policyNotLocked')}</p>
          {entries.length > 0 && (
            <table class="sp-table">
              <caption>{t('policySets')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('policyKey')}</th>
                  <th scope="col">{t('policyValue')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map(([key, value]) => (
                  <tr key={key} data-policy-key={key}>
                    <th scope="row">
                      <code>{key}</code>
                    </th>
                    <td>
                      <pre class="sp-code">{JSON.stringify(value, null, 2)}</pre>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {view.problems.length > 0 && (
            <div class="sp-error" data-testid="policy-problems">
              <h3>{t('policyProblems')}</h3>
              <ul>
                {view.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}
