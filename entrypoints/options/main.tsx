import { render } from 'preact';
import { I18n } from '@/components/i18n';
import { Options } from '@/components/Options';
import { setDocumentLanguage, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';

setDocumentLanguage(document);
const root = document.getElementById('app');
if (root) {
  render(
    <I18n.Provider value={t}>
      <Options
        loadSources={async () => (await sendMessage('listSources', {})).sources}
        setEnabled={async (sourceId, enabled) =>
          (await sendMessage('setSourceEnabled', { sourceId, enabled })).sources
        }
        formatDate={(ms) => new Date(ms).toLocaleString(navigator.language)}
      />
    </I18n.Provider>,
    root,
  );
}
