/**
 * The content script's own extension API (entrypoints/content/browser.ts): Firefox's `browser` as
 * it is; Chrome's `chrome` with `runtime.onMessage` listeners that answer with a Promise.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Native = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean;

/** A `chrome` object with the parts the wrapper touches, recording the native listeners. */
function fakeChrome() {
  const listeners = new Set<Native>();
  const chrome = {
    runtime: {
      id: 'elheenjodchghipbonfgdppicomjhpmc',
      getURL: (path: string) => `chrome-extension://elheenjodchghipbonfgdppicomjhpmc${path}`,
      onMessage: {
        addListener: (listener: Native) => void listeners.add(listener),
        removeListener: (listener: Native) => void listeners.delete(listener),
        hasListener: (listener: Native) => listeners.has(listener),
      },
    },
    storage: { local: { get: async () => ({ pageSettings: 1 }) } },
  };
  return { chrome, listeners };
}

/** What a native listener does with a message: its return value and what it answered. */
async function deliver(listener: Native, message: unknown) {
  let answer: unknown = 'no answer';
  let kept = false;
  await new Promise<void>((done) => {
    kept = listener(message, { id: 'x' }, (reply) => {
      answer = reply;
      done();
    });
    if (!kept) done();
  });
  return { kept, answer };
}

async function load() {
  vi.resetModules();
  return (await import('@/entrypoints/content/browser')).browser as unknown as ReturnType<
    typeof fakeChrome
  >['chrome'];
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the content script’s extension API', () => {
  it('on Chrome, answers with what a listener’s Promise resolves to', async () => {
    const { chrome, listeners } = fakeChrome();
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', chrome);
    const api = await load();
    const listener = (message: unknown) =>
      message === 'describe'
        ? Promise.resolve({ ok: true })
        : message === 'fail'
          ? Promise.reject(new Error('x'))
          : undefined;
    api.runtime.onMessage.addListener(listener as unknown as Native);
    expect(listeners.size).toBe(1);
    const [native] = [...listeners] as [Native];
    expect(await deliver(native, 'describe')).toEqual({ kept: true, answer: { ok: true } });
    // A message the listener leaves alone is left to other listeners: no answer, port not kept.
    expect(await deliver(native, 'other')).toEqual({ kept: false, answer: 'no answer' });
    expect(await deliver(native, 'fail')).toEqual({ kept: true, answer: undefined });
    expect(api.runtime.onMessage.hasListener(listener as unknown as Native)).toBe(true);
    api.runtime.onMessage.removeListener(listener as unknown as Native);
    expect(listeners.size).toBe(0);
    // Everything else is Chrome's own.
    expect(api.runtime.id).toBe(chrome.runtime.id);
    expect(api.runtime.getURL('/popup.html')).toBe(chrome.runtime.getURL('/popup.html'));
    expect(await (api as typeof chrome).storage.local.get()).toEqual({ pageSettings: 1 });
  });

  it('on Firefox, is the browser’s own `browser`', async () => {
    const firefox = { runtime: { id: 'signpost@signpost.example', onMessage: {} } };
    vi.stubGlobal('browser', firefox);
    vi.stubGlobal('chrome', fakeChrome().chrome);
    expect(await load()).toBe(firefox);
  });
});
