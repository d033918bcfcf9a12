import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  [/\/huddle\//, 'huddle'],
  // Canvases: app.slack.com/docs/<team>/<F…>, /canvas/…
  [/^\/docs\/|\/canvas\//, 'canvas'],
  // Web client: /client/<team>/<channel>[/thread/<channel>-<ts>]; C public, G private, D direct
  [/^\/client\/[^/]+\/[CDG][A-Z0-9]+\/thread\//, 'thread'],
  [/^\/client\/[^/]+\/D[A-Z0-9]+/, 'direct-message'],
  [/^\/client\/[^/]+\/[CG][A-Z0-9]+/, 'channel'],
  [/^\/client\/[^/]+\/threads\b/, 'threads'],
  [/^\/client\/[^/]+\/activity\b/, 'activity'],
  [/^\/client\/[^/]+\/search\b/, 'search'],
  [/^\/client\/[^/]+\/(later|saved)\b/, 'later'],
  [/^\/client\/[^/]+\/browse-channels\b/, 'browse'],
  // Message permalinks: <workspace>.slack.com/archives/<channel>/p<ts>
  [/^\/archives\/[CG][A-Z0-9]+/, 'channel'],
  [/^\/archives\/D[A-Z0-9]+/, 'direct-message'],
  [/^\/admin\b/, 'admin'],
];

export default {
  id: 'slack',
  name: 'Slack',
  // app.slack.com, <workspace>.slack.com and <org>.enterprise.slack.com.
  hosts: ['app.slack.com', '*.slack.com'],
  // API docs, the status page and the vendor's site; workspaces are <name>.slack.com.
  notHosts: ['api.slack.com', 'status.slack.com', 'www.slack.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
