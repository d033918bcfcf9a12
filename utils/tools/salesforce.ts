import type { ToolDetector } from './types';

export default {
  id: 'salesforce',
  name: 'Salesforce',
  hosts: ['*.lightning.force.com', '*.my.salesforce.com'],
  area(url) {
    // Lightning URLs: /lightning/r/<Object>/<id>/view, /lightning/o/<Object>/list, /lightning/page/home
    const record = /^\/lightning\/[ro]\/(\w+)\/(?:\w{15,18}\/view|list|home)/.exec(url.pathname);
    if (record?.[1]) return record[1].toLowerCase().replace(/__c$/, '');
    if (/^\/lightning\/page\/home/.test(url.pathname)) return 'home';
    return undefined;
  },
} satisfies ToolDetector;
