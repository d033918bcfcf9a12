/** Page objects: how the tests see Signpost's UI. */
import type { Page } from 'playwright-core';
import { axeInContentScriptWorld } from './a11y';
import { ShadowLocator } from './nudge-dom';

export { type Box, ShadowLocator } from './nudge-dom';

/**
 * Signpost's in-page UI. It lives in a closed shadow root, so Playwright's own locators cannot see
 * it; everything here reads it through the DevTools protocol (nudge-dom.ts) and acts on it with
 * trusted mouse and keyboard input.
 */
export class NudgeUi {
  constructor(readonly page: Page) {}

  /** The nudge as a whole: `count()` is 1 while Signpost shows something on the page, else 0. */
  get host() {
    return new ShadowLocator(this.page);
  }

  /** The badge: the button whose accessible name starts "Signpost:" (others, as "See all in Signpost", only contain it). */
  get badge() {
    return this.host.getByRole('button', { name: /^Signpost:/ });
  }

  get panel() {
    return this.host.getByRole('dialog');
  }

  /** The items' links (their text is the item's title). */
  get itemLinks() {
    return this.panel.locator('.sp-items').getByRole('link');
  }

  async open(): Promise<void> {
    await this.badge.click();
    await this.panel.waitFor();
  }

  /** Runs axe-core where it can see the closed root (see a11y.ts); serious and critical violations. */
  async axeViolations(): Promise<string[]> {
    return axeInContentScriptWorld(this.page);
  }
}

export class ExtensionPage {
  constructor(
    readonly page: Page,
    readonly extensionId: string,
  ) {}

  /** Opens an extension page; `options.html#dashboard` opens the options page on that tab. */
  async open(path: 'popup.html' | 'options.html' | `options.html#${string}`): Promise<void> {
    await this.page.goto(`chrome-extension://${this.extensionId}/${path}`);
  }
}
