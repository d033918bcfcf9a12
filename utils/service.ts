/**
 * What the background answers. The worker may be stopped at any moment, so everything here is
 * rebuilt on demand from IndexedDB and storage: the first message to a cold worker opens the
 * database, registers the built-in sources (syncing them if they never were) and builds the match
 * index once.
 */
import { afterAnnounce, afterReaction, localTime, mayAnnounce, parseBudgetState } from './budget';
import { type Db, getDb, readItems } from './db';
import { type EventType, makeEvent, type SignpostEvent } from './events';
import { applyAction, excludedItems, feedbackSignals, parseFeedback } from './feedback';
import { buildMatchIndex, type MatchIndex, matchItems, type ReasonText } from './match';
import type { Request, Response } from './messages';
import type { KnowledgeItem, Match, PageContext, SourceConfig, SourceView } from './model';
import { syncRuleScripts } from './rule-scripts';
import { parseToolRules } from './rules';
import { readSettings, type Settings, updateSettings } from './settings';
import { DEMO_SOURCE, ensureBuiltinSources, type SyncDeps, syncSource } from './sync';

export interface ServiceDeps extends SyncDeps {
  reasonText?: ReasonText;
}

async function addEvents(db: Db, events: SignpostEvent[]): Promise<void> {
  if (events.length === 0) return;
  const tx = db.transaction('events', 'readwrite');
  await Promise.all([...events.map((event) => tx.store.add(event)), tx.done]);
}

function inWindow(item: KnowledgeItem, now: number): boolean {
  return (
    (item.startsAt === undefined || item.startsAt <= now) && (item.endsAt === undefined || now < item.endsAt)
  );
}

function isEnabled(source: SourceConfig, settings: Settings): boolean {
  return source.id === DEMO_SOURCE.id ? settings.demoContent : true;
}

export function createService(deps: ServiceDeps) {
  let index: Promise<MatchIndex> | null = null;
  let ready: Promise<void> | null = null;

  /** Built-in sources registered, and synced once if they never were. */
  function ensureReady(): Promise<void> {
    ready ??= (async () => {
      const db = await getDb();
      await ensureBuiltinSources(db);
      for (const source of await db.getAll('sources')) {
        if (source.builtin && !(await db.get('status', source.id))?.lastSuccessAt) {
          await syncSource(db, source, deps);
        }
      }
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  }

  function loadIndex(): Promise<MatchIndex> {
    index ??= (async () => {
      await ensureReady();
      const [db, settings] = await Promise.all([getDb(), readSettings()]);
      const sources = await db.getAll('sources');
      const enabled = new Set(
        sources.filter((source) => isEnabled(source, settings)).map((source) => source.id),
      );
      return buildMatchIndex(await readItems(db, enabled));
    })().catch((error: unknown) => {
      index = null;
      throw error;
    });
    return index;
  }

  async function listSources(): Promise<Response<'listSources'>> {
    await ensureReady();
    const [db, settings] = await Promise.all([getDb(), readSettings()]);
    const sources: SourceView[] = [];
    for (const source of await db.getAll('sources')) {
      const status = (await db.get('status', source.id)) ?? {
        sourceId: source.id,
        itemCount: 0,
        warnings: [],
      };
      sources.push({ ...source, enabled: isEnabled(source, settings), status });
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
    const { toolRules } = await readSettings();
    return { rules: toolRules, access: await syncRuleScripts(toolRules) };
  }

  return {
    async matchPage({ context }: Request<'matchPage'>): Promise<Response<'matchPage'>> {
      const now = deps.now?.() ?? Date.now();
      const [matchIndex, settings, db] = await Promise.all([loadIndex(), readSettings(), getDb()]);
      if (context.tool === null || settings.pausedSites.includes(new URL(context.url).host))
        return { matches: [] };
      const records = (await db.getAll('feedback')).map(parseFeedback).filter((record) => record !== null);
      const options = {
        limit: settings.maxItems,
        now,
        reasonText: deps.reasonText,
        exclude: excludedItems(records, settings.nudges, now),
        audiences: settings.audiences,
        signals: { feedback: feedbackSignals(records) },
      };
      const matches = matchItems(matchIndex, context, options);
      const events = matches.map((m) =>
        makeEvent('impression', now, context.tool ?? '', context.area, m.item.id),
      );
      const announce = await pickAnnouncement(db, context, matches, records, settings.nudges, now);
      if (announce) events.push(makeEvent('announce', now, context.tool, context.area, announce));
      await addEvents(db, events);
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
      await addEvents(db, [makeEvent(type, now, tool, area, itemId)]);
      return {};
    },

    /** Pauses or resumes Signpost on a host. */
    async setSitePaused(host: string, paused: boolean): Promise<Record<string, never>> {
      const { pausedSites } = await readSettings();
      const next = paused
        ? [...new Set([...pausedSites, host])]
        : pausedSites.filter((site) => site !== host);
      await updateSettings({ pausedSites: next });
      if (paused) await addEvents(await getDb(), [makeEvent('pause', deps.now?.() ?? Date.now(), '')]);
      return {};
    },

    listSources,

    async setSourceEnabled({
      sourceId,
      enabled,
    }: Request<'setSourceEnabled'>): Promise<Response<'setSourceEnabled'>> {
      if (sourceId !== DEMO_SOURCE.id) throw new Error(`no source "${sourceId}"`);
      await updateSettings({ demoContent: enabled });
      index = null;
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
        if (source.builtin) await syncSource(db, source, deps);
      }
      index = null;
    },
  };
}

export type Service = ReturnType<typeof createService>;
