/**
 * The options page set up for ClickHouse: Debian's clickhouse-server started on 127.0.0.1 by the
 * spec (tests/integration/clickhouse-server.ts) with six browsers' reports in it; the admin enters
 * the read-only user on *Flags and reports*, the dashboard reads organisation-wide figures from
 * ClickHouse, and the adoption report renders from them. A screenshot and a printed PDF are kept
 * as artifacts. Skipped when clickhouse-server is not installed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToRows, rowsBody } from '../../utils/measurement/clickhouse/rows';
import type { ReportPayload } from '../../utils/measurement/report';
import {
  type Clickhouse,
  missingClickhouse,
  READER,
  startClickhouse,
} from '../integration/clickhouse-server';
import { ARTIFACTS_DIR, type Harness, launch } from './fixtures';
import { ExtensionPage } from './pages';

const day = (offset: number) => {
  const d = new Date(Date.now() - offset * 24 * 3600_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** One browser's report of yesterday: a tip seen, sometimes opened, in the pilot group or not. */
const report = (key: string, opened: number, groups: string[]): ReportPayload => ({
  type: 'signpost.report',
  schemaVersion: 1,
  idempotencyKey: key,
  day: day(1),
  extensionVersion: '0.3.0',
  totals: { impression: 4, open: opened },
  rows: [
    { tool: 'jira', itemId: 'builtin-demo:kb-tip', kind: 'tip', counts: { impression: 4, open: opened } },
  ],
  flags: { outdated: 1 },
  endorsements: 0,
  groups,
});

describe.skipIf(Boolean(missingClickhouse))('the dashboard from ClickHouse', () => {
  let server: Clickhouse;
  let h: Harness;
  beforeAll(async () => {
    server = await startClickhouse();
    const reports = [
      ...Array.from({ length: 5 }, (_, i) => report(`pilot-${i}`, 2, ['pilot-sales'])),
      report('other', 0, []),
    ];
    await server.admin(
      `INSERT INTO signpost.report_rows FORMAT JSONEachRow\n${reports.map((entry) => rowsBody(reportToRows(entry))).join('')}`,
    );
    h = await launch({ grantHosts: ['http://127.0.0.1/*'] });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await server?.stop();
  });

  it('shows organisation-wide figures and a pilot group, and the adoption report renders from them', async () => {
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#sharing');
    const page = options.page;
    const form = page.getByTestId('clickhouse-dashboard');
    await form.getByLabel('Address of the HTTP interface').fill(server.url);
    await form.getByLabel('User').fill(READER.user);
    await form.getByLabel('Password').fill(READER.password);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    // Write-only: the page does not get the password back.
    await page.reload();
    await expect.poll(() => form.getByLabel('Password').getAttribute('placeholder')).toMatch(/stored/);
    expect(await form.getByLabel('Password').inputValue()).toBe('');

    await options.open('options.html#dashboard');
    await page.getByRole('radio', { name: /ClickHouse/ }).check();
    const reports = page.locator('[data-card="people-reports"] dd');
    await reports.waitFor();
    expect(await reports.textContent()).toBe('6');
    await page.getByLabel('Group').selectOption('pilot-sales');
    await expect.poll(() => reports.textContent()).toBe('5');
    await page
      .getByRole('heading', { name: /Group “pilot-sales” against everyone else/ })
      .first()
      .waitFor();
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'dashboard-clickhouse.png'), fullPage: true });

    await page.getByRole('button', { name: 'Adoption report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signpost adoption report' }).waitFor();
    await page.locator('.sp-report-sentences li').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await writeFile(
      join(ARTIFACTS_DIR, 'adoption-report-clickhouse.pdf'),
      await page.pdf({ preferCSSPageSize: true }),
    );
  });

  it('says plainly when ClickHouse refuses the password', async () => {
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#sharing');
    const form = options.page.getByTestId('clickhouse-dashboard');
    await form.getByLabel('Password').fill('wrong');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await options.open('options.html#dashboard');
    await options.page.getByRole('radio', { name: /ClickHouse/ }).check();
    await options.page
      .getByRole('alert')
      .filter({ hasText: /ClickHouse refused the user or password: Wrong password for user signpost_reader/ })
      .waitFor();
  });
});
