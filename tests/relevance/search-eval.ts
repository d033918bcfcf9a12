/**
 * Scores search engines on labelled queries: for every query, the rank of the first right article
 * in the engine's top 10, then per kind and half hit@1, hit@3, MRR and how often nothing came back.
 * Signpost's search and MiniSearch (used as its documentation describes, no tuning) run on the same
 * items and queries, so the figures can be read side by side.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { buildMatchIndex } from '@/utils/match/build';
import type { KnowledgeItem } from '@/utils/model';
import { searchIndex } from '@/utils/search';
import { parseCatalog } from '@/utils/sources/catalog';
import { type Half, halfOf } from './split';

export const KINDS = ['keywords', 'question', 'typo', 'other-words', 'pasted', 'german'] as const;
export type QueryKind = (typeof KINDS)[number];

export interface LabelledQuery {
  id: string;
  kind: QueryKind;
  query: string;
  /** Catalog item ids (as in catalog.json, without the source prefix). */
  expect: string[];
}

export interface QuerySet {
  name: string;
  items: KnowledgeItem[];
  queries: LabelledQuery[];
  /** Whether the queries were written by people who did not write the search (real sets). */
  independent: boolean;
}

const DATA = join(import.meta.dirname, 'data');
const ROOT = join(import.meta.dirname, '../..');

function readQueries(path: string): LabelledQuery[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${path}: not a list`);
  return raw.map((entry, position) => {
    const { id, kind, query, expect } = entry as Record<string, unknown>;
    if (
      typeof id !== 'string' ||
      typeof query !== 'string' ||
      !KINDS.includes(kind as QueryKind) ||
      !Array.isArray(expect) ||
      !expect.every((value) => typeof value === 'string')
    )
      throw new Error(`${path}: entry ${position + 1} is not a labelled query`);
    return { id, kind: kind as QueryKind, query, expect: expect as string[] };
  });
}

function readCatalog(path: string, name: string): KnowledgeItem[] {
  return parseCatalog(readFileSync(path, 'utf8'), name).items;
}

/** Every real documentation set with labelled queries, then the demo catalog's own queries. */
export function querySets(): QuerySet[] {
  const sets: QuerySet[] = [];
  if (existsSync(DATA)) {
    for (const name of readdirSync(DATA).sort()) {
      const dir = join(DATA, name);
      if (!existsSync(join(dir, 'queries.json')) || !existsSync(join(dir, 'catalog.json'))) continue;
      sets.push({
        name,
        items: readCatalog(join(dir, 'catalog.json'), name),
        queries: readQueries(join(dir, 'queries.json')),
        independent: true,
      });
    }
  }
  sets.push({
    name: 'demo',
    items: readCatalog(join(ROOT, 'public/catalog/demo.json'), 'demo'),
    queries: readQueries(join(import.meta.dirname, 'search-demo-queries.json')),
    independent: false,
  });
  return sets;
}

/** An engine: the ids of its top results for a query, best first (catalog ids, no prefix). */
export type Engine = (query: string) => string[];

const TOP = 10;

/** The catalog id of an item: its id without the `${sourceId}:` prefix parseCatalog adds. */
export function catalogId(item: KnowledgeItem): string {
  return item.id.slice(item.sourceId.length + 1);
}

/** `idOf`: what a result is called (the catalog id; the full id when several sets share an index). */
export function signpostEngine(items: KnowledgeItem[], idOf = catalogId): Engine {
  const index = buildMatchIndex(items);
  return (query) => searchIndex(index, query, { limit: TOP }).map((hit) => idOf(hit.item));
}

/**
 * MiniSearch as its README documents it: fields title, tags and summary, the title boosted,
 * fuzzy 0.2, prefix search, OR. Tags are given as one text (its `extractField` option).
 */
export function miniSearchEngine(items: KnowledgeItem[], idOf = catalogId): Engine {
  const mini = new MiniSearch<KnowledgeItem>({
    fields: ['title', 'tags', 'summary'],
    extractField: (item, field) => {
      const value = (item as unknown as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(' ') : String(value ?? '');
    },
    searchOptions: { boost: { title: 2 }, fuzzy: 0.2, prefix: true, combineWith: 'OR' },
  });
  mini.addAll(items);
  const byId = new Map(items.map((item) => [item.id, item]));
  return (query) =>
    mini
      .search(query)
      .slice(0, TOP)
      .map((result) => idOf(byId.get(result.id as string) as KnowledgeItem));
}

export interface Outcome {
  query: LabelledQuery;
  half: Half;
  /** 1-based rank of the first right item in the top 10; 0 when none is. */
  rank: number;
  empty: boolean;
  top: string[];
}

export function run(engine: Engine, queries: readonly LabelledQuery[]): Outcome[] {
  return queries.map((query) => {
    const top = engine(query.query);
    const position = top.findIndex((id) => query.expect.includes(id));
    return { query, half: halfOf(query.id), rank: position + 1, empty: top.length === 0, top };
  });
}

export interface Figures {
  queries: number;
  hit1: number;
  hit3: number;
  mrr: number;
  empty: number;
}

export function figures(outcomes: readonly Outcome[]): Figures {
  const n = outcomes.length;
  const share = (count: number) => (n ? Math.round((count / n) * 1000) / 1000 : 0);
  return {
    queries: n,
    hit1: share(outcomes.filter((o) => o.rank === 1).length),
    hit3: share(outcomes.filter((o) => o.rank >= 1 && o.rank <= 3).length),
    mrr: share(outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0)),
    empty: share(outcomes.filter((o) => o.empty).length),
  };
}

/** Figures overall and per kind, for one half or both. */
export function breakdown(outcomes: readonly Outcome[]): Record<string, Figures> {
  const out: Record<string, Figures> = { all: figures(outcomes) };
  for (const kind of KINDS) {
    const of = outcomes.filter((o) => o.query.kind === kind);
    if (of.length) out[kind] = figures(of);
  }
  return out;
}
