/** Sending a message and unwrapping its typed answer (popup, options page, content script). */
import { browser } from '../browser';
import { isRecord } from '../model';
import type { BackgroundMessage, Envelope, Request, Response, TabMessage } from './protocol';

function unwrap<T extends BackgroundMessage | TabMessage>(type: T, reply: unknown): Response<T> {
  if (isRecord(reply) && reply.ok === true) return reply.value as Response<T>;
  const error = isRecord(reply) && typeof reply.error === 'string' ? reply.error : 'no answer';
  throw new Error(`${type}: ${error}`);
}

/** Sends a message to the background and returns its typed answer; throws with the reason on error. */
export async function send<T extends BackgroundMessage>(type: T, payload: Request<T>): Promise<Response<T>> {
  return unwrap(type, await browser.runtime.sendMessage({ type, payload } satisfies Envelope<T>));
}

/** The name the pages have always called {@link send} by. */
export const sendMessage = send;

/** Sends a message to Signpost's content script in a tab. */
export async function sendToTab<T extends TabMessage>(
  tabId: number,
  type: T,
  payload: Request<T>,
): Promise<Response<T>> {
  return unwrap(type, await browser.tabs.sendMessage(tabId, { type, payload } satisfies Envelope<T>));
}
