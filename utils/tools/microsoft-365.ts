import type { ToolDetector } from './types';

/** The Microsoft 365 admin center: its hosts, and its pages in the address's fragment (#/users). */
const ADMIN_HOSTS = new Set(['admin.microsoft.com', 'admin.cloud.microsoft']);

const ADMIN_AREAS: [RegExp, string][] = [
  [/^(#\/?(homepage)?)?$/i, 'admin-dashboard'],
  [/^#\/(users|activeusers|deletedusers|contacts|guestusers)\b/i, 'users'],
  [/^#\/(groups|teamsandgroups)\b/i, 'groups'],
  [/^#\/(licenses|subscriptions|billoverview|productdetail)\b/i, 'billing'],
  [/^#\/messagecenter\b/i, 'message-center'],
  [/^#\/servicehealth\b/i, 'service-health'],
  [/^#\/(reportsusage|reports|adoptionscore)\b/i, 'reports'],
  [/^#\/copilot\b/i, 'copilot'],
  [/^#\/(settings|orgsettings)\b/i, 'settings'],
  [/^#\/(setup|modernonboarding)\b/i, 'setup'],
];

/** The Microsoft 365 app (the home of Word, Excel, Teams, … and Microsoft 365 Copilot) by its path. */
const APP_AREAS: [RegExp, string][] = [
  [/^\/(home\/?)?$/, 'home'],
  [/^\/chat\b/, 'copilot'],
  [/^\/(apps|launch)\b/, 'apps'],
  [/^\/(create|templates)\b/, 'create'],
  [/^\/search\b/, 'search'],
  [/^\/(mycontent|files)\b/i, 'content'],
];

export default {
  id: 'microsoft-365',
  name: 'Microsoft 365',
  // The app's hosts old and new (office.com now forwards to microsoft365.com; m365.cloud.microsoft
  // serves the Copilot app), and the admin center's. Outlook, Teams, SharePoint, OneDrive and
  // Power BI are tools of their own on their own hosts.
  hosts: [
    'office.com',
    'www.office.com',
    'microsoft365.com',
    'www.microsoft365.com',
    'm365.cloud.microsoft',
    ...ADMIN_HOSTS,
  ],
  area(url) {
    if (ADMIN_HOSTS.has(url.hostname)) return ADMIN_AREAS.find(([pattern]) => pattern.test(url.hash))?.[1];
    return APP_AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1];
  },
} satisfies ToolDetector;
