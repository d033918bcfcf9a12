import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { aggregateEvents } from '@/utils/measurement/daily';
import { dashboardFromReports } from '@/utils/measurement/dashboard';
import { dayOf, shiftDay } from '@/utils/measurement/days';
import { makeEvent } from '@/utils/measurement/events';
import {
  buildReport,
  daysToReport,
  newReport,
  parseReportEntry,
  parseReportFile,
  type ReportPayload,
  reportItemId,
  TARGETED_MIN_COUNT,
} from '@/utils/measurement/report';
import { readOwnSettings } from '@/utils/settings/settings';
import { JIRA_BOARD } from '../contexts';
import { createTestBackground } from '../handlers/harness';

afterEach(async () => {
  await closeDb();
  await deleteDB(DB_NAME);
});

const HOUR = 3600_000;

describe('the daily report', () => {
  const day = '2026-11-30';
  const at = new Date(2026, 10, 30, 10).getTime();
  const rows = aggregateEvents([
    makeEvent('impression', at, 'jira', 'board', 'kb:1', 'article'),
    makeEvent('impression', at, 'jira', 'board', 'feed:https://intranet.example/news/7', 'tip'),
    makeEvent('open', at, 'jira', 'board', 'kb:1', 'article'),
    makeEvent('gap', at, ''),
    makeEvent('impression', at + 24 * HOUR, 'jira', 'board', 'kb:1', 'article'),
  ]);

  it('pools small counts of items aimed at particular screens per tool, so no single page visit shows', () => {
    const seen = (itemId: string, times: number, tool = 'jira') =>
      Array.from({ length: times }, (_, i) => makeEvent('impression', at + i, tool, 'board', itemId, 'tip'));
    const targetedRows = aggregateEvents([
      ...seen('kb:one-page', 1),
      makeEvent('open', at, 'jira', 'board', 'kb:one-page', 'tip'),
      ...seen('kb:two-pages', 3),
      ...seen('kb:busy-page', TARGETED_MIN_COUNT),
      ...seen('kb:general', 1),
      ...seen('kb:sf-page', 2, 'salesforce'),
    ]);
    const report = buildReport(day, targetedRows, [], {
      key: 'k',
      extensionVersion: '1',
      targeted: new Set(['kb:one-page', 'kb:two-pages', 'kb:busy-page', 'kb:sf-page']),
    });
    const byId = new Map(report.rows.map((row) => [row.itemId, row.counts]));
    expect([...byId.keys()].sort()).toEqual(
      ['jira:#other-targeted', 'kb:busy-page', 'kb:general', 'salesforce:#other-targeted'].sort(),
    );
    expect(byId.get('jira:#other-targeted')).toEqual({ impression: 4, open: 1 });
    expect(byId.get('salesforce:#other-targeted')).toEqual({ impression: 2 });
    expect(byId.get('kb:busy-page')).toEqual({ impression: TARGETED_MIN_COUNT });
    // An item for every screen is reported as it is, and the day's totals are unchanged.
    expect(byId.get('kb:general')).toEqual({ impression: 1 });
    expect(report.totals).toEqual({ impression: 1 + 3 + TARGETED_MIN_COUNT + 1 + 2, open: 1 });
  });

  it('holds the day’s counts per tool and item, flags by reason, and no address or text', () => {
    const report = buildReport(
      day,
      rows,
      [
        { reaction: { kind: 'flag', reason: 'outdated', comment: 'step 3 is wrong' } },
        { reaction: { kind: 'endorse' } },
      ],
      { key: 'k-1', extensionVersion: '0.2.0' },
    );
    expect(report).toMatchObject({
      type: 'signpost.report',
      idempotencyKey: 'k-1',
      day,
      totals: { impression: 2, open: 1, gap: 1 },
      flags: { outdated: 1 },
      endorsements: 1,
    });
    expect(report.rows).toHaveLength(3);
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/https?:|www\.|intranet\.example|step 3/);
    expect(report.rows.map((row) => row.itemId)).toContain(
      reportItemId('feed:https://intranet.example/news/7'),
    );
  });

  it('names items by id, or by a stable hash when the id holds an address', () => {
    expect(reportItemId('confluence:12345')).toBe('confluence:12345');
    const hashed = reportItemId('feed:https://intranet.example/news/7');
    expect(hashed).toMatch(/^feed:#[0-9a-f]{13}$/);
    expect(reportItemId('feed:https://intranet.example/news/7')).toBe(hashed);
    expect(reportItemId('feed:https://intranet.example/news/8')).not.toBe(hashed);
  });

  it('is made for finished days with events since reporting was switched on, a week back at most', () => {
    const withEvents = new Set(['2026-11-20', '2026-11-26', '2026-11-28', '2026-11-30', '2026-12-01']);
    expect(daysToReport('2026-12-01', '2026-11-27', withEvents, new Set(['2026-11-30']))).toEqual([
      '2026-11-28',
    ]);
    expect(daysToReport('2026-12-01', '2026-01-01', withEvents, new Set())).toEqual([
      '2026-11-26',
      '2026-11-28',
      '2026-11-30',
    ]);
    expect(daysToReport('2026-12-01', '2026-12-01', withEvents, new Set())).toEqual([]);
  });

  it('is validated when read back', () => {
    const entry = newReport(buildReport(day, rows, [], { key: 'k', extensionVersion: '1' }), at);
    expect(parseReportEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
    expect(parseReportEntry({ ...entry, day: '2026-12-01' })).toBeNull();
    expect(parseReportEntry({ ...entry, state: 'lost' })).toBeNull();
    expect(parseReportEntry({ ...entry, payload: { ...entry.payload, idempotencyKey: 'other' } })).toBeNull();
  });
});

describe('reports through the background', () => {
  const board = JIRA_BOARD;
  const catalog = JSON.stringify({
    version: 1,
    items: [
      {
        id: 'plan',
        kind: 'tip',
        title: 'Plan a sprint on the board',
        summary: 'How to plan a sprint.',
        url: 'https://kb.example/plan',
        tools: ['jira'],
        tags: ['board', 'sprint'],
        updatedAt: '2026-10-01',
      },
    ],
  });

  it('sends each finished day once, through failures, to the endpoint only when one is set', async () => {
    let now = new Date(2026, 10, 30, 9).getTime();
    const posts: { url: string; key: string | null; body: string }[] = [];
    let failures = 2;
    const wakeUps: (number | null)[] = [];
    let keys = 0;
    const bg = createTestBackground({
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).startsWith('chrome-extension://')) return new Response(catalog);
        if (failures-- > 0) return new Response('busy', { status: 503, headers: { 'retry-after': '60' } });
        posts.push({
          url: String(input),
          key: new Headers(init?.headers).get('idempotency-key'),
          body: String(init?.body),
        });
        return new Response('ok');
      }) as typeof fetch,
      resolveBuiltin: (path) => `chrome-extension://test/${path}`,
      now: () => now,
      newKey: () => `key-${++keys}`,
      extensionVersion: '0.2.0',
      scheduleReports: (when) => void wakeUps.push(when),
    });

    // No endpoint: events are counted, nothing is made or sent.
    await bg.matchPage({ context: board });
    now += 24 * HOUR;
    await bg.housekeeping();
    expect(await (await getDb()).count('reports')).toBe(0);
    expect(posts).toEqual([]);

    // Switched on today: today's report goes out tomorrow.
    await bg.saveSettings({ change: { reportEndpoint: 'https://metrics.example/signpost' } });
    await bg.matchPage({ context: board });
    await bg.matchPage({ context: board });
    const preview = (await bg.getReports()).preview;
    expect(preview.totals.impression).toBe(2);
    await bg.housekeeping();
    expect(posts).toEqual([]);

    now += 24 * HOUR;
    await bg.housekeeping(); // made; the first attempt fails (503)
    expect((await bg.getReports()).entries.map((entry) => [entry.day, entry.state])).toEqual([
      [dayOf(now - 24 * HOUR), 'queued'],
    ]);
    expect(wakeUps.at(-1)).toBeGreaterThanOrEqual(now + 60_000); // Retry-After respected
    now += 2 * 60_000;
    await bg.housekeeping(); // 503 again
    now += 30 * 60_000;
    await bg.housekeeping(); // accepted
    await bg.housekeeping(); // nothing more to do
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe('https://metrics.example/signpost');
    expect(posts[0]?.key).toBe('key-1');
    const sent = JSON.parse(posts[0]?.body ?? '{}');
    expect(sent).toEqual({ ...preview, idempotencyKey: 'key-1' });
    expect(sent.day).toBe(shiftDay(dayOf(now), -1));
    expect((await bg.getReports()).entries[0]?.state).toBe('sent');
    expect(wakeUps.at(-1)).toBeNull();

    // Switched off: no new reports.
    await bg.saveSettings({ change: { reportEndpoint: '' } });
    await bg.matchPage({ context: board });
    now += 24 * HOUR;
    await bg.housekeeping();
    expect(posts).toHaveLength(1);
    expect((await readOwnSettings()).reportEndpoint).toBe('');
  });
});

describe('reports collected by an endpoint, on the dashboard', () => {
  const at = (day: string) => new Date(`${day}T10:00:00`).getTime();
  /** One browser's report for a day: tips seen (and opened) and an article. */
  const report = (key: string, day: string, { tip = 0, opened = 0, article = 0 } = {}): ReportPayload =>
    buildReport(
      day,
      aggregateEvents([
        ...Array.from({ length: tip }, () =>
          makeEvent('impression', at(day), 'jira', 'board', 'kb:tip', 'tip'),
        ),
        ...Array.from({ length: opened }, () => makeEvent('open', at(day), 'jira', 'board', 'kb:tip', 'tip')),
        ...Array.from({ length: article }, () =>
          makeEvent('impression', at(day), 'github', 'issue', 'kb:article', 'article'),
        ),
      ]),
      [{ reaction: { kind: 'flag', reason: 'outdated' } }],
      { key, extensionVersion: '0.2.0' },
    );

  it('reads a JSON list or one report a line, each report once, and says what it left out', () => {
    const a = report('a', '2026-11-30', { tip: 2 });
    const b = report('b', '2026-11-30', { article: 1 });
    expect(parseReportFile(JSON.stringify([a, b, a, { type: 'other' }]))).toEqual({
      reports: [a, b],
      skipped: 1,
    });
    const lines = `${JSON.stringify(a)}\n\n${JSON.stringify(b)}\nnot json\n`;
    expect(parseReportFile(lines)).toEqual({ reports: [a, b], skipped: 1 });
    expect(parseReportFile('{}')).toEqual({ reports: [], skipped: 1 });
  });

  it('answers how many people saw and opened the new-capability tips this week', () => {
    const reports = [
      report('mon-1', '2026-11-23', { tip: 3, opened: 1 }),
      report('mon-2', '2026-11-23', { tip: 1 }),
      report('mon-3', '2026-11-23', { article: 4 }),
      report('tue-1', '2026-11-24', { tip: 2, opened: 2, article: 1 }),
      report('old-1', '2026-11-01', { tip: 5 }),
    ];
    const week = dashboardFromReports(reports, { from: '2026-11-23', to: '2026-11-29' });
    expect(week.people).toEqual({
      reports: 4,
      skipped: 0,
      days: [
        { day: '2026-11-23', reports: 3, sawTip: 2, openedTip: 1 },
        { day: '2026-11-24', reports: 1, sawTip: 1, openedTip: 1 },
      ],
    });
    expect(week.figures.totals).toMatchObject({ impression: 11, open: 3 });
    expect(week.flags).toEqual([{ reason: 'outdated', count: 4 }]);
    const tips = dashboardFromReports(reports, { from: '2026-11-23', to: '2026-11-29', kind: 'tip' });
    expect(tips.figures.totals).toEqual({ impression: 6, open: 3 });
    expect(tips.figures.items.map((item) => item.itemId)).toEqual(['kb:tip']);
    const github = dashboardFromReports(reports, { from: '2026-11-23', to: '2026-11-29', tool: 'github' });
    expect(github.people?.days.map((day) => day.sawTip)).toEqual([0, 0]);
  });
});
