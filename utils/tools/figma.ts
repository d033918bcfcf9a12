import type { ToolDetector } from './types';

const AREAS: [RegExp, string][] = [
  // /design/<key>/<name> (formerly /file/<key>), /board/<key> (FigJam), /proto/<key>, /slides/<key>
  [/^\/(design|file)\/[^/]+/, 'design'],
  [/^\/board\/[^/]+/, 'board'],
  [/^\/proto\/[^/]+/, 'prototype'],
  [/^\/(slides|deck)\/[^/]+/, 'slides'],
  [/^\/files\b/, 'files'],
  [/^\/community\b/, 'community'],
];

export default {
  id: 'figma',
  name: 'Figma',
  hosts: ['www.figma.com', 'figma.com'],
  area(url) {
    const area = AREAS.find(([pattern]) => pattern.test(url.pathname))?.[1];
    // Dev Mode is the same file URL with ?m=dev.
    return area === 'design' && url.searchParams.get('m') === 'dev' ? 'dev-mode' : area;
  },
} satisfies ToolDetector;
