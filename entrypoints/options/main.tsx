import { render } from 'preact';
import { I18n } from '@/components/i18n';
import { Options } from '@/components/Options';
import { SourceEditor } from '@/components/SourceEditor';
import { ToolRules } from '@/components/ToolRules';
import { WebhookSettings } from '@/components/WebhookSettings';
import { browser } from '@/utils/browser';
import { setDocumentLanguage, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';
import { detectWithRules, originPattern } from '@/utils/rules';
import { guessSourceType } from '@/utils/sync';
import { DETECTORS } from '@/utils/tools';

const builtins = DETECTORS.map(({ id, name }) => ({ id, name }));

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
        syncNow={async (sourceId) => (await sendMessage('syncNow', { sourceId })).sources}
        remove={async (sourceId) => (await sendMessage('removeSource', { sourceId })).sources}
        editor={(refresh) => (
          <SourceEditor
            guessType={guessSourceType}
            preview={(source, auth) => sendMessage('previewSource', { source, ...(auth ? { auth } : {}) })}
            save={async (source, auth) => {
              // The host first, while the click still counts as the person's gesture.
              await browser.permissions.request({ origins: [originPattern(source.url)] });
              refresh((await sendMessage('saveSource', { source, ...(auth ? { auth } : {}) })).sources);
            }}
          />
        )}
      >
        <ToolRules
          load={() => sendMessage('getToolSettings', {})}
          save={(rules) => sendMessage('saveToolRules', { rules })}
          grant={(origins) => browser.permissions.request({ origins })}
          test={(url, rules) => detectWithRules(url, undefined, rules)}
          builtins={builtins}
        />
        <WebhookSettings
          load={() => sendMessage('getWebhook', {})}
          save={(url, format) => sendMessage('saveWebhook', { url, format })}
          grant={(url) => browser.permissions.request({ origins: [originPattern(url)] })}
        />
      </Options>
    </I18n.Provider>,
    root,
  );
}
