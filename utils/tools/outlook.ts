import type { ToolDetector } from './types';

export default {
  id: 'outlook',
  name: 'Outlook',
  hosts: ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com', 'outlook.cloud.microsoft'],
  area(url) {
    if (/^\/calendar\b/.test(url.pathname)) return 'calendar';
    if (/^\/people\b/.test(url.pathname)) return 'people';
    if (/\/compose|\/deeplink\/compose/.test(url.pathname)) return 'compose';
    return 'mail';
  },
} satisfies ToolDetector;
