/**
 * The in-page nudge in Firefox: on a recognised tool's page at its real URL, and nowhere else; and
 * after Firefox unloads the idle background (an event page, not a service worker) the next page
 * still gets its nudge.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItemByTitle } from '../e2e/catalog';
import {
  ARTIFACTS_DIR,
  badgeOf,
  type DomNode,
  type FirefoxHarness,
  findAll,
  GECKO_ID,
  itemTitles,
  launch,
  panelOf,
  textOf,
  waitFor,
} from './firefox';

const JIRA_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';
const GITHUB_PR = 'https://github.com/acme/webapp/pull/42';

describe('in-page nudge (Firefox)', () => {
  let h: FirefoxHarness;

  beforeAll(async () => {
    h = await launch();
    await h.route('https://acme.atlassian.net/', 'jira-board.html');
    await h.route('https://github.com/', 'github-pr.html');
    await h.route('https://github.com.evil.example/', 'github-pr.html');
  });
  afterAll(async () => h?.close());

  it('shows Jira items for the sprint board, as links whose text is the title', async () => {
    const page = await h.newPage();
    await page.goto(JIRA_BOARD);
    const withBadge = await waitFor(
      () => h.nudge(page),
      (n) => badgeOf(n) !== undefined,
    );
    const badge = badgeOf(withBadge);
    expect(badge, 'no badge on the Jira board').toBeDefined();
    // Closed shadow root: page script sees the host, not what is in it.
    expect(
      await page.evaluate(() => {
        const host = document.querySelector('signpost-nudge');
        return host !== null && host.shadowRoot === null;
      }),
    ).toBe(true);
    const count = Number(/(\d+)/.exec(badge?.attrs['aria-label'] ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(3);

    await h.click(page, badge as DomNode);
    const open = await waitFor(
      () => h.nudge(page),
      (n) => panelOf(n) !== undefined,
    );
    const links = findAll(panelOf(open) as DomNode, (n) => n.tag === 'a');
    expect(links).toHaveLength(count);
    const items = links.map((link) => demoItemByTitle(textOf(link).trim()));
    for (const item of items) expect(item.tools).toContain('jira');
    expect(items.some((item) => item.tags.some((tag) => /board|sprint/.test(tag)))).toBe(true);
    for (const link of links) {
      expect(link.attrs.href).toMatch(/^https:\/\//);
      expect(link.attrs.rel).toBe('noopener noreferrer');
    }
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await writeFile(join(ARTIFACTS_DIR, 'firefox-jira-board-nudge.png'), await page.screenshot());

    // Esc closes the panel.
    await page.keyboard.press('Escape');
    const closed = await waitFor(
      () => h.nudge(page),
      (n) => panelOf(n) === undefined,
    );
    expect(panelOf(closed)).toBeUndefined();
    await page.close();
  });

  it('opens from the keyboard alone', async () => {
    const page = await h.newPage();
    await page.goto(GITHUB_PR);
    await waitFor(
      () => h.nudge(page),
      (n) => badgeOf(n) !== undefined,
    );
    // Tab from the page into the badge: the nudge's button is in the page's tab order.
    let focused = false;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.localName === 'signpost-nudge');
    }
    expect(focused, 'Tab never reached the badge').toBe(true);
    await page.keyboard.press('Enter');
    const open = await waitFor(
      () => h.nudge(page),
      (n) => panelOf(n) !== undefined,
    );
    const titles = itemTitles(open);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(demoItemByTitle(title).tools).toContain('github');
    await page.close();
  });

  it('stays away from pages that are not a known tool, lookalike hosts included', async () => {
    for (const url of [`${h.localUrl}/plain.html`, 'https://github.com.evil.example/acme/webapp/pull/42']) {
      const page = await h.newPage();
      await page.goto(url);
      // Give a content script (if one were wrongly injected) time to ask and render.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await h.nudge(page), url).toBeNull();
      await page.close();
    }
  });
});

describe('an unloaded background (Firefox event page)', () => {
  let h: FirefoxHarness;

  beforeAll(async () => {
    // Unload the background after one idle second instead of Firefox's default 30.
    h = await launch({ prefs: { 'extensions.background.idle.timeout': 1000 } });
    await h.route('https://github.com/', 'github-pr.html');
  });
  afterAll(async () => h?.close());

  /** The background's state as Firefox's extension framework reports it (chrome scope). */
  const backgroundState = () =>
    h.withMarionette(async (m) => {
      await m.setContext('chrome');
      return m.execute<string>(
        'return String(WebExtensionPolicy.getByID(arguments[0]).extension.backgroundState);',
        [GECKO_ID],
      );
    });

  it('is stopped when idle, and the next page still gets its nudge', async () => {
    const first = await h.newPage();
    await first.goto(GITHUB_PR);
    expect(
      badgeOf(
        await waitFor(
          () => h.nudge(first),
          (n) => badgeOf(n) !== undefined,
        ),
      ),
    ).toBeDefined();
    await first.close();

    let state = '';
    for (let i = 0; i < 20 && state !== 'stopped'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      state = await backgroundState();
    }
    expect(state).toBe('stopped');

    const next = await h.newPage();
    await next.goto(`${GITHUB_PR}/files`);
    const nudge = await waitFor(
      () => h.nudge(next),
      (n) => badgeOf(n) !== undefined,
    );
    expect(badgeOf(nudge)).toBeDefined();
    await next.close();
  });
});
