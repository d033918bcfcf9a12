/**
 * The adoption report for sponsors, from a file of collected reports: opened from the dashboard,
 * its sentences and figures against the period before, axe-clean, downloaded as CSV, and printed
 * to PDF (A4 and Letter) and screenshotted as artifacts.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { ARTIFACTS_DIR, type Harness, launch } from './fixtures';
import { ExtensionPage } from './pages';

const day = (offset: number) => {
  const d = new Date(Date.now() - offset * 24 * 3600_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** One browser's daily report: a tip seen and opened, and a vote. */
const report = (
  key: string,
  offset: number,
  seen: number,
  opened: number,
  helpful = 0,
  groups?: string[],
) => ({
  ...(groups ? { groups } : {}),
  type: 'signpost.report',
  schemaVersion: 1,
  idempotencyKey: key,
  day: day(offset),
  extensionVersion: '0.1.0',
  totals: { impression: seen, open: opened, helpful },
  rows: [
    {
      tool: 'jira',
      itemId: 'builtin-demo:kb-tip',
      kind: 'tip',
      counts: { impression: seen, open: opened, helpful },
    },
  ],
  flags: { outdated: 1 },
  endorsements: 0,
});

describe('the adoption report', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('says in plain sentences how the period went against the one before, and prints', async () => {
    // This week: 12 person-days, 24 offers, 12 opens; five of them the pilot group's, on one day.
    // The week before: 2 person-days, 4 offers, 1 open.
    const pilot = ['pilot-sales'];
    const lines = [
      report('a', 1, 2, 1, 1),
      report('b', 1, 2, 1),
      ...['g', 'h', 'i'].map((key) => report(key, 1, 2, 1)),
      report('c', 2, 2, 1),
      report('d', 3, 2, 1),
      ...['p1', 'p2', 'p3', 'p4', 'p5'].map((key) => report(key, 2, 2, 1, 0, pilot)),
      report('e', 8, 2, 1),
      report('f', 9, 2, 0),
    ]
      .map((entry) => JSON.stringify(entry))
      .join('\n');
    const options = new ExtensionPage(await h.context.newPage(), h.extensionId);
    await options.open('options.html#dashboard');
    await options.page.getByRole('radio', { name: /Daily reports your endpoint collected/ }).check();
    await options.page
      .getByLabel(/^Reports file/)
      .setInputFiles({ name: 'reports.ndjson', mimeType: 'application/json', buffer: Buffer.from(lines) });
    await options.page.locator('[data-card="people-reports"] dd').waitFor();
    await options.page.getByRole('button', { name: 'Adoption report' }).click();

    const page = options.page;
    const heading = page.getByRole('heading', { level: 1, name: 'Signpost adoption report' });
    await heading.waitFor();
    const sentences = page.locator('.sp-report-sentences li');
    await sentences.first().waitFor();
    const said = await sentences.allTextContents();
    expect(said[0]).toMatch(
      /was seen on 12 person-days, by up to 6 people on one day; 100% of those opened it/,
    );
    expect(said).toContain('50% of what Signpost offered was opened, up from 25% in the period before.');
    const row = (figure: string) => page.locator(`tr[data-figure="${figure}"] td`).allTextContents();
    expect(await row('people')).toEqual(['12', '2', '▲ up 500%']);
    expect(await row('openRate')).toEqual(['50%', '25%', '▲ up 25 points']);
    expect(await row('flags')).toEqual(['12', '2', '▲ up 500%']);

    // The pilot group against everyone else: only days with five browsers or more on a side count.
    await page.getByLabel('Compare a group').selectOption('pilot-sales');
    await page.getByRole('heading', { name: 'Group pilot-sales against everyone else' }).waitFor();
    const groupRow = (name: string) =>
      page
        .locator('section[aria-labelledby="sp-report-group"] tbody tr', { hasText: name })
        .locator('td')
        .allTextContents();
    expect(await groupRow('Items offered')).toEqual(['10', '10']);
    expect(await groupRow('Open rate')).toEqual(['50%', '50%']);
    expect(await seriousViolations(page, '.sp-report')).toEqual([]);

    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await csv;
    const text = await readFile((await file.path()) ?? '', 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^from,to,tool,section,key,/);
    expect(text).toContain(',headline,opens,,,12,1,11,');
    expect(text).toContain(',group,pilot-sales,,,10,,,5,0.5,,5');

    // Printed: the options page's own header and tabs are left out, the report stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('tablist').isVisible()).toBe(false);
    expect(await heading.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await writeFile(
      join(ARTIFACTS_DIR, 'adoption-report-a4.pdf'),
      await page.pdf({ preferCSSPageSize: true }),
    );
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel('Paper').selectOption('letter');
    await page.emulateMedia({ media: 'print' });
    const letter = await page.pdf({ preferCSSPageSize: true });
    expect(letter.subarray(0, 5).toString()).toBe('%PDF-');
    await writeFile(join(ARTIFACTS_DIR, 'adoption-report-letter.pdf'), letter);
    await page.emulateMedia({ media: 'screen' });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(ARTIFACTS_DIR, `adoption-report-${scheme}.png`), fullPage: true });
    }
    await page.getByRole('button', { name: 'Back to the dashboard' }).click();
    await page.locator('[data-card="people-reports"]').waitFor();
    await page.close();
  });
});
