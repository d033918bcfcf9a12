// @vitest-environment happy-dom
/** The organisation's own search terms on the Sources tab: text in, problems by line, saved as terms. */
import axe from 'axe-core';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchTerms } from '@/components/options/sources/SearchTerms';
import { I18n } from '@/components/shared/i18n';
import type { SettingsView } from '@/utils/messages';
import { type AdminTerms, mergeAdminTerms } from '@/utils/search/admin-terms';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { english } from '../../english';

const t = english;

const viewOf = (own: AdminTerms, policy?: AdminTerms, locked = false): SettingsView => ({
  own: { ...DEFAULT_SETTINGS, searchTerms: own },
  effective: { ...DEFAULT_SETTINGS, searchTerms: mergeAdminTerms(policy, own) },
  enforced: policy ? ['searchTerms'] : [],
  locked,
});

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

async function mount(view: SettingsView) {
  const saved: AdminTerms[] = [];
  root = document.createElement('div');
  document.body.append(root);
  const container = root;
  await act(async () => {
    render(
      h(
        I18n.Provider,
        { value: t },
        h(SearchTerms, {
          load: async () => view,
          save: async (searchTerms: AdminTerms) => {
            saved.push(searchTerms);
            return viewOf(searchTerms);
          },
        }),
      ),
      container,
    );
  });
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  const textarea = container.querySelector('textarea') as HTMLTextAreaElement;
  const type = (text: string) =>
    act(() => {
      textarea.value = text;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const submit = () =>
    act(async () => {
      (container.querySelector('form') as HTMLFormElement).dispatchEvent(
        new Event('submit', { bubbles: true, cancelable: true }),
      );
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  return { container, textarea, saved, type, submit };
}

describe('SearchTerms', () => {
  it('shows the saved terms one per line, under its heading, with the example', async () => {
    const { container, textarea } = await mount(
      viewOf({ terms: { VPN: ['remote access', 'GlobalProtect'] } }),
    );
    expect(container.querySelector('h2')?.textContent).toBe("Your organisation's words");
    expect(container.querySelector('label')?.getAttribute('for')).toBe(textarea.id);
    expect(textarea.value).toBe('VPN: remote access, GlobalProtect');
    const help = document.getElementById(textarea.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toContain('Example: VPN: remote access, GlobalProtect');
    expect(textarea.getAttribute('aria-invalid')).toBe('false');
  });

  it('lists the problems by line number, marks the field invalid, and saves nothing', async () => {
    const { container, textarea, saved, type, submit } = await mount(viewOf({ terms: {} }));
    await type('XLOOKUP: Fandango\nno colon here\nxlookup: again');
    await submit();
    expect(saved).toEqual([]);
    const problems = container.querySelector('#sp-terms-problems');
    expect(problems?.getAttribute('role')).toBe('alert');
    expect([...(problems?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'Line 2: write the term, a colon, then the other words (VPN: remote access)',
      'Line 3: this term is already on an earlier line',
    ]);
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(textarea.getAttribute('aria-describedby')?.split(' ')).toContain('sp-terms-problems');
    expect(document.activeElement).toBe(textarea);
  });

  it('saves the terms the text holds once it is correct, and says so', async () => {
    const { container, textarea, saved, type, submit } = await mount(viewOf({ terms: {} }));
    await type('no colon');
    await submit();
    await type('XLOOKUP: Fandango, Tango\n\nVPN: GlobalProtect');
    await submit();
    expect(saved).toEqual([{ terms: { XLOOKUP: ['Fandango', 'Tango'], VPN: ['GlobalProtect'] } }]);
    expect(container.querySelector('#sp-terms-problems')).toBeNull();
    expect(textarea.getAttribute('aria-invalid')).toBe('false');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Saved (2 terms).');
    expect(textarea.value).toBe('XLOOKUP: Fandango, Tango\nVPN: GlobalProtect');
  });

  it('is read-only with the terms in force when a locked policy sets them', async () => {
    const { container, textarea } = await mount(
      viewOf({ terms: { Okta: ['SSO'] } }, { terms: { VPN: ['GlobalProtect'] } }, true),
    );
    expect(textarea.readOnly).toBe(true);
    expect(textarea.value).toBe('VPN: GlobalProtect\nOkta: SSO');
    expect(container.textContent).toContain("Your organisation's policy sets these words");
    expect(container.querySelector('[data-testid="policy-terms"]')).toBeNull();
    expect(container.querySelector('button[type="submit"]')).toBeNull();
  });

  it('lists a policy’s terms above the admin’s own, which stay editable and are saved alone', async () => {
    const policy = { terms: { VPN: ['GlobalProtect'], okta: ['Identity'] } };
    const { container, textarea, saved, type, submit } = await mount(
      viewOf({ terms: { Okta: ['SSO'], XLOOKUP: ['Fandango'] } }, policy),
    );
    const listed = container.querySelector('[data-testid="policy-terms"]');
    // Where both name a term (okta, Okta), the policy's words are the ones in force and listed.
    expect([...(listed?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'VPN: GlobalProtect',
      'okta: Identity',
    ]);
    expect(listed?.getAttribute('aria-labelledby')).toBe('sp-terms-policy');
    expect(document.getElementById('sp-terms-policy')?.textContent).toContain("organisation's policy");
    expect(container.querySelector('label')?.textContent).toBe('Your own terms, one per line');
    expect(textarea.readOnly).toBe(false);
    expect(textarea.value).toBe('Okta: SSO\nXLOOKUP: Fandango');
    await type('XLOOKUP: Fandango, Tango');
    await submit();
    expect(saved).toEqual([{ terms: { XLOOKUP: ['Fandango', 'Tango'] } }]);
    const result = await axe.run(container, { resultTypes: ['violations'] });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('has no serious or critical axe-core violations, with problems shown', async () => {
    const { container, type, submit } = await mount(viewOf({ terms: {} }));
    await type('no colon');
    await submit();
    const result = await axe.run(container, { resultTypes: ['violations'] });
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
});
