/**
 * axe-core on Signpost's closed shadow root. Page script cannot see into the root, and neither can
 * axe run in the page. So axe runs in Signpost's content-script world (found through the DevTools
 * protocol: the isolated execution context whose origin is the extension), where the extension API
 * `chrome.dom.openOrClosedShadowRoot` opens the root; `Element.prototype.shadowRoot` is pointed at it
 * in that world only, for axe's tree walk. The page's own world is untouched.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { cdpOf } from './nudge-dom';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

/** The id of the content script's isolated world in the page's main frame. */
export async function contentScriptWorld(page: Page): Promise<number> {
  const cdp = await cdpOf(page);
  const contexts: ContextDescription[] = [];
  const onCreated = (event: { context: ContextDescription }) => contexts.push(event.context);
  cdp.on('Runtime.executionContextCreated', onCreated);
  // Enabling reports every existing context; disabling again keeps the session quiet.
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.disable');
  cdp.off('Runtime.executionContextCreated', onCreated);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const world = contexts
    .filter(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === frameTree.frame.id &&
        c.origin.startsWith('chrome-extension://'),
    )
    .at(-1);
  if (!world) throw new Error("no content-script world in this page: is Signpost's content script running?");
  return world.id;
}

/** Evaluates an expression in the content script's world; returns its value. */
export async function evaluateInContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp = await cdpOf(page);
  const contextId = await contentScriptWorld(page);
  const result = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (result.exceptionDetails) {
    throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
  }
  return result.result.value as T;
}

interface AxeSummary {
  passes: number;
  /** Checked nodes inside the closed shadow root. */
  inside: number;
  violations: { id: string; impact: string | null; targets: unknown[] }[];
}

/** Serious and critical axe-core violations inside `signpost-nudge` (closed root included). */
export async function axeInContentScriptWorld(page: Page): Promise<string[]> {
  await evaluateInContentScript(page, `${await AXE_SOURCE};0`);
  const result = await evaluateInContentScript<AxeSummary>(
    page,
    `(async () => {
      const open = (el) => {
        // The extension API takes HTML elements only (not SVG).
        if (!(el instanceof HTMLElement)) return null;
        try { return chrome.dom.openOrClosedShadowRoot(el) ?? null; } catch { return null; }
      };
      Object.defineProperty(Element.prototype, 'shadowRoot', { configurable: true, get() { return open(this); } });
      const run = await axe.run({ include: [['signpost-nudge']] });
      // A target that crosses a shadow boundary is an array of selectors, host first.
      const inside = run.passes.flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0])).length;
      return {
        inside,
        passes: run.passes.length,
        violations: run.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target) })),
      };
    })()`,
  );
  // axe must have looked at something: a run that checked nothing proves nothing.
  if (result.passes <= 5) throw new Error(`axe checked almost nothing (${result.passes} passes)`);
  if (result.inside < 5)
    throw new Error(`axe did not see into the closed root (${result.inside} nodes inside)`);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${JSON.stringify(v.targets)}`);
}
