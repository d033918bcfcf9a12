/** Page objects: how the tests see Signpost's UI. */
import type { Page } from 'playwright-core';

export class NudgeUi {
  constructor(readonly page: Page) {}

  /** The shadow host Signpost adds to the page. */
  get host() {
    return this.page.locator('signpost-nudge');
  }

  /** The badge; Playwright's locators pierce the open shadow root. */
  get badge() {
    return this.host.getByRole('button', { name: /Signpost/ });
  }

  get panel() {
    return this.host.getByRole('dialog');
  }

  get itemLinks() {
    return this.panel.getByRole('link');
  }

  async open(): Promise<void> {
    await this.badge.click();
    await this.panel.waitFor();
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
