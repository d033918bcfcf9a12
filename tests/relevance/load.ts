/**
 * The real-documentation sets with labelled screens: each `data/<set>/catalog.json` imported through
 * Signpost's own catalog parser (the same path a catalog source takes), with the set's tool, and
 * its `screens.json`, each screen in its half (split.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeItem, PageContext } from '@/utils/model';
import { parseCatalog } from '@/utils/sources/catalog';
import { type Half, halfOf } from './split';

export const DATA = join(import.meta.dirname, 'data');

export type ScreenKind = 'specific' | 'quiet' | 'overview';

export interface Screen {
  id: string;
  kind: ScreenKind;
  context: PageContext;
  /** Acceptable item ids as Signpost knows them (`${set}:${catalog id}`). */
  expect: string[];
  half: Half;
}

export interface ScreenSet {
  name: string;
  items: KnowledgeItem[];
  screens: Screen[];
}

const KINDS = new Set<ScreenKind>(['specific', 'quiet', 'overview']);

function readScreens(path: string, set: string, known: Set<string>): Screen[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${path}: not a list`);
  return raw.map((entry: Record<string, unknown>, i) => {
    const { id, kind, context, expect } = entry;
    if (typeof id !== 'string' || !KINDS.has(kind as ScreenKind) || typeof context !== 'object') {
      throw new Error(`${path}[${i}]: needs id, kind and context`);
    }
    const ids = (Array.isArray(expect) ? expect : []).map((x) => `${set}:${String(x)}`);
    const unknown = ids.filter((x) => !known.has(x));
    if (unknown.length) throw new Error(`${path} (${id}): expects items not in the catalog: ${unknown}`);
    return { id, kind: kind as ScreenKind, context: context as PageContext, expect: ids, half: halfOf(id) };
  });
}

/** The tool a set's items are for: the one most of its screens are on. */
function toolOf(screens: Screen[]): string[] {
  const counts = new Map<string, number>();
  for (const { context } of screens) {
    if (context.tool) counts.set(context.tool, (counts.get(context.tool) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? [best[0]] : [];
}

/** Every set that has both a catalog and labelled screens, by name. */
export function screenSets(): ScreenSet[] {
  if (!existsSync(DATA)) return [];
  const sets: ScreenSet[] = [];
  for (const name of readdirSync(DATA).sort()) {
    const dir = join(DATA, name);
    if (!existsSync(join(dir, 'screens.json')) || !existsSync(join(dir, 'catalog.json'))) continue;
    const text = readFileSync(join(dir, 'catalog.json'), 'utf8');
    // First without tools, to learn the ids; then with the set's tool, as a source configured
    // for that tool would import it.
    const ids = new Set(parseCatalog(text, name).items.map((item) => item.id));
    const screens = readScreens(join(dir, 'screens.json'), name, ids);
    const { items } = parseCatalog(text, name, toolOf(screens));
    sets.push({ name, items, screens });
  }
  return sets;
}
