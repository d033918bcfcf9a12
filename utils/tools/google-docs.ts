import type { ToolDetector } from './types';

export default {
  id: 'google-docs',
  name: 'Google Docs',
  hosts: ['docs.google.com'],
  // docs.google.com is shared with Sheets and Slides: /document/ is Docs.
  path: /^\/document(\/|$)/,
  // /document/d/<id>/edit (or /document/u/<n>/d/<id>/…) is a document; /document/u/0/ the list.
  area: (url) => (/^\/document\/(u\/\d+\/)?d\//.test(url.pathname) ? 'doc' : 'home'),
} satisfies ToolDetector;
