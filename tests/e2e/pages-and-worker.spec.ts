import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItemByTitle } from './catalog';
import { type Harness, launch, routePage, stopServiceWorker, workerStatus } from './fixtures';
import { ExtensionPage, NudgeUi } from './pages';

const JIRA_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';

describe('popup, options and a restarted worker', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await routePage(h.context, 'https://acme.atlassian.net/**', 'jira-board.html');
  });
  afterAll(async () => h?.close());

  it('popup shows the tool, the screen and the matches of the tab it is about', async () => {
    const tool = await h.context.newPage();
    await tool.goto(JIRA_BOARD);
    await new NudgeUi(tool).badge.waitFor({ timeout: 15_000 });
    const nudgeTitles = await (async () => {
      const nudge = new NudgeUi(tool);
      await nudge.open();
      return nudge.itemLinks.allTextContents();
    })();

    // Opened in a tab, the popup describes the most recently used other tab: the Jira board.
    const popupPage = await h.context.newPage();
    const popup = new ExtensionPage(popupPage, h.extensionId);
    await popup.open('popup.html');
    await popupPage.getByText('Jira · board').waitFor({ timeout: 10_000 });
    const titles = await popupPage.getByRole('list').getByRole('link').allTextContents();
    expect(titles).toEqual(nudgeTitles);
    for (const title of titles) expect(demoItemByTitle(title).tools).toContain('jira');
    await popupPage.close();
    await tool.close();
  });

  it('options page lists the built-in demo source with its items, and switching it off silences the nudge', async () => {
    const page = await h.context.newPage();
    const options = new ExtensionPage(page, h.extensionId);
    await options.open('options.html');
    const source = page.locator('[data-source-id="builtin-demo"]');
    await source.getByText('Signpost demo content').first().waitFor();
    await expect.poll(() => source.textContent()).toMatch(/Built-in/);
    // The demo catalog has 60+ items; all of them were loaded.
    expect(await source.locator('p').first().textContent()).toMatch(/^(6\d|[7-9]\d|\d{3,}) items/);
    const toggle = source.getByRole('checkbox', { name: /Show items from Signpost demo content/ });
    expect(await toggle.isChecked()).toBe(true);

    await toggle.uncheck();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    const tool = await h.context.newPage();
    await tool.goto(JIRA_BOARD);
    await tool.waitForTimeout(1500);
    expect(await tool.locator('signpost-nudge').count()).toBe(0);
    await tool.close();

    await toggle.check();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await page.close();
  });

  it('a stopped service worker wakes up and the next page still gets its nudge', async () => {
    const page = await h.context.newPage();
    await stopServiceWorker(h, page);
    await expect
      .poll(() => workerStatus(page, h.extensionId), { timeout: 10_000, interval: 250 })
      .toBe('STOPPED');

    await page.goto(JIRA_BOARD);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    expect((await nudge.itemLinks.allTextContents()).length).toBeGreaterThan(0);
    expect(await workerStatus(await h.context.newPage(), h.extensionId)).toBe('RUNNING');
    await page.close();
  });
});
