/**
 * Source adapters, one per file (file name = source type), listed here. See ./types.ts for the
 * contract with the sync engine.
 */
import type { SourceType } from '../model';
import catalog from './catalog';
import confluence from './confluence';
import discourse from './discourse';
import dokuwiki from './dokuwiki';
import feed from './feed';
import mediawiki from './mediawiki';
import servicenow from './servicenow';
import type { SourceAdapter } from './types';
import zendesk from './zendesk';

export type { AdapterContext, AdapterResult, SourceAdapter } from './types';

export const ADAPTERS: readonly SourceAdapter[] = [
  catalog,
  feed,
  confluence,
  zendesk,
  servicenow,
  discourse,
  mediawiki,
  dokuwiki,
];

export function adapterFor(type: SourceType): SourceAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.type === type);
}
