/**
 * The admin's sources on the options page: list, detect, test, add, switch, sync and remove them,
 * and their content health. Adding, switching and removing change which sources sync on alarms.
 */

import { getDb } from '../db';
import { LIMITS, MESSAGE_LIMITS } from '../limits';
import { contentHealth } from '../measurement/content-health';
import { empty } from '../messages/payload';
import { isHttpUrl, isRecord, parseKnowledgeItem } from '../model';
import { originOf, parseAuth } from '../settings/credentials';
import { parseSources } from '../settings/policy';
import { readSecret } from '../settings/secrets';
import { readSettings } from '../settings/settings';
import { detectSource } from '../sources/detect';
import { previewSource, probeFetch } from '../sync/engine';
import type { State } from './state';
import { allSources, sourceViews } from './state/source-list';
import { defineHandlers } from './types';

function sourceIdOnly(payload: unknown): { sourceId: string } | null {
  return isRecord(payload) &&
    typeof payload.sourceId === 'string' &&
    payload.sourceId.length <= MESSAGE_LIMITS.sourceId
    ? { sourceId: payload.sourceId }
    : null;
}

const sourcesChanged = () => ['sourcesChanged'] as const;

export function sourceHandlers({ builtins, sources, syncDeps, now }: State) {
  async function list() {
    await builtins.ready();
    return { sources: await sourceViews() };
  }

  return defineHandlers({
    listSources: { validate: empty, handle: list },

    /** "Test": reads a source once without storing anything. */
    previewSource: {
      validate(payload) {
        if (!isRecord(payload) || !isRecord(payload.source)) return null;
        const auth = parseAuth(payload.auth);
        if (auth === null) return null;
        const { authOrigin } = payload;
        if (authOrigin !== undefined && (typeof authOrigin !== 'string' || authOrigin.length > LIMITS.url))
          return null;
        return {
          source: payload.source,
          ...(auth ? { auth } : {}),
          ...(authOrigin !== undefined ? { authOrigin } : {}),
        };
      },
      async handle({ source, auth, authOrigin }) {
        const parsed = parseSources([source]);
        const config = parsed.sources[0];
        if (!config) throw new Error(parsed.problems.join('; '));
        const origin = originOf(config.url);
        // Typed credentials go only to the origin they were typed for (detection may name another
        // host: a feed link, a wiki root); stored ones only to the origin they were stored for.
        if (auth && (authOrigin ?? origin) !== origin) {
          const preview = await previewSource(config, syncDeps, undefined);
          return {
            ...preview,
            warnings: [`credentials not sent: ${origin} is not ${authOrigin}`, ...preview.warnings],
          };
        }
        return previewSource(config, syncDeps, auth ?? (await readSecret(config.id, config.url)));
      },
    },

    saveSource: {
      validate(payload) {
        if (!isRecord(payload) || !isRecord(payload.source)) return null;
        if (payload.auth === null) return { source: payload.source, auth: null };
        const auth = parseAuth(payload.auth);
        if (auth === null) return null;
        return { source: payload.source, ...(auth ? { auth } : {}) };
      },
      async handle({ source, auth }) {
        await sources.save(source, auth);
        return list();
      },
      effects: sourcesChanged,
    },

    removeSource: {
      validate: sourceIdOnly,
      async handle({ sourceId }) {
        await sources.remove(sourceId);
        return list();
      },
      effects: sourcesChanged,
    },

    /** "Sync now". */
    syncNow: {
      validate: sourceIdOnly,
      async handle({ sourceId }) {
        const source = (await allSources()).find((candidate) => candidate.id === sourceId);
        if (!source) throw new Error(`no source "${sourceId}"`);
        await sources.syncOne(source);
        return list();
      },
    },

    setSourceEnabled: {
      validate(payload) {
        if (!isRecord(payload)) return null;
        const { sourceId, enabled } = payload;
        if (
          typeof sourceId !== 'string' ||
          !sourceId ||
          sourceId.length > MESSAGE_LIMITS.sourceId ||
          typeof enabled !== 'boolean'
        )
          return null;
        return { sourceId, enabled };
      },
      async handle({ sourceId, enabled }) {
        await sources.setEnabled(sourceId, enabled);
        return list();
      },
      effects: sourcesChanged,
    },

    sourceHealth: {
      validate: sourceIdOnly,
      async handle({ sourceId }) {
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
    },

    detectSource: {
      validate: (payload) =>
        isRecord(payload) && typeof payload.url === 'string' && payload.url.length <= LIMITS.url
          ? { url: payload.url.trim() }
          : null,
      async handle({ url }) {
        if (!isHttpUrl(url)) throw new Error('enter an address that starts with https:// or http://');
        return detectSource(url, probeFetch(url, syncDeps));
      },
    },
  });
}
