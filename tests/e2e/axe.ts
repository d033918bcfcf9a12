/** axe-core in an extension page or a page with Signpost's UI: its serious and critical violations. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
  passes: unknown[];
}

/**
 * Serious and critical violations on the page (or only inside `include`), and how many checks
 * passed (a run that checked nothing proves nothing).
 */
export async function axeViolations(
  page: Page,
  include?: string,
): Promise<{ violations: string[]; passes: number }> {
  // Evaluated through the DevTools protocol: extension pages' CSP forbids injected script tags.
  await page.evaluate(await AXE_SOURCE);
  const result = await page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown): Promise<AxeResult> } }).axe;
    const run = await axe.run(selector ? { include: [[selector]] } : document);
    return { violations: run.violations, passes: run.passes.length };
  }, include ?? null);
  return {
    violations: result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`),
    passes: result.passes,
  };
}
