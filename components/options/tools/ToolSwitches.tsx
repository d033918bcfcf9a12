import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { plainError } from '@/components/shared/plain-error';
import { useLoad } from '@/components/shared/useLoad';
import type { SettingsView } from '@/utils/messages';

interface Props {
  load: () => Promise<SettingsView>;
  /** Saves the tools where Signpost stays silent. */
  save: (disabledTools: string[]) => Promise<SettingsView>;
  builtins: { id: string; name: string }[];
}

/** The built-in tools, each with a switch: where Signpost offers its nudges. */
export function ToolSwitches({ load, save, builtins }: Props) {
  const t = useT();
  const {
    value: view,
    error,
    loading,
    set,
    fail,
  } = useLoad(load, [load], { describe: (reason) => plainError(reason, t) });
  const [filter, setFilter] = useState('');

  const own = new Set(view?.own.disabledTools ?? []);
  const enforced = new Set(
    view?.enforced.includes('disabledTools') ? view.effective.disabledTools.filter((id) => !own.has(id)) : [],
  );
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...own].filter((other) => other !== id) : [...own, id];
    save(next).then(set, fail);
  };
  const needle = filter.trim().toLowerCase();
  const shown = builtins.filter(
    (tool) => !needle || tool.name.toLowerCase().includes(needle) || tool.id.includes(needle),
  );
  const off = builtins.filter((tool) => own.has(tool.id) || enforced.has(tool.id)).length;
  // A locked policy that sets the list leaves nothing to change here.
  const locked = Boolean(view?.locked && view.enforced.includes('disabledTools'));

  return (
    <section aria-labelledby="sp-tool-switches" aria-busy={loading && !view}>
      <h2 id="sp-tool-switches">{t('toolsTitle')}</h2>
      <p>{t('toolsHelp')}</p>
      {loading && !view && (
        <p role="status" class="sp-loading">
          {t('optionsLoading')}
        </p>
      )}
      {error && (
        <p role="alert" class="sp-error">
          {error}
        </p>
      )}
      <label class="sp-filter">
        {t('toolsFilter')}
        <input type="search" value={filter} onInput={(event) => setFilter(event.currentTarget.value)} />
      </label>
      {locked && <p>{t('policyLocked')}</p>}
      <p class="sp-screen" aria-live="polite">
        {t('toolsCount', [String(builtins.length - off), String(builtins.length)])}
      </p>
      <ul class="sp-switches">
        {shown.map((tool) => {
          const byPolicy = enforced.has(tool.id);
          return (
            <li key={tool.id}>
              <label>
                <input
                  type="checkbox"
                  data-tool={tool.id}
                  checked={!own.has(tool.id) && !byPolicy}
                  disabled={!view || byPolicy || locked}
                  onChange={(event) => toggle(tool.id, event.currentTarget.checked)}
                />{' '}
                {tool.name}
                {byPolicy && <span class="sp-screen"> · {t('toolsOffByPolicy')}</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
