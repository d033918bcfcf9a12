/** One periodic alarm per configured source, named `signpost-sync:<id>`, at the source's interval. */
import type { Browser } from '../../browser';

/** Followed by the source id. */
export const SOURCE_ALARM = 'signpost-sync:';

/** The source id an alarm is for, or null when it is not a source's alarm. */
export function sourceOfAlarm(name: string): string | null {
  return name.startsWith(SOURCE_ALARM) ? name.slice(SOURCE_ALARM.length) : null;
}

/** Clears the alarms of sources that went or changed interval, and creates the missing ones. */
export async function reconcileSourceAlarms(
  alarms: Pick<Browser.Alarms.Static, 'getAll' | 'get' | 'clear' | 'create'>,
  wanted: { id: string; intervalMinutes: number }[],
): Promise<void> {
  const existing = (await alarms.getAll()).filter((alarm) => sourceOfAlarm(alarm.name) !== null);
  for (const alarm of existing) {
    const source = wanted.find((entry) => `${SOURCE_ALARM}${entry.id}` === alarm.name);
    if (!source || alarm.periodInMinutes !== source.intervalMinutes) await alarms.clear(alarm.name);
  }
  for (const { id, intervalMinutes } of wanted) {
    const name = `${SOURCE_ALARM}${id}`;
    if (!(await alarms.get(name))) {
      await alarms.create(name, { periodInMinutes: intervalMinutes, delayInMinutes: intervalMinutes });
    }
  }
}
