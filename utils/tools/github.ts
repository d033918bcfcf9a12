import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  [/^\/[^/]+\/[^/]+\/pull\/\d+/, 'pull-request'],
  [/^\/[^/]+\/[^/]+\/compare\//, 'pull-request'],
  [/^\/[^/]+\/[^/]+\/pulls\b/, 'pull-requests'],
  [/^\/pulls\b/, 'pull-requests'],
  [/^\/[^/]+\/[^/]+\/issues\/\d+/, 'issue'],
  [/^\/[^/]+\/[^/]+\/issues\b/, 'issues'],
  [/^\/issues\b/, 'issues'],
  [/^\/[^/]+\/[^/]+\/actions\b/, 'actions'],
  [/^\/[^/]+\/[^/]+\/discussions\b/, 'discussions'],
  [/^\/[^/]+\/[^/]+\/settings\b/, 'settings'],
  [/^\/[^/]+\/[^/]+\/(blob|tree)\//, 'code'],
  [/^\/[^/]+\/[^/]+\/?$/, 'repository'],
];

export default {
  id: 'github',
  name: 'GitHub',
  hosts: ['github.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
