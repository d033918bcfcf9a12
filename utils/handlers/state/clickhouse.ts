/**
 * The ClickHouse connections the options page sets: what it shows (never a password), saving a
 * connection with its write-only password, and the dashboard's figures read with the reader's.
 */
import { ClickhouseError, QUERY_TIMEOUT_MS } from '../../measurement/clickhouse/client';
import type { ClickhouseSettings } from '../../measurement/clickhouse/config';
import { dashboardFromClickhouse } from '../../measurement/clickhouse/figures';
import {
  type ClickhouseSecretName,
  hasClickhousePassword,
  readClickhousePassword,
  writeClickhousePassword,
} from '../../measurement/clickhouse/secret';
import type { DashboardFilter } from '../../measurement/figures';
import type { ReportFormat } from '../../measurement/report-target';
import type {
  ClickhouseConnectionView,
  ClickhouseDashboardAnswer,
  ClickhouseView,
} from '../../messages/views';
import { policyKeys } from '../../settings/policy';
import { readPolicy, readSettings, updateSettings } from '../../settings/settings';
import type { BackgroundDeps } from './deps';

const KEYS = { report: 'reportClickhouse', dashboard: 'dashboardClickhouse' } as const;

export async function clickhouseView(): Promise<ClickhouseView> {
  const [settings, { policy }] = await Promise.all([readSettings(), readPolicy()]);
  const enforced = new Set<string>(policyKeys(policy));
  const connection = async (which: ClickhouseSecretName): Promise<ClickhouseConnectionView> => {
    const value = settings[KEYS[which]];
    const fromPolicy = policy[KEYS[which]]?.password !== undefined;
    return {
      settings: value,
      hasPassword: value ? fromPolicy || (await hasClickhousePassword(which, value.url)) : false,
      byPolicy: enforced.has(KEYS[which]),
    };
  };
  return {
    reportFormat: settings.reportFormat,
    formatByPolicy: enforced.has('reportFormat'),
    report: await connection('report'),
    dashboard: await connection('dashboard'),
  };
}

/** Saves a connection (and its password, when a new one is given; the password of another origin is dropped). */
export async function saveClickhouse({
  which,
  settings,
  password,
  reportFormat,
}: {
  which: ClickhouseSecretName;
  settings: ClickhouseSettings | null;
  password?: string;
  reportFormat?: ReportFormat;
}): Promise<ClickhouseView> {
  await updateSettings({ [KEYS[which]]: settings, ...(reportFormat ? { reportFormat } : {}) });
  if (!settings) await writeClickhousePassword(which, '', undefined);
  else if (password !== undefined) await writeClickhousePassword(which, settings.url, password || undefined);
  return clickhouseView();
}

/** The dashboard's figures from ClickHouse, or the reason there are none. */
export async function clickhouseDashboard(
  deps: BackgroundDeps,
  filter: DashboardFilter,
): Promise<ClickhouseDashboardAnswer> {
  const [settings, { policy }] = await Promise.all([readSettings(), readPolicy()]);
  const target = settings.dashboardClickhouse;
  if (!target) return { ok: false, problem: 'not-set', detail: '' };
  const password =
    policy.dashboardClickhouse?.password ?? (await readClickhousePassword('dashboard', target.url));
  if (password === undefined) return { ok: false, problem: 'no-password', detail: target.user };
  try {
    const view = await dashboardFromClickhouse(target, password, filter, {
      fetch: deps.fetch,
      timeoutMs: QUERY_TIMEOUT_MS,
    });
    return { ok: true, view };
  } catch (error) {
    if (error instanceof ClickhouseError) return { ok: false, problem: error.problem, detail: error.message };
    throw error;
  }
}
