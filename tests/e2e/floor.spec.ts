/**
 * Measured, not asserted: what the browser itself costs, with an extension that does nothing
 * (tests/fixtures/floor-extension: a worker of one listener, a content script that asks it once,
 * a page of one line). These are the floors under Signpost's own figures in timing.spec.ts,
 * champion.spec.ts and options-timing.spec.ts, measured the same way on the same machine:
 * no code of Signpost's can make a page's badge or an extension page faster than this.
 * The figures go to tests/e2e/artifacts/floor.json; README quotes them.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchWithExtension, ROOT, routePage, stopServiceWorker } from './fixtures';
import { firstPaint } from './seed';

const FLOOR_EXTENSION = join(ROOT, 'tests/fixtures/floor-extension');
const JIRA_BOARD = 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1';
const RUNS = 5;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** From the page's load event to the worker's answer in the page, and to the worker's first line. */
async function loadToAnswer(page: Page): Promise<{ answer: number; workerStarted: number }> {
  await page.goto(JIRA_BOARD);
  await page.waitForFunction(() => document.documentElement.dataset.floorAnsweredAt, undefined, {
    timeout: 15_000,
  });
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const { floorAnsweredAt, floorWorkerStartedMs } = document.documentElement.dataset;
    return {
      answer: Number(floorAnsweredAt) - (nav?.loadEventEnd ?? Number.NaN),
      workerStarted: Number(floorWorkerStartedMs),
    };
  });
}

describe('the browser’s floor, with an extension that does nothing', () => {
  let context: BrowserContext;
  let userDataDir: string;
  let extensionId: string;

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'signpost-floor-'));
    ({ context, extensionId } = await launchWithExtension(userDataDir, FLOOR_EXTENSION));
    await routePage(context, 'https://acme.atlassian.net/**', 'jira-board.html');
  });
  afterAll(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('is measured: page load → the worker’s answer, and an extension page’s first paint', async () => {
    const page = await context.newPage();
    await loadToAnswer(page);
    const warm: number[] = [];
    const cold: number[] = [];
    const coldWorkerStarted: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push((await loadToAnswer(page)).answer);
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank');
      await stopServiceWorker({ context, extensionId }, page);
      await page.waitForTimeout(300);
      const { answer, workerStarted } = await loadToAnswer(page);
      cold.push(answer);
      coldWorkerStarted.push(workerStarted);
    }

    // An extension page of one line, opened as the popup and options specs open theirs.
    const paintWarm: number[] = [];
    const paintCold: number[] = [];
    for (const stopped of [false, true]) {
      if (stopped) {
        // Nothing on the page wakes the worker again: it stays stopped for the three opens.
        await stopServiceWorker({ context, extensionId }, page);
        await page.waitForTimeout(300);
      }
      for (let i = 0; i < 3; i++) {
        const opened = await context.newPage();
        await opened.bringToFront();
        await opened.goto(`chrome-extension://${extensionId}/page.html`);
        (stopped ? paintCold : paintWarm).push(await firstPaint(opened));
        await opened.close();
      }
    }
    await page.close();

    const figures = {
      loadToAnswer: { warmMedianMs: median(warm), coldMedianMs: median(cold), warm, cold },
      coldWorkerScriptStartedAfterAskMs: coldWorkerStarted,
      pageFirstPaint: { runningWorkerMs: paintWarm, stoppedWorkerMs: paintCold },
    };
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await writeFile(join(ARTIFACTS_DIR, 'floor.json'), JSON.stringify(figures, null, 2));
    const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(' / ');
    console.log(
      `floor: load → answer warm median ${median(warm).toFixed(0)} ms, stopped worker median ${median(cold).toFixed(0)} ms (the worker's script began ${list(coldWorkerStarted)} ms after the ask); a one-line extension page's first paint ${list(paintWarm)} ms, with a stopped worker ${list(paintCold)} ms`,
    );
    // Measured, not asserted against a figure; but the measurements themselves must have happened.
    expect([...warm, ...cold].filter(Number.isFinite).length).toBeGreaterThanOrEqual(2 * RUNS - 2);
    expect([...paintWarm, ...paintCold].filter(Number.isFinite).length).toBeGreaterThanOrEqual(4);
  });
});
