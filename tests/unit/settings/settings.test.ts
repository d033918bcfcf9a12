import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, parseSettings, readSettings, updateSettings } from '@/utils/settings/settings';
import { readRecord } from '@/utils/settings/vault';

describe('settings', () => {
  it('uses defaults when nothing is stored', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and replaces malformed ones, saying why', () => {
    const { settings, problems } = parseSettings({ version: 1, demoContent: false, maxItems: 99 });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, demoContent: false });
    expect(problems).toEqual([expect.stringContaining('maxItems')]);
  });

  it('resets a corrupt record and a record from a newer version', async () => {
    expect(parseSettings('garbage').problems[0]).toContain('not an object');
    expect(parseSettings({ version: 7 }).problems[0]).toContain('newer');
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await readRecord('settings')).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a valid change and refuses an invalid one without saving anything', async () => {
    expect((await updateSettings({ demoContent: false })).demoContent).toBe(false);
    await expect(updateSettings({ maxItems: 0 })).rejects.toThrow(/maxItems/);
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, demoContent: false });
  });
});
