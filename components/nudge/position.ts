/**
 * Where the badge sits: on the left or right edge of the window, some pixels above the bottom.
 * Each tool gets a default that keeps clear of its own controls (the evidence is in the comments);
 * an admin can set one per tool by policy (`badgePosition`), and a person's own drag along the
 * edge (or arrow keys on the badge) wins over both and is remembered per tool.
 */

export type Side = 'left' | 'right';

export interface BadgePosition {
  side: Side;
  /** Pixels between the badge's bottom and the window's bottom. */
  bottom: number;
}

/** Bottom left: most tools keep their own chat and help launchers at the bottom right. */
export const DEFAULT_POSITION: BadgePosition = { side: 'left', bottom: 16 };

/** Highest `bottom` anyone can store (a window is rarely taller). */
export const MAX_BOTTOM = 4000;

/** One keyboard step along the edge. */
export const STEP = 16;

const TOOL_DEFAULTS: Readonly<Record<string, BadgePosition>> = {
  // The sheet tabs bar (add sheet, all sheets, the tabs) runs along the bottom, ~40 px tall.
  'google-sheets': { side: 'left', bottom: 56 },
  // Excel Online and Smartsheet show sheet tabs or a status bar along the bottom too.
  smartsheet: { side: 'left', bottom: 56 },
  // Jira's and Confluence's sidebar keeps its footer (settings, "Give feedback") at the bottom left.
  jira: { side: 'right', bottom: 24 },
  confluence: { side: 'right', bottom: 24 },
  // Slack and Teams put the composer at the bottom of the main column and profile/apps at the left.
  slack: { side: 'right', bottom: 96 },
  teams: { side: 'right', bottom: 96 },
  // Gmail's and Outlook's compose windows open at the bottom right; the left rail is navigation.
  gmail: { side: 'left', bottom: 72 },
  outlook: { side: 'left', bottom: 72 },
  // Google Docs and Slides have the "Explore"/side panel toggles at the bottom right.
  'google-docs': { side: 'left', bottom: 24 },
  'google-slides': { side: 'left', bottom: 24 },
};

/** A stored or configured position, or null when it is not one. */
export function parsePosition(value: unknown): BadgePosition | null {
  if (typeof value !== 'object' || value === null) return null;
  const { side, bottom } = value as Record<string, unknown>;
  if (side !== 'left' && side !== 'right') return null;
  if (typeof bottom !== 'number' || !Number.isFinite(bottom) || bottom < 0 || bottom > MAX_BOTTOM)
    return null;
  return { side, bottom: Math.round(bottom) };
}

/** A map from tool id to position, keeping only valid entries. */
export function parsePositions(value: unknown): Record<string, BadgePosition> {
  const out: Record<string, BadgePosition> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [tool, raw] of Object.entries(value)) {
    const position = parsePosition(raw);
    if (position && tool.length <= 64) out[tool] = position;
  }
  return out;
}

/** The person's own position, else the admin's, else the tool's default, else bottom left. */
export function positionFor(
  tool: string,
  own: Readonly<Record<string, BadgePosition>>,
  admin: Readonly<Record<string, BadgePosition>>,
): BadgePosition {
  return own[tool] ?? admin[tool] ?? TOOL_DEFAULTS[tool] ?? DEFAULT_POSITION;
}

/** Keeps the badge inside a window `height` px tall. */
export function clampBottom(bottom: number, height: number, badgeHeight = 40): number {
  return Math.max(0, Math.min(Math.round(bottom), Math.max(0, height - badgeHeight - 8)));
}

/** Where an arrow key moves the badge: up and down along the edge, left and right to the other edge. */
export function moveByKey(position: BadgePosition, key: string, height: number): BadgePosition | null {
  switch (key) {
    case 'ArrowUp':
      return { ...position, bottom: clampBottom(position.bottom + STEP, height) };
    case 'ArrowDown':
      return { ...position, bottom: clampBottom(position.bottom - STEP, height) };
    case 'ArrowLeft':
      return position.side === 'left' ? null : { ...position, side: 'left' };
    case 'ArrowRight':
      return position.side === 'right' ? null : { ...position, side: 'right' };
    default:
      return null;
  }
}

/** Where a pointer at (x, y) drops the badge in a `width` × `height` window. */
export function positionAt(
  x: number,
  y: number,
  width: number,
  height: number,
  badgeHeight = 40,
): BadgePosition {
  return {
    side: x < width / 2 ? 'left' : 'right',
    bottom: clampBottom(height - y - badgeHeight / 2, height),
  };
}
