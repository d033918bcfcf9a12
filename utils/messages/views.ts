/** The shapes the background answers the popup and the options page with (beyond the core types). */
import type { OutboxEntry } from '../delivery/outbox';
import type { WebhookFormat } from '../delivery/reactions';
import type { ClickhouseProblem } from '../measurement/clickhouse/client';
import type { ClickhouseSettings } from '../measurement/clickhouse/config';
import type { DashboardView } from '../measurement/dashboard';
import type { ReportEntry, ReportPayload } from '../measurement/report';
import type { ReportFormat } from '../measurement/report-target';
import type { RuleAccess } from '../rules/registered-scripts';
import type { ToolRule } from '../rules/tool-rules';
import type { Policy } from '../settings/policy';
import type { Settings } from '../settings/settings';

/** The flag webhook as the options page shows it. */
export interface WebhookSettings {
  url: string;
  format: WebhookFormat;
  /** Whether the browser lets Signpost send to that host. */
  granted: boolean;
}

/** The champion's endorsements and flags, newest first. */
export interface Activity {
  entries: OutboxEntry[];
  /** Whether a webhook is configured (otherwise flags stay local and exportable). */
  webhook: boolean;
  /** Whether endorse and flag are offered (role). */
  champion: boolean;
}

/** What the options page shows about tools: the admin's rules and which hosts are granted. */
export interface ToolSettings {
  /** The person's own rules (editable). */
  rules: ToolRule[];
  /** Rules the organisation's policy sets (read-only here). */
  policyRules: ToolRule[];
  access: RuleAccess;
}

/** Settings the options page edits with `saveSettings` (the rest have messages of their own). */
export const EDITABLE_SETTINGS = [
  'demoContent',
  'maxItems',
  'nudges',
  'audiences',
  'disabledTools',
  'reportEndpoint',
  'staleAfterMonths',
  'searchTerms',
] as const;
export type SettingsChange = Partial<Pick<Settings, (typeof EDITABLE_SETTINGS)[number]>>;

/** The settings as the options page shows them. */
export interface SettingsView {
  /** The person's own (what the options page edits and exports). */
  own: Settings;
  /** In force: the own settings with the policy applied. */
  effective: Settings;
  /** Keys the organisation's policy sets. */
  enforced: string[];
  /** Whether those keys are locked (cannot be changed here). */
  locked: boolean;
}

/** What the organisation's policy sets, for the read-only policy view (credentials masked). */
export interface PolicyView {
  /** Whether the browser has a policy for Signpost at all. */
  present: boolean;
  /** The valid part, as applied. */
  policy: Policy;
  /** The entries that were left out, and why. */
  problems: string[];
}

/** The daily report to the organisation's endpoint, as the options page shows it. */
export interface ReportsView {
  endpoint: string;
  /** Whether the browser lets Signpost send to that host. */
  granted: boolean;
  /** Exactly what today's report would hold if the day ended now. */
  preview: ReportPayload;
  /** Reports made, newest first, with their delivery state. */
  entries: ReportEntry[];
}

/** A configuration file checked before it is imported. */
export type ConfigCheck =
  | {
      ok: true;
      keys: string[];
      notes: string[];
      sources: number;
      /** Own sources whose address the file moves to another origin: their stored credentials are dropped. */
      moved?: { id: string; from: string; to: string }[];
    }
  | { ok: false; problems: string[] };

/** One ClickHouse connection as the options page shows it (never the password, only whether there is one). */
export interface ClickhouseConnectionView {
  settings: ClickhouseSettings | null;
  /** A password is stored for this address's origin, or the policy gives one. */
  hasPassword: boolean;
  /** The organisation's policy sets this connection (it cannot be changed here). */
  byPolicy: boolean;
}

/** The report format and the two ClickHouse connections (reports in, dashboard out). */
export interface ClickhouseView {
  reportFormat: ReportFormat;
  formatByPolicy: boolean;
  report: ClickhouseConnectionView;
  dashboard: ClickhouseConnectionView;
}

/** The dashboard's figures from ClickHouse, or why there are none (the page says it in words). */
export type ClickhouseDashboardAnswer =
  | { ok: true; view: DashboardView }
  | { ok: false; problem: ClickhouseProblem | 'not-set' | 'no-password'; detail: string };
