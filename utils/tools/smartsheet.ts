import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // /sheets/<id>?view=grid, /reports/<id>, /dashboards/<id>, /b/form/<id>, /b/home
  [/^\/sheets\//, 'sheet'],
  [/^\/reports\//, 'report'],
  [/^\/dashboards\//, 'dashboard'],
  [/^\/b\/form\//, 'form'],
  [/^\/workspaces\//, 'workspace'],
  [/^\/folders\//, 'folder'],
  [/^\/browse\b/, 'browse'],
  [/^\/b\/home\b|^\/?$/, 'home'],
];

export default {
  id: 'smartsheet',
  name: 'Smartsheet',
  // US, EU and AU regions, and Smartsheet Gov.
  hosts: ['app.smartsheet.com', 'app.smartsheet.eu', 'app.smartsheet.au', 'app.smartsheetgov.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
