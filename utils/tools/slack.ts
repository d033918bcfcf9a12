import type { ToolDetector } from './types';

export default {
  id: 'slack',
  name: 'Slack',
  hosts: ['app.slack.com', '*.slack.com'],
  area(url) {
    if (/\/huddle\//.test(url.pathname)) return 'huddle';
    if (/\/docs\/|\/canvas\//.test(url.pathname)) return 'canvas';
    if (/^\/client\/[^/]+\/[CDG][A-Z0-9]+/.test(url.pathname)) return 'channel';
    return undefined;
  },
} satisfies ToolDetector;
