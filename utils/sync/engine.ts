/**
 * Keeps the local cache in step with the sources.
 *
 *   syncSource ─ one at a time per source ─▶ adapter.sync(context) ─ retries on 429 / 5xx / network
 *        │        context.fetch: auth for the source's own origin only, timeout, byte limit,
 *        │                       conditional GET (ETag / Last-Modified), no redirects to other hosts
 *        ▼
 *   full: swap the source's items in one transaction · incremental: upserts + deletions in one
 *   transaction · not modified: status only · failure: status only — the last good items stay
 *   every sync: at most SYNC_BUDGET requests and minutes (budget.ts), whatever "next" links say
 */
import { type Db, replaceSourceItems } from '../db';
import { isRecord, type SourceConfig, type SourceStatus } from '../model';
import { credentialsRefusal, type SourceAuth } from '../settings/credentials';
import { adapterFor } from '../sources';
import { DROPPED_LINK } from '../sources/lib/normalize';
import { type AdapterResult, HttpError } from '../sources/types';
import { syncBudget } from './budget';

/** The embedded demo content, shipped in public/catalog/. */
export const DEMO_SOURCE: SourceConfig = {
  id: 'builtin-demo',
  type: 'catalog',
  name: 'Signpost demo content',
  url: 'catalog/demo.json',
  builtin: true,
  tools: [],
};

export const BUILTIN_SOURCES: readonly SourceConfig[] = [DEMO_SOURCE];

export interface SyncDeps {
  fetch: typeof fetch;
  /** Resolves a built-in source's path inside the extension package to a URL. */
  resolveBuiltin: (path: string) => string;
  now?: () => number;
  /** A source's credentials for this address (none when they were given for another origin). */
  auth?: (sourceId: string, url: string) => Promise<SourceAuth | undefined>;
  progress?: (sourceId: string, done: number, total?: number) => void;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** Per response body; default 20 MB. */
  maxBytes?: number;
  /** Per source; default 20,000. */
  maxItems?: number;
  /** Per sync, across its retries: see utils/sync/budget.ts. */
  maxRequests?: number;
  deadlineMs?: number;
  /** Waits between retries (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

/** What the engine keeps per source between syncs (besides the status an admin sees). */
interface SyncState {
  cursor?: unknown;
  etag?: string;
  lastModified?: string;
}

export function authHeaders(auth: SourceAuth | undefined): Record<string, string> {
  if (!auth) return {};
  switch (auth.kind) {
    case 'basic':
      return {
        authorization: `Basic ${btoa(unescape(encodeURIComponent(`${auth.username}:${auth.password}`)))}`,
      };
    case 'bearer':
      return { authorization: `Bearer ${auth.token}` };
    case 'discourse':
      return { 'api-key': auth.apiKey, 'api-username': auth.username };
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()) as Uint8Array<ArrayBuffer>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`the answer is larger than ${Math.round(maxBytes / 1e6)} MB, the limit for one source`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * fetch for one source: resolves relative URLs against the source, sends credentials only to the
 * source's own origin and never across a redirect, adds the conditional headers to the request for
 * the source URL itself, times out, limits the body, and turns non-2xx answers into HttpError.
 */
function sourceFetch(url: string, deps: SyncDeps, auth: SourceAuth | undefined, state: SyncState) {
  const origin = new URL(url).origin;
  const refusal = auth ? credentialsRefusal(url) : null;
  const seen: SyncState = {};
  const fetchFn = async (target: string, init: RequestInit = {}): Promise<Response> => {
    const resolved = new URL(target, url);
    // Built-in sources live in the extension package (chrome-extension:, moz-extension:).
    if (resolved.origin !== origin && resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
      throw new Error(`refused a non-web address: ${resolved.protocol}`);
    }
    const sameOrigin = resolved.origin === origin;
    // Credentials never travel in clear text (except to this computer).
    if (refusal && sameOrigin) throw new Error(refusal);
    const headers = new Headers(init.headers);
    if (sameOrigin) for (const [name, value] of Object.entries(authHeaders(auth))) headers.set(name, value);
    const isSourceUrl = resolved.href === url;
    if (isSourceUrl && state.etag) headers.set('if-none-match', state.etag);
    if (isSourceUrl && state.lastModified) headers.set('if-modified-since', state.lastModified);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? 30_000);
    try {
      const response = await deps.fetch(resolved.href, {
        ...init,
        headers,
        signal: controller.signal,
        credentials: 'omit',
        // With credentials, a redirect could carry them elsewhere: do not follow any.
        redirect: auth && sameOrigin ? 'manual' : 'follow',
      });
      if (
        response.type === 'opaqueredirect' ||
        (response.status >= 300 && response.status < 400 && response.status !== 304)
      ) {
        throw new Error(`${resolved.pathname} redirects elsewhere; enter the final address of the source`);
      }
      if (response.redirected && new URL(response.url).origin !== origin) {
        throw new Error(
          `${resolved.pathname} redirected to another host (${new URL(response.url).host}); enter that address if it is right`,
        );
      }
      if (isSourceUrl) {
        seen.etag = response.headers.get('etag') ?? undefined;
        seen.lastModified = response.headers.get('last-modified') ?? undefined;
      }
      if (response.status === 304) return response;
      if (!response.ok) {
        const what =
          response.status === 401 || response.status === 403
            ? 'check the source’s credentials'
            : response.status === 404
              ? 'check the address'
              : 'the server has a problem';
        throw new HttpError(
          response.status,
          `the server answered ${response.status} ${response.statusText} for ${resolved.pathname}: ${what}`.replace(
            / {2,}/g,
            ' ',
          ),
          response.headers.get('retry-after'),
        );
      }
      const body = await readLimited(response, deps.maxBytes ?? 20e6);
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (controller.signal.aborted)
        throw new Error(
          `no answer from ${resolved.host} within ${Math.round((deps.timeoutMs ?? 30_000) / 1000)} s`,
        );
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
  return { fetch: fetchFn, seen };
}

function retryable(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === 408 || error.status === 429 || error.status >= 500;
  return error instanceof TypeError; // fetch's network failures
}

function retryDelay(error: unknown, attempt: number): number {
  const seconds = error instanceof HttpError && error.retryAfter ? Number(error.retryAfter) : Number.NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 30_000);
  return Math.random() * 1000 * 2 ** attempt; // full jitter: 0–1 s, 0–2 s, 0–4 s
}

/** Upserts and deletions of an incremental sync, with the status, in one transaction. */
async function applyIncremental(
  db: Db,
  result: Extract<AdapterResult, { mode: 'incremental' }>,
  status: SourceStatus,
) {
  const tx = db.transaction(['items', 'status'], 'readwrite');
  const items = tx.objectStore('items');
  await Promise.all([
    ...result.deletions.map((id) => items.delete(id)),
    ...result.upserts.map((item) => items.put(item)),
  ]);
  status.itemCount = await items.index('bySource').count(status.sourceId);
  await tx.objectStore('status').put(status);
  await tx.done;
}

const running = new Map<string, Promise<SourceStatus>>();

/** Fetches one source and applies what changed; never throws; one sync per source at a time. */
export function syncSource(db: Db, config: SourceConfig, deps: SyncDeps): Promise<SourceStatus> {
  const current = running.get(config.id);
  if (current) return current;
  const promise = runSync(db, config, deps).finally(() => running.delete(config.id));
  running.set(config.id, promise);
  return promise;
}

async function runSync(db: Db, config: SourceConfig, deps: SyncDeps): Promise<SourceStatus> {
  const started = deps.now?.() ?? Date.now();
  const previous: SourceStatus = (await db.get('status', config.id)) ?? {
    sourceId: config.id,
    itemCount: 0,
    warnings: [],
  };
  const state: SyncState = isRecord(previous.state) ? (previous.state as SyncState) : {};
  const url = config.builtin ? deps.resolveBuiltin(config.url) : config.url;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  deps.progress?.(config.id, 0);
  try {
    const adapter = adapterFor(config.type);
    if (!adapter) throw new Error(`Signpost cannot read "${config.type}" sources`);
    const auth = config.builtin ? undefined : await deps.auth?.(config.id, config.url);
    let result: AdapterResult | null = null;
    let seen: SyncState = {};
    const budget = syncBudget(deps);
    for (let attempt = 0; result === null; attempt++) {
      const connection = sourceFetch(url, deps, auth, state);
      try {
        result = await adapter.sync({
          config: { ...config, url },
          fetch: budget.wrap(connection.fetch),
          cursor: state.cursor,
          now: started,
          maxItems: deps.maxItems ?? 20_000,
          progress: (done, total) => deps.progress?.(config.id, done, total),
        });
        seen = connection.seen;
      } catch (error) {
        if (attempt >= 2 || !retryable(error)) throw error;
        await sleep(retryDelay(error, attempt));
      }
    }
    const finished = deps.now?.() ?? Date.now();
    const received =
      result.mode === 'full'
        ? result.items.length
        : result.mode === 'incremental'
          ? result.upserts.length
          : 0;
    deps.progress?.(config.id, received, received);
    const nextState: SyncState = {
      cursor: 'cursor' in result ? result.cursor : state.cursor,
      etag: seen.etag ?? state.etag,
      lastModified: seen.lastModified ?? state.lastModified,
    };
    const base = {
      sourceId: config.id,
      lastSyncAt: started,
      lastSuccessAt: finished,
      durationMs: finished - started,
      state: nextState,
    };
    if (result.mode === 'not-modified') {
      const status: SourceStatus = { ...previous, ...base, warnings: previous.warnings };
      delete status.error;
      delete status.failingSince;
      await db.put('status', status);
      return status;
    }
    const droppedLinks = result.warnings.filter((warning) => warning.endsWith(DROPPED_LINK)).length;
    if (result.mode === 'full') {
      const status: SourceStatus = {
        ...base,
        itemCount: result.items.length,
        warnings: result.warnings.slice(0, 50),
        droppedLinks,
      };
      await replaceSourceItems(db, config.id, result.items, status);
      return status;
    }
    const status: SourceStatus = {
      ...base,
      itemCount: 0,
      warnings: result.warnings.slice(0, 50),
      droppedLinks,
    };
    await applyIncremental(db, result, status);
    return status;
  } catch (error) {
    const status: SourceStatus = {
      ...previous,
      lastSyncAt: started,
      // The first failure after a good sync (or ever) starts the failing streak; later ones keep it.
      failingSince: previous.error ? (previous.failingSince ?? started) : started,
      durationMs: (deps.now?.() ?? Date.now()) - started,
      error: error instanceof Error ? error.message : String(error),
    };
    await db.put('status', status);
    return status;
  }
}

/** Registers the built-in sources (idempotent). */
export async function ensureBuiltinSources(db: Db): Promise<void> {
  const tx = db.transaction('sources', 'readwrite');
  await Promise.all([...BUILTIN_SOURCES.map((source) => tx.store.put(source)), tx.done]);
}

export interface Preview {
  /** The first items, as they would be stored. */
  items: { title: string; url: string; summary: string }[];
  count: number;
  warnings: string[];
}

/**
 * Reads a source once without storing anything, for the options page's "Test": what the first
 * items would look like, or the error an admin can act on (thrown).
 */
export async function previewSource(
  config: SourceConfig,
  deps: SyncDeps,
  auth?: SourceAuth,
): Promise<Preview> {
  const adapter = adapterFor(config.type);
  if (!adapter) throw new Error(`Signpost cannot read "${config.type}" sources`);
  const connection = sourceFetch(config.url, deps, auth, {});
  const result = await adapter.sync({
    config,
    fetch: syncBudget(deps).wrap(connection.fetch),
    now: deps.now?.() ?? Date.now(),
    maxItems: Math.min(deps.maxItems ?? 20_000, 500),
  });
  if (result.mode === 'not-modified') return { items: [], count: 0, warnings: [] };
  const items = result.mode === 'full' ? result.items : result.upserts;
  return {
    items: items
      .slice(0, 5)
      .map(({ title, url, summary }) => ({ title, url, summary: summary.slice(0, 200) })),
    count: items.length,
    warnings: result.warnings.slice(0, 10),
  };
}

/**
 * The engine's fetch for an address that is not a source yet (detecting its type): the same
 * timeout, byte limit and redirect checks, and no credentials.
 */
export function probeFetch(
  url: string,
  deps: SyncDeps,
): (target: string, init?: RequestInit) => Promise<Response> {
  return sourceFetch(url, deps, undefined, {}).fetch;
}
