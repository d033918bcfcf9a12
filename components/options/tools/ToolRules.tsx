import { useState } from 'preact/hooks';
import { describedBy, Field } from '@/components/shared/Field';
import { useT } from '@/components/shared/i18n';
import { plainError } from '@/components/shared/plain-error';
import { useLoad } from '@/components/shared/useLoad';
import { isId } from '@/utils/limits';
import type { ToolSettings } from '@/utils/messages';
import { parseToolRules, patternProblem, type ToolRule } from '@/utils/rules/tool-rules';
import type { Detection } from '@/utils/tools';
import { resolveTool, toolChoices } from './tool-choice';

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
  const {
    value: state,
    error,
    loading,
    set,
    fail,
    reload,
  } = useLoad(load, [load], { describe: (reason) => plainError(reason, t) });
  const [tool, setTool] = useState('');
  const [ownTool, setOwnTool] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [patterns, setPatterns] = useState('');
  const [testUrl, setTestUrl] = useState('');

  const apply = (next: Promise<ToolSettings>) => next.then(set, fail);

  const rules = state?.rules ?? [];
  const policyRules = state?.policyRules ?? [];
  const missing = new Set(state?.access.missing ?? []);

  const choices = toolChoices(builtins, [...policyRules, ...rules]);
  /** The rule's tool id: a known tool, or a new one of the admin's own that is not a near miss of a known one. */
  const toolError = (id: string): { text: string; nearMiss: boolean } | null => {
    if (!id) return { text: t('rulesToolMissing'), nearMiss: false };
    const resolved = resolveTool(id, choices);
    if (resolved.kind === 'known') return null;
    if (!isId(id)) return { text: t('rulesToolFormat'), nearMiss: false };
    if (resolved.suggestion && !ownTool)
      return {
        text: t('rulesToolNearMiss', [id, resolved.suggestion.name, resolved.suggestion.id]),
        nearMiss: true,
      };
    return null;
  };
  const typed = tool.trim();
  const typedAs = resolveTool(typed, choices);
  const nearMiss = Boolean(typed && typedAs.kind === 'unknown' && typedAs.suggestion);

  const onAdd = (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const resolved = resolveTool(typed, choices);
    const id = resolved.kind === 'known' ? resolved.tool.id : typed.toLowerCase();
    const badTool = toolError(typed);
    if (badTool) problems.tool = badTool.text;
    const matches = patterns.split(/\s+/).filter(Boolean);
    if (matches.length === 0) problems.patterns = t('rulesPatternsMissing');
    else {
      const bad = matches.filter((pattern) => patternProblem(pattern));
      if (bad.length) problems.patterns = bad.map((pattern) => t('errPattern', pattern)).join(' ');
    }
    setErrors(problems);
    if (Object.keys(problems).length) {
      document.getElementById(problems.tool ? 'sp-rule-tool' : 'sp-rule-patterns')?.focus();
      return;
    }
    const { rules: valid, problems: left } = parseToolRules([
      { tool: id, name: name.trim() || undefined, matches },
    ]);
    if (left.length || valid.length === 0) {
      setErrors({ patterns: left.map((problem) => plainError(problem, t)).join(' ') || t('rulesInvalid') });
      return;
    }
    apply(
      save([...rules, ...valid]).then((next) => {
        setTool('');
        setName('');
        setPatterns('');
        setOwnTool(false);
        return next;
      }),
    );
  };

  const detection = testUrl.trim() ? test(testUrl.trim(), [...policyRules, ...rules]) : null;

  return (
    <section aria-labelledby="sp-tools" aria-busy={loading && !state}>
      <h2 id="sp-tools">{t('rulesTitle')}</h2>
      <p>{t('rulesHelp')}</p>
      {error && (
        <p role="alert" class="sp-error">
          {error}
        </p>
      )}
      {loading && !state && (
        <p role="status" class="sp-loading">
          {t('optionsLoading')}
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
      {!state ? null : rules.length === 0 ? (
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

      <form onSubmit={onAdd} class="sp-form" noValidate aria-labelledby="sp-rule-add">
        <h3 id="sp-rule-add">{t('rulesAdd')}</h3>
        <Field
          id="sp-rule-tool"
          label={t('rulesFieldTool')}
          help={t('rulesFieldToolHelp')}
          error={errors.tool}
        >
          <input
            id="sp-rule-tool"
            value={tool}
            list="sp-builtin-tools"
            autoComplete="off"
            aria-invalid={Boolean(errors.tool)}
            aria-describedby={describedBy('sp-rule-tool', t('rulesFieldToolHelp'), errors.tool)}
            onInput={(event) => {
              setTool(event.currentTarget.value);
              setOwnTool(false);
            }}
          />
        </Field>
        <datalist id="sp-builtin-tools">
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </datalist>
        {nearMiss && errors.tool && (
          <label class="sp-inline">
            <input
              type="checkbox"
              checked={ownTool}
              onChange={(event) => setOwnTool(event.currentTarget.checked)}
            />{' '}
            {t('rulesToolOwn', typed)}
          </label>
        )}
        <label for="sp-rule-name">{t('rulesFieldName')}</label>
        <input id="sp-rule-name" value={name} onInput={(event) => setName(event.currentTarget.value)} />
        <Field id="sp-rule-patterns" label={t('rulesFieldPatterns')} error={errors.patterns}>
          <textarea
            id="sp-rule-patterns"
            value={patterns}
            rows={3}
            placeholder="https://jira.corp.example/*"
            aria-invalid={Boolean(errors.patterns)}
            aria-describedby={describedBy('sp-rule-patterns', undefined, errors.patterns)}
            onInput={(event) => setPatterns(event.currentTarget.value)}
          />
        </Field>
        <div class="sp-actions">
          <button type="submit" disabled={!state}>
            {t('rulesAddButton')}
          </button>
        </div>
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
