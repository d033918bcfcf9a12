import type { ToolDetector } from './types';

export default {
  id: 'google-sheets',
  name: 'Google Sheets',
  hosts: ['docs.google.com'],
  // docs.google.com is shared with Docs and Slides: /spreadsheets/ is Sheets.
  path: /^\/spreadsheets(\/|$)/,
  area: (url) => (/^\/spreadsheets\/(u\/\d+\/)?d\//.test(url.pathname) ? 'sheet' : 'home'),
} satisfies ToolDetector;
