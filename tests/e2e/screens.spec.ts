/**
 * The popup as people see it, in light and dark, English and German: a screenshot of each screen
 * (search results, a search with no result and its request, the flag sheet, My activity) saved
 * under tests/e2e/artifacts/screens/, axe-core clean on each, and the layout facts the issue
 * measured: the label above the search field, filters clear of its focus ring, compact cards with
 * the matched words marked, a tool filter of tools that have content, delivery states that move on
 * their own, and Undo for an endorsement.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { ARTIFACTS_DIR, type Harness, launch, ROOT } from './fixtures';
import { ExtensionPage } from './pages';

const SHOTS = join(ARTIFACTS_DIR, 'screens');

/** A webhook that takes a moment to answer, so that a reaction is seen on its way and then sent. */
function slowWebhook() {
  const received: Record<string, unknown>[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      setTimeout(() => {
        received.push(JSON.parse(body));
        response.writeHead(200).end('ok');
      }, 1200);
    });
  });
  return { server, received };
}

/** The tools the demo catalog has content for. */
async function demoTools(): Promise<string[]> {
  const demo = JSON.parse(await readFile(join(ROOT, 'public/catalog/demo.json'), 'utf8')) as {
    items: { tools?: string[] }[];
  };
  return [...new Set(demo.items.flatMap((item) => item.tools ?? []))];
}

async function expectAxeClean(page: Page): Promise<void> {
  expect((await seriousViolations(page)).join('\n')).toBe('');
}

const WORDS = {
  en: {
    search: 'Search all knowledge',
    results: /^Results/,
    activity: /^My activity/,
    request: 'Request this content',
    sendRequest: 'Send request',
    sent: 'Sent',
    undo: /^Undo: endorsement of/,
    withdrawn: /^Endorsement withdrawn/,
  },
  de: {
    search: 'Gesamtes Wissen durchsuchen',
    results: /^Treffer/,
    activity: /^Meine Aktivität/,
    request: 'Diesen Inhalt anfragen',
    sendRequest: 'Anfrage senden',
    sent: 'Gesendet',
    undo: /^Rückgängig: Empfehlung von/,
    withdrawn: /^Empfehlung (hier )?zurückgenommen/,
  },
} as const;

describe.each(['en', 'de'] as const)('the popup in %s', (locale) => {
  let h: Harness;
  const hook = slowWebhook();
  const words = WORDS[locale];

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    await new Promise<void>((done) => hook.server.listen(0, '127.0.0.1', done));
    h = await launch({ grantHosts: ['http://127.0.0.1/*'], lang: locale });
    const url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/hook`;
    const setup = await h.context.newPage();
    await new ExtensionPage(setup, h.extensionId).open('popup.html');
    await setup.evaluate(
      (hookUrl) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage({ type: 'saveWebhook', payload: { url: hookUrl, format: 'generic' } }),
      url,
    );
    await setup.close();
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((done) => hook.server.close(done));
  });

  /** The popup at its real size, in a colour scheme. */
  async function openPopup(scheme: 'light' | 'dark'): Promise<Page> {
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.emulateMedia({ colorScheme: scheme });
    await new ExtensionPage(page, h.extensionId).open('popup.html');
    await page.getByLabel(words.search).waitFor();
    return page;
  }

  const shot = (page: Page, name: string, scheme: string) =>
    page.screenshot({ path: join(SHOTS, `popup-${name}-${scheme}-${locale}.png`) });

  it('speaks the browser language', async () => {
    const page = await openPopup('light');
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${locale}`));
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'search results (%s): a clean header, compact cards, matched words marked',
    async (scheme) => {
      const page = await openPopup(scheme);
      const field = page.getByLabel(words.search);
      await field.fill('review');
      const results = page.getByRole('region', { name: words.results });
      await results.getByRole('link').first().waitFor();

      // The label sits above the field, and the filters below the field's focus ring (2 px + 2 px).
      const label = await page.locator('label[for="sp-query"]').boundingBox();
      const input = await field.boundingBox();
      const filters = await page.locator('.sp-filters').boundingBox();
      if (!label || !input || !filters) throw new Error('search header not laid out');
      expect(label.y + label.height).toBeLessThanOrEqual(input.y);
      expect(input.y + input.height + 2).toBeLessThanOrEqual(filters.y);
      // The placeholder fits the field.
      const placeholderFits = await page.evaluate(() => {
        const box = document.getElementById('sp-query') as HTMLInputElement;
        const probe = document.createElement('span');
        probe.textContent = box.placeholder;
        probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${getComputedStyle(box).font}`;
        document.body.append(probe);
        const style = getComputedStyle(box);
        const room =
          box.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
        const fits = probe.getBoundingClientRect().width <= room;
        probe.remove();
        return fits;
      });
      expect(placeholderFits).toBe(true);

      // Compact: each card a few lines, its snippet two lines until expanded; chips name tool and source.
      const cards = results.locator('.sp-result');
      expect(await cards.count()).toBeGreaterThan(2);
      for (const box of await Promise.all([0, 1, 2].map((i) => cards.nth(i).boundingBox()))) {
        expect(box?.height ?? 1000).toBeLessThan(220);
        // Nothing sticks out of the popup's 400 px.
        expect((box?.x ?? 0) + (box?.width ?? 1000)).toBeLessThanOrEqual(400);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      const first = cards.first();
      expect(await first.locator('.sp-chip').allTextContents()).toEqual(
        expect.arrayContaining(['GitHub', expect.stringMatching(/Signpost/)]),
      );
      expect(await results.locator('mark').count()).toBeGreaterThan(0);
      expect((await results.locator('mark').first().textContent())?.toLowerCase()).toMatch(/^review/);
      const bodyText = await page.evaluate(() => getComputedStyle(document.body).fontSize);
      expect(Number.parseFloat(bodyText)).toBeGreaterThanOrEqual(13);
      await shot(page, 'results', scheme);

      // The snippet expands in place.
      const toggle = first.locator('.sp-more-toggle');
      if (await toggle.count()) {
        const before = (await first.boundingBox())?.height ?? 0;
        await toggle.click();
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        expect((await first.boundingBox())?.height ?? 0).toBeGreaterThan(before);
      }
      await expectAxeClean(page);
      await page.close();
    },
  );

  it('the tool filter lists only the tools that have content', async () => {
    const page = await openPopup('light');
    const select = page.locator('.sp-filters select').first();
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    const values = (
      await select
        .locator('option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))
    ).filter(Boolean);
    expect(values.sort()).toEqual((await demoTools()).sort());
    await page.close();
  });

  it.each(['light', 'dark'] as const)('a search with no result offers to request it (%s)', async (scheme) => {
    const page = await openPopup(scheme);
    await page.getByLabel(words.search).fill('expense mileage reimbursement');
    const request = page.getByRole('button', { name: words.request });
    await request.waitFor();
    await shot(page, 'empty', scheme);
    await expectAxeClean(page);
    await request.click();
    const sheet = page.locator('#sp-request');
    const title = sheet.getByRole('textbox').first();
    expect(await title.inputValue()).toBe('expense mileage reimbursement');
    await shot(page, 'request-sheet', scheme);
    await expectAxeClean(page);
    if (scheme === 'light') {
      const before = hook.received.length;
      await sheet.getByRole('button', { name: words.sendRequest }).click();
      await page.getByRole('status').filter({ hasText: 'expense mileage reimbursement' }).waitFor();
      await expect.poll(() => hook.received.length, { timeout: 10_000 }).toBe(before + 1);
      expect(hook.received.at(-1)).toMatchObject({
        type: 'signpost.flag',
        reason: 'missing',
        missingTitle: 'expense mileage reimbursement',
      });
    }
    await page.close();
  });

  it.each(['light', 'dark'] as const)(
    'the flag form is a full-width sheet of radio rows (%s)',
    async (scheme) => {
      const page = await openPopup(scheme);
      await page.getByLabel(words.search).fill('review');
      const results = page.getByRole('region', { name: words.results });
      const card = results.locator('.sp-result').first();
      await card.waitFor();
      await card.locator('.sp-reactions button[aria-expanded]').click();
      const sheet = card.locator('.sp-flag-sheet');
      await sheet.waitFor();
      const cardBox = await card.boundingBox();
      const sheetBox = await sheet.boundingBox();
      if (!cardBox || !sheetBox) throw new Error('sheet not laid out');
      // Full width of the card (less its padding), not squeezed into the button row.
      expect(sheetBox.width).toBeGreaterThan(cardBox.width - 40);
      // Each radio sits on the left of its label, on the same line.
      const rows = sheet.locator('label.sp-radio');
      expect(await rows.count()).toBe(6);
      for (let i = 0; i < 6; i++) {
        const radio = await rows.nth(i).locator('input').boundingBox();
        const text = await rows.nth(i).locator('span').boundingBox();
        if (!radio || !text) throw new Error('radio row not laid out');
        expect(radio.x + radio.width).toBeLessThanOrEqual(text.x);
        expect(Math.abs(radio.y + radio.height / 2 - (text.y + Math.min(text.height, 20) / 2))).toBeLessThan(
          8,
        );
      }
      await sheet.scrollIntoViewIfNeeded();
      await shot(page, 'flag-sheet', scheme);
      await expectAxeClean(page);
      // Escape closes it and gives the focus back to Flag.
      await page.keyboard.press('Escape');
      await expect.poll(() => sheet.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
      await page.close();
    },
  );

  it.each(['light', 'dark'] as const)(
    'My activity shows delivery states live, and Undo takes an endorsement back (%s)',
    async (scheme) => {
      const page = await openPopup(scheme);
      await page.getByLabel(words.search).fill('pull request');
      const results = page.getByRole('region', { name: words.results });
      const card = results.locator('.sp-result').nth(scheme === 'light' ? 0 : 1);
      await card.waitFor();
      await card.locator('.sp-reactions button[aria-pressed]').click();
      await page.getByRole('button', { name: words.activity }).click();
      const activity = page.locator('#sp-activity-body');
      // Sent by itself: the popup asks again while the webhook takes its time.
      await activity.locator('[data-state="queued"], [data-state="sending"]').first().waitFor();
      await activity.locator('[data-state="sent"]').first().waitFor({ timeout: 10_000 });
      await expect
        .poll(() => activity.locator('[data-state="queued"], [data-state="sending"]').count(), {
          timeout: 10_000,
        })
        .toBe(0);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await shot(page, 'activity', scheme);
      await expectAxeClean(page);

      const entries = await activity.locator('[data-activity-key]').count();
      await card.getByRole('button', { name: words.undo }).click();
      await card.getByRole('status').filter({ hasText: words.withdrawn }).waitFor();
      await expect.poll(() => activity.locator('[data-activity-key]').count()).toBe(entries - 1);
      expect(await card.locator('.sp-reactions button[aria-pressed]').getAttribute('aria-pressed')).toBe(
        'false',
      );
      await page.close();
    },
  );
});
