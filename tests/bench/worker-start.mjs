#!/usr/bin/env node
/**
 * What the background's script costs each time the browser starts its service worker (a page
 * visit after the worker went idle, the popup, an alarm): compiling the built `background.js`
 * and running it up to its `main()` (module-level work of every module it bundles). Each sample
 * runs in a child process of its own, a fresh V8 with no code cache, as a new worker is; the
 * browser APIs are stubs, since only the script's own work is measured. Node's V8, not Chromium's:
 * a proxy for the order of size, not the figure in the browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SAMPLES = 9;
const root = fileURLToPath(new URL('../..', import.meta.url));
const script = `${root}.output/chrome-mv3/background.js`;
if (!existsSync(script) || process.argv.includes('--build')) {
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) {
    console.error(`worker start: the build failed\n${built.stdout}${built.stderr}`);
    process.exit(1);
  }
}

/** Runs in the child: compile, then evaluate until the background's main() would run. */
const child = `
const { readFileSync } = require('node:fs');
const source = readFileSync(process.argv[1], 'utf8');
const call = /([\\w$]+)=([\\w$]+)\\.main\\(\\)/;
if (!call.test(source)) { console.log(JSON.stringify({ error: 'no main() call found' })); process.exit(0); }
const stub = new Proxy(function () {}, {
  get: (_, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : stub),
  apply: () => stub,
  construct: () => stub,
});
globalThis.chrome = stub;
globalThis.browser = stub;
const body = source.replace(call, 'globalThis.__main = performance.now(), $1 = undefined');
const t0 = performance.now();
const run = new Function(body);
const t1 = performance.now();
run();
console.log(JSON.stringify({ compile: t1 - t0, evaluate: globalThis.__main - t1 }));
`;

const compile = [];
const evaluate = [];
for (let i = 0; i < SAMPLES; i++) {
  const out = spawnSync(process.execPath, ['-e', child, script], { encoding: 'utf8' });
  const figures = JSON.parse(out.stdout.trim().split('\n').at(-1) || '{}');
  if (figures.error || !Number.isFinite(figures.evaluate)) {
    console.error(`worker start: ${figures.error ?? out.stderr}`);
    process.exit(1);
  }
  compile.push(figures.compile);
  evaluate.push(figures.evaluate);
}
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.floor(q * (sorted.length - 1))].toFixed(1);
  return `${at(0)} / ${at(0.5)} / ${at(1)}`;
};
console.log(
  `background script, ${SAMPLES} fresh processes (min / median / max ms): compile ${summary(compile)}; module-level work up to main() ${summary(evaluate)}`,
);
