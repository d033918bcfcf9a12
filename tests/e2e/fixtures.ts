/**
 * Real Chromium with the built extension loaded, and the pages it is tested on: fixture HTML
 * served at the real tools' URLs (Playwright routes, no network) and a small HTTP server on
 * 127.0.0.1 for pages that are not a known tool.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');
export const ARTIFACTS_DIR = join(ROOT, 'tests/e2e/artifacts');
/** Fixed by the manifest `key` (see README). */
export const EXPECTED_EXTENSION_ID = 'elheenjodchghipbonfgdppicomjhpmc';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** CHROME_PATH, then Debian's Chromium, then common Chrome locations. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it with `sudo apt-get install chromium` ' +
        '(Debian package "chromium"), or set CHROME_PATH to a Chrome or Chromium binary.',
    );
  }
  return found;
}

/** Serves fixture HTML at real tool URLs, e.g. route('https://acme.atlassian.net/**', 'jira-board.html'). */
export async function routePage(context: BrowserContext, pattern: string, file: string): Promise<void> {
  const body = await readFile(join(PAGES_DIR, file), 'utf8');
  await context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Base URL of the local fixture server, e.g. http://127.0.0.1:41234 */
  localUrl: string;
  /**
   * Closes the browser and starts it again on the same profile, as a person does the next morning
   * (`context` and `worker` are the new ones; routes and init scripts must be set again).
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Serves the fixture pages (tests/fixtures/pages) on 127.0.0.1 at a free port. */
export async function startServer(): Promise<Server> {
  const server = createServer(async (request, response) => {
    const name = (request.url ?? '/').replace(/^\/+/, '').replace(/[^\w.-]/g, '') || 'plain.html';
    try {
      const body = await readFile(join(PAGES_DIR, name));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

export interface LaunchOptions {
  /**
   * Host patterns to hand the extension as if the user had granted them. The browser's permission
   * prompt is browser UI that no test driver can answer, so the built extension is copied and
   * these hosts are added to its manifest's `host_permissions`; everything else is the real build.
   */
  grantHosts?: string[];
  /** The browser's UI language (what browser.i18n translates to), e.g. 'de'; English by default. */
  lang?: string;
  /** Keep the welcome page the extension opens on install (closed by default, so that other specs see no extra tab). */
  keepWelcome?: boolean;
}

/** The first-run page the background opens on install: waits for it (up to `ms`) and closes it. */
export async function closeWelcome(context: BrowserContext, ms = 10_000): Promise<boolean> {
  // Polled: a tab the extension creates can show up as about:blank before it has its address.
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const page = context.pages().find((candidate) => candidate.url().endsWith('/welcome.html'));
    if (page) {
      await page.close();
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function extensionCopy(userDataDir: string, grantHosts: string[]): Promise<string> {
  if (grantHosts.length === 0) return EXTENSION_DIR;
  const dir = join(userDataDir, '..', `${userDataDir.split('/').pop()}-extension`);
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...grantHosts];
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * Chromium with one unpacked extension loaded, in `userDataDir`, once its service worker runs: the
 * browser every end-to-end spec drives (`launch` for Signpost; the floor spec for its do-nothing
 * extension, so that both are measured under the same flags).
 */
export async function launchWithExtension(
  userDataDir: string,
  extensionDir: string,
  lang?: string,
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: lang ?? 'en-US',
    // On Linux Chromium takes its UI language (and so the extension's) from the environment.
    ...(lang
      ? {
          env: {
            ...process.env,
            LANGUAGE: lang,
            LANG: `${lang}_${lang.toUpperCase()}.UTF-8`,
          },
        }
      : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/** Launches Chromium with the built extension and waits for its service worker. */
export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'signpost-e2e-'));
  const extensionDir = await extensionCopy(userDataDir, options.grantHosts ?? []);
  const { context, worker, extensionId } = await launchWithExtension(userDataDir, extensionDir, options.lang);
  if (!options.keepWelcome) await closeWelcome(context);
  const server = await startServer();
  const { port } = server.address() as AddressInfo;
  const harness: Harness = {
    context,
    extensionId,
    worker,
    localUrl: `http://127.0.0.1:${port}`,
    async restart() {
      await harness.context.close();
      const again = await launchWithExtension(userDataDir, extensionDir, options.lang);
      harness.context = again.context;
      harness.worker = again.worker;
    },
    async close() {
      await harness.context.close();
      await new Promise((done) => server.close(done));
      await rm(userDataDir, { recursive: true, force: true });
      if (extensionDir !== EXTENSION_DIR) await rm(extensionDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Stops the extension's service worker as Chrome does when it is idle (DevTools protocol). */
export async function stopServiceWorker(
  h: Pick<Harness, 'context' | 'extensionId'>,
  page: Page,
): Promise<void> {
  const cdp = await h.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find(
    (target) =>
      target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${h.extensionId}/`),
  );
  if (!worker) throw new Error('the extension has no service worker target');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}

/** The worker's running status as chrome://serviceworker-internals reports it (RUNNING, STOPPED, …). */
export async function workerStatus(page: Page, extensionId: string): Promise<string> {
  await page.goto('chrome://serviceworker-internals/');
  const entry = page.locator('.serviceworker-registration', {
    hasText: `chrome-extension://${extensionId}/`,
  });
  const text = (await entry.first().textContent()) ?? '';
  return /Running Status:\s*(\w+)/.exec(text)?.[1] ?? 'unknown';
}

/** The measurement events the background has stored (IndexedDB `events`), oldest first. */
export async function storedEvents(h: Harness): Promise<{ type: string; itemId?: string }[]> {
  return h.worker.evaluate(
    () =>
      new Promise<{ type: string; itemId?: string }[]>((resolve, reject) => {
        const open = indexedDB.open('signpost');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('events').objectStore('events').getAll();
          read.onsuccess = () => {
            resolve(read.result as { type: string; itemId?: string }[]);
            open.result.close();
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}
