/**
 * Real Firefox ESR with the built extension (`.output/firefox-mv3`) installed as a temporary
 * add-on, driven by puppeteer-core over WebDriver BiDi (no browser download: Debian's
 * `firefox-esr`). Fixture HTML is served at the real tools' URLs by BiDi request interception, as
 * the Chromium suite does with Playwright routes.
 *
 * Two routes into the browser, one at a time (Firefox allows one WebDriver session):
 *   web pages ─ BiDi (puppeteer): navigation, interception, the nudge read through its
 *               shadow root (`includeShadowTree: 'all'`) and clicked with trusted pointer input
 *   extension pages ─ Marionette (`withMarionette`): BiDi does not expose moz-extension: pages in
 *               Firefox 153, so the popup and the options page are opened in a tab from the
 *               browser's chrome scope and driven with WebDriver classic commands
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startServer } from '../e2e/fixtures';
import { Marionette } from './marionette';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');
export const ARTIFACTS_DIR = join(ROOT, 'tests/e2e/artifacts');
/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'signpost@signpost.example';
/** Fixed through the `extensions.webextensions.uuids` pref, so that tests know the pages' origin. */
export const EXTENSION_UUID = '5e1f7a2c-3b4d-4c8e-9f60-51a9b0c2d7e4';

/** FIREFOX_PATH, then Debian's firefox-esr, then firefox. */
export function findFirefox(): string {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Firefox found for the Firefox end-to-end tests. Install it with `sudo apt-get install firefox-esr` ' +
        '(Debian package "firefox-esr"), or set FIREFOX_PATH to a Firefox binary.',
    );
  }
  return found;
}

/** A DOM node as BiDi serialises it, shadow roots (open or closed) flattened into `children`. */
export interface DomNode {
  sharedId: string;
  /** Lowercase element name; null for text. */
  tag: string | null;
  text: string;
  attrs: Record<string, string>;
  children: DomNode[];
}

interface RemoteNode {
  type: string;
  sharedId?: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: RemoteNode[];
    shadowRoot?: RemoteNode | null;
  };
}

function toDomNode(remote: RemoteNode): DomNode {
  const value = remote.value ?? { nodeType: 0 };
  const children = [...(value.shadowRoot?.value?.children ?? []), ...(value.children ?? [])].map(toDomNode);
  return {
    sharedId: remote.sharedId ?? '',
    tag: value.nodeType === 1 ? (value.localName ?? '') : null,
    text: value.nodeType === 3 ? (value.nodeValue ?? '') : '',
    attrs: value.attributes ?? {},
    children,
  };
}

export function findAll(root: DomNode, test: (node: DomNode) => boolean): DomNode[] {
  const out: DomNode[] = [];
  const walk = (node: DomNode) => {
    if (test(node)) out.push(node);
    for (const child of node.children) walk(child);
  };
  walk(root);
  return out;
}

export function textOf(node: DomNode): string {
  if (node.tag === 'style' || node.tag === 'script') return '';
  return node.tag === null ? node.text : node.children.map(textOf).join('');
}

export interface LaunchOptions {
  /** Hosts handed to the extension as if the person had granted them (see the Chromium fixtures). */
  grantHosts?: string[];
  /** Extra Firefox preferences. */
  prefs?: Record<string, string | number | boolean>;
  /** Keep the welcome page the extension opens on install (closed by default, as in the Chromium suite). */
  keepWelcome?: boolean;
}

/** The first-run page the background opens on install: waits for it (up to `ms`) and closes it. */
async function closeWelcome(browser: Browser, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const page = (await browser.pages()).find((candidate) => candidate.url().endsWith('/welcome.html'));
    if (page) {
      await page.close();
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

export interface FirefoxHarness {
  /** The current BiDi connection (a new one after `withMarionette`). */
  readonly browser: Browser;
  /** `moz-extension://<uuid>` */
  readonly origin: string;
  /** Base URL of the local fixture server, e.g. http://127.0.0.1:41234 */
  readonly localUrl: string;
  /** Serves a fixture file for every URL that starts with `prefix`, in pages opened by `newPage`. */
  route(prefix: string, file: string): Promise<void>;
  newPage(): Promise<Page>;
  /** The `signpost-nudge` element with its shadow tree (open or closed), or null when there is none. */
  nudge(page: Page): Promise<DomNode | null>;
  /** A trusted click (BiDi pointer input) on a node, shadow DOM included. */
  click(page: Page, node: DomNode): Promise<void>;
  /** Ends the BiDi session, runs `fn` in a Marionette session, then reconnects BiDi. */
  withMarionette<T>(fn: (m: Marionette) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

async function extensionCopy(scratch: string, grantHosts: string[]): Promise<string> {
  if (grantHosts.length === 0) return EXTENSION_DIR;
  const dir = join(scratch, 'extension');
  await cp(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...grantHosts];
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** Launches Firefox with the built extension. */
export async function launch(options: LaunchOptions = {}): Promise<FirefoxHarness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const scratch = await mkdtemp(join(tmpdir(), 'signpost-firefox-'));
  const extensionDir = await extensionCopy(scratch, options.grantHosts ?? []);
  const marionettePort = await freePort();
  let browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless: true,
    args: ['--marionette', '--remote-allow-system-access'],
    extraPrefsFirefox: {
      'marionette.port': marionettePort,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': 'en-US',
      ...options.prefs,
    },
  });
  const endpoint = browser.wsEndpoint();
  const process = browser.process();
  await browser.installExtension(extensionDir);
  if (!options.keepWelcome) await closeWelcome(browser);
  const server = await startServer();
  const { port } = server.address() as AddressInfo;
  const routes = new Map<string, string>();

  const harness: FirefoxHarness = {
    get browser() {
      return browser;
    },
    origin: `moz-extension://${EXTENSION_UUID}`,
    localUrl: `http://127.0.0.1:${port}`,
    async route(prefix, file) {
      routes.set(prefix, await readFile(join(PAGES_DIR, file), 'utf8'));
    },
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.isInterceptResolutionHandled()) return;
        const url = request.url();
        const body = [...routes].find(([prefix]) => url.startsWith(prefix))?.[1];
        if (body !== undefined) void request.respond({ status: 200, contentType: 'text/html', body });
        else void request.continue();
      });
      return page;
    },
    async nudge(page) {
      const connection = (browser as unknown as { connection: BidiConnection }).connection;
      const reply = await connection.send('script.evaluate', {
        expression: 'document.querySelector("signpost-nudge")',
        target: { context: (page.mainFrame() as unknown as { _id: string })._id },
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 64 },
      });
      const result = reply.result as { type: string; result?: RemoteNode };
      if (result.type !== 'success' || result.result?.type !== 'node') return null;
      return toDomNode(result.result);
    },
    async click(page, node) {
      const connection = (browser as unknown as { connection: BidiConnection }).connection;
      await connection.send('input.performActions', {
        context: (page.mainFrame() as unknown as { _id: string })._id,
        actions: [
          {
            type: 'pointer',
            id: 'signpost-test-mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              {
                type: 'pointerMove',
                x: 0,
                y: 0,
                origin: { type: 'element', element: { sharedId: node.sharedId } },
              },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    },
    async withMarionette(fn) {
      await browser.disconnect();
      const marionette = await Marionette.open(marionettePort);
      try {
        return await fn(marionette);
      } finally {
        await marionette.close();
        browser = await puppeteer.connect({ browserWSEndpoint: endpoint, protocol: 'webDriverBiDi' });
      }
    },
    async close() {
      await browser.close().catch(() => process?.kill());
      await new Promise((done) => server.close(done));
      await rm(scratch, { recursive: true, force: true });
    },
  };
  return harness;
}

interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: unknown }>;
}

/**
 * Opens an extension page (e.g. `options.html#sharing`) in a new tab from the browser's chrome
 * scope and makes it Marionette's current window.
 */
export async function openExtensionPage(m: Marionette, path: string): Promise<void> {
  const url = `moz-extension://${EXTENSION_UUID}/${path}`;
  await m.setContext('chrome');
  await m.execute(
    `const win = Services.wm.getMostRecentWindow('navigator:browser');
     const tab = win.gBrowser.addTab(arguments[0], {
       triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
     });
     win.gBrowser.selectedTab = tab;`,
    [url],
  );
  await m.setContext('content');
  for (let attempt = 0; attempt < 100; attempt++) {
    const handles = await m.send<string[]>('WebDriver:GetWindowHandles');
    for (const handle of handles.reverse()) {
      await m.send('WebDriver:SwitchToWindow', { handle });
      const { value } = await m.send<{ value: string }>('WebDriver:GetCurrentURL');
      if (value === url) {
        await m.executeAsync(
          `const done = arguments[arguments.length - 1];
           if (document.readyState === 'complete') done(); else addEventListener('load', () => done());`,
        );
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the extension page ${url} did not open`);
}

/** Polls `read` until `accept` holds or the time is up; returns the last value. */
export async function waitFor<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
}

/** The nudge's badge: the button whose accessible name starts "Signpost:" (footer buttons only contain it). */
export const badgeOf = (nudge: DomNode | null): DomNode | undefined =>
  nudge
    ? findAll(nudge, (n) => n.tag === 'button' && /^Signpost:/.test(n.attrs['aria-label'] ?? textOf(n)))[0]
    : undefined;

/** The open panel (role dialog), if any. */
export const panelOf = (nudge: DomNode | null): DomNode | undefined =>
  nudge ? findAll(nudge, (n) => n.attrs.role === 'dialog')[0] : undefined;

/** Titles of the items in the open panel (its links). */
export const itemTitles = (nudge: DomNode | null): string[] => {
  const panel = panelOf(nudge);
  return panel ? findAll(panel, (n) => n.tag === 'a').map((a) => textOf(a).trim()) : [];
};

/** Waits for the badge on a page, clicks it, and returns the open nudge. */
export async function openNudge(h: FirefoxHarness, page: Page, ms = 15_000): Promise<DomNode | null> {
  const closed = await waitFor(
    () => h.nudge(page),
    (n) => badgeOf(n) !== undefined,
    ms,
  );
  const badge = badgeOf(closed);
  if (!badge) return null;
  await h.click(page, badge);
  return waitFor(
    () => h.nudge(page),
    (n) => panelOf(n) !== undefined,
  );
}
