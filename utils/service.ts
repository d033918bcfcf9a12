/**
 * What the background answers. The worker may be stopped at any moment, so everything here is
 * rebuilt on demand from IndexedDB and storage: the first message to a cold worker opens the
 * database, registers the built-in sources (syncing them if they never were) and builds the match
 * index once.
 */
import { createAdminService } from './admin-service';
import { type Db, getDb, readItems, replaceSourceItems } from './db';
import { newEntry, parseOutboxEntry, retryByHand } from './delivery/outbox';
import { deliverDue } from './delivery/send';
import {
  buildMatchIndex,
  loadMatchIndex,
  type MatchIndex,
  matchItems,
  type ReasonText,
  serializeMatchIndex,
} from './match';
import { afterAnnounce, afterReaction, localTime, mayAnnounce, parseBudgetState } from './match/budget';
import { applyAction, excludedItems, feedbackSignals, parseFeedback } from './match/feedback';
import { recordEvents } from './measurement/event-log';
import { type EventType, makeEvent } from './measurement/events';
import type { Request, Response } from './messages';
import {
  isHttpUrl,
  isRecord,
  type KnowledgeItem,
  type Match,
  type PageContext,
  parseKnowledgeItem,
  type SourceConfig,
  type SourceView,
} from './model';
import { syncRuleScripts } from './rules/registered-scripts';
import { parseToolRules } from './rules/tool-rules';
import { buildSearchIndex, type SearchIndex, searchItems } from './search';
import { type PolicySource, parseSources } from './settings/policy';
import { readSecret, writeSecret } from './settings/secrets';
import { readPolicy, readSettings, type Settings, updateSettings } from './settings/settings';
import { DEMO_SOURCE, ensureBuiltinSources, previewSource, type SyncDeps, syncSource } from './sync/engine';

export interface ServiceDeps extends SyncDeps {
  reasonText?: ReasonText;
  /** Version reported in webhook payloads. */
  extensionVersion?: string;
  /** Sets (or clears, with null) the alarm that wakes the worker to deliver the outbox. */
  scheduleDelivery?: (when: number | null) => void | Promise<void>;
  /** A fresh idempotency key. */
  newKey?: () => string;
  /** Whether the extension may send requests to a URL's host. */
  canReach?: (url: string) => Promise<boolean>;
  /** Sets (or clears) the alarm that wakes the worker to deliver daily reports. */
  scheduleReports?: (when: number | null) => void | Promise<void>;
  /** How much storage the extension uses and may use (navigator.storage.estimate). */
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** Items this browser's champion endorsed: they rank higher at once. */
async function endorsedItems(db: Db): Promise<Set<string>> {
  const entries = (await db.getAll('outbox')).map(parseOutboxEntry).filter((entry) => entry !== null);
  return new Set(entries.filter((entry) => entry.reaction.kind === 'endorse').map((entry) => entry.itemId));
}

function inWindow(item: KnowledgeItem, now: number): boolean {
  return (
    (item.startsAt === undefined || item.startsAt <= now) && (item.endsAt === undefined || now < item.endsAt)
  );
}

/** What a snapshot was made from: the enabled sources and the time of their last good sync. */
async function snapshotKey(db: Db, settings: Settings, sources: SourceConfig[]): Promise<string> {
  const parts: string[] = [];
  for (const source of sources) {
    if (!isEnabled(source, settings)) continue;
    parts.push(`${source.id}@${(await db.get('status', source.id))?.lastSuccessAt ?? 0}`);
  }
  return parts.sort().join('|');
}

function isEnabled(source: SourceConfig, settings: Settings): boolean {
  return source.id === DEMO_SOURCE.id ? settings.demoContent : source.enabled !== false;
}

export function createService(deps: ServiceDeps) {
  let index: Promise<MatchIndex> | null = null;
  let ready: Promise<void> | null = null;

  /** Built-in sources, then the policy's, then the person's own (from the options page). */
  async function allSources(): Promise<SourceConfig[]> {
    const db = await getDb();
    const builtin = (await db.getAll('sources')).filter((source) => source.builtin);
    const [policySources, own] = await Promise.all([
      readPolicy().then(({ policy }) => policy.sources ?? []),
      readSettings().then((settings) => settings.sources),
    ]);
    const taken = new Set(policySources.map((source) => source.id));
    return [...builtin, ...policySources, ...own.filter((source) => !taken.has(source.id))];
  }

  /** Credentials for a source: the policy's, never sent anywhere but the source itself. */
  async function authFor(sourceId: string) {
    const fromPolicy = (await readPolicy()).policy.sources?.find((source) => source.id === sourceId)?.auth;
    return fromPolicy ?? readSecret(sourceId);
  }

  const syncDeps: SyncDeps = { ...deps, auth: deps.auth ?? authFor };

  /** Syncs one source and, when something changed, forgets the derived indexes. */
  async function syncOne(source: SourceConfig) {
    const status = await syncSource(await getDb(), source, syncDeps);
    if (!status.error) invalidate();
    return status;
  }

  function ensureReady(): Promise<void> {
    ready ??= (async () => {
      const db = await getDb();
      await ensureBuiltinSources(db);
      for (const source of await db.getAll('sources')) {
        if (source.builtin && !(await db.get('status', source.id))?.lastSuccessAt) {
          await syncSource(db, source, syncDeps);
        }
      }
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  }

  let items: Promise<KnowledgeItem[]> | null = null;
  let search: Promise<SearchIndex> | null = null;

  /** The items of the enabled sources, read once per worker life (and after every change). */
  function loadItems(): Promise<KnowledgeItem[]> {
    items ??= (async () => {
      await ensureReady();
      const [db, settings, sources] = await Promise.all([getDb(), readSettings(), allSources()]);
      const enabled = new Set(
        sources.filter((source) => isEnabled(source, settings)).map((source) => source.id),
      );
      return readItems(db, enabled);
    })().catch((error: unknown) => {
      items = null;
      throw error;
    });
    return items;
  }

  /**
   * The match index: from the snapshot in IndexedDB when it was made from the same sources at the
   * same sync, so that a cold worker answers without re-indexing; otherwise built from the items
   * and saved as the new snapshot.
   */
  function loadIndex(): Promise<MatchIndex> {
    index ??= (async () => {
      await ensureReady();
      const [db, settings] = await Promise.all([getDb(), readSettings()]);
      const key = await snapshotKey(db, settings, await allSources());
      const stored = await db.get('meta', 'matchIndex');
      if (isRecord(stored) && stored.key === key) {
        const loaded = loadMatchIndex(stored.snapshot);
        if (loaded) return loaded;
      }
      const built = buildMatchIndex(await loadItems());
      db.put('meta', { key, snapshot: serializeMatchIndex(built) }, 'matchIndex').catch((error: unknown) =>
        console.warn('Signpost: index snapshot not saved', error),
      );
      return built;
    })().catch((error: unknown) => {
      index = null;
      throw error;
    });
    return index;
  }

  /** The champion's search index, built on the first search of a worker life. */
  function loadSearch(): Promise<SearchIndex> {
    search ??= loadItems()
      .then(buildSearchIndex)
      .catch((error: unknown) => {
        search = null;
        throw error;
      });
    return search;
  }

  /** Forgets everything derived from the items, after sources or their switches change. */
  function invalidate(): void {
    items = null;
    index = null;
    search = null;
  }

  async function deliver(): Promise<void> {
    const [db, settings] = await Promise.all([getDb(), readSettings()]);
    await deliverDue(db, settings, {
      fetch: deps.fetch,
      now: () => deps.now?.() ?? Date.now(),
      extensionVersion: deps.extensionVersion ?? '0.0.0',
      schedule: deps.scheduleDelivery ?? (() => undefined),
    });
  }

  async function activity(): Promise<Response<'listActivity'>> {
    const [db, settings] = await Promise.all([getDb(), readSettings()]);
    const entries = (await db.getAll('outbox'))
      .map(parseOutboxEntry)
      .filter((entry) => entry !== null)
      .sort((a, b) => b.createdAt - a.createdAt);
    return { entries, webhook: settings.flagWebhook !== '', champion: settings.role !== 'employee' };
  }

  async function listSources(): Promise<Response<'listSources'>> {
    await ensureReady();
    const [db, settings] = await Promise.all([getDb(), readSettings()]);
    const policyIds = new Set(((await readPolicy()).policy.sources ?? []).map((source) => source.id));
    const sources: SourceView[] = [];
    for (const { auth: _secret, ...source } of (await allSources()) as PolicySource[]) {
      const status = (await db.get('status', source.id)) ?? {
        sourceId: source.id,
        itemCount: 0,
        warnings: [],
      };
      const origin = source.builtin ? 'builtin' : policyIds.has(source.id) ? 'policy' : 'own';
      sources.push({ ...source, enabled: isEnabled(source, settings), origin, status });
    }
    return { sources };
  }

  /**
   * A current new-capability tip aimed at this tool, never announced before, when the attention
   * budget allows one now. Marks it announced and spends the budget.
   */
  async function pickAnnouncement(
    db: Db,
    context: PageContext,
    matches: Match[],
    records: { itemId: string; announcedAt?: number }[],
    budgetSettings: Settings['nudges'],
    now: number,
  ): Promise<string | undefined> {
    const announced = new Set(records.filter((r) => r.announcedAt !== undefined).map((r) => r.itemId));
    const tip = matches.find(
      ({ item }) =>
        item.kind === 'tip' &&
        item.tools.includes(context.tool ?? '') &&
        inWindow(item, now) &&
        !announced.has(item.id),
    );
    if (!tip) return undefined;
    const local = localTime(now);
    const budget = parseBudgetState(await db.get('meta', 'budget'));
    if (!mayAnnounce(budget, budgetSettings, now, local).ok) return undefined;
    const previous = parseFeedback(await db.get('feedback', tip.item.id));
    await db.put('meta', afterAnnounce(budget, tip.item.id, now, local), 'budget');
    await db.put('feedback', {
      ...(previous ?? { itemId: tip.item.id, views: 0 }),
      announcedAt: now,
      updatedAt: now,
    });
    return tip.item.id;
  }

  async function getToolSettings(): Promise<Response<'getToolSettings'>> {
    const [effective, { policy }] = await Promise.all([readSettings(), readPolicy()]);
    const policyRules = policy.toolRules ?? [];
    // The person's own rules follow the policy's in the settings in force.
    const rules = effective.toolRules.slice(policyRules.length);
    return { rules, policyRules, access: await syncRuleScripts(effective.toolRules) };
  }

  /** A source's items, status and credentials, gone (after it was removed). */
  async function dropSourceData(sourceId: string): Promise<void> {
    await writeSecret(sourceId, undefined);
    const db = await getDb();
    await replaceSourceItems(db, sourceId, [], { sourceId, itemCount: 0, warnings: [] });
    await db.delete('status', sourceId);
  }

  const core = {
    async matchPage({ context }: Request<'matchPage'>): Promise<Response<'matchPage'>> {
      const now = deps.now?.() ?? Date.now();
      const [matchIndex, settings, db] = await Promise.all([loadIndex(), readSettings(), getDb()]);
      if (
        context.tool === null ||
        settings.disabledTools.includes(context.tool) ||
        settings.pausedSites.includes(new URL(context.url).host)
      )
        return { matches: [] };
      const records = (await db.getAll('feedback')).map(parseFeedback).filter((record) => record !== null);
      const options = {
        limit: settings.maxItems,
        now,
        reasonText: deps.reasonText,
        exclude: excludedItems(records, settings.nudges, now),
        audiences: settings.audiences,
        signals: { feedback: feedbackSignals(records), endorsed: await endorsedItems(db) },
      };
      const matches = matchItems(matchIndex, context, options);
      const events = matches.map((m) =>
        makeEvent('impression', now, context.tool ?? '', context.area, m.item.id, m.item.kind),
      );
      const announce = await pickAnnouncement(db, context, matches, records, settings.nudges, now);
      if (announce) events.push(makeEvent('announce', now, context.tool, context.area, announce, 'tip'));
      await recordEvents(db, events, now);
      const shown = new Set(matches.map((m) => m.item.id));
      const votes = Object.fromEntries(
        records
          .filter((r) => r.vote && shown.has(r.itemId))
          .map((r) => [r.itemId, r.vote as 'helpful' | 'not-helpful']),
      );
      return { matches, votes, ...(announce ? { announce } : {}) };
    },

    async recordAction(request: Request<'recordAction'>): Promise<Response<'recordAction'>> {
      const now = deps.now?.() ?? Date.now();
      const [db, settings] = await Promise.all([getDb(), readSettings()]);
      const { itemId, action, tool, area } = request;
      const budget = parseBudgetState(await db.get('meta', 'budget'));
      if (action === 'announce-dismissed') {
        await db.put('meta', afterReaction(budget, settings.nudges, 'dismissed', now), 'budget');
      } else {
        const previous = parseFeedback(await db.get('feedback', itemId)) ?? undefined;
        await db.put('feedback', applyAction(previous, itemId, action, now));
        if (action !== 'panel')
          await db.put('meta', afterReaction(budget, settings.nudges, 'engaged', now), 'budget');
      }
      const type: EventType = action === 'snooze-day' || action === 'snooze-week' ? 'snooze' : action;
      const kind = parseKnowledgeItem(await db.get('items', itemId))?.kind;
      await recordEvents(db, [makeEvent(type, now, tool, area, itemId, kind)], now);
      return {};
    },

    async searchItems({ query, tool, kind }: Request<'searchItems'>): Promise<Response<'searchItems'>> {
      const hits = searchItems(await loadSearch(), query, {
        ...(tool ? { tool } : {}),
        ...(kind ? { kind } : {}),
      });
      return { hits: hits.map(({ item }) => item) };
    },

    /** Counts a search that found nothing: the query text only, as a content-gap signal. */
    async recordGap({ query }: Request<'recordGap'>): Promise<Response<'recordGap'>> {
      const key = query.trim().toLowerCase().replace(/\s+/g, ' ');
      if (!key) return {};
      const db = await getDb();
      const now = deps.now?.() ?? Date.now();
      const tx = db.transaction('gaps', 'readwrite');
      const previous = await tx.store.get(key);
      await tx.store.put({ query: key, count: (previous?.count ?? 0) + 1, lastAt: now });
      await tx.done;
      // Counted per day for the dashboard and the report; the words stay in `gaps`.
      await recordEvents(db, [makeEvent('gap', now, '')], now);
      return {};
    },

    /** Stores an endorsement or flag in the outbox (before answering), then tries to deliver it. */
    async react({ itemId, reaction }: Request<'react'>): Promise<Response<'react'>> {
      const [db, settings] = await Promise.all([getDb(), readSettings()]);
      if (settings.role === 'employee') throw new Error('endorsing and flagging are for champions here');
      const item = parseKnowledgeItem(await db.get('items', itemId));
      if (!item) throw new Error(`no item "${itemId}" in the cache`);
      const now = deps.now?.() ?? Date.now();
      const record = {
        key: deps.newKey?.() ?? crypto.randomUUID(),
        itemId,
        title: item.title,
        url: item.url,
        sourceId: item.sourceId,
        reaction,
        createdAt: now,
      };
      await db.put('outbox', newEntry(record, settings.flagWebhook !== '', now));
      deliver().catch((error: unknown) => console.warn('Signpost: delivery will be retried', error));
      return activity();
    },

    listActivity: activity,

    async retryDelivery({ key }: Request<'retryDelivery'>): Promise<Response<'retryDelivery'>> {
      const db = await getDb();
      const entry = parseOutboxEntry(await db.get('outbox', key));
      if (!entry) throw new Error('no such flag or endorsement');
      await db.put('outbox', retryByHand(entry, deps.now?.() ?? Date.now()));
      await deliver();
      return activity();
    },

    async getWebhook(): Promise<Response<'getWebhook'>> {
      const { flagWebhook, webhookFormat } = await readSettings();
      return {
        url: flagWebhook,
        format: webhookFormat,
        granted: (await deps.canReach?.(flagWebhook)) ?? true,
      };
    },

    async saveWebhook({ url, format }: Request<'saveWebhook'>): Promise<Response<'saveWebhook'>> {
      if (url !== '' && !isHttpUrl(url)) throw new Error('the webhook must be an http(s) URL');
      await updateSettings({ flagWebhook: url, webhookFormat: format });
      deliver().catch((error: unknown) => console.warn('Signpost: delivery will be retried', error));
      return { url, format, granted: (await deps.canReach?.(url)) ?? true };
    },

    /** Sends what is due (alarm, start-up, after a change of webhook). */
    deliver,

    /** "Send now": queued entries waiting for their next attempt are sent at once. */
    async deliverNow(): Promise<Response<'deliverNow'>> {
      const db = await getDb();
      const now = deps.now?.() ?? Date.now();
      for (const entry of (await db.getAll('outbox')).map(parseOutboxEntry)) {
        if (entry?.state === 'queued' && entry.nextAttemptAt > now)
          await db.put('outbox', { ...entry, nextAttemptAt: now });
      }
      await deliver();
      return activity();
    },

    /** Pauses or resumes Signpost on a host. */
    async setSitePaused(host: string, paused: boolean): Promise<Record<string, never>> {
      const { pausedSites } = await readSettings();
      const next = paused
        ? [...new Set([...pausedSites, host])]
        : pausedSites.filter((site) => site !== host);
      await updateSettings({ pausedSites: next });
      const now = deps.now?.() ?? Date.now();
      if (paused) await recordEvents(await getDb(), [makeEvent('pause', now, '')], now);
      return {};
    },

    listSources,

    /** The demo content's switch, or one of the person's own sources on or off. */
    async setSourceEnabled({
      sourceId,
      enabled,
    }: Request<'setSourceEnabled'>): Promise<Response<'setSourceEnabled'>> {
      if (sourceId === DEMO_SOURCE.id) {
        await updateSettings({ demoContent: enabled });
      } else {
        const own = (await readSettings()).sources;
        const current = own.find((source) => source.id === sourceId);
        if (!current) throw new Error(`no source of yours is called "${sourceId}"`);
        const { enabled: _was, ...on } = current;
        const next = enabled ? on : { ...on, enabled: false };
        await updateSettings({ sources: own.map((source) => (source === current ? next : source)) });
        if (enabled) await syncOne(next);
      }
      invalidate();
      return listSources();
    },

    /** Also re-registers the rule hosts' content script for the current rules and grants. */
    getToolSettings,

    async saveToolRules({ rules }: Request<'saveToolRules'>): Promise<Response<'saveToolRules'>> {
      const parsed = parseToolRules(rules);
      if (parsed.problems.length) throw new Error(parsed.problems.join('; '));
      await updateSettings({ toolRules: parsed.rules });
      return getToolSettings();
    },

    /** Re-reads the built-in sources (after an update of the extension ships new demo content). */
    async syncBuiltins(): Promise<void> {
      await ensureReady();
      const db = await getDb();
      for (const source of await db.getAll('sources')) {
        if (source.builtin) await syncSource(db, source, syncDeps);
      }
      invalidate();
    },

    /** "Test": reads a source once without storing anything. */
    async previewSource({ source, auth }: Request<'previewSource'>): Promise<Response<'previewSource'>> {
      const parsed = parseSources([source]);
      const config = parsed.sources[0];
      if (!config) throw new Error(parsed.problems.join('; '));
      return previewSource(config, syncDeps, auth ?? (await readSecret(config.id)));
    },

    /** Adds or replaces one of the person's own sources (credentials kept apart), then syncs it. */
    async saveSource({ source, auth }: Request<'saveSource'>): Promise<Response<'saveSource'>> {
      const parsed = parseSources([source]);
      const config = parsed.sources[0];
      if (!config) throw new Error(parsed.problems.join('; '));
      const { policy } = await readPolicy();
      if (policy.sources?.some((other) => other.id === config.id)) {
        throw new Error(`the id "${config.id}" is taken by a source your organisation set`);
      }
      const { auth: _none, ...stored } = config;
      const own = (await readSettings()).sources.filter((other) => other.id !== config.id);
      await updateSettings({ sources: [...own, stored] });
      if (auth !== undefined) await writeSecret(config.id, auth ?? undefined);
      await syncOne(stored);
      return listSources();
    },

    /** Removes one of the person's own sources with its items, status and credentials. */
    async removeSource({ sourceId }: Request<'removeSource'>): Promise<Response<'removeSource'>> {
      const own = (await readSettings()).sources;
      if (!own.some((source) => source.id === sourceId))
        throw new Error(`no source of yours is called "${sourceId}"`);
      await updateSettings({ sources: own.filter((source) => source.id !== sourceId) });
      await dropSourceData(sourceId);
      invalidate();
      return listSources();
    },

    /** "Sync now". */
    async syncNow({ sourceId }: Request<'syncNow'>): Promise<Response<'syncNow'>> {
      const source = (await allSources()).find((candidate) => candidate.id === sourceId);
      if (!source) throw new Error(`no source "${sourceId}"`);
      await syncOne(source);
      return listSources();
    },

    /** Which sources sync how often (for the background's alarms). */
    async schedule(): Promise<{ id: string; intervalMinutes: number }[]> {
      return (await allSources())
        .filter((source) => !source.builtin && source.enabled !== false)
        .map((source) => ({ id: source.id, intervalMinutes: source.intervalMinutes ?? 60 }));
    },

    /** Syncs a source by id (alarm, "Sync now"); unknown ids are ignored. */
    async syncById(id: string) {
      const source = (await allSources()).find((candidate) => candidate.id === id);
      return source && source.enabled !== false ? syncOne(source) : undefined;
    },

    /** Syncs every configured source that never synced (after install or a policy change). */
    async syncNew(): Promise<void> {
      const db = await getDb();
      for (const source of await allSources()) {
        if (source.builtin || source.enabled === false) continue;
        if (!(await db.get('status', source.id))?.lastSuccessAt) await syncOne(source);
      }
    },
  };

  return {
    ...core,
    ...createAdminService({ deps, syncDeps, allSources, invalidate, dropSourceData }),
  };
}

export type Service = ReturnType<typeof createService>;
