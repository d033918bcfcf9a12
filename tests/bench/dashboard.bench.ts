/**
 * The measurement path: what a page view costs the event log (raw event + daily aggregate in one
 * transaction, fake-indexeddb), packing a finished day, the dashboard's figures over a week and a
 * month of packed days, and one day's report. The data is a month of heavy use: 100,000 events
 * over 10,000 items and 4 tools, popular items getting most of them (a seeded generator, so runs
 * compare), which is about 2,200 distinct day × tool × item rows a day.
 */
import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { getDb } from '@/utils/db';
import { aggregateEvents, type DailyRow, packDay, packRows } from '@/utils/measurement/daily';
import { dayOf, shiftDay } from '@/utils/measurement/days';
import { recordEvents } from '@/utils/measurement/event-log';
import { type EventType, makeEvent, type SignpostEvent } from '@/utils/measurement/events';
import { figuresOfDays } from '@/utils/measurement/figures';
import { buildReport } from '@/utils/measurement/report';

const NOW = new Date(2026, 11, 1, 12).getTime();
const DAY = 24 * 3600_000;
const TOOLS = ['jira', 'salesforce', 'github', 'slack'];
const TYPES: [EventType, number][] = [
  ['impression', 0.7],
  ['panel', 0.12],
  ['open', 0.06],
  ['helpful', 0.03],
  ['not-helpful', 0.01],
  ['snooze', 0.02],
  ['dismiss', 0.02],
  ['announce', 0.02],
  ['announce-dismissed', 0.01],
  ['gap', 0.01],
];

/** Park–Miller: the same month on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function month(): SignpostEvent[] {
  const next = random(7);
  const events: SignpostEvent[] = [];
  for (let n = 0; n < 100_000; n++) {
    const at = NOW - Math.floor(next() * 30 * DAY);
    let pick = next();
    const type =
      TYPES.find(([, share]) => {
        pick -= share;
        return pick < 0;
      })?.[0] ?? 'impression';
    const index = Math.floor(10_000 * next() ** 3);
    if (type === 'gap') events.push(makeEvent('gap', at, ''));
    else
      events.push(
        makeEvent(
          type,
          at,
          TOOLS[index % 4] ?? '',
          'board',
          `kb:bulk-${index}`,
          index % 3 ? 'article' : 'tip',
        ),
      );
  }
  return events;
}

const rows: DailyRow[] = aggregateEvents(month());
const days = packRows(rows);
const today = dayOf(NOW);
const yesterday = shiftDay(today, -1);
const yesterdayRows = rows.filter((row) => row.day === yesterday);

describe(`dashboard over ${rows.length.toLocaleString('en')} daily rows (100,000 events, 30 days)`, () => {
  bench('figuresOfDays, last 7 days', () => {
    figuresOfDays(days, { from: shiftDay(today, -6), to: today });
  });
  bench('figuresOfDays, last 30 days', () => {
    figuresOfDays(days, { from: shiftDay(today, -29), to: today });
  });
  bench('figuresOfDays, last 30 days, tips on one tool', () => {
    figuresOfDays(days, { from: shiftDay(today, -29), to: today, tool: 'jira', kind: 'tip' });
  });
  bench(`packDay, one finished day (${yesterdayRows.length.toLocaleString('en')} rows)`, () => {
    packDay(yesterday, yesterdayRows);
  });
  bench('buildReport, one day', () => {
    buildReport(yesterday, yesterdayRows, [], { key: 'k', extensionVersion: '0.0.0' });
  });
});

describe('event log writes (fake-indexeddb)', async () => {
  const db = await getDb();
  let n = 0;
  bench('recordEvents, one page view (3 impressions)', async () => {
    const at = NOW + n++;
    await recordEvents(
      db,
      [0, 1, 2].map((i) =>
        makeEvent('impression', at, 'jira', 'board', `kb:bulk-${(n * 3 + i) % 500}`, 'article'),
      ),
      at,
    );
  });
});
