import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoItemByTitle } from './catalog';
import { type Harness, launch, routePage, stopServiceWorker } from './fixtures';
import { ExtensionPage, NudgeUi } from './pages';

const JIRA_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';
const SHEET = 'https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0';

describe('what people say to the nudge is remembered', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await routePage(h.context, 'https://acme.atlassian.net/**', 'jira-board.html');
    await routePage(h.context, 'https://docs.google.com/spreadsheets/**', 'sheets-formula.html');
    await routePage(h.context, 'https://github.com/**', 'hostile.html');
  });
  afterAll(async () => h?.close());

  it('a new-capability tip announces itself once, without taking focus, and one click dismisses it', async () => {
    const page = await h.context.newPage();
    // The very first recognised page after install announces nothing: see one before the sheet.
    await page.goto(JIRA_BOARD);
    await new NudgeUi(page).badge.waitFor({ timeout: 15_000 });
    await page.goto(SHEET);
    const nudge = new NudgeUi(page);
    const announcement = nudge.host.getByRole('status');
    await announcement.waitFor({ timeout: 15_000 });
    const text = (await announcement.textContent()) ?? '';
    expect(text).toMatch(/^New in Google Sheets:/);
    const tip = DEMO.find((item) => text.includes(item.title));
    expect(tip?.tools).toContain('google-sheets');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    await announcement.getByRole('button', { name: 'Dismiss this announcement' }).click();
    await expect.poll(() => announcement.count()).toBe(0);
    await nudge.badge.waitFor();

    await page.reload();
    await nudge.badge.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(await nudge.host.getByRole('status').count()).toBe(0);
    await page.close();
  });

  it('votes, "don\'t show again" and snoozes survive a reload and a worker restart', async () => {
    const page = await h.context.newPage();
    await page.goto(JIRA_BOARD);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    const titles = await nudge.itemLinks.allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(2);
    const [first, second] = titles as [string, string];

    const helpful = nudge.panel.getByRole('button', { name: `Helpful: ${first}`, exact: true });
    await helpful.click();
    expect(await helpful.getAttribute('aria-pressed')).toBe('true');
    await nudge.panel.getByText('More', { exact: true }).nth(1).click();
    await nudge.panel.getByRole('button', { name: "Don't show again" }).first().click();
    await expect.poll(() => nudge.itemLinks.allTextContents()).not.toContain(second);

    for (const restart of [false, true]) {
      if (restart) await stopServiceWorker(h, page);
      await page.reload();
      await nudge.badge.waitFor({ timeout: 15_000 });
      await nudge.open();
      const now = await nudge.itemLinks.allTextContents();
      expect(now).not.toContain(second);
      expect(now).toContain(first);
      expect(
        await nudge.panel
          .getByRole('button', { name: `Helpful: ${first}`, exact: true })
          .getAttribute('aria-pressed'),
      ).toBe('true');
    }

    // Snoozing the first item hides it too.
    await nudge.panel.getByText('More', { exact: true }).first().click();
    await nudge.panel.getByRole('button', { name: 'Snooze for a week' }).first().click();
    await page.reload();
    await page.waitForTimeout(1500);
    const left = (await nudge.badge.count())
      ? await (async () => {
          await nudge.open();
          return nudge.itemLinks.allTextContents();
        })()
      : [];
    expect(left).not.toContain(first);
    expect(left).not.toContain(second);
    await page.close();
  });

  it('pausing a site removes the nudge there until it is resumed from the popup', async () => {
    const page = await h.context.newPage();
    await page.goto(SHEET);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    await nudge.panel.getByRole('button', { name: 'Pause Signpost on this site' }).click();
    // It takes effect once its Undo (a few seconds) has passed.
    await expect.poll(() => nudge.host.count(), { timeout: 10_000 }).toBe(0);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await nudge.host.count()).toBe(0);

    const popup = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await popup.open('popup.html');
    await popup.page.getByText('Signpost is paused on docs.google.com.').waitFor({ timeout: 10_000 });
    // A paused page asks nothing until the popup does; then the background names its tool.
    await popup.page.locator('p.sp-help', { hasText: /^Google Sheets/ }).waitFor({ timeout: 10_000 });
    await popup.page.getByRole('button', { name: 'Resume here' }).click();
    await popup.page.getByRole('button', { name: 'Pause on this site' }).waitFor();
    await popup.page.close();

    await page.reload();
    await nudge.badge.waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('hostile page CSS and a top-most overlay do not break the badge or the panel', async () => {
    const page = await h.context.newPage();
    await page.goto('https://github.com/acme/webapp/pull/42');
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.badge.click();
    await nudge.panel.waitFor();
    const box = await nudge.panel.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    const titles = await nudge.itemLinks.allTextContents();
    for (const title of titles) expect(demoItemByTitle(title).tools).toContain('github');
    await page.close();
  });
});
