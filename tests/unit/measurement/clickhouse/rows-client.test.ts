import { describe, expect, it } from 'vitest';
import {
  ClickhouseError,
  clickhouseError,
  insertRequest,
  query,
  quote,
  tableName,
} from '@/utils/measurement/clickhouse/client';
import { parseClickhouseSettings } from '@/utils/measurement/clickhouse/config';
import { dashboardQueries } from '@/utils/measurement/clickhouse/figures';
import { reportToRows, rowsBody } from '@/utils/measurement/clickhouse/rows';
import { buildReport } from '@/utils/measurement/report';

const report = buildReport(
  '2026-11-30',
  [
    { day: '2026-11-30', tool: 'jira', itemId: 'kb:tip', kind: 'tip', counts: { impression: 3, open: 1 } },
    { day: '2026-11-30', tool: 'github', itemId: 'kb:a', kind: 'article', counts: { 'not-helpful': 2 } },
  ],
  [{ reaction: { kind: 'flag', reason: 'outdated' } }, { reaction: { kind: 'endorse' } }],
  { key: 'k-1', extensionVersion: '0.3.0', groups: ['pilot-sales'] },
);

describe('a report as ClickHouse rows', () => {
  it('is one report row with flags and tip tools, and one row per tool and item, zeros left out', () => {
    const rows = reportToRows(report);
    expect(rows[0]).toEqual({
      day: '2026-11-30',
      report_key: 'k-1',
      row_type: 'report',
      tool: '',
      item_id: '',
      kind: '',
      groups: ['pilot-sales'],
      extension_version: '0.3.0',
      flag_outdated: 1,
      endorsements: 1,
      tip_seen_tools: ['jira'],
      tip_opened_tools: ['jira'],
    });
    expect(rows.slice(1)).toEqual([
      expect.objectContaining({
        row_type: 'item',
        tool: 'jira',
        item_id: 'kb:tip',
        kind: 'tip',
        impression: 3,
        open: 1,
      }),
      expect.objectContaining({ row_type: 'item', tool: 'github', item_id: 'kb:a', not_helpful: 2 }),
    ]);
    expect(
      rowsBody(rows)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(rows);
  });

  it('marks one row per item for reach: an item seen on two tools counts the browser once', () => {
    const day = '2026-11-30';
    const rows = reportToRows(
      buildReport(
        day,
        [
          { day, tool: 'github', itemId: 'kb:a', kind: 'article', counts: { dismiss: 1 } },
          { day, tool: 'jira', itemId: 'kb:a', kind: 'article', counts: { impression: 2 } },
          { day, tool: 'servicenow', itemId: 'kb:a', kind: 'article', counts: { impression: 1, open: 1 } },
          { day, tool: 'jira', itemId: 'kb:b', kind: 'article', counts: { impression: 1, open: 2 } },
        ],
        [],
        { key: 'k-2', extensionVersion: '0.3.0' },
      ),
    );
    const marks = rows
      .slice(1)
      .map((row) => [row.tool, row.item_id, row.saw_item ?? 0, row.opened_item ?? 0]);
    // The report's own order (sorted) decides which row carries the mark; each item has one.
    expect(marks).toHaveLength(4);
    expect(marks).toEqual(
      expect.arrayContaining([
        ['github', 'kb:a', 0, 0],
        ['jira', 'kb:a', 1, 0],
        ['servicenow', 'kb:a', 0, 1],
        ['jira', 'kb:b', 1, 1],
      ]),
    );
  });

  it('is inserted with the user in headers, never in the address', () => {
    const target = { url: 'https://ch.example:8443/', database: 'signpost', table: 'report_rows', user: 'w' };
    const request = insertRequest(target, 'secret', 'x');
    expect(new URL(request.url).searchParams.get('query')).toBe(
      'INSERT INTO signpost.report_rows FORMAT JSONEachRow',
    );
    expect(request.url).not.toContain('secret');
    expect(request.headers).toMatchObject({ 'X-ClickHouse-User': 'w', 'X-ClickHouse-Key': 'secret' });
    expect(() => tableName({ database: 'signpost; DROP', table: 't' })).toThrow(ClickhouseError);
  });
});

describe("ClickHouse's answers", () => {
  it("reads the problem from ClickHouse's error text and status", () => {
    const wrong = clickhouseError(
      401,
      'Code: 193, e.displayText() = DB::Exception: Wrong password for user signpost_reader, e.what() = DB::Exception\n',
    );
    expect(wrong).toMatchObject({
      problem: 'auth',
      code: 193,
      message: 'Wrong password for user signpost_reader',
    });
    expect(
      clickhouseError(404, "Code: 60, e.displayText() = DB::Exception: Table signpost.x doesn't exist."),
    ).toMatchObject({
      problem: 'missing-table',
    });
    expect(
      clickhouseError(500, 'Code: 159, e.displayText() = DB::Exception: Timeout exceeded: elapsed 1 seconds'),
    ).toMatchObject({
      problem: 'timeout',
    });
    expect(clickhouseError(502, '<html>Bad gateway</html>').problem).toBe('refused');
  });

  it('says down when nothing answers, and refuses an answer that is not its JSON', async () => {
    const target = { url: 'http://127.0.0.1:1/', user: 'r' };
    const down = await query(target, 'p', 'SELECT 1', {
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    }).catch((error: unknown) => error);
    expect(down).toMatchObject({ problem: 'down' });
    const html = await query(target, 'p', 'SELECT 1', {
      fetch: (async () => new Response('<html>login</html>')) as typeof fetch,
    }).catch((error: unknown) => error);
    expect(html).toMatchObject({ problem: 'refused' });
    const sent: string[] = [];
    await query(target, 'p', 'SELECT 1', {
      fetch: (async (url: RequestInfo | URL) => {
        sent.push(String(url));
        return new Response('{"data":[{"x":1}]}');
      }) as typeof fetch,
      timeoutMs: 5000,
    });
    expect(new URL(sent[0] ?? '').searchParams.get('max_execution_time')).toBe('5');
  });
});

describe('settings and queries', () => {
  it('validates a connection, and keeps a password only from a policy', () => {
    expect(parseClickhouseSettings(undefined, 'x')).toBeUndefined();
    expect(parseClickhouseSettings(null, 'x')).toBeNull();
    expect(parseClickhouseSettings({ url: 'https://c.example/', user: 'r', password: 'p' }, 'x')).toEqual({
      url: 'https://c.example/',
      database: 'signpost',
      table: 'report_rows',
      user: 'r',
    });
    expect(
      parseClickhouseSettings({ url: 'https://c.example/', user: 'r', password: 'p' }, 'x', true),
    ).toMatchObject({
      password: 'p',
    });
    expect(parseClickhouseSettings({ url: 'ftp://c', user: 'r' }, 'x')).toMatch(/http/);
    expect(parseClickhouseSettings({ url: 'https://c.example/', user: 'r', table: 'a b' }, 'x')).toMatch(
      /table/,
    );
  });

  it('quotes what the filter brings into SQL', () => {
    expect(quote("it's \\ x")).toBe("'it\\'s \\\\ x'");
    const sql = dashboardQueries(
      { database: 'signpost', table: 'report_rows' },
      { from: '2026-11-01', to: '2026-11-30', tool: "x' OR 1=1 --", group: 'pilot' },
    );
    expect(sql.days).toContain("tool = 'x\\' OR 1=1 --'");
    expect(sql.days).toContain("has(groups, 'pilot')");
    expect(sql.days).toContain('uniqExact(report_key) >= 5');
    // Report keys come from what writers inserted: quoted too when copies are weighed.
    const weighed = dashboardQueries(
      { database: 'signpost', table: 'report_rows' },
      { from: '2026-11-01', to: '2026-11-30' },
      { weights: new Map([["k') OR 1=1 --", 2]]) },
    );
    expect(weighed.items).toContain("transform(report_key, ['k\\') OR 1=1 --'], [0.5], 1.) AS w");
    expect(weighed.items).toContain('sum(impression * w) AS impression_day');
  });
});
