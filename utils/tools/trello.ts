import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // trello.com/b/<shortLink>/<name>, trello.com/c/<shortLink>/<n>-<name>
  [/^\/b\/[A-Za-z0-9]+/, 'board'],
  [/^\/c\/[A-Za-z0-9]+/, 'card'],
  [/^\/w\/[^/]+/, 'workspace'],
  [/^\/u\/[^/]+\/boards\b/, 'boards'],
  [/^\/u\/[^/]+\/?$/, 'profile'],
];

export default {
  id: 'trello',
  name: 'Trello',
  hosts: ['trello.com'],
  area: (url) => AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1],
} satisfies ToolDetector;
