/**
 * How `npm run dev` starts the browser on this machine (read by wxt.config.ts and scripts/dev.mjs).
 *
 * - As root, Chromium refuses to start without `--no-sandbox` ("Running as root without
 *   --no-sandbox is not supported"), and web-ext only reports a bare ECONNRESET: add the flag.
 * - On Linux with no display (no DISPLAY or WAYLAND_DISPLAY: a container, SSH, CI) no browser can
 *   open: build and reload without one, and say in one line how to get one (`xvfb-run`).
 *
 * Pure: the platform, environment and user id come in as arguments.
 *
 * @param {{ platform: string; env: Record<string, string | undefined>; uid: number | undefined }} machine
 * @returns {{ open: boolean; chromiumArgs: string[]; hint: string | null }}
 */
export function devBrowser({ platform, env, uid }) {
  const root = uid === 0;
  const noDisplay = platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
  const chromiumArgs = root ? ['--no-sandbox'] : [];
  if (noDisplay)
    return {
      open: false,
      chromiumArgs,
      hint:
        'Signpost dev: no display here, so no browser opens; the dev build in .output/ still rebuilds on change. ' +
        'For a browser, run `xvfb-run -a npm run dev` (Debian: apt-get install xvfb).',
    };
  return {
    open: true,
    chromiumArgs,
    hint: root ? 'Signpost dev: running as root, so Chromium starts with --no-sandbox.' : null,
  };
}

/** {@link devBrowser} for the running process. */
export function thisMachine() {
  return devBrowser({ platform: process.platform, env: process.env, uid: process.getuid?.() });
}
