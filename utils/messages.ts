/**
 * One protocol map for every message between Signpost's parts. Each entry says who may send it
 * (`tab`: a content script in a web page; `extension`: the popup or the options page), what the
 * request is, how it is validated, and what comes back. Anything else gets an error answer and
 * changes nothing.
 */

import { parseAuth } from './auth';
import { browser } from './browser';
import { ITEM_ACTIONS, type ItemAction } from './feedback';
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
import type { OutboxEntry } from './outbox';
import { type Reaction, validateReaction, WEBHOOK_FORMATS, type WebhookFormat } from './reactions';
import type { RuleAccess } from './rule-scripts';
import type { ToolRule } from './rules';
import type { Preview, SourceAuth } from './sync';

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
