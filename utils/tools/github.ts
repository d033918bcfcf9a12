import type { ToolDetector } from './types';

/** Paths under /<owner>/<repo>/. */
const REPO_AREAS: [RegExp, string][] = [
  [/^pull\/\d+/, 'pull-request'],
  [/^compare\//, 'pull-request'],
  [/^pulls\b/, 'pull-requests'],
  [/^issues\/\d+/, 'issue'],
  [/^issues\b/, 'issues'],
  [/^actions\b/, 'actions'],
  [/^discussions\b/, 'discussions'],
  [/^projects\b/, 'projects'],
  [/^releases\b/, 'releases'],
  [/^wiki\b/, 'wiki'],
  [/^security\b/, 'security'],
  [/^settings\b/, 'settings'],
  [/^commit\/[0-9a-f]{7,}/, 'commit'],
  [/^commits\b/, 'commits'],
  [/^(blob|tree|blame)\//, 'code'],
  [/^$/, 'repository'],
];

/** Top-level pages of GitHub itself, never an owner. */
const SITE_AREAS = new Map([
  ['pulls', 'pull-requests'],
  ['issues', 'issues'],
  ['notifications', 'notifications'],
  ['search', 'search'],
  ['settings', 'settings'],
  ['codespaces', 'codespaces'],
  ['marketplace', undefined],
  ['features', undefined],
  ['pricing', undefined],
  ['enterprise', undefined],
  ['topics', undefined],
  ['collections', undefined],
  ['explore', undefined],
  ['login', undefined],
  ['signup', undefined],
  ['about', undefined],
  ['sponsors', undefined],
  ['solutions', undefined],
  ['resources', undefined],
  ['security', undefined],
  ['team', undefined],
  ['customer-stories', undefined],
  ['readme', undefined],
  ['trending', undefined],
]);

export default {
  id: 'github',
  name: 'GitHub',
  // github.com, and GitHub Enterprise Cloud with data residency: <subdomain>.ghe.com.
  hosts: ['github.com', '*.ghe.com'],
  area(url) {
    const [owner, repo, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!owner) return 'dashboard';
    if (SITE_AREAS.has(owner)) return SITE_AREAS.get(owner);
    // Organisation and user projects: /orgs/<org>/projects/<n>, /users/<user>/projects/<n>
    if (owner === 'orgs' || owner === 'users') {
      if (rest[0] === 'projects') return 'projects';
      return owner === 'orgs' ? 'organization' : undefined;
    }
    if (!repo) return undefined;
    return REPO_AREAS.find(([pattern]) => pattern.test(rest.join('/')))?.[1];
  },
} satisfies ToolDetector;
