/**
 * The design tokens meet WCAG AA in light and dark: text colours 4.5:1 on every background they sit
 * on, the outline of controls 3:1 (WCAG 1.4.11), and no text size under 13 px.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../../components/shared/tokens.css', import.meta.url), 'utf8');

function tokens(block: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of block.matchAll(/--(sp-[\w-]+):\s*([^;]+);/g))
    if (name && value) found[name] = value.trim();
  return found;
}

const darkAt = css.indexOf('@media (prefers-color-scheme: dark)');
const light = tokens(css.slice(0, darkAt));
const dark = { ...light, ...tokens(css.slice(darkAt)) };

function luminance(hex: string): number {
  const digits = hex.replace('#', '');
  const channel = (i: number) => {
    const c = Number.parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BACKGROUNDS = ['sp-bg', 'sp-surface', 'sp-surface-2'];
const TEXT = ['sp-fg', 'sp-muted', 'sp-accent', 'sp-danger', 'sp-success', 'sp-warning'];
const PAIRS: [string, string][] = [
  ...TEXT.flatMap((fg) => BACKGROUNDS.map((bg): [string, string] => [fg, bg])),
  ['sp-on-accent', 'sp-accent'],
  ['sp-on-accent', 'sp-accent-hover'],
  ['sp-accent', 'sp-accent-soft'],
  ['sp-fg', 'sp-accent-soft'],
  ['sp-danger', 'sp-danger-soft'],
  ['sp-success', 'sp-success-soft'],
  ['sp-warning', 'sp-warning-soft'],
  ['sp-on-mark', 'sp-mark'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s colours', (_scheme, set) => {
  it.each(PAIRS)('%s on %s reaches 4.5:1', (fg, bg) => {
    expect(set[fg], fg).toMatch(/^#[0-9a-f]{6}$/);
    expect(set[bg], bg).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrast(set[fg] as string, set[bg] as string)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(BACKGROUNDS.map((bg) => [bg]))('control outline and focus ring reach 3:1 on %s', (bg) => {
    expect(contrast(set['sp-control-border'] as string, set[bg] as string)).toBeGreaterThanOrEqual(3);
    expect(contrast(set['sp-focus'] as string, set[bg] as string)).toBeGreaterThanOrEqual(3);
  });
});

it('no text size is under 13 px', () => {
  const sizes = Object.entries(light).filter(([name]) => name.startsWith('sp-text-'));
  expect(sizes.length).toBeGreaterThan(2);
  for (const [, value] of sizes) expect(Number.parseFloat(value)).toBeGreaterThanOrEqual(13);
});
