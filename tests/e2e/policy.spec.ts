/**
 * An enterprise policy file in Chromium's managed-policy folder sets a catalog source served on
 * 127.0.0.1, a tool rule mapping 127.0.0.1 to Jira, an organisation's search term, and switches
 * the demo content off; then the policy changes while the browser is closed. Writing the folder
 * needs root (as on CI); elsewhere the test is skipped with a message.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_EXTENSION_ID, type Harness, launch } from './fixtures';
import { ExtensionPage, NudgeUi } from './pages';
import { CORP_CATALOG, policyDirWritable } from './policy-fixtures';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'signpost-e2e.json');

const canWrite = policyDirWritable(POLICY_DIR, 'policy E2E');

/** The keys the options page's policy view lists, in its order. */
async function policyKeysShown(options: ExtensionPage): Promise<(string | null)[]> {
  await options.open('options.html#config');
  const view = options.page.getByTestId('policy-view');
  await view.locator('[data-policy-key="sources"]').waitFor();
  return view
    .locator('[data-policy-key]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-policy-key')));
}

describe.skipIf(!canWrite)('enterprise policy', () => {
  let h: Harness;
  /** Signpost's part of the policy file. */
  let ours: Record<string, unknown> = {};
  const writePolicy = () =>
    writeFileSync(
      POLICY_FILE,
      JSON.stringify({ '3rdparty': { extensions: { [EXPECTED_EXTENSION_ID]: ours } } }),
    );
  const server = createServer((request, response) => {
    if (request.url === '/catalog.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(CORP_CATALOG));
    } else {
      response.writeHead(404).end();
    }
  });

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    ours = {
      demoContent: false,
      sources: [
        {
          id: 'corp-kb',
          type: 'catalog',
          url: `http://127.0.0.1:${port}/catalog.json`,
          name: 'Corp KB',
          tools: ['jira'],
        },
        { id: 'Bad Id', type: 'catalog', url: 'http://127.0.0.1/x.json' },
      ],
      toolRules: [{ tool: 'jira', matches: ['http://127.0.0.1/*'] }],
      // Jira's own default is the right edge; the organisation wants it left, higher up.
      badgePosition: { jira: { side: 'left', bottom: 120 } },
      // One valid term and one the policy parser leaves out with its reason.
      searchTerms: { terms: { hygiene: ['Fandango'], '??': ['x'] } },
    };
    writePolicy();
    h = await launch({ grantHosts: ['http://127.0.0.1/*'] });
  });

  afterAll(async () => {
    if (existsSync(POLICY_FILE)) rmSync(POLICY_FILE);
    await h?.close();
    await new Promise((done) => server.close(done));
  });

  it("lists the policy source, syncs it, shows the policy with its invalid entries, finds its article by the policy's word, and the nudge shows its items instead of the demo", async () => {
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    const corp = options.page.locator('[data-source-id="corp-kb"]');
    await expect
      .poll(
        async () => {
          await options.open('options.html');
          await options.page.locator('[data-source-id="builtin-demo"]').waitFor();
          return (await corp.count()) ? await corp.textContent() : '';
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toMatch(/Corp KB.*Set by your organisation.*2 items/);
    // The policy view shows what is enforced, and the entry that was left out with its reason.
    expect(await policyKeysShown(options)).toEqual([
      'sources',
      'toolRules',
      'demoContent',
      'searchTerms',
      'badgePosition',
    ]);
    const problems = await options.page
      .getByTestId('policy-view')
      .getByTestId('policy-problems')
      .textContent();
    expect(problems).toContain('sources[1]: "id" must be a lowercase id such as "it-news"');
    expect(problems).toContain('searchTerms: terms."??": needs at least one letter or digit');
    // The policy's words are listed, not editable; the admin's own list (empty here) still is,
    // since the policy is not locked and the background adds the own words to the policy's.
    await options.open('options.html#sources');
    const words = options.page.getByRole('region', { name: "Your organisation's words" });
    const listed = words.getByRole('list', { name: /organisation's policy/ });
    await expect.poll(() => listed.getByRole('listitem').allTextContents()).toEqual(['hygiene: Fandango']);
    const field = words.getByLabel('Your own terms, one per line');
    expect(await field.inputValue()).toBe('');
    expect(await field.getAttribute('readonly')).toBeNull();
    expect(await words.getByRole('button', { name: 'Save words' }).count()).toBe(1);
    await options.page.close();

    // The popup's search finds the policy source's article by the policy's word.
    const popup = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await popup.open('popup.html');
    await popup.page.getByLabel('Search all knowledge').fill('fandango');
    const results = popup.page.getByRole('region', { name: /Results/ });
    await results.getByRole('link').first().waitFor();
    expect(await results.getByRole('link').allTextContents()).toEqual([
      'Corp: board hygiene before sprint planning',
    ]);
    await popup.page.close();

    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${h.localUrl}/jira-board.html`);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    // The badge sits where the policy puts it for Jira.
    const badge = await nudge.badge.boundingBox();
    expect(badge?.x).toBeLessThan(40);
    expect(800 - ((badge?.y ?? 0) + (badge?.height ?? 0))).toBe(120);
    await nudge.open();
    const titles = await nudge.itemLinks.allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/^Corp: /);
    await page.close();
  });

  it('takes a policy changed while the browser was closed, although the worker starts from the last one it saw', async () => {
    // The badge moves to the right edge, and the organisation's words are gone.
    const { searchTerms: _gone, ...rest } = ours;
    ours = { ...rest, badgePosition: { jira: { side: 'right', bottom: 200 } } };
    writePolicy();
    await h.restart();
    // An unpacked extension loads afresh with the browser and registers the rule hosts' content
    // script again as it starts: the page comes once that is done, as it would after a real restart.
    await expect
      .poll(
        () =>
          h.worker.evaluate(async () => {
            const { scripting } = (
              globalThis as unknown as {
                chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
              }
            ).chrome;
            return (await scripting.getRegisteredContentScripts()).map((script) => script.id);
          }),
        { timeout: 15_000 },
      )
      .toContain('signpost-rules');
    const page = await h.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${h.localUrl}/jira-board.html`);
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await expect
      .poll(
        async () => {
          const box = await nudge.badge.boundingBox();
          return box ? { right: box.x + box.width > 1200, bottom: 800 - (box.y + box.height) } : null;
        },
        { timeout: 15_000 },
      )
      .toEqual({ right: true, bottom: 200 });
    await page.close();

    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    expect(await policyKeysShown(options)).toEqual(['sources', 'toolRules', 'demoContent', 'badgePosition']);
    await options.page.close();
  });
});
