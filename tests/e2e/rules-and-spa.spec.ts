import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoItemByTitle } from './catalog';
import { type Harness, launch, routePage } from './fixtures';
import { ExtensionPage, NudgeUi } from './pages';

async function addRule(page: ExtensionPage, tool: string, pattern: string): Promise<void> {
  await page.open('options.html#tools');
  const form = page.page.locator('form', { hasText: 'Add a rule' });
  await form.getByLabel('Tool id').fill(tool);
  await form.getByLabel('Match patterns, one per line').fill(pattern);
  await form.getByRole('button', { name: 'Add rule' }).click();
  await page.page.locator(`[data-rule-tool="${tool}"]`).waitFor();
}

describe('admin rules', () => {
  let granted: Harness;
  let plain: Harness;

  beforeAll(async () => {
    granted = await launch({ grantHosts: ['http://127.0.0.1/*'] });
    plain = await launch();
  });
  afterAll(async () => {
    await granted?.close();
    await plain?.close();
  });

  it('maps a self-hosted page to Jira: the rule, the URL tester and the nudge', async () => {
    const options = new ExtensionPage(await granted.context.newPage(), granted.extensionId);
    await addRule(options, 'jira', 'http://127.0.0.1/*');
    const rule = options.page.locator('[data-rule-tool="jira"]');
    expect(await rule.textContent()).toContain('Signpost may run here');

    await options.page.getByLabel('Does this URL match?').fill(`${granted.localUrl}/browse/KAN-12`);
    await expect
      .poll(() => options.page.getByTestId('rule-test-result').textContent())
      .toBe('Signpost sees: Jira · issue');
    await options.page.getByLabel('Does this URL match?').fill('https://intranet.example/');
    await expect
      .poll(() => options.page.getByTestId('rule-test-result').textContent())
      .toBe('No tool recognised at this URL.');

    const page = await granted.context.newPage();
    await page.goto(`${granted.localUrl}/jira-board.html`);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    const titles = await nudge.itemLinks.allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(demoItemByTitle(title).tools).toContain('jira');
    expect(await page.locator('signpost-nudge').count()).toBe(1);
    await page.close();
  });

  it('says why nothing shows on a rule host that has not been granted', async () => {
    const options = new ExtensionPage(await plain.context.newPage(), plain.extensionId);
    await addRule(options, 'expenses-portal', 'https://expenses.corp.example/*');
    const rule = options.page.locator('[data-rule-tool="expenses-portal"]');
    expect(await rule.textContent()).toContain('Not allowed yet');
    expect(await rule.getByRole('button', { name: 'Allow access' }).count()).toBe(1);
  });

  it('refuses an invalid rule with a message and saves nothing', async () => {
    const options = new ExtensionPage(await plain.context.newPage(), plain.extensionId);
    await options.open('options.html#tools');
    const form = options.page.locator('form', { hasText: 'Add a rule' });
    await form.getByLabel('Tool id').fill('Bad Id!');
    await form.getByLabel('Match patterns, one per line').fill('<all_urls>');
    await form.getByRole('button', { name: 'Add rule' }).click();
    // Each field says what is wrong with it, in plain words, both at once.
    await expect
      .poll(() => options.page.locator('#sp-rule-tool-error').textContent())
      .toContain('lowercase letters');
    expect(await options.page.locator('#sp-rule-patterns-error').textContent()).toContain(
      '“<all_urls>” is not an address pattern',
    );
    expect(await options.page.locator('[data-rule-tool="Bad Id!"]').count()).toBe(0);
  });
});

describe('single-page navigation', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await routePage(h.context, 'https://github.com/**', 'github-pr.html');
  });
  afterAll(async () => h?.close());

  it('updates the nudge when the app shows another screen, and coalesces bursts of navigation', async () => {
    const page = await h.context.newPage();
    await page.goto('https://github.com/acme/webapp/pull/42');
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    const before = await nudge.itemLinks.allTextContents();

    // Count the match requests the background receives from now on.
    await h.worker.evaluate(() => {
      interface WorkerScope {
        matchCount: number;
        chrome: { runtime: { onMessage: { addListener(fn: (message: { type?: string }) => void): void } } };
      }
      const scope = globalThis as unknown as WorkerScope;
      scope.matchCount = 0;
      scope.chrome.runtime.onMessage.addListener((message) => {
        if (message?.type === 'matchPage') scope.matchCount++;
      });
    });

    await page.evaluate(() => {
      history.pushState({}, '', '/acme/webapp/actions');
      document.title = 'Workflow runs · acme/webapp · GitHub Actions';
      const h1 = document.querySelector('h1');
      if (h1) h1.textContent = 'All workflows: re-run failed jobs';
    });
    await expect
      .poll(async () => ((await nudge.panel.count()) ? await nudge.itemLinks.allTextContents() : []), {
        timeout: 10_000,
      })
      .not.toEqual(before);
    await nudge.badge.waitFor();
    if (!(await nudge.panel.count())) await nudge.open();
    const after = (await nudge.itemLinks.allTextContents()).map(demoItemByTitle);
    expect(after.some((item) => item.tags.some((tag) => /actions|workflow/.test(tag)))).toBe(true);

    const single = await h.worker.evaluate(
      () => (globalThis as unknown as { matchCount: number }).matchCount,
    );
    expect(single).toBeGreaterThanOrEqual(1);

    // 1,000 pushState calls within about a second.
    await page.evaluate(async () => {
      for (let i = 0; i < 1000; i++) {
        history.pushState({}, '', `/acme/webapp/pull/${i}`);
        const h1 = document.querySelector('h1');
        if (h1) h1.textContent = `Pull request ${i}`;
        if (i % 50 === 0) await new Promise((done) => setTimeout(done, 50));
      }
    });
    await page.waitForTimeout(3000);
    const burst =
      (await h.worker.evaluate(() => (globalThis as unknown as { matchCount: number }).matchCount)) - single;
    expect(burst).toBeGreaterThanOrEqual(1);
    expect(burst).toBeLessThanOrEqual(5);
    await page.close();
  });
});
