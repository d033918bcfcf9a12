import type { ToolDetector } from './types';

/** Paths under /<workspace>/<repository>/. */
const REPO_AREAS: [RegExp, string][] = [
  [/^pull-requests\/(\d+|new)\b/, 'pull-request'],
  [/^pull-requests\b/, 'pull-requests'],
  [/^pipelines\/results\/\d+/, 'pipeline'],
  [/^pipelines\b/, 'pipelines'],
  [/^commits?\/[0-9a-f]{7,}/, 'commit'],
  [/^commits\b/, 'commits'],
  [/^branch(es)?\b/, 'branches'],
  [/^src\b/, 'code'],
  [/^issues\/\d+/, 'issue'],
  [/^issues\b/, 'issues'],
  [/^deployments\b/, 'deployments'],
  [/^admin\b/, 'settings'],
  [/^$/, 'repository'],
];

// Top-level paths that are Bitbucket's own pages, not workspaces.
const RESERVED = new Set(['product', 'blog', 'account', 'site']);

export default {
  id: 'bitbucket',
  name: 'Bitbucket',
  hosts: ['bitbucket.org'],
  area(url) {
    const [workspace, repo, ...rest] = url.pathname.split('/').filter(Boolean);
    if (!workspace || RESERVED.has(workspace)) return undefined;
    if (workspace === 'dashboard') return 'dashboard';
    if (!repo) return 'workspace';
    if (repo === 'workspace') return /^(settings|admin)\b/.test(rest[0] ?? '') ? 'settings' : 'workspace';
    return REPO_AREAS.find(([pattern]) => pattern.test(rest.join('/')))?.[1];
  },
} satisfies ToolDetector;
