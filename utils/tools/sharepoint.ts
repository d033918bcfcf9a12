import type { ToolDetector } from './types';

export default {
  id: 'sharepoint',
  name: 'SharePoint',
  hosts: ['*.sharepoint.com'],
  area(url) {
    if (/\/SitePages\//i.test(url.pathname)) return 'page';
    if (/\/Lists\//i.test(url.pathname)) return 'list';
    if (/\/Forms\/|\/Shared%20Documents|\/Shared Documents/i.test(url.pathname)) return 'library';
    return undefined;
  },
} satisfies ToolDetector;
