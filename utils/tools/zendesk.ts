import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // Agent Workspace: /agent/tickets/<n>, /agent/filters/<view id>, /agent/users/<id>/requested_tickets
  [/^\/agent\/tickets\/(\d+|new)\b/, 'ticket'],
  [/^\/agent\/filters\b/, 'view'],
  [/^\/agent\/users\//, 'user'],
  [/^\/agent\/organizations\//, 'organization'],
  [/^\/agent\/search\b/, 'search'],
  [/^\/agent\/reporting\b|^\/explore\b/, 'reporting'],
  [/^\/agent\/admin\b|^\/admin\b/, 'admin'],
  [/^\/agent\/(dashboard|home)\b|^\/agent\/?$/, 'dashboard'],
  [/^\/knowledge\b|^\/guide\b/, 'knowledge'],
  // Help Center: /hc/<locale>/articles/<id>-<slug>, /hc/<locale>/requests/<id>
  [/^\/hc\/(?:[\w-]+\/)?articles\//, 'article'],
  [/^\/hc\/(?:[\w-]+\/)?requests\b/, 'request'],
  [/^\/hc\/(?:[\w-]+\/)?community\//, 'community'],
  [/^\/hc\b/, 'help-center'],
];

export default {
  id: 'zendesk',
  name: 'Zendesk',
  hosts: ['*.zendesk.com'],
  // The vendor's site, developer docs and status page share the wildcard; <subdomain>.zendesk.com
  // is an account (support.zendesk.com is Zendesk's own Help Center, a real account: kept).
  notHosts: ['www.zendesk.com', 'developer.zendesk.com', 'status.zendesk.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
