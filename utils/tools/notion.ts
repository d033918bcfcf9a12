import type { ToolDetector } from './types';

/** Notion ids are 32 hex digits, at the end of a page's slug (`Roadmap-1a2b…`) or on their own. */
const ID_AT_END = /(?:^|[-/])[0-9a-f]{32}$/i;

export default {
  id: 'notion',
  name: 'Notion',
  // www.notion.so/<workspace>/<slug-id>, app.notion.com/p/<id>, published pages on *.notion.site.
  hosts: ['www.notion.so', 'notion.so', 'app.notion.com', '*.notion.site'],
  area(url) {
    // A database opened at one of its views: …/<id>?v=<view id>
    if (url.searchParams.has('v')) return 'database';
    // A page peeked over another: …?p=<page id>
    if (url.searchParams.has('p')) return 'page';
    const last = url.pathname.replace(/\/$/, '').split('/').pop() ?? '';
    return ID_AT_END.test(last) ? 'page' : undefined;
  },
} satisfies ToolDetector;
