#!/usr/bin/env node
/**
 * What Signpost puts into a tool page, as built (`wxt build`, Chrome): the content script that
 * every page of a recognised tool loads (context extraction, the detectors' page hints, messaging,
 * page settings, screen watching) and the nudge's UI (Preact, the badge and panel, their CSS),
 * which the background injects only into a page that has something to show. Minified and gzip
 * sizes of each, and of both together.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = spawnSync('npx', ['wxt', 'build'], { cwd: root, encoding: 'utf8' });
if (built.status !== 0) {
  console.error(`content size: the build failed\n${built.stdout}${built.stderr}`);
  process.exit(1);
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB (${bytes} bytes)`;
const size = (path) => {
  const code = readFileSync(`${root}.output/chrome-mv3/${path}`);
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
};
const always = size('content-scripts/content.js');
const ui = size('nudge.js');
for (const [name, figures] of [
  ['content script, on every tool page', always],
  ['nudge UI, injected when a page has something to show', ui],
  ['both, on a page that shows a nudge', { raw: always.raw + ui.raw, gzip: always.gzip + ui.gzip }],
]) {
  console.log(`${name}: ${kb(figures.raw)} minified, ${kb(figures.gzip)} gzip`);
}
