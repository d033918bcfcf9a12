import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItemByTitle } from './catalog';
import {
  ARTIFACTS_DIR,
  EXPECTED_EXTENSION_ID,
  type Harness,
  launch,
  routePage,
  storedEvents,
} from './fixtures';
import { contentWorldType } from './nudge-dom';
import { NudgeUi } from './pages';

const JIRA_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';
const GITHUB_PR = 'https://github.com/acme/webapp/pull/42';
const ZOOM = 'https://acme.zoom.us/meeting';

describe('in-page nudge', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await routePage(h.context, 'https://acme.atlassian.net/**', 'jira-board.html');
    await routePage(h.context, 'https://github.com/**', 'github-pr.html');
    await routePage(h.context, 'https://github.com.evil.example/**', 'github-pr.html');
    await routePage(h.context, 'https://ticking.atlassian.net/**', 'jira-board-ticking.html');
    await routePage(h.context, 'https://acme.zoom.us/**', 'plain.html');
  });
  afterAll(async () => h?.close());

  it('loads under the fixed extension id', () => {
    expect(h.extensionId).toBe(EXPECTED_EXTENSION_ID);
  });

  it('shows Jira items for the sprint board, as links whose text is the title', async () => {
    const page = await h.context.newPage();
    await page.goto(JIRA_BOARD);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    const label = (await nudge.badge.getAttribute('aria-label')) ?? '';
    const count = Number(/(\d+)/.exec(label)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(3);

    await nudge.open();
    const titles = await nudge.itemLinks.allTextContents();
    expect(titles).toHaveLength(count);
    const items = titles.map(demoItemByTitle);
    for (const item of items) expect(item.tools).toContain('jira');
    // The board screen brings up board/sprint items, not just any Jira item.
    expect(items.some((item) => item.tags.some((tag) => /board|sprint/.test(tag)))).toBe(true);
    for (const link of await nudge.itemLinks.all()) {
      expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    }

    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'jira-board-nudge.png') });

    // Esc closes the panel and gives focus back to the badge.
    await page.keyboard.press('Escape');
    await expect.poll(() => nudge.panel.count()).toBe(0);
    expect(
      await nudge.badge.evaluate((el) => el.getRootNode() instanceof ShadowRoot && el.matches(':focus')),
    ).toBe(true);
    await page.close();
  });

  it('opens from the keyboard alone', async () => {
    const page = await h.context.newPage();
    await page.goto(GITHUB_PR);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.badge.focus();
    await page.keyboard.press('Enter');
    await nudge.panel.waitFor();
    const titles = await nudge.itemLinks.allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    const items = titles.map(demoItemByTitle);
    for (const item of items) expect(item.tools).toContain('github');
    expect(items.some((item) => item.tags.some((tag) => /pull request|review/.test(tag)))).toBe(true);
    await page.close();
  });

  it('stays away from pages that are not a known tool, lookalike hosts included', async () => {
    for (const url of [`${h.localUrl}/plain.html`, 'https://github.com.evil.example/acme/webapp/pull/42']) {
      const page = await h.context.newPage();
      await page.goto(url);
      // Give a content script (if one were wrongly injected) time to ask and render.
      await page.waitForTimeout(1500);
      expect(await page.locator('signpost-nudge').count(), url).toBe(0);
      await page.close();
    }
  });

  it('loads the nudge’s UI only into a page that has something to show', async () => {
    // Zoom is a recognised tool, but the demo catalog has nothing for it.
    const quiet = await h.context.newPage();
    await quiet.goto(ZOOM);
    await expect.poll(() => contentWorldType(quiet, h.extensionId, 'signpostRunning')).toBe('boolean');
    // Give the content script time to ask the background and hear that nothing fits.
    await quiet.waitForTimeout(1500);
    expect(await contentWorldType(quiet, h.extensionId, 'signpostNudge')).toBe('undefined');
    expect(await quiet.locator('signpost-nudge').count()).toBe(0);
    await quiet.close();

    const board = await h.context.newPage();
    await board.goto(JIRA_BOARD);
    await new NudgeUi(board).badge.waitFor({ timeout: 15_000 });
    expect(await contentWorldType(board, h.extensionId, 'signpostNudge')).toBe('function');
    await board.close();
  });

  it('counts one impression per item per screen visit while the title keeps changing', async () => {
    const impressions = async () => (await storedEvents(h)).filter((e) => e.type === 'impression').length;
    const before = await impressions();
    const page = await h.context.newPage();
    await page.goto('https://ticking.atlassian.net/jira/software/projects/KAN/boards/1');
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    const shown = Number(/(\d+)/.exec((await nudge.badge.getAttribute('aria-label')) ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    // The unread counter in the title ticks every 300 ms; Signpost looks again at most every 750 ms.
    const titles = new Set<string>();
    for (let i = 0; i < 12; i++) {
      titles.add(await page.title());
      await page.waitForTimeout(300);
    }
    expect(titles.size).toBeGreaterThan(8);
    expect((await impressions()) - before).toBe(shown);
    // A new visit of the screen (a reload) is counted again.
    await page.reload();
    await nudge.badge.waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await impressions()) - before).toBe(2 * shown);
    await page.close();
  });

  it('keeps host page styles out of the nudge', async () => {
    const page = await h.context.newPage();
    await page.goto(GITHUB_PR);
    await page.addStyleTag({
      content: 'button { color: rgb(255, 0, 0) !important; display: none !important; }',
    });
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    expect(await nudge.badge.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)');
    await page.close();
  });
});
