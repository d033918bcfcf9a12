import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  [/\/_layouts\/15\/(search\.aspx|osssearchresults\.aspx)|^\/search\b/i, 'search'],
  [/\/_layouts\/15\/viewlsts\.aspx/i, 'site-contents'],
  [/\/_layouts\/15\/settings\.aspx/i, 'settings'],
  // An Office document opened in the browser: /_layouts/15/Doc.aspx?sourcedoc={…}
  [/\/_layouts\/15\/(doc|doc2|WopiFrame)\.aspx/i, 'document'],
  [/\/_layouts\/15\/sharepoint\.aspx/i, 'home'],
  [/\/SitePages\//i, 'page'],
  [/\/Lists\//i, 'list'],
  [/\/Forms\/|\/Shared(%20| )Documents|\/Documents\//i, 'library'],
  [/^\/(sites|teams)\/[^/]+\/?$/i, 'site'],
  [/^\/?$/, 'home'],
];

export default {
  id: 'sharepoint',
  name: 'SharePoint',
  hosts: ['*.sharepoint.com'],
  // www.sharepoint.com is Microsoft's product page; tenants are <tenant>.sharepoint.com.
  notHosts: ['www.sharepoint.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
