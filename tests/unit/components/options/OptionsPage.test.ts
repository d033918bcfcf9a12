// @vitest-environment happy-dom
/** The options page's frame: the database banner above the tabs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { OPTION_TABS, OptionsPage, type OptionTab } from '@/components/options/OptionsPage';
import { I18n } from '@/components/shared/i18n';
import type { Translate } from '@/utils/i18n';

const locale = (lang: string): Record<string, { message: string }> =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../../public/_locales/${lang}/messages.json`), 'utf8'),
  );
const EN = locale('en');

const t: Translate = (key, substitutions) => {
  const list =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const message = EN[key]?.message;
  if (message === undefined) throw new Error(`no English message for ${key}`);
  return message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
};

const panels = Object.fromEntries(OPTION_TABS.map((tab) => [tab, () => tab])) as Record<
  OptionTab,
  () => string
>;

async function show(loadDatabaseProblem: () => Promise<string | null>) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(
      h(
        I18n.Provider,
        { value: t },
        h(OptionsPage, {
          initialTab: 'sources',
          onTabChange: () => undefined,
          watchTab: () => () => undefined,
          panels,
          loadDatabaseProblem,
        }),
      ),
      root,
    );
  });
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('options page database banner', () => {
  it('says why the local database cannot be opened', async () => {
    const root = await show(async () => 'QuotaExceededError: the quota has been exceeded');
    const banner = root.querySelector('[data-testid="database-problem"]');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(banner?.textContent).toContain('cannot open its local database');
    expect(banner?.textContent).toContain('QuotaExceededError: the quota has been exceeded');
  });

  it('shows nothing when the database is open', async () => {
    const root = await show(async () => null);
    expect(root.querySelector('[data-testid="database-problem"]')).toBeNull();
  });

  it('has the message in German too', () => {
    expect(locale('de').databaseProblem?.message).toMatch(/Datenbank.*\$1/);
  });
});
