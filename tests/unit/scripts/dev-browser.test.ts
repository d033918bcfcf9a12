import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devBrowser } from '../../../scripts/dev-browser.mjs';

describe('npm run dev on this machine', () => {
  it('opens Chromium as usual for a person at a desktop', () => {
    expect(devBrowser({ platform: 'linux', env: { DISPLAY: ':0' }, uid: 1000 })).toEqual({
      open: true,
      chromiumArgs: [],
      hint: null,
    });
    expect(devBrowser({ platform: 'darwin', env: {}, uid: 501 }).open).toBe(true);
    expect(devBrowser({ platform: 'win32', env: {}, uid: undefined }).open).toBe(true);
  });

  it('adds --no-sandbox as root, where Chromium refuses to start without it, and says so', () => {
    const root = devBrowser({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, uid: 0 });
    expect(root.open).toBe(true);
    expect(root.chromiumArgs).toEqual(['--no-sandbox']);
    expect(root.hint).toContain('--no-sandbox');
  });

  it('without a display opens no browser and says in one line how to get one', () => {
    const headless = devBrowser({ platform: 'linux', env: {}, uid: 0 });
    expect(headless.open).toBe(false);
    expect(headless.chromiumArgs).toEqual(['--no-sandbox']);
    expect(headless.hint).toContain('xvfb-run -a npm run dev');
    expect(headless.hint).not.toContain('\n');
  });

  it('is what npm run dev runs, and what the WXT config reads', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.dev).toBe('node scripts/dev.mjs');
    const config = readFileSync(new URL('../../../wxt.config.ts', import.meta.url), 'utf8');
    expect(config).toMatch(/disabled: !devBrowser\.open/);
    expect(config).toMatch(/chromiumArgs: devBrowser\.chromiumArgs/);
  });
});
