/**
 * Shared checks for the per-tool detector tests. Fixture helpers need DOMParser: files that use
 * them run under `// @vitest-environment happy-dom`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { extractContext } from '@/utils/context';
import type { PageContext } from '@/utils/model';
import { builtinMatchPatterns, type Detection, detectTool } from '@/utils/tools';

/** What an area may look like: short, lowercase, words joined by `-` (or a tool's own `_`). */
export const AREA_SHAPE = /^[a-z0-9]+(?:(?:-|_{1,2})[a-z0-9]+)*$/;

/**
 * Would the content script run at this URL? Uses the browser's match-pattern rule, where
 * `https://*.x/*` also matches `x` itself.
 */
export function injectedAt(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'https:') return false;
  return builtinMatchPatterns().some((pattern) => {
    const host = /^https:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? '';
    if (!host.startsWith('*.')) return hostname === host;
    const base = host.slice(2);
    return hostname === base || hostname.endsWith(`.${base}`);
  });
}

/** The URL is this tool, on this screen, with a well-formed area, and the content script runs there. */
export function expectDetected(url: string, id: string, area: string | undefined): void {
  const detection = detectTool(url);
  expect(detection?.id, url).toBe(id);
  expect(detection?.area, url).toBe(area);
  if (area !== undefined) {
    expect(area).toMatch(AREA_SHAPE);
    expect(area.length).toBeLessThanOrEqual(40);
  }
  expect(injectedAt(url), `content script injected at ${url}`).toBe(true);
}

/** Parses tests/fixtures/tools/<id>.html. */
export function loadFixture(id: string): Document {
  const html = readFileSync(join(import.meta.dirname, '../../fixtures/tools', `${id}.html`), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

export interface Screen {
  doc: Document;
  detection: Detection | null;
  context: PageContext;
}

/** Reads a fixture the way the content script reads a page: detection with the page, then context. */
export function readScreen(id: string, url: string): Screen {
  const doc = loadFixture(id);
  const detection = detectTool(url, doc);
  return { doc, detection, context: extractContext(doc, url, detection) };
}

/** What was typed into the page's fields: none of it may reach the context. */
export function fieldValues(doc: Document): string[] {
  const values: string[] = [];
  for (const input of doc.querySelectorAll('input[value]')) {
    const value = input.getAttribute('value') ?? '';
    if (value.length >= 3) values.push(value);
  }
  return values;
}

/** The screen's context names the tool and area, and carries nothing typed into a field. */
export function expectScreen(screen: Screen, id: string, area: string | undefined): void {
  expect(screen.detection?.id).toBe(id);
  expect(screen.context.tool).toBe(id);
  expect(screen.context.area).toBe(area);
  const all = JSON.stringify(screen.context);
  for (const value of fieldValues(screen.doc)) expect(all).not.toContain(value);
}
