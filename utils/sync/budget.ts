/**
 * One sync's allowance of requests and time, the same for every adapter.
 *
 * Adapters follow "next" links a server hands them (Discourse's `more_topics_url`, MediaWiki's
 * `continue`, ServiceNow's Link header, …); a server that keeps answering empty pages with a fresh
 * "next" would keep a sync going for ever. The engine hands each adapter a fetch wrapped here: past
 * {@link SYNC_BUDGET}'s requests or deadline it throws {@link SyncLimitError}, the sync fails, and
 * the last good items stay in place (utils/sync/engine.ts).
 */
import { SyncLimitError } from '../sources/types';

/**
 * 3,000 requests: a source at the item limit (20,000) needs about 1,050 on MediaWiki (20 titles per
 * content request, 500 per allpages request) and about 700 on Discourse (30 topics per page, plus
 * the capped first-post reads); the other adapters read 100 or more per request. 10 minutes: at 3,000
 * requests that allows 200 ms each.
 */
export const SYNC_BUDGET = { maxRequests: 3000, deadlineMs: 10 * 60_000 } as const;

export interface BudgetOptions {
  maxRequests?: number;
  deadlineMs?: number;
  now?: () => number;
}

function duration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} s`;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** A request counter and deadline for one sync, shared by every attempt of it. */
export function syncBudget(options: BudgetOptions = {}) {
  const now = options.now ?? Date.now;
  const maxRequests = options.maxRequests ?? SYNC_BUDGET.maxRequests;
  const deadlineMs = options.deadlineMs ?? SYNC_BUDGET.deadlineMs;
  const started = now();
  let requests = 0;
  const spend = () => {
    if (requests >= maxRequests) {
      throw new SyncLimitError(
        `stopped after ${maxRequests} requests, the limit for one sync: the source keeps sending more pages; the items from the last complete sync are kept`,
      );
    }
    if (now() - started > deadlineMs) {
      throw new SyncLimitError(
        `stopped after ${duration(deadlineMs)}, the limit for one sync; the items from the last complete sync are kept`,
      );
    }
    requests++;
  };
  return {
    /** fetch that spends one request of the budget first. */
    wrap:
      (fetchFn: Fetch): Fetch =>
      async (url, init) => {
        spend();
        return fetchFn(url, init);
      },
    get requests() {
      return requests;
    },
  };
}
