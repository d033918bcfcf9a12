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

describe('adding a source on the options page', () => {
  let h: Harness;
  const server = createServer((request, response) => {
    if (request.url === '/news.xml')
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    else response.writeHead(404).end();
  });

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    h = await launch({ grantHosts: ['http://127.0.0.1/*'] });
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((done) => server.close(done));
  });

  it('tests, saves and syncs a feed, whose items then show on a mapped page', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news.xml`;
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html');
    const form = options.page.locator('form', { hasText: 'Add a source' });
    await form.getByLabel(/^Address/).fill(url);
    expect(await form.getByLabel('Type').inputValue()).toBe('feed');
    await form.getByLabel('Name (optional)').fill('Team news');
    await form.getByLabel(/Show its items in these tools/).fill('jira');
    await form.getByRole('button', { name: 'Test' }).click();
    const preview = options.page.getByTestId('source-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Sprint review checklist for our board');
    await form.getByRole('button', { name: 'Save and sync' }).click();
    const source = options.page.locator('[data-source-id="team-news"]');
    await source.waitFor();
    await expect.poll(() => source.textContent()).toMatch(/2 items/);
    await source.getByRole('button', { name: 'Sync Team news now' }).click();
    await expect.poll(() => source.textContent()).toMatch(/2 items.*Last synced/);

    // Map the local page to Jira, then look at it.
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
    expect(titles.some((title) => /Sprint review checklist|New sprint insights/.test(title))).toBe(true);
    expect(await nudge.panel.textContent()).not.toContain('alert(1)');

    // Removing the source takes its items away.
    await source.getByRole('button', { name: 'Remove Team news' }).click();
    await expect.poll(() => source.count()).toBe(0);
    await page.reload();
    await page.waitForTimeout(1500);
    const after = (await nudge.badge.count())
      ? await (async () => {
          await nudge.open();
          return nudge.itemLinks.allTextContents();
        })()
      : [];
    expect(after.some((title) => /Sprint review checklist|New sprint insights/.test(title))).toBe(false);
    await page.close();
  });
});
