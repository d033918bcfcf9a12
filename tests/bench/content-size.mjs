#!/usr/bin/env node
/**
 * Size of the content script's non-UI part: what runs on every tool page before anything matched
 * (detection, admin rules, context extraction, messaging, page settings, screen watching and the
 * browser API polyfill), bundled and minified like the build, and its gzip size. The full built
 * content script (with the Preact UI) is reported beside it when a build exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = `
  import { detectWithRules } from './utils/rules/tool-rules';
  import { extractContext } from './utils/context';
  import { sendMessage } from './utils/messages';
  import { loadPageSettings, onPageSettingsChanged } from './utils/settings/page-settings';
  import { watchScreen } from './entrypoints/content/watch';
  globalThis.keep = { detectWithRules, extractContext, sendMessage, loadPageSettings, onPageSettingsChanged, watchScreen };
`;
const result = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  minify: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  alias: { 'wxt/browser': 'webextension-polyfill', '@': root },
  logLevel: 'error',
});
const code = result.outputFiles[0].contents;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;
console.log(
  `content script, non-UI part: ${kb(code.length)} minified, ${kb(gzipSync(code, { level: 9 }).length)} gzip`,
);
const built = `${root}.output/chrome-mv3/content-scripts/content.js`;
if (existsSync(built)) {
  const full = readFileSync(built);
  console.log(
    `content script as built (with the UI): ${kb(full.length)}, ${kb(gzipSync(full, { level: 9 }).length)} gzip`,
  );
}
