import type { ToolDetector } from './types';

export default {
  id: 'google-slides',
  name: 'Google Slides',
  hosts: ['docs.google.com'],
  // docs.google.com is shared with Docs and Sheets: /presentation/ is Slides.
  path: /^\/presentation(\/|$)/,
  area: (url) => (/^\/presentation\/(u\/\d+\/)?d\//.test(url.pathname) ? 'slide' : 'home'),
} satisfies ToolDetector;
