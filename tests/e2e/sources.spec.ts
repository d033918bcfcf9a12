/**
 * An admin's first few minutes, through the options page only: paste a feed's address, see what
 * Signpost finds there, save, sync with progress, map a self-hosted tool, see the items in the
 * nudge, and read the impressions on the dashboard; then edit, switch off and remove the source.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch } from './fixtures';
import { ExtensionPage, NudgeUi } from './pages';

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Team news</title><link>http://127.0.0.1/</link>
<item><guid>n1</guid><title>Sprint review checklist for our board</title><link>/news/1</link>
<category>sprint</category><description><![CDATA[<p>Before the <b>sprint</b> review, clean up the board.</p><script>alert(1)</script>]]></description></item>
<item><guid>n2</guid><title>New sprint insights on every board</title><link>/news/2</link><category>board</category>
<description>What the new insights panel shows during a sprint.</description></item>
</channel></rss>`;

/** A blog-like page that links its feed: pasting it should find the feed. */
const PAGE = `<!doctype html><html><head><title>Team news</title>
<link rel="alternate" type="application/rss+xml" title="Team news" href="/news.xml"></head>
<body><h1>Team news</h1></body></html>`;

describe('adding a source on the options page', () => {
  let h: Harness;
  /** While set, the feed answers after this many ms (so that a sync's progress can be seen). */
  let delayMs = 0;
  const server = createServer((request, response) => {
    if (request.url === '/news.xml') {
      setTimeout(() => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED), delayMs);
    } else if (request.url === '/news/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    } else response.writeHead(404).end();
  });

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    h = await launch({ grantHosts: ['http://127.0.0.1/*'] });
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((done) => server.close(done));
  });

  it('finds the feed, previews, saves and syncs it; its items show on a mapped page and on the dashboard', async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html');
    const form = options.page.locator('form', { hasText: 'Add a source' });
    // The page, not the feed: Test finds the feed it links.
    await form.getByLabel(/^Address/).fill(`${base}/news/`);
    await form.getByLabel('Name (optional)').fill('Team news');
    await form.getByLabel(/Show its items in these tools/).fill('jira');
    await form.getByRole('button', { name: 'Test' }).click();
    const preview = options.page.getByTestId('source-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Sprint review checklist for our board');
    expect(await preview.textContent()).not.toContain('alert(1)');
    expect(await options.page.getByTestId('source-detected').textContent()).toMatch(
      /Feed.*links its rss feed/i,
    );
    expect(await form.getByLabel(/^Address/).inputValue()).toBe(`${base}/news.xml`);
    expect(await form.getByLabel('Type').inputValue()).toBe('feed');
    await form.getByRole('button', { name: 'Save and sync' }).click();
    const source = options.page.locator('[data-source-id="team-news"]');
    await source.waitFor();
    await expect.poll(() => source.textContent()).toMatch(/2 items/);

    // Sync now shows its progress while the (slow) feed answers.
    delayMs = 1500;
    await source.getByRole('button', { name: 'Sync Team news now' }).click();
    await source.locator('progress').waitFor();
    await expect.poll(() => source.locator('progress').count(), { timeout: 10_000 }).toBe(0);
    delayMs = 0;
    await expect.poll(() => source.textContent()).toMatch(/2 items.*Last attempt.*Last successful sync/);

    // Content health: one item has a summary, both are fresh; nothing to report.
    await source.getByText('Content health of Team news').click();
    await expect
      .poll(() => source.getByTestId('source-health').textContent())
      .toMatch(/All 2 items are fine/);

    // Map the local page to Jira, then look at it.
    await options.page.getByRole('tab', { name: 'Tools' }).click();
    const rules = options.page.locator('form', { hasText: 'Add a rule' });
    await rules.getByLabel('Tool id').fill('jira');
    await rules.getByLabel('Match patterns, one per line').fill('http://127.0.0.1/*');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await options.page.locator('[data-rule-tool="jira"]').waitFor();

    const page = await h.context.newPage();
    await page.goto(`${h.localUrl}/jira-board.html`);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    const titles = await nudge.itemLinks.allTextContents();
    const ours = titles.filter((title) => /Sprint review checklist|New sprint insights/.test(title));
    expect(ours.length).toBeGreaterThan(0);
    expect(await nudge.panel.textContent()).not.toContain('alert(1)');

    // The dashboard counts those impressions and names the items.
    await options.page.getByRole('tab', { name: 'Dashboard' }).click();
    const topItems = options.page.locator('table', { hasText: ours[0] ?? 'none' });
    await topItems.first().waitFor({ timeout: 10_000 });
    const impressions = options.page.locator('[data-card="impressions"] dd');
    expect(Number((await impressions.textContent())?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(
      titles.length,
    );

    // Edit: a longer interval; then switch the source off, and its items leave the nudge.
    await options.page.getByRole('tab', { name: 'Sources' }).click();
    await source.getByRole('button', { name: 'Edit Team news' }).click();
    const edit = source.locator('form', { hasText: 'Edit Team news' });
    await edit.getByLabel('Sync every … minutes').fill('5');
    await edit.getByRole('button', { name: 'Save and sync' }).click();
    await edit.getByText(/whole number of minutes from 15/).waitFor();
    await edit.getByLabel('Sync every … minutes').fill('240');
    await edit.getByRole('button', { name: 'Save and sync' }).click();
    await expect.poll(() => source.textContent()).toMatch(/synced every 240 minutes/);
    await source.getByRole('checkbox', { name: 'Show items from Team news' }).uncheck();
    await expect.poll(() => source.textContent()).toMatch(/Off/);
    await page.reload();
    await page.waitForTimeout(1500);
    const shown = async (): Promise<string[]> => {
      if ((await nudge.badge.count()) === 0) return [];
      await nudge.open();
      return nudge.itemLinks.allTextContents();
    };
    expect((await shown()).some((title) => /Sprint review checklist|New sprint insights/.test(title))).toBe(
      false,
    );

    // Removing the source (after a confirmation) takes it away.
    await source.getByRole('button', { name: 'Remove Team news' }).click();
    await source
      .getByRole('group', { name: /Remove Team news with its items/ })
      .getByRole('button', { name: 'Remove Team news' })
      .click();
    await expect.poll(() => source.count()).toBe(0);
    await page.close();
  });
});
