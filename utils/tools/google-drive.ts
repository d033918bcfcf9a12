import type { ToolDetector } from './types';

/** Screens under /drive/ (optionally /drive/u/<n>/). */
const DRIVE_AREAS = new Map([
  ['folders', 'folder'],
  ['my-drive', 'my-drive'],
  ['shared-with-me', 'shared-with-me'],
  ['shared-drives', 'shared-drives'],
  ['recent', 'recent'],
  ['starred', 'starred'],
  ['trash', 'trash'],
  ['search', 'search'],
  ['computers', 'computers'],
  ['home', 'home'],
]);

export default {
  id: 'google-drive',
  name: 'Google Drive',
  hosts: ['drive.google.com'],
  area(url) {
    // A file's preview: /file/d/<id>/view
    if (/^\/file\/d\//.test(url.pathname)) return 'file';
    if (/^\/(drive(\/u\/\d+)?\/?)?$/.test(url.pathname)) return 'home';
    const screen = /^\/drive\/(?:u\/\d+\/)?([\w-]+)/.exec(url.pathname)?.[1];
    return screen ? DRIVE_AREAS.get(screen) : undefined;
  },
} satisfies ToolDetector;
