/**
 * What the background answers the admin's options page: the settings it edits, the measurement
 * dashboard, configuration import / export, the policy view, content health, source detection and
 * the daily report, plus the housekeeping that keeps measurement storage bounded. Composed into
 * the service by utils/service.ts, which owns the sources and the caches these read.
 */

import { getDb } from './db';
import { retryByHand } from './delivery/outbox';
import { contentHealth } from './measurement/content-health';
import { rawCutoff } from './measurement/daily';
import { loadDashboard, titlesOf } from './measurement/dashboard';
import { dayOf } from './measurement/days';
import {
  compactEvents,
  packFinishedDays,
  packIfBehind,
  readDailyRows,
  readRawEvents,
} from './measurement/event-log';
import {
  deliverReports,
  makeDueReports,
  previewReport,
  type ReportDeps,
  readReports,
} from './measurement/report-delivery';
import type { ConfigCheck, Request, Response, SettingsView } from './messages';
import { isHttpUrl, parseKnowledgeItem, type SourceConfig } from './model';
import type { ServiceDeps } from './service';
import {
  applyConfig,
  CONFIG_KEYS,
  type Config,
  type ConfigRead,
  exportConfig,
  maskSecrets,
  parseConfigFile,
} from './settings/config-file';
import type { SourceAuth } from './settings/credentials';
import { policyKeys } from './settings/policy';
import {
  readOwnSettings,
  readPolicy,
  readSettings,
  type Settings,
  updateSettings,
} from './settings/settings';
import { detectSource } from './sources/detect';
import { probeFetch, type SyncDeps } from './sync/engine';

export interface AdminContext {
  deps: ServiceDeps;
  syncDeps: SyncDeps;
  allSources: () => Promise<SourceConfig[]>;
  /** Forget what is derived from the items (after sources or their switches changed). */
  invalidate: () => void;
  /** Remove a source's items, status and credentials. */
  dropSourceData: (sourceId: string) => Promise<void>;
}

export function createAdminService({ deps, syncDeps, allSources, invalidate, dropSourceData }: AdminContext) {
  const now = () => deps.now?.() ?? Date.now();

  async function settingsView(): Promise<SettingsView> {
    const [own, effective, { policy }] = await Promise.all([readOwnSettings(), readSettings(), readPolicy()]);
    return { own, effective, enforced: policyKeys(policy), locked: policy.locked === true };
  }

  function reportDeps(): ReportDeps {
    return {
      fetch: deps.fetch,
      now,
      newKey: deps.newKey ?? (() => crypto.randomUUID()),
      extensionVersion: deps.extensionVersion ?? '0.0.0',
      schedule: deps.scheduleReports ?? (() => undefined),
    };
  }

  async function reportsView(): Promise<Response<'getReports'>> {
    const [db, settings] = await Promise.all([getDb(), readSettings()]);
    const endpoint = settings.reportEndpoint;
    return {
      endpoint,
      granted: endpoint ? ((await deps.canReach?.(endpoint)) ?? true) : true,
      preview: await previewReport(db, dayOf(now()), reportDeps()),
      entries: await readReports(db),
    };
  }

  /** Checks a configuration file against the settings in force; nothing is written. */
  async function checkConfig(text: string): Promise<{ read: ConfigRead; check: ConfigCheck }> {
    const read = parseConfigFile(text);
    if (!read.ok) return { read, check: read };
    const { policy } = await readPolicy();
    const problems: string[] = [];
    // In the policy schema's order, whatever the file's.
    const keys: string[] = CONFIG_KEYS.filter((key) => key in read.config);
    if (policy.locked) {
      const enforced = new Set<string>(policyKeys(policy));
      const blocked = keys.filter((key) => enforced.has(key));
      if (blocked.length) problems.push(`set by your organisation and locked: ${blocked.join(', ')}`);
    }
    const taken = new Set((policy.sources ?? []).map((source) => source.id));
    for (const source of read.config.sources ?? []) {
      if (taken.has(source.id))
        problems.push(`sources: the id "${source.id}" is taken by a source your organisation set`);
    }
    if (problems.length) return { read, check: { ok: false, problems } };
    return {
      read,
      check: { ok: true, keys, notes: read.notes, sources: read.config.sources?.length ?? 0 },
    };
  }

  return {
    getSettings: settingsView,

    /** Saves editable settings (validated as a whole by updateSettings; locked policy keys refused). */
    async saveSettings({ change }: Request<'saveSettings'>): Promise<Response<'saveSettings'>> {
      await updateSettings(change);
      if ('demoContent' in change) invalidate();
      return settingsView();
    },

    async getDashboard(filter: Request<'getDashboard'>): Promise<Response<'getDashboard'>> {
      const db = await getDb();
      // Usually the hourly housekeeping did this already, and it is one read.
      await packIfBehind(db, dayOf(now()));
      return loadDashboard(db, filter, deps.estimate);
    },

    async exportDaily({ from, to }: Request<'exportDaily'>): Promise<Response<'exportDaily'>> {
      const db = await getDb();
      const rows = await readDailyRows(db, from, to);
      const titles: Record<string, string> = {};
      for (const id of new Set(rows.map((row) => row.itemId).filter(Boolean))) {
        const item = parseKnowledgeItem(await db.get('items', id));
        if (item) titles[id] = item.title;
      }
      return { rows, titles };
    },

    async itemTitles({ ids }: Request<'itemTitles'>): Promise<Response<'itemTitles'>> {
      return { titles: await titlesOf(await getDb(), ids) };
    },

    async exportEvents(): Promise<Response<'exportEvents'>> {
      return { events: await readRawEvents(await getDb(), rawCutoff(now())) };
    },

    async exportConfig(): Promise<Response<'exportConfig'>> {
      return { config: exportConfig(await readOwnSettings()) };
    },

    async checkConfig({ text }: Request<'checkConfig'>): Promise<Response<'checkConfig'>> {
      return (await checkConfig(text)).check;
    },

    /**
     * Imports a configuration: every key the file holds replaces the person's setting, sources
     * replace their own sources (the ones no longer listed lose their items and credentials), and
     * credentials in the file are stored apart — in one write, or not at all.
     */
    async importConfig({ text }: Request<'importConfig'>): Promise<Response<'importConfig'>> {
      const { read, check } = await checkConfig(text);
      if (!read.ok || !check.ok) return check;
      const config: Config = read.config;
      const own = await readOwnSettings();
      const next = applyConfig(own, config);
      const change: Partial<Settings> = {};
      for (const key of check.keys) (change as Record<string, unknown>)[key] = next[key as keyof Settings];
      const secrets: Record<string, SourceAuth | undefined> = {};
      const removed = config.sources
        ? own.sources.filter((source) => !config.sources?.some((other) => other.id === source.id))
        : [];
      for (const source of removed) secrets[source.id] = undefined;
      for (const source of config.sources ?? []) if (source.auth) secrets[source.id] = source.auth;
      await updateSettings(change, secrets);
      for (const source of removed) await dropSourceData(source.id);
      invalidate();
      return check;
    },

    async getPolicy(): Promise<Response<'getPolicy'>> {
      const { policy, problems } = await readPolicy();
      return {
        present: Object.keys(policy).length > 0 || problems.length > 0,
        policy: maskSecrets(policy),
        problems,
      };
    },

    async sourceHealth({ sourceId }: Request<'sourceHealth'>): Promise<Response<'sourceHealth'>> {
      if (!(await allSources()).some((source) => source.id === sourceId))
        throw new Error(`no source "${sourceId}"`);
      const [db, settings] = await Promise.all([getDb(), readSettings()]);
      const items = (await db.getAllFromIndex('items', 'bySource', sourceId))
        .map(parseKnowledgeItem)
        .filter((item) => item !== null);
      return contentHealth(
        sourceId,
        items,
        await db.get('status', sourceId),
        now(),
        settings.staleAfterMonths,
      );
    },

    async detectSource({ url }: Request<'detectSource'>): Promise<Response<'detectSource'>> {
      if (!isHttpUrl(url)) throw new Error('enter an address that starts with https:// or http://');
      return detectSource(url, probeFetch(url, syncDeps));
    },

    getReports: reportsView,

    async deliverReportsNow(): Promise<Response<'deliverReportsNow'>> {
      const [db, settings] = await Promise.all([getDb(), readSettings()]);
      // "Send now": waiting reports are due at once, failed ones are tried again from the start.
      for (const entry of await readReports(db)) {
        if (entry.state === 'queued' && entry.nextAttemptAt > now())
          await db.put('reports', { ...entry, nextAttemptAt: now() });
        if (entry.state === 'failed') await db.put('reports', retryByHand(entry, now()));
      }
      await deliverReports(db, settings.reportEndpoint, reportDeps());
      return reportsView();
    },

    /**
     * Hourly (alarm) and at start-up: finished days are packed, raw events older than 30 days go
     * (once a day), finished days get their report, and due reports are sent.
     */
    async housekeeping(): Promise<void> {
      const [db, settings] = await Promise.all([getDb(), readSettings()]);
      const today = dayOf(now());
      if ((await db.get('meta', 'compactedOn')) !== today) {
        // Once a day: every finished day packed (late rows too), old events and figures dropped.
        await packFinishedDays(db, today);
        const removed = await compactEvents(db, now());
        await db.put('meta', today, 'compactedOn');
        if (removed.events || removed.rows)
          console.info(
            `Signpost: compacted ${removed.events} raw event(s) and ${removed.rows} old daily row(s)`,
          );
      }
      await packIfBehind(db, today);
      await makeDueReports(db, settings.reportEndpoint, reportDeps());
      await deliverReports(db, settings.reportEndpoint, reportDeps());
    },
  };
}
