import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, type Harness, launch, stopServiceWorker } from './fixtures';
import { ExtensionPage } from './pages';
import { firstPaint, seedBulkItems, timeInputTo } from './seed';

/** A webhook that fails the first two attempts of every idempotency key, then accepts. */
function flakyWebhook() {
  const attempts = new Map<string, number>();
  const accepted: { key: string; body: Record<string, unknown> }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const key = String(request.headers['idempotency-key'] ?? '');
      const seen = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, seen);
      if (seen <= 2) {
        response.writeHead(500).end('temporarily broken');
        return;
      }
      accepted.push({ key, body: JSON.parse(body) });
      response.writeHead(200).end('ok');
    });
  });
  return { server, attempts, accepted };
}

/** What the worker's IndexedDB holds in a store (read in the worker itself). */
async function readStore(h: Harness, store: string): Promise<unknown[]> {
  return h.worker.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('signpost');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

describe("the champion's popup", () => {
  let h: Harness;
  const hook = flakyWebhook();
  let hookUrl = '';

  beforeAll(async () => {
    await new Promise<void>((done) => hook.server.listen(0, '127.0.0.1', done));
    hookUrl = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/hook`;
    h = await launch({ grantHosts: ['http://127.0.0.1/*'] });
    // The knowledge base the links lead to, without a network.
    await h.context.route('https://support.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Help</title><h1>Help article</h1>' }),
    );
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((done) => hook.server.close(done));
  });

  it('sets the webhook in the options page', async () => {
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#sharing');
    const webhook = options.page.getByRole('region', { name: 'Where flags and endorsements go' });
    await webhook.getByLabel('Webhook URL').fill(hookUrl);
    await webhook.getByLabel('Format').selectOption('generic');
    await webhook.getByRole('button', { name: 'Save', exact: true }).click();
    await webhook.getByText('Saved.').waitFor();
    await options.page.close();
  });

  it('finds an item from the keyboard alone and opens it', async () => {
    const popup = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await popup.open('popup.html');
    await expect.poll(() => popup.page.evaluate(() => document.activeElement?.id)).toBe('sp-query');
    await popup.page.keyboard.type('xlookup');
    const results = popup.page.getByRole('region', { name: /Results/ });
    await results.getByRole('link').first().waitFor();
    const title = await results.getByRole('link').first().textContent();
    expect(title).toMatch(/XLOOKUP/);
    await popup.page.keyboard.press('ArrowDown');
    expect(await popup.page.evaluate(() => document.activeElement?.textContent)).toBe(title);
    const opened = h.context.waitForEvent('page');
    await popup.page.keyboard.press('Enter');
    expect((await opened).url()).toMatch(/^https:\/\/support\.google\.com\//);
    await popup.page.close();
  });

  it('endorses and flags; every reaction reaches the webhook exactly once through failures', async () => {
    const popup = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await popup.open('popup.html');
    await popup.page.getByLabel('Search all knowledge').fill('schedule send');
    const results = popup.page.getByRole('region', { name: /Results/ });
    const first = (await results.getByRole('link').first().textContent()) ?? '';
    await results.getByRole('button', { name: `Endorse: ${first}` }).click();
    // Pressed, its name says what it shows (WCAG 2.5.3, label in name).
    const endorsed = results.getByRole('button', { name: `Endorsed: ${first}` });
    await expect.poll(() => endorsed.getAttribute('aria-pressed')).toBe('true');
    expect(await endorsed.textContent()).toBe('Endorsed');

    await results.getByRole('button', { name: `Flag: ${first}` }).click();
    await results.getByLabel('Outdated').check();
    await results
      .getByLabel('Comment (optional)')
      .fill('Step 2 moved, and the "Send" menu says "Schedule", see below, = not a formula');
    await results.getByRole('button', { name: 'Send flag' }).click();
    await results.getByText('Flagged by you').waitFor();

    await popup.page.getByRole('button', { name: /My activity/ }).click();
    const activity = popup.page.locator('#sp-activity-body');
    await activity.getByText(first).first().waitFor();
    // Each reaction was tried once right away and failed; send again until the server accepts.
    for (let round = 0; round < 6 && hook.accepted.length < 2; round++) {
      const sendNow = activity.getByRole('button', { name: 'Send now' });
      if (await sendNow.count()) await sendNow.click();
      await popup.page.waitForTimeout(300);
    }
    await expect.poll(() => activity.locator('[data-state="sent"]').count(), { timeout: 10_000 }).toBe(2);

    const keys = hook.accepted.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(2);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(hook.attempts.get(key)).toBe(3);
    const flag = hook.accepted.find((entry) => entry.body.type === 'signpost.flag')?.body;
    expect(flag).toMatchObject({ reason: 'outdated', item: { title: first } });
    expect(String(flag?.comment)).toContain('Step 2 moved');
    expect(JSON.stringify(hook.accepted)).not.toContain('chrome-extension://');

    // The export carries both, with the comment quoted and the formula neutralised.
    const download = popup.page.waitForEvent('download');
    await activity.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile((await (await download).path()) as string, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^createdAt,kind,reason,comment/);
    expect(csv).toContain(
      '"Step 2 moved, and the ""Send"" menu says ""Schedule"", see below, = not a formula"',
    );

    // Nothing is sent twice: another round finds nothing due.
    await popup.page.reload();
    await popup.page.waitForTimeout(500);
    expect(hook.accepted).toHaveLength(2);
    await popup.page.close();
  });

  it('records a search that finds nothing as a content gap, words only', async () => {
    const popup = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await popup.open('popup.html');
    await popup.page.getByLabel('Search all knowledge').fill('expense mileage reimbursement');
    await popup.page.getByText(/^Nothing found/).waitFor();
    await expect
      .poll(async () => (await readStore(h, 'gaps')) as { query: string; count: number }[], { timeout: 5000 })
      .toEqual([expect.objectContaining({ query: 'expense mileage reimbursement', count: 1 })]);
    await popup.page.close();
  });

  it('finds an article by a word only once the admin sets it on the options page', async () => {
    const popup = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await popup.open('popup.html');
    await popup.page.getByLabel('Search all knowledge').fill('fandango');
    await popup.page.getByText(/^Nothing found/).waitFor();
    await popup.page.close();

    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#sources');
    const words = options.page.getByRole('region', { name: "Your organisation's words" });
    const field = words.getByLabel('Terms, one per line');
    await field.fill('XLOOKUP Fandango');
    await words.getByRole('button', { name: 'Save words' }).click();
    await words.getByRole('alert').getByText('Line 1:').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('XLOOKUP: Fandango');
    await words.getByRole('button', { name: 'Save words' }).click();
    await words.getByText('Saved (1 terms).').waitFor();
    await options.page.close();

    const again = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await again.open('popup.html');
    await again.page.getByLabel('Search all knowledge').fill('fandango');
    const results = again.page.getByRole('region', { name: /Results/ });
    await results.getByRole('link').first().waitFor();
    expect(await results.getByRole('link').first().textContent()).toMatch(/XLOOKUP/);
    await again.page.close();
  });

  it('paints quickly with 10,000 items in the cache (measured), ten results first', async () => {
    await seedBulkItems(h.worker, 10_000);
    const page = await h.context.newPage();
    /** Opens the popup, searches, and says how long the paint and the search took. */
    const openAndSearch = async () => {
      const popup = new ExtensionPage(await h.context.newPage(), h.extensionId);
      // A page in a background tab is not painted, and has no paint timing.
      await popup.page.bringToFront();
      await popup.open('popup.html');
      await popup.page.getByRole('heading', { name: 'Signpost' }).waitFor();
      const paint = await firstPaint(popup.page);
      const searched = await timeInputTo(popup.page, 'Results (30)');
      await popup.page.getByLabel('Search all knowledge').fill('bulk approvals');
      await popup.page.getByRole('heading', { name: 'Results (30)' }).waitFor();
      const search = await searched();
      await popup.page.close();
      return { paint, search };
    };
    // The items were written past the sync, so the next worker indexes them all: what the first
    // search after a large catalog change costs.
    await stopServiceWorker(h, page);
    const afterChange = await openAndSearch();
    // Let that worker store its snapshot, as it does after every sync; then stop it, as the browser
    // does when it is idle: the popup's usual first open.
    await page.waitForTimeout(3000);
    await stopServiceWorker(h, page);
    await page.waitForTimeout(300);
    const paints: number[] = [];
    const searches: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { paint, search } = await openAndSearch();
      paints.push(paint);
      searches.push(search);
    }
    // Typing into a popup that has settled (open for a second, worker running): what a champion
    // feels search by search. Each search starts from an empty box, so that the results heading
    // appears only with its answer.
    const settled = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await settled.page.bringToFront();
    await settled.open('popup.html');
    await settled.page.waitForTimeout(1000);
    const box = settled.page.getByLabel('Search all knowledge');
    const typed: number[] = [];
    for (const query of ['bulk approvals', 'approvals', 'bulk', 'approval bulk', 'bulk approval']) {
      await box.fill('');
      await settled.page.getByRole('heading', { name: /^Results/ }).waitFor({ state: 'detached' });
      const answered = await timeInputTo(settled.page, 'Results (');
      await box.fill(query);
      typed.push(await answered());
    }
    await settled.page.close();
    const figures = {
      popupFirstPaintMs: paints,
      searchToResultMs: searches,
      settledSearchMs: typed,
      afterCatalogChange: { firstPaintMs: afterChange.paint, searchToResultMs: afterChange.search },
      items: 10_066,
    };
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await writeFile(join(ARTIFACTS_DIR, 'popup-timing.json'), JSON.stringify(figures, null, 2));
    console.log(
      `popup with 10,066 items, stopped worker then warm: first paint ${paints.map((p) => p.toFixed(0)).join(' / ')} ms; search ${searches.map((ms) => ms.toFixed(0)).join(' / ')} ms; typing in a settled popup ${typed.map((ms) => ms.toFixed(0)).join(' / ')} ms; right after the catalog changed: paint ${afterChange.paint.toFixed(0)} ms, search ${afterChange.search.toFixed(0)} ms`,
    );
    // Measured, not asserted against a target; but the measurement itself must have happened.
    expect(paints.filter(Number.isFinite).length).toBeGreaterThanOrEqual(2);
    expect(typed.every(Number.isFinite)).toBe(true);

    // Of the 30 results the first ten are painted; the rest come on request, from the keyboard too,
    // and the first of them takes the focus.
    const popup = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await popup.open('popup.html');
    await popup.page.getByLabel('Search all knowledge').fill('bulk approvals');
    const region = popup.page.getByRole('region', { name: 'Results (30)' });
    await region.waitFor();
    expect(await region.locator('.sp-title a').count()).toBe(10);
    const showAll = region.getByRole('button', { name: 'Show all 30 results' });
    await showAll.focus();
    await popup.page.keyboard.press('Enter');
    await expect.poll(() => region.locator('.sp-title a').count()).toBe(30);
    await expect
      .poll(() => popup.page.evaluate(() => document.activeElement?.closest('li')?.querySelector('h3')?.id))
      .toBe(await region.locator('.sp-title').nth(10).getAttribute('id'));
    await popup.page.close();
    await page.close();
  });
});
