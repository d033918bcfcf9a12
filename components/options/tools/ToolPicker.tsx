/**
 * Picks tool ids from a list (built-in tools and the admin's own rules): chips for the chosen
 * ones, a field with suggestions to add another. A name that is no tool is not taken silently:
 * the field says so, next to itself, and offers the closest tool.
 */
import { useState } from 'preact/hooks';
import { describedBy } from '@/components/shared/Field';
import { useT } from '@/components/shared/i18n';
import type { Translate } from '@/utils/i18n';
import { resolveTool, type ToolChoice } from './tool-choice';

interface Props {
  id: string;
  label: string;
  help?: string;
  /** A problem the form found (e.g. text left in the field that is no tool). */
  error?: string;
  /** null while the list is loading. */
  choices: ToolChoice[] | null;
  value: string[];
  onChange: (ids: string[]) => void;
  /** What is typed in the field and not added yet (the form checks it on save). */
  text: string;
  onText: (text: string) => void;
}

/** Why typed text is not a tool, with the closest tool when there is one; null when it is one. */
export function toolProblem(
  text: string,
  choices: readonly ToolChoice[],
  t: Translate,
): { message: string; suggestion: ToolChoice | null } | null {
  if (!text.trim()) return null;
  const resolved = resolveTool(text, choices);
  if (resolved.kind === 'known') return null;
  const { suggestion } = resolved;
  return {
    message: suggestion
      ? t('toolUnknownSuggest', [text.trim(), suggestion.name])
      : t('toolUnknown', text.trim()),
    suggestion,
  };
}

export function ToolPicker({ id, label, help, error, choices, value, onChange, text, onText }: Props) {
  const t = useT();
  const [problem, setProblem] = useState<ReturnType<typeof toolProblem>>(null);
  const list = choices ?? [];
  const nameOf = (tool: string) => list.find((choice) => choice.id === tool)?.name ?? tool;
  const add = (tool: ToolChoice) => {
    if (!value.includes(tool.id)) onChange([...value, tool.id]);
    onText('');
    setProblem(null);
  };
  const tryAdd = () => {
    const resolved = resolveTool(text, list);
    if (resolved.kind === 'known') add(resolved.tool);
    else setProblem(toolProblem(text, list, t));
  };
  const shown = problem?.message ?? error;
  const suggestion = problem?.suggestion ?? (error ? toolProblem(text, list, t)?.suggestion : null);

  return (
    <div class="sp-field sp-tool-picker" aria-busy={choices === null}>
      <label for={id}>{label}</label>
      {value.length > 0 && (
        <ul class="sp-chips" aria-label={t('toolChosen')}>
          {value.map((tool) => (
            <li key={tool} class="sp-chip" data-tool={tool}>
              {nameOf(tool)}{' '}
              <button
                type="button"
                class="sp-chip-remove"
                aria-label={t('toolRemove', nameOf(tool))}
                onClick={() => onChange(value.filter((other) => other !== tool))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="sp-row">
        <input
          id={id}
          value={text}
          list={`${id}-list`}
          autoComplete="off"
          aria-invalid={Boolean(shown)}
          aria-describedby={describedBy(id, help, shown)}
          onInput={(event) => {
            onText(event.currentTarget.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              if (text.trim()) tryAdd();
            }
          }}
        />
        <button type="button" disabled={!text.trim() || choices === null} onClick={tryAdd}>
          {t('toolAdd')}
        </button>
      </div>
      <datalist id={`${id}-list`}>
        {list.map((tool) => (
          <option key={tool.id} value={tool.name}>
            {tool.id}
          </option>
        ))}
      </datalist>
      {help && (
        <span id={`${id}-help`} class="sp-screen">
          {help}
        </span>
      )}
      {shown && (
        <span id={`${id}-error`} class="sp-error">
          {shown}{' '}
          {suggestion && (
            <button type="button" class="sp-link-button" onClick={() => add(suggestion)}>
              {t('toolUse', suggestion.name)}
            </button>
          )}
        </span>
      )}
    </div>
  );
}
