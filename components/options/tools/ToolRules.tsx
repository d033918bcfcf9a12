import { useState } from 'preact/hooks';
import { useT } from '@/components/shared/i18n';
import { useLoad } from '@/components/shared/useLoad';
import type { ToolSettings } from '@/utils/messages';
import { parseToolRules, type ToolRule } from '@/utils/rules/tool-rules';
import type { Detection } from '@/utils/tools';

interface Props {
  load: () => Promise<ToolSettings>;
  save: (rules: ToolRule[]) => Promise<ToolSettings>;
  /** Asks the browser for host access (must run in the click's user gesture). */
  grant: (patterns: string[]) => Promise<boolean>;
  /** What Signpost would recognise on a URL with the given rules. */
  test: (url: string, rules: ToolRule[]) => Detection | null;
  builtins: { id: string; name: string }[];
}

/** Admin rules for self-hosted tools and in-house apps, their host grants, and a URL tester. */
export function ToolRules({ load, save, grant, test, builtins }: Props) {
  const t = useT();
  const { value: state, error, set, fail, reload } = useLoad(load, [load]);
  const [tool, setTool] = useState('');
  const [name, setName] = useState('');
  const [patterns, setPatterns] = useState('');
  const [testUrl, setTestUrl] = useState('');

  const apply = (next: Promise<ToolSettings>) => next.then(set, fail);

  const rules = state?.rules ?? [];
  const policyRules = state?.policyRules ?? [];
  const missing = new Set(state?.access.missing ?? []);

  const onAdd = (event: Event) => {
    event.preventDefault();
    const candidate = {
      tool: tool.trim(),
      name: name.trim() || undefined,
      matches: patterns.split(/\s+/).filter(Boolean),
    };
    const { rules: valid, problems } = parseToolRules([candidate]);
    if (problems.length || valid.length === 0) {
      fail(problems.join('; ') || t('rulesInvalid'));
      return;
    }
    apply(
      save([...rules, ...valid]).then((next) => {
        setTool('');
        setName('');
        setPatterns('');
        return next;
      }),
    );
  };

  const detection = testUrl.trim() ? test(testUrl.trim(), [...policyRules, ...rules]) : null;

  return (
    <section aria-labelledby="sp-tools">
      <h2 id="sp-tools">{t('rulesTitle')}</h2>
      <p>{t('rulesHelp')}</p>
      {error && (
        <p role="alert" class="sp-error">
          {error}
        </p>
      )}
      {policyRules.length > 0 && (
        <>
          <h3>{t('rulesPolicy')}</h3>
          <ul class="sp-sources">
            {policyRules.map((rule) => (
              <li
                key={`policy-${rule.tool}-${rule.matches.join()}`}
                class="sp-source"
                data-policy-rule-tool={rule.tool}
              >
                <p>
                  <strong>{rule.name ?? builtins.find((b) => b.id === rule.tool)?.name ?? rule.tool}</strong>{' '}
                  <span class="sp-tag">{t('rulesToolId', rule.tool)}</span>
                </p>
                <ul>
                  {rule.matches.map((pattern) => (
                    <li key={pattern}>
                      <code>{pattern}</code> —{' '}
                      {missing.has(pattern) ? t('rulesNotGranted') : t('rulesGranted')}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {rules.length === 0 ? (
        <p>{t('rulesNone')}</p>
      ) : (
        <ul class="sp-sources">
          {rules.map((rule, index) => {
            const waiting = rule.matches.filter((pattern) => missing.has(pattern));
            return (
              <li key={`${rule.tool}-${index}`} class="sp-source" data-rule-tool={rule.tool}>
                <h3>{rule.name ?? builtins.find((b) => b.id === rule.tool)?.name ?? rule.tool}</h3>
                <p class="sp-screen">{t('rulesToolId', rule.tool)}</p>
                <ul>
                  {rule.matches.map((pattern) => (
                    <li key={pattern}>
                      <code>{pattern}</code> —{' '}
                      {missing.has(pattern) ? t('rulesNotGranted') : t('rulesGranted')}
                    </li>
                  ))}
                </ul>
                {waiting.length > 0 && (
                  <button
                    type="button"
                    onClick={() => {
                      grant(waiting).then((ok) => (ok ? reload() : fail(t('rulesGrantRefused'))), fail);
                    }}
                  >
                    {t('rulesGrant')}
                  </button>
                )}{' '}
                <button type="button" onClick={() => apply(save(rules.filter((_, i) => i !== index)))}>
                  {t('rulesRemove', rule.tool)}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <form onSubmit={onAdd} class="sp-form">
        <h3>{t('rulesAdd')}</h3>
        <label>
          {t('rulesFieldTool')}
          <input
            value={tool}
            list="sp-builtin-tools"
            required
            onInput={(event) => setTool(event.currentTarget.value)}
            aria-describedby="sp-rule-tool-help"
          />
        </label>
        <datalist id="sp-builtin-tools">
          {builtins.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </datalist>
        <p id="sp-rule-tool-help" class="sp-screen">
          {t('rulesFieldToolHelp')}
        </p>
        <label>
          {t('rulesFieldName')}
          <input value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
        <label>
          {t('rulesFieldPatterns')}
          <textarea
            value={patterns}
            rows={3}
            required
            placeholder="https://jira.corp.example/*"
            onInput={(event) => setPatterns(event.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('rulesAddButton')}</button>
      </form>

      <div class="sp-form">
        <label>
          {t('rulesTestLabel')}
          <input type="url" value={testUrl} onInput={(event) => setTestUrl(event.currentTarget.value)} />
        </label>
        <p aria-live="polite" data-testid="rule-test-result">
          {testUrl.trim() &&
            (detection
              ? t('rulesTestMatch', detection.area ? `${detection.name} · ${detection.area}` : detection.name)
              : t('rulesTestNoMatch'))}
        </p>
      </div>
    </section>
  );
}
