import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures';

interface DemoItem {
  id: string;
  title: string;
  tools: string[];
  tags: string[];
  url: string;
}

/** The embedded demo catalog as shipped, to check what the nudge shows against it. */
export const DEMO: DemoItem[] = JSON.parse(
  readFileSync(join(ROOT, 'public/catalog/demo.json'), 'utf8'),
).items;

export function demoItemByTitle(title: string): DemoItem {
  const item = DEMO.find((entry) => entry.title === title);
  if (!item) throw new Error(`"${title}" is not an item of the demo catalog`);
  return item;
}
