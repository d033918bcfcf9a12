import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // Agent portal: /a/tickets/<n>, /a/tickets/filters/<view>, /a/contacts/<id>
  [/^\/a\/tickets\/\d+/, 'ticket'],
  [/^\/a\/tickets\b/, 'tickets'],
  [/^\/a\/contacts\b/, 'contact'],
  [/^\/a\/companies\b/, 'company'],
  [/^\/a\/solutions\b/, 'solutions'],
  [/^\/a\/(analytics|reports)\b/, 'analytics'],
  [/^\/a\/admin\b/, 'admin'],
  [/^\/a\/discussions\b/, 'forums'],
  [/^\/a\/(dashboard\b|$)/, 'dashboard'],
  // Customer portal: /support/solutions/articles/<id>, /support/tickets/<n>
  [/^\/support\/solutions\/articles\//, 'article'],
  [/^\/support\/tickets\b/, 'request'],
  [/^\/support\b/, 'portal'],
];

export default {
  id: 'freshdesk',
  name: 'Freshdesk',
  hosts: ['*.freshdesk.com'],
  // The vendor's site and API docs; support.freshdesk.com is a Freshdesk portal and stays.
  notHosts: ['www.freshdesk.com', 'developers.freshdesk.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
