/**
 * Pieces the paged KB adapters (Confluence, Zendesk, ServiceNow) share: reading a JSON answer
 * with a message an admin can act on, a guard against paging loops, and a collector that keeps each
 * record once up to the source's item limit.
 */
import { isRecord, type KnowledgeItem } from '../../model';
import type { AdapterContext } from '../types';
import { type Normalized, normalize, type RawRecord } from './normalize';

/** Parses a JSON answer; anything else (an HTML login page, a proxy's error) is explained. */
export function parseJsonAnswer(body: string, vendor: string, hint: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    const what = body.trimStart().startsWith('<') ? ' (it sent an HTML page)' : '';
    throw new Error(`the server did not answer with ${vendor}'s JSON${what}: ${hint}`);
  }
}

/** GETs a JSON document whose `listKey` must be a list. */
export async function getJsonList(
  context: AdapterContext,
  url: string,
  { vendor, listKey, hint }: { vendor: string; listKey: string; hint: string },
): Promise<Record<string, unknown>> {
  const response = await context.fetch(url, { headers: { accept: 'application/json' } });
  const doc = parseJsonAnswer(await response.text(), vendor, hint);
  if (!isRecord(doc) || !Array.isArray(doc[listKey])) {
    throw new Error(`the server's JSON has no ${vendor} "${listKey}" list: ${hint}`);
  }
  return doc;
}

/** Why paging must stop at `url` (asked for already, or one request too many); records it otherwise. */
export function pagingProblem(
  requested: Set<string>,
  url: string,
  vendor: string,
  max: number,
): string | undefined {
  if (requested.has(url)) return `stopped paging: ${vendor} sent the same next page again`;
  if (requested.size >= max) return `stopped paging after ${max} requests`;
  requested.add(url);
  return undefined;
}

/** Collects normalised records up to the limit, each record once. */
export class Collector {
  private readonly results = new Map<string, Normalized>();
  private count = 0;
  readonly warnings: string[] = [];
  stopped = false;

  constructor(private readonly context: AdapterContext) {}

  get size(): number {
    return this.count;
  }

  /** False once the limit is reached (and says so). `replace`: a later copy of a record wins. */
  add(entry: { id: string; record: RawRecord }, replace = false): boolean {
    const previous = this.results.get(entry.id);
    if (previous && !replace) return true;
    if (!previous && this.count >= this.context.maxItems) {
      this.stopped = true;
      this.warnings.push(`stopped at ${this.context.maxItems} items (the limit for one source)`);
      return false;
    }
    this.remove(entry.id);
    const result = normalize(entry.record, this.context.config, this.context.now);
    this.results.set(entry.id, result);
    if ('item' in result) this.count++;
    return true;
  }

  remove(id: string) {
    const previous = this.results.get(id);
    if (previous && 'item' in previous) this.count--;
    this.results.delete(id);
  }

  result(): { items: KnowledgeItem[]; warnings: string[] } {
    const items: KnowledgeItem[] = [];
    const warnings = [...this.warnings];
    for (const result of this.results.values()) {
      if ('item' in result) items.push(result.item);
      else warnings.push(result.warning);
    }
    return { items, warnings };
  }
}
