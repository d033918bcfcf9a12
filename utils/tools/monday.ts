import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // <account>.monday.com/boards/<board>/pulses/<item>, /boards/<board>/views/<view>
  [/^\/boards\/\d+\/pulses\/\d+/, 'item'],
  [/^\/boards\/\d+/, 'board'],
  [/^\/(overviews|dashboards)\/\d+/, 'dashboard'],
  [/^\/docs\/\d+/, 'doc'],
  [/^\/workspaces\/\d+/, 'workspace'],
  [/^\/my_work\b/, 'my-work'],
  [/^\/inbox\b/, 'inbox'],
  [/^\/admin\b/, 'admin'],
];

export default {
  id: 'monday',
  name: 'monday.com',
  hosts: ['*.monday.com'],
  // The vendor's site, help center, developer docs, community and status; accounts are <name>.monday.com.
  notHosts: [
    'www.monday.com',
    'support.monday.com',
    'developer.monday.com',
    'community.monday.com',
    'status.monday.com',
  ],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
