/**
 * The protocol: one map from message name (verb first) to who sends it, its request and its
 * answer. `BackgroundProtocol` is what the background answers (handlers in utils/handlers/, one
 * map per domain); `TabProtocol` is what Signpost's content script answers the popup. A new
 * message is an entry here and one in its domain's handler map (docs/how-to-add-a-message.md).
 *
 * `from: 'tab'` marks what a content script in a web page sends; everything else comes from the
 * popup or the options page. The router accepts each only from its sender class.
 */

import type { Reaction, WebhookFormat } from '../delivery/reactions';
import type { SuggestionDraft } from '../delivery/suggestions';
import type { ItemAction } from '../match/feedback';
import type { ClickhouseSettings } from '../measurement/clickhouse/config';
import type { ContentHealth } from '../measurement/content-health';
import type { DailyRow } from '../measurement/daily';
import type { DashboardView } from '../measurement/dashboard';
import type { SignpostEvent } from '../measurement/events';
import type { DashboardFilter } from '../measurement/figures';
import type { ReportFormat } from '../measurement/report-target';
import type { ItemKind, KnowledgeItem, Match, PageContext, SourceView } from '../model';
import type { Config } from '../settings/config-file';
import type { SourceAuth } from '../settings/credentials';
import type { Detection } from '../sources/detect';
import type { Preview } from '../sync/engine';
import type { PageHints, Detection as ToolDetection } from '../tools';
import type { WhatsNewView } from '../whatsnew/feed';
import type { Topic } from '../whatsnew/topics';
import type {
  Activity,
  ClickhouseDashboardAnswer,
  ClickhouseView,
  ConfigCheck,
  PolicyView,
  ReportsView,
  SettingsChange,
  SettingsView,
  ToolSettings,
  WebhookSettings,
} from './views';

export type SenderKind = 'tab' | 'extension';

export interface BackgroundProtocol {
  /**
   * Content script → background: the tool and the items for this screen. The background detects
   * the tool (and its screen) from the context's URL and the page's hints, with the admin's rules;
   * the context's own `tool` and `area` are not read.
   */
  matchPage: {
    from: 'tab';
    /**
     * `seen`: ids of items already shown in this screen visit; they count no new impression.
     * `hasUi`: the page already holds the nudge's UI. Without it, a page that has something to show
     * gets the UI injected before the answer (what `loadNudge` does, one round trip sooner).
     */
    request: { context: PageContext; hints?: PageHints; seen?: string[]; hasUi?: boolean };
    /**
     * `tool`: the tool on the page (null: not a tool page, and nothing else is said);
     * `announce`: the id of a new-capability tip the budget allows to announce itself now;
     * `votes`: the person's earlier helpful / not-helpful votes on the matched items;
     * `digest`: the weekly "new things in your tools" in the announcement slot (instead of `announce`).
     */
    response: {
      tool: ToolDetection | null;
      matches: Match[];
      announce?: string;
      votes?: Record<string, 'helpful' | 'not-helpful'>;
      digest?: Match[];
    };
  };
  /**
   * Content script → background: the tool on a page it has not asked about (a paused site, when
   * the popup asks what Signpost sees there). Nothing is recorded.
   */
  detectPage: {
    from: 'tab';
    request: { url: string; hints?: PageHints };
    response: { tool: ToolDetection | null };
  };
  /** Content script → background: what the person did with an item (feedback and measurement). */
  recordAction: {
    from: 'tab';
    request: { itemId: string; action: ItemAction | 'announce-dismissed'; tool: string; area?: string };
    response: Record<string, never>;
  };
  /** Content script → background: search all knowledge from the nudge's search field. */
  searchKnowledge: { from: 'tab'; request: { query: string }; response: { hits: KnowledgeItem[] } };
  /** Content script → background: "See all in Signpost" opens Signpost's page in a new tab. */
  openSignpost: { from: 'tab'; request: { query?: string }; response: Record<string, never> };
  /**
   * Content script → background: inject the nudge's UI into the sender's own tab and frame (once
   * per page, when it first has something to show).
   */
  loadNudge: { from: 'tab'; request: Record<string, never>; response: Record<string, never> };
  /** Content script → background: pause (or resume) Signpost on the sender's own site. */
  pauseSite: { from: 'tab'; request: { paused: boolean }; response: Record<string, never> };
  /** Popup → background: pause or resume Signpost on a site. */
  setSitePaused: {
    from: 'extension';
    request: { host: string; paused: boolean };
    response: Record<string, never>;
  };
  /** Popup/options → background: every source with its state. */
  listSources: { from: 'extension'; request: Record<string, never>; response: { sources: SourceView[] } };
  /** Options → background: read a source once without storing it ("Test"). */
  /** `authOrigin`: the origin the typed `auth` was given for; it is not sent to any other. */
  previewSource: {
    from: 'extension';
    request: { source: unknown; auth?: SourceAuth; authOrigin?: string };
    response: Preview;
  };
  /** Options → background: add or replace one of the person's own sources, then sync it. */
  saveSource: {
    from: 'extension';
    request: { source: unknown; auth?: SourceAuth | null };
    response: { sources: SourceView[] };
  };
  /** Options → background: remove one of the person's own sources. */
  removeSource: { from: 'extension'; request: { sourceId: string }; response: { sources: SourceView[] } };
  /** Options → background: sync a source now. */
  syncNow: { from: 'extension'; request: { sourceId: string }; response: { sources: SourceView[] } };
  /** Options → background: switch a source on or off. */
  setSourceEnabled: {
    from: 'extension';
    request: { sourceId: string; enabled: boolean };
    response: { sources: SourceView[] };
  };
  /** Options → background: the admin rules and their host grants. */
  getToolSettings: { from: 'extension'; request: Record<string, never>; response: ToolSettings };
  /** Options → background: replace the admin rules (all valid, or nothing is saved). */
  saveToolRules: { from: 'extension'; request: { rules: unknown[] }; response: ToolSettings };
  /** Popup → background: search the whole cache. */
  searchItems: {
    from: 'extension';
    request: { query: string; tool?: string; kind?: ItemKind };
    /** `matched`: per hit's item id, the index terms it matched (to mark them, utils/search/highlight). */
    response: { hits: KnowledgeItem[]; matched: Record<string, string[]> };
  };
  /** Popup → background: the tools that have content in the cache (the search's tool filter). */
  listContentTools: { from: 'extension'; request: Record<string, never>; response: { tools: string[] } };
  /** Popup → background: ask the owners for content a search did not find (a 'missing' flag of no item). */
  requestContent: {
    from: 'extension';
    request: { title: string; comment?: string };
    response: Activity;
  };
  /**
   * Popup → background: take back an endorsement or flag. `reachedOwners`: it had already been sent,
   * so only this browser forgets it (its ranking boost included).
   */
  withdrawReaction: {
    from: 'extension';
    request: { key: string };
    response: { activity: Activity; reachedOwners: boolean };
  };
  /** Popup → background: a search found nothing (content gap; query text only). */
  recordGap: { from: 'extension'; request: { query: string }; response: Record<string, never> };
  /** Popup → background: endorse or flag an item. */
  react: { from: 'extension'; request: { itemId: string; reaction: Reaction }; response: Activity };
  /** Popup → background: a champion's suggested fix of an item, or a new tip for a screen (KCS "fix it"). */
  suggestFix: { from: 'extension'; request: { suggestion: SuggestionDraft }; response: Activity };
  /** Popup → background: the person's endorsements and flags with their delivery state. */
  listActivity: { from: 'extension'; request: Record<string, never>; response: Activity };
  /** Popup → background: send queued deliveries now instead of at their next retry. */
  deliverNow: { from: 'extension'; request: Record<string, never>; response: Activity };
  /** Options → background: where flags go. */
  getWebhook: { from: 'extension'; request: Record<string, never>; response: WebhookSettings };
  /** Options → background: set (or clear, with '') where flags go. */
  saveWebhook: {
    from: 'extension';
    request: { url: string; format: WebhookFormat };
    response: WebhookSettings;
  };
  /** Popup → background: try a failed delivery again. */
  retryDelivery: { from: 'extension'; request: { key: string }; response: Activity };
  /** Options → background: the settings it edits, and which the policy sets. */
  getSettings: { from: 'extension'; request: Record<string, never>; response: SettingsView };
  /** Why the local database cannot be opened (null: it is open); the options page shows it. */
  getDatabaseProblem: {
    from: 'extension';
    request: Record<string, never>;
    response: { problem: string | null };
  };
  /** Options → background: change some settings (all valid, or nothing is saved). */
  saveSettings: { from: 'extension'; request: { change: SettingsChange }; response: SettingsView };
  /** Options → background: the measurement dashboard for a range of days. */
  getDashboard: {
    from: 'extension';
    request: { from: string; to: string; tool?: string; kind?: ItemKind };
    response: DashboardView;
  };
  /** Options → background: titles and links of cached items (for figures from collected reports). */
  itemTitles: {
    from: 'extension';
    request: { ids: string[] };
    response: { titles: DashboardView['titles'] };
  };
  /** Options → background: the daily aggregates of a range of days (CSV export). */
  exportDaily: {
    from: 'extension';
    request: { from: string; to: string };
    response: { rows: DailyRow[]; titles: Record<string, string> };
  };
  /** Options → background: the raw events of the last 30 days (CSV export). */
  exportEvents: { from: 'extension'; request: Record<string, never>; response: { events: SignpostEvent[] } };
  /** Options → background: the person's configuration in the policy's shape. */
  /** Webhook and report addresses act as bearer secrets: left out unless `includeAddresses`. */
  exportConfig: {
    from: 'extension';
    request: { includeAddresses?: boolean };
    response: { config: Config };
  };
  /** Options → background: what importing a file would change, or why it cannot be imported. */
  checkConfig: { from: 'extension'; request: { text: string }; response: ConfigCheck };
  /** Options → background: import a configuration file (all of it, or nothing). */
  importConfig: { from: 'extension'; request: { text: string }; response: ConfigCheck };
  /** Options → background: what the organisation's policy sets, and its invalid entries. */
  getPolicy: { from: 'extension'; request: Record<string, never>; response: PolicyView };
  /** Options → background: content health of one source. */
  sourceHealth: { from: 'extension'; request: { sourceId: string }; response: ContentHealth };
  /** Options → background: what kind of source an address is. */
  detectSource: { from: 'extension'; request: { url: string }; response: Detection };
  /** Options → background: the daily report, what it sends and its deliveries. */
  getReports: { from: 'extension'; request: Record<string, never>; response: ReportsView };
  /** Options → background: send due reports now. */
  deliverReportsNow: { from: 'extension'; request: Record<string, never>; response: ReportsView };
  /** Options → background: the report format and the ClickHouse connections (no passwords). */
  getClickhouse: { from: 'extension'; request: Record<string, never>; response: ClickhouseView };
  /**
   * Options → background: set (null: clear) a ClickHouse connection, with a new password (write
   * only; absent keeps the stored one) and, for reports, the report format.
   */
  saveClickhouse: {
    from: 'extension';
    request: {
      which: 'report' | 'dashboard';
      settings: ClickhouseSettings | null;
      password?: string;
      reportFormat?: ReportFormat;
    };
    response: ClickhouseView;
  };
  /** Options → background: the dashboard's figures from ClickHouse (organisation-wide, or a group). */
  getClickhouseDashboard: {
    from: 'extension';
    request: DashboardFilter;
    response: ClickhouseDashboardAnswer;
  };
  /** Popup → background: the tips of the last 30 days for the tools used and the topics followed. */
  listWhatsNew: { from: 'extension'; request: Record<string, never>; response: WhatsNewView };
  /** Popup → background: mark What's new items read. */
  markWhatsNewRead: { from: 'extension'; request: { itemIds: string[] }; response: WhatsNewView };
  /** Popup → background: follow (or unfollow) a tool or a tag. */
  followTopic: { from: 'extension'; request: { topic: Topic; follow: boolean }; response: WhatsNewView };
}

export interface TabProtocol {
  /** Popup → content script of a tab: what Signpost sees on that page. */
  describePage: {
    from: 'extension';
    request: Record<string, never>;
    response: { context: PageContext; matches: Match[]; paused: boolean };
  };
}

export type Protocol = BackgroundProtocol & TabProtocol;
export type MessageType = keyof Protocol;
/** Messages the background answers. */
export type BackgroundMessage = keyof BackgroundProtocol;
/** Messages Signpost's content script answers (sent by the popup to a tab). */
export type TabMessage = keyof TabProtocol;
export type Request<T extends MessageType> = Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Request<T>;
}
export type Reply<T extends MessageType = MessageType> =
  | { ok: true; value: Response<T> }
  | { ok: false; error: string };

/** The messages a content script sends: the only ones the background accepts from a tab. */
export const SENT_FROM_TABS = [
  'matchPage',
  'detectPage',
  'recordAction',
  'pauseSite',
  'searchKnowledge',
  'openSignpost',
  'loadNudge',
] as const;

/** Messages whose protocol entry says `from: 'tab'`. */
export type SentFromTabs = { [T in MessageType]: Protocol[T]['from'] extends 'tab' ? T : never }[MessageType];

// The list above and the protocol's `from` agree (a compile error otherwise; tests/unit/meta checks it too).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type TabListMatchesProtocol = Assert<Same<(typeof SENT_FROM_TABS)[number], SentFromTabs>>;
