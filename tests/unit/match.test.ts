import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import porter2 from 'wink-porter2-stemmer';
import {
  buildMatchIndex,
  englishReason,
  loadMatchIndex,
  type MatchIndex,
  matchItems,
  serializeMatchIndex,
} from '@/utils/match';
import { type Bucket, termCount, termKey } from '@/utils/match/build';
import { matchWith, RANKER } from '@/utils/match/index';
import { distinctiveTerms } from '@/utils/match/terms';
import { contentStems, pairKey, stem, withinOneEdit } from '@/utils/match/text';
import type { KnowledgeItem, Match, PageContext } from '@/utils/model';
import { searchIndex } from '@/utils/search';
import { parseCatalog } from '@/utils/sources/catalog';
import { EXTRA_ITEMS, HELD_OUT, LABELLED, LABELLED_NOW, type LabelledPage } from '../fixtures/match/labelled';

const demo = parseCatalog(
  readFileSync(join(import.meta.dirname, '../../public/catalog/demo.json'), 'utf8'),
  'builtin-demo',
).items;

function item(id: string, change: Partial<KnowledgeItem>): KnowledgeItem {
  return {
    id,
    sourceId: 's',
    kind: 'article',
    title: id,
    summary: '',
    url: `https://kb.example/${id}`,
    tags: [],
    tools: ['jira'],
    updatedAt: 0,
    ...change,
  };
}

const ctx = (change: Partial<PageContext>): PageContext => ({
  tool: 'jira',
  url: 'https://acme.atlassian.net/jira/software/projects/KAN/boards/1',
  title: '',
  headings: [],
  keywords: [],
  ...change,
});

const ids = (matches: Match[]) => matches.map((m) => m.item.id);

describe('words', () => {
  it('keeps a "word" longer than any word as it is: a pasted key is not stemmed', () => {
    const key = 'configurations'.repeat(3);
    expect(stem(key)).toBe(key);
    expect(stem('configurations')).toBe(stem('configuration'));
  });

  it('stems plurals and inflections to one form, conservatively', () => {
    expect(stem('sprints')).toBe(stem('sprint'));
    expect(stem('meetings')).toBe(stem('meeting'));
    expect(stem('scheduled')).toBe(stem('schedule'));
    expect(stem('replies')).toBe(stem('reply'));
    expect(stem('filtering')).toBe(stem('filters'));
    expect(stem('summarize')).toBe(stem('summarise'));
    expect(stem('string')).toBe('string');
    expect(stem('status')).toBe('status');
  });

  it('meets British spellings with American ones, and leaves look-alikes alone', () => {
    const pairs = [
      ['colours', 'colors'],
      ['behaviour', 'behavior'],
      ['favourite', 'favorite'],
      ['centre', 'center'],
      ['centred', 'centered'],
      ['licence', 'license'],
      ['licenced', 'licensed'],
      ['catalogue', 'catalog'],
      ['catalogued', 'cataloged'],
      ['analysed', 'analyzed'],
      ['cancelled', 'canceled'],
      ['labelling', 'labeling'],
      ['judgement', 'judgment'],
      ['enrolment', 'enrollment'],
      ['programme', 'program'],
      ['grey', 'gray'],
    ];
    for (const [british, american] of pairs)
      expect(stem(british as string), british).toBe(stem(american as string));
    // Words that only look British are stemmed as Porter2 alone stems them.
    for (const word of ['hours', 'tour', 'genre', 'acre', 'laboratory', 'cancellation', 'analysis', 'devour'])
      expect(stem(word), word).toBe(porter2(word));
  });

  it('recognises one edit, and only one', () => {
    expect(withinOneEdit('backlgo', 'backlog')).toBe(true);
    expect(withinOneEdit('backlo', 'backlog')).toBe(true);
    expect(withinOneEdit('backlogs', 'backlog')).toBe(true);
    expect(withinOneEdit('backlug', 'backlog')).toBe(true);
    expect(withinOneEdit('bcaklgo', 'backlog')).toBe(false);
    expect(withinOneEdit('axbc', 'abyc')).toBe(false);
  });
});

describe('distinctiveTerms', () => {
  it('drops the tool name, stop words and numbers, and puts the area first', () => {
    const terms = distinctiveTerms(
      ctx({
        title: 'KAN board - Scrum - Jira',
        headings: ['The Sprint 14'],
        keywords: ['Complete sprint'],
        area: 'board',
      }),
      'Jira',
    );
    expect(terms[0]).toBe('board');
    expect(terms).toContain('sprint');
    expect(terms).not.toContain('jira');
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('14');
  });
});

describe('matchItems', () => {
  it('finds items for the screen, only for its tool, with readable reasons', () => {
    const index = buildMatchIndex([
      item('sprint', { title: 'Close a sprint cleanly', tags: ['sprint', 'board'] }),
      item('jql', { title: 'Search with JQL', tags: ['filter', 'jql'] }),
      item('gh', { title: 'Sprint planning with GitHub projects', tags: ['sprint'], tools: ['github'] }),
    ]);
    const matches = matchItems(
      index,
      ctx({ headings: ['Sprint 14'], keywords: ['Complete sprint'], area: 'board' }),
    );
    expect(ids(matches)).toEqual(['sprint']);
    expect(matches[0]?.reasons).toEqual(['for Jira', 'for Jira board screens', "matches 'sprint'"]);
  });

  it('matches multi-word tags against hyphenated areas and headings', () => {
    const index = buildMatchIndex([
      item('pr', {
        title: 'Ask for the right reviewers',
        tags: ['pull request', 'reviewers'],
        tools: ['github'],
      }),
      item('other', { title: 'Pull the latest changes', tags: ['git'], tools: ['github'] }),
    ]);
    const matches = matchItems(
      index,
      ctx({
        tool: 'github',
        url: 'https://github.com/a/b/pull/1',
        area: 'pull-request',
        headings: ['Open a pull request'],
      }),
    );
    expect(ids(matches)[0]).toBe('pr');
    expect(matches[0]?.reasons).toContain('for GitHub pull request screens');
  });

  it('tolerates a typo and a plural on the page', () => {
    const index = buildMatchIndex([
      item('backlog', { title: 'Groom the backlog', tags: ['backlog'] }),
      item('sprint', { title: 'Close a sprint cleanly', tags: ['sprint'] }),
    ]);
    expect(ids(matchItems(index, ctx({ headings: ['Backlgo'] })))).toEqual(['backlog']);
    expect(ids(matchItems(index, ctx({ headings: ['All sprints'] })))).toEqual(['sprint']);
  });

  it('meets simple German plurals both ways', () => {
    const index = buildMatchIndex([
      item('invoice', { title: 'Rechnung freigeben', tags: ['rechnung'] }),
      item('tasks', { title: 'Offene Aufgaben verteilen', tags: ['aufgaben'] }),
    ]);
    expect(ids(matchItems(index, ctx({ headings: ['Rechnungen'] })))).toEqual(['invoice']);
    expect(ids(matchItems(index, ctx({ headings: ['Aufgabe'] })))).toEqual(['tasks']);
  });

  it('returns nothing rather than something unrelated', () => {
    const index = buildMatchIndex([item('jql', { title: 'Search with JQL', tags: ['jql'] })]);
    expect(matchItems(index, ctx({ headings: ['Team lunch menu'], area: 'board' }))).toEqual([]);
    expect(matchItems(index, ctx({ tool: null, headings: ['JQL'] }))).toEqual([]);
    expect(matchItems(index, ctx({ headings: ['JQL'] }), { limit: 0 })).toEqual([]);
  });

  it('offers an item the page shows exactly, however little confidence the page gives', () => {
    // A service desk's catalog of 300 articles: "create", "incident" and "record" are in many titles.
    const verbs = [
      'create',
      'assign',
      'resolve',
      'close',
      'reopen',
      'merge',
      'escalate',
      'print',
      'export',
      'copy',
    ];
    const things = ['incident', 'caller', 'request', 'problem', 'change', 'task'];
    const items = [
      item('create', { title: 'Create an incident record' }),
      ...verbs.flatMap((verb) =>
        things.flatMap((a) =>
          things
            .filter((b) => b !== a)
            .map((b) => item(`${verb}-${a}-${b}`, { title: `${verb} a ${a} record from a ${b}` })),
        ),
      ),
    ];
    const index = buildMatchIndex(items);
    const page = ctx({
      url: 'https://acme.atlassian.net/jira/incident/new',
      title: 'Create incident record',
      headings: ['Create incident record', 'Short description'],
    });
    expect(ids(matchItems(index, page))[0]).toBe('create');
    // Whatever the confidence asked: the item the page shows wholly still clears the gate, and
    // only that one (the others have words the page lacks).
    const strict = { ...RANKER, minConfidence: 10 };
    expect(ids(matchWith(index, page, {}, strict))).toEqual(['create']);
    expect(ids(matchWith(index, page, {}, { ...strict, wholeTitleWords: 0 }))).toEqual([]);
  });

  it("does not hold the tool's own name in an item's title against it", () => {
    const tools = ['teams'];
    const index = buildMatchIndex([
      item('main', { title: 'Manage policy packages in Microsoft Teams', tools }),
      item('schools', { title: 'Manage policy packages for schools', tools }),
    ]);
    const page = ctx({
      tool: 'teams',
      url: 'https://admin.teams.microsoft.com/policy-packages',
      title: 'Policy packages - Microsoft Teams admin center',
      headings: ['Policy packages'],
    });
    expect(ids(matchItems(index, page))[0]).toBe('main');
  });

  it('offers one of two items with the same title, the better one', () => {
    const index = buildMatchIndex([
      item('old', { title: 'Registration inline hook', summary: 'Older version.', updatedAt: 1 }),
      item('new', {
        title: 'Registration  Inline Hook ',
        summary: 'Registration inline hook.',
        updatedAt: 2,
      }),
      item('hooks', { title: 'Inline hooks', updatedAt: 3 }),
    ]);
    const offered = ids(matchItems(index, ctx({ headings: ['Add inline hook', 'Registration'] })));
    expect(offered.filter((id) => id === 'old' || id === 'new')).toHaveLength(1);
    expect(offered).toContain('hooks');
  });

  it('reads a form for a new record as the place to create one', () => {
    const index = buildMatchIndex([
      item('create-sla', { title: 'Create an SLA definition', updatedAt: 1 }),
      item('pause-sla', { title: 'Pause an SLA definition', updatedAt: 2 }),
    ]);
    const page = (headings: string[]) => ctx({ title: 'SLA Definition', headings });
    expect(ids(matchItems(index, page(['New record'])))[0]).toBe('create-sla');
    expect(ids(matchItems(index, page(['Neuer Datensatz'])))[0]).toBe('create-sla');
    // The same page showing a record: nothing says create, and the newer article comes first.
    expect(ids(matchItems(index, page(['SLA Definition'])))[0]).toBe('pause-sla');
  });

  it("offers the tool's current tips, newest first, on a screen with nothing specific", () => {
    const now = Date.parse('2026-11-01');
    const index = buildMatchIndex([
      item('current', {
        kind: 'tip',
        startsAt: Date.parse('2026-10-01'),
        endsAt: Date.parse('2027-01-01'),
        updatedAt: 1,
      }),
      item('newer', { kind: 'tip', updatedAt: Date.parse('2026-10-20') }),
      item('expired', { kind: 'tip', endsAt: Date.parse('2026-10-01') }),
      item('future', { kind: 'tip', startsAt: Date.parse('2027-01-01') }),
      item('article', {}),
      item('other-tool', { kind: 'tip', tools: ['github'] }),
    ]);
    const home = matchItems(index, ctx({ area: 'dashboard', headings: ['System dashboard'] }), { now });
    expect(ids(home)).toEqual(['newer', 'current']);
    expect(home[0]?.reasons).toEqual(['new in Jira']);
    expect(ids(matchItems(index, ctx({}), { now }))).toEqual(['newer', 'current']);
    // A specific screen with nothing that fits stays quiet.
    expect(matchItems(index, ctx({ area: 'issue' }), { now })).toEqual([]);
  });

  it('puts the tips about what an overview screen is about first, then the newest', () => {
    const now = Date.parse('2026-11-01');
    const tip = (id: string, title: string, updatedAt: string) =>
      item(id, { kind: 'tip', title, tools: ['servicenow'], updatedAt: Date.parse(updatedAt) });
    const index = buildMatchIndex([
      tip('voice-agent', 'Password reset voice AI agent', '2026-10-20'),
      tip('portal', 'Simplified employee experience through the Employee Center portal', '2026-09-01'),
      tip('summaries', 'Configure summaries for request records', '2026-10-10'),
      tip('older', 'Granular admin roles', '2026-08-01'),
    ]);
    const home = (title: string, headings: string[]) => ({
      tool: 'servicenow' as const,
      url: 'https://acme.service-now.com/esc',
      title,
      headings,
      keywords: [],
      area: 'home',
    });
    // The Employee Center's home: its own tip first, then the newest.
    expect(ids(matchItems(index, home('Employee Center', ['How can we help?']), { now }))).toEqual([
      'portal',
      'voice-agent',
      'summaries',
    ]);
    // A home whose words no tip shares ("ServiceNow" is the tool's own name): newest first.
    expect(ids(matchItems(index, home('ServiceNow', ['Welcome']), { now }))).toEqual([
      'voice-agent',
      'summaries',
      'portal',
    ]);
  });

  /** Items on other subjects, so that "sprint" is not on most of the tool's items (page chrome). */
  const others = [
    'Search with JQL',
    'Link work items',
    'Bulk change',
    'Watch an issue',
    'Automation rules',
    'Time tracking',
  ].map((title, i) => item(`other-${i}`, { title }));

  it('leaves out excluded items and respects the limit', () => {
    const index = buildMatchIndex([
      ...['a', 'b', 'c', 'd'].map((id) => item(id, { title: `Sprint report ${id}`, tags: ['sprint'] })),
      ...others,
    ]);
    const context = ctx({ headings: ['Sprint report'] });
    expect(matchItems(index, context)).toHaveLength(3);
    expect(matchItems(index, context, { limit: 1 })).toHaveLength(1);
    expect(ids(matchItems(index, context, { exclude: new Set(['a', 'b', 'c']) }))).toEqual(['d']);
  });

  it('shows an item with audiences only to people in one of them (case-insensitive)', () => {
    const index = buildMatchIndex([
      item('finance', { title: 'Close the sprint budget', tags: ['sprint'], audiences: ['Finance'] }),
      item('all', { title: 'Sprint etiquette', tags: ['sprint'] }),
    ]);
    const context = ctx({ headings: ['Sprint 3', 'Budget and etiquette'] });
    expect(ids(matchItems(index, context))).toEqual(['all']);
    expect(ids(matchItems(index, context, { audiences: ['engineering'] }))).toEqual(['all']);
    expect(ids(matchItems(index, context, { audiences: ['finance'] })).sort()).toEqual(['all', 'finance']);
  });

  it('keeps articles and tips to their window', () => {
    const now = Date.parse('2026-11-01');
    const index = buildMatchIndex([
      item('open', {
        kind: 'tip',
        title: 'Sprint goals',
        tags: ['sprint'],
        startsAt: now - 1,
        endsAt: now + 1,
      }),
      item('ended', { kind: 'tip', title: 'Sprint reports', tags: ['sprint'], endsAt: now }),
      item('later', { title: 'Sprint reviews', tags: ['sprint'], startsAt: now + 1 }),
    ]);
    expect(ids(matchItems(index, ctx({ headings: ['Sprint 3'] }), { now }))).toEqual(['open']);
  });

  it('shows an item with urlPatterns only on pages they cover, and first there', () => {
    const index = buildMatchIndex([
      item('plain', { title: 'Narrow a busy board with filters', tags: ['board', 'filter'] }),
      item('targeted', {
        title: 'Narrow a busy board with filters',
        tags: ['board', 'filter'],
        urlPatterns: ['https://acme.atlassian.net/jira/software/projects/KAN/*'],
      }),
      item('elsewhere', {
        title: 'Board filters elsewhere',
        tags: ['board'],
        urlPatterns: ['https://other.example/*'],
      }),
      item('broken', {
        title: 'Board filters, broken pattern',
        tags: ['board'],
        urlPatterns: ['not a pattern'],
      }),
      ...others,
    ]);
    const matches = matchItems(index, ctx({ area: 'board', headings: ['Board filters'] }));
    // The plain item has the same title: one nudge, the one made for this page.
    expect(ids(matches)).toEqual(['targeted']);
    expect(matches[0]?.reasons).toContain('made for this page');
    // Covered pages get a targeted item even with no matching words at all.
    expect(ids(matchItems(index, ctx({ headings: ['Nothing here'] })))).toEqual(['targeted']);
    const otherProject = ctx({
      url: 'https://acme.atlassian.net/jira/software/projects/OPS/boards/2',
      area: 'board',
    });
    expect(ids(matchItems(index, otherProject))).not.toContain('targeted');
  });

  it('sinks an item past its review date and says it may be out of date', () => {
    const now = Date.parse('2026-11-01');
    const index = buildMatchIndex([
      item('stale', { title: 'Complete a sprint', tags: ['sprint'], reviewBy: now - 1 }),
      item('fresh', { title: 'Review a sprint', tags: ['sprint'], reviewBy: now + 1 }),
    ]);
    const matches = matchItems(index, ctx({ headings: ['Sprint 3'] }), { now });
    expect(ids(matches)).toEqual(['fresh', 'stale']);
    expect(matches[1]?.reasons).toContain('may be out of date');
    expect(matches[0]?.reasons).not.toContain('may be out of date');
  });

  it('raises endorsed items and helpful ones, lowers and then removes unhelpful ones', () => {
    const index = buildMatchIndex([
      item('a', { title: 'Plan a sprint', tags: ['sprint'] }),
      item('b', { title: 'Plan a sprint well', tags: ['sprint'] }),
    ]);
    const context = ctx({ headings: ['Sprint planning'] });
    const first = ids(matchItems(index, context));
    const [top, second] = first as [string, string];
    expect(first).toHaveLength(2);

    const endorsed = matchItems(index, context, { signals: { endorsed: new Set([second]) } });
    expect(ids(endorsed)[0]).toBe(second);
    expect(endorsed[0]?.reasons).toContain('recommended by a colleague');

    const helpful = new Map([[second, { helpful: 1, notHelpful: 0 }]]);
    expect(ids(matchItems(index, context, { signals: { feedback: helpful } }))[0]).toBe(second);

    const unhelpful = new Map([[top, { helpful: 0, notHelpful: 1 }]]);
    expect(ids(matchItems(index, context, { signals: { feedback: unhelpful } }))).toEqual([second, top]);

    const rejected = new Map([[top, { helpful: 0, notHelpful: 3 }]]);
    expect(ids(matchItems(index, context, { signals: { feedback: rejected } }))).toEqual([second]);
  });

  it('puts newer tips first among comparable tips', () => {
    const now = Date.parse('2026-11-01');
    const index = buildMatchIndex([
      item('old', {
        kind: 'tip',
        title: 'Sprint tip',
        tags: ['sprint'],
        updatedAt: Date.parse('2026-03-01'),
      }),
      item('new', {
        kind: 'tip',
        title: 'A sprint tip',
        tags: ['sprint'],
        updatedAt: Date.parse('2026-10-25'),
      }),
    ]);
    expect(ids(matchItems(index, ctx({ headings: ['Sprint 3'] }), { now }))).toEqual(['new', 'old']);
  });

  it('needs more than a passing word to show a general item', () => {
    const index = buildMatchIndex([
      item('security', { title: 'Report a phishing email', tags: ['phishing', 'security'], tools: [] }),
    ]);
    expect(matchItems(index, ctx({ keywords: ['Report'] }))).toEqual([]);
    expect(
      matchItems(index, ctx({ headings: ['Report phishing'], keywords: ['Phishing', 'Security'] })),
    ).toHaveLength(1);
  });

  it('passes reasons through the given translation', () => {
    const index = buildMatchIndex([item('sprint', { title: 'Close a sprint', tags: ['sprint'] })]);
    const reasonText = (key: string, subs: string[]) => `${key}(${subs.join(',')})`;
    expect(matchItems(index, ctx({ headings: ['Sprint'] }), { reasonText })[0]?.reasons).toEqual([
      'reasonTool(Jira)',
      'reasonTerm(sprint)',
    ]);
    expect(englishReason('reasonArea', ['Jira', 'board'])).toBe('for Jira board screens');
  });
});

describe('snapshot', () => {
  const items = [...demo, ...EXTRA_ITEMS];

  it('round-trips through structured clone to the same matches', () => {
    const original = buildMatchIndex(items);
    const loaded = loadMatchIndex(structuredClone(serializeMatchIndex(original))) as MatchIndex;
    expect(loaded).not.toBeNull();
    for (const { context } of LABELLED) {
      expect(matchItems(loaded, context, { now: LABELLED_NOW })).toEqual(
        matchItems(original, context, { now: LABELLED_NOW }),
      );
    }
    // Typo lookups build their dictionary on demand on a loaded index too.
    const typo = ctx({ area: 'backlog', headings: ['Backlgo'] });
    expect(matchItems(loaded, typo, { now: LABELLED_NOW })).toEqual(
      matchItems(original, typo, { now: LABELLED_NOW }),
    );
  });

  it('searches a loaded snapshot as the built index, with no bucket that repeats the others', () => {
    const original = buildMatchIndex(items);
    const snapshot = structuredClone(serializeMatchIndex(original));
    expect(snapshot.buckets.map((bucket) => bucket.tool).sort()).toEqual(
      ['', ...original.byTool.keys()].sort(),
    );
    const loaded = loadMatchIndex(snapshot) as MatchIndex;
    for (const query of ['board', 'how do I filter issues', 'pull request reviewers']) {
      expect(searchIndex(loaded, query)).toEqual(searchIndex(original, query));
    }
  });

  it('holds plain data only', () => {
    const plain = (value: unknown): boolean =>
      value === null ||
      ['string', 'number', 'boolean', 'undefined'].includes(typeof value) ||
      ArrayBuffer.isView(value) ||
      (Array.isArray(value) && value.every(plain)) ||
      (Object.getPrototypeOf(value) === Object.prototype && Object.values(value as object).every(plain));
    expect(plain(serializeMatchIndex(buildMatchIndex(items)))).toBe(true);
  });

  it('gives null for a malformed snapshot or another version', () => {
    const good = serializeMatchIndex(buildMatchIndex(items));
    expect(loadMatchIndex(undefined)).toBeNull();
    expect(loadMatchIndex({})).toBeNull();
    expect(loadMatchIndex({ ...good, version: 99 })).toBeNull();
    expect(loadMatchIndex({ ...good, items: [{ id: 1 }] })).toBeNull();
    const [first, ...rest] = good.buckets;
    const outOfRange = new Uint32Array(first?.docs ?? []).fill(good.items.length);
    expect(loadMatchIndex({ ...good, buckets: [{ ...first, docs: outOfRange }, ...rest] })).toBeNull();
    expect(loadMatchIndex({ ...good, lengths: new Uint16Array(3) })).toBeNull();
    expect(loadMatchIndex({ ...good, buckets: [{ ...first, terms: 'x' }, ...rest] })).toBeNull();
    expect(loadMatchIndex({ ...good, buckets: rest.filter((b) => b.tool !== '') })).toBeNull();
    // Pairs must name two different stems of the bucket, lower first.
    const pairs = (first?.pairs ?? new Uint32Array()).slice();
    [pairs[0], pairs[1]] = [pairs[1] ?? 0, pairs[0] ?? 0];
    expect(loadMatchIndex({ ...good, buckets: [{ ...first, pairs }, ...rest] })).toBeNull();
    const beyond = (first?.pairs ?? new Uint32Array()).slice();
    beyond[1] = first?.terms.length ?? 0;
    expect(loadMatchIndex({ ...good, buckets: [{ ...first, pairs: beyond }, ...rest] })).toBeNull();
    expect(loadMatchIndex({ ...good, buckets: [{ ...first, pairs: [] }, ...rest] })).toBeNull();
  });

  it('finds stems and pairs by key, pairs in either order, and nothing else', () => {
    const index = buildMatchIndex([
      item('push', { title: 'Push protection for secret scanning', tags: ['security'] }),
    ]);
    const bucket = index.byTool.get('jira') as Bucket;
    const pair = bucket.lookup.get(pairKey(stem('push'), stem('protection')));
    expect(pair).toBeGreaterThanOrEqual(bucket.terms.length);
    expect(termKey(bucket, pair as number)).toBe(pairKey(stem('protection'), stem('push')));
    expect(bucket.lookup.get(`${stem('protection')} ${stem('push')}`)).toBe(pair);
    expect(bucket.lookup.get(stem('secret'))).toBe(bucket.terms.indexOf(stem('secret')));
    // "push" and "scanning" are in the title but not neighbours: no pair.
    expect(bucket.lookup.get(pairKey(stem('push'), stem('scanning')))).toBeUndefined();
    expect(bucket.lookup.get(pairKey(stem('push'), 'nowhere'))).toBeUndefined();
    expect(bucket.lookup.size).toBe(termCount(bucket));
    for (let t = 0; t < termCount(bucket); t++) expect(bucket.lookup.get(termKey(bucket, t))).toBe(t);
  });
});

/** Runs a labelled set once; the checks below read the results. */
function runSet(pages: LabelledPage[]) {
  const index = buildMatchIndex([...demo, ...EXTRA_ITEMS]);
  return pages.map((page) => ({ ...page, matches: matchItems(index, page.context, { now: LABELLED_NOW }) }));
}

type Run = ReturnType<typeof runSet>[number];

const describeRun = ({ name, expect: expected, matches }: Run) =>
  `${name}: expected ${expected}, got [${ids(matches).join(', ') || 'nothing'}]`;

function isHit(run: Run): boolean {
  if (run.expect === 'nothing') return run.matches.length === 0;
  if (run.expect === 'tool tips') {
    return (
      run.matches.length > 0 &&
      run.matches.every((m) => m.item.kind === 'tip' && m.item.tools.includes(run.context.tool ?? ''))
    );
  }
  return run.matches[0]?.item.id === run.expect;
}

/** The measured figures, for README: `npm test` writes them to .test-results/match-accuracy.json. */
const measured: Record<string, { pages: number; accuracy: number; misses: string[] }> = {};
afterAll(() => {
  mkdirSync(join(import.meta.dirname, '../../.test-results'), { recursive: true });
  writeFileSync(
    join(import.meta.dirname, '../../.test-results/match-accuracy.json'),
    `${JSON.stringify(measured, null, 2)}\n`,
  );
});

function expectAccuracy(name: string, runs: Run[], minimum: number): void {
  const misses = runs.filter((run) => !isHit(run)).map(describeRun);
  const accuracy = (runs.length - misses.length) / runs.length;
  measured[name] = { pages: runs.length, accuracy, misses };
  expect(
    accuracy,
    `top-1 accuracy ${(accuracy * 100).toFixed(1)}%; misses:\n${misses.join('\n')}`,
  ).toBeGreaterThanOrEqual(minimum);
}

/** Items of another tool, or general items that share fewer than two words with the page. */
function strays(runs: Run[]): string[] {
  const pageWords = (c: PageContext) =>
    new Set(
      contentStems([c.area ?? '', c.title, ...c.headings, ...c.keywords].join(' ').replace(/[-_]/g, ' ')),
    );
  return runs.flatMap((run) =>
    run.matches
      .filter((m) => {
        if (m.item.tools.length) return !m.item.tools.includes(run.context.tool ?? '');
        const page = pageWords(run.context);
        return (
          new Set(contentStems([m.item.title, ...m.item.tags].join(' ')).filter((w) => page.has(w))).size < 2
        );
      })
      .map((m) => `${run.name}: ${m.item.id}`),
  );
}

describe('labelled relevance set', () => {
  const runs = runSet(LABELLED);

  it('covers enough pages and tools', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LABELLED.map((l) => l.context.tool)).size).toBeGreaterThanOrEqual(8);
  });

  it('puts the expected item first on at least 85% of pages', () => {
    expectAccuracy('labelled', runs, 0.85);
  });

  it('shows nothing at all on every "nothing" page', () => {
    const noisy = runs.filter((run) => run.expect === 'nothing' && run.matches.length > 0).map(describeRun);
    expect(noisy, noisy.join('\n')).toEqual([]);
  });

  it("shows only the page's tool's items, or general ones that share two words with the page", () => {
    const found = strays(runs);
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('held-out pages (not used to tune the matcher)', () => {
  const runs = runSet(HELD_OUT);

  // 89% with the hand-tuned ranker these pages were written beside; 83% (15 of 18) with the BM25F
  // ranker, which was tuned on real documentation catalogs instead (tests/relevance/, README).
  it('puts the expected item first (or shows nothing) on at least 75% of pages', () => {
    expectAccuracy('held-out', runs, 0.75);
  });

  it("shows only the page's tool's items, or general ones that share two words with the page", () => {
    const found = strays(runs);
    expect(found, found.join('\n')).toEqual([]);
  });
});
