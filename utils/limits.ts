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

/** Admin rules, and match patterns in one rule. */
export const RULES_MAX = 100;
export const RULE_PATTERNS_MAX = 20;

/**
 * What a page's context and a knowledge item are cut to (characters, and entries per list). The
 * content script carries this object, so it holds only what pages and items need.
 */
export const LIMITS = {
  url: 2048,
  title: 300,
  heading: 200,
  headings: 20,
  keyword: 80,
  keywords: 60,
  area: 60,
  /** GitLab's `<body data-page>` (theirs are like `projects:merge_requests:show`). */
  dataPage: 100,
  toolId: ID_MAX,
  itemTitle: 300,
  itemSummary: 2000,
  tags: 30,
  tag: 60,
} as const;

/** A champion's comment on a flag, and the title of an article they say is missing. */
export const COMMENT_MAX = 500;
export const MISSING_TITLE_MAX = 200;

/**
 * A champion's suggested fix or new tip: a title that fits one line of the nudge (80), a summary
 * that stays a bite-sized read (600), and the KCS two-minute rule (read in two minutes at about
 * 200 words a minute).
 */
export const SUGGESTION_LIMITS = {
  title: 80,
  summary: 600,
  readingSeconds: 120,
  wordsPerMinute: 200,
} as const;

/** A source's display name. */
export const SOURCE_NAME_MAX = 100;
/** Tool ids in one policy list (disabledTools). */
export const TOOL_IDS_MAX = 200;

/** What the payload of one message may hold, besides the limits above. */
export const MESSAGE_LIMITS = {
  sourceId: ID_MAX,
  /** A search typed in the popup. */
  query: 200,
  itemId: 300,
  /** Item ids asked about in one message. */
  idsPerRequest: 200,
  /** An outbox entry's key. */
  outboxKey: 100,
  /** An imported configuration file. */
  configText: 1_000_000,
} as const;

/** How often a source syncs, in minutes: at least every 15 minutes, at most once a week; hourly by default. */
export const SYNC_INTERVAL = { min: 15, max: 7 * 24 * 60, default: 60 } as const;

/** True for a well-formed tool or source id. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** True for a whole number of minutes within {@link SYNC_INTERVAL}. */
export function isSyncInterval(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= SYNC_INTERVAL.min &&
    value <= SYNC_INTERVAL.max
  );
}
