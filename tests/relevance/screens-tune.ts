/**
 * Development-half figures of ranker variants, to choose the ranker's figures with:
 *   npx vite-node -c tests/relevance/screens.vitest.config.ts tests/relevance/screens-tune.ts [misses] [sweep] [chrome]
 * Only development screens are read; nothing of the held-out half is printed.
 */
import { buildMatchIndex } from '@/utils/match/build';
import { RANKER, type RankerParams } from '@/utils/match/index';
import type { PageContext } from '@/utils/model';
import { screenSets } from './load';
import { baselineEngine, describeMiss, type Figures, figures, run, signpostEngine } from './screens-eval';

const sets = screenSets().map((set) => ({
  ...set,
  index: buildMatchIndex(set.items),
  dev: set.screens.filter((s) => s.half === 'development'),
}));

const fmt = (f: Figures) =>
  `top1 ${f.top1.toFixed(3)} mrr ${f.mrr.toFixed(3)} r@3 ${f.recall3.toFixed(3)} quiet ${f.quietRight.toFixed(2)} overview ${f.overviewRight.toFixed(2)} prec ${f.offeredPrecision.toFixed(2)}`;

function evaluate(
  name: string,
  params: RankerParams,
  perSet = false,
  misses = false,
  page: (context: PageContext, set: string) => PageContext = (context) => context,
): Figures {
  const all = [];
  for (const set of sets) {
    const engine = signpostEngine(set.index, params);
    const outcomes = run((context) => engine(page(context, set.name)), set.dev);
    all.push(...outcomes);
    if (perSet) console.log(`${name} ${set.name.padEnd(12)} ${fmt(figures(outcomes))}`);
    if (misses) {
      for (const o of outcomes) {
        const m = describeMiss(o);
        if (m) console.log(`    ${m}`);
      }
    }
  }
  const f = figures(all);
  console.log(`${name.padEnd(36)} ${fmt(f)}`);
  return f;
}

type Change = (p: RankerParams) => RankerParams;

/** One figure at a time around the current ranker. */
const SWEEPS: Record<string, Change[]> = {
  coverage: [0, 0.25, 0.5, 1, 2].map((v) => (p) => ({ ...p, coverage: v })),
  k1: [0.6, 0.9, 1.2, 1.6, 2.4].map((v) => (p) => ({ ...p, bm25f: { ...p.bm25f, k1: v } })),
  bTitle: [0, 0.25, 0.5, 0.75, 1].map((v) => (p) => ({
    ...p,
    bm25f: { ...p.bm25f, b: with_(p.bm25f.b, 0, v) },
  })),
  bSummary: [0, 0.25, 0.5, 0.75, 1].map((v) => (p) => ({
    ...p,
    bm25f: { ...p.bm25f, b: with_(p.bm25f.b, 2, v) },
  })),
  wTitle: [1, 2, 3, 4, 6].map((v) => (p) => ({
    ...p,
    bm25f: { ...p.bm25f, weights: with_(p.bm25f.weights, 0, v) },
  })),
  wTags: [0.5, 1, 2, 3].map((v) => (p) => ({
    ...p,
    bm25f: { ...p.bm25f, weights: with_(p.bm25f.weights, 1, v) },
  })),
  wSummary: [0.25, 0.5, 1, 1.5].map((v) => (p) => ({
    ...p,
    bm25f: { ...p.bm25f, weights: with_(p.bm25f.weights, 2, v) },
  })),
  wPath: [0, 0.5, 1, 1.5, 2.5].map((v) => (p) => ({
    ...p,
    bm25f: { ...p.bm25f, weights: with_(p.bm25f.weights, 3, v) },
  })),
  area: [0, 1, 2, 4, 6].map((v) => (p) => ({ ...p, places: { ...p.places, area: v } })),
  heading: [1, 2, 3, 4].map((v) => (p) => ({ ...p, places: { ...p.places, heading: v } })),
  title: [0.5, 1, 2, 3].map((v) => (p) => ({ ...p, places: { ...p.places, title: v } })),
  keyword: [0, 0.25, 0.5, 1, 1.5].map((v) => (p) => ({ ...p, places: { ...p.places, keyword: v } })),
  path: [0, 0.5, 1].map((v) => (p) => ({ ...p, places: { ...p.places, path: v } })),
  pair: [0, 0.5, 1, 2].map((v) => (p) => ({ ...p, places: { ...p.places, pair: v } })),
  cap: [3, 6, 10].map((v) => (p) => ({ ...p, places: { ...p.places, cap: v } })),
  maxTerms: [10, 15, 20, 25, 30].map((v) => (p) => ({ ...p, maxTerms: v })),
  idfBase: [0, 20, 50].map((v) => (p) => ({ ...p, bm25f: { ...p.bm25f, idfBase: v } })),
  minConfidence: [0.33, 0.35, 0.36, 0.37, 0.38, 0.39, 0.4].map((v) => (p) => ({
    ...p,
    minConfidence: v,
  })),
  relativeCut: [0.1, 0.3, 0.5].map((v) => (p) => ({ ...p, relativeCut: v })),
  wholeTitleWords: [0, 2, 3, 4, 5].map((v) => (p) => ({ ...p, wholeTitleWords: v })),
};

function with_(list: readonly number[], at: number, value: number): number[] {
  const copy = [...list];
  copy[at] = value;
  return copy;
}

const args = process.argv.slice(2);
for (const set of sets) {
  console.log(
    `baseline ${set.name.padEnd(27)} ${fmt(figures(run(baselineEngine(set.index), set.dev)))} (${set.dev.length} screens)`,
  );
}
evaluate('current', RANKER, true, args.includes('misses'));
for (const [name, changes] of Object.entries(SWEEPS)) {
  if (!args.includes('sweep') && !args.includes(name)) continue;
  const values = changes.map((change) => change(RANKER));
  for (const [i, params] of values.entries()) evaluate(`${name}#${i}`, params);
}

/*
 * `chrome`: what a console's own menu does to the ranker when it is read as part of the screen (the
 * labelled screens carry none; utils/context.ts leaves navigation landmarks out). The menus are
 * written from the consoles' left navigation: its group buttons, and every entry.
 */
const MENUS: Record<string, { buttons: string[]; entries: string[] }> = {
  okta: {
    buttons: [
      'Dashboard',
      'Directory',
      'Customizations',
      'Applications',
      'Security',
      'Workflow',
      'Reports',
      'Settings',
    ],
    entries: [
      'People',
      'Groups',
      'Devices',
      'Profile Editor',
      'Directory Integrations',
      'Brands',
      'Self Service',
      'Authenticators',
      'Authentication Policies',
      'Global Session Policy',
      'Identity Providers',
      'Networks',
      'Administrators',
      'API',
      'Automations',
      'Event Hooks',
      'Inline Hooks',
      'System Log',
      'Account',
      'Features',
    ],
  },
  servicenow: {
    buttons: ['All', 'Favorites', 'History', 'Workspaces', 'Admin', 'Notifications', 'Help', 'User menu'],
    entries: [
      'Self-Service',
      'Incidents',
      'Problems',
      'Changes',
      'Service Catalog',
      'Knowledge',
      'Reports',
      'Dashboards',
    ],
  },
  teams: {
    buttons: [
      'Teams',
      'Users',
      'Teams devices',
      'Teams apps',
      'Meetings',
      'Messaging',
      'Voice',
      'Locations',
      'Policy packages',
      'Planning',
      'Analytics & reports',
      'Org-wide settings',
      'Notifications & alerts',
    ],
    entries: [
      'Manage teams',
      'Teams policies',
      'Manage users',
      'Guest access',
      'External access',
      'Manage apps',
      'Permission policies',
      'Setup policies',
      'Conference bridges',
      'Meeting policies',
      'Meeting settings',
      'Live events policies',
      'Messaging policies',
      'Phone numbers',
      'Calling policies',
      'Caller ID policies',
      'Voice routing policies',
    ],
  },
};
MENUS['teams-de'] = MENUS.teams as (typeof MENUS)[string];
if (args.includes('chrome')) {
  for (const whole of [false, true]) {
    evaluate(
      `menu ${whole ? 'buttons and entries' : 'buttons'} first`,
      RANKER,
      false,
      false,
      (context, set) => {
        const menu = MENUS[set];
        if (!menu) return context;
        const words = whole ? [...menu.buttons, ...menu.entries] : menu.buttons;
        return { ...context, keywords: [...words, ...context.keywords].slice(0, 60) };
      },
    );
  }
}
