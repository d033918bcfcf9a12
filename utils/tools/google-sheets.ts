import type { ToolDetector } from './types';

export default {
  id: 'google-sheets',
  name: 'Google Sheets',
  hosts: ['docs.google.com'],
  path: /^\/spreadsheets\//,
  area: () => 'sheet',
} satisfies ToolDetector;
