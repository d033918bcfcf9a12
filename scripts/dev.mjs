#!/usr/bin/env node
/**
 * `npm run dev`: WXT's dev server, after one line about the browser when this machine needs one
 * (root: --no-sandbox; no display: no browser, and how to get one). wxt.config.ts applies the same
 * decision (scripts/dev-browser.mjs). Arguments go to `wxt` unchanged (`-b firefox`).
 */
import { spawn } from 'node:child_process';
import { thisMachine } from './dev-browser.mjs';

const { hint } = thisMachine();
if (hint) console.log(hint);

const child = spawn('wxt', process.argv.slice(2), { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
