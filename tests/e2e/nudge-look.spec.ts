/**
 * The nudge as a new user meets it (issue 15): a compact panel at most ~360 px tall whose header
 * (Close, search) and footer (See all, Pause) stay in view; a badge with Signpost's icon and a label
 * that says what it counts, placed clear of the tool's own controls, movable along the edge by
 * pointer and keys and remembered per tool; Pause with Undo; a human, translated Why. Screenshots
 * in light and dark, English and German, go to tests/e2e/artifacts; axe stays clean in each.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, type Harness, launch, routePage } from './fixtures';
import { type Box, NudgeUi } from './pages';

const SHEET = 'https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0';
const GITHUB_PR = 'https://github.com/acme/webapp/pull/42';
const JIRA_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';
/** The panel's height bound (issue 15: "at most ~360 px tall"). */
const PANEL_MAX = 360;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function routes(h: Harness) {
  await routePage(h.context, 'https://docs.google.com/spreadsheets/**', 'sheets-bottom-bar.html');
  await routePage(h.context, 'https://github.com/**', 'github-pr.html');
  await routePage(h.context, 'https://acme.atlassian.net/**', 'jira-board.html');
}

async function openNudge(page: Page, url: string): Promise<NudgeUi> {
  await page.goto(url);
  const nudge = new NudgeUi(page);
  await nudge.badge.waitFor({ timeout: 15_000 });
  return nudge;
}

describe('the nudge looks and behaves like good in-app help', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await routes(h);
  });
  afterAll(async () => h?.close());

  it('keeps the badge clear of the bottom-left sheet controls, with an icon and a label that says what it counts', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const nudge = await openNudge(page, SHEET);
    const badge = (await nudge.badge.boundingBox()) as Box;
    for (const id of ['add-sheet', 'all-sheets']) {
      const control = (await page.locator(`#${id}`).boundingBox()) as Box;
      expect(overlaps(badge, control), `badge covers #${id}`).toBe(false);
    }
    const bar = (await page.locator('.bottom-bar').boundingBox()) as Box;
    expect(overlaps(badge, bar)).toBe(false);
    // Signpost's icon and the count; a label in words, per kind.
    expect(await nudge.badge.evaluate((el) => el.querySelector('svg') !== null)).toBe(true);
    const label = (await nudge.badge.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(
      /^Signpost: (\d+ tips?|\d+ articles?|\d+ items \(\d+ tips?, \d+ articles?\)) for this screen$/,
    );
    await page.close();
  });

  it('opens a panel at most 360 px tall whose header and footer stay in view while the cards scroll', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const nudge = await openNudge(page, JIRA_BOARD);
    await nudge.open();
    const panel = (await nudge.panel.boundingBox()) as Box;
    expect(panel.height).toBeLessThanOrEqual(PANEL_MAX + 1);
    // Expand every snippet: the list grows, the panel does not.
    const expand = nudge.panel.getByRole('button', { name: /^Show more of/ });
    expect(await expand.count()).toBeGreaterThan(0);
    while ((await expand.count()) > 0) await expand.first().click();
    await nudge.panel.locator('.sp-body').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const after = (await nudge.panel.boundingBox()) as Box;
    expect(after.height).toBeLessThanOrEqual(PANEL_MAX + 1);
    for (const control of [
      nudge.panel.getByRole('button', { name: 'Close', exact: true }),
      nudge.panel.getByRole('textbox', { name: 'Search all knowledge' }),
      nudge.panel.getByRole('button', { name: 'See all in Signpost' }),
      nudge.panel.getByRole('button', { name: 'Pause Signpost on this site' }),
    ]) {
      const box = (await control.boundingBox()) as Box;
      expect(box.y).toBeGreaterThanOrEqual(after.y);
      expect(box.y + box.height).toBeLessThanOrEqual(after.y + after.height + 1);
    }
    // Voting does not move the card.
    const [first] = await nudge.itemLinks.allTextContents();
    const card = nudge.panel.locator('.sp-card').first();
    const before = (await card.boundingBox()) as Box;
    await nudge.panel.getByRole('button', { name: `Helpful: ${first}`, exact: true }).click();
    await nudge.panel.getByText('More', { exact: true }).first().click();
    const voted = (await card.boundingBox()) as Box;
    expect(voted.height).toBe(before.height);
    await page.close();
  });

  it('says why in plain words, naming the screen', async () => {
    const page = await h.context.newPage();
    const nudge = await openNudge(page, GITHUB_PR);
    await nudge.open();
    const why = await nudge.panel.locator('.sp-why').allTextContents();
    expect(why.length).toBeGreaterThan(0);
    for (const line of why) {
      expect(line).toMatch(/^Because /);
      expect(line).not.toMatch(/pull-request|matches '/);
    }
    expect(why.some((line) => line.includes('a pull request in GitHub'))).toBe(true);
    await page.close();
  });

  it('searches all knowledge from the panel, and See all opens Signpost with the words', async () => {
    const page = await h.context.newPage();
    const nudge = await openNudge(page, JIRA_BOARD);
    await nudge.open();
    const before = await nudge.itemLinks.allTextContents();
    await nudge.panel.getByRole('textbox', { name: 'Search all knowledge' }).fill('pull request review');
    await expect.poll(() => nudge.itemLinks.allTextContents(), { timeout: 5000 }).not.toEqual(before);
    const found = await nudge.itemLinks.allTextContents();
    expect(found.length).toBeGreaterThan(0);
    const opened = h.context.waitForEvent('page');
    await nudge.panel.getByRole('button', { name: 'See all in Signpost' }).click();
    const signpost = await opened;
    await signpost.waitForLoadState();
    expect(signpost.url()).toBe(
      `chrome-extension://${h.extensionId}/popup.html?q=${encodeURIComponent('pull request review')}`,
    );
    await signpost.close();
    await page.close();
  });

  it('moves along the edge by dragging and by arrow keys, and remembers it for the tool', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const nudge = await openNudge(page, GITHUB_PR);
    const start = (await nudge.badge.boundingBox()) as Box;
    expect(start.x).toBeLessThan(640);
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(1100, 400, { steps: 8 });
    await page.mouse.up();
    const dropped = (await nudge.badge.boundingBox()) as Box;
    expect(dropped.x).toBeGreaterThan(640);
    expect(Math.abs(dropped.y + dropped.height / 2 - 400)).toBeLessThan(12);
    expect(await nudge.panel.count()).toBe(0); // a drag is not a click
    await nudge.badge.focus();
    await page.keyboard.press('ArrowUp');
    const up = (await nudge.badge.boundingBox()) as Box;
    expect(dropped.y - up.y).toBe(16);

    await page.reload();
    await nudge.badge.waitFor({ timeout: 15_000 });
    const again = (await nudge.badge.boundingBox()) as Box;
    expect(again.x).toBeGreaterThan(640);
    expect(again.y).toBe(up.y);
    // Another tool keeps its own place.
    const jira = await h.context.newPage();
    await jira.setViewportSize({ width: 1280, height: 800 });
    const other = await openNudge(jira, JIRA_BOARD);
    expect(((await other.badge.boundingBox()) as Box).y).toBeGreaterThan(700);
    await other.page.close();
    await page.close();
  });

  it('pauses on this site only after its Undo has passed', async () => {
    const page = await h.context.newPage();
    const nudge = await openNudge(page, GITHUB_PR);
    await nudge.open();
    await nudge.panel.getByRole('button', { name: 'Pause Signpost on this site' }).click();
    const status = nudge.host.getByRole('status');
    await status.waitFor();
    expect(await status.textContent()).toContain('paused');
    await status.getByRole('button', { name: 'Undo' }).click();
    await nudge.badge.waitFor();
    await page.waitForTimeout(5500);
    expect(await nudge.badge.count()).toBe(1);
    await page.close();
  });
});

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['de', 'light'],
  ['de', 'dark'],
] as const)('screenshots: %s, %s', (lang, scheme) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(lang === 'de' ? { lang: 'de' } : {});
    await routes(h);
  });
  afterAll(async () => h?.close());

  it('the open panel, axe clean, in the language of the browser', async () => {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    const nudge = await openNudge(page, GITHUB_PR);
    const label = (await nudge.badge.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(lang === 'de' ? /für diese Ansicht/ : /for this screen/);
    await nudge.open();
    const why = await nudge.panel.locator('.sp-why').allTextContents();
    expect(why.join('\n')).toMatch(lang === 'de' ? /^Weil / : /^Because /);
    // No raw screen id, in either language.
    expect(why.join('\n')).not.toContain('pull-request');
    expect(await nudge.axeViolations()).toEqual([]);
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, `nudge-panel-${lang}-${scheme}.png`) });
    await nudge.page.keyboard.press('Escape');
    await page.screenshot({ path: join(ARTIFACTS_DIR, `nudge-badge-${lang}-${scheme}.png`) });
    await page.close();
  });
});
