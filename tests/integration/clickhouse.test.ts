/**
 * The daily report into a real ClickHouse and the dashboard's figures read back from it: Debian's
 * clickhouse-server 18.16 started on 127.0.0.1 (./clickhouse-server.ts) with the repository's
 * schema and users. Three browsers, one after another, run the background's real code (events,
 * housekeeping, the outbox's delivery with its retries); the figures the dashboard's query code
 * reads back equal the sums of the reports the browsers made. Then what goes wrong: ClickHouse
 * down, a wrong password, a missing table, a query that runs too long.
 */
import { deleteDB } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeDb, DB_NAME, getDb } from '@/utils/db';
import { postOnce } from '@/utils/delivery/send';
import { ClickhouseError, query } from '@/utils/measurement/clickhouse/client';
import {
  dashboardFromClickhouse,
  dashboardQueries,
  viewFromRows,
} from '@/utils/measurement/clickhouse/figures';
import { dashboardFromReports } from '@/utils/measurement/dashboard';
import { dayOf, shiftDay } from '@/utils/measurement/days';
import { buildReport, newReport, type ReportPayload } from '@/utils/measurement/report';
import { readReports } from '@/utils/measurement/report-delivery';
import { reportPost } from '@/utils/measurement/report-target';
import { JIRA_BOARD } from '../unit/contexts';
import { createTestBackground, tipCatalog } from '../unit/handlers/harness';
import { type Clickhouse, missingClickhouse, READER, startClickhouse, WRITER } from './clickhouse-server';
import { freePort } from './servers';

if (missingClickhouse) console.warn(`skipping the ClickHouse integration tests: ${missingClickhouse}`);

const HOUR = 3600_000;
const start = new Date(2026, 10, 23, 9).getTime();

describe.skipIf(Boolean(missingClickhouse))('ClickHouse 18.16 (Debian package)', () => {
  let server: Clickhouse;
  const target = () => ({ url: server.url, database: 'signpost', table: 'report_rows', user: WRITER.user });
  const reader = () => ({ ...target(), user: READER.user });

  beforeAll(async () => {
    server = await startClickhouse();
    // Duplicates stay in the table until the test merges them, as on a busy server.
    await server.admin('SYSTEM STOP MERGES');
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** One browser: a fresh profile, its policy, a day or two of use, then its reports delivered. */
  async function browser(
    name: string,
    { days, groups, failFirstInsert = false }: { days: number; groups?: string[]; failFirstInsert?: boolean },
  ): Promise<{ sent: ReportPayload[]; inserts: number }> {
    await closeDb();
    await deleteDB(DB_NAME);
    fakeBrowser.reset();
    if (groups) await fakeBrowser.storage.managed.set({ audiences: groups });
    let now = start;
    let keys = 0;
    let inserts = 0;
    let failed = !failFirstInsert;
    const bg = createTestBackground({
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).startsWith('chrome-extension://')) return new Response(tipCatalog);
        const response = await fetch(input, init);
        if (String(input).includes('INSERT')) inserts++;
        // The insert reached ClickHouse, but its answer was lost on the way (a proxy's 503):
        // the outbox sends the same report again, and it must not count twice.
        if (!failed && response.ok) {
          failed = true;
          return new Response('upstream busy', { status: 503, headers: { 'retry-after': '30' } });
        }
        return response;
      }) as typeof fetch,
      resolveBuiltin: (path) => `chrome-extension://test/${path}`,
      now: () => now,
      newKey: () => `${name}-${++keys}`,
      extensionVersion: '0.3.0',
    });
    const view = await bg.saveClickhouse({
      which: 'report',
      settings: target(),
      password: WRITER.password,
      reportFormat: 'clickhouse',
    });
    expect(view).toMatchObject({ reportFormat: 'clickhouse', report: { hasPassword: true } });
    await bg.housekeeping(); // reporting starts today (the options page's save does this)
    for (let day = 0; day < days; day++) {
      const matches = await bg.matchPage({ context: JIRA_BOARD });
      const tip = matches.matches.find((match) => match.item.kind === 'tip');
      const article = matches.matches.find((match) => match.item.kind === 'article');
      if (tip && day === 0) await bg.recordAction({ itemId: tip.item.id, action: 'open', tool: 'jira' });
      if (article) await bg.recordAction({ itemId: article.item.id, action: 'helpful', tool: 'jira' });
      if (article && name === 'b')
        await bg.react({ itemId: article.item.id, reaction: { kind: 'flag', reason: 'outdated' } });
      now += 24 * HOUR;
    }
    await bg.housekeeping();
    if (failFirstInsert) {
      now += 10 * 60_000;
      await bg.housekeeping();
    }
    const entries = await readReports(await getDb());
    expect(entries.map((entry) => entry.state)).toEqual(entries.map(() => 'sent'));
    return { sent: entries.map((entry) => entry.payload), inserts };
  }

  it('counts the reports of three browsers once each, a retried one too, as the dashboard reads them', async () => {
    const a = await browser('a', { days: 2, groups: ['pilot-sales'] });
    const b = await browser('b', { days: 1, failFirstInsert: true });
    const c = await browser('c', { days: 2 });
    const reports = [...a.sent, ...b.sent, ...c.sent];
    expect(reports).toHaveLength(5);
    expect(b.inserts).toBe(2); // the same report inserted twice
    expect(a.sent[0]?.groups).toEqual(['pilot-sales']);

    const filter = { from: dayOf(start), to: shiftDay(dayOf(start), 6) };
    const fromClickhouse = await dashboardFromClickhouse(reader(), READER.password, filter, { fetch });
    const expected = dashboardFromReports(reports, filter);
    expect(fromClickhouse.figures).toEqual(expected.figures);
    expect(fromClickhouse.people).toEqual(expected.people);
    expect(fromClickhouse.flags).toEqual(expected.flags);
    expect(fromClickhouse.tools).toEqual(expected.tools);
    expect(fromClickhouse.previous).toEqual(expected.previous);
    // Reach (browser-days that saw / opened an item) for the items the view lists.
    const listed = Object.keys(fromClickhouse.reach ?? {});
    expect(listed.length).toBeGreaterThan(0);
    expect(fromClickhouse.reach).toEqual(
      Object.fromEntries(
        listed.map((id) => [id, expected.reach?.[id] ?? { saw: 0, opened: 0, busiestDay: 0 }]),
      ),
    );
    expect(fromClickhouse.figures.totals.impression).toBeGreaterThan(0);
    expect(fromClickhouse.flags).toEqual([{ reason: 'outdated', count: 1 }]);
    // Two browsers on the first day, one pilot browser: no group reaches five.
    expect(fromClickhouse.people?.days[0]?.reports).toBe(3);
    expect(fromClickhouse.groups).toEqual([]);
    // The table does hold the retried report twice until ClickHouse merges it.
    const rows = await server.admin(
      "SELECT count() FROM signpost.report_rows WHERE row_type = 'report' FORMAT TSV",
    );
    expect(Number(rows)).toBe(6);
    // With more copies than a query can name, the queries read the table with FINAL instead of
    // weighing each copy: the same figures.
    const sql = dashboardQueries(reader(), filter, { final: true });
    const run = (text: string) => query<Record<string, unknown>>(reader(), READER.password, text, { fetch });
    const viaFinal = viewFromRows(filter, {
      days: await run(sql.days),
      tools: await run(sql.tools),
      items: await run(sql.items),
      groups: await run(sql.groups),
      previous: await run(sql.previous),
    });
    expect(viaFinal.figures).toEqual(expected.figures);
    expect(viaFinal.people).toEqual(expected.people);
    expect(viaFinal.reach).toEqual(fromClickhouse.reach);
    // Merged: the same figures.
    await server.admin('SYSTEM START MERGES');
    await server.admin('OPTIMIZE TABLE signpost.report_rows FINAL');
    expect(
      Number(
        await server.admin("SELECT count() FROM signpost.report_rows WHERE row_type = 'report' FORMAT TSV"),
      ),
    ).toBe(5);
    const merged = await dashboardFromClickhouse(reader(), READER.password, filter, { fetch });
    expect(merged.figures).toEqual(expected.figures);
    expect(merged.people).toEqual(expected.people);
    expect(merged.reach).toEqual(fromClickhouse.reach);
    // Within one tool, reach counts that tool's rows.
    const tool = expected.tools[0] ?? '';
    const oneTool = { ...filter, tool };
    const withinTool = await dashboardFromClickhouse(reader(), READER.password, oneTool, { fetch });
    const expectedTool = dashboardFromReports(reports, oneTool);
    expect(withinTool.figures).toEqual(expectedTool.figures);
    expect(Object.keys(withinTool.reach ?? {}).length).toBeGreaterThan(0);
    expect(withinTool.reach).toEqual(
      Object.fromEntries(
        Object.keys(withinTool.reach ?? {}).map((id) => [
          id,
          expectedTool.reach?.[id] ?? { saw: 0, opened: 0, busiestDay: 0 },
        ]),
      ),
    );

    // The background answers the options page the same, with the reader's write-only password.
    await closeDb();
    await deleteDB(DB_NAME);
    fakeBrowser.reset();
    const admin = createTestBackground({ fetch, now: () => start, resolveBuiltin: (path) => path });
    expect(await admin.getClickhouseDashboard(filter)).toEqual({ ok: false, problem: 'not-set', detail: '' });
    await admin.saveClickhouse({ which: 'dashboard', settings: reader(), password: READER.password });
    const answer = await admin.getClickhouseDashboard(filter);
    expect(answer.ok && answer.view.figures).toEqual(expected.figures);
    expect(JSON.stringify(await admin.getClickhouse())).not.toContain(READER.password);
    expect(JSON.stringify(await admin.exportConfig({ includeAddresses: true }))).not.toContain(
      READER.password,
    );
  });

  it('gives a pilot group its own figures and everyone else theirs, without days of fewer than five', async () => {
    const day = '2026-12-01';
    const report = (key: string, groups: string[], opens: number): ReportPayload =>
      buildReport(
        day,
        [{ day, tool: 'jira', itemId: 'kb:tip', kind: 'tip', counts: { impression: 10, open: opens } }],
        [],
        { key, extensionVersion: '0.3.0', groups },
      );
    const reports = [
      ...Array.from({ length: 5 }, (_, i) => report(`pilot-${i}`, ['pilot-sales'], 4)),
      ...Array.from({ length: 6 }, (_, i) => report(`rest-${i}`, [], 1)),
      // A group of two: never shown on its own.
      ...Array.from({ length: 2 }, (_, i) => report(`tiny-${i}`, ['tiny'], 9)),
    ];
    const clickhouse = {
      format: 'clickhouse' as const,
      url: server.url,
      clickhouse: target(),
      password: WRITER.password,
    };
    for (const payload of reports) {
      const { url, headers, body } = reportPost(clickhouse, newReport(payload, start));
      expect(await postOnce({ fetch }, url, headers, body)).toMatchObject({ ok: true });
    }
    const filter = { from: day, to: day };
    for (const side of [
      { group: 'pilot-sales' },
      { group: 'pilot-sales', others: true },
      { group: 'tiny' },
    ]) {
      const view = await dashboardFromClickhouse(
        reader(),
        READER.password,
        { ...filter, ...side },
        { fetch },
      );
      expect(view.figures).toEqual(dashboardFromReports(reports, { ...filter, ...side }).figures);
    }
    const pilot = await dashboardFromClickhouse(
      reader(),
      READER.password,
      { ...filter, group: 'pilot-sales' },
      { fetch },
    );
    expect(pilot.figures.totals).toEqual({ impression: 50, open: 20 });
    expect(pilot.people?.days).toEqual([{ day, reports: 5, sawTip: 5, openedTip: 5 }]);
    expect(pilot.groups).toEqual(['pilot-sales']);
    const tiny = await dashboardFromClickhouse(
      reader(),
      READER.password,
      { ...filter, group: 'tiny' },
      { fetch },
    );
    expect(tiny.figures.totals).toEqual({});
  });

  describe('bad input', () => {
    const filter = { from: dayOf(start), to: shiftDay(dayOf(start), 6) };
    const problem = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(ClickhouseError);
      return error as ClickhouseError;
    };

    it('says ClickHouse is down, and keeps the report queued', async () => {
      const down = `http://127.0.0.1:${await freePort()}/`;
      const error = await problem(
        dashboardFromClickhouse({ ...reader(), url: down }, READER.password, filter, { fetch }),
      );
      expect(error.problem).toBe('down');

      await closeDb();
      await deleteDB(DB_NAME);
      fakeBrowser.reset();
      let now = start;
      const bg = createTestBackground({
        fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
          String(input).startsWith('chrome-extension://')
            ? new Response(tipCatalog)
            : fetch(input, init)) as typeof fetch,
        resolveBuiltin: (path) => `chrome-extension://test/${path}`,
        now: () => now,
      });
      await bg.saveClickhouse({
        which: 'report',
        settings: { ...target(), url: down },
        password: WRITER.password,
        reportFormat: 'clickhouse',
      });
      await bg.housekeeping();
      await bg.matchPage({ context: JIRA_BOARD });
      now += 24 * HOUR;
      await bg.housekeeping();
      const [entry] = (await bg.getReports()).entries;
      expect(entry).toMatchObject({ state: 'queued', attempts: 1 });
      expect(entry?.lastError).toMatch(/network error/);
    });

    it('says the password is wrong, for the dashboard and for a report (kept, to send again)', async () => {
      const error = await problem(dashboardFromClickhouse(reader(), 'wrong', filter, { fetch }));
      expect(error.problem).toBe('auth');
      expect(error.message).toMatch(/password/i);

      await closeDb();
      await deleteDB(DB_NAME);
      fakeBrowser.reset();
      let now = start;
      const bg = createTestBackground({
        fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
          String(input).startsWith('chrome-extension://')
            ? new Response(tipCatalog)
            : fetch(input, init)) as typeof fetch,
        resolveBuiltin: (path) => `chrome-extension://test/${path}`,
        now: () => now,
      });
      await bg.saveClickhouse({
        which: 'report',
        settings: target(),
        password: 'wrong',
        reportFormat: 'clickhouse',
      });
      await bg.housekeeping();
      await bg.matchPage({ context: JIRA_BOARD });
      now += 24 * HOUR;
      await bg.housekeeping();
      const [entry] = (await bg.getReports()).entries;
      expect(entry?.state).toBe('failed');
      expect(entry?.lastError).toMatch(/ClickHouse: Wrong password for user signpost_writer/);
      // The admin fixes the password; "Send now" delivers what was kept.
      await bg.saveClickhouse({ which: 'report', settings: target(), password: WRITER.password });
      const after = await bg.deliverReportsNow();
      expect(after.entries[0]?.state).toBe('sent');
    });

    it('says the table is missing', async () => {
      const error = await problem(
        dashboardFromClickhouse({ ...reader(), table: 'no_such_table' }, READER.password, filter, { fetch }),
      );
      expect(error.problem).toBe('missing-table');
      expect(error.message).toMatch(/no_such_table/);
    });

    it('says a query took too long: ClickHouse stops it, or the request gives up', async () => {
      const slow = await problem(
        query(reader(), READER.password, 'SELECT count() FROM numbers(100000000000)', {
          fetch,
          timeoutMs: 1000,
        }),
      );
      expect(slow.problem).toBe('timeout');
      expect(slow.message).toMatch(/Timeout exceeded/);
      const silent = await problem(
        query(reader(), READER.password, 'SELECT 1', {
          fetch: ((_input: RequestInfo | URL, init?: RequestInit) =>
            new Promise((_resolve, reject) =>
              init?.signal?.addEventListener('abort', () =>
                reject(new DOMException('aborted', 'AbortError')),
              ),
            )) as typeof fetch,
          timeoutMs: 100,
        }),
      );
      expect(silent.problem).toBe('timeout');
    });
  });
});
