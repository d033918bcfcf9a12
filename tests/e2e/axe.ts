/** axe-core in an extension page, through the DevTools protocol (extension pages' CSP forbids injected script tags). */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  passes: unknown[];
}

/** Serious and critical axe-core violations on the page (or only inside `include`). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(await AXE_SOURCE);
  const result = await page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown): Promise<AxeResult> } }).axe;
    const run = await axe.run(selector ? { include: [[selector]] } : document);
    return { violations: run.violations, passes: run.passes.length };
  }, include ?? null);
  // axe must have looked at something: a run that checked nothing proves nothing.
  expect(result.passes).toBeGreaterThan(5);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
