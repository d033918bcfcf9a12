import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // miro.com/app/board/<id>=/, and boards embedded live
  [/^\/app\/(board|live-embed)\/[^/]+/, 'board'],
  [/^\/app\/dashboard\b/, 'dashboard'],
  [/^\/app\/settings\b/, 'settings'],
];

export default {
  id: 'miro',
  name: 'Miro',
  hosts: ['miro.com'],
  // The product is under /app/; the rest of miro.com is the public site.
  path: /^\/app(\/|$)/,
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
