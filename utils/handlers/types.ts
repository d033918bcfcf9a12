/** The shape of a handler map: one typed `{ validate, handle, effects? }` entry per message name. */

import type { BackgroundMessage, Request, Response } from '../messages/protocol';
import type { Entry } from '../messages/route';

/**
 * What a handler may ask the background to do once it answered: `sourcesChanged` re-schedules the
 * sources' alarms and syncs new ones; `housekeeping` packs days and makes and sends due reports;
 * `personalSync` sends the person's changed choices to their other browsers (utils/personal-sync).
 */
export type Effect = 'sourcesChanged' | 'housekeeping' | 'personalSync';

export type Handler<T extends BackgroundMessage> = Entry<Request<T>, Response<T>, Effect>;

/** Every message the background answers, with its handler. */
export type Handlers = { [T in BackgroundMessage]: Handler<T> };

/** Types a domain's handler map: each entry checked against its protocol entry. */
export function defineHandlers<K extends BackgroundMessage>(
  map: { [T in K]: Handler<T> },
): {
  [T in K]: Handler<T>;
} {
  return map;
}
