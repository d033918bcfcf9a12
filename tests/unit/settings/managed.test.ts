import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetPolicy, POLICY_RECORD, readManaged, watchPolicy } from '@/utils/settings/managed';
import { readPolicy } from '@/utils/settings/settings';
import { readRecord, writeVault } from '@/utils/settings/vault';

/** Makes the browser's storage.managed answer only when `answer` is called (as Chromium after a start). */
function slowBrowser() {
  let answer: (value: Record<string, unknown>) => void = () => undefined;
  const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
    () =>
      new Promise((resolve) => {
        answer = resolve;
      }),
  );
  return { get, answer: (value: Record<string, unknown>) => answer(value) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the policy the worker keeps', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('asks the browser once per worker life, and keeps what it said in the vault', async () => {
    await fakeBrowser.storage.managed.set({ maxItems: 2 });
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
    for (let i = 0; i < 5; i++) expect((await readPolicy()).policy.maxItems).toBe(2);
    expect(get).toHaveBeenCalledTimes(1);
    expect(await readRecord(POLICY_RECORD)).toEqual({ maxItems: 2 });
  });

  it('keeps "no policy" too, so that the next worker does not wait for the browser either', async () => {
    expect(await readManaged()).toEqual({});
    expect(await readRecord(POLICY_RECORD)).toEqual({});
  });

  it('answers a new worker from the kept copy at once and takes the browser’s late answer when it differs', async () => {
    await writeVault({ records: { [POLICY_RECORD]: { maxItems: 1 } } });
    const browserSays = slowBrowser();
    const watcher = vi.fn();
    watchPolicy(watcher);

    expect((await readPolicy()).policy.maxItems).toBe(1);
    expect(watcher).not.toHaveBeenCalled();

    browserSays.answer({ maxItems: 3, demoContent: false });
    await vi.waitFor(() => expect(watcher).toHaveBeenCalledTimes(1));
    expect((await readPolicy()).policy).toMatchObject({ maxItems: 3, demoContent: false });
    expect(await readRecord(POLICY_RECORD)).toEqual({ maxItems: 3, demoContent: false });
    expect(browserSays.get).toHaveBeenCalledTimes(1);
  });

  it('tells no one when the browser says what was kept', async () => {
    await writeVault({ records: { [POLICY_RECORD]: { maxItems: 2 } } });
    const browserSays = slowBrowser();
    const watcher = vi.fn();
    watchPolicy(watcher);
    await readManaged();
    browserSays.answer({ maxItems: 2 });
    await flush();
    expect(watcher).not.toHaveBeenCalled();
  });

  it('waits for the browser when the kept copy is missing or not an object', async () => {
    await writeVault({ records: { [POLICY_RECORD]: 'garbage' } });
    const browserSays = slowBrowser();
    const watcher = vi.fn();
    watchPolicy(watcher);
    const read = readManaged();
    let settled = false;
    void read.then(() => {
      settled = true;
    });
    await flush();
    expect(settled).toBe(false);
    browserSays.answer({ maxItems: 3 });
    expect(await read).toEqual({ maxItems: 3 });
    // A policy the worker had not seen before: the watchers set it up (sources, rules).
    expect(watcher).toHaveBeenCalledTimes(1);
  });

  it('reads a changed policy afresh and tells the watchers', async () => {
    await fakeBrowser.storage.managed.set({ maxItems: 2 });
    const watcher = vi.fn();
    watchPolicy(watcher);
    expect((await readPolicy()).policy.maxItems).toBe(2);
    watcher.mockClear();

    await fakeBrowser.storage.managed.set({ maxItems: 3 });
    expect((await readPolicy()).policy.maxItems).toBe(3);
    await vi.waitFor(() => expect(watcher).toHaveBeenCalledTimes(1));
    expect(await readRecord(POLICY_RECORD)).toEqual({ maxItems: 3 });
  });

  it('does not let a late first answer undo a change reported after it was asked', async () => {
    await writeVault({ records: { [POLICY_RECORD]: { maxItems: 1 } } });
    const browserSays = slowBrowser();
    await readManaged();
    browserSays.get.mockRestore();
    await fakeBrowser.storage.managed.set({ maxItems: 3 });
    browserSays.answer({ maxItems: 2 });
    await flush();
    expect((await readPolicy()).policy.maxItems).toBe(3);
  });

  it('starts over in a new worker life', async () => {
    await fakeBrowser.storage.managed.set({ maxItems: 2 });
    await readManaged();
    forgetPolicy();
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
    expect(await readManaged()).toEqual({ maxItems: 2 });
    // The new life answers from the copy and still asks the browser once, to check it.
    expect(get).toHaveBeenCalledTimes(1);
  });
});
