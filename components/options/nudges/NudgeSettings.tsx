import { useEffect, useState } from 'preact/hooks';
import { describedBy, Field } from '@/components/shared/Field';
import { useT } from '@/components/shared/i18n';
import { plainError } from '@/components/shared/plain-error';
import { useLoad } from '@/components/shared/useLoad';
import type { MessageKey } from '@/utils/i18n';
import { BUDGET_LIMITS, type BudgetSettings } from '@/utils/match/budget';
import type { SettingsChange, SettingsView } from '@/utils/messages';

interface Props {
  load: () => Promise<SettingsView>;
  save: (change: SettingsChange) => Promise<SettingsView>;
}

type NumberKey = keyof typeof BUDGET_LIMITS;

const NUMBER_FIELDS: { key: NumberKey; label: MessageKey; help: MessageKey }[] = [
  { key: 'maxPerDay', label: 'nudgeMaxPerDay', help: 'nudgeMaxPerDayHelp' },
  { key: 'minGapMinutes', label: 'nudgeMinGap', help: 'nudgeMinGapHelp' },
  { key: 'maxViews', label: 'nudgeMaxViews', help: 'nudgeMaxViewsHelp' },
  { key: 'backoffAfter', label: 'nudgeBackoffAfter', help: 'nudgeBackoffAfterHelp' },
  { key: 'backoffHours', label: 'nudgeBackoffHours', help: 'nudgeBackoffHoursHelp' },
];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

interface Form {
  demoContent: boolean;
  maxItems: string;
  numbers: Record<NumberKey, string>;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  audiences: string;
}

function formOf(view: SettingsView): Form {
  // Fields the policy sets show the value in force; the others the person's own.
  const pick = <K extends keyof SettingsView['own']>(key: K) =>
    view.enforced.includes(key) ? view.effective[key] : view.own[key];
  const nudges = pick('nudges');
  return {
    demoContent: pick('demoContent'),
    maxItems: String(pick('maxItems')),
    numbers: Object.fromEntries(
      NUMBER_FIELDS.map(({ key }) => [key, String(nudges[key])]),
    ) as Form['numbers'],
    quiet: nudges.quietHours !== null,
    quietStart: nudges.quietHours?.start ?? '18:00',
    quietEnd: nudges.quietHours?.end ?? '08:00',
    audiences: pick('audiences').join(', '),
  };
}

/** The attention budget, how many items the nudge lists, audiences and the demo content switch. */
export function NudgeSettings({ load, save }: Props) {
  const t = useT();
  // Until the settings are read the form is a placeholder (nothing to type into, so nothing to overwrite).
  const describe = (reason: unknown) => plainError(reason, t);
  const { value: view, error: loadError, set: show } = useLoad(load, [load], { describe });
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  // The form starts from the settings in force, and again after each save.
  useEffect(() => {
    if (view) setForm(formOf(view));
  }, [view]);

  if (!view || !form)
    return (
      <section aria-labelledby="sp-nudges" aria-busy={!loadError} data-testid="nudges-loading">
        <h2 id="sp-nudges">{t('nudgeTitle')}</h2>
        <p>{t('nudgeHelp')}</p>
        {loadError ? (
          <p role="alert" class="sp-error">
            {t('loadError', loadError)}
          </p>
        ) : (
          <>
            <p role="status" class="sp-loading">
              {t('optionsLoading')}
            </p>
            <div class="sp-skeleton" aria-hidden="true">
              {NUMBER_FIELDS.map(({ key }) => (
                <span key={key} class="sp-skeleton-line" />
              ))}
            </div>
          </>
        )}
      </section>
    );
  const byPolicy = (key: string) => view.enforced.includes(key);
  const update = (change: Partial<Form>) => setForm({ ...form, ...change });

  const onSave = (event: Event) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const nudges: BudgetSettings = { ...view.own.nudges };
    for (const { key } of NUMBER_FIELDS) {
      const [min, max] = BUDGET_LIMITS[key];
      const value = Number(form.numbers[key]);
      if (form.numbers[key].trim() === '' || !Number.isInteger(value) || value < min || value > max)
        problems[key] = t('fieldRange', [String(min), String(max)]);
      else nudges[key] = value;
    }
    if (form.quiet) {
      if (!TIME.test(form.quietStart)) problems.quietStart = t('fieldTime');
      if (!TIME.test(form.quietEnd)) problems.quietEnd = t('fieldTime');
      if (form.quietStart === form.quietEnd) problems.quietEnd = t('nudgeQuietSame');
      nudges.quietHours = { start: form.quietStart, end: form.quietEnd };
    } else nudges.quietHours = null;
    const audiences = form.audiences
      .split(/[,\n]/)
      .map((audience) => audience.trim())
      .filter(Boolean);
    if (audiences.some((audience) => audience.length > 60)) problems.audiences = t('nudgeAudienceLong');
    setErrors(problems);
    if (Object.keys(problems).length) {
      setMessage({ error: true, text: t('formInvalid') });
      return;
    }
    const change: SettingsChange = {};
    if (!byPolicy('demoContent')) change.demoContent = form.demoContent;
    if (!byPolicy('maxItems')) change.maxItems = Number(form.maxItems);
    if (!byPolicy('nudges')) change.nudges = nudges;
    if (!byPolicy('audiences')) change.audiences = audiences;
    if (Object.keys(change).length === 0) return;
    save(change).then(
      (next) => {
        show(next);
        setMessage({ error: false, text: t('saved') });
      },
      (error: unknown) => setMessage({ error: true, text: describe(error) }),
    );
  };

  const id = (key: string) => `sp-nudge-${key}`;
  const policyNote = (key: string) => byPolicy(key) && <span class="sp-tag">{t('rulesPolicy')}</span>;
  const budgetLocked = byPolicy('nudges');
  /** A number, time or text input for a field, described by its help and error. */
  const input = (key: string, props: Record<string, unknown>, help?: string) => (
    <input
      id={id(key)}
      aria-invalid={Boolean(errors[key])}
      aria-describedby={describedBy(id(key), help, errors[key])}
      {...props}
    />
  );

  return (
    <section aria-labelledby="sp-nudges">
      <h2 id="sp-nudges">{t('nudgeTitle')}</h2>
      <p>{t('nudgeHelp')}</p>
      <form class="sp-form" onSubmit={onSave} noValidate>
        <fieldset disabled={budgetLocked}>
          <legend>
            {t('nudgeBudget')} {policyNote('nudges')}
          </legend>
          {NUMBER_FIELDS.map(({ key, label, help }) => {
            const [min, max] = BUDGET_LIMITS[key];
            return (
              <Field key={key} id={id(key)} label={t(label)} help={t(help)} error={errors[key]}>
                {input(
                  key,
                  {
                    type: 'number',
                    min,
                    max,
                    step: 1,
                    value: form.numbers[key],
                    onInput: (event: Event) =>
                      update({
                        numbers: { ...form.numbers, [key]: (event.currentTarget as HTMLInputElement).value },
                      }),
                  },
                  t(help),
                )}
              </Field>
            );
          })}
          <label class="sp-inline">
            <input
              type="checkbox"
              checked={form.quiet}
              onChange={(event) => update({ quiet: event.currentTarget.checked })}
            />{' '}
            {t('nudgeQuiet')}
          </label>
          {form.quiet && (
            <div class="sp-row">
              <Field id={id('quietStart')} label={t('nudgeQuietStart')} error={errors.quietStart}>
                {input('quietStart', {
                  type: 'time',
                  value: form.quietStart,
                  onInput: (event: Event) =>
                    update({ quietStart: (event.currentTarget as HTMLInputElement).value }),
                })}
              </Field>
              <Field id={id('quietEnd')} label={t('nudgeQuietEnd')} error={errors.quietEnd}>
                {input('quietEnd', {
                  type: 'time',
                  value: form.quietEnd,
                  onInput: (event: Event) =>
                    update({ quietEnd: (event.currentTarget as HTMLInputElement).value }),
                })}
              </Field>
            </div>
          )}
        </fieldset>
        <Field
          id={id('maxItems')}
          label={
            <>
              {t('nudgeMaxItems')} {policyNote('maxItems')}
            </>
          }
        >
          <select
            id={id('maxItems')}
            value={form.maxItems}
            disabled={byPolicy('maxItems')}
            onChange={(event) => update({ maxItems: event.currentTarget.value })}
          >
            {['1', '2', '3'].map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={id('audiences')}
          label={
            <>
              {t('nudgeAudiences')} {policyNote('audiences')}
            </>
          }
          help={t('nudgeAudiencesHelp')}
          error={errors.audiences}
        >
          {input(
            'audiences',
            {
              value: form.audiences,
              disabled: byPolicy('audiences'),
              placeholder: 'sales, emea',
              onInput: (event: Event) =>
                update({ audiences: (event.currentTarget as HTMLInputElement).value }),
            },
            t('nudgeAudiencesHelp'),
          )}
        </Field>
        <label class="sp-inline">
          <input
            type="checkbox"
            checked={form.demoContent}
            disabled={byPolicy('demoContent')}
            onChange={(event) => update({ demoContent: event.currentTarget.checked })}
          />{' '}
          {t('nudgeDemo')} {policyNote('demoContent')}
        </label>
        <div class="sp-actions">
          <button type="submit">{t('save')}</button>
        </div>
        {message && (
          <p role={message.error ? 'alert' : 'status'} class={message.error ? 'sp-error' : undefined}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
