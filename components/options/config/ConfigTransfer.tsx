import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import type { ConfigCheck } from '@/utils/messages';
import { type Config, chromePolicyFile, firefoxPolicyFile } from '@/utils/settings/config-file';

interface Props {
  /** The configuration; webhook and report addresses only with `includeAddresses`. */
  exportConfig: (includeAddresses: boolean) => Promise<Config>;
  check: (text: string) => Promise<ConfigCheck>;
  importConfig: (text: string) => Promise<ConfigCheck>;
  /** Saves text as a file. */
  download: (fileName: string, text: string) => void;
  /** Ids that policy files name the extension by (Chrome's extension id, Firefox's add-on id). */
  chromeId: string;
  firefoxId: string;
}

/**
 * Export the whole configuration as JSON in the policy's shape (also wrapped as a Chrome or
 * Firefox policy file), and import such a file: checked first, applied all at once or not at all.
 */
export function ConfigTransfer({ exportConfig, check, importConfig, download, chromeId, firefoxId }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [checked, setChecked] = useState<ConfigCheck | null>(null);
  const [includeAddresses, setIncludeAddresses] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const fail = (error: unknown) =>
    setMessage({ error: true, text: error instanceof Error ? error.message : String(error) });

  const save = (as: 'plain' | 'chrome' | 'firefox') =>
    exportConfig(includeAddresses).then((config) => {
      const doc =
        as === 'chrome'
          ? chromePolicyFile(config, chromeId)
          : as === 'firefox'
            ? firefoxPolicyFile(config, firefoxId)
            : config;
      const name =
        as === 'firefox'
          ? 'policies.json'
          : as === 'chrome'
            ? 'signpost-policy.json'
            : 'signpost-config.json';
      download(name, `${JSON.stringify(doc, null, 2)}\n`);
    }, fail);

  const onCheck = (event: Event) => {
    event.preventDefault();
    setMessage(null);
    check(text).then(setChecked, fail);
  };

  return (
    <section aria-labelledby="sp-config">
      <h2 id="sp-config">{t('configTitle')}</h2>
      <p>{t('configHelp')}</p>
      <h3>{t('configExport')}</h3>
      <p class="sp-screen">{t('configExportHelp')}</p>
      <label class="sp-inline">
        <input
          type="checkbox"
          checked={includeAddresses}
          onChange={(event) => setIncludeAddresses(event.currentTarget.checked)}
        />{' '}
        {t('configIncludeAddresses')}
      </label>
      <div class="sp-actions">
        <button type="button" onClick={() => save('plain')}>
          {t('configExportPlain')}
        </button>
        <button type="button" onClick={() => save('chrome')}>
          {t('configExportChrome')}
        </button>
        <button type="button" onClick={() => save('firefox')}>
          {t('configExportFirefox')}
        </button>
      </div>
      <h3>{t('configImport')}</h3>
      <form class="sp-form" onSubmit={onCheck}>
        <label>
          {t('configImportFile')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setChecked(null);
              file.text().then(setText, fail);
            }}
          />
        </label>
        <label>
          {t('configImportText')}
          <textarea
            rows={8}
            value={text}
            spellcheck={false}
            onInput={(event) => {
              setText(event.currentTarget.value);
              setFileName('');
              setChecked(null);
            }}
          />
        </label>
        <div class="sp-actions">
          <button type="submit" disabled={!text.trim()}>
            {t('configCheck')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {checked && !checked.ok && (
          <div role="alert" class="sp-error" data-testid="config-problems">
            <p>{t('configProblems', fileName || t('configPasted'))}</p>
            <ul>
              {checked.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        {checked?.ok && (
          <div data-testid="config-summary">
            <p>{t('configWouldSet', checked.keys.join(', '))}</p>
            {checked.keys.includes('sources') && <p>{t('configSourcesReplace', String(checked.sources))}</p>}
            {checked.moved && (
              <div data-testid="config-moved">
                <p>{t('configMoved')}</p>
                <ul>
                  {checked.moved.map((entry) => (
                    <li key={entry.id}>{t('configMovedEntry', [entry.id, entry.from, entry.to])}</li>
                  ))}
                </ul>
              </div>
            )}
            {checked.notes.map((note) => (
              <p key={note} class="sp-screen">
                {note}
              </p>
            ))}
            <button
              type="button"
              onClick={() =>
                importConfig(text).then((result) => {
                  setChecked(result.ok ? null : result);
                  if (result.ok) {
                    setMessage({ error: false, text: t('configImported', result.keys.join(', ')) });
                    setText('');
                  }
                }, fail)
              }
            >
              {t('configImportButton')}
            </button>
          </div>
        )}
        {message && (
          <p role={message.error ? 'alert' : 'status'} class={message.error ? 'sp-error' : undefined}>
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
