/** What the handlers share, made once per worker life: the clock, the caches, sources, the outbox. */
import type { SyncDeps } from '../../sync/engine';
import { type Builtins, createBuiltins } from './builtins';
import { type Caches, createCaches } from './caches';
import { type BackgroundDeps, clock } from './deps';
import { createOutboxDelivery, type OutboxDelivery } from './outbox-delivery';
import { authFor } from './source-list';
import { createSourceStore, type SourceStore } from './source-store';
import { createWhatsNew, type WhatsNew } from './whatsnew';

export type { BackgroundDeps } from './deps';

export interface State {
  deps: BackgroundDeps;
  now: () => number;
  /** The deps sources are read with (credentials from the policy or the secret store). */
  syncDeps: SyncDeps;
  builtins: Builtins;
  caches: Caches;
  sources: SourceStore;
  outbox: OutboxDelivery;
  whatsNew: WhatsNew;
}

export function createState(deps: BackgroundDeps): State {
  const syncDeps: SyncDeps = { ...deps, auth: deps.auth ?? authFor };
  const builtins = createBuiltins(syncDeps);
  const caches = createCaches(builtins.ready);
  const now = clock(deps);
  return {
    deps,
    now,
    syncDeps,
    builtins,
    caches,
    sources: createSourceStore(syncDeps, caches.invalidate),
    outbox: createOutboxDelivery(deps),
    whatsNew: createWhatsNew(deps, caches, now),
  };
}
