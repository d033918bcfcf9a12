/**
 * The contract between the sync engine (utils/sync/engine.ts) and the source adapters. An adapter turns
 * what a source serves into knowledge items; it gets a `fetch` from the engine and uses no other
 * browser API. The engine owns timeouts, size limits, retries, auth headers, redirects and the
 * atomic swap into IndexedDB.
 */
import type { KnowledgeItem, SourceConfig, SourceType } from '../model';

export interface AdapterContext {
  config: SourceConfig;
  /**
   * fetch for this source: adds the source's auth header (only for the source's own origin),
   * aborts after the engine's timeout, refuses bodies over the byte limit and redirects to another
   * host, and throws {@link HttpError} for non-2xx answers other than 304.
   */
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** What the adapter returned as `cursor` after the last successful sync (incremental state). */
  cursor?: unknown;
  /** Epoch ms at the start of this sync. */
  now: number;
  /** Stop collecting after this many items (and say so in a warning). */
  maxItems: number;
  /** Progress for the options page: items so far, and the total when known. */
  progress?: (done: number, total?: number) => void;
}

export type AdapterResult =
  /** The source's whole set: replaces what was cached. */
  | { mode: 'full'; items: KnowledgeItem[]; warnings: string[]; cursor?: unknown }
  /** Changes since `cursor`: upserted items and ids (`${sourceId}:${externalId}`) of deleted ones. */
  | {
      mode: 'incremental';
      upserts: KnowledgeItem[];
      deletions: string[];
      warnings: string[];
      cursor?: unknown;
    }
  /** Nothing changed since the last sync (304, or an empty change list). */
  | { mode: 'not-modified'; cursor?: unknown };

export interface SourceAdapter {
  type: SourceType;
  sync(context: AdapterContext): Promise<AdapterResult>;
}

/** A non-2xx answer, with what an admin needs to act on it. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter?: string | null,
  ) {
    super(message);
  }
}

/**
 * A sync stopped by the engine's per-sync limits (utils/sync/budget.ts): too many requests or past
 * its deadline. The engine keeps the last good items and shows this message in the source's status.
 */
export class SyncLimitError extends Error {
  override name = 'SyncLimitError';
}
