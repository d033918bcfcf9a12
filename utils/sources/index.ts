/**
 * Source adapters, one per file (file name = source type). An adapter turns what a source's URL
 * serves into knowledge items; it gets `fetch` passed in and uses no other browser API.
 */
import type { KnowledgeItem, SourceConfig, SourceType } from '../model';
import { parseCatalog } from './catalog';

export interface FetchedItems {
  items: KnowledgeItem[];
  warnings: string[];
}

export interface SourceAdapter {
  type: SourceType;
  fetchItems(config: SourceConfig, url: string, fetchFn: typeof fetch): Promise<FetchedItems>;
}

const catalog: SourceAdapter = {
  type: 'catalog',
  async fetchItems(config, url, fetchFn) {
    const response = await fetchFn(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    const { items, warnings } = parseCatalog(await response.text(), config.id, config.tools);
    return { items, warnings };
  },
};

export const ADAPTERS: Record<SourceType, SourceAdapter> = { catalog };
