import type { ToolDetector } from './types';

export default {
  id: 'google-docs',
  name: 'Google Docs',
  hosts: ['docs.google.com'],
  path: /^\/document\//,
  area: () => 'doc',
} satisfies ToolDetector;
