/**
 * The ClickHouse settings (`reportClickhouse`, `dashboardClickhouse`) as the options page, an
 * imported file or the policy give them, validated. A policy may also carry the password (a fleet
 * cannot type it in 10,000 browsers); it stays in the policy, is masked where the policy is shown,
 * and is never exported.
 */
import { isHttpUrl, isRecord } from '../../model';
import { type ClickhouseTarget, DEFAULT_DATABASE, DEFAULT_TABLE, isIdentifier } from './client';

/** A ClickHouse target as settings keep it (the password is stored apart: ./secret.ts). */
export type ClickhouseSettings = ClickhouseTarget;

/** As a policy may give it. */
export interface PolicyClickhouse extends ClickhouseSettings {
  password?: string;
}

const USER = /^[A-Za-z0-9_.@-]{1,64}$/;

/**
 * A ClickHouse target: null to switch it off, undefined when absent, a string when malformed
 * (the reason). `password` is read only when `withPassword` (policies).
 */
export function parseClickhouseSettings(
  value: unknown,
  where: string,
  withPassword = false,
): PolicyClickhouse | null | undefined | string {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (!isRecord(value)) return `${where} must be an object { url, database, table, user } or null`;
  const { url, user } = value;
  if (!isHttpUrl(url)) return `${where}.url must be the http(s) address of ClickHouse's HTTP interface`;
  const database = value.database ?? DEFAULT_DATABASE;
  const table = value.table ?? DEFAULT_TABLE;
  if (!isIdentifier(database)) return `${where}.database must be a name of letters, digits and _`;
  if (!isIdentifier(table)) return `${where}.table must be a name of letters, digits and _`;
  if (typeof user !== 'string' || !USER.test(user)) return `${where}.user must be a ClickHouse user name`;
  const out: PolicyClickhouse = { url, database, table, user };
  if (withPassword && typeof value.password === 'string' && value.password) out.password = value.password;
  return out;
}

/** The settings without a password (what settings store and exports hold). */
export function withoutPassword(value: PolicyClickhouse): ClickhouseSettings {
  const { password: _secret, ...rest } = value;
  return rest;
}
