/**
 * First run and What's new in real Chromium: the welcome page opens once on install; visiting a
 * tool's page makes its recent tips unread in What's new, with the count on the toolbar badge
 * (read from the worker with action.getBadgeText); marking read and following a tag change both.
 */
import { readFile } from 'node:fs/promises';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { type Harness, launch, routePage, stopServiceWorker } from './fixtures';
import { ExtensionPage, NudgeUi } from './pages';

const JIRA_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';
const DAY = 24 * 3600_000;

/** Tips published in the last days, written into the demo source once its first sync is done. */
function seedTips(worker: Worker): Promise<void> {
  return worker.evaluate(
    async ({ day }) => {
      const open = () =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('signpost');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const count = async () => {
        const db = await open();
        const n = await new Promise<number>((resolve) => {
          const request = db.transaction('items').objectStore('items').count();
          request.onsuccess = () => resolve(request.result);
        });
        db.close();
        return n;
      };
      for (let i = 0; i < 100 && (await count()) < 10; i++) await new Promise((r) => setTimeout(r, 100));
      const db = await open();
      const tx = db.transaction(['items', 'meta'], 'readwrite');
      tx.objectStore('meta').delete('matchIndex');
      const now = Date.now();
      const tip = (id: string, title: string, tools: string[], tags: string[], age: number) => ({
        id: `builtin-demo:${id}`,
        sourceId: 'builtin-demo',
        kind: 'tip',
        title,
        summary: `${title}. A new capability.`,
        url: `https://kb.example.com/new/${id}`,
        tags,
        tools,
        updatedAt: now - age * day,
      });
      const items = tx.objectStore('items');
      items.put(tip('e2e-jira-timeline', 'Timeline view on the board', ['jira'], ['timeline'], 1));
      items.put(tip('e2e-jira-ai', 'Summaries of long issues', ['jira'], ['issue'], 2));
      items.put(tip('e2e-sf-forecast', 'Forecast categories', ['salesforce'], ['forecast'], 3));
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { day: DAY },
  );
}

/** Demo tips for Jira published in the last 30 days (none as the demo ships, but the clock moves). */
async function recentDemoJiraTips(): Promise<number> {
  const demo = JSON.parse(await readFile(new URL('../../public/catalog/demo.json', import.meta.url), 'utf8'));
  return demo.items.filter(
    (item: { kind: string; tools?: string[]; startsAt?: string; updatedAt: string }) =>
      item.kind === 'tip' &&
      item.tools?.includes('jira') &&
      Date.parse(item.startsAt ?? item.updatedAt) > Date.now() - 30 * DAY,
  ).length;
}

describe("first run and What's new", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch({ keepWelcome: true });
    await routePage(h.context, 'https://acme.atlassian.net/**', 'jira-board.html');
  });
  afterAll(async () => h?.close());

  const worker = () => h.context.serviceWorkers()[0] ?? h.context.waitForEvent('serviceworker');
  const badgeText = async () =>
    (await worker()).evaluate(() =>
      (
        globalThis as unknown as { chrome: { action: { getBadgeText(details: object): Promise<string> } } }
      ).chrome.action.getBadgeText({}),
    );

  it('opens the welcome page once after install, accessible', async () => {
    await expect
      .poll(() => h.context.pages().filter((page) => page.url().endsWith('/welcome.html')).length, {
        timeout: 10_000,
      })
      .toBe(1);
    const welcome = h.context.pages().find((page) => page.url().endsWith('/welcome.html')) as Page;
    await welcome.getByRole('heading', { name: 'Welcome to Signpost' }).waitFor();
    await welcome.getByRole('heading', { name: 'Matching stays on this device' }).waitFor();
    await welcome.getByRole('heading', { name: 'How to pause' }).waitFor();
    expect(await seriousViolations(welcome)).toEqual([]);
    await welcome.close();
  });

  it("shows the unread count on the toolbar and lists the tips in What's new; mark read and follow", async () => {
    await seedTips(await worker());
    const page = await h.context.newPage();
    await stopServiceWorker(h, page); // the next worker reads the seeded items
    await page.goto(JIRA_BOARD);
    await new NudgeUi(page).badge.waitFor({ timeout: 15_000 });
    // The first recognised page announces nothing.
    expect(await new NudgeUi(page).host.getByRole('status').count()).toBe(0);
    const expected = 2 + (await recentDemoJiraTips());
    await expect.poll(badgeText, { timeout: 10_000 }).toBe(String(expected));

    const popup = await h.context.newPage();
    await new ExtensionPage(popup, h.extensionId).open('popup.html#whatsnew' as 'popup.html');
    await popup.getByRole('tab', { name: `What's new (${expected})` }).waitFor();
    const list = popup.getByRole('tabpanel');
    const first = list.getByRole('listitem').filter({ hasText: 'Timeline view on the board' });
    await expect.poll(() => first.getByText('New', { exact: true }).count()).toBe(1);
    expect(await seriousViolations(popup)).toEqual([]);

    await first.getByRole('button', { name: 'Mark as read: Timeline view on the board' }).click();
    await expect.poll(() => first.getByText('New', { exact: true }).count()).toBe(0);
    await expect.poll(badgeText).toBe(String(expected - 1));

    // Following a tag brings in a tool this person has not opened.
    expect(await list.getByRole('link', { name: 'Forecast categories' }).count()).toBe(0);
    await popup.getByLabel('Follow a tag').fill('Forecast');
    await popup.getByRole('button', { name: 'Follow', exact: true }).last().click();
    await list.getByRole('link', { name: 'Forecast categories' }).waitFor();
    await popup.getByRole('button', { name: 'Unfollow #forecast' }).waitFor();
    await expect.poll(badgeText).toBe(String(expected));
    await popup.getByRole('tab', { name: `What's new (${expected})` }).waitFor();

    // Follow a tool from an item: the button says it is pressed.
    const jira = first.getByRole('button', { name: 'Follow Jira' });
    await jira.click();
    await expect.poll(() => jira.getAttribute('aria-pressed')).toBe('true');
    // Still followed after the popup closes and opens again.
    await popup.reload();
    await popup.getByRole('button', { name: 'Unfollow Jira' }).waitFor();
    await popup.close();

    // Nothing opened the welcome page again.
    expect(h.context.pages().filter((p) => p.url().endsWith('/welcome.html'))).toHaveLength(0);
    await page.close();
  });
});
