import type { ToolDetector } from './types';

/** First route segment after the site: #/site/<site>/views/<workbook>/<view> → views. */
const ROUTES = new Map([
  ['views', 'view'],
  ['workbooks', 'workbook'],
  ['projects', 'project'],
  ['datasources', 'data-source'],
  ['home', 'home'],
  ['explore', 'explore'],
  ['favorites', 'favorites'],
  ['recents', 'recents'],
  ['collections', 'collection'],
  ['flows', 'flow'],
  ['metrics', 'metric'],
  ['authoring', 'editor'],
  ['users', 'admin'],
  ['groups', 'admin'],
  ['schedules', 'admin'],
  ['tasks', 'admin'],
]);

export default {
  id: 'tableau',
  name: 'Tableau',
  // Tableau Cloud pods: 10ay.online.tableau.com, prod-useast-a.online.tableau.com, …
  hosts: ['online.tableau.com', '*.online.tableau.com'],
  area(url) {
    if (/^\/pulse\b/.test(url.pathname)) return 'pulse';
    // Routes live in the fragment (#/site/<site>/…, #/… for the default site), or in the path
    // as /t/<site>/… for shared links.
    const route = url.hash.startsWith('#/') ? url.hash.slice(1) : url.pathname;
    const segments = route.split(/[/?]/).filter(Boolean);
    const start = segments[0] === 'site' || segments[0] === 't' ? 2 : 0;
    return ROUTES.get(segments[start] ?? '');
  },
} satisfies ToolDetector;
