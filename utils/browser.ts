/**
 * The extension API with webextension-polyfill's promise-based types. At run time `wxt/browser`
 * is webextension-polyfill (the `@wxt-dev/webextension-polyfill` module) and, under Vitest,
 * WXT's fake browser; its own type declarations describe the callback-style `chrome` API.
 */
import type Browser from 'webextension-polyfill';
import { browser as runtimeBrowser } from 'wxt/browser';

export const browser = runtimeBrowser as unknown as Browser.Browser;
export type { Browser };
