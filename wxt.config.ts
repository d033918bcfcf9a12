import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { thisMachine } from './scripts/dev-browser.mjs';
import { builtinExcludePatterns, builtinMatchPatterns } from './utils/tools';

/** `npm run dev` on this machine: --no-sandbox as root, no browser without a display. */
const devBrowser = thisMachine();

/**
 * Public half of the key pair that fixes the extension id (elheenjodchghipbonfgdppicomjhpmc),
 * so that enterprise policies can name the extension. The private half is not in the repository.
 */
const PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArozkntHNcQPXjNzmRfmfj1RQ5C35Z3XoVFiZpHGcRzbS6xj14mJLHyRvIQoHdE5lXch8AMfPNsSzbSPb9bu4JZymjrfURQF2ny9/WxK+J+RQWPDstPlb3/hHXFotLh4iSnNI+VikBZAQIVYc227U3EquKjo8cGiyqSNQ+PavmUXjqDdJVUQIFJTiCW0Fp7CyZB2PTng8lZpZUMDTMpsDaCNsMij3n9aY5wl9WK+L7rKnA4xhRmCBLo1i8oDnNXOQNqANopCqcvsuFQRUZiFeCELq0hE6f7959dyOp1Q5dVDO4psHJuRIZHypBVmXzJOxbHuSpmvRhyZfjSZ2ods6BwIDAQAB';

/** What Firefox shows at install about data Signpost may send (see the gecko settings below). */
export const DATA_COLLECTION = {
  required: ['none'],
  optional: ['technicalAndInteraction', 'browsingActivity', 'personalCommunications'],
};

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: easier to read and to follow.
  imports: false,
  manifestVersion: 3,
  // Preact's automatic JSX runtime through esbuild: no Babel step in the build.
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: {
      alias: {
        react: 'preact/compat',
        'react-dom': 'preact/compat',
      },
    },
  }),
  webExt: {
    // `npm run dev` opens GitHub and Google Sheets, where the demo content shows at once.
    startUrls: ['https://github.com/pulls', 'https://docs.google.com/spreadsheets/u/0/'],
    disabled: !devBrowser.open,
    chromiumArgs: devBrowser.chromiumArgs,
  },
  hooks: {
    // The content script's pages are every built-in tool's hosts, less the vendors' own sites.
    // They are set here, from the detectors, rather than in its definition: the script itself
    // carries no detector (the background detects the tool), and a value written there would be
    // bundled with it.
    'entrypoints:resolved'(_wxt, entrypoints) {
      for (const entrypoint of entrypoints) {
        if (entrypoint.type !== 'content-script' || entrypoint.name !== 'content') continue;
        entrypoint.options.matches = builtinMatchPatterns();
        entrypoint.options.excludeMatches = builtinExcludePatterns();
      }
    },
    // The content script, which every tool page loads, uses the browser's own extension API
    // (entrypoints/content/browser.ts) rather than webextension-polyfill: a sixth of its size.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'content')) return;
      const own = {
        find: /^wxt\/browser$/,
        replacement: resolve(import.meta.dirname, 'entrypoints/content/browser.ts'),
      };
      const alias = config.resolve?.alias ?? [];
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [own, ...list] };
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus: the "Search Signpost for …" entry on selected text (README: Search from anywhere).
    // scripting: the rule hosts' content script (registerContentScripts) and the nudge's UI
    // (executeScript, into a page that has something to show).
    permissions: ['storage', 'scripting', 'alarms', 'contextMenus'],
    // Search from anywhere: the shortcut opens the popup (search focused); `sp` in the address bar.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandSearch__' },
    },
    omnibox: { keyword: 'sp' },
    // Enterprise policy (Chrome): storage.managed follows this schema. Firefox reads the same keys
    // from policies.json (`3rdparty.Extensions`) and warns about this Chrome-only manifest key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    // Admin rules, sources and the webhook live on hosts nobody knows at build time. The default
    // build asks for them host by host; the enterprise build (force-installed by policy) holds
    // them all, so that policy-configured sources and rules work with no prompt. The default
    // build's fixed hosts are exactly its content script's: the same sites the install prompt
    // already names for the content script, held so that the background can inject the nudge's UI
    // (scripting.executeScript) into a page that has something to show.
    ...(mode === 'enterprise'
      ? { host_permissions: ['https://*/*', 'http://*/*'] }
      : {
          host_permissions: builtinMatchPatterns(),
          optional_host_permissions: ['https://*/*', 'http://*/*'],
        }),
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'signpost@signpost.example',
              strict_min_version: '128.0',
              // Mozilla's categories (extensionworkshop.com/documentation/develop/firefox-builtin-data-consent).
              // Nothing is sent by default. Two features an admin may switch on send data to the
              // organisation's own addresses: the daily report (counts of Signpost's use per tool
              // and item: technicalAndInteraction; which business tools were used that day:
              // browsingActivity) and flags to the webhook (what a champion writes about an item:
              // personalCommunications). README → Security lists them.
              data_collection_permissions: DATA_COLLECTION,
            },
          },
        }
      : { key: PUBLIC_KEY }),
  }),
});
