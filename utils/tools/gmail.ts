import type { ToolDetector } from './types';

export default {
  id: 'gmail',
  name: 'Gmail',
  hosts: ['mail.google.com'],
  area(url) {
    // Google Chat inside Gmail: mail.google.com/chat/u/0/#chat/…
    if (/^\/chat\b/.test(url.pathname)) return 'chat';
    // Gmail keeps its screen in the fragment: #inbox, #search/…, #settings/…, #inbox/<thread id>.
    const hash = url.hash.replace(/^#/, '');
    if (hash.startsWith('settings')) return 'settings';
    if (hash.startsWith('search') || hash.startsWith('advanced-search')) return 'search';
    if (/^[^/?]+\/(?:[^/?]+\/)*[A-Za-z0-9]{16,}(?:$|\?)/.test(hash)) return 'message';
    if (hash.includes('compose=')) return 'compose';
    return 'inbox';
  },
} satisfies ToolDetector;
