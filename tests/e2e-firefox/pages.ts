/** Page objects for extension pages driven through Marionette (see firefox.ts). */

import { openExtensionPage } from './firefox';
import type { ElementRef, Marionette } from './marionette';

export type Role = 'textbox' | 'button' | 'link' | 'checkbox' | 'radio' | 'tab' | 'heading';
/** A name to match exactly, or a pattern. */
export type Name = string | RegExp;

/**
 * Finds the first visible element of a role by its accessible name (aria-label, associated
 * <label>, or text), inside the first element matching `scope` (a CSS selector) if given.
 */
const LOCATE = `
const [role, name, scope] = arguments;
const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
const root = scope ? document.querySelector(scope) : document;
if (!root) return null;
const selectors = {
  textbox: 'input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, select',
  button: 'button, [role=button], input[type=submit]',
  link: 'a[href]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  radio: 'input[type=radio]',
  tab: '[role=tab]',
  heading: 'h1, h2, h3, h4, [role=heading]',
};
const nameOf = (el) => {
  const aria = el.getAttribute('aria-label');
  if (aria) return norm(aria);
  const by = el.getAttribute('aria-labelledby');
  if (by) return norm(by.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
  if (el.id) {
    const label = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
    if (label) return norm(label.textContent);
  }
  const wrap = el.closest('label');
  if (wrap) return norm(wrap.textContent);
  return norm(el.textContent || el.value);
};
const test = name.pattern ? ((t) => new RegExp(name.pattern, name.flags).test(t)) : ((t) => t === name.exact);
for (const el of root.querySelectorAll(selectors[role])) {
  if (el.getClientRects().length === 0) continue;
  if (test(nameOf(el))) return el;
}
return null;`;

function encode(name: Name): { exact?: string; pattern?: string; flags?: string } {
  return typeof name === 'string' ? { exact: name } : { pattern: name.source, flags: name.flags };
}

export class ExtensionTab {
  private constructor(readonly m: Marionette) {}

  static async open(m: Marionette, path: string): Promise<ExtensionTab> {
    await openExtensionPage(m, path);
    return new ExtensionTab(m);
  }

  /** Waits for an element by role and accessible name. */
  async get(role: Role, name: Name, scope?: string, ms = 15_000): Promise<ElementRef> {
    const end = Date.now() + ms;
    for (;;) {
      const found = await this.m.execute<ElementRef | null>(LOCATE, [role, encode(name), scope ?? null]);
      if (found) return found;
      if (Date.now() > end) throw new Error(`no ${role} named ${String(name)}${scope ? ` in ${scope}` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  async click(role: Role, name: Name, scope?: string): Promise<void> {
    await this.m.click(await this.get(role, name, scope));
  }

  async fill(name: Name, text: string, scope?: string): Promise<void> {
    const field = await this.get('textbox', name, scope);
    await this.m.clear(field);
    await this.m.type(field, text);
  }

  /** The text of the first element matching a CSS selector ('' when there is none). */
  async text(selector: string): Promise<string> {
    return this.m.execute<string>(
      'const el = document.querySelector(arguments[0]); return el ? el.textContent : "";',
      [selector],
    );
  }

  /** Polls the text of a selector until it matches. */
  async waitForText(selector: string, pattern: RegExp, ms = 15_000): Promise<string> {
    const end = Date.now() + ms;
    let text = await this.text(selector);
    while (!pattern.test(text) && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      text = await this.text(selector);
    }
    if (!pattern.test(text)) throw new Error(`"${selector}" never matched ${pattern}: ${text.slice(0, 300)}`);
    return text;
  }

  async close(): Promise<void> {
    await this.m.send('WebDriver:CloseWindow');
  }
}
