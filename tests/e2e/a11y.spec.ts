import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { type Harness, launch, routePage } from './fixtures';
import { ExtensionPage, NudgeUi } from './pages';

describe('accessibility (axe-core)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await routePage(h.context, 'https://acme.atlassian.net/**', 'jira-board.html');
  });
  afterAll(async () => h?.close());

  it('the open nudge has no serious or critical violations', async () => {
    const page = await h.context.newPage();
    await page.goto('https://acme.atlassian.net/jira/software/projects/KAN/boards/1');
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    // Only Signpost's own UI is ours to judge, not the fixture page around it; axe runs in the
    // content script's world, where the closed shadow root can be opened.
    expect(await nudge.axeViolations()).toEqual([]);
    await page.close();
  });

  // Every tab of the options page, the dashboard with the figures the nudge test above produced.
  it.each([
    'popup.html',
    'options.html#sources',
    'options.html#tools',
    'options.html#nudges',
    'options.html#sharing',
    'options.html#config',
    'options.html#dashboard',
  ] as const)('%s has no serious or critical violations', async (path) => {
    const page = await h.context.newPage();
    await new ExtensionPage(page, h.extensionId).open(path);
    await page.waitForTimeout(700);
    if (path.endsWith('#sources')) {
      // Open a source's health and the add form's sign-in fields too.
      await page
        .getByText(/^Content health of/)
        .first()
        .click();
      await page.locator('form', { hasText: 'Add a source' }).getByLabel('Sign-in').selectOption('basic');
      await page.waitForTimeout(300);
    }
    if (path.endsWith('#dashboard')) await page.locator('[data-card="impressions"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
