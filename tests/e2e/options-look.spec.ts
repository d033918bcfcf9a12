import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { ARTIFACTS_DIR, type Harness, launch } from './fixtures';
import { ExtensionPage } from './pages';

/** Holds the service worker's thread for `ms` (resolves when it lets go). */
function holdWorker(h: Harness, ms: number): Promise<void> {
  return h.worker.evaluate((wait) => {
    const end = Date.now() + wait;
    while (Date.now() < end) {
      // Busy: every message to the worker waits until this returns.
    }
  }, ms);
}

/**
 * A week of figures and the week before (this week more impressions), and one "something is
 * missing" flag, written as the background stores them.
 */
async function seedDashboard(h: Harness): Promise<void> {
  await h.worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('signpost');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['daily', 'meta', 'outbox'], 'readwrite');
          tx.objectStore('meta').delete('packedThrough');
          const pad = (n: number) => String(n).padStart(2, '0');
          const dayOf = (at: number) => {
            const d = new Date(at);
            return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
          };
          const now = Date.now();
          const item = 'builtin-demo:seeded';
          const daily = tx.objectStore('daily');
          daily.put({
            day: dayOf(now),
            tool: 'jira',
            itemId: item,
            kind: 'article',
            counts: { impression: 30, open: 6, helpful: 3 },
          });
          daily.put({
            day: dayOf(now - 8 * 24 * 3600_000),
            tool: 'jira',
            itemId: item,
            kind: 'article',
            counts: { impression: 20, open: 2, helpful: 1 },
          });
          tx.objectStore('outbox').put({
            key: 'seeded-missing',
            itemId: item,
            title: 'Seeded article',
            url: 'https://kb.example.com/seeded',
            sourceId: 'builtin-demo',
            reaction: { kind: 'flag', reason: 'missing', missingTitle: 'Expense policy for contractors' },
            createdAt: now - 3600_000,
            state: 'local',
            attempts: 0,
            nextAttemptAt: now,
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Screenshots and axe for the sources tab and the dashboard, in both colour schemes. */
async function shootAll(h: Harness, lang: 'en' | 'de'): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    for (const tab of ['sources', 'dashboard'] as const) {
      const page = await h.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1100, height: 900 });
      await new ExtensionPage(page, h.extensionId).open(`options.html#${tab}`);
      await page
        .locator(tab === 'sources' ? '[data-source-id="builtin-demo"]' : '[data-card="impressions"]')
        .waitFor({ timeout: 15_000 });
      await page.screenshot({
        path: join(ARTIFACTS_DIR, `options-look-${tab}-${lang}-${scheme}.png`),
        fullPage: true,
      });
      expect(await seriousViolations(page), `${tab} ${lang} ${scheme}`).toEqual([]);
      await page.close();
    }
  }
}

describe('options page: input, validation, status, dashboard (English)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch({ grantHosts: ['http://127.0.0.1/*', 'https://hooks.example.com/*'] });
    const warmup = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await warmup.open('options.html#sharing');
    // A webhook is stored first: the late answer below brings it.
    const webhook = warmup.page.getByRole('region', { name: 'Where flags and endorsements go' });
    await webhook.getByLabel('Webhook URL').fill('https://hooks.example.com/stored');
    await webhook.getByLabel('Format').selectOption('slack');
    await webhook.getByRole('button', { name: 'Save', exact: true }).click();
    await webhook.getByText('Saved.').waitFor();
    await warmup.page.close();
  });
  afterAll(async () => h?.close());

  it('keeps what the admin typed while the worker has not answered, and fills only the untouched fields', async () => {
    const sharing = new ExtensionPage(await h.context.newPage(), h.extensionId);
    const sources = new ExtensionPage(await h.context.newPage(), h.extensionId);
    const held = holdWorker(h, 7000);
    // The loop must be running before the page sends its first request.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await sharing.open('options.html#sharing');
    const webhook = sharing.page.getByRole('region', { name: 'Where flags and endorsements go' });
    // Loading: said, and marked busy; the fields can be typed into, Save waits for the stored value.
    await webhook.getByText('Loading the saved settings…').waitFor();
    expect(await webhook.getAttribute('aria-busy')).toBe('true');
    expect(await webhook.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await webhook.getByLabel('Webhook URL').fill('https://hooks.example.com/typed');

    // The sources list shows placeholders meanwhile.
    await sources.open('options.html#sources');
    await sources.page.getByTestId('sources-loading').waitFor();
    expect(await sources.page.getByTestId('sources-loading').getAttribute('aria-busy')).toBe('true');
    // Still held: nothing has answered yet.
    expect(await webhook.getAttribute('aria-busy')).toBe('true');

    await held;
    await expect.poll(() => webhook.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
    // The late stored value did not overwrite the typed address; the untouched format took it.
    expect(await webhook.getByLabel('Webhook URL').inputValue()).toBe('https://hooks.example.com/typed');
    expect(await webhook.getByLabel('Format').inputValue()).toBe('slack');
    await sources.page.locator('[data-source-id="builtin-demo"]').waitFor({ timeout: 10_000 });
    expect(await sources.page.getByTestId('sources-loading').count()).toBe(0);
    await sharing.page.close();
    await sources.page.close();
  });

  it('says what is wrong beside each field, all at once, in plain words, without native bubbles', async () => {
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#tools');
    const form = options.page.locator('form', { hasText: 'Add a rule' });
    expect(await form.getAttribute('novalidate')).not.toBeNull();
    await form.getByLabel('Tool id').fill('githib');
    await form.getByLabel('Match patterns, one per line').fill('jira');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const tool = form.getByLabel('Tool id');
    const patterns = form.getByLabel('Match patterns, one per line');
    // Both at once, each next to (and described by) its field.
    await expect.poll(() => tool.getAttribute('aria-invalid')).toBe('true');
    expect(await patterns.getAttribute('aria-invalid')).toBe('true');
    expect(await options.page.locator('#sp-rule-tool-error').textContent()).toMatch(
      /“githib” looks like GitHub/,
    );
    expect(await tool.getAttribute('aria-describedby')).toContain('sp-rule-tool-error');
    expect(await options.page.locator('#sp-rule-patterns-error').textContent()).toBe(
      '“jira” is not an address pattern Signpost can use. Write it like https://jira.example.com/*',
    );
    expect(await patterns.getAttribute('aria-describedby')).toContain('sp-rule-patterns-error');
    const text = (await options.page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/Invalid match pattern|Incorrect format|saveToolRules:/);

    // The webhook field says it beside itself too.
    await options.page.getByRole('tab', { name: 'Flags and reports' }).click();
    const webhook = options.page.getByRole('region', { name: 'Where flags and endorsements go' });
    await webhook.getByRole('button', { name: 'Save', exact: true }).waitFor();
    await expect.poll(() => webhook.getAttribute('aria-busy')).toBe('false');
    await webhook.getByLabel('Webhook URL').fill('hooks dot example');
    await webhook.getByRole('button', { name: 'Save', exact: true }).click();
    const url = webhook.getByLabel('Webhook URL');
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');
    expect(await options.page.locator('#sp-webhook-url-error').textContent()).toMatch(
      /starts with https:\/\//,
    );
    await options.page.close();
  });

  it('offers known tools only, and asks before saving a source whose test failed', async () => {
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#sources');
    await options.page.locator('[data-source-id="builtin-demo"]').waitFor();
    const demoChip = options.page.locator('[data-source-id="builtin-demo"] [data-testid="source-chip"]');
    expect(await demoChip.getAttribute('data-state')).toBe('synced');

    const form = options.page.locator('form', { hasText: 'Add a source' });
    const tools = form.getByLabel('Show its items in these tools (optional)');
    await tools.fill('githib');
    await tools.press('Enter');
    await form.getByText('“githib” is not a tool Signpost knows. Did you mean GitHub?').waitFor();
    expect(await tools.getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Use GitHub' }).click();
    await form.locator('.sp-chip[data-tool="github"]').waitFor();
    expect(await tools.inputValue()).toBe('');

    await form.getByLabel(/^Address/).fill(`${h.localUrl}/no-such-feed.xml`);
    await form.getByLabel('Name (optional)').fill('Broken feed');
    await form.getByRole('button', { name: 'Test' }).click();
    const address = form.getByLabel(/^Address/);
    await expect.poll(() => address.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    const said = (await options.page.locator('#sp-add-url-error').textContent()) ?? '';
    expect(said).toBe('The test failed: Nothing was found at this address. Check the address.');
    expect(said).not.toMatch(/detectSource|previewSource|answered 404/);

    await form.getByRole('button', { name: 'Save and sync' }).click();
    const confirm = form.getByTestId('save-anyway');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/The test of this address failed .*Save the source anyway\?/);
    // The confirmation takes the focus; nothing was saved yet.
    expect(await options.page.evaluate(() => document.activeElement?.textContent)).toBe('Save anyway');
    expect(await options.page.locator('[data-source-id="broken-feed"]').count()).toBe(0);
    await confirm.getByRole('button', { name: 'Save anyway' }).click();

    const source = options.page.locator('[data-source-id="broken-feed"]');
    await source.waitFor({ timeout: 15_000 });
    const chip = source.getByTestId('source-chip');
    await expect.poll(() => chip.getAttribute('data-state'), { timeout: 15_000 }).toBe('failing');
    expect(await chip.textContent()).toMatch(/Failing since/);
    expect(await source.locator('[data-fact="last-attempt"]').textContent()).not.toMatch(/Not synced yet/);
    expect(await source.locator('[data-fact="last-success"]').textContent()).toBe('Not synced yet');
    expect(await source.getByTestId('source-error').textContent()).toMatch(
      /Nothing was found at this address/,
    );
    expect(await source.locator('.sp-chip[data-tool]').count()).toBe(0);
    expect(await source.textContent()).toMatch(/GitHub/);

    // Switched off, the chip says so.
    await source.getByRole('checkbox', { name: 'Show items from Broken feed' }).uncheck();
    await expect.poll(() => chip.getAttribute('data-state')).toBe('off');
    await options.page.close();
  });

  it('compares the dashboard’s figures with the period before and lists the titles asked for', async () => {
    await seedDashboard(h);
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#dashboard');
    const impressions = options.page.locator('[data-card="impressions"] .sp-dash-delta');
    await impressions.waitFor({ timeout: 15_000 });
    expect(await impressions.getAttribute('data-delta')).toBe('up');
    expect(await impressions.textContent()).toMatch(/up 50% from 20/);
    expect(await options.page.getByTestId('missing-titles').textContent()).toContain(
      'Expense policy for contractors',
    );
    await options.page.close();
  });

  it('looks right in light and dark (screenshots) and axe finds nothing serious', async () => {
    await shootAll(h, 'en');
  });
});

describe('options page in German', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch({ lang: 'de' });
  });
  afterAll(async () => h?.close());

  it('is German throughout, in light and dark (screenshots), and axe finds nothing serious', async () => {
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#sources');
    await options.page.getByRole('tab', { name: 'Quellen' }).waitFor();
    await options.page.locator('[data-source-id="builtin-demo"]').waitFor({ timeout: 15_000 });
    expect(await options.page.getByTestId('source-chip').first().textContent()).toMatch(/Synchronisiert/);
    await options.page.close();
    await seedDashboard(h);
    await shootAll(h, 'de');
  });
});
