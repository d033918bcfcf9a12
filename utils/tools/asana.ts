import type { ToolDetector } from './types';

/** A project's tabs: list, board, timeline, calendar, overview, … */
const PROJECT_VIEWS = new Map([
  ['list', 'list'],
  ['board', 'board'],
  ['timeline', 'timeline'],
  ['gantt', 'timeline'],
  ['calendar', 'calendar'],
  ['overview', 'project-overview'],
  ['dashboard', 'dashboard'],
  ['messages', 'messages'],
  ['workflow', 'workflow'],
  ['files', 'files'],
]);

/** Workspace-level screens, in either URL generation. */
const SCREENS = new Map([
  ['home', 'home'],
  ['inbox', 'inbox'],
  ['portfolio', 'portfolio'],
  ['portfolios', 'portfolio'],
  ['goal', 'goals'],
  ['goals', 'goals'],
  ['reporting', 'reporting'],
  ['search', 'search'],
]);

/** Current URLs: /1/<workspace>/project/<project>/task/<task>, /1/<workspace>/project/<p>/list/<view> */
function v1Area(rest: string[]): string | undefined {
  if (rest.includes('task')) return 'task';
  const project = rest.indexOf('project');
  if (project >= 0) return PROJECT_VIEWS.get(rest[project + 2] ?? '') ?? 'project';
  return SCREENS.get(rest[0] ?? '');
}

/** Older URLs: /0/<project>/<task>[/f], /0/<project>/list, /0/home/<workspace>, /0/inbox/<user> */
function v0Area(rest: string[]): string | undefined {
  const [first, second] = rest;
  const screen = SCREENS.get(first ?? '');
  if (screen) return screen;
  if (second && /^\d+$/.test(second)) return 'task';
  return PROJECT_VIEWS.get(second ?? '');
}

export default {
  id: 'asana',
  name: 'Asana',
  hosts: ['app.asana.com'],
  area(url) {
    const [generation, ...rest] = url.pathname.split('/').filter(Boolean);
    if (generation === '1') return v1Area(rest.slice(1));
    if (generation === '0') return v0Area(rest);
    return undefined;
  },
} satisfies ToolDetector;
