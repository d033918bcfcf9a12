/** The measurement dashboard and its CSV exports (options page). */

import { getDb } from '../db';
import { LIMITS, MESSAGE_LIMITS } from '../limits';
import { rawCutoff } from '../measurement/daily';
import { loadDashboard, titlesOf } from '../measurement/dashboard';
import { dayOf } from '../measurement/days';
import { packIfBehind, readDailyRows, readRawEvents } from '../measurement/event-log';
import { cleanGroup } from '../measurement/groups';
import { empty } from '../messages/payload';
import { type ItemKind, isRecord, parseKnowledgeItem } from '../model';
import { isContentGap } from '../search';
import { readSearchTerms } from '../settings/settings';
import type { State } from './state';
import { clickhouseDashboard } from './state/clickhouse';
import { defineHandlers } from './types';

const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A dashboard filter: days, and optionally a tool and a kind. */
function dashboardFilter(payload: unknown) {
  if (!isRecord(payload) || !isDay(payload.from) || !isDay(payload.to) || payload.from > payload.to)
    return null;
  const { tool, kind } = payload;
  if (tool !== undefined && (typeof tool !== 'string' || tool.length > LIMITS.toolId)) return null;
  if (kind !== undefined && kind !== 'tip' && kind !== 'article') return null;
  return {
    from: payload.from,
    to: payload.to,
    ...(tool ? { tool } : {}),
    ...(kind ? { kind: kind as ItemKind } : {}),
  };
}

export function measurementHandlers({ caches, deps, now }: State) {
  return defineHandlers({
    getDashboard: {
      validate: dashboardFilter,
      async handle(filter) {
        const db = await getDb();
        // Usually the hourly housekeeping did this already, and it is one read.
        await packIfBehind(db, dayOf(now()));
        // Gaps recorded before search understood questions and stop words may find something now.
        return loadDashboard(db, filter, deps.estimate, async () => {
          const [index, terms] = await Promise.all([caches.matchIndex(), readSearchTerms()]);
          return (query) => isContentGap(index, query, { terms });
        });
      },
    },

    /** Organisation-wide figures (or a pilot group's, or everyone else's) from ClickHouse. */
    getClickhouseDashboard: {
      validate(payload) {
        const filter = dashboardFilter(payload);
        if (!filter || !isRecord(payload)) return null;
        const { group, others } = payload;
        if (group === undefined) return others === undefined ? filter : null;
        if (typeof group !== 'string' || !cleanGroup(group) || cleanGroup(group) !== group) return null;
        if (others !== undefined && typeof others !== 'boolean') return null;
        return { ...filter, group, ...(others ? { others: true } : {}) };
      },
      handle: (filter) => clickhouseDashboard(deps, filter),
    },

    exportDaily: {
      validate: (payload) =>
        isRecord(payload) && isDay(payload.from) && isDay(payload.to) && payload.from <= payload.to
          ? { from: payload.from, to: payload.to }
          : null,
      async handle({ from, to }) {
        const db = await getDb();
        const rows = await readDailyRows(db, from, to);
        const titles: Record<string, string> = {};
        for (const id of new Set(rows.map((row) => row.itemId).filter(Boolean))) {
          const item = parseKnowledgeItem(await db.get('items', id));
          if (item) titles[id] = item.title;
        }
        return { rows, titles };
      },
    },

    exportEvents: {
      validate: empty,
      handle: async () => ({ events: await readRawEvents(await getDb(), rawCutoff(now())) }),
    },

    /** Titles and links of cached items (for figures from collected reports). */
    itemTitles: {
      validate: (payload) =>
        isRecord(payload) &&
        Array.isArray(payload.ids) &&
        payload.ids.length <= MESSAGE_LIMITS.idsPerRequest &&
        payload.ids.every((id) => typeof id === 'string' && id.length <= MESSAGE_LIMITS.itemId)
          ? { ids: payload.ids as string[] }
          : null,
      handle: async ({ ids }) => ({ titles: await titlesOf(await getDb(), ids) }),
    },
  });
}
