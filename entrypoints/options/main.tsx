/** The options page: one tab per job (panels.tsx), the tab kept in the address's #hash. */
import { render } from 'preact';
import { OPTION_TABS, OptionsPage, type OptionTab } from '@/components/options/OptionsPage';
import { I18n } from '@/components/shared/i18n';
import { setDocumentLanguage, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';
import { panels } from './panels';

const fromHash = (): OptionTab => {
  const tab = location.hash.slice(1);
  return (OPTION_TABS as readonly string[]).includes(tab) ? (tab as OptionTab) : 'sources';
};

setDocumentLanguage(document);
const root = document.getElementById('app');
if (root) {
  render(
    <I18n.Provider value={t}>
      <OptionsPage
        initialTab={fromHash()}
        onTabChange={(tab) => history.replaceState(null, '', `#${tab}`)}
        watchTab={(show) => {
          const onHash = () => show(fromHash());
          window.addEventListener('hashchange', onHash);
          return () => window.removeEventListener('hashchange', onHash);
        }}
        panels={panels}
        loadDatabaseProblem={async () => (await sendMessage('getDatabaseProblem', {})).problem}
      />
    </I18n.Provider>,
    root,
  );
}
