import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reconcileSourceAlarms, sourceOfAlarm } from '@/utils/handlers/state/source-alarms';

describe('source alarms', () => {
  it('keep one alarm per source at its interval: new ones made, changed ones remade, gone ones cleared', async () => {
    const alarms = fakeBrowser.alarms;
    await alarms.create('signpost-sync:kept', { periodInMinutes: 60, delayInMinutes: 60 });
    await alarms.create('signpost-sync:faster', { periodInMinutes: 60, delayInMinutes: 60 });
    await alarms.create('signpost-sync:gone', { periodInMinutes: 60, delayInMinutes: 60 });
    await alarms.create('signpost-outbox', { when: Date.now() + 60_000 });
    await reconcileSourceAlarms(alarms, [
      { id: 'kept', intervalMinutes: 60 },
      { id: 'faster', intervalMinutes: 15 },
      { id: 'new', intervalMinutes: 30 },
    ]);
    const now = (await alarms.getAll()).map((alarm) => [alarm.name, alarm.periodInMinutes]);
    expect(now.sort()).toEqual([
      ['signpost-outbox', undefined],
      ['signpost-sync:faster', 15],
      ['signpost-sync:kept', 60],
      ['signpost-sync:new', 30],
    ]);
  });

  it('name the source they are for', () => {
    expect(sourceOfAlarm('signpost-sync:team')).toBe('team');
    expect(sourceOfAlarm('signpost-housekeeping')).toBeNull();
  });
});
