import type { ToolDetector } from './types';

export default {
  id: 'confluence',
  name: 'Confluence',
  hosts: ['*.atlassian.net'],
  path: /^\/wiki(\/|$)/,
  area(url) {
    if (/\/pages\/(edit|create)/.test(url.pathname)) return 'editor';
    if (/\/pages\/\d+|\/display\//.test(url.pathname)) return 'page';
    if (/\/spaces\/[^/]+\/?(overview)?$/.test(url.pathname)) return 'space';
    if (/\/search\b/.test(url.pathname)) return 'search';
    return undefined;
  },
} satisfies ToolDetector;
