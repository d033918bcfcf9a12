import type { ToolDetector } from './types';

/** Paths after a project's or group's /-/ separator. */
const AREAS: [RegExp, string][] = [
  [/^merge_requests\/(\d+|new)\b/, 'merge-request'],
  [/^merge_requests\b/, 'merge-requests'],
  [/^(issues|work_items)\/\d+/, 'issue'],
  [/^(issues|work_items)\b/, 'issues'],
  [/^boards\b/, 'board'],
  [/^epics\/\d+/, 'epic'],
  [/^epics\b/, 'epics'],
  [/^pipelines\/\d+/, 'pipeline'],
  [/^pipelines\b/, 'pipelines'],
  [/^jobs\/\d+/, 'job'],
  [/^jobs\b/, 'jobs'],
  [/^commit\/[0-9a-f]{7,}/, 'commit'],
  [/^commits\b/, 'commits'],
  [/^(blob|tree|blame|raw)\//, 'code'],
  [/^wikis\b/, 'wiki'],
  [/^releases\b/, 'releases'],
  [/^milestones\b/, 'milestones'],
  [/^environments\b/, 'environments'],
  [/^settings\b/, 'settings'],
];

/** A project path (group, subgroups, project) and a screen's word after it, without /-/. */
const LEGACY =
  /^\/[^/]+(?:\/[^/]+)+?\/((?:merge_requests|issues|boards|pipelines|jobs|commit|commits|blob|tree|blame|wikis|releases|milestones|environments|settings)(?:\/.*)?)$/;

/** Screens with no /-/ in the path, named by GitLab's <body data-page="…">. */
const PAGES = new Map([
  ['projects:show', 'repository'],
  ['groups:show', 'group'],
  ['dashboard:projects:index', 'dashboard'],
  ['root:index', 'dashboard'],
]);

export default {
  id: 'gitlab',
  name: 'GitLab',
  // gitlab.com, and GitLab Dedicated tenants: <tenant>.gitlab-dedicated.com.
  hosts: ['gitlab.com', '*.gitlab-dedicated.com'],
  area(url, page) {
    const path = url.pathname;
    const inner = /\/-\/(.*)$/.exec(path)?.[1];
    if (inner !== undefined) return AREAS.find(([pattern]) => pattern.test(inner))?.[1];
    const dashboard = /^\/dashboard\/(merge_requests|issues|todos)\b/.exec(path)?.[1];
    if (dashboard) return dashboard.replace('_', '-');
    if (/^\/dashboard(?:\/projects)?\/?$/.test(path)) return 'dashboard';
    // Before GitLab 13 (and on instances that still run it) a project's screens had no /-/:
    // /<group>/<project>/merge_requests/12. The screen's word comes after the project's path.
    const legacy = LEGACY.exec(path)?.[1];
    if (legacy !== undefined) return AREAS.find(([pattern]) => pattern.test(legacy))?.[1];
    if (/^\/users\/sign_in\b/.test(path)) return 'sign-in';
    // /<group>/<project> and /<group>/<subgroup> look alike: the page itself says which.
    return page?.dataPage ? PAGES.get(page.dataPage) : undefined;
  },
} satisfies ToolDetector;
