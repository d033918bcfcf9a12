import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, routePage } from './fixtures';
import { ExtensionPage, NudgeUi } from './pages';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: unknown[] }[];
}

interface AxeResult {
  violations: Violation[];
  passes: unknown[];
}

/** Serious and critical axe-core violations on an extension page. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: extension pages' CSP forbids injected script tags.
  await page.evaluate(await AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown): Promise<AxeResult> } }).axe;
    const run = await axe.run(document);
    return { violations: run.violations, passes: run.passes.length };
  });
  // axe must have looked at something: a run that checked nothing proves nothing.
  expect(result.passes).toBeGreaterThan(5);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('accessibility (axe-core)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await routePage(h.context, 'https://acme.atlassian.net/**', 'jira-board.html');
  });
  afterAll(async () => h?.close());

  it('the open nudge has no serious or critical violations', async () => {
    const page = await h.context.newPage();
    await page.goto('https://acme.atlassian.net/jira/software/projects/KAN/boards/1');
    const nudge = new NudgeUi(page);
    await nudge.badge.waitFor({ timeout: 15_000 });
    await nudge.open();
    // Only Signpost's own UI is ours to judge, not the fixture page around it; axe runs in the
    // content script's world, where the closed shadow root can be opened.
    expect(await nudge.axeViolations()).toEqual([]);
    await page.close();
  });

  // Every tab of the options page, the dashboard with the figures the nudge test above produced.
  it.each([
    'popup.html',
    'options.html#sources',
    'options.html#tools',
    'options.html#nudges',
    'options.html#sharing',
    'options.html#config',
    'options.html#dashboard',
  ] as const)('%s has no serious or critical violations', async (path) => {
    const page = await h.context.newPage();
    await new ExtensionPage(page, h.extensionId).open(path);
    await page.waitForTimeout(700);
    if (path.endsWith('#sources')) {
      // Open a source's health and the add form's sign-in fields too.
      await page
        .getByText(/^Content health of/)
        .first()
        .click();
      await page.locator('form', { hasText: 'Add a source' }).getByLabel('Sign-in').selectOption('basic');
      await page.waitForTimeout(300);
    }
    if (path.endsWith('#dashboard')) await page.locator('[data-card="impressions"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
