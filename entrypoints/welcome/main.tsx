/** The first-run page, opened by the background on install. */
import { render } from 'preact';
import { I18n } from '@/components/shared/i18n';
import { Welcome } from '@/components/welcome/Welcome';
import { browser } from '@/utils/browser';
import { setDocumentLanguage, t } from '@/utils/i18n';

setDocumentLanguage(document);
document.title = t('welcomeTitle');
const root = document.getElementById('app');
if (root) {
  render(
    <I18n.Provider value={t}>
      <Welcome onOpenOptions={() => void browser.runtime.openOptionsPage()} />
    </I18n.Provider>,
    root,
  );
}
