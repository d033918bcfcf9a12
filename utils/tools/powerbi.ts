import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // /groups/<workspace>/reports/<id>/<page>, /groups/me/apps/<app>/reports/<id>, /reportEmbed?reportId=…
  [/\/rdlreports\/[^/]+/i, 'paginated-report'],
  [/\/reports\/[^/]+|^\/reportEmbed\b/i, 'report'],
  [/\/dashboards\/[^/]+|^\/dashboardEmbed\b/i, 'dashboard'],
  [/\/(datasets|semanticmodels)\/[^/]+/i, 'semantic-model'],
  [/\/scorecards\/[^/]+/i, 'scorecard'],
  [/\/apps\/[^/]+/i, 'app'],
  [/^\/groups\/me\/apps\/?$|^\/apps\/?$/i, 'apps'],
  [/^\/groups\/[^/]+(\/list)?\/?$/i, 'workspace'],
  [/^\/(datahub|onelake)\b/i, 'data-hub'],
  [/^\/browse\b/i, 'browse'],
  [/^\/(home)?\/?$/i, 'home'],
];

export default {
  id: 'powerbi',
  name: 'Power BI',
  // app.powerbi.com, the Fabric portal (same URL shapes), and the US government cloud.
  hosts: ['app.powerbi.com', 'app.fabric.microsoft.com', 'app.powerbigov.us'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
