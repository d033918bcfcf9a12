/**
 * The content script's extension API: the browser's own (Firefox's `browser`, Chrome's
 * promise-based `chrome`) instead of webextension-polyfill, which would be a sixth of what every
 * tool page loads. wxt.config.ts points `wxt/browser` here for the content script alone; the
 * background, popup and options keep the polyfill.
 *
 * One thing the polyfill did that Chrome's own API does not: a `runtime.onMessage` listener that
 * answers with a Promise (Chrome wants `sendResponse` and `true`). On Chrome, listeners are
 * wrapped for that; Firefox does it natively.
 */
type Listener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;
type Native = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;
interface MessageEvent {
  addListener(listener: Native | Listener): void;
  removeListener(listener: Native | Listener): void;
  hasListener(listener: Native | Listener): boolean;
}
interface Api {
  runtime: { id?: string; onMessage: MessageEvent };
}

const scope = globalThis as { browser?: Api; chrome?: Api };

/** Chrome's `onMessage`, taking listeners that return a Promise of their answer. */
function promiseListeners(event: MessageEvent): MessageEvent {
  const wrapped = new WeakMap<Listener, Native>();
  return {
    addListener(listener) {
      const native: Native = (message, sender, sendResponse) => {
        const reply = (listener as Listener)(message, sender);
        if (!(reply instanceof Promise)) return false;
        // A rejected answer reaches the sender as no answer (the polyfill's way too, for errors
        // that are not sent on purpose); Signpost's router answers errors as values anyway.
        reply.then(sendResponse, () => sendResponse(undefined));
        return true;
      };
      wrapped.set(listener as Listener, native);
      event.addListener(native);
    },
    removeListener(listener) {
      const native = wrapped.get(listener as Listener);
      if (native) event.removeListener(native);
    },
    hasListener(listener) {
      const native = wrapped.get(listener as Listener);
      return native ? event.hasListener(native) : false;
    },
  };
}

function chromeApi(chrome: Api): Api {
  const onMessage = promiseListeners(chrome.runtime.onMessage);
  const runtime = new Proxy(chrome.runtime, {
    get: (target, key) => (key === 'onMessage' ? onMessage : Reflect.get(target, key)),
  });
  return new Proxy(chrome, {
    get: (target, key) => (key === 'runtime' ? runtime : Reflect.get(target, key)),
  });
}

export const browser = (
  scope.browser?.runtime?.id ? scope.browser : scope.chrome ? chromeApi(scope.chrome) : undefined
) as Api;
