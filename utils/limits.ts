/**
 * Every bound Signpost puts on values it did not make: ids, lengths, list sizes and intervals.
 * Validation (model, policy, settings, messages, rules) and the editors on the options page read
 * them here, so that what the options page accepts is what the background accepts.
 */

/**
 * The longest tool or source id. Ids are only ever created through {@link ID_PATTERN} (policy,
 * settings, admin rules, the source editor), so 60 is the one limit that can hold: a longer id in
 * a message names nothing. 60 also keeps ids readable in the dashboard and in a report's rows.
 */
export const ID_MAX = 60;

/** A tool or source id: lowercase letters, digits and hyphens, starting with one of the first two; {@link ID_MAX} long at most. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** True for a well-formed tool or source id. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** How often a source syncs, in minutes: at least every 15 minutes, at most once a week; hourly by default. */
export const SYNC_INTERVAL = { min: 15, max: 7 * 24 * 60, default: 60 } as const;

/** True for a whole number of minutes within {@link SYNC_INTERVAL}. */
export function isSyncInterval(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= SYNC_INTERVAL.min &&
    value <= SYNC_INTERVAL.max
  );
}

/** Lengths (characters) and list sizes. A page's context is cut to these sizes before it is used. */
export const LIMITS = {
  url: 2048,
  title: 300,
  heading: 200,
  headings: 20,
  keyword: 80,
  keywords: 60,
  area: 60,
  toolId: ID_MAX,
  sourceId: ID_MAX,
  /** A source's display name. */
  sourceName: 100,
  /** Tool ids in one policy list (disabledTools, a source's tools). */
  toolIds: 200,
  /** Admin rules, and match patterns per rule. */
  rules: 100,
  rulePatterns: 20,
  itemId: 300,
  itemTitle: 300,
  itemSummary: 2000,
  tags: 30,
  tag: 60,
  /** A champion's comment on a flag, and the title of a missing article. */
  comment: 500,
  missingTitle: 200,
  /** A search typed in the popup. */
  query: 200,
  /** Item ids asked about in one message. */
  idsPerRequest: 200,
  /** An outbox entry's key. */
  outboxKey: 100,
  /** An imported configuration file. */
  configText: 1_000_000,
} as const;
