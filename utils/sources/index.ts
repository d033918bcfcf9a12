/**
 * Source adapters, one per file (file name = source type), listed here. See ./types.ts for the
 * contract with the sync engine.
 */
import type { SourceType } from '../model';
import catalog from './catalog';
import feed from './feed';
import type { SourceAdapter } from './types';

export type { AdapterContext, AdapterResult, SourceAdapter } from './types';

export const ADAPTERS: readonly SourceAdapter[] = [catalog, feed];

export function adapterFor(type: SourceType): SourceAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.type === type);
}
