/**
 * The router: one listener for a table of handlers. It knows no domain rule, only the order:
 *
 *   raw ─► known name? ─► sender class (tab / extension page) ─► validate ─► handle ─► effects ─► Reply
 *
 * A name on the `fromTabs` list is accepted only from a content script (a sender with a tab and a
 * web page's URL); every other name only from Signpost's own pages. Anything else — another
 * extension, a web page, an unknown name, a malformed payload — gets an error answer and changes
 * nothing.
 */
import { isRecord } from '../model';
import type { Reply, SenderKind } from './protocol';

/** What the browser says about a message's sender (`runtime.MessageSender`, the part read here). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** The checked sender, as handlers see it. */
export interface Caller {
  from: SenderKind;
  /** The sending page (a content script's web page, or the extension page). */
  url?: string;
  tabId?: number;
  /** The sending frame in that tab (0: the top frame). */
  frameId?: number;
}

/** One message's handler: its payload check, its work, and the effects it asks for afterwards. */
export interface Entry<Req, Res, E extends string = never> {
  /** The typed request, or null when the payload is not acceptable. */
  validate(payload: unknown): Req | null;
  handle(request: Req, caller: Caller): Promise<Res>;
  /** Effects to run once the handler answered (sources changed, housekeeping, …). */
  effects?(request: Req, response: Res): readonly E[];
}

export interface RouteOptions<E extends string> {
  extensionId: string;
  /** `runtime.getURL('/')`: pages under it are Signpost's own. */
  extensionOrigin: string;
  /** Names accepted only from a content script in a tab; all others only from Signpost's pages. */
  fromTabs: readonly string[];
  /** What each declared effect does. */
  effects?: { [K in E]: () => void };
  /** Leave unknown or unacceptable messages unanswered (another listener may answer them). */
  ignoreUnknown?: boolean;
  /** Called when a handler throws (default: console.error). */
  onError?: (type: string, error: unknown) => void;
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

/** A reply for an error, in the shape every handler answers with. */
export function errorReply(error: string): Reply {
  return { ok: false, error };
}

/** Checks a raw message against the table and its sender; the entry and typed request, or why not. */
function check<E extends string>(
  table: Readonly<Record<string, Entry<unknown, unknown, E>>>,
  raw: unknown,
  from: SenderKind | null,
  fromTabs: readonly string[],
): { type: string; entry: Entry<unknown, unknown, E>; request: unknown } | { error: string } {
  if (!isRecord(raw) || typeof raw.type !== 'string' || !Object.hasOwn(table, raw.type)) {
    return { error: 'unknown message type' };
  }
  const { type } = raw;
  const entry = table[type];
  if (!entry) return { error: 'unknown message type' };
  if (from !== (fromTabs.includes(type) ? 'tab' : 'extension'))
    return { error: `${type} is not accepted from this sender` };
  const request = entry.validate(raw.payload);
  if (request === null) return { error: `${type}: malformed payload` };
  return { type, entry, request };
}

/** A `runtime.onMessage` listener that answers the table's messages with a {@link Reply}. */
export function route<E extends string = never>(
  table: Readonly<Record<string, Entry<unknown, unknown, E>>>,
  options: RouteOptions<E>,
): (raw: unknown, sender: SenderInfo) => Promise<Reply> | undefined {
  // Each handler is called with the request its own validator produced.
  const entries = table;
  const onError =
    options.onError ?? ((type: string, error: unknown) => console.error(`Signpost: ${type} failed`, error));
  return (raw, sender) => {
    const from = senderKind(sender, options.extensionId, options.extensionOrigin);
    const checked = check(entries, raw, from, options.fromTabs);
    if ('error' in checked)
      return options.ignoreUnknown ? undefined : Promise.resolve(errorReply(checked.error));
    const { type, entry, request } = checked;
    const caller: Caller = {
      from: from as SenderKind,
      ...(sender.url ? { url: sender.url } : {}),
      ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
      ...(sender.frameId !== undefined ? { frameId: sender.frameId } : {}),
    };
    return (async (): Promise<Reply> => {
      try {
        const value = await entry.handle(request, caller);
        for (const effect of entry.effects?.(request, value) ?? []) options.effects?.[effect]();
        return { ok: true, value } as Reply;
      } catch (error) {
        onError(type, error);
        return errorReply(error instanceof Error ? error.message : String(error));
      }
    })();
  };
}
