import type { ToolDetector } from './types';

/** View codes in /<workspace>/v/<code>/<id>: l list view, li list, b board, dc doc, … */
const VIEWS = new Map([
  ['l', 'list'],
  ['li', 'list'],
  ['b', 'board'],
  ['c', 'calendar'],
  ['g', 'gantt'],
  ['t', 'table'],
  ['dc', 'doc'],
  ['s', 'space'],
  ['f', 'folder'],
  ['wb', 'whiteboard'],
]);

/** Workspace screens: /<workspace>/home, /<workspace>/inbox, … */
const SCREENS = new Map([
  ['home', 'home'],
  ['inbox', 'inbox'],
  ['dashboards', 'dashboard'],
  ['docs', 'docs'],
  ['chat', 'chat'],
  ['goals', 'goals'],
  ['whiteboards', 'whiteboards'],
  ['settings', 'settings'],
]);

export default {
  id: 'clickup',
  name: 'ClickUp',
  hosts: ['app.clickup.com'],
  area(url) {
    const segments = url.pathname.split('/').filter(Boolean);
    // Tasks: /t/<task>, /t/<workspace>/<custom task id>
    if (segments[0] === 't' || segments[1] === 't') return 'task';
    if (segments[1] === 'v') return VIEWS.get(segments[2] ?? '') ?? 'view';
    return SCREENS.get(segments[1] ?? '');
  },
} satisfies ToolDetector;
