/**
 * ClickHouse's HTTP interface, through fetch: `INSERT … FORMAT JSONEachRow` for the daily report,
 * `SELECT … FORMAT JSON` for the dashboard. The user and password travel in the
 * X-ClickHouse-User / X-ClickHouse-Key headers (never in the address, which servers log), only to
 * the server's own address. Errors say what is wrong in the admin's words: the server does not
 * answer, the password is wrong, the table is missing, the query took too long.
 */
import { isHttpUrl, isRecord } from '../../model';

/** Where reports go or figures come from; the password is kept apart (./secret.ts). */
export interface ClickhouseTarget {
  /** The HTTP interface's base address, e.g. https://clickhouse.intranet.example:8443/ */
  url: string;
  database: string;
  /** The reports' table (docs/clickhouse/schema.sql). */
  table: string;
  user: string;
}

export const DEFAULT_DATABASE = 'signpost';
export const DEFAULT_TABLE = 'report_rows';
/** How long a dashboard query may run (ClickHouse's max_execution_time, and the request's timeout). */
export const QUERY_TIMEOUT_MS = 15_000;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A database, table or user name Signpost accepts (it goes into SQL unquoted). */
export const isIdentifier = (value: unknown): value is string =>
  typeof value === 'string' && IDENTIFIER.test(value);

/** A target's `database.table`, validated. */
export function tableName(target: Pick<ClickhouseTarget, 'database' | 'table'>): string {
  if (!isIdentifier(target.database) || !isIdentifier(target.table))
    throw new ClickhouseError('refused', 'the database and table names must be letters, digits and _');
  return `${target.database}.${target.table}`;
}

/** A SQL string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Why a request to ClickHouse did not work. */
export type ClickhouseProblem = 'down' | 'auth' | 'missing-table' | 'timeout' | 'refused';

export class ClickhouseError extends Error {
  constructor(
    readonly problem: ClickhouseProblem,
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'ClickhouseError';
  }
}

/** ClickHouse's error codes that say what the admin must fix. */
const AUTH_CODES = new Set([192, 193, 194, 195, 516]); // unknown user, wrong password, …
const MISSING_CODES = new Set([60, 81]); // unknown table, unknown database
const TIMEOUT_CODES = new Set([159, 160]); // timeout exceeded, too slow

/** The error a ClickHouse answer describes ("Code: 193, e.displayText() = DB::Exception: …"). */
export function clickhouseError(status: number, body: string): ClickhouseError {
  const match = /Code:\s*(\d+)/.exec(body);
  const code = match ? Number(match[1]) : undefined;
  const text =
    /DB::Exception:\s*(.*?)(?:,\s*e\.what\(\)|\s*\(version|$)/s.exec(body)?.[1]?.trim() ??
    body.trim().slice(0, 200);
  const detail = text.replace(/\s+/g, ' ').slice(0, 300) || `HTTP ${status}`;
  if ((code !== undefined && AUTH_CODES.has(code)) || status === 401 || status === 403)
    return new ClickhouseError('auth', detail, code);
  if ((code !== undefined && MISSING_CODES.has(code)) || status === 404)
    return new ClickhouseError('missing-table', detail, code);
  if (code !== undefined && TIMEOUT_CODES.has(code)) return new ClickhouseError('timeout', detail, code);
  return new ClickhouseError('refused', detail, code);
}

/** The HTTP interface's address with a query string (the base's own path kept). */
export function endpoint(base: string, params: Record<string, string>): string {
  if (!isHttpUrl(base)) throw new ClickhouseError('refused', 'the ClickHouse address must be http(s)');
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

export function authHeaders(user: string, password: string): Record<string, string> {
  return { 'X-ClickHouse-User': user, 'X-ClickHouse-Key': password };
}

/** The POST that inserts JSONEachRow rows into the target's table (for the outbox's postOnce). */
export function insertRequest(
  target: ClickhouseTarget,
  password: string,
  body: string,
): { url: string; headers: Record<string, string>; body: string } {
  return {
    url: endpoint(target.url, { query: `INSERT INTO ${tableName(target)} FORMAT JSONEachRow` }),
    headers: { 'content-type': 'text/plain; charset=utf-8', ...authHeaders(target.user, password) },
    body,
  };
}

export interface QueryDeps {
  fetch: typeof fetch;
  timeoutMs?: number;
}

/**
 * Runs a SELECT and returns its rows (FORMAT JSON's `data`). The server stops the query after
 * the timeout (max_execution_time); the request gives up two seconds later.
 */
export async function query<Row = Record<string, unknown>>(
  target: Pick<ClickhouseTarget, 'url' | 'user'>,
  password: string,
  sql: string,
  deps: QueryDeps,
): Promise<Row[]> {
  const timeoutMs = deps.timeoutMs ?? QUERY_TIMEOUT_MS;
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  const url = endpoint(target.url, { max_execution_time: String(seconds) });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs + 2000);
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', ...authHeaders(target.user, password) },
      body: `${sql}\nFORMAT JSON`,
      signal: controller.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (error) {
    clearTimeout(timer);
    if (controller.signal.aborted)
      throw new ClickhouseError('timeout', `no answer within ${Math.round((timeoutMs + 2000) / 1000)} s`);
    throw new ClickhouseError('down', error instanceof Error ? error.message : String(error));
  }
  try {
    const text = await response.text();
    if (!response.ok) throw clickhouseError(response.status, text);
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      throw new ClickhouseError('refused', `the answer is not ClickHouse's JSON: ${text.slice(0, 120)}`);
    }
    if (!isRecord(doc) || !Array.isArray(doc.data))
      throw new ClickhouseError('refused', "the answer is not ClickHouse's JSON");
    return doc.data as Row[];
  } catch (error) {
    if (error instanceof ClickhouseError) throw error;
    if (controller.signal.aborted)
      throw new ClickhouseError('timeout', `no answer within ${Math.round((timeoutMs + 2000) / 1000)} s`);
    throw new ClickhouseError('down', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}
