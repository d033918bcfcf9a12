import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  [/^\/browse\/[A-Z][A-Z0-9_]+-\d+/i, 'issue'],
  [/\/backlog\b/, 'backlog'],
  [/\/boards?\/\d+/, 'board'],
  [/\/(queues|queue)\b/, 'queue'],
  [/^\/issues\/?$|\/filters?\b/, 'filter'],
  [/\/timeline\b|\/roadmap\b/, 'timeline'],
  [/\/dashboards?\b/, 'dashboard'],
];

export default {
  id: 'jira',
  name: 'Jira',
  hosts: ['*.atlassian.net', '*.jira.com'],
  // Confluence lives on the same hosts under /wiki.
  path: /^\/(?!wiki(\/|$))/,
  area(url) {
    if (url.searchParams.has('selectedIssue')) return 'issue';
    if (url.searchParams.has('jql') || url.searchParams.has('filter')) return 'filter';
    return AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1];
  },
} satisfies ToolDetector;
