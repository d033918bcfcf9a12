/**
 * The admin's other tabs, in the real extension: switching a built-in tool off silences the nudge
 * there, the attention budget is validated before anything is saved, a malformed configuration
 * file says where it is wrong and changes nothing, a good one applies, and the daily report's
 * preview shows exactly what would be sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETECTORS } from '../../utils/tools';
import { type Harness, launch, routePage } from './fixtures';
import { ExtensionPage, NudgeUi } from './pages';

const JIRA_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';

describe('the admin’s settings', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await routePage(h.context, 'https://acme.atlassian.net/**', 'jira-board.html');
  });
  afterAll(async () => h?.close());

  it('switches Jira off and on: the nudge leaves and comes back', async () => {
    const jira = await h.context.newPage();
    await jira.goto(JIRA_BOARD);
    const nudge = new NudgeUi(jira);
    await nudge.badge.waitFor({ timeout: 15_000 });

    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#tools');
    const toggle = options.page.getByRole('checkbox', { name: 'Jira', exact: true });
    await toggle.uncheck();
    const tools = DETECTORS.length;
    await options.page.getByText(`On for ${tools - 1} of ${tools} tools`).waitFor();
    // The open page hears of the change and takes its badge away.
    await expect.poll(() => nudge.host.count(), { timeout: 10_000 }).toBe(0);
    await toggle.check();
    await jira.reload();
    await nudge.badge.waitFor({ timeout: 15_000 });
    await jira.close();
    await options.page.close();
  });

  it('validates the attention budget on every field and saves nothing half-way', async () => {
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#nudges');
    const perDay = options.page.getByLabel('Announcements per day at most');
    await perDay.fill('50');
    await options.page.getByLabel("Audiences of this browser's user").fill('sales, emea');
    await options.page.getByRole('button', { name: 'Save' }).click();
    await options.page.getByText('Enter a whole number from 0 to 20.').waitFor();
    expect(await perDay.getAttribute('aria-invalid')).toBe('true');
    await options.page.reload();
    expect(await options.page.getByLabel("Audiences of this browser's user").inputValue()).toBe('');

    await options.page.getByLabel('Announcements per day at most').fill('1');
    await options.page.getByLabel('Quiet hours: no announcements between').check();
    await options.page.getByLabel('From').fill('17:30');
    await options.page.getByRole('button', { name: 'Save' }).click();
    await options.page.getByText('Saved.').waitFor();
    await options.page.reload();
    expect(await options.page.getByLabel('Announcements per day at most').inputValue()).toBe('1');
    expect(await options.page.getByLabel('From').inputValue()).toBe('17:30');
    await options.page.close();
  });

  it('imports a configuration only when all of it is right, and exports it back', async () => {
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#config');
    const text = options.page.getByLabel('Or paste its JSON');
    await text.fill('{\n  "maxItems": 2,\n  "demoContent" false\n}');
    await options.page.getByRole('button', { name: 'Check' }).click();
    const problems = options.page.getByTestId('config-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/nothing was changed.*not valid JSON.*line 3/s);

    await text.fill(JSON.stringify({ maxItems: 2, disabledTools: ['zoom'], nudges: { maxPerDay: 99 } }));
    await options.page.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => problems.textContent())
      .toMatch(/nudges.maxPerDay must be a whole number from 0 to 20/);

    await text.fill(JSON.stringify({ maxItems: 2, disabledTools: ['zoom'] }));
    await options.page.getByRole('button', { name: 'Check' }).click();
    await options.page
      .getByTestId('config-summary')
      .getByText(/replaces these settings: disabledTools, maxItems/)
      .waitFor();
    await options.page.getByRole('button', { name: 'Import', exact: true }).click();
    await options.page.getByText('Imported: disabledTools, maxItems.').waitFor();

    // Settings live in the background's vault: read them as the options page does, by message.
    const exported = await options.page.evaluate(async () => {
      const { runtime } = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome;
      const reply = (await runtime.sendMessage({ type: 'getSettings', payload: {} })) as {
        ok: boolean;
        value: { own: { maxItems: number; disabledTools: string[] } };
      };
      return reply.value.own;
    });
    expect(exported.maxItems).toBe(2);
    expect(exported.disabledTools).toEqual(['zoom']);

    const download = options.page.waitForEvent('download');
    await options.page.getByRole('button', { name: 'Download as Chrome policy file' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('signpost-policy.json');
    await options.page.close();
  });

  it('reads the reports an endpoint collected: how many people saw and opened the tips', async () => {
    const day = (offset: number) => {
      const d = new Date(Date.now() - offset * 24 * 3600_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const report = (key: string, offset: number, tip: number, open: number) => ({
      type: 'signpost.report',
      schemaVersion: 1,
      idempotencyKey: key,
      day: day(offset),
      extensionVersion: '0.1.0',
      totals: { impression: tip, open },
      rows: [{ tool: 'jira', itemId: 'builtin-demo:kb-tip', kind: 'tip', counts: { impression: tip, open } }],
      flags: {},
      endorsements: 0,
    });
    // One report a line, as an endpoint appends them; the retried one counts once.
    const lines = [report('a', 1, 3, 1), report('b', 1, 2, 0), report('b', 1, 2, 0), report('c', 2, 1, 1)]
      .map((entry) => JSON.stringify(entry))
      .join('\n');
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#dashboard');
    await options.page.getByRole('radio', { name: /Daily reports your endpoint collected/ }).check();
    await options.page
      .getByLabel(/^Reports file/)
      .setInputFiles({ name: 'reports.ndjson', mimeType: 'application/json', buffer: Buffer.from(lines) });
    const reports = options.page.locator('[data-card="people-reports"] dd');
    await reports.waitFor();
    expect(await reports.textContent()).toBe('3');
    expect(await options.page.locator('[data-card="people-saw-tip"] dd').textContent()).toMatch(
      /^2 on the busiest day · 3 person-days$/,
    );
    expect(await options.page.locator('[data-card="impressions"] dd [data-value]').textContent()).toBe('6');
    await options.page.close();
  });

  it('shows exactly what the daily report would send, with no addresses in it', async () => {
    const jira = await h.context.newPage();
    await jira.goto(JIRA_BOARD);
    await new NudgeUi(jira).badge.waitFor({ timeout: 15_000 });
    await jira.close();
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#sharing');
    const preview = options.page.getByTestId('report-preview');
    await preview.waitFor();
    const report = JSON.parse(await preview.inputValue());
    expect(report).toMatchObject({ type: 'signpost.report', totals: { impression: expect.any(Number) } });
    expect(report.rows.some((row: { tool: string }) => row.tool === 'jira')).toBe(true);
    expect(JSON.stringify(report)).not.toMatch(/https?:|atlassian/);
    await options.page.close();
  });
});
