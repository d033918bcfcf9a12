import type { ToolDetector } from './types';

/** An issue key at the end of a path: JSM queues and the issue navigator open issues this way. */
const TRAILING_KEY = /\/[A-Z][A-Z0-9_]+-\d+\/?$/;

const AREAS: [RegExp, string][] = [
  [/^\/browse\/[A-Z][A-Z0-9_]+-\d+/i, 'issue'],
  // Jira Service Management's customer portal and help center.
  [/^\/servicedesk\/customer\/|^\/helpcenter\b/, 'portal'],
  // Board tabs (/boards/1/backlog, /boards/1/timeline, …) before the board itself.
  [/\/backlog\b/, 'backlog'],
  [/\/timeline\b|\/roadmap\b/, 'timeline'],
  [/\/reports\b/, 'reports'],
  [/\/boards?\/\d+/, 'board'],
  // JSM agent view: /jira/servicedesk/projects/IT/queues/custom/1
  [/\/queues?\b/, 'queue'],
  [/^\/issues\/?$|^\/jira\/filters\b|\/filters?\b/, 'filter'],
  [/\/dashboards?\b/, 'dashboard'],
  [/^\/jira\/(software|core|servicedesk)\/(c\/)?projects\/[^/]+\/list\b/, 'list'],
  [/^\/jira\/(software|core|servicedesk)\/(c\/)?projects\/[^/]+\/summary\b/, 'summary'],
  [/^\/jira\/plans\b/, 'plan'],
  [/^\/jira\/your-work\b/, 'your-work'],
  [/^\/jira\/settings\b|^\/plugins\/servlet\/project-config\b|\/settings\b/, 'settings'],
];

export default {
  id: 'jira',
  name: 'Jira',
  hosts: ['*.atlassian.net', '*.jira.com'],
  // www.jira.com redirects to Atlassian's site; sites are <site>.atlassian.net (or legacy .jira.com).
  notHosts: ['www.jira.com'],
  // Confluence lives on the same hosts under /wiki, Compass under /compass.
  path: /^\/(?!(wiki|compass)(\/|$))/,
  area(url) {
    if (url.searchParams.has('selectedIssue')) return 'issue';
    if (TRAILING_KEY.test(url.pathname)) return 'issue';
    if (url.searchParams.has('jql') || url.searchParams.has('filter')) return 'filter';
    return AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1];
  },
} satisfies ToolDetector;
