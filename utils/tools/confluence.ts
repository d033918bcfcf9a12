import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // Editor: /pages/edit-v2/<id>, /pages/create, /pages/resumedraft.action, /create-content/…
  [/\/pages\/(edit|edit-v2|create|resumedraft)\b|\/create-content\//, 'editor'],
  [/\/spaces\/[^/]+\/blog\//, 'blog'],
  [/\/spaces\/[^/]+\/whiteboard\//, 'whiteboard'],
  [/\/spaces\/[^/]+\/database\//, 'database'],
  // /spaces/<KEY>/pages/<id>/<title>, legacy /display/<KEY>/<title>, short links /x/<code>
  [/\/spaces\/[^/]+\/pages\/\d+|^\/wiki\/display\/|^\/wiki\/x\//, 'page'],
  [/\/spaces\/[^/]+\/settings\b|^\/wiki\/admin\b/, 'settings'],
  [/^\/wiki\/spaces\/[^/]+\/?(overview)?$/, 'space'],
  [/^\/wiki\/spaces\/?$/, 'spaces'],
  [/^\/wiki\/search\b/, 'search'],
  [/^\/wiki\/?$|^\/wiki\/home\b/, 'home'],
];

export default {
  id: 'confluence',
  name: 'Confluence',
  hosts: ['*.atlassian.net', '*.jira.com'],
  // www.jira.com redirects to Atlassian's site; sites are <site>.atlassian.net (or legacy .jira.com).
  notHosts: ['www.jira.com'],
  path: /^\/wiki(\/|$)/,
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
