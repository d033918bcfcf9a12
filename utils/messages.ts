/**
 * One protocol map for every message between Signpost's parts. Each entry says who may send it
 * (`tab`: a content script in a web page; `extension`: the popup or the options page), what the
 * request is, how it is validated, and what comes back. Anything else gets an error answer and
 * changes nothing.
 */

import { browser } from './browser';
import type { OutboxEntry } from './delivery/outbox';
import { type Reaction, validateReaction, WEBHOOK_FORMATS, type WebhookFormat } from './delivery/reactions';
import { ITEM_ACTIONS, type ItemAction } from './match/feedback';
import type { ContentHealth } from './measurement/content-health';
import type { DailyRow } from './measurement/daily';
import type { DashboardView } from './measurement/dashboard';
import type { SignpostEvent } from './measurement/events';
import type { ReportEntry, ReportPayload } from './measurement/report';
import {
  type ItemKind,
  isHostName,
  isRecord,
  type KnowledgeItem,
  type Match,
  type PageContext,
  parsePageContext,
  type SourceView,
} from './model';
import type { RuleAccess } from './rules/registered-scripts';
import type { ToolRule } from './rules/tool-rules';
import type { Config } from './settings/config-file';
import type { SourceAuth } from './settings/credentials';
import { parseAuth } from './settings/credentials';
import type { Policy } from './settings/policy';
import type { Settings } from './settings/settings';
import type { Detection } from './sources/detect';
import type { Preview } from './sync/engine';

/** The flag webhook as the options page shows it. */
export interface WebhookSettings {
  url: string;
  format: WebhookFormat;
  /** Whether the browser lets Signpost send to that host. */
  granted: boolean;
}

/** The champion's endorsements and flags, newest first. */
export interface Activity {
  entries: OutboxEntry[];
  /** Whether a webhook is configured (otherwise flags stay local and exportable). */
  webhook: boolean;
  /** Whether endorse and flag are offered (role). */
  champion: boolean;
}

/** What the options page shows about tools: the admin's rules and which hosts are granted. */
export interface ToolSettings {
  /** The person's own rules (editable). */
  rules: ToolRule[];
  /** Rules the organisation's policy sets (read-only here). */
  policyRules: ToolRule[];
  access: RuleAccess;
}

/** Settings the options page edits with `saveSettings` (the rest have messages of their own). */
export const EDITABLE_SETTINGS = [
  'demoContent',
  'maxItems',
  'nudges',
  'audiences',
  'disabledTools',
  'reportEndpoint',
  'staleAfterMonths',
] as const;
export type SettingsChange = Partial<Pick<Settings, (typeof EDITABLE_SETTINGS)[number]>>;

/** The settings as the options page shows them. */
export interface SettingsView {
  /** The person's own (what the options page edits and exports). */
  own: Settings;
  /** In force: the own settings with the policy applied. */
  effective: Settings;
  /** Keys the organisation's policy sets. */
  enforced: string[];
  /** Whether those keys are locked (cannot be changed here). */
  locked: boolean;
}

/** What the organisation's policy sets, for the read-only policy view (credentials masked). */
export interface PolicyView {
  /** Whether the browser has a policy for Signpost at all. */
  present: boolean;
  /** The valid part, as applied. */
  policy: Policy;
  /** The entries that were left out, and why. */
  problems: string[];
}

/** The daily report to the organisation's endpoint, as the options page shows it. */
export interface ReportsView {
  endpoint: string;
  /** Whether the browser lets Signpost send to that host. */
  granted: boolean;
  /** Exactly what today's report would hold if the day ended now. */
  preview: ReportPayload;
  /** Reports made, newest first, with their delivery state. */
  entries: ReportEntry[];
}

/** A configuration file checked before it is imported. */
export type ConfigCheck =
  | { ok: true; keys: string[]; notes: string[]; sources: number }
  | { ok: false; problems: string[] };

/** The port the options page opens for "Sync now" progress; the background posts {@link SyncProgress} on it. */
export const PROGRESS_PORT = 'signpost-sync-progress';

/** How far a source's sync has got: items so far and, when the source says, how many in all. */
export interface SyncProgress {
  sourceId: string;
  done: number;
  total?: number;
}

/** Validates a progress update (the page accepts only this shape from the port). */
export function parseSyncProgress(value: unknown): SyncProgress | null {
  if (!isRecord(value) || typeof value.sourceId !== 'string' || typeof value.done !== 'number') return null;
  const total = typeof value.total === 'number' && value.total > 0 ? value.total : undefined;
  return { sourceId: value.sourceId, done: value.done, ...(total !== undefined ? { total } : {}) };
}

export type SenderKind = 'tab' | 'extension';

export interface Protocol {
  /** Content script → background: the items for this screen. */
  matchPage: {
    from: 'tab';
    request: { context: PageContext };
    /**
     * `announce`: the id of a new-capability tip the budget allows to announce itself now;
     * `votes`: the person's earlier helpful / not-helpful votes on the matched items.
     */
    response: { matches: Match[]; announce?: string; votes?: Record<string, 'helpful' | 'not-helpful'> };
  };
  /** Content script → background: what the person did with an item (feedback and measurement). */
  recordAction: {
    from: 'tab';
    request: { itemId: string; action: ItemAction | 'announce-dismissed'; tool: string; area?: string };
    response: Record<string, never>;
  };
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
  previewSource: { from: 'extension'; request: { source: unknown; auth?: SourceAuth }; response: Preview };
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
    response: { hits: KnowledgeItem[] };
  };
  /** Popup → background: a search found nothing (content gap; query text only). */
  recordGap: { from: 'extension'; request: { query: string }; response: Record<string, never> };
  /** Popup → background: endorse or flag an item. */
  react: { from: 'extension'; request: { itemId: string; reaction: Reaction }; response: Activity };
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
  exportConfig: { from: 'extension'; request: Record<string, never>; response: { config: Config } };
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
  /** Popup → content script of a tab: what Signpost sees on that page. */
  describePage: {
    from: 'extension';
    request: Record<string, never>;
    response: { context: PageContext; matches: Match[]; paused: boolean };
  };
}

export type MessageType = keyof Protocol;
export type Request<T extends MessageType> = Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Request<T>;
}
export type Reply<T extends MessageType = MessageType> =
  | { ok: true; value: Response<T> }
  | { ok: false; error: string };

type Validator<T extends MessageType> = (payload: unknown) => Request<T> | null;

function sourceIdOnly(payload: unknown): { sourceId: string } | null {
  return isRecord(payload) && typeof payload.sourceId === 'string' && payload.sourceId.length <= 100
    ? { sourceId: payload.sourceId }
    : null;
}

const validateAuth = parseAuth;

const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** An imported configuration: text, at most 1 MB. */
const configText = (payload: unknown): { text: string } | null =>
  isRecord(payload) && typeof payload.text === 'string' && payload.text.length <= 1_000_000
    ? { text: payload.text }
    : null;

const empty = (payload: unknown): Record<string, never> | null =>
  payload === undefined || (isRecord(payload) && Object.keys(payload).length === 0) ? {} : null;

/** Who may send each message, and how its payload is checked. */
export const RULES: { [T in MessageType]: { from: Protocol[T]['from']; validate: Validator<T> } } = {
  matchPage: {
    from: 'tab',
    validate(payload) {
      if (!isRecord(payload)) return null;
      const context = parsePageContext(payload.context);
      return context ? { context } : null;
    },
  },
  recordAction: {
    from: 'tab',
    validate(payload) {
      if (!isRecord(payload)) return null;
      const { itemId, action, tool, area } = payload;
      const actions: readonly unknown[] = [...ITEM_ACTIONS, 'announce-dismissed'];
      if (typeof itemId !== 'string' || !itemId || itemId.length > 300 || !actions.includes(action))
        return null;
      if (typeof tool !== 'string' || !tool || tool.length > 60) return null;
      if (area !== undefined && (typeof area !== 'string' || area.length > 60)) return null;
      const request: Request<'recordAction'> = { itemId, action: action as ItemAction, tool };
      if (area) request.area = area;
      return request;
    },
  },
  pauseSite: {
    from: 'tab',
    validate: (payload) =>
      isRecord(payload) && typeof payload.paused === 'boolean' ? { paused: payload.paused } : null,
  },
  setSitePaused: {
    from: 'extension',
    validate(payload) {
      if (!isRecord(payload) || typeof payload.paused !== 'boolean' || typeof payload.host !== 'string')
        return null;
      const host = payload.host.toLowerCase();
      return isHostName(host) ? { host, paused: payload.paused } : null;
    },
  },
  searchItems: {
    from: 'extension',
    validate(payload) {
      if (!isRecord(payload) || typeof payload.query !== 'string' || payload.query.length > 200) return null;
      const { tool, kind } = payload;
      if (tool !== undefined && (typeof tool !== 'string' || tool.length > 60)) return null;
      if (kind !== undefined && kind !== 'tip' && kind !== 'article') return null;
      return { query: payload.query, ...(tool ? { tool } : {}), ...(kind ? { kind } : {}) };
    },
  },
  recordGap: {
    from: 'extension',
    validate: (payload) =>
      isRecord(payload) && typeof payload.query === 'string' && payload.query.length <= 200
        ? { query: payload.query }
        : null,
  },
  react: {
    from: 'extension',
    validate(payload) {
      if (!isRecord(payload) || typeof payload.itemId !== 'string' || payload.itemId.length > 300)
        return null;
      const reaction = validateReaction(payload.reaction);
      return reaction ? { itemId: payload.itemId, reaction } : null;
    },
  },
  listActivity: { from: 'extension', validate: empty },
  getWebhook: { from: 'extension', validate: empty },
  saveWebhook: {
    from: 'extension',
    validate(payload) {
      if (!isRecord(payload) || typeof payload.url !== 'string' || payload.url.length > 2048) return null;
      if (!(WEBHOOK_FORMATS as readonly unknown[]).includes(payload.format)) return null;
      return { url: payload.url.trim(), format: payload.format as WebhookFormat };
    },
  },
  deliverNow: { from: 'extension', validate: empty },
  retryDelivery: {
    from: 'extension',
    validate: (payload) =>
      isRecord(payload) && typeof payload.key === 'string' && payload.key.length <= 100
        ? { key: payload.key }
        : null,
  },
  listSources: { from: 'extension', validate: empty },
  previewSource: {
    from: 'extension',
    validate(payload) {
      if (!isRecord(payload) || !isRecord(payload.source)) return null;
      const auth = validateAuth(payload.auth);
      if (auth === null) return null;
      return { source: payload.source, ...(auth ? { auth } : {}) };
    },
  },
  saveSource: {
    from: 'extension',
    validate(payload) {
      if (!isRecord(payload) || !isRecord(payload.source)) return null;
      if (payload.auth === null) return { source: payload.source, auth: null };
      const auth = validateAuth(payload.auth);
      if (auth === null) return null;
      return { source: payload.source, ...(auth ? { auth } : {}) };
    },
  },
  removeSource: { from: 'extension', validate: sourceIdOnly },
  syncNow: { from: 'extension', validate: sourceIdOnly },
  setSourceEnabled: {
    from: 'extension',
    validate(payload) {
      if (!isRecord(payload)) return null;
      const { sourceId, enabled } = payload;
      if (
        typeof sourceId !== 'string' ||
        !sourceId ||
        sourceId.length > 200 ||
        typeof enabled !== 'boolean'
      ) {
        return null;
      }
      return { sourceId, enabled };
    },
  },
  getToolSettings: { from: 'extension', validate: empty },
  saveToolRules: {
    from: 'extension',
    validate: (payload) =>
      isRecord(payload) && Array.isArray(payload.rules) ? { rules: payload.rules } : null,
  },
  describePage: { from: 'extension', validate: empty },
  getSettings: { from: 'extension', validate: empty },
  saveSettings: {
    from: 'extension',
    validate(payload) {
      if (!isRecord(payload) || !isRecord(payload.change)) return null;
      const keys = Object.keys(payload.change);
      const editable: readonly string[] = EDITABLE_SETTINGS;
      if (keys.length === 0 || keys.some((key) => !editable.includes(key))) return null;
      // Values are validated with the whole settings record before anything is saved.
      return { change: payload.change as SettingsChange };
    },
  },
  getDashboard: {
    from: 'extension',
    validate(payload) {
      if (!isRecord(payload) || !isDay(payload.from) || !isDay(payload.to) || payload.from > payload.to)
        return null;
      const { tool, kind } = payload;
      if (tool !== undefined && (typeof tool !== 'string' || tool.length > 60)) return null;
      if (kind !== undefined && kind !== 'tip' && kind !== 'article') return null;
      return { from: payload.from, to: payload.to, ...(tool ? { tool } : {}), ...(kind ? { kind } : {}) };
    },
  },
  exportDaily: {
    from: 'extension',
    validate: (payload) =>
      isRecord(payload) && isDay(payload.from) && isDay(payload.to) && payload.from <= payload.to
        ? { from: payload.from, to: payload.to }
        : null,
  },
  exportEvents: { from: 'extension', validate: empty },
  itemTitles: {
    from: 'extension',
    validate: (payload) =>
      isRecord(payload) &&
      Array.isArray(payload.ids) &&
      payload.ids.length <= 200 &&
      payload.ids.every((id) => typeof id === 'string' && id.length <= 300)
        ? { ids: payload.ids as string[] }
        : null,
  },
  exportConfig: { from: 'extension', validate: empty },
  checkConfig: { from: 'extension', validate: configText },
  importConfig: { from: 'extension', validate: configText },
  getPolicy: { from: 'extension', validate: empty },
  sourceHealth: { from: 'extension', validate: sourceIdOnly },
  detectSource: {
    from: 'extension',
    validate: (payload) =>
      isRecord(payload) && typeof payload.url === 'string' && payload.url.length <= 2048
        ? { url: payload.url.trim() }
        : null,
  },
  getReports: { from: 'extension', validate: empty },
  deliverReportsNow: { from: 'extension', validate: empty },
};

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * Classifies a message's sender: our own extension pages, our content script in a tab, or
 * nobody we talk to (another extension, a web page).
 */
export function senderKind(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab) return 'tab';
  return null;
}

export type ValidatedMessage = { [T in MessageType]: Envelope<T> }[MessageType];

/** Checks a raw message against the protocol and its sender; returns the typed message or why not. */
export function validateMessage(
  raw: unknown,
  from: SenderKind | null,
  accept: readonly MessageType[],
): { message: ValidatedMessage } | { error: string } {
  if (!isRecord(raw) || typeof raw.type !== 'string' || !Object.hasOwn(RULES, raw.type)) {
    return { error: 'unknown message type' };
  }
  const type = raw.type as MessageType;
  if (!accept.includes(type)) return { error: `${type} is not handled here` };
  const rule = RULES[type];
  if (from !== rule.from) return { error: `${type} is not accepted from this sender` };
  const payload = (rule.validate as Validator<MessageType>)(raw.payload);
  if (!payload) return { error: `${type}: malformed payload` };
  return { message: { type, payload } as ValidatedMessage };
}

/** A reply for an error, in the shape every handler answers with. */
export function errorReply(error: string): Reply {
  return { ok: false, error };
}

function unwrap<T extends MessageType>(type: T, reply: unknown): Response<T> {
  if (isRecord(reply) && reply.ok === true) return reply.value as Response<T>;
  const error = isRecord(reply) && typeof reply.error === 'string' ? reply.error : 'no answer';
  throw new Error(`${type}: ${error}`);
}

/** Sends a message to the background and returns its typed answer; throws with the reason on error. */
export async function sendMessage<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>> {
  return unwrap(type, await browser.runtime.sendMessage({ type, payload } satisfies Envelope<T>));
}

/** Sends a message to Signpost's content script in a tab. */
export async function sendToTab<T extends MessageType>(
  tabId: number,
  type: T,
  payload: Request<T>,
): Promise<Response<T>> {
  return unwrap(type, await browser.tabs.sendMessage(tabId, { type, payload } satisfies Envelope<T>));
}
