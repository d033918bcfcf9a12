/**
 * Source adapters, one per file (file name = source type), listed here. See ./types.ts for the
 * contract with the sync engine.
 */
import type { SourceType } from '../model';
import catalog from './catalog';
import confluence from './confluence';
import feed from './feed';
import servicenow from './servicenow';
import zendesk from './zendesk';
import type { SourceAdapter } from './types';

export type { AdapterContext, AdapterResult, SourceAdapter } from './types';

export const ADAPTERS: readonly SourceAdapter[] = [catalog, feed, confluence, zendesk, servicenow];

export function adapterFor(type: SourceType): SourceAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.type === type);
}
