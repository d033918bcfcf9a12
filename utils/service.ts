/**
 * What the background answers. The worker may be stopped at any moment, so everything here is
 * rebuilt on demand from IndexedDB and storage: the first message to a cold worker opens the
 * database, registers the built-in sources (syncing them if they never were) and builds the match
 * index once.
 */
import { getDb, readItems } from './db';
import { buildMatchIndex, type MatchIndex, matchItems, type ReasonText } from './match';
import type { Request, Response } from './messages';
import type { SourceConfig, SourceView } from './model';
import { syncRuleScripts } from './rule-scripts';
import { parseToolRules } from './rules';
import { readSettings, type Settings, updateSettings } from './settings';
import { DEMO_SOURCE, ensureBuiltinSources, type SyncDeps, syncSource } from './sync';

export interface ServiceDeps extends SyncDeps {
  reasonText?: ReasonText;
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

  async function getToolSettings(): Promise<Response<'getToolSettings'>> {
    const { toolRules } = await readSettings();
    return { rules: toolRules, access: await syncRuleScripts(toolRules) };
  }

  return {
    async matchPage({ context }: Request<'matchPage'>): Promise<Response<'matchPage'>> {
      const [matchIndex, settings] = await Promise.all([loadIndex(), readSettings()]);
      return {
        matches: matchItems(matchIndex, context, { limit: settings.maxItems, reasonText: deps.reasonText }),
      };
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
