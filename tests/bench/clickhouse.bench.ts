/**
 * The dashboard's queries against ClickHouse at an organisation's scale: 10,000 browsers × 30 days
 * of daily reports (300,000 reports, about 2.7 million rows; 1% of the reports inserted twice, as
 * a retry after a lost answer does), bulk-loaded through the report's row format into Debian's
 * clickhouse-server 18.16 started on 127.0.0.1 (tests/integration/clickhouse-server.ts). Timed:
 * the whole dashboard view (four aggregate queries side by side) for 30 and 7 days, for
 * everyone and for a pilot group. Skipped when clickhouse-server is not installed.
 */
import { afterAll, bench, describe } from 'vitest';
import { dashboardFromClickhouse } from '@/utils/measurement/clickhouse/figures';
import { reportToRows, rowsBody } from '@/utils/measurement/clickhouse/rows';
import type { DailyRow } from '@/utils/measurement/daily';
import { shiftDay } from '@/utils/measurement/days';
import { buildReport } from '@/utils/measurement/report';
import {
  type Clickhouse,
  missingClickhouse,
  READER,
  startClickhouse,
} from '../integration/clickhouse-server';

const BROWSERS = 10_000;
const DAYS = 30;
const LAST = '2026-11-30';
const FIRST = shiftDay(LAST, -(DAYS - 1));
const TOOLS = ['jira', 'salesforce', 'servicenow', 'workday', 'github', 'google-docs'];
const ITEMS = 2000;

/** Park–Miller: the same month on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

/** One browser's day: 2–14 items on 1–3 tools, popular items most often, a tip now and then. */
function dayRows(day: string, next: () => number): DailyRow[] {
  const rows = new Map<string, DailyRow>();
  const tools = TOOLS.slice(0, 1 + Math.floor(next() * 3));
  const count = 2 + Math.floor(next() * 13);
  for (let i = 0; i < count; i++) {
    const tool = tools[Math.floor(next() * tools.length)] ?? 'jira';
    const item = Math.floor(ITEMS * next() ** 3);
    const tip = item % 10 === 0;
    const key = `${tool}:${item}`;
    const row = rows.get(key) ?? {
      day,
      tool,
      itemId: `kb:${tip ? 'tip' : 'article'}-${item}`,
      kind: tip ? 'tip' : 'article',
      counts: {},
    };
    row.counts.impression = (row.counts.impression ?? 0) + 1 + Math.floor(next() * 3);
    if (next() < 0.15) row.counts.open = (row.counts.open ?? 0) + 1;
    if (next() < 0.05) row.counts.helpful = (row.counts.helpful ?? 0) + 1;
    if (next() < 0.02) row.counts['not-helpful'] = (row.counts['not-helpful'] ?? 0) + 1;
    if (next() < 0.03) row.counts.dismiss = (row.counts.dismiss ?? 0) + 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

async function load(server: Clickhouse): Promise<number> {
  let total = 0;
  for (let d = 0; d < DAYS; d++) {
    const day = shiftDay(FIRST, d);
    const next = random(1000 + d);
    const lines: string[] = [];
    for (let b = 0; b < BROWSERS; b++) {
      const groups = b % 10 === 0 ? ['pilot-sales'] : b % 33 === 0 ? ['pilot-hr'] : [];
      const flags =
        next() < 0.01 ? [{ reaction: { kind: 'flag' as const, reason: 'outdated' as const } }] : [];
      const report = buildReport(day, dayRows(day, next), flags, {
        key: `b${b}-${day}`,
        extensionVersion: '0.3.0',
        groups,
      });
      const body = rowsBody(reportToRows(report));
      lines.push(body);
      if (next() < 0.01) lines.push(body); // a retry after a lost answer
    }
    const text = lines.join('');
    total += text.split('\n').length - 1;
    await server.admin(`INSERT INTO signpost.report_rows FORMAT JSONEachRow\n${text}`);
  }
  return total;
}

let server: Clickhouse | null = null;
if (!missingClickhouse) {
  server = await startClickhouse();
  const started = performance.now();
  const rows = await load(server);
  // Measured at rest: the background merges of the fresh inserts are over (at most a minute).
  for (let wait = 0; wait < 60; wait++) {
    if ((await server.admin('SELECT count() FROM system.merges FORMAT TSV')).trim() === '0') break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.info(
    `ClickHouse bench: ${rows.toLocaleString('en')} rows of ${(BROWSERS * DAYS).toLocaleString('en')} reports loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} else {
  console.warn(`skipping the ClickHouse benchmark: ${missingClickhouse}`);
}

afterAll(async () => {
  await server?.stop();
});

const options = { iterations: 5, warmupIterations: 1, time: 0 };
const view = (from: string, group?: string) => () =>
  dashboardFromClickhouse(
    { url: server?.url ?? '', database: 'signpost', table: 'report_rows', user: READER.user },
    READER.password,
    { from, to: LAST, ...(group ? { group } : {}) },
    { fetch, timeoutMs: 120_000 },
  ).then(() => undefined);

describe.skipIf(!server)('ClickHouse dashboard, 10,000 browsers × 30 days', () => {
  bench('30 days, everyone: the whole view', view(FIRST), options);
  bench('30 days, pilot group', view(FIRST, 'pilot-sales'), options);
  bench('7 days, everyone', view(shiftDay(LAST, -6)), options);
});
