/**
 * The options page and the popup in Firefox, through Marionette: an admin adds a feed on
 * 127.0.0.1 and maps a local page to Jira, and the feed's items show in that page's nudge; a
 * champion searches, endorses and flags, and both reactions reach the webhook.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeOf,
  type FirefoxHarness,
  GECKO_ID,
  itemTitles,
  launch,
  openNudge,
  textOf,
  waitFor,
} from './firefox';
import { ExtensionTab } from './pages';

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Team news</title><link>http://127.0.0.1/</link>
<item><guid>n1</guid><title>Sprint review checklist for our board</title><link>/news/1</link>
<category>sprint</category><description><![CDATA[<p>Before the <b>sprint</b> review, clean up the board.</p><script>alert(1)</script>]]></description></item>
<item><guid>n2</guid><title>New sprint insights on every board</title><link>/news/2</link><category>board</category>
<description>What the new insights panel shows during a sprint.</description></item>
</channel></rss>`;

describe('extension pages (Firefox)', () => {
  let h: FirefoxHarness;
  const received: { key: string; body: Record<string, unknown> }[] = [];
  const server = createServer((request, response) => {
    if (request.url === '/news.xml') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
      return;
    }
    if (request.url === '/hook' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ key: String(request.headers['idempotency-key'] ?? ''), body: JSON.parse(body) });
        response.writeHead(200).end('ok');
      });
      return;
    }
    response.writeHead(404).end();
  });
  let base = '';

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    h = await launch({ grantHosts: ['http://127.0.0.1/*'] });
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((done) => server.close(done));
  });

  it('adds a feed source and a tool rule on the options page; the items show in the nudge', async () => {
    await h.withMarionette(async (m) => {
      const options = await ExtensionTab.open(m, 'options.html');
      await options.fill(/^Address/, `${base}/news.xml`, 'form.sp-source-editor, form');
      await options.fill('Name (optional)', 'Team news');
      await options.fill(/Show its items in these tools/, 'jira');
      await options.click('button', 'Save and sync');
      await options.waitForText('[data-source-id="team-news"]', /2 items/);

      await options.click('tab', 'Tools');
      await options.fill('Tool id', 'jira');
      await options.fill('Match patterns, one per line', 'http://127.0.0.1/*');
      await options.click('button', 'Add rule');
      await options.waitForText('[data-rule-tool="jira"]', /127\.0\.0\.1/);
      await options.close();
    });

    const page = await h.newPage();
    await page.goto(`${h.localUrl}/jira-board.html`);
    const open = await openNudge(h, page);
    const titles = itemTitles(open);
    expect(titles.some((title) => /Sprint review checklist|New sprint insights/.test(title))).toBe(true);
    expect(open && textOf(open)).not.toContain('alert(1)');
    await page.close();
  });

  it('searches, endorses and flags in the popup; both reactions reach the webhook', async () => {
    await h.withMarionette(async (m) => {
      const options = await ExtensionTab.open(m, 'options.html#sharing');
      await options.fill('Webhook URL', `${base}/hook`);
      await options.click('button', 'Save');
      await options.waitForText('body', /Saved\./);
      await options.close();

      const popup = await ExtensionTab.open(m, 'popup.html');
      await popup.fill('Search all knowledge', 'schedule send');
      const link = await popup.get('link', /\S/);
      const title = await m.execute<string>('return arguments[0].textContent.trim();', [link]);
      expect(title).not.toBe('');
      await popup.click('button', `Endorse: ${title}`);
      await popup.click('button', `Flag: ${title}`);
      await popup.click('radio', 'Outdated');
      await popup.fill('Comment (optional)', 'Step 2 moved');
      await popup.click('button', 'Send flag');
      await popup.waitForText('body', /Flagged by you/);
      // Each reaction is tried right away; one that did not get through waits for its retry, so
      // send again from My activity (as a champion would) until both have arrived.
      await popup.click('button', /My activity/);
      for (let round = 0; round < 20 && received.length < 2; round++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (received.length >= 2) break;
        const sendNow = await popup.get('button', 'Send now', undefined, 500).catch(() => null);
        if (sendNow) await m.click(sendNow);
      }
      await popup.close();

      const delivered = await waitFor(
        async () => received.length,
        (n) => n >= 2,
      );
      expect(delivered).toBe(2);
      const flag = received.find((entry) => entry.body.type === 'signpost.flag')?.body;
      expect(flag).toMatchObject({ reason: 'outdated', item: { title } });
      expect(new Set(received.map((entry) => entry.key)).size).toBe(2);
      expect(JSON.stringify(received)).not.toContain('moz-extension://');
    });
  });
});

describe('site access not granted at install (Firefox)', () => {
  let h: FirefoxHarness;

  beforeAll(async () => {
    // As in Firefox releases and profiles where Manifest V3 host access waits for the person.
    h = await launch({ prefs: { 'extensions.originControls.grantByDefault': false } });
    await h.route('https://github.com/', 'github-pr.html');
  });
  afterAll(async () => h?.close());

  const missingOnOptionsPage = () =>
    h.withMarionette(async (m) => {
      const options = await ExtensionTab.open(m, 'options.html#tools');
      await options.get('heading', 'Built-in tools');
      // Give the check a moment to answer; the section is absent once everything is granted.
      await new Promise((resolve) => setTimeout(resolve, 800));
      const missing = await m.execute<string | null>(
        'return document.querySelector("[data-site-access]")?.getAttribute("data-site-access") ?? null;',
      );
      await options.close();
      return missing === null ? 0 : Number(missing);
    });

  it('shows nothing on tool sites, says so on the options page, and works once access is allowed', async () => {
    const page = await h.newPage();
    await page.goto('https://github.com/acme/webapp/pull/42');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await h.nudge(page)).toBeNull();
    await page.close();

    expect(await missingOnOptionsPage()).toBeGreaterThan(0);

    // The person allows the tool sites (what Firefox's permission prompt does when accepted).
    await h.withMarionette(async (m) => {
      await m.setContext('chrome');
      await m.executeAsync(
        `const [id, done] = [arguments[0], arguments[arguments.length - 1]];
         const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
         const policy = WebExtensionPolicy.getByID(id);
         const origins = policy.extension.manifest.content_scripts.flatMap((script) => script.matches);
         ExtensionPermissions.add(id, { permissions: [], origins }, policy.extension).then(() => done(true), (e) => done(String(e)));`,
        [GECKO_ID],
      );
    });
    expect(await missingOnOptionsPage()).toBe(0);

    const again = await h.newPage();
    await again.goto('https://github.com/acme/webapp/pull/42');
    const nudge = await waitFor(
      () => h.nudge(again),
      (n) => badgeOf(n) !== undefined,
    );
    expect(nudge).not.toBeNull();
    await again.close();
  });
});
